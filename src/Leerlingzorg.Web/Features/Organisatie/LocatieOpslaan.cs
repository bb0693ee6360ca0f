using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>A new locatie (no <see cref="Id"/>) or changes to one. Mutable: the dialog's form binds to it.</summary>
public sealed record LocatieGegevens
{
    public Guid? Id { get; set; }
    public string Naam { get; set; } = "";
    public string Plaats { get; set; } = "";
}

public sealed class LocatieValidator : AbstractValidator<LocatieGegevens>
{
    public LocatieValidator()
    {
        RuleFor(l => l.Naam).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul de naam van de locatie in.")
            .Tekst(200).WithMessage("De naam van de locatie is hoogstens 200 tekens.");
        RuleFor(l => l.Plaats).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul de plaats in.")
            .Tekst(100).WithMessage("De plaats is hoogstens 100 tekens.");
    }
}

public sealed class LocatieOpslaanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    private static readonly LocatieValidator Validator = new();

    public async Task<Result<Guid>> HandleAsync(LocatieGegevens gegevens, CancellationToken cancellationToken = default)
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
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Locaties.AnyAsync(l => EF.Functions.ILike(l.Naam, Beheer.Letterlijk(naam)) && l.Id != (gegevens.Id ?? Guid.Empty), cancellationToken))
        {
            return new Fout(FoutSoort.Conflict, $"Er is al een locatie met de naam {naam}.");
        }
        Locatie locatie;
        if (gegevens.Id is { } id)
        {
            var bestaand = await db.Locaties.AsTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
            if (bestaand is null)
            {
                return Fout.NietGevonden("De locatie");
            }
            locatie = bestaand;
            locatie.Naam = naam;
            locatie.Plaats = Domain.Tekst.Regel(gegevens.Plaats);
            audit.Add(db, AuditActie.Wijzigen, null, $"locatie {naam} gewijzigd");
        }
        else
        {
            locatie = new Locatie { Naam = naam, Plaats = Domain.Tekst.Regel(gegevens.Plaats) };
            db.Locaties.Add(locatie);
            audit.Add(db, AuditActie.Aanmaken, null, $"locatie {naam} aangemaakt");
        }
        await db.SaveChangesAsync(cancellationToken);
        return locatie.Id;
    }
}
