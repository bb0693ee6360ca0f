using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Afspraken;

public sealed class AfrondenInvoer
{
    public Guid AfspraakId { get; set; }
    public string? Evaluatie { get; set; }
}

public sealed class AfrondenInvoerValidator : AbstractValidator<AfrondenInvoer>
{
    public const int MaxLengte = 2000;

    public AfrondenInvoerValidator()
    {
        RuleFor(x => x.Evaluatie).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul de evaluatie in: wat heeft de afspraak opgeleverd?")
            .VrijeTekst(MaxLengte).WithMessage($"De evaluatie heeft hooguit {MaxLengte} tekens.");
    }
}

/// <summary>
/// Finishes an afspraak with its evaluation (<see cref="Domain.Dossier.Afspraak.RondAf"/>). Only its owner or the
/// zorgcoördinator; the write is audited in the same SaveChanges.
/// </summary>
public sealed class AfspraakAfrondenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public AfrondenInvoerValidator Validator { get; } = new();

    public async Task<Result<DateTimeOffset>> HandleAsync(AfrondenInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        var validatie = await Validator.ValidateAsync(invoer, cancellationToken);
        if (!validatie.IsValid)
        {
            return Fout.Ongeldig(validatie);
        }
        if (currentUser.Id is not { } userId || currentUser.SchoolId is null || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var afspraak = await db.Afspraken.AsTracking().FirstOrDefaultAsync(a => a.Id == invoer.AfspraakId, cancellationToken);
        if (afspraak is null)
        {
            return Fout.NietGevonden("De afspraak");
        }
        if (afspraak.EigenaarId != userId && !currentUser.IsInRol(Rollen.Zorgcoordinator))
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de eigenaar van de afspraak of de zorgcoördinator kan de afspraak afronden.");
        }
        if (afspraak.IsAfgerond)
        {
            return new Fout(FoutSoort.Conflict, "Deze afspraak is al afgerond.");
        }
        var nu = time.GetUtcNow();
        afspraak.RondAf(invoer.Evaluatie!, nu);
        audit.Add(db, AuditActie.Wijzigen, afspraak.LeerlingId, $"afspraak afgerond ({afspraak.Id})");
        await db.SaveChangesAsync(cancellationToken);
        return nu;
    }
}
