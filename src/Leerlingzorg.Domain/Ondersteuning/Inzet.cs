using System.Linq.Expressions;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Leerlingen;

namespace Leerlingzorg.Domain.Ondersteuning;

public enum InzetStatus
{
    /// <summary>Waiting for a place (the offer is full).</summary>
    Wachtlijst = 1,
    Actief = 2,
    /// <summary>Ended with an evaluation.</summary>
    Afgerond = 3,
    /// <summary>Ended without running its course (consent withdrawn, student left, no longer needed).</summary>
    Gestopt = 4,
}

/// <summary>How an evaluated intervention went against its goal.</summary>
public enum InzetUitkomst
{
    DoelBereikt = 1,
    DeelsBereikt = 2,
    NietBereikt = 3,
}

/// <summary>
/// An intervention (inzet): support from the school's offer for one student, with a goal, an owner, a rhythm and a next
/// review; evaluated at the end. A Zorg-level dossier entry.
/// </summary>
public sealed class Inzet : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    public Guid AanbodId { get; set; }
    public Ondersteuningsaanbod? Aanbod { get; set; }
    public required string Doel { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly? GeplandEinde { get; set; }
    public Guid EigenaarId { get; set; }
    /// <summary>"2 uur per week", "wekelijks".</summary>
    public string? Frequentie { get; set; }
    public DateOnly? VolgendeEvaluatie { get; set; }
    public InzetStatus Status { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public Guid AangemaaktDoor { get; set; }
    /// <summary>When the student was put on the waiting list (for its order).</summary>
    public DateTimeOffset? WachtlijstSinds { get; set; }
    public DateOnly? BeeindigdOp { get; set; }
    public InzetUitkomst? Uitkomst { get; set; }
    public string? Evaluatie { get; set; }
    /// <summary>The consent it needs was withdrawn while it ran: flagged to its owner until he acts.</summary>
    public DateTimeOffset? ToestemmingIngetrokkenOp { get; set; }
    /// <summary>Optimistic concurrency: two people evaluating at once.</summary>
    public int Versie { get; set; } = 1;

    public const int DoelMaxLengte = 4_000;
    public const int FrequentieMaxLengte = 100;
    public const int EvaluatieMaxLengte = 4_000;

    public bool IsLopend => Status is InzetStatus.Actief or InzetStatus.Wachtlijst;

    /// <summary>
    /// Who may start an intervention from an offer of level <paramref name="niveau"/> for a student: the care roles and the
    /// zorgcoördinator every offer; the student's mentor and coördinator the offers of the first line and the
    /// leerlingbespreking (PM I and II).
    /// </summary>
    public static bool MagStarten(Lezer lezer, PmNiveau niveau)
    {
        ArgumentNullException.ThrowIfNull(lezer);
        return lezer.IsZorgcoordinator || lezer.IsZorgrol
            || ((lezer.IsMentorVanLeerling || lezer.IsCoordinatorVanLeerling) && niveau <= PmNiveau.PmII);
    }

    /// <summary>Evaluating, stopping, planning the next review and starting from the waiting list: the owner or the zorgcoördinator.</summary>
    public bool MagBeheren(Guid gebruikerId, bool isZorgcoordinator) => EigenaarId == gebruikerId || isZorgcoordinator;

    /// <summary>
    /// Starts an intervention from <paramref name="aanbod"/> for <paramref name="leerling"/> (with its Ouders loaded, each
    /// with its Ouder for the names): the goal, the start and the owner are required, the planned end is not before the
    /// start and the next review lies within the period. An offer that needs consent (<see cref="Ondersteuningsaanbod.ToestemmingNodig"/>)
    /// starts only when <see cref="Toestemmingsregel.Dekking"/> covers its start date; an offer with a capacity that already
    /// has <paramref name="actiefInAanbod"/> students or more puts the student on the waiting list.
    /// </summary>
    public static InzetStart Starten(Ondersteuningsaanbod aanbod, Leerling leerling, InzetPlan plan, IEnumerable<Toestemming> toestemmingen,
        int actiefInAanbod, Guid door, DateTimeOffset nu)
    {
        ArgumentNullException.ThrowIfNull(aanbod);
        ArgumentNullException.ThrowIfNull(leerling);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(toestemmingen);
        if (!aanbod.Actief)
        {
            return InzetStart.Mislukt(nameof(InzetPlan.AanbodId), $"{aanbod.Naam} is gearchiveerd en wordt niet meer aangeboden.");
        }
        var doel = Tekst.Vrij(plan.Doel);
        if (doel.Length == 0)
        {
            return InzetStart.Mislukt(nameof(InzetPlan.Doel), "Vul het doel van de inzet in: wat moet de ondersteuning opleveren?");
        }
        if (doel.Length > DoelMaxLengte)
        {
            return InzetStart.Mislukt(nameof(InzetPlan.Doel), $"Het doel is hoogstens {DoelMaxLengte} tekens.");
        }
        if (plan.Start is not { } start)
        {
            return InzetStart.Mislukt(nameof(InzetPlan.Start), "Vul de startdatum in.");
        }
        if (plan.GeplandEinde is { } einde && einde < start)
        {
            return InzetStart.Mislukt(nameof(InzetPlan.GeplandEinde), "Het geplande einde ligt vóór de start.");
        }
        if (plan.EigenaarId is not { } eigenaar || eigenaar == Guid.Empty)
        {
            return InzetStart.Mislukt(nameof(InzetPlan.EigenaarId), "Kies de eigenaar: wie houdt de inzet bij en evalueert hem?");
        }
        var frequentie = Tekst.RegelOfNull(plan.Frequentie);
        if (frequentie is { Length: > FrequentieMaxLengte })
        {
            return InzetStart.Mislukt(nameof(InzetPlan.Frequentie), $"De frequentie is hoogstens {FrequentieMaxLengte} tekens.");
        }
        if (BuitenPeriode(plan.VolgendeEvaluatie, start, plan.GeplandEinde) is { } buiten)
        {
            return InzetStart.Mislukt(nameof(InzetPlan.VolgendeEvaluatie), buiten);
        }
        if (GeenToestemming(aanbod, leerling, toestemmingen, start) is { } geen)
        {
            return InzetStart.Mislukt(nameof(InzetPlan.AanbodId), geen);
        }
        var vol = aanbod.IsVolMet(actiefInAanbod);
        return new InzetStart(new Inzet
        {
            SchoolId = leerling.SchoolId,
            LeerlingId = leerling.Id,
            AanbodId = aanbod.Id,
            Aanbod = aanbod,
            Doel = doel,
            Start = start,
            GeplandEinde = plan.GeplandEinde,
            EigenaarId = eigenaar,
            Frequentie = frequentie,
            VolgendeEvaluatie = plan.VolgendeEvaluatie,
            Status = vol ? InzetStatus.Wachtlijst : InzetStatus.Actief,
            WachtlijstSinds = vol ? nu : null,
            AangemaaktOp = nu,
            AangemaaktDoor = door,
        }, null);
    }

    /// <summary>Ends a running intervention with its evaluation against the goal (Afgerond), on a day from its start to today.</summary>
    public Inzetfout? Evalueer(InzetUitkomst uitkomst, string? tekst, DateOnly datum, DateOnly vandaag)
    {
        if (Status != InzetStatus.Actief)
        {
            return new Inzetfout("", Status == InzetStatus.Wachtlijst
                ? "Deze inzet staat nog op de wachtlijst: er is niets te evalueren. Stop hem als hij niet meer nodig is."
                : "Deze inzet is al beëindigd.");
        }
        if (!Enum.IsDefined(uitkomst))
        {
            return new Inzetfout(nameof(Uitkomst), "Kies de uitkomst: doel bereikt, deels bereikt of niet bereikt.");
        }
        var evaluatie = Tekst.Vrij(tekst);
        if (evaluatie.Length == 0)
        {
            return new Inzetfout(nameof(Evaluatie), "Vul de evaluatie in: wat heeft de inzet opgeleverd?");
        }
        if (evaluatie.Length > EvaluatieMaxLengte)
        {
            return new Inzetfout(nameof(Evaluatie), $"De evaluatie is hoogstens {EvaluatieMaxLengte} tekens.");
        }
        if (EindDatumFout(datum, vandaag) is { } fout)
        {
            return fout;
        }
        (Status, Uitkomst, Evaluatie, BeeindigdOp) = (InzetStatus.Afgerond, uitkomst, evaluatie, datum);
        Versie++;
        return null;
    }

    /// <summary>Ends an intervention that did not run its course (or leaves the waiting list), with the reason why.</summary>
    public Inzetfout? Stop(string? reden, DateOnly datum, DateOnly vandaag)
    {
        if (!IsLopend)
        {
            return new Inzetfout("", "Deze inzet is al beëindigd.");
        }
        var tekst = Tekst.Vrij(reden);
        if (tekst.Length == 0)
        {
            return new Inzetfout(nameof(Evaluatie), "Vul de reden in waarom de inzet stopt.");
        }
        if (tekst.Length > EvaluatieMaxLengte)
        {
            return new Inzetfout(nameof(Evaluatie), $"De reden is hoogstens {EvaluatieMaxLengte} tekens.");
        }
        // A place on the waiting list never started: it may leave it on any day up to today.
        if (Status == InzetStatus.Actief && EindDatumFout(datum, vandaag) is { } fout)
        {
            return fout;
        }
        if (datum > vandaag)
        {
            return new Inzetfout(nameof(BeeindigdOp), "De datum ligt in de toekomst.");
        }
        (Status, Uitkomst, Evaluatie, BeeindigdOp) = (InzetStatus.Gestopt, null, tekst, datum);
        Versie++;
        return null;
    }

    /// <summary>Sets (or clears, with null) the next review, within the period of the intervention.</summary>
    public Inzetfout? PlanEvaluatie(DateOnly? datum)
    {
        if (!IsLopend)
        {
            return new Inzetfout("", "Een beëindigde inzet krijgt geen evaluatie meer.");
        }
        if (BuitenPeriode(datum, Start, GeplandEinde) is { } buiten)
        {
            return new Inzetfout(nameof(VolgendeEvaluatie), buiten);
        }
        if (VolgendeEvaluatie != datum)
        {
            VolgendeEvaluatie = datum;
            Versie++;
        }
        return null;
    }

    /// <summary>
    /// Starts an intervention of the waiting list on <paramref name="datum"/> now that a place is free (fewer than the
    /// capacity, <paramref name="actiefInAanbod"/>, are active) and its consent still holds; the start moves to that day.
    /// Take the first with <see cref="EersteOpWachtlijst"/>.
    /// </summary>
    public Inzetfout? HaalVanWachtlijst(DateOnly datum, int actiefInAanbod, Leerling leerling, IEnumerable<Toestemming> toestemmingen)
    {
        var aanbod = Aanbod ?? throw new InvalidOperationException("Laad het aanbod van de inzet.");
        if (Status != InzetStatus.Wachtlijst)
        {
            return new Inzetfout("", "Deze inzet staat niet op de wachtlijst.");
        }
        if (aanbod.IsVolMet(actiefInAanbod))
        {
            return new Inzetfout("", $"{aanbod.Naam} is nog vol: er is geen plaats vrij.");
        }
        if (GeplandEinde is { } einde && einde < datum)
        {
            return new Inzetfout(nameof(GeplandEinde), "Het geplande einde ligt vóór vandaag: stop deze inzet of plan hem opnieuw.");
        }
        if (GeenToestemming(aanbod, leerling, toestemmingen, datum) is { } geen)
        {
            return new Inzetfout(nameof(AanbodId), geen);
        }
        Start = Start < datum ? datum : Start;
        if (VolgendeEvaluatie is { } volgende && volgende < Start)
        {
            VolgendeEvaluatie = null;
        }
        (Status, WachtlijstSinds) = (InzetStatus.Actief, null);
        Versie++;
        return null;
    }

    /// <summary>The waiting list's order: who waits longest goes first.</summary>
    public static Inzet? EersteOpWachtlijst(IEnumerable<Inzet> inzetten) =>
        inzetten.Where(i => i.Status == InzetStatus.Wachtlijst)
            .OrderBy(i => i.WachtlijstSinds ?? i.AangemaaktOp).ThenBy(i => i.Id).FirstOrDefault();

    /// <summary>
    /// The review is overdue: the intervention runs and its next review lay before today (on the day itself it is not
    /// overdue yet). The one definition: rows call <see cref="IsEvaluatieVerlopenOp"/>, queries <see cref="EvaluatieVerlopen"/>.
    /// </summary>
    public bool IsEvaluatieVerlopen(DateOnly vandaag) => IsEvaluatieVerlopenOp(Status, VolgendeEvaluatie, vandaag);

    public static bool IsEvaluatieVerlopenOp(InzetStatus status, DateOnly? volgendeEvaluatie, DateOnly vandaag) =>
        status == InzetStatus.Actief && volgendeEvaluatie is { } d && d < vandaag;

    /// <summary><see cref="IsEvaluatieVerlopenOp"/> as a database predicate, for lists, counts and dashboards.</summary>
    public static Expression<Func<Inzet, bool>> EvaluatieVerlopen(DateOnly vandaag) =>
        i => i.Status == InzetStatus.Actief && i.VolgendeEvaluatie != null && i.VolgendeEvaluatie < vandaag;

    private Inzetfout? EindDatumFout(DateOnly datum, DateOnly vandaag)
    {
        if (datum < Start)
        {
            return new Inzetfout(nameof(BeeindigdOp), "De datum ligt vóór de start van de inzet.");
        }
        return datum > vandaag ? new Inzetfout(nameof(BeeindigdOp), "De datum ligt in de toekomst.") : null;
    }

    private static string? BuitenPeriode(DateOnly? evaluatie, DateOnly start, DateOnly? einde)
    {
        if (evaluatie is not { } datum)
        {
            return null;
        }
        if (datum < start)
        {
            return "De volgende evaluatie ligt vóór de start.";
        }
        return einde is { } e && datum > e ? "De volgende evaluatie ligt na het geplande einde." : null;
    }

    private static string? GeenToestemming(Ondersteuningsaanbod aanbod, Leerling leerling, IEnumerable<Toestemming> toestemmingen, DateOnly datum)
    {
        if (aanbod.ToestemmingNodig is not { } nodig)
        {
            return null;
        }
        var dekking = Toestemmingsregel.Dekking(leerling, nodig, toestemmingen, datum);
        if (dekking.IsGedekt)
        {
            return null;
        }
        var namen = leerling.Ouders.Where(o => o.Ouder is not null)
            .GroupBy(o => o.OuderId).ToDictionary(g => g.Key, g => g.First().Ouder!.VolledigeNaam);
        return $"{aanbod.Naam} vraagt toestemming ({nodig.Weergave().ToLowerInvariant()}). {dekking.Uitleg(namen)}";
    }
}

/// <summary>What the user asks for when he starts an intervention (the fields of the dialog).</summary>
public sealed record InzetPlan(Guid AanbodId, string? Doel, DateOnly? Start, DateOnly? GeplandEinde, Guid? EigenaarId, string? Frequentie,
    DateOnly? VolgendeEvaluatie);

/// <summary>Why an intervention cannot start or change, in Dutch, with the field it belongs next to ("" for the whole form).</summary>
public sealed record Inzetfout(string Veld, string Melding);

/// <summary>The outcome of <see cref="Inzet.Starten"/>: the new intervention (active, or on the waiting list) or why not.</summary>
public sealed record InzetStart(Inzet? Inzet, Inzetfout? Fout)
{
    public const string WachtlijstMelding = "Groep vol: op de wachtlijst geplaatst.";

    public bool IsGelukt => Inzet is not null;

    public bool OpWachtlijst => Inzet?.Status == InzetStatus.Wachtlijst;

    public string Melding => Fout?.Melding ?? (OpWachtlijst ? WachtlijstMelding : "De inzet is gestart.");

    public static InzetStart Mislukt(string veld, string melding) => new(null, new Inzetfout(veld, melding));
}
