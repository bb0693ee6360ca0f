namespace Leerlingzorg.Domain.Organisatie;

/// <summary>The regional partnership for passend onderwijs; owns its schools.</summary>
public sealed class Samenwerkingsverband
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Naam { get; set; }
    /// <summary>The partnership's code, e.g. "VO 25-06".</summary>
    public string? Code { get; set; }
    public List<School> Scholen { get; set; } = [];
}
