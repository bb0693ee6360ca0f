namespace Leerlingzorg.Domain.Organisatie;

/// <summary>A staff member who is mentor of a class. A class can have more than one mentor.</summary>
public sealed class KlasMentor : ISchoolOwned
{
    public Guid SchoolId { get; set; }
    public Guid KlasId { get; set; }
    public Guid MedewerkerId { get; set; }
}
