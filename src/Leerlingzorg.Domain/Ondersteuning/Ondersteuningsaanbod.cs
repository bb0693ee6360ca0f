namespace Leerlingzorg.Domain.Ondersteuning;

/// <summary>The area of support an offer belongs to (the SchoolOndersteuningsProfiel's headings).</summary>
public enum Ondersteuningscategorie
{
    Leren = 1,
    SociaalEmotioneel = 2,
    Gedrag = 3,
    FysiekMedisch = 4,
    Thuis = 5,
}

/// <summary>Who gives the support: the school's own people, or a partner outside the school.</summary>
public enum Aanbiedersoort
{
    Intern = 1,
    Extern = 2,
}

/// <summary>
/// One item of the school's support offer (ondersteuningsaanbod, its SchoolOndersteuningsProfiel): what the school can
/// give a student, at which level of the ladder, by whom, for how many at once. Never deleted: an item no longer offered
/// is archived (<see cref="Actief"/> false), so that the interventions made from it keep their name.
/// </summary>
public sealed class Ondersteuningsaanbod : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string Naam { get; set; }
    public Ondersteuningscategorie Categorie { get; set; }
    /// <summary>The level of the ladder the offer belongs to.</summary>
    public PmNiveau Niveau { get; set; }
    public Aanbiedersoort Aanbiedersoort { get; set; }
    /// <summary>The internal role or the external partner that gives it ("Intern begeleider", "Thuishaven").</summary>
    public required string Aanbieder { get; set; }
    /// <summary>How many students at once (STOER: 12); null: no limit.</summary>
    public int? Capaciteit { get; set; }
    /// <summary>The consent an intervention from this offer needs before it starts; null: none.</summary>
    public ToestemmingDoel? ToestemmingNodig { get; set; }
    public string Omschrijving { get; set; } = "";
    public bool Actief { get; set; } = true;
    public int Volgorde { get; set; }
}
