using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Ondersteuningsprofielen;
using Leerlingzorg.Web.Features.Aanbodbeheer;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Ondersteuningsprofielen;

/// <summary>Who edits and publishes the school's profile: the zorgcoördinator and the beheerder; every staff member reads it.</summary>
public static class ProfielToegang
{
    public static bool MagLezen(CurrentUser user) => Toegang.IsMedewerker(user);

    public static bool MagBewerken(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Toegang.IsMedewerker(user) && user.IsInEenVan([Rollen.Zorgcoordinator, Rollen.Beheerder]);
    }

    public const string GeenBewerkrecht = "Alleen de zorgcoördinator en de beheerder kunnen het ondersteuningsprofiel wijzigen en publiceren.";
}

/// <summary>One expertise in the form: chosen or not, with the school's own text.</summary>
public sealed class ExpertiseKeuze
{
    public Expertise Expertise { get; set; }
    public bool Gekozen { get; set; }
    public string Omschrijving { get; set; } = "";
}

/// <summary>The form's model: what the school types; nothing is lost when it does not pass.</summary>
public sealed class ProfielGegevens
{
    public string Ondersteuningsstructuur { get; set; } = "";
    public string VeiligeOmgeving { get; set; } = "";
    public string Kwaliteitszorg { get; set; } = "";
    public string Onderwijsaanbod { get; set; } = "";
    public string Adres { get; set; } = "";
    public string Telefoon { get; set; } = "";
    public string Website { get; set; } = "";
    public string Email { get; set; } = "";
    public List<ExpertiseKeuze> Expertises { get; set; } = [.. Domain.Ondersteuningsprofielen.Expertises.Alle.Select(e => new ExpertiseKeuze { Expertise = e })];

    public static ProfielGegevens Van(Ondersteuningsprofiel? profiel)
    {
        var gegevens = new ProfielGegevens();
        if (profiel is null)
        {
            return gegevens;
        }
        (gegevens.Ondersteuningsstructuur, gegevens.VeiligeOmgeving, gegevens.Kwaliteitszorg, gegevens.Onderwijsaanbod) =
            (profiel.Ondersteuningsstructuur, profiel.VeiligeOmgeving, profiel.Kwaliteitszorg, profiel.Onderwijsaanbod);
        (gegevens.Adres, gegevens.Telefoon, gegevens.Website, gegevens.Email) = (profiel.Adres, profiel.Telefoon, profiel.Website, profiel.Email);
        foreach (var e in profiel.Expertises)
        {
            var keuze = gegevens.Expertises.First(k => k.Expertise == e.Expertise);
            keuze.Gekozen = true;
            keuze.Omschrijving = e.Omschrijving;
        }
        return gegevens;
    }

    public ProfielTeksten Teksten() => new(Ondersteuningsstructuur, VeiligeOmgeving, Kwaliteitszorg, Onderwijsaanbod, Adres, Telefoon, Website, Email,
        [.. Expertises.Where(k => k.Gekozen).Select(k => new ProfielExpertise(k.Expertise, k.Omschrijving))]);
}

/// <summary>The form's checks, in Dutch; the Domain (<see cref="Ondersteuningsprofiel.Wijzig"/>) holds the same rules.</summary>
public sealed class ProfielValidator : AbstractValidator<ProfielGegevens>
{
    private const string GeenContact = "Het profiel is openbaar: geen e-mailadres of telefoonnummer in deze tekst, alleen het algemene adres bij Contact.";

    public ProfielValidator()
    {
        RuleFor(p => p.Ondersteuningsstructuur).Cascade(CascadeMode.Stop).VrijeTekst(Ondersteuningsprofiel.SectieMaxLengte).Must(GeenContactgegevens).WithMessage(GeenContact);
        RuleFor(p => p.VeiligeOmgeving).Cascade(CascadeMode.Stop).VrijeTekst(Ondersteuningsprofiel.SectieMaxLengte).Must(GeenContactgegevens).WithMessage(GeenContact);
        RuleFor(p => p.Kwaliteitszorg).Cascade(CascadeMode.Stop).VrijeTekst(Ondersteuningsprofiel.SectieMaxLengte).Must(GeenContactgegevens).WithMessage(GeenContact);
        RuleFor(p => p.Onderwijsaanbod).Cascade(CascadeMode.Stop).VrijeTekst(Ondersteuningsprofiel.OnderwijsaanbodMaxLengte).Must(GeenContactgegevens).WithMessage(GeenContact);
        RuleFor(p => p.Adres).Tekst(Ondersteuningsprofiel.AdresMaxLengte);
        RuleFor(p => p.Telefoon).Cascade(CascadeMode.Stop).Tekst(Ondersteuningsprofiel.TelefoonMaxLengte)
            .Matches(@"^(\+?[0-9][0-9 \-]{5,18})?$").WithMessage("Een telefoonnummer bestaat uit cijfers, spaties en streepjes, bijvoorbeeld 0317 123 456.");
        RuleFor(p => p.Website).Cascade(CascadeMode.Stop).Tekst(Ondersteuningsprofiel.WebsiteMaxLengte)
            .Must(w => string.IsNullOrWhiteSpace(w) || (Uri.TryCreate(w.Trim(), UriKind.Absolute, out var u) && u.Scheme is "https" or "http" && u.Host.Contains('.', StringComparison.Ordinal)))
            .WithMessage("De website is een adres dat begint met https://, bijvoorbeeld https://www.school.nl.");
        RuleFor(p => p.Email).Cascade(CascadeMode.Stop).Tekst(Ondersteuningsprofiel.EmailMaxLengte)
            .Matches(@"^([^@\s]+@[^@\s]+\.[^@\s]+)?$").WithMessage("Het e-mailadres is geen geldig adres (bijvoorbeeld info@school.nl).");
        RuleForEach(p => p.Expertises).ChildRules(k =>
        {
            k.RuleFor(e => e.Omschrijving).Cascade(CascadeMode.Stop).VrijeTekst(Ondersteuningsprofiel.ExpertiseOmschrijvingMaxLengte)
                .Must(GeenContactgegevens).WithMessage(GeenContact);
        });
    }

    private static bool GeenContactgegevens(string? tekst) => !Ondersteuningsprofiel.BevatContactgegevens(Domain.Tekst.Vrij(tekst));
}

/// <summary>The profile page: the form's values, who may edit, when it was published, and what publishing adds from elsewhere.</summary>
public sealed record ProfielScherm(
    string SchoolNaam, ProfielGegevens Gegevens, bool MagBewerken, DateTimeOffset? GewijzigdOp, DateTimeOffset? GepubliceerdOp,
    bool HeeftOngepubliceerdeWijzigingen, IReadOnlyList<PubliekeLocatie> Locaties, IReadOnlyList<string> Afdelingen, IReadOnlyList<PubliekAanbod> Aanbod);

/// <summary>Reads the school's profile for every staff member.</summary>
public sealed class ProfielLadenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<Result<ProfielScherm>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!ProfielToegang.MagLezen(currentUser) || currentUser.SchoolId is not { } schoolId)
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profiel = await db.Ondersteuningsprofielen.FirstOrDefaultAsync(cancellationToken);
        var schoolNaam = await db.Scholen.Where(s => s.Id == schoolId).Select(s => s.Naam).FirstAsync(cancellationToken);
        var (locaties, afdelingen, aanbod) = await Schoolgegevens.LeesAsync(db, cancellationToken);
        return new ProfielScherm(schoolNaam, ProfielGegevens.Van(profiel), ProfielToegang.MagBewerken(currentUser), profiel?.GewijzigdOp,
            profiel?.GepubliceerdOp, profiel?.HeeftOngepubliceerdeWijzigingen ?? false, locaties, afdelingen, aanbod);
    }
}

/// <summary>What publishing copies from the school's organisation and offer: public facts only.</summary>
internal static class Schoolgegevens
{
    public static async Task<(List<PubliekeLocatie>, List<string>, List<PubliekAanbod>)> LeesAsync(LeerlingzorgDbContext db, CancellationToken cancellationToken)
    {
        var locaties = await db.Locaties.OrderBy(l => l.Plaats).ThenBy(l => l.Naam).Select(l => new PubliekeLocatie(l.Naam, l.Plaats)).ToListAsync(cancellationToken);
        var afdelingen = await db.Afdelingen.OrderBy(a => a.Naam).Select(a => a.Naam).ToListAsync(cancellationToken);
        var aanbod = (await db.Ondersteuningsaanbod.Where(a => a.Actief).OrderBy(a => a.Volgorde).ThenBy(a => a.Naam)
                .Select(a => new { a.Naam, a.Categorie, a.Niveau, a.Omschrijving }).ToListAsync(cancellationToken))
            .Select(a => new PubliekAanbod(a.Naam, a.Categorie.Weergave(), a.Niveau.Kort(), a.Omschrijving)).ToList();
        return (locaties, afdelingen, aanbod);
    }
}

/// <summary>Saves the draft: the zorgcoördinator or the beheerder only; audited in the same SaveChanges. Not yet public.</summary>
public sealed class ProfielOpslaanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public ProfielValidator Validator { get; } = new();

    public async Task<Result<bool>> HandleAsync(ProfielGegevens gegevens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gegevens);
        if (!ProfielToegang.MagBewerken(currentUser) || currentUser.Id is not { } door)
        {
            return new Fout(FoutSoort.GeenToegang, ProfielToegang.GeenBewerkrecht);
        }
        if (Validator.Controleer(gegevens) is { } ongeldig)
        {
            return ongeldig;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profiel = await db.Ondersteuningsprofielen.AsTracking().FirstOrDefaultAsync(cancellationToken);
        var nieuw = profiel is null;
        profiel ??= new Ondersteuningsprofiel();
        bool gewijzigd;
        try
        {
            gewijzigd = profiel.Wijzig(gegevens.Teksten(), time.GetUtcNow(), door);
        }
        catch (ArgumentException ex)
        {
            return new Fout(FoutSoort.Ongeldig, ex.Message.Split(" (Parameter", 2)[0]);
        }
        if (!gewijzigd)
        {
            return false;
        }
        if (nieuw)
        {
            db.Ondersteuningsprofielen.Add(profiel);
        }
        audit.Add(db, nieuw ? AuditActie.Aanmaken : AuditActie.Wijzigen, null,
            $"ondersteuningsprofiel opgeslagen (expertise: {string.Join(", ", profiel.Expertises.Select(e => e.Expertise.Weergave()))})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Beheer.IsUniekeSchending(ex))
        {
            return new Fout(FoutSoort.Conflict, "Iemand anders maakte tegelijk het profiel aan. Laad de pagina opnieuw; uw tekst staat nog in het formulier.");
        }
        return true;
    }
}

/// <summary>
/// Publishes the saved profile: copies it, with the school's locations, departments and active offer, into the public
/// table and clears the public page's cache. The zorgcoördinator or the beheerder only; audited.
/// </summary>
public sealed class ProfielPublicerenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time, IOutputCacheStore cache)
{
    public async Task<Result<DateTimeOffset>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!ProfielToegang.MagBewerken(currentUser) || currentUser.SchoolId is not { } schoolId)
        {
            return new Fout(FoutSoort.GeenToegang, ProfielToegang.GeenBewerkrecht);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profiel = await db.Ondersteuningsprofielen.AsTracking().FirstOrDefaultAsync(cancellationToken);
        if (profiel is null)
        {
            return new Fout(FoutSoort.Ongeldig, "Sla het profiel eerst op; daarna kunt u het publiceren.");
        }
        if (profiel.WaaromNietPubliceerbaar() is { } reden)
        {
            return new Fout(FoutSoort.Ongeldig, reden);
        }
        var school = await db.Scholen.Where(s => s.Id == schoolId).Select(s => new { s.Naam, s.SamenwerkingsverbandId }).FirstAsync(cancellationToken);
        var (locaties, afdelingen, aanbod) = await Schoolgegevens.LeesAsync(db, cancellationToken);
        var bestaand = await db.GepubliceerdeProfielen.AsTracking().FirstOrDefaultAsync(p => p.SchoolId == schoolId, cancellationToken);
        var nu = time.GetUtcNow();
        var gepubliceerd = profiel.Publiceer(bestaand, school.SamenwerkingsverbandId, school.Naam, locaties, afdelingen, aanbod, nu);
        if (bestaand is null)
        {
            db.GepubliceerdeProfielen.Add(gepubliceerd);
        }
        audit.Add(db, AuditActie.Wijzigen, null, $"ondersteuningsprofiel gepubliceerd ({gepubliceerd.ExpertiseCodes.Count} expertises, {aanbod.Count} onderdelen aanbod)");
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictByTagAsync(PubliekOverzichtHandler.CacheTag, cancellationToken);
        return nu;
    }
}
