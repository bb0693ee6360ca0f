using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>A docent teaches a vak to a class. Mutable: the dialog's form binds to it.</summary>
public sealed record LesopdrachtGegevens
{
    public Guid? Id { get; set; }
    public Guid? KlasId { get; set; }
    public Guid? MedewerkerId { get; set; }
    public string Vak { get; set; } = "";
}

public sealed class LesopdrachtValidator : AbstractValidator<LesopdrachtGegevens>
{
    public LesopdrachtValidator()
    {
        RuleFor(l => l.KlasId).Must(Beheer.IsGekozen).WithMessage("Kies de klas.");
        RuleFor(l => l.MedewerkerId).Must(Beheer.IsGekozen).WithMessage("Kies de docent.");
        RuleFor(l => l.Vak).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul het vak in.")
            .Tekst(60).WithMessage("Het vak is hoogstens 60 tekens.");
    }
}

/// <summary>
/// Creates or changes a lesopdracht. What a docent may see of his students follows from these, so the docent must
/// be a staff member of the school with the Docent role.
/// </summary>
public sealed class LesopdrachtOpslaanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    private static readonly LesopdrachtValidator Validator = new();

    public async Task<Result<Guid>> HandleAsync(LesopdrachtGegevens gegevens, CancellationToken cancellationToken = default)
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
        var klasId = gegevens.KlasId!.Value;
        var medewerkerId = gegevens.MedewerkerId!.Value;
        var vak = Domain.Tekst.Regel(gegevens.Vak);
        var bestaatAl = new Fout(FoutSoort.Conflict, $"Deze docent geeft {vak} al aan deze klas.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Lesopdracht? lesopdracht = null;
        if (gegevens.Id is { } id)
        {
            lesopdracht = await db.Lesopdrachten.AsTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
            if (lesopdracht is null)
            {
                return Fout.NietGevonden("De lesopdracht");
            }
        }
        var klas = await db.Klassen.Where(k => k.Id == klasId).Select(k => k.Naam).FirstOrDefaultAsync(cancellationToken);
        if (klas is null)
        {
            return new Fout(FoutSoort.Ongeldig, "De gekozen klas bestaat niet (meer).");
        }
        // The same docent may keep the lesopdracht even if deactivated or without the role since; a new one must qualify.
        var blijft = lesopdracht?.MedewerkerId == medewerkerId;
        if (!blijft && !await db.MedewerkersVan(school, Rollen.Docent).AnyAsync(u => u.Id == medewerkerId && u.Actief, cancellationToken))
        {
            return new Fout(FoutSoort.Ongeldig, "De gekozen docent is geen actieve medewerker van deze school met de rol Docent.");
        }
        if (await db.Lesopdrachten.AnyAsync(l => l.KlasId == klasId && l.MedewerkerId == medewerkerId && EF.Functions.ILike(l.Vak, Beheer.Letterlijk(vak))
                && l.Id != (gegevens.Id ?? Guid.Empty), cancellationToken))
        {
            return bestaatAl;
        }

        if (lesopdracht is null)
        {
            lesopdracht = new Lesopdracht { Vak = vak };
            db.Lesopdrachten.Add(lesopdracht);
        }
        lesopdracht.KlasId = klasId;
        lesopdracht.MedewerkerId = medewerkerId;
        lesopdracht.Vak = vak;
        audit.Add(db, gegevens.Id is null ? AuditActie.Aanmaken : AuditActie.Wijzigen, null,
            $"lesopdracht {vak} in klas {klas} (docent {medewerkerId}) {(gegevens.Id is null ? "aangemaakt" : "gewijzigd")}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Beheer.IsUniekeSchending(ex))
        {
            return bestaatAl;
        }
        return lesopdracht.Id;
    }
}
