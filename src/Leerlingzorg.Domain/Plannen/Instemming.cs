using Leerlingzorg.Domain.Leerlingen;

namespace Leerlingzorg.Domain.Plannen;

/// <summary>The school's setting for an OPP's handelingsdeel: must every ouder with gezag agree, or is one enough?</summary>
public enum Instemmingsbeleid
{
    /// <summary>Every ouder with gezag agrees (the default: the law speaks of "de ouders").</summary>
    AlleOuders = 1,
    /// <summary>One ouder with gezag agreeing is enough; a rejection by another is still recorded and discussed.</summary>
    EenOuder = 2,
}

public enum InstemmingStatus
{
    Open = 1,
    Ingestemd = 2,
    NietIngestemd = 3,
    /// <summary>The request lapsed: taken back, a new version made, or the plan ended.</summary>
    Vervallen = 4,
}

/// <summary>How the decision reached the school.</summary>
public enum InstemmingWijze
{
    Portaal = 1,
    /// <summary>Signed on paper, recorded by staff.</summary>
    Schriftelijk = 2,
    /// <summary>Said in a meeting or by phone, recorded by staff.</summary>
    Mondeling = 3,
}

public enum Instemmingsuitkomst
{
    Open = 1,
    Ingestemd = 2,
    NietIngestemd = 3,
}

/// <summary>Somebody asked to agree: an ouder with gezag (<see cref="OuderId"/>) or, when it is null, the student himself.</summary>
public sealed record Instemmer(Guid? OuderId, string Naam)
{
    public bool IsLeerling => OuderId is null;
}

/// <summary>
/// One person's decision on the handelingsdeel of one version, bound to the revision he was shown. Kept for good (the
/// parent's history of decisions); a request that is no longer relevant lapses.
/// </summary>
public sealed class Instemming : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid VersieId { get; set; }
    public Guid LeerlingId { get; set; }
    /// <summary>The ouder asked; null: the student (16+).</summary>
    public Guid? OuderId { get; set; }
    /// <summary>The revision of the version's text this request (and its decision) is about.</summary>
    public int Revisie { get; set; }
    public InstemmingStatus Status { get; set; } = InstemmingStatus.Open;
    public DateTimeOffset GevraagdOp { get; set; }
    public DateTimeOffset? BeslistOp { get; set; }
    public InstemmingWijze? Wijze { get; set; }
    /// <summary>The reason of a rejection (required) or a remark with an agreement.</summary>
    public string? Reden { get; set; }
    /// <summary>The user who recorded the decision: the parent himself in the portal, or a staff member.</summary>
    public Guid? VastgelegdDoor { get; set; }
    public DateTimeOffset? VervallenOp { get; set; }
    public int Versie { get; set; } = 1;

    public const int MaxReden = 4_000;

    internal void Vervalt(DateTimeOffset nu)
    {
        if (Status == InstemmingStatus.Open)
        {
            (Status, VervallenOp) = (InstemmingStatus.Vervallen, nu);
            Versie++;
        }
    }
}

/// <summary>
/// Who decides on an OPP's handelingsdeel, and when a version is agreed (issue 11, Wet passend onderwijs):
/// <list type="bullet">
/// <item>every ouder with gezag is asked (for an AMV'er the Nidos voogd; <see cref="Familie.GezagdragersOp"/>);</item>
/// <item>the student of 16 or 17 is asked too, and his no counts; from 18 he decides alone;</item>
/// <item>an ouder without gezag is informed but not asked;</item>
/// <item>with <see cref="Instemmingsbeleid.AlleOuders"/> every ouder asked must agree, with <see cref="Instemmingsbeleid.EenOuder"/>
/// one is enough; a no from the student, or from every ouder, is always a no.</item>
/// </list>
/// </summary>
public static class Instemmingsregel
{
    public static IReadOnlyList<Instemmer> WieBeslist(Leerling leerling, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        var rechten = leerling.Rechten(vandaag);
        var ouders = leerling.GezagdragersOp(vandaag)
            .Select(o => new Instemmer(o.OuderId, o.Ouder?.VolledigeNaam ?? "ouder"));
        var zelf = rechten.EigenToestemming ? [new Instemmer(null, leerling.VolledigeNaam)] : Array.Empty<Instemmer>();
        return rechten.Meerderjarig ? zelf : [.. ouders, .. zelf];
    }

    /// <summary>The outcome of the decisions on one version so far (the lapsed ones left out).</summary>
    public static Instemmingsuitkomst Uitkomst(IEnumerable<Instemming> verzoeken, Instemmingsbeleid beleid)
    {
        ArgumentNullException.ThrowIfNull(verzoeken);
        var lijst = verzoeken.Where(v => v.Status != InstemmingStatus.Vervallen).ToList();
        if (lijst.Count == 0)
        {
            return Instemmingsuitkomst.Open;
        }
        var leerling = lijst.Where(v => v.OuderId is null).ToList();
        var ouders = lijst.Where(v => v.OuderId is not null).ToList();
        if (leerling.Any(v => v.Status == InstemmingStatus.NietIngestemd))
        {
            return Instemmingsuitkomst.NietIngestemd;
        }
        var oudersNee = beleid == Instemmingsbeleid.EenOuder
            ? ouders.Count > 0 && ouders.All(v => v.Status == InstemmingStatus.NietIngestemd)
            : ouders.Any(v => v.Status == InstemmingStatus.NietIngestemd);
        if (oudersNee)
        {
            return Instemmingsuitkomst.NietIngestemd;
        }
        var oudersJa = ouders.Count == 0 || (beleid == Instemmingsbeleid.EenOuder
            ? ouders.Any(v => v.Status == InstemmingStatus.Ingestemd)
            : ouders.All(v => v.Status == InstemmingStatus.Ingestemd));
        var leerlingJa = leerling.All(v => v.Status == InstemmingStatus.Ingestemd);
        return oudersJa && leerlingJa ? Instemmingsuitkomst.Ingestemd : Instemmingsuitkomst.Open;
    }

    public static string Weergave(Instemmingsbeleid beleid) => beleid == Instemmingsbeleid.EenOuder
        ? "Eén ouder met gezag stemt in"
        : "Alle ouders met gezag stemmen in";
}

/// <summary>
/// The overleg after a "niet ingestemd": the school talks with the parents (op overeenstemming gericht overleg). When it
/// does not lead to agreement the parents may go to the Geschillencommissie Passend Onderwijs or an onderwijsconsulent.
/// A Zorg-level dossier entry.
/// </summary>
public sealed class Planoverleg : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    public Guid VersieId { get; set; }
    /// <summary>The parent's reason that opened it.</summary>
    public required string Aanleiding { get; set; }
    public DateTimeOffset GeopendOp { get; set; }
    public DateOnly? Datum { get; set; }
    /// <summary>Who took part and what was agreed.</summary>
    public string? Verslag { get; set; }
    public DateTimeOffset? AfgeslotenOp { get; set; }
    public Guid? AfgeslotenDoor { get; set; }
    public int Versie { get; set; } = 1;

    public const int MaxVerslag = 8_000;

    /// <summary>The route when the overleg does not lead to agreement, as the school tells the parents.</summary>
    public const string Geschillenroute =
        "Komen school en ouders er samen niet uit, dan kunnen de ouders het geschil voorleggen aan de Geschillencommissie Passend Onderwijs "
        + "(binnen zes weken na het besluit) of hulp vragen van een onderwijsconsulent.";

    public bool IsAfgesloten => AfgeslotenOp is not null;

    public static Planoverleg Open(Instemming afwijzing, DateTimeOffset nu)
    {
        ArgumentNullException.ThrowIfNull(afwijzing);
        return new Planoverleg
        {
            SchoolId = afwijzing.SchoolId,
            LeerlingId = afwijzing.LeerlingId,
            VersieId = afwijzing.VersieId,
            Aanleiding = afwijzing.Reden ?? "",
            GeopendOp = nu,
        };
    }

    /// <summary>Records the overleg (its day and what was said and agreed) and closes it.</summary>
    public Planfout? SluitAf(DateOnly datum, string? verslag, DateOnly vandaag, DateTimeOffset nu, Guid door)
    {
        if (IsAfgesloten)
        {
            return new Planfout(Planfoutcode.VerkeerdeStatus, "", "Dit overleg is al afgesloten.");
        }
        var tekst = Tekst.Vrij(verslag);
        if (tekst.Length == 0)
        {
            return Planfout.Ongeldig(nameof(Verslag), "Vul in wie meepraatten en wat er is afgesproken.");
        }
        if (tekst.Length > MaxVerslag)
        {
            return Planfout.Ongeldig(nameof(Verslag), $"Het verslag is hoogstens {MaxVerslag:N0} tekens.".Replace(',', '.'));
        }
        if (datum > vandaag)
        {
            return Planfout.Ongeldig(nameof(Datum), "De datum van het overleg ligt in de toekomst.");
        }
        (Datum, Verslag, AfgeslotenOp, AfgeslotenDoor) = (datum, tekst, nu, door);
        Versie++;
        return null;
    }
}
