using Leerlingzorg.Domain.Leerlingen;

namespace Leerlingzorg.Domain.Plannen;

/// <summary>The two plans of seed 002/004: the OPP (with instemming on its handelingsdeel) and the handelingsplan (without).</summary>
public enum PlanSoort
{
    /// <summary>Ontwikkelingsperspectiefplan: extra support beyond the basisondersteuning; parents consent to its handelingsdeel.</summary>
    Opp = 1,
    /// <summary>A plan for a student without an OPP: goals, approach, who, evaluation. Parents are informed, not asked.</summary>
    Handelingsplan = 2,
}

/// <summary>Where one version of a plan stands (issue 11: concept → ter instemming → ingestemd / niet ingestemd → in uitvoering → geëvalueerd).</summary>
public enum PlanStatus
{
    Concept = 1,
    /// <summary>The handelingsdeel is with the parents (and the student of 16+); the text is frozen.</summary>
    TerInstemming = 2,
    /// <summary>Agreed: the version is in force (the previous one is <see cref="Vervangen"/>).</summary>
    Ingestemd = 3,
    /// <summary>Not agreed: an overleg is opened; the previous version stays in force.</summary>
    NietIngestemd = 4,
    InUitvoering = 5,
    Geevalueerd = 6,
    /// <summary>A later version took effect.</summary>
    Vervangen = 7,
    /// <summary>The plan ended (the student no longer needs it, or left).</summary>
    Beeindigd = 8,
}

/// <summary>The reason a plan step is refused, for the page to translate (the portal speaks English too).</summary>
public enum Planfoutcode
{
    Ongeldig = 1,
    /// <summary>Somebody changed the version in the meantime (a stale form or an approval of a changed text).</summary>
    Gewijzigd = 2,
    /// <summary>The version is not in the state the step needs.</summary>
    VerkeerdeStatus = 3,
    /// <summary>The person is not asked (no gezag, another child's parent, the student under 16).</summary>
    NietGevraagd = 4,
    /// <summary>This person already decided on this version.</summary>
    AlBeslist = 5,
    RedenOntbreekt = 6,
}

/// <summary>What is wrong with a plan step: the code for translation, the field, and the Dutch message.</summary>
public sealed record Planfout(Planfoutcode Code, string Veld, string Melding)
{
    public static Planfout Ongeldig(string veld, string melding) => new(Planfoutcode.Ongeldig, veld, melding);
}

/// <summary>An educational goal of the plan, with how it is reached.</summary>
public sealed record Onderwijsdoel(string Doel, string? Aanpak);

/// <summary>One line of the handelingsdeel: the support, who gives it, how often, and the student's intervention it stands for.</summary>
public sealed record Ondersteuningsregel(string Ondersteuning, string? Wie, string? HoeVaak, Guid? InzetId);

/// <summary>
/// The jeugdhulp part of one integrated plan (seed 004: "waar dit van toepassing is, komt er één integraal plan van aanpak
/// tussen onderwijs en jeugdhulp"): the partner from the school's directory (its organisation and contact kept as they
/// were when the version was written), the help at home, how school and home reinforce each other, and who coordinates.
/// </summary>
public sealed record Jeugdhulpdeel
{
    public Guid? PartnerId { get; init; }
    /// <summary>The partner's organisation ("Wijkteam Ede"): also the partner a consent to share must name.</summary>
    public string? Organisatie { get; init; }
    /// <summary>The contact person and function ("Sanne Bos, brugfunctionaris").</summary>
    public string? Contactpersoon { get; init; }
    /// <summary>The help at home: what, by whom, since when.</summary>
    public string? Hulp { get; init; }
    /// <summary>How the support at school and the help at home reinforce each other, and when they meet.</summary>
    public string? Afstemming { get; init; }
    /// <summary>Who keeps the overview ("de brugfunctionaris", "de zorgcoördinator").</summary>
    public string? Regie { get; init; }

    public bool IsLeeg => PartnerId is null && Organisatie is null && Contactpersoon is null && Hulp is null && Afstemming is null && Regie is null;
}

/// <summary>The text of one version, as the editor and the draft keeper hold it. Every field is optional while it is a concept.</summary>
public sealed record PlanInhoud
{
    public string? BeginsituatieLeerling { get; init; }
    public string? BeginsituatieDocent { get; init; }
    public string? Onderwijsbehoeften { get; init; }
    public string? BelemmerendeFactoren { get; init; }
    public string? BevorderendeFactoren { get; init; }
    /// <summary>Uitstroomperspectief: the destination ("havo", "mbo", "arbeid").</summary>
    public string? Uitstroombestemming { get; init; }
    /// <summary>Its level ("mbo niveau 2", "basisberoepsgerichte leerweg").</summary>
    public string? Uitstroomniveau { get; init; }
    public string? UitstroomOnderbouwing { get; init; }
    public IReadOnlyList<Onderwijsdoel> Doelen { get; init; } = [];
    /// <summary>The handelingsdeel: the support the student gets. Parents consent to this part only.</summary>
    public IReadOnlyList<Ondersteuningsregel> Handelingsdeel { get; init; } = [];
    /// <summary>Deviations from the regular programme (fewer subjects, another timetable).</summary>
    public string? Afwijkingen { get; init; }
    /// <summary>The student's own view (hoorrecht).</summary>
    public string? VisieLeerling { get; init; }
    /// <summary>Who drew it up ("mentor J. de Vries, zorgcoördinator, ouders").</summary>
    public string? OpgesteldDoor { get; init; }
    public DateOnly? Evaluatiedatum { get; init; }
    /// <summary>Null: no jeugdhulp; else the plan is an integrated plan of school and jeugdhulp (OPP only).</summary>
    public Jeugdhulpdeel? Jeugdhulp { get; init; }

    public const int MaxTekst = 8_000;
    public const int MaxRegel = 300;
    public const int MaxRegels = 40;

    /// <summary>
    /// The text cleaned (control characters, NUL, surrounding space) and checked against the lengths, with a Dutch message
    /// per field; empty goal and support lines are dropped.
    /// </summary>
    public (PlanInhoud Inhoud, IReadOnlyList<Planfout> Fouten) Schoon()
    {
        var fouten = new List<Planfout>();
        string? Vrij(string? tekst, string veld, string naam)
        {
            var schoon = Tekst.VrijOfNull(tekst);
            if (schoon is { Length: > MaxTekst })
            {
                fouten.Add(Planfout.Ongeldig(veld, $"{naam} is hoogstens {MaxTekst:N0} tekens; nu {schoon.Length:N0}.".Replace(',', '.')));
            }
            return schoon;
        }
        string? Regel(string? tekst, string veld, string naam)
        {
            var schoon = Tekst.RegelOfNull(tekst);
            if (schoon is { Length: > MaxRegel })
            {
                fouten.Add(Planfout.Ongeldig(veld, $"{naam} is hoogstens {MaxRegel} tekens."));
            }
            return schoon;
        }
        var doelen = Doelen
            .Select((d, i) => new Onderwijsdoel(Vrij(d.Doel, $"{nameof(Doelen)}[{i}]", $"Doel {i + 1}") ?? "", Vrij(d.Aanpak, $"{nameof(Doelen)}[{i}]", $"De aanpak van doel {i + 1}")))
            .Where(d => d.Doel.Length > 0 || d.Aanpak is not null)
            .ToList();
        foreach (var (doel, i) in doelen.Select((d, i) => (d, i)).Where(x => x.d.Doel.Length == 0))
        {
            fouten.Add(Planfout.Ongeldig($"{nameof(Doelen)}[{i}]", $"Doel {i + 1} heeft een aanpak maar geen doel."));
        }
        var regels = Handelingsdeel
            .Select((r, i) => new Ondersteuningsregel(
                Regel(r.Ondersteuning, $"{nameof(Handelingsdeel)}[{i}]", $"De ondersteuning op regel {i + 1}") ?? "",
                Regel(r.Wie, $"{nameof(Handelingsdeel)}[{i}]", $"Wie op regel {i + 1}"),
                Regel(r.HoeVaak, $"{nameof(Handelingsdeel)}[{i}]", $"Hoe vaak op regel {i + 1}"),
                r.InzetId))
            .Where(r => r.Ondersteuning.Length > 0 || r.Wie is not null || r.HoeVaak is not null)
            .ToList();
        foreach (var (_, i) in regels.Select((r, i) => (r, i)).Where(x => x.r.Ondersteuning.Length == 0))
        {
            fouten.Add(Planfout.Ongeldig($"{nameof(Handelingsdeel)}[{i}]", $"Regel {i + 1} van het handelingsdeel noemt niet welke ondersteuning."));
        }
        if (doelen.Count > MaxRegels)
        {
            fouten.Add(Planfout.Ongeldig(nameof(Doelen), $"Een plan heeft hoogstens {MaxRegels} doelen."));
        }
        if (regels.Count > MaxRegels)
        {
            fouten.Add(Planfout.Ongeldig(nameof(Handelingsdeel), $"Het handelingsdeel heeft hoogstens {MaxRegels} regels."));
        }
        var jeugdhulp = Jeugdhulp is null ? null : new Jeugdhulpdeel
        {
            PartnerId = Jeugdhulp.PartnerId,
            Organisatie = Regel(Jeugdhulp.Organisatie, nameof(Jeugdhulpdeel.Organisatie), "De organisatie van de jeugdhulp"),
            Contactpersoon = Regel(Jeugdhulp.Contactpersoon, nameof(Jeugdhulpdeel.Contactpersoon), "De contactpersoon van de jeugdhulp"),
            Hulp = Vrij(Jeugdhulp.Hulp, nameof(Jeugdhulpdeel.Hulp), "De hulp thuis"),
            Afstemming = Vrij(Jeugdhulp.Afstemming, nameof(Jeugdhulpdeel.Afstemming), "De afstemming tussen school en jeugdhulp"),
            Regie = Regel(Jeugdhulp.Regie, nameof(Jeugdhulpdeel.Regie), "Wie de regie heeft"),
        };
        var schoon = new PlanInhoud
        {
            BeginsituatieLeerling = Vrij(BeginsituatieLeerling, nameof(BeginsituatieLeerling), "De beginsituatie van de leerling"),
            BeginsituatieDocent = Vrij(BeginsituatieDocent, nameof(BeginsituatieDocent), "De beginsituatie van de docent"),
            Onderwijsbehoeften = Vrij(Onderwijsbehoeften, nameof(Onderwijsbehoeften), "De onderwijsbehoeften"),
            BelemmerendeFactoren = Vrij(BelemmerendeFactoren, nameof(BelemmerendeFactoren), "De belemmerende factoren"),
            BevorderendeFactoren = Vrij(BevorderendeFactoren, nameof(BevorderendeFactoren), "De bevorderende factoren"),
            Uitstroombestemming = Regel(Uitstroombestemming, nameof(Uitstroombestemming), "De uitstroombestemming"),
            Uitstroomniveau = Regel(Uitstroomniveau, nameof(Uitstroomniveau), "Het uitstroomniveau"),
            UitstroomOnderbouwing = Vrij(UitstroomOnderbouwing, nameof(UitstroomOnderbouwing), "De onderbouwing van het uitstroomperspectief"),
            Doelen = doelen,
            Handelingsdeel = regels,
            Afwijkingen = Vrij(Afwijkingen, nameof(Afwijkingen), "De afwijkingen van het programma"),
            VisieLeerling = Vrij(VisieLeerling, nameof(VisieLeerling), "De visie van de leerling"),
            OpgesteldDoor = Regel(OpgesteldDoor, nameof(OpgesteldDoor), "Opgesteld door"),
            Evaluatiedatum = Evaluatiedatum,
            Jeugdhulp = jeugdhulp is { IsLeeg: false } ? jeugdhulp : null,
        };
        return (schoon, fouten);
    }

    /// <summary>What a version needs before it goes to the parents (OPP) or is adopted (handelingsplan), per field in Dutch.</summary>
    public IReadOnlyList<Planfout> Onvolledig(PlanSoort soort)
    {
        var fouten = new List<Planfout>();
        void Nodig(string? waarde, string veld, string melding)
        {
            if (string.IsNullOrWhiteSpace(waarde))
            {
                fouten.Add(Planfout.Ongeldig(veld, melding));
            }
        }
        if (soort == PlanSoort.Opp)
        {
            Nodig(BeginsituatieLeerling, nameof(BeginsituatieLeerling), "Beschrijf de beginsituatie van de leerling.");
            Nodig(Onderwijsbehoeften, nameof(Onderwijsbehoeften), "Vul de onderwijsbehoeften in.");
            Nodig(Uitstroombestemming, nameof(Uitstroombestemming), "Vul het uitstroomperspectief in: de bestemming.");
            Nodig(UitstroomOnderbouwing, nameof(UitstroomOnderbouwing), "Onderbouw het uitstroomperspectief.");
        }
        if (Doelen.Count == 0)
        {
            fouten.Add(Planfout.Ongeldig(nameof(Doelen), "Neem minstens één onderwijsdoel op."));
        }
        if (Handelingsdeel.Count == 0)
        {
            fouten.Add(Planfout.Ongeldig(nameof(Handelingsdeel), soort == PlanSoort.Opp
                ? "Het handelingsdeel is leeg: beschrijf welke ondersteuning de leerling krijgt, door wie en hoe vaak."
                : "Vul in wie wat doet: de aanpak per betrokkene."));
        }
        if (Evaluatiedatum is null)
        {
            fouten.Add(Planfout.Ongeldig(nameof(Evaluatiedatum), "Plan de evaluatiedatum."));
        }
        if (Jeugdhulp is { } jeugdhulp)
        {
            Nodig(jeugdhulp.Organisatie, nameof(Jeugdhulpdeel.Organisatie), "Kies de jeugdhulppartner van het integraal plan.");
            Nodig(jeugdhulp.Hulp, nameof(Jeugdhulpdeel.Hulp), "Beschrijf welke hulp er thuis is.");
            Nodig(jeugdhulp.Afstemming, nameof(Jeugdhulpdeel.Afstemming), "Beschrijf hoe school en jeugdhulp elkaar versterken.");
        }
        return fouten;
    }

    /// <summary>Whether the handelingsdeel (the part parents consent to) differs from <paramref name="ander"/>'s.</summary>
    public bool HandelingsdeelVerschiltVan(PlanInhoud ander)
    {
        ArgumentNullException.ThrowIfNull(ander);
        return !Handelingsdeel.SequenceEqual(ander.Handelingsdeel) || Afwijkingen != ander.Afwijkingen;
    }
}

/// <summary>
/// A plan per student (an OPP or a handelingsplan) with its versions; every version is kept. At most one version is being
/// written or decided at a time; the one in force (<see cref="InWerking"/>) stays in force until a later one takes effect.
/// A Zorg-level dossier entry.
/// </summary>
public sealed class Plan : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    public PlanSoort Soort { get; set; }
    /// <summary>Since when the student needs the extra support (placement or the decision): the OPP is adopted within six weeks of it.</summary>
    public DateOnly NodigSinds { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public Guid AangemaaktDoor { get; set; }
    public DateOnly? BeeindigdOp { get; set; }
    public string? Beeindigingsreden { get; set; }
    public List<PlanVersie> Versies { get; set; } = [];
    /// <summary>Optimistic concurrency for the steps on the plan as a whole (a new version, ending).</summary>
    public int Versie { get; set; } = 1;

    public const int MaxReden = 2_000;
    /// <summary>An OPP is adopted within six weeks of placement (WVO art. 8a / seed 004).</summary>
    public const int VaststellenBinnenDagen = 42;
    /// <summary>An approval still open after two weeks surfaces.</summary>
    public const int InstemmingOpenDagen = 14;

    public bool IsBeeindigd => BeeindigdOp is not null;

    /// <summary>Who may start and write a plan: the zorgcoördinator, the intern begeleider and the student's mentor (issue 11).</summary>
    public static bool MagOpstellen(Dossier.Lezer lezer, bool isInternBegeleider)
    {
        ArgumentNullException.ThrowIfNull(lezer);
        return lezer.IsZorgcoordinator || isInternBegeleider || lezer.IsMentorVanLeerling;
    }

    /// <summary>
    /// Starts a plan for <paramref name="leerling"/> with a first concept version holding <paramref name="voorstel"/> (the
    /// dossier's prefill). A student has at most one plan of each kind that has not ended (<paramref name="lopend"/>).
    /// </summary>
    public static (Plan? Plan, Planfout? Fout) Start(Leerling leerling, PlanSoort soort, DateOnly nodigSinds, PlanInhoud voorstel,
        bool lopend, DateOnly vandaag, DateTimeOffset nu, Guid door)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        ArgumentNullException.ThrowIfNull(voorstel);
        if (!Enum.IsDefined(soort))
        {
            return (null, Planfout.Ongeldig(nameof(Soort), "Kies een OPP of een handelingsplan."));
        }
        if (lopend)
        {
            return (null, new Planfout(Planfoutcode.VerkeerdeStatus, nameof(Soort),
                $"{leerling.Voornaam} heeft al een {Weergave(soort)}; werk dat bij met een nieuwe versie."));
        }
        if (nodigSinds > vandaag)
        {
            return (null, Planfout.Ongeldig(nameof(NodigSinds), "De datum van plaatsing of besluit ligt in de toekomst."));
        }
        var (inhoud, fouten) = voorstel.Schoon();
        if (fouten.Count > 0)
        {
            return (null, fouten[0]);
        }
        var plan = new Plan
        {
            SchoolId = leerling.SchoolId,
            LeerlingId = leerling.Id,
            Soort = soort,
            NodigSinds = nodigSinds,
            AangemaaktOp = nu,
            AangemaaktDoor = door,
        };
        plan.Versies.Add(PlanVersie.Nieuw(plan, 1, inhoud, nu, door));
        return (plan, null);
    }

    public static string Weergave(PlanSoort soort) => soort == PlanSoort.Opp ? "OPP" : "handelingsplan";

    /// <summary>The version in force: the newest that took effect and was not replaced; null before the first one did.</summary>
    public PlanVersie? InWerking =>
        Versies.Where(v => v.IsInWerking).MaxBy(v => v.Nummer);

    /// <summary>The version being written or decided (concept, ter instemming); null when there is none.</summary>
    public PlanVersie? Lopend => Versies.FirstOrDefault(v => v.Status is PlanStatus.Concept or PlanStatus.TerInstemming);

    public PlanVersie Laatste => Versies.MaxBy(v => v.Nummer)!;

    /// <summary>
    /// A new concept version from the newest one's text: the way to change a plan that was sent, agreed, rejected or
    /// evaluated. The version in force stays in force meanwhile.
    /// </summary>
    public (PlanVersie? Versie, Planfout? Fout) NieuweVersie(IEnumerable<Instemming> instemmingen, DateTimeOffset nu, Guid door)
    {
        ArgumentNullException.ThrowIfNull(instemmingen);
        if (IsBeeindigd)
        {
            return (null, new Planfout(Planfoutcode.VerkeerdeStatus, "", $"Dit {Weergave(Soort)} is beëindigd."));
        }
        if (Lopend is { } lopend)
        {
            return (null, new Planfout(Planfoutcode.VerkeerdeStatus, "", lopend.Status == PlanStatus.Concept
                ? $"Versie {lopend.Nummer} is nog een concept: werk die bij."
                : $"Versie {lopend.Nummer} ligt ter instemming bij de ouders. Neem die eerst terug."));
        }
        // A parent who had not answered the older version is asked again about the new one, not about the old.
        foreach (var instemming in instemmingen.Where(i => i.Status == InstemmingStatus.Open))
        {
            instemming.Vervalt(nu);
        }
        var laatste = Laatste;
        var versie = PlanVersie.Nieuw(this, laatste.Nummer + 1, laatste.Inhoud, nu, door);
        Versies.Add(versie);
        Versie++;
        return (versie, null);
    }

    /// <summary>Ends the plan with a reason: no version is in force any more, an open request lapses.</summary>
    public Planfout? Beeindig(string? reden, DateOnly datum, DateOnly vandaag, IEnumerable<Instemming> instemmingen, DateTimeOffset nu)
    {
        ArgumentNullException.ThrowIfNull(instemmingen);
        if (IsBeeindigd)
        {
            return new Planfout(Planfoutcode.VerkeerdeStatus, "", $"Dit {Weergave(Soort)} is al beëindigd.");
        }
        var tekst = Tekst.Vrij(reden);
        if (tekst.Length == 0)
        {
            return new Planfout(Planfoutcode.RedenOntbreekt, nameof(Beeindigingsreden), "Vul de reden in waarom het plan eindigt.");
        }
        if (tekst.Length > MaxReden)
        {
            return Planfout.Ongeldig(nameof(Beeindigingsreden), $"De reden is hoogstens {MaxReden} tekens.");
        }
        if (datum > vandaag)
        {
            return Planfout.Ongeldig(nameof(BeeindigdOp), "De einddatum ligt in de toekomst.");
        }
        foreach (var instemming in instemmingen.Where(i => i.Status == InstemmingStatus.Open))
        {
            instemming.Vervalt(nu);
        }
        foreach (var versie in Versies.Where(v => v.Status is not (PlanStatus.Vervangen or PlanStatus.NietIngestemd)))
        {
            versie.Status = PlanStatus.Beeindigd;
        }
        (BeeindigdOp, Beeindigingsreden) = (datum, tekst);
        Versie++;
        return null;
    }

    /// <summary>
    /// When the version in force is evaluated at the latest: its planned date, unless an evaluation on or after that date
    /// already took place; never later than a year after it took effect or was last evaluated.
    /// </summary>
    private static DateOnly Evaluatietermijn(PlanVersie versie, DateOnly vandaag)
    {
        var basis = versie.LaatstGeevalueerd ?? versie.Ingang;
        var jaarlijks = (basis ?? vandaag).AddYears(1);
        return versie.Inhoud.Evaluatiedatum is { } gepland
            && (versie.LaatstGeevalueerd is null || gepland > versie.LaatstGeevalueerd)
            && (basis is null || gepland < jaarlijks)
                ? gepland
                : jaarlijks;
    }

    /// <summary>The deadlines of this plan on <paramref name="vandaag"/> (issue 11: six weeks, yearly evaluation, approval open two weeks).</summary>
    public Plantermijnen Termijnen(DateOnly vandaag)
    {
        if (IsBeeindigd)
        {
            return new Plantermijnen(null, null, null);
        }
        var inWerking = InWerking;
        DateOnly? vaststellen = Soort == PlanSoort.Opp && inWerking is null && !Versies.Any(v => v.Status == PlanStatus.Vervangen)
            ? NodigSinds.AddDays(VaststellenBinnenDagen) : null;
        DateOnly? evalueren = inWerking is null ? null : Evaluatietermijn(inWerking, vandaag);
        DateOnly? instemming = Lopend is { Status: PlanStatus.TerInstemming, VoorgelegdOp: { } voorgelegd }
            ? Schoolkalender.DatumVan(voorgelegd).AddDays(InstemmingOpenDagen) : null;
        return new Plantermijnen(vaststellen, evalueren, instemming);
    }
}

/// <summary>The deadlines of a plan; null where none runs.</summary>
/// <param name="VaststellenUiterlijk">The OPP must be in force by then (six weeks after <see cref="Plan.NodigSinds"/>).</param>
/// <param name="EvaluerenUiterlijk">The version in force is evaluated by then (its planned date, at the latest a year after it took effect or was last evaluated).</param>
/// <param name="InstemmingOpenTot">The request to the parents is overdue after this day.</param>
public sealed record Plantermijnen(DateOnly? VaststellenUiterlijk, DateOnly? EvaluerenUiterlijk, DateOnly? InstemmingOpenTot)
{
    public bool IsVerlopen(DateOnly vandaag) =>
        VaststellenUiterlijk < vandaag || EvaluerenUiterlijk < vandaag || InstemmingOpenTot < vandaag;
}
