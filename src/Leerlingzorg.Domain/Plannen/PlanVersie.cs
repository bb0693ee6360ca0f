namespace Leerlingzorg.Domain.Plannen;

/// <summary>
/// One version of a plan: its text (<see cref="Inhoud"/>) and where it stands. Only a concept is written; a version that
/// was sent or took effect is changed by making a new version (<see cref="Plan.NieuweVersie"/>). <see cref="Revisie"/>
/// counts the saves of the text: a parent's decision is bound to the revision he read.
/// </summary>
public sealed class PlanVersie : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid PlanId { get; set; }
    public Guid LeerlingId { get; set; }
    public int Nummer { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Concept;
    public PlanInhoud Inhoud
    {
        get => inhoud;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            (inhoud, EvaluatieGepland) = (value, value.Evaluatiedatum);
        }
    }
    private PlanInhoud inhoud = new();
    /// <summary>The planned evaluation of <see cref="Inhoud"/>, as a column for the deadline lists.</summary>
    public DateOnly? EvaluatieGepland { get; private set; }
    /// <summary>Counts the saves of the text (1 for a new version).</summary>
    public int Revisie { get; set; } = 1;
    public DateTimeOffset AangemaaktOp { get; set; }
    public Guid AangemaaktDoor { get; set; }
    public DateTimeOffset BijgewerktOp { get; set; }
    public Guid BijgewerktDoor { get; set; }
    /// <summary>When the handelingsdeel went to the parents (the latest time, after taking it back).</summary>
    public DateTimeOffset? VoorgelegdOp { get; set; }
    public Guid? VoorgelegdDoor { get; set; }
    /// <summary>When the decision fell (ingestemd or niet ingestemd; a handelingsplan: adopted).</summary>
    public DateTimeOffset? BesluitOp { get; set; }
    /// <summary>The day the version took effect (agreed, or a handelingsplan adopted).</summary>
    public DateOnly? Ingang { get; set; }
    public DateOnly? LaatstGeevalueerd { get; set; }
    /// <summary>The evaluation with parents and student: what it brought, with whom.</summary>
    public string? Evaluatie { get; set; }
    public DateOnly? VervangenOp { get; set; }
    /// <summary>Optimistic concurrency for every change of this row.</summary>
    public int Versie { get; set; } = 1;

    public const int MaxEvaluatie = 8_000;

    /// <summary>Agreed, carried out or evaluated, and not replaced or ended.</summary>
    public bool IsInWerking => Status is PlanStatus.Ingestemd or PlanStatus.InUitvoering or PlanStatus.Geevalueerd;

    internal static PlanVersie Nieuw(Plan plan, int nummer, PlanInhoud inhoud, DateTimeOffset nu, Guid door) => new()
    {
        SchoolId = plan.SchoolId,
        PlanId = plan.Id,
        LeerlingId = plan.LeerlingId,
        Nummer = nummer,
        Inhoud = inhoud,
        AangemaaktOp = nu,
        AangemaaktDoor = door,
        BijgewerktOp = nu,
        BijgewerktDoor = door,
    };

    /// <summary>
    /// Saves the text of a concept. <paramref name="gelezenRevisie"/> is the revision the writer started from: another
    /// save in between is a conflict (<see cref="Planfoutcode.Gewijzigd"/>), never a silent overwrite.
    /// </summary>
    public IReadOnlyList<Planfout> Bewerk(PlanInhoud inhoud, int gelezenRevisie, DateTimeOffset nu, Guid door)
    {
        ArgumentNullException.ThrowIfNull(inhoud);
        if (Status != PlanStatus.Concept)
        {
            return [new Planfout(Planfoutcode.VerkeerdeStatus, "", Status == PlanStatus.TerInstemming
                ? $"Versie {Nummer} ligt ter instemming bij de ouders en verandert niet meer. Neem hem terug om hem aan te passen."
                : $"Versie {Nummer} is vastgesteld en verandert niet meer. Maak een nieuwe versie.")];
        }
        if (gelezenRevisie != Revisie)
        {
            return [new Planfout(Planfoutcode.Gewijzigd, "", "Iemand anders heeft dit concept intussen opgeslagen. Uw tekst staat nog in het formulier; laad de nieuwe versie en neem uw wijzigingen over.")];
        }
        var (schoon, fouten) = inhoud.Schoon();
        if (fouten.Count > 0)
        {
            return fouten;
        }
        (Inhoud, BijgewerktOp, BijgewerktDoor) = (schoon, nu, door);
        Revisie++;
        Versie++;
        return [];
    }

    /// <summary>
    /// Sends the handelingsdeel of this OPP concept to <paramref name="gevraagd"/> (<see cref="Instemmingsregel.WieBeslist"/>):
    /// one open request per person. Needs a complete text and at least one person to ask.
    /// </summary>
    public (IReadOnlyList<Instemming> Verzoeken, IReadOnlyList<Planfout> Fouten) LegVoor(Plan plan, IReadOnlyList<Instemmer> gevraagd,
        DateTimeOffset nu, Guid door)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(gevraagd);
        if (plan.Soort != PlanSoort.Opp)
        {
            return ([], [new Planfout(Planfoutcode.VerkeerdeStatus, "", "Over een handelingsplan beslissen de ouders niet: stel het vast en informeer hen.")]);
        }
        if (Status != PlanStatus.Concept)
        {
            return ([], [new Planfout(Planfoutcode.VerkeerdeStatus, "", $"Versie {Nummer} is geen concept meer.")]);
        }
        var fouten = Inhoud.Onvolledig(plan.Soort);
        if (fouten.Count > 0)
        {
            return ([], fouten);
        }
        if (gevraagd.Count == 0)
        {
            return ([], [new Planfout(Planfoutcode.NietGevraagd, "", "Er is niemand met gezag om instemming te vragen. Leg eerst de ouders of de voogd met gezag vast.")]);
        }
        (Status, VoorgelegdOp, VoorgelegdDoor) = (PlanStatus.TerInstemming, nu, door);
        Versie++;
        var verzoeken = gevraagd.Select(g => new Instemming
        {
            SchoolId = SchoolId,
            VersieId = Id,
            LeerlingId = LeerlingId,
            OuderId = g.OuderId,
            Revisie = Revisie,
            GevraagdOp = nu,
        }).ToList();
        return (verzoeken, []);
    }

    /// <summary>Takes the request back (to change the text): the open requests lapse, the version is a concept again.</summary>
    public Planfout? NeemTerug(IEnumerable<Instemming> instemmingen, DateTimeOffset nu)
    {
        ArgumentNullException.ThrowIfNull(instemmingen);
        if (Status != PlanStatus.TerInstemming)
        {
            return new Planfout(Planfoutcode.VerkeerdeStatus, "", $"Versie {Nummer} ligt niet ter instemming.");
        }
        foreach (var instemming in instemmingen.Where(i => i.VersieId == Id && i.Status != InstemmingStatus.Vervallen))
        {
            instemming.Vervalt(nu);
        }
        (Status, VoorgelegdOp) = (PlanStatus.Concept, null);
        Versie++;
        return null;
    }

    /// <summary>
    /// Records the decision of <paramref name="wie"/> on this version as he read it (<paramref name="gelezenRevisie"/>),
    /// then settles the version by <see cref="Instemmingsregel.Uitkomst"/>: agreed (it takes effect, the version in force
    /// before is replaced) or not agreed (with the reason; an overleg follows). A decision after the outcome is still
    /// recorded (the school sees every parent's decision) but does not change it.
    /// </summary>
    public (Instemmingsuitkomst Uitkomst, Planfout? Fout) Beslis(Plan plan, IReadOnlyList<Instemming> instemmingen, Instemmer wie,
        bool instemmen, string? reden, int gelezenRevisie, Instemmingsbeleid beleid, InstemmingWijze wijze, DateTimeOffset nu, Guid vastgelegdDoor)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(instemmingen);
        ArgumentNullException.ThrowIfNull(wie);
        var open = Status == PlanStatus.TerInstemming;
        var verzoek = instemmingen.FirstOrDefault(i => i.VersieId == Id && i.OuderId == wie.OuderId && i.Status != InstemmingStatus.Vervallen);
        if (verzoek is null)
        {
            return (Instemmingsuitkomst.Open, new Planfout(Planfoutcode.NietGevraagd, "",
                "U wordt om deze versie niet gevraagd: alleen een ouder of voogd met gezag (en de leerling vanaf 16) stemt in."));
        }
        if (verzoek.Status != InstemmingStatus.Open)
        {
            return (Instemmingsuitkomst.Open, new Planfout(Planfoutcode.AlBeslist, "", "Over deze versie is uw besluit al vastgelegd."));
        }
        var nogTeBeslissen = open || Status is PlanStatus.Ingestemd or PlanStatus.InUitvoering or PlanStatus.NietIngestemd;
        if (!nogTeBeslissen)
        {
            return (Instemmingsuitkomst.Open, new Planfout(Planfoutcode.VerkeerdeStatus, "", $"Versie {Nummer} ligt niet meer ter instemming."));
        }
        if (gelezenRevisie != Revisie || verzoek.Revisie != Revisie)
        {
            return (Instemmingsuitkomst.Open, new Planfout(Planfoutcode.Gewijzigd, "",
                "Deze versie is intussen veranderd. Lees de nieuwe tekst voordat u beslist."));
        }
        var tekst = Tekst.VrijOfNull(reden);
        if (!instemmen && tekst is null)
        {
            return (Instemmingsuitkomst.Open, new Planfout(Planfoutcode.RedenOntbreekt, nameof(Instemming.Reden),
                "Schrijf waarom u niet instemt: de school bespreekt het dan met u."));
        }
        if (tekst is { Length: > Instemming.MaxReden })
        {
            return (Instemmingsuitkomst.Open, Planfout.Ongeldig(nameof(Instemming.Reden), $"De reden is hoogstens {Instemming.MaxReden} tekens."));
        }
        verzoek.Status = instemmen ? InstemmingStatus.Ingestemd : InstemmingStatus.NietIngestemd;
        (verzoek.Reden, verzoek.BeslistOp, verzoek.Wijze, verzoek.VastgelegdDoor) = (tekst, nu, wijze, vastgelegdDoor);
        verzoek.Versie++;
        if (!open)
        {
            return (Instemmingsuitkomst.Open, null);
        }
        var uitkomst = Instemmingsregel.Uitkomst(instemmingen.Where(i => i.VersieId == Id && i.Status != InstemmingStatus.Vervallen), beleid);
        if (uitkomst == Instemmingsuitkomst.Ingestemd)
        {
            TreedtInWerking(plan, Schoolkalender.DatumVan(nu), nu, PlanStatus.Ingestemd);
        }
        else if (uitkomst == Instemmingsuitkomst.NietIngestemd)
        {
            (Status, BesluitOp) = (PlanStatus.NietIngestemd, nu);
            Versie++;
        }
        return (uitkomst, null);
    }

    /// <summary>Adopts a handelingsplan concept (no instemming; the parents are informed): it is in force from today.</summary>
    public IReadOnlyList<Planfout> StelVast(Plan plan, DateTimeOffset nu)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Soort != PlanSoort.Handelingsplan)
        {
            return [new Planfout(Planfoutcode.VerkeerdeStatus, "", "Het handelingsdeel van een OPP gaat eerst ter instemming naar de ouders.")];
        }
        if (Status != PlanStatus.Concept)
        {
            return [new Planfout(Planfoutcode.VerkeerdeStatus, "", $"Versie {Nummer} is geen concept meer.")];
        }
        var fouten = Inhoud.Onvolledig(plan.Soort);
        if (fouten.Count > 0)
        {
            return fouten;
        }
        TreedtInWerking(plan, Schoolkalender.DatumVan(nu), nu, PlanStatus.InUitvoering);
        return [];
    }

    private void TreedtInWerking(Plan plan, DateOnly vandaag, DateTimeOffset nu, PlanStatus status)
    {
        foreach (var vorige in plan.Versies.Where(v => v.Id != Id && v.IsInWerking))
        {
            (vorige.Status, vorige.VervangenOp) = (PlanStatus.Vervangen, vandaag);
            vorige.Versie++;
        }
        (Status, BesluitOp, Ingang) = (status, nu, vandaag);
        Versie++;
    }

    /// <summary>An agreed OPP version is put into practice (from agreed to in uitvoering).</summary>
    public Planfout? StartUitvoering()
    {
        if (Status != PlanStatus.Ingestemd)
        {
            return new Planfout(Planfoutcode.VerkeerdeStatus, "", $"Alleen een ingestemde versie gaat in uitvoering; versie {Nummer} is {Weergave(Status)}.");
        }
        Status = PlanStatus.InUitvoering;
        Versie++;
        return null;
    }

    /// <summary>
    /// Records the evaluation with parents and student (at least yearly) of the version in force, on a day from its start
    /// to today. The version stays in force until a new one takes effect or the plan ends.
    /// </summary>
    public Planfout? Evalueer(string? evaluatie, DateOnly datum, DateOnly vandaag)
    {
        if (!IsInWerking)
        {
            return new Planfout(Planfoutcode.VerkeerdeStatus, "", $"Alleen de versie die geldt wordt geëvalueerd; versie {Nummer} is {Weergave(Status)}.");
        }
        var tekst = Tekst.Vrij(evaluatie);
        if (tekst.Length == 0)
        {
            return Planfout.Ongeldig(nameof(Evaluatie), "Vul de evaluatie in: wat leverde het plan op, en wat vinden ouders en leerling?");
        }
        if (tekst.Length > MaxEvaluatie)
        {
            return Planfout.Ongeldig(nameof(Evaluatie), $"De evaluatie is hoogstens {MaxEvaluatie:N0} tekens.".Replace(',', '.'));
        }
        if (datum > vandaag)
        {
            return Planfout.Ongeldig(nameof(LaatstGeevalueerd), "De evaluatiedatum ligt in de toekomst.");
        }
        if (Ingang is { } ingang && datum < ingang)
        {
            return Planfout.Ongeldig(nameof(LaatstGeevalueerd), "De evaluatiedatum ligt vóór de ingang van deze versie.");
        }
        (Status, Evaluatie, LaatstGeevalueerd) = (PlanStatus.Geevalueerd, tekst, datum);
        Versie++;
        return null;
    }

    public static string Weergave(PlanStatus status) => status switch
    {
        PlanStatus.Concept => "concept",
        PlanStatus.TerInstemming => "ter instemming",
        PlanStatus.Ingestemd => "ingestemd",
        PlanStatus.NietIngestemd => "niet ingestemd",
        PlanStatus.InUitvoering => "in uitvoering",
        PlanStatus.Geevalueerd => "geëvalueerd",
        PlanStatus.Vervangen => "vervangen",
        PlanStatus.Beeindigd => "beëindigd",
        _ => "onbekend",
    };
}
