namespace Leerlingzorg.Domain.Besprekingen;

/// <summary>The function of an external partner in the school's care network (DOMAIN.md, Roles; seeds 001, 003).</summary>
public enum PartnerFunctie
{
    Jeugdverpleegkundige = 1,
    Leerplichtambtenaar = 2,
    Preventiemedewerker = 3,
    Brugfunctionaris = 4,
    OrthopedagoogSwv = 5,
    Wijkagent = 6,
    Jeugdhulp = 7,
    Overig = 8,
}

/// <summary>
/// An external partner of the school (GGD jeugdverpleegkundige, leerplichtambtenaar, brugfunctionaris of the wijkteam, …):
/// a person with an organisation and function, who takes part in a TDO/ZAT and sees only what the meeting shares. The
/// school's directory; archived, never deleted (past meetings name him).
/// </summary>
public sealed class Partner : ISchoolOwned
{
    public const int MaxNaam = 150;
    public const int MaxOrganisatie = 150;
    public const int MaxContact = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string Naam { get; set; }
    public required string Organisatie { get; set; }
    public PartnerFunctie Functie { get; set; }
    public string? Email { get; set; }
    public string? Telefoon { get; set; }
    public bool Actief { get; set; } = true;
}

/// <summary>An external partner taking part in a meeting.</summary>
public sealed class BesprekingPartner : ISchoolOwned
{
    public Guid SchoolId { get; set; }
    public Guid BesprekingId { get; set; }
    public Guid PartnerId { get; set; }
}

public static class PartnerFuncties
{
    public static string Weergave(this PartnerFunctie functie) => functie switch
    {
        PartnerFunctie.Jeugdverpleegkundige => "GGD-jeugdverpleegkundige",
        PartnerFunctie.Leerplichtambtenaar => "Leerplichtambtenaar",
        PartnerFunctie.Preventiemedewerker => "Preventiemedewerker",
        PartnerFunctie.Brugfunctionaris => "Brugfunctionaris / wijkteam",
        PartnerFunctie.OrthopedagoogSwv => "Orthopedagoog samenwerkingsverband",
        PartnerFunctie.Wijkagent => "Wijkagent",
        PartnerFunctie.Jeugdhulp => "Jeugdhulp",
        PartnerFunctie.Overig => "Overig",
        _ => functie.ToString(),
    };
}
