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

/// <summary>One facility on a pass, with what the docent needs to know ("25 % extra tijd bij toetsen").</summary>
public sealed class PasFaciliteit
{
    public Faciliteit Soort { get; set; }
    public string? Toelichting { get; set; }
}

/// <summary>
/// The ondersteuningspas of a student with a diagnosis: the facilities granted, with their validity. Every docent of the
/// student sees the facilities; the diagnosis is a Zorg-level entry (DOMAIN.md: "Teachers see facilities, not diagnoses").
/// One pass per student is current; a new version replaces it, the old one stays as history.
/// </summary>
public sealed class Ondersteuningspas : ISchoolOwned
{
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
}
