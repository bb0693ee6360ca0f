namespace Leerlingzorg.Domain.Organisatie;

/// <summary>A building or branch of a school (e.g. Pantarijn MHV Wageningen).</summary>
public sealed class Locatie : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string Naam { get; set; }
    public required string Plaats { get; set; }
}
