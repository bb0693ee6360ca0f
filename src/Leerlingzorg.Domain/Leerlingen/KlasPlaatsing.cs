using Leerlingzorg.Domain.Organisatie;

namespace Leerlingzorg.Domain.Leerlingen;

/// <summary>Where a student was in one schooljaar, and how that year ended. One per student per schooljaar.</summary>
public sealed class KlasPlaatsing : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    public Guid KlasId { get; set; }
    public Klas? Klas { get; set; }
    public Schooljaar Schooljaar { get; set; }
    /// <summary>How the year ended for him: set at the rollover, or Vertrokken when he leaves during the year; null while it runs.</summary>
    public Jaaruitkomst? Uitkomst { get; set; }
}

public enum Jaaruitkomst
{
    Bevorderd,
    Gedoubleerd,
    Vertrokken,
}
