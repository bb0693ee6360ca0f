namespace Leerlingzorg.Domain.Organisatie;

/// <summary>A docent teaches a vak to a klas: this drives what a docent may see and the teacher forms.</summary>
public sealed class Lesopdracht : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid KlasId { get; set; }
    public Guid MedewerkerId { get; set; }
    /// <summary>The subject, as the school names it ("Nederlands", "wiskunde B").</summary>
    public required string Vak { get; set; }
}
