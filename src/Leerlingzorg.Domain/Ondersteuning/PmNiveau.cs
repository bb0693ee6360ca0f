namespace Leerlingzorg.Domain.Ondersteuning;

/// <summary>
/// The ladder of Professionele Momenten (DOMAIN.md, seed 003): where a student's support is decided. Every student
/// stands on one level; its changes are <see cref="PmStap"/>s.
/// </summary>
public enum PmNiveau
{
    /// <summary>Intake: the support need of a new student is mapped (zorgplicht).</summary>
    Pm0 = 0,
    /// <summary>First line: docenten and mentor.</summary>
    PmI = 1,
    /// <summary>The leerlingbespreking: several docenten discuss the student.</summary>
    PmII = 2,
    /// <summary>The internal ondersteuningsteam: zorgcoördinator, internal specialists, orthopedagoog.</summary>
    PmIII = 3,
    /// <summary>The multidisciplinary team with external partners (ZAT / TDO): needs consent.</summary>
    PmIV = 4,
}

public static class PmNiveaus
{
    public static IReadOnlyList<PmNiveau> Alle { get; } = [PmNiveau.Pm0, PmNiveau.PmI, PmNiveau.PmII, PmNiveau.PmIII, PmNiveau.PmIV];

    /// <summary>"PM III", as the users write it.</summary>
    public static string Kort(this PmNiveau niveau) => niveau switch
    {
        PmNiveau.Pm0 => "PM 0",
        PmNiveau.PmI => "PM I",
        PmNiveau.PmII => "PM II",
        PmNiveau.PmIII => "PM III",
        PmNiveau.PmIV => "PM IV",
        _ => niveau.ToString(),
    };

    /// <summary>What the level is, in Dutch.</summary>
    public static string Omschrijving(this PmNiveau niveau) => niveau switch
    {
        PmNiveau.Pm0 => "Intake",
        PmNiveau.PmI => "Eerste lijn: docenten en mentor",
        PmNiveau.PmII => "Leerlingbespreking",
        PmNiveau.PmIII => "Ondersteuningsteam",
        PmNiveau.PmIV => "Zorg- en adviesteam (ZAT/TDO)",
        _ => niveau.ToString(),
    };
}
