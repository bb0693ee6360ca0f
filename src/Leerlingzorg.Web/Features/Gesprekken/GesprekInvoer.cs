using Leerlingzorg.Domain;
using System.Text.Json;
using FluentValidation;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Gesprekken;

/// <summary>
/// What the mentor fills in for a gesprek; also the JSON of a draft (<see cref="GesprekConcept"/>), so every
/// property has a public setter. Dates as the date picker has them.
/// </summary>
public sealed class GesprekInvoer
{
    /// <summary>Null for a new gesprek.</summary>
    public Guid? Id { get; set; }
    /// <summary>The version the user started editing from (optimistic concurrency).</summary>
    public int Versie { get; set; }
    public Guid? SoortId { get; set; }
    public DateTime? Datum { get; set; }
    public List<Guid> LeerlingIds { get; set; } = [];
    public bool MetOuders { get; set; }
    public string? AndereDeelnemers { get; set; }
    public string Samenvatting { get; set; } = "";
    public Vertrouwelijkheid Vertrouwelijkheid { get; set; } = Vertrouwelijkheid.Normaal;
    public string? WatGaatGoed { get; set; }
    public string? WatKanBeter { get; set; }
    public string? WatKanIk { get; set; }
    public string? HoeKanIkDatDoen { get; set; }
    public string? WatWilIk { get; set; }
    public string? WaarKanIkDatDoen { get; set; }
    public string? WieKanMijDaarbijHelpen { get; set; }
    public List<AfspraakInvoer> Afspraken { get; set; } = [];

    /// <summary>Whether the user typed anything worth keeping (the default date and soort do not count).</summary>
    public bool IsLeeg() =>
        Leeg(Samenvatting) is null && Leeg(AndereDeelnemers) is null
        && Voortgangvelden().All(v => Leeg(v) is null)
        && Afspraken.All(a => Leeg(a.Wat) is null);

    public IEnumerable<string?> Voortgangvelden() =>
        [WatGaatGoed, WatKanBeter, WatKanIk, HoeKanIkDatDoen, WatWilIk, WaarKanIkDatDoen, WieKanMijDaarbijHelpen];

    public Domain.Dossier.Voortgang? AlsVoortgang() => Voortgangvelden().All(v => Leeg(v) is null)
        ? null
        : new Domain.Dossier.Voortgang
        {
            WatGaatGoed = Leeg(WatGaatGoed), WatKanBeter = Leeg(WatKanBeter), WatKanIk = Leeg(WatKanIk),
            HoeKanIkDatDoen = Leeg(HoeKanIkDatDoen), WatWilIk = Leeg(WatWilIk), WaarKanIkDatDoen = Leeg(WaarKanIkDatDoen),
            WieKanMijDaarbijHelpen = Leeg(WieKanMijDaarbijHelpen),
        };

    internal static string? Leeg(string? tekst) => Domain.Tekst.VrijOfNull(tekst);
}

/// <summary>One agreed action in the form.</summary>
public sealed class AfspraakInvoer
{
    /// <summary>
    /// When editing: the saved afspraken this line stands for (a group gesprek holds one copy per student); empty
    /// for a new one.
    /// </summary>
    public List<Guid> Ids { get; set; } = [];
    /// <summary>Finished already: shown, not changed.</summary>
    public bool IsAfgerond { get; set; }
    public string Wat { get; set; } = "";
    public Guid? EigenaarId { get; set; }
    public DateTime? Deadline { get; set; }
}

public sealed class GesprekInvoerValidator : AbstractValidator<GesprekInvoer>
{
    /// <summary>The lengths of the dialog's fields (MaxLength) and the database columns.</summary>
    public const int MaxSamenvatting = 20_000;
    public const int MaxKort = 500;
    public const int MaxVoortgangvraag = 2_000;
    private const string VoortgangTeLang = "Het antwoord op een loopbaanvraag heeft hooguit 2.000 tekens.";

    public GesprekInvoerValidator(TimeProvider time)
    {
        RuleFor(x => x.SoortId).NotNull().WithMessage("Kies de soort gesprek.");
        RuleFor(x => x.Datum).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Vul de datum van het gesprek in.")
            .Must(d => DateOnly.FromDateTime(d!.Value) <= Schoolkalender.Vandaag(time)).WithMessage("De datum ligt in de toekomst.");
        RuleFor(x => x.LeerlingIds).NotEmpty().WithMessage("Kies ten minste één leerling.");
        RuleFor(x => x.Samenvatting).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul de samenvatting in.")
            .VrijeTekst(MaxSamenvatting).WithMessage("Een samenvatting heeft hooguit 20.000 tekens.");
        RuleFor(x => x.AndereDeelnemers).Tekst(MaxKort).WithMessage("Andere deelnemers: hooguit 500 tekens.");
        RuleFor(x => x.WatGaatGoed).VrijeTekst(MaxVoortgangvraag).WithMessage(VoortgangTeLang);
        RuleFor(x => x.WatKanBeter).VrijeTekst(MaxVoortgangvraag).WithMessage(VoortgangTeLang);
        RuleFor(x => x.WatKanIk).VrijeTekst(MaxVoortgangvraag).WithMessage(VoortgangTeLang);
        RuleFor(x => x.HoeKanIkDatDoen).VrijeTekst(MaxVoortgangvraag).WithMessage(VoortgangTeLang);
        RuleFor(x => x.WatWilIk).VrijeTekst(MaxVoortgangvraag).WithMessage(VoortgangTeLang);
        RuleFor(x => x.WaarKanIkDatDoen).VrijeTekst(MaxVoortgangvraag).WithMessage(VoortgangTeLang);
        RuleFor(x => x.WieKanMijDaarbijHelpen).VrijeTekst(MaxVoortgangvraag).WithMessage(VoortgangTeLang);
        RuleFor(x => x.Vertrouwelijkheid).IsInEnum().WithMessage("Kies wie het gesprek mag lezen.");
        RuleForEach(x => x.Afspraken).ChildRules(a =>
        {
            a.RuleFor(x => x.Wat).Cascade(CascadeMode.Stop)
                .Verplicht().WithMessage("Vul bij elke afspraak in wat er is afgesproken.")
                .VrijeTekst(MaxKort).WithMessage("Een afspraak heeft hooguit 500 tekens.");
            a.RuleFor(x => x.EigenaarId).NotNull().WithMessage("Kies bij elke afspraak wie hem uitvoert.");
        });
    }
}

public sealed record SoortOptie(Guid Id, string Naam, bool IsVoortgangsgesprek);

public sealed record MedewerkerOptie(Guid Id, string Naam);

public sealed record LeerlingOptie(Guid Id, string Naam);

/// <summary>Shared rules of the gesprek use cases.</summary>
public static class Gesprekken
{
    /// <summary>For drafts and revisions (jsonb): every string cleaned of what PostgreSQL cannot store.</summary>
    public static readonly JsonSerializerOptions Json = VeiligeTekstJson.Opties(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static string Weergave(Vertrouwelijkheid niveau) => niveau switch
    {
        Vertrouwelijkheid.Normaal => "Normaal",
        Vertrouwelijkheid.Zorg => "Zorg",
        Vertrouwelijkheid.Vertrouwelijk => "Vertrouwelijk",
        _ => niveau.ToString(),
    };

    public static string Uitleg(Vertrouwelijkheid niveau) => niveau switch
    {
        Vertrouwelijkheid.Normaal => "Alle medewerkers met een relatie met de leerling: mentor, docenten, coördinator, zorg en schoolleiding.",
        Vertrouwelijkheid.Zorg => "Alleen de mentor, de coördinator van de leerling en de zorgmedewerkers.",
        Vertrouwelijkheid.Vertrouwelijk => "Alleen u en de zorgcoördinator.",
        _ => "",
    };

    /// <summary>
    /// The school's staff who can own an afspraak: active users of this school with a role other than parent.
    /// Users are outside row-level security, so the school is filtered here.
    /// </summary>
    public static IQueryable<MedewerkerOptie> Medewerkers(LeerlingzorgDbContext db, Guid schoolId) =>
        db.ActieveMedewerkersVan(schoolId)
            .OrderBy(u => u.Achternaam).ThenBy(u => u.Voornaam)
            .Select(u => new MedewerkerOptie(u.Id, LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam)));

    /// <summary>The active soorten of the school; a school without any gets the standard ones on first use.</summary>
    public static async Task<IReadOnlyList<SoortOptie>> SoortenAsync(LeerlingzorgDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.GesprekSoorten.AnyAsync(cancellationToken))
        {
            db.GesprekSoorten.AddRange(GesprekSoort.Standaard());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another user created them at the same moment (unique name per school): use theirs.
                db.ChangeTracker.Clear();
            }
        }
        return await db.GesprekSoorten.Where(s => s.Actief)
            .OrderBy(s => s.Volgorde).ThenBy(s => s.Naam)
            .Select(s => new SoortOptie(s.Id, s.Naam, s.IsVoortgangsgesprek))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>The keys of drafts: one per author and subject.</summary>
public static class ConceptSleutel
{
    public static string Nieuw(Guid leerlingId) => $"nieuw:{leerlingId}";
    public static string Klas(Guid klasId) => $"nieuw:klas:{klasId}";
    public static string Gesprek(Guid gesprekId) => $"gesprek:{gesprekId}";

    public static string Voor(Guid? gesprekId, Guid? leerlingId, Guid? klasId) =>
        gesprekId is { } g ? Gesprek(g) : leerlingId is { } l ? Nieuw(l) : klasId is { } k ? Klas(k) : "nieuw";

    public static bool IsGeldig(string? sleutel) =>
        sleutel is not null && (sleutel == "nieuw"
            || (sleutel.StartsWith("nieuw:klas:", StringComparison.Ordinal) && Guid.TryParse(sleutel["nieuw:klas:".Length..], out _))
            || (sleutel.StartsWith("nieuw:", StringComparison.Ordinal) && Guid.TryParse(sleutel["nieuw:".Length..], out _))
            || (sleutel.StartsWith("gesprek:", StringComparison.Ordinal) && Guid.TryParse(sleutel["gesprek:".Length..], out _)));

    /// <summary>The student a draft is about, for the audit line of its first save.</summary>
    public static Guid? Leerling(string sleutel) =>
        sleutel.StartsWith("nieuw:", StringComparison.Ordinal) && Guid.TryParse(sleutel["nieuw:".Length..], out var id) ? id : null;
}
