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

    /// <summary>Given on or before <paramref name="datum"/>, not expired and not withdrawn on that day.</summary>
    public bool IsGeldigOp(DateOnly datum) =>
        GegevenOp <= datum && (GeldigTot is not { } tot || datum <= tot) && (IngetrokkenOp is not { } weg || datum < weg);

    public bool IsIngetrokken => IngetrokkenOp is not null;

    /// <summary>Withdraws the consent from <paramref name="datum"/> on; a withdrawn consent is not withdrawn again.</summary>
    public void TrekIn(DateOnly datum, string door, Guid vastgelegdDoor)
    {
        if (IsIngetrokken)
        {
            throw new InvalidOperationException("Deze toestemming is al ingetrokken.");
        }
        if (string.IsNullOrWhiteSpace(door))
        {
            throw new ArgumentException("Wie de toestemming intrekt is verplicht.", nameof(door));
        }
        if (datum < GegevenOp)
        {
            throw new ArgumentException("Intrekken kan niet vóór de dag waarop de toestemming is gegeven.", nameof(datum));
        }
        (IngetrokkenOp, IngetrokkenDoor, IntrekkingVastgelegdDoor) = (datum, door.Trim(), vastgelegdDoor);
    }
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
        var geldig = toestemmingen
            .Where(t => t.LeerlingId == leerling.Id && t.Doel == doel && t.IsGeldigOp(datum)
                        && (partner is null || string.Equals(t.Partner?.Trim(), partner.Trim(), StringComparison.OrdinalIgnoreCase)))
            .ToList();
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
        _ => doel.ToString(),
    };
}
