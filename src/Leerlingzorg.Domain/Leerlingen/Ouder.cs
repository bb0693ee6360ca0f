namespace Leerlingzorg.Domain.Leerlingen;

/// <summary>A parent or guardian (for an AMV'er: the Nidos guardian).</summary>
public sealed class Ouder : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string Voornaam { get; set; }
    public string? Tussenvoegsel { get; set; }
    public required string Achternaam { get; set; }
    public string? Email { get; set; }
    public string? Telefoon { get; set; }
    /// <summary>The language to use with this parent (e.g. "Nederlands", "Arabisch", "Tigrinya").</summary>
    public string? Voorkeurstaal { get; set; }
    /// <summary>The login of this parent, when the parent has an account.</summary>
    public Guid? GebruikerId { get; set; }

    public string VolledigeNaam => Naam.Volledig(Voornaam, Tussenvoegsel, Achternaam);
}
