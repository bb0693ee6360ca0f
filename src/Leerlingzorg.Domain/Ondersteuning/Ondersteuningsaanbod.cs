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

    public const int NaamMaxLengte = 100;
    public const int AanbiederMaxLengte = 150;
    public const int OmschrijvingMaxLengte = 4_000;

    /// <summary>A new item of the offer; the details are checked as in <see cref="Wijzig"/>.</summary>
    public static Ondersteuningsaanbod Nieuw(string naam, Ondersteuningscategorie categorie, PmNiveau niveau, Aanbiedersoort aanbiedersoort,
        string aanbieder, int? capaciteit, ToestemmingDoel? toestemmingNodig, string? omschrijving, int volgorde = 0)
    {
        var aanbod = new Ondersteuningsaanbod { Naam = "", Aanbieder = "" };
        aanbod.Wijzig(naam, categorie, niveau, aanbiedersoort, aanbieder, capaciteit, toestemmingNodig, omschrijving, volgorde);
        return aanbod;
    }

    /// <summary>
    /// New details; returns whether anything changed. The name and the provider are required (a single line), a capacity
    /// is at least 1 when set; the texts are cleaned with <see cref="Tekst"/>.
    /// </summary>
    public bool Wijzig(string naam, Ondersteuningscategorie categorie, PmNiveau niveau, Aanbiedersoort aanbiedersoort,
        string aanbieder, int? capaciteit, ToestemmingDoel? toestemmingNodig, string? omschrijving, int volgorde)
    {
        var schoneNaam = Tekst.Regel(naam);
        var schoneAanbieder = Tekst.Regel(aanbieder);
        var schoneOmschrijving = Tekst.Vrij(omschrijving);
        if (schoneNaam.Length == 0)
        {
            throw new ArgumentException("Vul de naam van het aanbod in.", nameof(naam));
        }
        if (schoneNaam.Length > NaamMaxLengte)
        {
            throw new ArgumentException($"De naam van het aanbod is hoogstens {NaamMaxLengte} tekens.", nameof(naam));
        }
        if (schoneAanbieder.Length == 0)
        {
            throw new ArgumentException("Vul in wie het aanbod geeft.", nameof(aanbieder));
        }
        if (schoneAanbieder.Length > AanbiederMaxLengte)
        {
            throw new ArgumentException($"De aanbieder is hoogstens {AanbiederMaxLengte} tekens.", nameof(aanbieder));
        }
        if (capaciteit is < 1)
        {
            throw new ArgumentException("De capaciteit is minstens 1 (laat het veld leeg voor geen maximum).", nameof(capaciteit));
        }
        if (schoneOmschrijving.Length > OmschrijvingMaxLengte)
        {
            throw new ArgumentException($"De omschrijving is hoogstens {OmschrijvingMaxLengte} tekens.", nameof(omschrijving));
        }
        if (!Enum.IsDefined(categorie) || !Enum.IsDefined(niveau) || !Enum.IsDefined(aanbiedersoort)
            || (toestemmingNodig is { } doel && !Enum.IsDefined(doel)))
        {
            throw new ArgumentException("Kies een categorie, een niveau en een soort aanbieder uit de lijst.");
        }
        var gewijzigd = (Naam, Categorie, Niveau, Aanbiedersoort, Aanbieder, Capaciteit, ToestemmingNodig, Omschrijving, Volgorde)
                        != (schoneNaam, categorie, niveau, aanbiedersoort, schoneAanbieder, capaciteit, toestemmingNodig, schoneOmschrijving, volgorde);
        (Naam, Categorie, Niveau, Aanbiedersoort, Aanbieder, Capaciteit, ToestemmingNodig, Omschrijving, Volgorde) =
            (schoneNaam, categorie, niveau, aanbiedersoort, schoneAanbieder, capaciteit, toestemmingNodig, schoneOmschrijving, volgorde);
        return gewijzigd;
    }

    /// <summary>No longer offered for new interventions; the running ones and the history keep it. Returns whether it changed.</summary>
    public bool Archiveer()
    {
        if (!Actief)
        {
            return false;
        }
        Actief = false;
        return true;
    }

    /// <summary>Offered again; returns whether it changed.</summary>
    public bool Heractiveer()
    {
        if (Actief)
        {
            return false;
        }
        Actief = true;
        return true;
    }

    /// <summary>Whether a new intervention is full with <paramref name="actief"/> students already in it (goes on the waiting list).</summary>
    public bool IsVolMet(int actief) => Capaciteit is { } plaatsen && actief >= plaatsen;

    /// <summary>
    /// The offer of seed 001 (the school's SchoolOndersteuningsProfiel): what every school starts with, to adapt to its own.
    /// </summary>
    public static IReadOnlyList<Ondersteuningsaanbod> Standaard() =>
    [
        Nieuw("Verlengde schooldag (VSD)", Ondersteuningscategorie.Leren, PmNiveau.PmI, Aanbiedersoort.Intern, "Vakdocenten", null, null,
            "Verplicht voor elke leerling, 2 lesuren per week. Onder begeleiding van verschillende vakdocenten werken leerlingen aan huiswerk, plannen en organiseren, achterstanden of het versterken van talenten.", 1),
        Nieuw("Bijles", Ondersteuningscategorie.Leren, PmNiveau.PmI, Aanbiedersoort.Intern, "Vakdocenten", null, null,
            "Extra uitleg en oefening bij een vak waarin de leerling achterloopt.", 2),
        Nieuw("NT2-begeleiding", Ondersteuningscategorie.Leren, PmNiveau.PmI, Aanbiedersoort.Intern, "NT2-docent", null, null,
            "Voor leerlingen die nog niet goed Nederlands spreken: naast de reguliere les extra taalondersteuning.", 3),
        Nieuw("Plannen en organiseren", Ondersteuningscategorie.Leren, PmNiveau.PmI, Aanbiedersoort.Intern, "Mentor", null, null,
            "Leren plannen en het schoolwerk organiseren, onder andere tijdens de VSD.", 4),
        Nieuw("Achterstanden inhalen", Ondersteuningscategorie.Leren, PmNiveau.PmI, Aanbiedersoort.Intern, "Vakdocenten", null, null,
            "Onder begeleiding achterstanden inhalen, onder andere tijdens de VSD.", 5),
        Nieuw("MRT", Ondersteuningscategorie.Leren, PmNiveau.PmI, Aanbiedersoort.Intern, "MRT-docent", null, null,
            "Motorische remedial teaching.", 6),
        Nieuw("Talentontwikkeling", Ondersteuningscategorie.Leren, PmNiveau.PmI, Aanbiedersoort.Intern, "Vakdocenten", null, null,
            "Talenten versterken, onder andere tijdens de VSD.", 7),
        Nieuw("Thuishaven", Ondersteuningscategorie.SociaalEmotioneel, PmNiveau.PmII, Aanbiedersoort.Intern, "Thuishaven", null, null,
            "Een oplaadpunt in de school: leerlingen komen tot rust buiten de klas en krijgen didactische coaching. Leerlingen die hiervoor in aanmerking komen ontvangen een thuishavenpas.", 8),
        Nieuw("STOER-training", Ondersteuningscategorie.SociaalEmotioneel, PmNiveau.PmII, Aanbiedersoort.Intern, "STOER-trainer", 12, null,
            "Vervolglessen weerbaarheid en sociale vaardigheden na de kennismakingslessen in de brugklas, voor leerlingen die het nodig hebben. Opgave via de mentor en/of de leerlingbespreking.", 9),
        Nieuw("STOER-vervolg bovenbouw", Ondersteuningscategorie.SociaalEmotioneel, PmNiveau.PmII, Aanbiedersoort.Intern, "STOER-trainer", 12, null,
            "Vervolg op de STOER-lessen in de bovenbouw, gericht op onder andere het vergroten van zelfvertrouwen en de examenperiode.", 10),
        Nieuw("Intern begeleider", Ondersteuningscategorie.Gedrag, PmNiveau.PmIII, Aanbiedersoort.Intern, "Intern begeleider", null, ToestemmingDoel.IbBegeleiding,
            "Kortdurende hulp bij vakoverstijgende problemen: leerproblemen, gedrag en sociaal-emotionele problemen, in de klas of individueel. Aanmelding altijd in overleg met leerling en ouders.", 11),
        Nieuw("Ambulant begeleider", Ondersteuningscategorie.Gedrag, PmNiveau.PmIII, Aanbiedersoort.Intern, "Ambulant begeleider", null, ToestemmingDoel.AmbulanteBegeleiding,
            "Preventieve coaching en integratieve begeleiding voor leerlingen die vastlopen, in de klas of individueel. Aanmelding altijd in overleg met leerling, ouders, mentor en intern begeleider.", 12),
        Nieuw("Schoolmaatschappelijk werk", Ondersteuningscategorie.Thuis, PmNiveau.PmIII, Aanbiedersoort.Extern, "Schoolmaatschappelijk werk", null, null,
            "Hulp bij problemen thuis of in de omgeving van de leerling, in samenwerking met ouders en externe partners.", 13),
        Nieuw("Kleine klas met getrainde mentor", Ondersteuningscategorie.Leren, PmNiveau.PmII, Aanbiedersoort.Intern, "Mentor", null, null,
            "Voor leerlingen die een extra zetje nodig hebben: een kleinere klas met een mentor die geschoold is in extra ondersteuning en de klas minimaal 8 uur per week heeft.", 14),
    ];
}
