namespace Leerlingzorg.Domain.Dossier;

/// <summary>A kind of conversation; the school may add its own next to the standard ones.</summary>
public sealed class GesprekSoort : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string Naam { get; set; }
    /// <summary>A voortgangsgesprek records the reflection and the five loopbaanvragen; three a year.</summary>
    public bool IsVoortgangsgesprek { get; set; }
    public int Volgorde { get; set; }
    public bool Actief { get; set; } = true;

    public static IReadOnlyList<GesprekSoort> Standaard() =>
    [
        new() { Naam = "Mentorgesprek", Volgorde = 1 },
        new() { Naam = "Voortgangsgesprek", IsVoortgangsgesprek = true, Volgorde = 2 },
        new() { Naam = "Oudergesprek", Volgorde = 3 },
        new() { Naam = "Leerlinggesprek", Volgorde = 4 },
        new() { Naam = "Overig", Volgorde = 99 },
    ];
}
