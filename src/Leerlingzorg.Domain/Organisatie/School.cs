namespace Leerlingzorg.Domain.Organisatie;

/// <summary>The tenant: every student, note, meeting and plan belongs to exactly one school.</summary>
public sealed class School
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SamenwerkingsverbandId { get; set; }
    public Samenwerkingsverband? Samenwerkingsverband { get; set; }
    public required string Naam { get; set; }
    /// <summary>BRIN number of the school (four characters, e.g. "12AB").</summary>
    public required string Brinnummer { get; set; }
    public List<Locatie> Locaties { get; set; } = [];
}
