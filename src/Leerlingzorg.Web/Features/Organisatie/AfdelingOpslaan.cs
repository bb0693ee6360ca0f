using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>A new afdeling (no <see cref="Id"/>) or a new name for one.</summary>
public sealed record AfdelingGegevens
{
    public Guid? Id { get; set; }
    public string Naam { get; set; } = "";
}

public sealed class AfdelingValidator : AbstractValidator<AfdelingGegevens>
{
    public AfdelingValidator() =>
        RuleFor(a => a.Naam).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul de naam van de afdeling in.")
            .Tekst(50).WithMessage("De naam van de afdeling is hoogstens 50 tekens.");
}

public sealed class AfdelingOpslaanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    private static readonly AfdelingValidator Validator = new();

    public async Task<Result<Guid>> HandleAsync(AfdelingGegevens gegevens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gegevens);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (Validator.Controleer(gegevens) is { } ongeldig)
        {
            return ongeldig;
        }
        var naam = Domain.Tekst.Regel(gegevens.Naam);
        var bestaatAl = new Fout(FoutSoort.Conflict, $"Er is al een afdeling met de naam {naam}.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Afdelingen.AnyAsync(a => EF.Functions.ILike(a.Naam, Beheer.Letterlijk(naam)) && a.Id != (gegevens.Id ?? Guid.Empty), cancellationToken))
        {
            return bestaatAl;
        }
        Afdeling afdeling;
        if (gegevens.Id is { } id)
        {
            var bestaand = await db.Afdelingen.AsTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (bestaand is null)
            {
                return Fout.NietGevonden("De afdeling");
            }
            afdeling = bestaand;
            audit.Add(db, AuditActie.Wijzigen, null, $"afdeling {afdeling.Naam} gewijzigd in {naam}");
            afdeling.Naam = naam;
        }
        else
        {
            afdeling = new Afdeling { Naam = naam };
            db.Afdelingen.Add(afdeling);
            audit.Add(db, AuditActie.Aanmaken, null, $"afdeling {naam} aangemaakt");
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Beheer.IsUniekeSchending(ex))
        {
            return bestaatAl;
        }
        return afdeling.Id;
    }
}
