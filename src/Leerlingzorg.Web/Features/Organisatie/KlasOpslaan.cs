using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>A new class (no <see cref="Id"/>) or changes to one, with its mentors. Mutable: the dialog's form binds to it.</summary>
public sealed record KlasGegevens
{
    public Guid? Id { get; set; }
    public Schooljaar Schooljaar { get; set; }
    public string Naam { get; set; } = "";
    public int? Leerjaar { get; set; }
    public Guid? AfdelingId { get; set; }
    public Guid? LocatieId { get; set; }
    public IReadOnlyCollection<Guid> MentorIds { get; set; } = [];
}

public sealed class KlasValidator : AbstractValidator<KlasGegevens>
{
    public KlasValidator()
    {
        RuleFor(k => k.Naam).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul de naam van de klas in.")
            .Tekst(20).WithMessage("De naam van de klas is hoogstens 20 tekens.");
        RuleFor(k => k.Leerjaar).NotNull().WithMessage("Kies het leerjaar.")
            .InclusiveBetween(1, Klas.HoogsteLeerjaar).WithMessage($"Het leerjaar ligt tussen 1 en {Klas.HoogsteLeerjaar}.");
        RuleFor(k => k.AfdelingId).Must(Beheer.IsGekozen).WithMessage("Kies de afdeling.");
        RuleFor(k => k.LocatieId).Must(Beheer.IsGekozen).WithMessage("Kies de locatie.");
        RuleFor(k => k.MentorIds).NotEmpty().WithMessage("Kies minstens één mentor.");
        RuleFor(k => k.Schooljaar).Must(j => j.Startjaar is >= 2000 and <= 2100).WithMessage("Kies een geldig schooljaar.");
    }
}

/// <summary>
/// Creates or changes a class: its name is unique within the schooljaar, its afdeling and locatie are the
/// school's, and every mentor is a staff member of the school with the Mentor role.
/// </summary>
public sealed class KlasOpslaanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    private static readonly KlasValidator Validator = new();

    public async Task<Result<Guid>> HandleAsync(KlasGegevens gegevens, CancellationToken cancellationToken = default)
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
        var naam = Domain.Tekst.Regel(gegevens.Naam);
        var jaar = gegevens.Schooljaar;
        var bestaatAl = new Fout(FoutSoort.Conflict, $"Er is in schooljaar {jaar} al een klas {naam}.");
        var mentorIds = gegevens.MentorIds.Distinct().ToList();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Afdelingen.AnyAsync(a => a.Id == gegevens.AfdelingId, cancellationToken))
        {
            return new Fout(FoutSoort.Ongeldig, "De gekozen afdeling bestaat niet (meer).");
        }
        if (!await db.Locaties.AnyAsync(l => l.Id == gegevens.LocatieId, cancellationToken))
        {
            return new Fout(FoutSoort.Ongeldig, "De gekozen locatie bestaat niet (meer).");
        }
        if (await db.Klassen.AnyAsync(k => k.Schooljaar == jaar && EF.Functions.ILike(k.Naam, Beheer.Letterlijk(naam)) && k.Id != (gegevens.Id ?? Guid.Empty), cancellationToken))
        {
            return bestaatAl;
        }

        Klas klas;
        if (gegevens.Id is { } id)
        {
            var bestaand = await db.Klassen.AsTracking().Include(k => k.Mentoren).FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
            if (bestaand is null)
            {
                return Fout.NietGevonden("De klas");
            }
            if (bestaand.Schooljaar != jaar)
            {
                return new Fout(FoutSoort.Ongeldig, "Het schooljaar van een bestaande klas kan niet worden gewijzigd. Maak een nieuwe klas aan.");
            }
            klas = bestaand;
        }
        else
        {
            klas = new Klas { SchoolId = school, Naam = naam, Schooljaar = jaar };
            db.Klassen.Add(klas);
        }

        // A mentor who was deactivated or lost the role since may stay on his class until the Beheerder changes
        // that; only a newly added mentor must be an active staff member with the Mentor role.
        var huidigeMentoren = klas.Mentoren.Select(m => m.MedewerkerId).ToList();
        var nieuweMentoren = mentorIds.Except(huidigeMentoren).ToList();
        var geldigeMentoren = await db.MedewerkersVan(school, Rollen.Mentor)
            .CountAsync(u => nieuweMentoren.Contains(u.Id) && u.Actief, cancellationToken);
        if (geldigeMentoren != nieuweMentoren.Count)
        {
            return new Fout(FoutSoort.Ongeldig, "Een gekozen mentor is geen actieve medewerker van deze school met de rol Mentor.");
        }

        var oudeNaam = klas.Naam;
        klas.Naam = naam;
        klas.Leerjaar = gegevens.Leerjaar!.Value;
        klas.AfdelingId = gegevens.AfdelingId!.Value;
        klas.LocatieId = gegevens.LocatieId!.Value;
        klas.Mentoren.RemoveAll(m => !mentorIds.Contains(m.MedewerkerId));
        klas.Mentoren.AddRange(mentorIds.Where(m => !huidigeMentoren.Contains(m))
            .Select(m => new KlasMentor { SchoolId = school, KlasId = klas.Id, MedewerkerId = m }));

        audit.Add(db, gegevens.Id is null ? AuditActie.Aanmaken : AuditActie.Wijzigen, null, gegevens.Id is null
            ? $"klas {naam} ({jaar}) aangemaakt"
            : oudeNaam == naam ? $"klas {naam} ({jaar}) gewijzigd" : $"klas {oudeNaam} ({jaar}) gewijzigd, nieuwe naam {naam}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Beheer.IsUniekeSchending(ex))
        {
            return bestaatAl;
        }
        return klas.Id;
    }
}
