namespace Leerlingzorg.Domain.Ondersteuning;

/// <summary>
/// One change of a student's level on the ladder (its history: who, when, why). Made only through the ladder rules;
/// never changed afterwards. A Zorg-level dossier entry: the mentor, the student's coördinator and the care roles read it.
/// </summary>
public sealed class PmStap : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    /// <summary>The level before; null for the first placement on the ladder.</summary>
    public PmNiveau? Van { get; set; }
    public PmNiveau Naar { get; set; }
    /// <summary>The school day the new level holds from.</summary>
    public DateOnly Datum { get; set; }
    public DateTimeOffset VastgelegdOp { get; set; }
    public Guid DoorId { get; set; }
    /// <summary>Why: the reason of a step up, the evaluation of a step down.</summary>
    public required string Reden { get; set; }
    /// <summary>A step up: what was tried at the lower level.</summary>
    public string? Geprobeerd { get; set; }
    /// <summary>A skip of a level (I → III in a crisis): why the level between was passed over.</summary>
    public string? Rechtvaardiging { get; set; }

    public bool IsOmhoog => Van is { } van && Naar > van;
    public bool IsOmlaag => Van is { } van && Naar < van;
    public bool IsSprong => Van is { } van && Math.Abs((int)Naar - (int)van) > 1;
}
