namespace Leerlingzorg.Domain.Organisatie;

/// <summary>A class in one schooljaar, in a leerjaar (1–6), at one locatie, with one or more mentors.</summary>
public sealed class Klas : ISchoolOwned
{
    public const int HoogsteLeerjaar = 6;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LocatieId { get; set; }
    public Locatie? Locatie { get; set; }
    /// <summary>The name the school uses, e.g. "2B" or "H3a".</summary>
    public required string Naam { get; set; }
    public int Leerjaar { get; set; }
    public Guid AfdelingId { get; set; }
    public Afdeling? Afdeling { get; set; }
    public Schooljaar Schooljaar { get; set; }
    public List<KlasMentor> Mentoren { get; set; } = [];
    public List<Leerlingen.Leerling> Leerlingen { get; set; } = [];
}
