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
    Schoolmaatschappelijkwerker = 9,
    /// <summary>Jeugd-GGZ (child and adolescent mental health care).</summary>
    Ggz = 10,
    /// <summary>Centrum voor Jeugd en Gezin.</summary>
    Cjg = 11,
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
        PartnerFunctie.Preventiemedewerker => "Preventiemedewerker (bijv. Indigo)",
        PartnerFunctie.Brugfunctionaris => "Brugfunctionaris / wijkteam",
        PartnerFunctie.OrthopedagoogSwv => "Orthopedagoog samenwerkingsverband",
        PartnerFunctie.Wijkagent => "Wijkagent",
        PartnerFunctie.Jeugdhulp => "Jeugdhulp",
        PartnerFunctie.Schoolmaatschappelijkwerker => "Schoolmaatschappelijk werker",
        PartnerFunctie.Ggz => "Jeugd-GGZ",
        PartnerFunctie.Cjg => "Centrum voor Jeugd en Gezin",
        PartnerFunctie.Overig => "Overig",
        _ => functie.ToString(),
    };

    /// <summary>A partner as the contact of a plan: "Samira El Idrissi, Brugfunctionaris / wijkteam".</summary>
    public static string Contact(string naam, PartnerFunctie functie) => $"{naam}, {functie.Weergave()}";

    /// <summary>The functions that give help at home, for the jeugdhulp part of an integrated plan (seed 004, DOMAIN.md "Support at home").</summary>
    public static bool IsJeugdhulp(this PartnerFunctie functie) => functie is PartnerFunctie.Jeugdhulp or PartnerFunctie.Brugfunctionaris
        or PartnerFunctie.Schoolmaatschappelijkwerker or PartnerFunctie.Jeugdverpleegkundige or PartnerFunctie.Ggz or PartnerFunctie.Cjg;
}
