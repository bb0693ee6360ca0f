namespace Leerlingzorg.Domain.Besprekingen;

/// <summary>
/// A docent's inventarisatieformulier for one class before a leerlingbespreking (seed 002): a task with a deadline on his
/// start page, one row per student, handed in once (late when after the deadline: allowed, and marked). Never deleted.
/// </summary>
public sealed class Inventarisatie : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid BesprekingId { get; set; }
    public Guid KlasId { get; set; }
    public Guid DocentId { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTimeOffset? IngeleverdOp { get; set; }
    /// <summary>Handed in after the deadline.</summary>
    public bool TeLaat { get; set; }
    /// <summary>The chair's last reminder.</summary>
    public DateTimeOffset? HerinnerdOp { get; set; }
    public List<InventarisatieRegel> Regels { get; set; } = [];

    public bool IsIngeleverd => IngeleverdOp is not null;

    /// <summary>
    /// The forms a leerlingbespreking asks for: one per docent with a lesopdracht in one of its classes, per class, due on
    /// its <see cref="Bespreking.InventarisatieDeadline"/>. A docent teaching two subjects in a class gets one form.
    /// </summary>
    public static IReadOnlyList<Inventarisatie> Uitzetten(Bespreking bespreking, IEnumerable<(Guid KlasId, Guid DocentId)> lesopdrachten)
    {
        ArgumentNullException.ThrowIfNull(bespreking);
        ArgumentNullException.ThrowIfNull(lesopdrachten);
        if (!bespreking.Soort.VraagtInventarisatie() || bespreking.InventarisatieDeadline is not { } deadline)
        {
            return [];
        }
        var klassen = bespreking.Klassen.Select(k => k.KlasId).ToHashSet();
        return [.. lesopdrachten.Where(l => klassen.Contains(l.KlasId)).Distinct()
            .Select(l => new Inventarisatie { BesprekingId = bespreking.Id, KlasId = l.KlasId, DocentId = l.DocentId, Deadline = deadline })];
    }

    /// <summary>Not handed in and the deadline has passed (on the deadline day itself it is not overdue yet).</summary>
    public bool IsVerlopen(DateOnly vandaag) => !IsIngeleverd && vandaag > Deadline;

    /// <summary>
    /// The docent hands the form in (again, after a change: it stays handed in, the first moment counts). After the deadline
    /// it is accepted and marked late. Returns whether it was late.
    /// </summary>
    public bool LeverIn(DateOnly vandaag, DateTimeOffset op)
    {
        if (IngeleverdOp is null)
        {
            IngeleverdOp = op;
            TeLaat = vandaag > Deadline;
        }
        return TeLaat;
    }

    /// <summary>Whether the chair may remind the docent now: not handed in, and not reminded in the last day.</summary>
    public bool MagHerinneren(DateTimeOffset nu) => !IsIngeleverd && (HerinnerdOp is not { } h || nu - h >= TimeSpan.FromDays(1));

    public void Herinner(DateTimeOffset nu)
    {
        if (!MagHerinneren(nu))
        {
            throw new InvalidOperationException(IsIngeleverd ? "Dit formulier is al ingeleverd." : "Deze docent is vandaag al herinnerd.");
        }
        HerinnerdOp = nu;
    }
}

/// <summary>One student's row on a docent's form: a judgement per aspect (none: not filled in) and an optional remark.</summary>
public sealed class InventarisatieRegel : ISchoolOwned
{
    public const int MaxOpmerking = 1_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid InventarisatieId { get; set; }
    public Guid LeerlingId { get; set; }
    public Oordeel? Werkhouding { get; set; }
    public Oordeel? Gedrag { get; set; }
    public Oordeel? Resultaten { get; set; }
    public Oordeel? Welbevinden { get; set; }
    public string? Opmerking { get; set; }
    public DateTimeOffset? BijgewerktOp { get; set; }

    public Oordeel? Van(Aspect aspect) => aspect switch
    {
        Aspect.Werkhouding => Werkhouding,
        Aspect.Gedrag => Gedrag,
        Aspect.Resultaten => Resultaten,
        Aspect.Welbevinden => Welbevinden,
        _ => throw new ArgumentOutOfRangeException(nameof(aspect)),
    };

    /// <summary>Sets one judgement (null clears it); returns whether it changed.</summary>
    public bool Zet(Aspect aspect, Oordeel? oordeel, DateTimeOffset op)
    {
        if (oordeel is { } o && !Enum.IsDefined(o))
        {
            throw new ArgumentOutOfRangeException(nameof(oordeel));
        }
        if (Van(aspect) == oordeel)
        {
            return false;
        }
        switch (aspect)
        {
            case Aspect.Werkhouding: Werkhouding = oordeel; break;
            case Aspect.Gedrag: Gedrag = oordeel; break;
            case Aspect.Resultaten: Resultaten = oordeel; break;
            case Aspect.Welbevinden: Welbevinden = oordeel; break;
            default: throw new ArgumentOutOfRangeException(nameof(aspect));
        }
        BijgewerktOp = op;
        return true;
    }

    /// <summary>Sets the remark (cleaned; longer than <see cref="MaxOpmerking"/> is refused); returns whether it changed.</summary>
    public bool Noteer(string? opmerking, DateTimeOffset op)
    {
        var schoon = Tekst.VrijOfNull(opmerking);
        if (schoon is { Length: > MaxOpmerking })
        {
            throw new ArgumentException($"Een opmerking is hoogstens {MaxOpmerking} tekens.", nameof(opmerking));
        }
        if (schoon == Opmerking)
        {
            return false;
        }
        Opmerking = schoon;
        BijgewerktOp = op;
        return true;
    }

    public bool IsIngevuld => Werkhouding is not null || Gedrag is not null || Resultaten is not null || Welbevinden is not null || Opmerking is not null;
}

/// <summary>
/// What the forms together say about one student, for the agenda at a glance: per aspect how many docents marked zorg and
/// aandacht ("4 docenten: zorg over werkhouding").
/// </summary>
public sealed record Inventarisatiebeeld(int AantalDocenten, IReadOnlyDictionary<Aspect, int> Zorg, IReadOnlyDictionary<Aspect, int> Aandacht)
{
    public int AantalZorg => Zorg.Values.Sum();

    public int AantalAandacht => Aandacht.Values.Sum();

    public static Inventarisatiebeeld Van(IEnumerable<InventarisatieRegel> regels)
    {
        ArgumentNullException.ThrowIfNull(regels);
        var ingevuld = regels.Where(r => r.IsIngevuld).ToList();
        Dictionary<Aspect, int> Tel(Oordeel oordeel) => Enum.GetValues<Aspect>()
            .Select(a => (a, n: ingevuld.Count(r => r.Van(a) == oordeel))).Where(x => x.n > 0).ToDictionary(x => x.a, x => x.n);
        return new(ingevuld.Count, Tel(Oordeel.Zorg), Tel(Oordeel.Aandacht));
    }

    /// <summary>"4 docenten: zorg over werkhouding (3), gedrag (1); aandacht voor resultaten (2)", or "3 docenten: geen zorgen".</summary>
    public string Samenvatting()
    {
        if (AantalDocenten == 0)
        {
            return "Nog geen formulieren";
        }
        var delen = new List<string>();
        if (Zorg.Count > 0)
        {
            delen.Add("zorg over " + Lijst(Zorg));
        }
        if (Aandacht.Count > 0)
        {
            delen.Add("aandacht voor " + Lijst(Aandacht));
        }
        var docenten = AantalDocenten == 1 ? "1 docent" : $"{AantalDocenten} docenten";
        return delen.Count == 0 ? $"{docenten}: geen zorgen" : $"{docenten}: {string.Join("; ", delen)}";
    }

    private static string Lijst(IReadOnlyDictionary<Aspect, int> tellingen) =>
        string.Join(", ", tellingen.OrderByDescending(t => t.Value).ThenBy(t => t.Key).Select(t => $"{t.Key.Weergave()} ({t.Value})"));
}
