namespace Leerlingzorg.Domain.Ondersteuning;

/// <summary>A facility a docent grants in lessons and tests.</summary>
public enum Faciliteit
{
    ExtraTijd = 1,
    VergroteOpgaven = 2,
    Voorleessoftware = 3,
    Laptop = 4,
    RustigeRuimte = 5,
    TimeOutKaart = 6,
    Rekenkaart = 7,
    Mondeling = 8,
    Anders = 99,
}

/// <summary>The Dutch names of the facilities, for screens and the printed pass.</summary>
public static class FaciliteitWeergave
{
    /// <summary>Every facility in the order of the pass.</summary>
    public static IReadOnlyList<Faciliteit> Alle { get; } =
    [
        Faciliteit.ExtraTijd, Faciliteit.VergroteOpgaven, Faciliteit.Voorleessoftware, Faciliteit.Laptop,
        Faciliteit.RustigeRuimte, Faciliteit.TimeOutKaart, Faciliteit.Rekenkaart, Faciliteit.Mondeling, Faciliteit.Anders,
    ];

    public static string Naam(this Faciliteit faciliteit) => faciliteit switch
    {
        Faciliteit.ExtraTijd => "Extra tijd",
        Faciliteit.VergroteOpgaven => "Vergrote opgaven",
        Faciliteit.Voorleessoftware => "Voorleessoftware",
        Faciliteit.Laptop => "Laptop",
        Faciliteit.RustigeRuimte => "Rustige ruimte",
        Faciliteit.TimeOutKaart => "Time-outkaart",
        Faciliteit.Rekenkaart => "Rekenkaart",
        Faciliteit.Mondeling => "Mondeling toetsen",
        Faciliteit.Anders => "Anders",
        _ => faciliteit.ToString(),
    };
}

/// <summary>One facility on a pass, with what the docent needs to know ("25 % extra tijd bij toetsen").</summary>
public sealed class PasFaciliteit
{
    public Faciliteit Soort { get; set; }
    public string? Toelichting { get; set; }

    /// <summary>"Extra tijd (25 % bij toetsen)", or only the name.</summary>
    public string Weergave => string.IsNullOrWhiteSpace(Toelichting) ? Soort.Naam() : $"{Soort.Naam()} ({Toelichting})";
}

/// <summary>
/// The ondersteuningspas of a student with a diagnosis: the facilities granted, with their validity. Every docent of the
/// student sees the facilities; the diagnosis is a Zorg-level entry (DOMAIN.md: "Teachers see facilities, not diagnoses").
/// One pass per student is current; a new version replaces it, the old one stays as history.
/// </summary>
public sealed class Ondersteuningspas : ISchoolOwned
{
    public const int MaxDiagnose = 2_000;
    public const int MaxToelichting = 300;

    public const string DiagnoseVerplicht = "Vul de diagnose in: een ondersteuningspas hoort bij een vastgestelde diagnose.";
    public const string DiagnoseTeLang = "De diagnose heeft hooguit 2000 tekens.";
    public const string GeenFaciliteiten = "Een pas zonder faciliteiten kan niet: kies ten minste één faciliteit.";
    public const string DubbeleFaciliteit = "Elke faciliteit staat maar één keer op de pas.";
    public const string AndersZonderToelichting = "Licht toe welke andere faciliteit de leerling krijgt.";
    public const string ToelichtingTeLang = "Een toelichting heeft hooguit 300 tekens.";
    public const string TotVoorVanaf = "'Geldig tot' kan niet vóór 'geldig vanaf' liggen.";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    /// <summary>The diagnosis (Zorg level): never shown to a docent.</summary>
    public required string Diagnose { get; set; }
    public List<PasFaciliteit> Faciliteiten { get; set; } = [];
    public DateOnly GeldigVanaf { get; set; }
    public DateOnly? GeldigTot { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public Guid AangemaaktDoor { get; set; }
    /// <summary>Replaced by a newer pass or withdrawn: history.</summary>
    public DateTimeOffset? VervallenOp { get; set; }
    public int Versie { get; set; } = 1;

    /// <summary>The current version of the student's pass (not replaced, not withdrawn).</summary>
    public bool IsHuidig => VervallenOp is null;

    /// <summary>Current, and <paramref name="datum"/> lies within its validity.</summary>
    public bool IsGeldigOp(DateOnly datum) =>
        IsHuidig && GeldigVanaf <= datum && (GeldigTot is not { } tot || datum <= tot);

    /// <summary>What is wrong with a pass with these values, in Dutch; empty when it may be recorded.</summary>
    public static IReadOnlyList<string> Controleer(string? diagnose, IReadOnlyCollection<PasFaciliteit> faciliteiten,
        DateOnly geldigVanaf, DateOnly? geldigTot)
    {
        ArgumentNullException.ThrowIfNull(faciliteiten);
        var fouten = new List<string>();
        if (Tekst.Vrij(diagnose).Length == 0)
        {
            fouten.Add(DiagnoseVerplicht);
        }
        else if (Tekst.Vrij(diagnose).Length > MaxDiagnose)
        {
            fouten.Add(DiagnoseTeLang);
        }
        if (faciliteiten.Count == 0)
        {
            fouten.Add(GeenFaciliteiten);
        }
        if (faciliteiten.GroupBy(f => f.Soort).Any(g => g.Count() > 1))
        {
            fouten.Add(DubbeleFaciliteit);
        }
        if (faciliteiten.Any(f => f.Soort == Faciliteit.Anders && Tekst.RegelOfNull(f.Toelichting) is null))
        {
            fouten.Add(AndersZonderToelichting);
        }
        if (faciliteiten.Any(f => Tekst.Regel(f.Toelichting).Length > MaxToelichting))
        {
            fouten.Add(ToelichtingTeLang);
        }
        if (geldigTot is { } tot && tot < geldigVanaf)
        {
            fouten.Add(TotVoorVanaf);
        }
        return fouten;
    }

    /// <summary>The first version of a student's pass. Throws (Dutch message) when <see cref="Controleer"/> finds an error.</summary>
    public static Ondersteuningspas Nieuw(Guid schoolId, Guid leerlingId, string diagnose, IEnumerable<PasFaciliteit> faciliteiten,
        DateOnly geldigVanaf, DateOnly? geldigTot, Guid door, DateTimeOffset nu)
    {
        ArgumentNullException.ThrowIfNull(faciliteiten);
        var lijst = Schoon(faciliteiten);
        var fouten = Controleer(diagnose, lijst, geldigVanaf, geldigTot);
        if (fouten.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", fouten));
        }
        return new Ondersteuningspas
        {
            SchoolId = schoolId,
            LeerlingId = leerlingId,
            Diagnose = Tekst.Vrij(diagnose),
            Faciliteiten = lijst,
            GeldigVanaf = geldigVanaf,
            GeldigTot = geldigTot,
            AangemaaktOp = nu,
            AangemaaktDoor = door,
        };
    }

    /// <summary>
    /// A new version replacing this one: this pass becomes history (<see cref="VervallenOp"/>), the new one has
    /// <see cref="Versie"/> + 1. Only the current pass is replaced.
    /// </summary>
    public Ondersteuningspas Vervang(string diagnose, IEnumerable<PasFaciliteit> faciliteiten, DateOnly geldigVanaf, DateOnly? geldigTot,
        Guid door, DateTimeOffset nu)
    {
        if (!IsHuidig)
        {
            throw new InvalidOperationException("Deze pas is al vervangen of ingetrokken.");
        }
        var nieuw = Nieuw(SchoolId, LeerlingId, diagnose, faciliteiten, geldigVanaf, geldigTot, door, nu);
        nieuw.Versie = Versie + 1;
        VervallenOp = nu;
        return nieuw;
    }

    /// <summary>Withdraws the pass: the student has no current pass any more; this one stays as history.</summary>
    public void TrekIn(DateTimeOffset nu)
    {
        if (!IsHuidig)
        {
            throw new InvalidOperationException("Deze pas is al vervangen of ingetrokken.");
        }
        VervallenOp = nu;
    }

    private static List<PasFaciliteit> Schoon(IEnumerable<PasFaciliteit> faciliteiten) =>
    [
        .. faciliteiten.Select(f => new PasFaciliteit
        {
            Soort = f.Soort,
            Toelichting = Tekst.RegelOfNull(f.Toelichting),
        }),
    ];
}
