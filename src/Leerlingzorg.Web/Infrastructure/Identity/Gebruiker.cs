using Microsoft.AspNetCore.Identity;

namespace Leerlingzorg.Web.Infrastructure.Identity;

/// <summary>
/// A login: staff of one school, staff of the samenwerkingsverband, or a parent.
/// Exactly one of <see cref="SchoolId"/> and <see cref="SamenwerkingsverbandId"/> is set.
/// </summary>
public sealed class Gebruiker : IdentityUser<Guid>
{
    public Gebruiker() => Id = Guid.CreateVersion7();

    [PersonalData]
    public required string Voornaam { get; set; }
    [PersonalData]
    public string? Tussenvoegsel { get; set; }
    [PersonalData]
    public required string Achternaam { get; set; }
    public Guid? SchoolId { get; set; }
    public Guid? SamenwerkingsverbandId { get; set; }
    /// <summary>A deactivated user cannot sign in, and his open sessions end at once (<see cref="Sessies"/>).</summary>
    public bool Actief { get; set; } = true;
    /// <summary>"licht", "donker" or null to follow the operating system.</summary>
    public string? Thema { get; set; }

    public string VolledigeNaam => Domain.Naam.Volledig(Voornaam, Tussenvoegsel, Achternaam);
}
