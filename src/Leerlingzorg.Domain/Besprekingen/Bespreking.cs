using Leerlingzorg.Domain.Organisatie;

namespace Leerlingzorg.Domain.Besprekingen;

public enum BesprekingStatus
{
    Gepland = 1,
    /// <summary>The chair opened it: the participants fill in the students' parts.</summary>
    Bezig = 2,
    /// <summary>Closed: the verslag is written into the dossiers; nothing changes any more.</summary>
    Afgesloten = 3,
    Geannuleerd = 4,
}

/// <summary>A staff member's part in a meeting: what he may see and do in it.</summary>
public enum Besprekingsrol
{
    /// <summary>No part: he does not see the meeting (a docent still sees his own form for it).</summary>
    Geen = 0,
    /// <summary>Takes part: sees the meeting and its agenda, fills in the students' parts.</summary>
    Deelnemer = 1,
    /// <summary>The chair, the planner or the zorgcoördinator: also changes the planning, the agenda's order, opens and closes it.</summary>
    Organisator = 2,
}

/// <summary>What the planner asks for: kind, when, where, who chairs, who takes part, which classes or students.</summary>
public sealed record BesprekingPlan(
    BesprekingSoort Soort, string? Titel, DateOnly Datum, TimeOnly Begin, TimeOnly? Einde, string? Plaats, Guid VoorzitterId,
    IReadOnlyList<Guid> KlasIds, IReadOnlyList<Guid> LeerlingIds, IReadOnlyList<Guid> DeelnemerIds, DateOnly? InventarisatieDeadline = null);

/// <summary>One broken planning rule, for its field (a property of <see cref="BesprekingPlan"/>), in Dutch.</summary>
public sealed record Planfout(string Veld, string Melding);

/// <summary>
/// A meeting (DOMAIN.md, Meetings): a klassenbespreking, leerlingbespreking, ondersteuningsteam, TDO/ZAT, mentorenoverleg
/// or rapportvergadering on a day and time, for classes or chosen students, with a chair and participants. Planned ahead,
/// opened by the chair, closed once (then its verslag is in the dossiers). Never deleted: a cancelled meeting stays.
/// </summary>
public sealed class Bespreking : ISchoolOwned
{
    public const int MaxTitel = 150;
    public const int MaxPlaats = 100;
    public const int MaxKlasnotities = 20_000;
    /// <summary>A series reaches at most this many meetings (every week of a schooljaar).</summary>
    public const int MaxSerie = 52;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public BesprekingSoort Soort { get; set; }
    public string? Titel { get; set; }
    public DateOnly Datum { get; set; }
    public TimeOnly Begin { get; set; }
    public TimeOnly? Einde { get; set; }
    public string? Plaats { get; set; }
    public Guid VoorzitterId { get; set; }
    public BesprekingStatus Status { get; set; } = BesprekingStatus.Gepland;
    /// <summary>The meetings planned together as a series ("every two months for all classes of leerjaar 2") share it.</summary>
    public Guid? SerieId { get; set; }
    /// <summary>A leerlingbespreking: the day the docents' inventarisatieformulieren are due.</summary>
    public DateOnly? InventarisatieDeadline { get; set; }
    /// <summary>A klassenbespreking's notes on the class as a whole (written to the class when closing).</summary>
    public string? Klasnotities { get; set; }
    public Guid AangemaaktDoor { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public DateTimeOffset? AfgeslotenOp { get; set; }
    public int Versie { get; set; } = 1;

    public List<BesprekingKlas> Klassen { get; set; } = [];
    public List<BesprekingDeelnemer> Deelnemers { get; set; } = [];
    /// <summary>External partners from the school's directory (a TDO/ZAT's GGD nurse, leerplichtambtenaar, …).</summary>
    public List<BesprekingPartner> Partners { get; set; } = [];
    public List<Agendapunt> Agenda { get; set; } = [];

    public string Naam => Titel ?? Soort.Weergave();

    public bool IsOpen => Status is BesprekingStatus.Gepland or BesprekingStatus.Bezig;

    /// <summary>The part of <paramref name="gebruikerId"/> in this meeting (<see cref="Deelnemers"/> loaded).</summary>
    public Besprekingsrol RolVan(Guid gebruikerId, bool isZorgcoordinator) =>
        isZorgcoordinator || gebruikerId == VoorzitterId || gebruikerId == AangemaaktDoor ? Besprekingsrol.Organisator
        : Deelnemers.Any(d => d.GebruikerId == gebruikerId) ? Besprekingsrol.Deelnemer
        : Besprekingsrol.Geen;

    /// <summary><see cref="RolVan"/> not <see cref="Besprekingsrol.Geen"/>, as a database predicate for lists ("Mijn besprekingen").</summary>
    public static System.Linq.Expressions.Expression<Func<Bespreking, bool>> ZichtbaarVoor(Guid gebruikerId, bool isZorgcoordinator) =>
        b => isZorgcoordinator || b.VoorzitterId == gebruikerId || b.AangemaaktDoor == gebruikerId || b.Deelnemers.Any(d => d.GebruikerId == gebruikerId);

    /// <summary>
    /// Who plans a meeting of this kind: the zorgcoördinator any; a leerjaar- or afdelingscoördinator the meetings of
    /// his students, not the care team's (ondersteuningsteam, TDO/ZAT).
    /// </summary>
    public static bool MagPlannen(BesprekingSoort soort, bool isZorgcoordinator, bool isCoordinator) =>
        isZorgcoordinator || (isCoordinator && !soort.IsZorgteam());

    /// <summary>
    /// The default deadline of the inventarisatieformulieren: two school days before the meeting (a Monday's meeting:
    /// the Thursday before), never before today.
    /// </summary>
    public static DateOnly StandaardDeadline(DateOnly datum, DateOnly vandaag)
    {
        var deadline = datum;
        for (var schooldagen = 0; schooldagen < 2;)
        {
            deadline = deadline.AddDays(-1);
            if (deadline.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                schooldagen++;
            }
        }
        return deadline < vandaag ? vandaag : deadline;
    }

    /// <summary>What is wrong with <paramref name="plan"/> on <paramref name="vandaag"/>, per field; empty when it may be planned.</summary>
    public static IReadOnlyList<Planfout> Controleer(BesprekingPlan plan, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fouten = new List<Planfout>();
        if (!Enum.IsDefined(plan.Soort))
        {
            fouten.Add(new(nameof(BesprekingPlan.Soort), "Kies de soort bespreking."));
        }
        if (plan.Datum < vandaag)
        {
            fouten.Add(new(nameof(BesprekingPlan.Datum), "Deze datum ligt in het verleden: plan de bespreking vandaag of later."));
        }
        if (plan.Einde is { } einde && einde <= plan.Begin)
        {
            fouten.Add(new(nameof(BesprekingPlan.Einde), "De eindtijd ligt niet na de begintijd."));
        }
        if (Tekst.Regel(plan.Titel).Length > MaxTitel)
        {
            fouten.Add(new(nameof(BesprekingPlan.Titel), $"De titel is hoogstens {MaxTitel} tekens."));
        }
        if (Tekst.Regel(plan.Plaats).Length > MaxPlaats)
        {
            fouten.Add(new(nameof(BesprekingPlan.Plaats), $"De plaats is hoogstens {MaxPlaats} tekens."));
        }
        if (plan.VoorzitterId == Guid.Empty)
        {
            fouten.Add(new(nameof(BesprekingPlan.VoorzitterId), "Kies de voorzitter."));
        }
        if (Enum.IsDefined(plan.Soort) && plan.Soort.IsPerKlas() && plan.KlasIds.Count == 0)
        {
            fouten.Add(new(nameof(BesprekingPlan.KlasIds), $"Kies de klas of klassen van de {plan.Soort.Weergave().ToLowerInvariant()}."));
        }
        if (plan.InventarisatieDeadline is { } deadline)
        {
            if (deadline > plan.Datum)
            {
                fouten.Add(new(nameof(BesprekingPlan.InventarisatieDeadline), "De inleverdatum van de formulieren ligt na de bespreking."));
            }
            else if (deadline < vandaag)
            {
                fouten.Add(new(nameof(BesprekingPlan.InventarisatieDeadline), "De inleverdatum van de formulieren ligt in het verleden."));
            }
        }
        return fouten;
    }

    /// <summary>
    /// Plans one meeting (<see cref="Controleer"/> must be empty): the chair is always a participant; a leerlingbespreking
    /// gets the deadline for the forms (the default when none is given). Its agenda and forms are made by the handler,
    /// which knows the classes' students and docents.
    /// </summary>
    public static Bespreking Plan(BesprekingPlan plan, DateOnly vandaag, Guid door, DateTimeOffset op, Guid? serieId = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (Controleer(plan, vandaag) is { Count: > 0 } fouten)
        {
            throw new ArgumentException(string.Join(" ", fouten.Select(f => f.Melding)), nameof(plan));
        }
        var bespreking = new Bespreking
        {
            Soort = plan.Soort,
            Titel = Tekst.RegelOfNull(plan.Titel),
            Datum = plan.Datum,
            Begin = plan.Begin,
            Einde = plan.Einde,
            Plaats = Tekst.RegelOfNull(plan.Plaats),
            VoorzitterId = plan.VoorzitterId,
            SerieId = serieId,
            InventarisatieDeadline = plan.Soort.VraagtInventarisatie()
                ? plan.InventarisatieDeadline ?? StandaardDeadline(plan.Datum, vandaag)
                : null,
            AangemaaktDoor = door,
            AangemaaktOp = op,
        };
        bespreking.Klassen = [.. plan.KlasIds.Distinct().Select(k => new BesprekingKlas { BesprekingId = bespreking.Id, KlasId = k })];
        bespreking.Deelnemers = [.. plan.DeelnemerIds.Append(plan.VoorzitterId).Distinct()
            .Select(g => new BesprekingDeelnemer { BesprekingId = bespreking.Id, GebruikerId = g })];
        return bespreking;
    }

    /// <summary>
    /// The days of a series: from <paramref name="eerste"/> every <paramref name="wekenTussen"/> weeks up to and including
    /// <paramref name="tot"/>, within the schooljaar of the first (at most <see cref="MaxSerie"/>).
    /// </summary>
    public static IReadOnlyList<DateOnly> Serie(DateOnly eerste, int wekenTussen, DateOnly tot)
    {
        if (wekenTussen is < 1 or > 26)
        {
            throw new ArgumentOutOfRangeException(nameof(wekenTussen), "Tussen twee besprekingen liggen 1 tot 26 weken.");
        }
        var einde = Schooljaar.Op(eerste).Einde;
        var laatste = tot < einde ? tot : einde;
        var dagen = new List<DateOnly>();
        for (var dag = eerste; dag <= laatste && dagen.Count < MaxSerie; dag = dag.AddDays(7 * wekenTussen))
        {
            dagen.Add(dag);
        }
        return dagen;
    }

    /// <summary>
    /// A klassenbespreking's notes on the class as a whole (cleaned; at most <see cref="MaxKlasnotities"/>), while the meeting
    /// is open; closing it writes them to the class. Returns whether they changed.
    /// </summary>
    public bool NoteerKlas(string? notities)
    {
        if (Soort != BesprekingSoort.Klassenbespreking)
        {
            throw new InvalidOperationException("Alleen een klassenbespreking heeft notities over de klas.");
        }
        if (!IsOpen)
        {
            throw new InvalidOperationException("Deze bespreking is afgesloten: het verslag wordt niet meer gewijzigd.");
        }
        var schoon = Tekst.VrijOfNull(notities);
        if (schoon is { Length: > MaxKlasnotities })
        {
            throw new ArgumentException($"De notities over de klas zijn hoogstens {MaxKlasnotities} tekens.", nameof(notities));
        }
        if (schoon == Klasnotities)
        {
            return false;
        }
        Klasnotities = schoon;
        Versie++;
        return true;
    }

    /// <summary>The chair opens the meeting (on the day, or earlier to prepare): its students' parts can be filled in.</summary>
    public void Open()
    {
        if (Status != BesprekingStatus.Gepland)
        {
            throw new InvalidOperationException(Status == BesprekingStatus.Bezig ? "De bespreking is al geopend." : "Deze bespreking is niet meer open.");
        }
        Status = BesprekingStatus.Bezig;
        Versie++;
    }

    /// <summary>Closes the meeting for good: from now on its parts are the verslag.</summary>
    public void SluitAf(DateTimeOffset op)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("Deze bespreking is al afgesloten of geannuleerd.");
        }
        Status = BesprekingStatus.Afgesloten;
        AfgeslotenOp = op;
        Versie++;
    }

    public void Annuleer()
    {
        if (Status != BesprekingStatus.Gepland)
        {
            throw new InvalidOperationException("Alleen een geplande bespreking die nog niet is geopend kan worden geannuleerd.");
        }
        Status = BesprekingStatus.Geannuleerd;
        Versie++;
    }
}

/// <summary>A class a meeting is about.</summary>
public sealed class BesprekingKlas : ISchoolOwned
{
    public Guid SchoolId { get; set; }
    public Guid BesprekingId { get; set; }
    public Guid KlasId { get; set; }
}

/// <summary>A staff member who takes part in a meeting (the chair included); sees the meeting and its agenda.</summary>
public sealed class BesprekingDeelnemer : ISchoolOwned
{
    public Guid SchoolId { get; set; }
    public Guid BesprekingId { get; set; }
    public Guid GebruikerId { get; set; }
}
