namespace Leerlingzorg.Domain.Organisatie;

/// <summary>
/// A leerjaarcoördinator (for a leerjaar, usually 1–2) or afdelingscoördinator (for an afdeling, optionally
/// limited to one leerjaar): coach of the mentors and director of the support of those students.
/// </summary>
public sealed class Coordinator : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid MedewerkerId { get; set; }
    public int? Leerjaar { get; set; }
    public Guid? AfdelingId { get; set; }
}
