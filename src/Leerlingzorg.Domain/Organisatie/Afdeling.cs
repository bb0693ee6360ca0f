namespace Leerlingzorg.Domain.Organisatie;

/// <summary>A department of a school, e.g. "vmbo-bk", "mavo", "havo/vwo", "praktijkonderwijs".</summary>
public sealed class Afdeling : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string Naam { get; set; }
}
