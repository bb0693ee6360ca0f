namespace Leerlingzorg.Domain.Import;

/// <summary>One import of an SIS export: who, when, what file, and what it did (or would do, in a dry run).</summary>
public sealed class ImportRun : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string Soort { get; set; }
    public required string Bestandsnaam { get; set; }
    public Guid GestartDoor { get; set; }
    public DateTimeOffset GestartOp { get; set; }
    public DateTimeOffset? KlaarOp { get; set; }
    public ImportStatus Status { get; set; } = ImportStatus.Bezig;
    public bool Proefdraai { get; set; }
    public int Totaal { get; set; }
    public int Nieuw { get; set; }
    public int Bijgewerkt { get; set; }
    public int Ongewijzigd { get; set; }
    public int Fouten { get; set; }
    /// <summary>The summary shown to the user (Dutch), as JSON: counts per kind and the rejected rows.</summary>
    public string? Samenvatting { get; set; }
}

public enum ImportStatus
{
    Bezig,
    Klaar,
    Mislukt,
}
