using Leerlingzorg.Domain.Leerlingen;

namespace Leerlingzorg.Domain.Ondersteuning;

/// <summary>What a consent is for (DOMAIN.md, Consent).</summary>
public enum ToestemmingDoel
{
    IbBegeleiding = 1,
    AmbulanteBegeleiding = 2,
    ObservatieOrthopedagoog = 3,
    /// <summary>Discussing the student by name in the ZAT / TDO (PM IV).</summary>
    BesprekingZat = 4,
    ExterneVerwijzing = 5,
    /// <summary>Sharing the dossier with a named partner (<see cref="Toestemming.Partner"/>).</summary>
    DelenMetPartner = 6,
    /// <summary>Sharing the snapshot of an application with the samenwerkingsverband (ADR 0010, issue 12).</summary>
    DelenMetSwv = 7,
}

/// <summary>How the consent was given.</summary>
public enum ToestemmingWijze
{
    Mondeling = 1,
    Schriftelijk = 2,
    /// <summary>Through the parents' portal (with the portal issue).</summary>
    Portaal = 3,
}

/// <summary>
/// One consent, given by one person (an ouder with gezag, or the student himself from 16) for one purpose: when, how,
/// until when, and its withdrawal. Staff record it; never deleted (a mistake is withdrawn with a reason). Whether a
/// student's consents together allow a step is <see cref="Toestemmingsregel"/>. A Zorg-level dossier entry.
/// </summary>
public sealed class Toestemming : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    public ToestemmingDoel Doel { get; set; }
    /// <summary>The partner the dossier may be shared with or referred to (DelenMetPartner, ExterneVerwijzing).</summary>
    public string? Partner { get; set; }
    /// <summary>The ouder who gave it; null when the student gave it himself.</summary>
    public Guid? OuderId { get; set; }
    public bool DoorLeerling => OuderId is null;
    public ToestemmingWijze Wijze { get; set; }
    public DateOnly GegevenOp { get; set; }
    /// <summary>Null: until withdrawn.</summary>
    public DateOnly? GeldigTot { get; set; }
    public DateTimeOffset VastgelegdOp { get; set; }
    public Guid VastgelegdDoor { get; set; }
    public string? Opmerking { get; set; }
    public DateOnly? IngetrokkenOp { get; set; }
    /// <summary>Who withdrew it, in words ("moeder, telefonisch"), and the staff member who recorded that.</summary>
    public string? IngetrokkenDoor { get; set; }
    public Guid? IntrekkingVastgelegdDoor { get; set; }

    public const int MaxPartner = 150;
    public const int MaxOpmerking = 2_000;
    public const int MaxIngetrokkenDoor = 200;

    /// <summary>Whether this purpose names the partner it is for (sharing with or referring to one partner).</summary>
    public static bool VraagtPartner(ToestemmingDoel doel) => doel is ToestemmingDoel.DelenMetPartner or ToestemmingDoel.ExterneVerwijzing;

    /// <summary>
    /// What is wrong with recording <paramref name="gegevens"/> for <paramref name="leerling"/> (with its Ouders and their
    /// Ouder loaded) on <paramref name="vandaag"/>, per field, in Dutch; empty when it may be recorded. The one rule behind
    /// <see cref="Geef"/> and the form's messages next to the fields.
    /// </summary>
    public static IReadOnlyList<Toestemmingsfout> Controleer(Leerling leerling, Toestemmingsgegevens gegevens, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        ArgumentNullException.ThrowIfNull(gegevens);
        var fouten = new List<Toestemmingsfout>();
        if (!Enum.IsDefined(gegevens.Doel))
        {
            fouten.Add(new(ToestemmingVeld.Doel, "Kies waarvoor de toestemming is."));
        }
        else if (VraagtPartner(gegevens.Doel))
        {
            var partner = Tekst.Regel(gegevens.Partner);
            if (partner.Length == 0)
            {
                fouten.Add(new(ToestemmingVeld.Partner, "Vul de partner in met wie gegevens gedeeld worden of naar wie verwezen wordt."));
            }
            else if (partner.Length > MaxPartner)
            {
                fouten.Add(new(ToestemmingVeld.Partner, $"De naam van de partner heeft hooguit {MaxPartner} tekens."));
            }
        }
        if (!Enum.IsDefined(gegevens.Wijze))
        {
            fouten.Add(new(ToestemmingVeld.Wijze, "Kies hoe de toestemming is gegeven."));
        }
        if (gegevens.GegevenOp > vandaag)
        {
            fouten.Add(new(ToestemmingVeld.GegevenOp, "De datum van de toestemming ligt in de toekomst."));
        }
        if (gegevens.GeldigTot is { } tot && tot < gegevens.GegevenOp)
        {
            fouten.Add(new(ToestemmingVeld.GeldigTot, "‘Geldig tot’ ligt vóór de datum waarop de toestemming is gegeven."));
        }
        if (Tekst.Vrij(gegevens.Opmerking).Length > MaxOpmerking)
        {
            fouten.Add(new(ToestemmingVeld.Opmerking, $"De opmerking heeft hooguit {MaxOpmerking} tekens."));
        }
        if (WieFout(leerling, gegevens.OuderId, gegevens.GegevenOp) is { } wie)
        {
            fouten.Add(new(ToestemmingVeld.Wie, wie));
        }
        return fouten;
    }

    private static string? WieFout(Leerling leerling, Guid? ouderId, DateOnly datum)
    {
        if (Toestemmingsregel.MagToestemmen(leerling, ouderId, datum))
        {
            return null;
        }
        if (ouderId is null)
        {
            return $"De leerling was op die dag jonger dan {Familie.EigenBeslissingVanaf} en kan nog niet zelf toestemming geven; "
                + "die geven de ouders met gezag.";
        }
        if (leerling.Ouders.FirstOrDefault(o => o.OuderId == ouderId) is not { } relatie)
        {
            return "Deze ouder of verzorger hoort niet bij de leerling.";
        }
        if (leerling.Rechten(datum).Meerderjarig)
        {
            return "De leerling was op die dag meerderjarig: alleen de leerling zelf geeft toestemming.";
        }
        var naam = relatie.Ouder?.VolledigeNaam ?? "Deze ouder";
        return leerling.IsAmv
            ? $"{naam} heeft geen gezag: voor deze leerling geeft de Nidos-voogd toestemming."
            : $"{naam} had op die dag geen gezag over de leerling en kan geen toestemming geven.";
    }

    /// <summary>
    /// Records a consent given by an ouder with gezag on <see cref="Toestemmingsgegevens.GegevenOp"/> (or, when
    /// <see cref="Toestemmingsgegevens.OuderId"/> is null, by the student himself from 16), after
    /// <see cref="Controleer"/>; throws <see cref="ToestemmingOngeldigException"/> with its Dutch messages otherwise.
    /// </summary>
    public static Toestemming Geef(Leerling leerling, Toestemmingsgegevens gegevens, DateOnly vandaag, DateTimeOffset nu, Guid vastgelegdDoor)
    {
        var fouten = Controleer(leerling, gegevens, vandaag);
        if (fouten.Count > 0)
        {
            throw new ToestemmingOngeldigException(fouten);
        }
        return new Toestemming
        {
            SchoolId = leerling.SchoolId,
            LeerlingId = leerling.Id,
            Doel = gegevens.Doel,
            Partner = VraagtPartner(gegevens.Doel) ? Tekst.Regel(gegevens.Partner) : null,
            OuderId = gegevens.OuderId,
            Wijze = gegevens.Wijze,
            GegevenOp = gegevens.GegevenOp,
            GeldigTot = gegevens.GeldigTot,
            Opmerking = Tekst.VrijOfNull(gegevens.Opmerking),
            VastgelegdOp = nu,
            VastgelegdDoor = vastgelegdDoor,
        };
    }

    /// <summary>Given on or before <paramref name="datum"/>, not expired and not withdrawn on that day.</summary>
    public bool IsGeldigOp(DateOnly datum) =>
        GegevenOp <= datum && (GeldigTot is not { } tot || datum <= tot) && (IngetrokkenOp is not { } weg || datum < weg);

    public bool IsIngetrokken => IngetrokkenOp is not null;

    /// <summary>
    /// Withdraws the consent from <paramref name="datum"/> on (not valid on that day any more); a withdrawn consent is not
    /// withdrawn again, and with <paramref name="vandaag"/> a withdrawal is not dated in the future.
    /// </summary>
    public void TrekIn(DateOnly datum, string door, Guid vastgelegdDoor, DateOnly? vandaag = null)
    {
        if (IsIngetrokken)
        {
            throw new InvalidOperationException("Deze toestemming is al ingetrokken.");
        }
        var wie = Tekst.Regel(door);
        if (wie.Length == 0)
        {
            throw new ArgumentException("Vul in wie de toestemming intrekt.", nameof(door));
        }
        if (wie.Length > MaxIngetrokkenDoor)
        {
            throw new ArgumentException($"Wie de toestemming intrekt heeft hooguit {MaxIngetrokkenDoor} tekens.", nameof(door));
        }
        if (datum < GegevenOp)
        {
            throw new ArgumentException("Intrekken kan niet vóór de dag waarop de toestemming is gegeven.", nameof(datum));
        }
        if (vandaag is { } nu && datum > nu)
        {
            throw new ArgumentException("De datum van intrekken ligt in de toekomst.", nameof(datum));
        }
        (IngetrokkenOp, IngetrokkenDoor, IntrekkingVastgelegdDoor) = (datum, wie, vastgelegdDoor);
    }
}

/// <summary>What is recorded for one consent (<see cref="Toestemming.Geef"/>); <see cref="OuderId"/> null: the student himself.</summary>
public sealed record Toestemmingsgegevens(
    ToestemmingDoel Doel, Guid? OuderId, ToestemmingWijze Wijze, DateOnly GegevenOp, DateOnly? GeldigTot = null,
    string? Partner = null, string? Opmerking = null);

/// <summary>The fields of <see cref="Toestemmingsgegevens"/>, for the message next to the field.</summary>
public enum ToestemmingVeld
{
    Doel,
    Partner,
    Wie,
    Wijze,
    GegevenOp,
    GeldigTot,
    Opmerking,
}

public sealed record Toestemmingsfout(ToestemmingVeld Veld, string Melding);

/// <summary>A consent that may not be recorded, with its Dutch messages per field.</summary>
public sealed class ToestemmingOngeldigException : ArgumentException
{
    public ToestemmingOngeldigException(IReadOnlyList<Toestemmingsfout> fouten)
        : base(string.Join(" ", (fouten ?? []).Select(f => f.Melding)))
    {
        Fouten = fouten ?? [];
    }

    public ToestemmingOngeldigException() : this([]) { }

    public ToestemmingOngeldigException(string message) : base(message) => Fouten = [];

    public ToestemmingOngeldigException(string message, Exception innerException) : base(message, innerException) => Fouten = [];

    public IReadOnlyList<Toestemmingsfout> Fouten { get; }
}

/// <summary>Who still has to consent before a step may be taken: empty when covered.</summary>
public sealed record Toestemmingsdekking(IReadOnlyList<Guid> OntbrekendeOuders, bool LeerlingOntbreekt, bool GeenGezagdrager)
{
    public bool IsGedekt => OntbrekendeOuders.Count == 0 && !LeerlingOntbreekt && !GeenGezagdrager;

    /// <summary>Why not, in Dutch, for the message next to the field.</summary>
    public string Uitleg(IReadOnlyDictionary<Guid, string>? namen = null)
    {
        if (IsGedekt)
        {
            return "Er is geldige toestemming.";
        }
        var delen = new List<string>();
        if (GeenGezagdrager)
        {
            delen.Add("er is geen ouder met gezag bekend");
        }
        delen.AddRange(OntbrekendeOuders.Select(o => namen is not null && namen.TryGetValue(o, out var naam) ? naam : "een ouder met gezag"));
        if (LeerlingOntbreekt)
        {
            delen.Add("de leerling zelf");
        }
        return "Geldige toestemming ontbreekt van: " + string.Join(", ", delen) + ".";
    }
}

/// <summary>
/// When the consents of a student allow a step (DOMAIN.md: ZAT/TDO needs the parents with gezag and the student from 16;
/// IB and ambulant support need student and parents): every ouder with gezag on that day, and the student himself from 16;
/// from 18 the student alone (no one has gezag). A Nidos voogd is the gezagdrager of an AMV'er (<see cref="Familie"/>).
/// </summary>
public static class Toestemmingsregel
{
    public static Toestemmingsdekking Dekking(Leerling leerling, ToestemmingDoel doel, IEnumerable<Toestemming> toestemmingen, DateOnly datum,
        string? partner = null)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        ArgumentNullException.ThrowIfNull(toestemmingen);
        var geldig = Geldige(leerling, doel, toestemmingen, datum, partner);
        var rechten = leerling.Rechten(datum);
        var leerlingOntbreekt = rechten.EigenToestemming && !geldig.Any(t => t.DoorLeerling);
        if (rechten.Meerderjarig)
        {
            return new Toestemmingsdekking([], leerlingOntbreekt, GeenGezagdrager: false);
        }
        var gezagdragers = leerling.GezagdragersOp(datum);
        var ontbrekend = gezagdragers.Where(g => !geldig.Any(t => t.OuderId == g.OuderId)).Select(g => g.OuderId).ToList();
        return new Toestemmingsdekking(ontbrekend, leerlingOntbreekt, GeenGezagdrager: gezagdragers.Count == 0);
    }

    /// <summary>
    /// The last day on which the consents that cover the step on <paramref name="datum"/> still do, when one of the
    /// needed consents has an end (the earliest of the needed persons' latest end); null when not covered or without end.
    /// </summary>
    public static DateOnly? GedektTot(Leerling leerling, ToestemmingDoel doel, IEnumerable<Toestemming> toestemmingen, DateOnly datum,
        string? partner = null)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        ArgumentNullException.ThrowIfNull(toestemmingen);
        var lijst = toestemmingen as IReadOnlyCollection<Toestemming> ?? [.. toestemmingen];
        if (!Dekking(leerling, doel, lijst, datum, partner).IsGedekt)
        {
            return null;
        }
        var geldig = Geldige(leerling, doel, lijst, datum, partner);
        var rechten = leerling.Rechten(datum);
        var nodig = new List<Guid?>();
        if (rechten.EigenToestemming)
        {
            nodig.Add(null);
        }
        if (!rechten.Meerderjarig)
        {
            nodig.AddRange(leerling.GezagdragersOp(datum).Select(g => (Guid?)g.OuderId));
        }
        DateOnly? eerste = null;
        foreach (var wie in nodig)
        {
            var einden = geldig.Where(t => t.OuderId == wie).Select(Einde).ToList();
            if (einden.Count == 0 || einden.Any(e => e is null))
            {
                continue;
            }
            var laatste = einden.Max(e => e!.Value);
            eerste = eerste is { } e && e <= laatste ? e : laatste;
        }
        return eerste;
    }

    /// <summary>The last valid day of one consent; null when it runs until withdrawn.</summary>
    private static DateOnly? Einde(Toestemming t) => (t.GeldigTot, t.IngetrokkenOp) switch
    {
        ({ } tot, { } weg) => tot < weg ? tot : weg.AddDays(-1),
        ({ } tot, null) => tot,
        (null, { } weg) => weg.AddDays(-1),
        _ => null,
    };

    private static List<Toestemming> Geldige(Leerling leerling, ToestemmingDoel doel, IEnumerable<Toestemming> toestemmingen, DateOnly datum,
        string? partner) =>
        [.. toestemmingen.Where(t => t.LeerlingId == leerling.Id && t.Doel == doel && t.IsGeldigOp(datum)
            && (partner is null || string.Equals(t.Partner?.Trim(), partner.Trim(), StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Whether this person may give consent for the student on that day: an ouder with gezag, or the student from 16.</summary>
    public static bool MagToestemmen(Leerling leerling, Guid? ouderId, DateOnly datum)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        if (ouderId is null)
        {
            return leerling.Rechten(datum).EigenToestemming;
        }
        return leerling.GezagdragersOp(datum).Any(g => g.OuderId == ouderId);
    }

    public static string Weergave(this ToestemmingDoel doel) => doel switch
    {
        ToestemmingDoel.IbBegeleiding => "Begeleiding door de intern begeleider",
        ToestemmingDoel.AmbulanteBegeleiding => "Ambulante begeleiding",
        ToestemmingDoel.ObservatieOrthopedagoog => "Observatie door de orthopedagoog",
        ToestemmingDoel.BesprekingZat => "Bespreking in het ZAT/TDO",
        ToestemmingDoel.ExterneVerwijzing => "Verwijzing naar een externe partner",
        ToestemmingDoel.DelenMetPartner => "Gegevens delen met een partner",
        ToestemmingDoel.DelenMetSwv => "Gegevens delen met het samenwerkingsverband",
        _ => doel.ToString(),
    };
}
