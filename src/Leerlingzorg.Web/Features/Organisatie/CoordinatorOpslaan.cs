using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>
/// A staff member as leerjaarcoördinator (for a leerjaar) or afdelingscoördinator (for an afdeling, optionally one
/// leerjaar of it). Mutable: the dialog's form binds to it.
/// </summary>
public sealed record CoordinatorGegevens
{
    public Guid? Id { get; set; }
    public Guid? MedewerkerId { get; set; }
    public CoordinatorSoort Soort { get; set; }
    public int? Leerjaar { get; set; }
    public Guid? AfdelingId { get; set; }
}

public sealed class CoordinatorValidator : AbstractValidator<CoordinatorGegevens>
{
    public CoordinatorValidator()
    {
        RuleFor(c => c.MedewerkerId).Must(Beheer.IsGekozen).WithMessage("Kies de medewerker.");
        RuleFor(c => c.Soort).IsInEnum().WithMessage("Kies leerjaar- of afdelingscoördinator.");
        RuleFor(c => c.Leerjaar).NotNull().When(c => c.Soort == CoordinatorSoort.Leerjaar).WithMessage("Kies het leerjaar.");
        RuleFor(c => c.Leerjaar).InclusiveBetween(1, Klas.HoogsteLeerjaar).WithMessage($"Het leerjaar ligt tussen 1 en {Klas.HoogsteLeerjaar}.");
        RuleFor(c => c.AfdelingId).Must(Beheer.IsGekozen).When(c => c.Soort == CoordinatorSoort.Afdeling).WithMessage("Kies de afdeling.");
    }
}

public sealed class CoordinatorOpslaanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    private static readonly CoordinatorValidator Validator = new();

    public async Task<Result<Guid>> HandleAsync(CoordinatorGegevens gegevens, CancellationToken cancellationToken = default)
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
        var school = currentUser.SchoolId!.Value;
        var medewerkerId = gegevens.MedewerkerId!.Value;
        var afdelingId = gegevens.Soort == CoordinatorSoort.Afdeling ? gegevens.AfdelingId : null;
        var leerjaar = gegevens.Leerjaar;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Coordinator? coordinator = null;
        if (gegevens.Id is { } id)
        {
            coordinator = await db.Coordinatoren.AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (coordinator is null)
            {
                return Fout.NietGevonden("De coördinator");
            }
        }
        // The same person may keep the task even if deactivated or without the role since; a new one must qualify.
        var blijft = coordinator?.MedewerkerId == medewerkerId;
        if (!blijft && !await db.MedewerkersVan(school, Personeelsrollen.Coordinator)
                .AnyAsync(u => u.Id == medewerkerId && u.Actief, cancellationToken))
        {
            return new Fout(FoutSoort.Ongeldig,
                "De gekozen medewerker is geen actieve medewerker van deze school met de rol Leerjaarcoördinator of Afdelingscoördinator.");
        }
        if (afdelingId is not null && !await db.Afdelingen.AnyAsync(a => a.Id == afdelingId, cancellationToken))
        {
            return new Fout(FoutSoort.Ongeldig, "De gekozen afdeling bestaat niet (meer).");
        }
        if (await db.Coordinatoren.AnyAsync(c => c.MedewerkerId == medewerkerId && c.Leerjaar == leerjaar && c.AfdelingId == afdelingId
                && c.Id != (gegevens.Id ?? Guid.Empty), cancellationToken))
        {
            return new Fout(FoutSoort.Conflict, "Deze medewerker heeft deze coördinatorstaak al.");
        }

        if (coordinator is null)
        {
            coordinator = new Coordinator();
            db.Coordinatoren.Add(coordinator);
        }
        coordinator.MedewerkerId = medewerkerId;
        coordinator.Leerjaar = leerjaar;
        coordinator.AfdelingId = afdelingId;
        var afdeling = afdelingId is null ? null : await db.Afdelingen.Where(a => a.Id == afdelingId).Select(a => a.Naam).FirstAsync(cancellationToken);
        var taak = afdeling is null ? $"leerjaarcoördinator leerjaar {leerjaar}"
            : leerjaar is null ? $"afdelingscoördinator {afdeling}" : $"afdelingscoördinator {afdeling} leerjaar {leerjaar}";
        audit.Add(db, gegevens.Id is null ? AuditActie.Aanmaken : AuditActie.Wijzigen, null,
            $"{taak} (medewerker {medewerkerId}) {(gegevens.Id is null ? "aangemaakt" : "gewijzigd")}");
        await db.SaveChangesAsync(cancellationToken);
        return coordinator.Id;
    }
}
