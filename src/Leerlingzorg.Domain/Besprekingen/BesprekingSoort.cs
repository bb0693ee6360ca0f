using Leerlingzorg.Domain.Ondersteuning;

namespace Leerlingzorg.Domain.Besprekingen;

/// <summary>The kinds of meeting of DOMAIN.md, Meetings (seeds 000–003).</summary>
public enum BesprekingSoort
{
    /// <summary>Zorgcoördinator and mentors: the class as a whole, early signals.</summary>
    Klassenbespreking = 1,
    /// <summary>Every ~2 months per class, prepared by every docent's inventarisatieformulier; PM II.</summary>
    Leerlingbespreking = 2,
    /// <summary>The internal support team: PM III.</summary>
    Ondersteuningsteam = 3,
    /// <summary>The multidisciplinary team with external partners (TDO / ZAT): PM IV, by name only with consent.</summary>
    TdoZat = 4,
    Mentorenoverleg = 5,
    Rapportvergadering = 6,
}

public static class BesprekingSoorten
{
    public static string Weergave(this BesprekingSoort soort) => soort switch
    {
        BesprekingSoort.Klassenbespreking => "Klassenbespreking",
        BesprekingSoort.Leerlingbespreking => "Leerlingbespreking",
        BesprekingSoort.Ondersteuningsteam => "Ondersteuningsteam",
        BesprekingSoort.TdoZat => "TDO/ZAT",
        BesprekingSoort.Mentorenoverleg => "Mentorenoverleg",
        BesprekingSoort.Rapportvergadering => "Rapportvergadering",
        _ => soort.ToString(),
    };

    /// <summary>Whether planning it asks every docent of its classes for an inventarisatieformulier (seed 002).</summary>
    public static bool VraagtInventarisatie(this BesprekingSoort soort) => soort == BesprekingSoort.Leerlingbespreking;

    /// <summary>Whether it is held per class (classes chosen when planning) rather than for chosen students.</summary>
    public static bool IsPerKlas(this BesprekingSoort soort) =>
        soort is BesprekingSoort.Klassenbespreking or BesprekingSoort.Leerlingbespreking or BesprekingSoort.Rapportvergadering;

    /// <summary>The level of the ladder the meeting belongs to, where it has one (seed 003).</summary>
    public static PmNiveau? Niveau(this BesprekingSoort soort) => soort switch
    {
        BesprekingSoort.Leerlingbespreking => PmNiveau.PmII,
        BesprekingSoort.Ondersteuningsteam => PmNiveau.PmIII,
        BesprekingSoort.TdoZat => PmNiveau.PmIV,
        _ => null,
    };

    /// <summary>The ondersteuningsteam and the TDO/ZAT are the care team's: only the zorgcoördinator plans and chairs them.</summary>
    public static bool IsZorgteam(this BesprekingSoort soort) => soort is BesprekingSoort.Ondersteuningsteam or BesprekingSoort.TdoZat;
}
