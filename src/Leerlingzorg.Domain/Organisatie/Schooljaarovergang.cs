namespace Leerlingzorg.Domain.Organisatie;

/// <summary>
/// A schooljaar rollover that was carried out: when, by whom, and what it did. "Is the rollover of this year done?"
/// is read here, never inferred from the students' placements (a mid-year uitschrijving closes one too) or from
/// audit text. One per school per schooljaar that ended.
/// </summary>
public sealed class Schooljaarovergang : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    /// <summary>The schooljaar that ended.</summary>
    public Schooljaar Van { get; set; }
    public Schooljaar Naar { get; set; }
    public DateTimeOffset UitgevoerdOp { get; set; }
    /// <summary>The beheerder; null for a rollover recorded afterwards from the placements of an older database.</summary>
    public Guid? UitgevoerdDoor { get; set; }
    public int Bevorderd { get; set; }
    public int Gedoubleerd { get; set; }
    public int Vertrokken { get; set; }
    public int KlassenAangemaakt { get; set; }

    public static Schooljaarovergang Uitgevoerd(Schooljaar van, Guid door, DateTimeOffset op,
        int bevorderd, int gedoubleerd, int vertrokken, int klassenAangemaakt) => new()
    {
        Van = van,
        Naar = van.Volgend,
        UitgevoerdOp = op,
        UitgevoerdDoor = door,
        Bevorderd = bevorderd,
        Gedoubleerd = gedoubleerd,
        Vertrokken = vertrokken,
        KlassenAangemaakt = klassenAangemaakt,
    };
}
