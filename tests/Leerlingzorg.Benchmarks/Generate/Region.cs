using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;

namespace Leerlingzorg.Benchmarks.Generate;

/// <summary>What to generate: a samenwerkingsverband with this many schools and students, in one schooljaar.</summary>
internal sealed record RegionSpec(int Scholen, int Leerlingen, int Seed, Schooljaar Schooljaar);

/// <summary>A generated region, in memory, as the domain's own entities; written to PostgreSQL by <see cref="RegionWriter"/>.</summary>
internal sealed class Region
{
    public required RegionSpec Spec { get; init; }
    public required Samenwerkingsverband Samenwerkingsverband { get; init; }
    public List<School> Scholen { get; } = [];
    public List<Locatie> Locaties { get; } = [];
    public List<Afdeling> Afdelingen { get; } = [];
    public List<Klas> Klassen { get; } = [];
    public List<KlasMentor> KlasMentoren { get; } = [];
    public List<Coordinator> Coordinatoren { get; } = [];
    public List<Lesopdracht> Lesopdrachten { get; } = [];
    public List<Leerling> Leerlingen { get; } = [];
    public List<KlasPlaatsing> KlasPlaatsingen { get; } = [];
    public List<Ouder> Ouders { get; } = [];
    public List<LeerlingOuder> LeerlingOuders { get; } = [];
    public List<Gebruiker> Gebruikers { get; } = [];
    public List<GebruikerRol> GebruikerRollen { get; } = [];

    /// <summary>A few logins to try the region in the app with (password: the demo password).</summary>
    public List<(string Rol, string Email, string School)> Voorbeeldlogins { get; } = [];
}

internal readonly record struct GebruikerRol(Guid GebruikerId, string Rol);
