using System.Linq.Expressions;
using Leerlingzorg.Domain.Leerlingen;

namespace Leerlingzorg.Domain.Verwijsindex;

/// <summary>How someone was told about the registration.</summary>
public enum InformeerWijze
{
    Mondeling = 1,
    Brief = 2,
    Email = 3,
}

/// <summary>Why a registration was removed from the Verwijsindex.</summary>
public enum AfmeldReden
{
    /// <summary>The concern has ended: the care is finished or handed over.</summary>
    ZorgAfgerond = 1,
    /// <summary>The two years after the registration have passed (Jeugdwet: removed at the latest then).</summary>
    TermijnVerstreken = 2,
    /// <summary>Registered by mistake.</summary>
    Onterecht = 3,
}

/// <summary>Where a registration stands against its two-year deadline (<see cref="Signalering.Stand"/>).</summary>
public enum Termijnstand
{
    Lopend,
    /// <summary>The deadline is within <see cref="Signalering.HerinneringWeken"/> weeks: remove it, or decide it still is needed until then.</summary>
    Binnenkort,
    /// <summary>The deadline has passed and the registration was not removed.</summary>
    Verlopen,
    Afgemeld,
}

/// <summary>One person told about the registration: an ouder (<see cref="OuderId"/>) or the student himself (null).</summary>
public sealed class Informering
{
    public Guid? OuderId { get; set; }
    public DateOnly Op { get; set; }
    public InformeerWijze Wijze { get; set; }
    public Guid VastgelegdDoor { get; set; }

    public bool DeLeerling => OuderId is null;
}

/// <summary>A match the Verwijsindex reported: the day and the other organisation — no content.</summary>
public sealed class Verwijsmatch
{
    public DateOnly Op { get; set; }
    public required string Organisatie { get; set; }
    public Guid VastgelegdDoor { get; set; }
}

/// <summary>Someone who must be told about the registration (<see cref="Signalering.TeInformeren"/>); <see cref="OuderId"/> null: the student.</summary>
public sealed record TeInformeren(Guid? OuderId, string Naam);

/// <summary>What the meldingsbevoegde fills in when he registers a signal (<see cref="Signalering.Registreer"/>).</summary>
public sealed record Signaleringsgegevens(DateOnly GesignaleerdOp, string? Contactpersoon, string? ContactTelefoonOfEmail);

/// <summary>
/// A registration ("signalering") of a student in the regional Verwijsindex risicojongeren (Jeugdwet, afdeling 7.1.4) by the
/// school's meldingsbevoegde, the zorgcoördinator. The law lets the index hold only <em>that</em> a professional has a
/// concern: the student's identifying data, the date, the registering professional and a contact person for matches.
/// Hence this record has <b>no free-text field at all</b> — no reason, no description, no remark: nothing a user could type
/// content into, so that the register cannot become a second dossier. The reasons stay in the care dossier (gesprekken, PM
/// ladder), under their own confidentiality. The ouders with gezag are told of it (and the student from 12; from 16 only the
/// student); it is removed ("afgemeld") when the concern ends, and at the latest <see cref="TermijnJaren"/> years after it
/// was made. Every rule returns a Dutch message, null when allowed.
/// </summary>
public sealed class Signalering : ISchoolOwned
{
    public const int TermijnJaren = 2;
    public const int HerinneringWeken = 8;
    /// <summary>The student is told himself from this age (with his parents until <see cref="Familie.EigenBeslissingVanaf"/>).</summary>
    public const int LeerlingInformerenVanaf = 12;
    public const int MaxContactpersoon = 150;
    public const int MaxContact = 200;
    public const int MaxOrganisatie = 150;

    public const string AlAfgemeld = "Deze signalering is al afgemeld.";
    public const string LooptAl = "Deze leerling staat al in de Verwijsindex: er loopt een signalering van de school. Meld die eerst af.";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    /// <summary>The identifying data as registered (the index's own copy: name and date of birth).</summary>
    public required string Naam { get; set; }
    public DateOnly Geboortedatum { get; set; }
    public DateOnly GesignaleerdOp { get; set; }
    public Guid DoorId { get; set; }
    public required string DoorNaam { get; set; }
    public required string Contactpersoon { get; set; }
    public required string ContactTelefoonOfEmail { get; set; }
    public DateTimeOffset VastgelegdOp { get; set; }
    public List<Informering> Informeringen { get; set; } = [];
    public List<Verwijsmatch> Matches { get; set; } = [];
    public DateOnly? AfgemeldOp { get; set; }
    public AfmeldReden? AfmeldReden { get; set; }
    public Guid? AfgemeldDoor { get; set; }
    public int Versie { get; set; } = 1;

    public bool IsAfgemeld => AfgemeldOp is not null;

    /// <summary>The last day it may stay in the index: two years after the registration.</summary>
    public DateOnly Uiterlijk => UiterlijkVan(GesignaleerdOp);

    /// <summary>From this day the zorgcoördinator is reminded.</summary>
    public DateOnly HerinneringVanaf => Uiterlijk.AddDays(-7 * HerinneringWeken);

    public Termijnstand Stand(DateOnly vandaag) => StandVan(GesignaleerdOp, IsAfgemeld, vandaag);

    public static DateOnly UiterlijkVan(DateOnly gesignaleerdOp) => gesignaleerdOp.AddYears(TermijnJaren);

    /// <summary>Where a registration of <paramref name="gesignaleerdOp"/> stands on <paramref name="vandaag"/>.</summary>
    public static Termijnstand StandVan(DateOnly gesignaleerdOp, bool afgemeld, DateOnly vandaag)
    {
        var uiterlijk = UiterlijkVan(gesignaleerdOp);
        return afgemeld ? Termijnstand.Afgemeld
            : vandaag > uiterlijk ? Termijnstand.Verlopen
            : vandaag >= uiterlijk.AddDays(-7 * HerinneringWeken) ? Termijnstand.Binnenkort
            : Termijnstand.Lopend;
    }

    /// <summary>
    /// The latest registration date whose deadline (<see cref="Uiterlijk"/>) falls on or before <paramref name="datum"/>:
    /// <c>g.AddYears(2) &lt;= datum</c> exactly when <c>g &lt;= GesignaleerdUiterlijk(datum)</c> (29 February included),
    /// so that the reminder list compares the indexed column itself.
    /// </summary>
    public static DateOnly GesignaleerdUiterlijk(DateOnly datum)
    {
        var g = datum.AddYears(-TermijnJaren);
        return g.AddDays(1).AddYears(TermijnJaren) <= datum ? g.AddDays(1) : g;
    }

    /// <summary>
    /// <see cref="Stand"/> Binnenkort or Verlopen as a database predicate: not removed, and its reminder day reached on
    /// <paramref name="vandaag"/>. A Domain test holds it to <see cref="Stand"/>.
    /// </summary>
    public static Expression<Func<Signalering, bool>> TeHerinneren(DateOnly vandaag)
    {
        var grens = GesignaleerdUiterlijk(vandaag.AddDays(7 * HerinneringWeken));
        return s => s.AfgemeldOp == null && s.GesignaleerdOp <= grens;
    }

    /// <summary>
    /// Who must be told, by the student's age on <paramref name="datum"/>: under 12 the ouders with gezag; from 12 to 15
    /// the ouders with gezag and the student; from 16 only the student (<see cref="Familie"/> decides who holds gezag;
    /// for an AMV'er the Nidos voogd). <paramref name="leerling"/> with its Ouders and their Ouder loaded.
    /// </summary>
    public static IReadOnlyList<TeInformeren> TeInformerenOp(Leerling leerling, DateOnly datum)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        var leeftijd = leerling.LeeftijdOp(datum);
        var wie = new List<TeInformeren>();
        if (leeftijd < Familie.EigenBeslissingVanaf)
        {
            wie.AddRange(leerling.GezagdragersOp(datum).Select(g => new TeInformeren(g.OuderId, g.Ouder?.VolledigeNaam ?? "Ouder met gezag")));
        }
        if (leeftijd >= LeerlingInformerenVanaf)
        {
            wie.Add(new TeInformeren(null, "De leerling zelf"));
        }
        return wie;
    }

    /// <summary>Who must be told (by the age on the day of the registration).</summary>
    public IReadOnlyList<TeInformeren> TeInformeren(Leerling leerling) => TeInformerenOp(leerling, GesignaleerdOp);

    /// <summary>Who must be told and has not been yet.</summary>
    public IReadOnlyList<TeInformeren> NogTeInformeren(Leerling leerling) =>
        [.. TeInformeren(leerling).Where(t => !Informeringen.Any(i => i.OuderId == t.OuderId))];

    /// <summary>What is wrong with registering <paramref name="gegevens"/> for <paramref name="leerling"/> on <paramref name="vandaag"/>; null when allowed.</summary>
    public static string? Controleer(Leerling leerling, Signaleringsgegevens gegevens, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        ArgumentNullException.ThrowIfNull(gegevens);
        if (leerling.Status != LeerlingStatus.Ingeschreven)
        {
            return "De leerling is uitgeschreven: een uitgeschreven leerling meldt de school niet meer in de Verwijsindex.";
        }
        if (Tekst.Regel(gegevens.Contactpersoon) is not { Length: > 0 } contactpersoon)
        {
            return "Vul de contactpersoon in die bij een match gebeld of gemaild wordt.";
        }
        if (contactpersoon.Length > MaxContactpersoon)
        {
            return $"De naam van de contactpersoon heeft hooguit {MaxContactpersoon} tekens.";
        }
        if (ContactFout(gegevens.ContactTelefoonOfEmail) is { } contact)
        {
            return contact;
        }
        if (gegevens.GesignaleerdOp > vandaag)
        {
            return "De datum van de signalering ligt in de toekomst.";
        }
        if (gegevens.GesignaleerdOp.AddYears(TermijnJaren) < vandaag)
        {
            return $"Een signalering van meer dan {TermijnJaren} jaar geleden staat niet meer in de Verwijsindex.";
        }
        return null;
    }

    /// <summary>A telephone number (at least 10 digits) or an e-mail address; null when it is one.</summary>
    public static string? ContactFout(string? contact)
    {
        var tekst = Tekst.Regel(contact);
        if (tekst.Length == 0)
        {
            return "Vul het telefoonnummer of e-mailadres van de contactpersoon in.";
        }
        if (tekst.Length > MaxContact)
        {
            return $"Het telefoonnummer of e-mailadres heeft hooguit {MaxContact} tekens.";
        }
        var isEmail = tekst.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < tekst.Length - 1 && !tekst.Contains(' ', StringComparison.Ordinal);
        var isTelefoon = tekst.Count(char.IsAsciiDigit) >= 10 && tekst.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')');
        return isEmail || isTelefoon ? null : "Vul een telefoonnummer (10 cijfers) of een e-mailadres in, geen andere tekst.";
    }

    /// <summary>Registers a signal after <see cref="Controleer"/>; throws <see cref="ArgumentException"/> with the Dutch message otherwise.</summary>
    public static Signalering Registreer(Leerling leerling, Signaleringsgegevens gegevens, DateOnly vandaag, DateTimeOffset nu, Guid doorId, string doorNaam)
    {
        if (Controleer(leerling, gegevens, vandaag) is { } fout)
        {
            throw new ArgumentException(fout, nameof(gegevens));
        }
        return new Signalering
        {
            SchoolId = leerling.SchoolId,
            LeerlingId = leerling.Id,
            Naam = leerling.VolledigeNaam,
            Geboortedatum = leerling.Geboortedatum,
            GesignaleerdOp = gegevens.GesignaleerdOp,
            DoorId = doorId,
            DoorNaam = doorNaam,
            Contactpersoon = Tekst.Regel(gegevens.Contactpersoon),
            ContactTelefoonOfEmail = Tekst.Regel(gegevens.ContactTelefoonOfEmail),
            VastgelegdOp = nu,
        };
    }

    /// <summary>Records that <paramref name="ouderId"/> (null: the student) was told on <paramref name="op"/>; a Dutch message when not allowed.</summary>
    public string? Informeer(Leerling leerling, Guid? ouderId, DateOnly op, InformeerWijze wijze, Guid door, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        if (IsAfgemeld)
        {
            return AlAfgemeld;
        }
        if (!Enum.IsDefined(wijze))
        {
            return "Kies hoe er is geïnformeerd.";
        }
        if (op > vandaag)
        {
            return "De datum van informeren ligt in de toekomst.";
        }
        var moet = TeInformeren(leerling);
        if (moet.FirstOrDefault(t => t.OuderId == ouderId) is not { } wie)
        {
            return ouderId is null
                ? $"De leerling was jonger dan {LeerlingInformerenVanaf} jaar: de ouders met gezag worden geïnformeerd."
                : leerling.LeeftijdOp(GesignaleerdOp) >= Familie.EigenBeslissingVanaf
                    ? $"De leerling is {Familie.EigenBeslissingVanaf} jaar of ouder: alleen de leerling zelf wordt geïnformeerd."
                    : "Deze persoon is geen ouder met gezag van de leerling.";
        }
        if (Informeringen.Any(i => i.OuderId == ouderId))
        {
            return $"{wie.Naam} is al geïnformeerd.";
        }
        Informeringen.Add(new Informering { OuderId = ouderId, Op = op, Wijze = wijze, VastgelegdDoor = door });
        Versie++;
        return null;
    }

    /// <summary>Records a match the index reported (a day and the other organisation); a Dutch message when not allowed.</summary>
    public string? LegMatchVast(DateOnly op, string? organisatie, Guid door, DateOnly vandaag)
    {
        if (IsAfgemeld)
        {
            return AlAfgemeld;
        }
        var naam = Tekst.Regel(organisatie);
        if (naam.Length == 0)
        {
            return "Vul de organisatie in waarmee de match is.";
        }
        if (naam.Length > MaxOrganisatie)
        {
            return $"De naam van de organisatie heeft hooguit {MaxOrganisatie} tekens.";
        }
        if (op < GesignaleerdOp)
        {
            return "Een match kan niet vóór de signalering liggen.";
        }
        if (op > vandaag)
        {
            return "De datum van de match ligt in de toekomst.";
        }
        Matches.Add(new Verwijsmatch { Op = op, Organisatie = naam, VastgelegdDoor = door });
        Versie++;
        return null;
    }

    /// <summary>Removes the registration from the index on <paramref name="op"/>; once only; a Dutch message when not allowed.</summary>
    public string? MeldAf(DateOnly op, AfmeldReden reden, Guid door, DateOnly vandaag)
    {
        if (IsAfgemeld)
        {
            return AlAfgemeld;
        }
        if (!Enum.IsDefined(reden))
        {
            return "Kies waarom de signalering wordt afgemeld.";
        }
        if (op < GesignaleerdOp)
        {
            return "Afmelden kan niet vóór de dag van de signalering.";
        }
        if (op > vandaag)
        {
            return "De datum van afmelden ligt in de toekomst.";
        }
        if (reden == Verwijsindex.AfmeldReden.TermijnVerstreken && op < HerinneringVanaf)
        {
            return $"De termijn van {TermijnJaren} jaar is nog niet bijna verstreken; kies een andere reden.";
        }
        (AfgemeldOp, AfmeldReden, AfgemeldDoor) = (op, reden, door);
        Versie++;
        return null;
    }

    public static string Weergave(AfmeldReden reden) => reden switch
    {
        Verwijsindex.AfmeldReden.ZorgAfgerond => "Zorg afgerond",
        Verwijsindex.AfmeldReden.TermijnVerstreken => "Termijn van twee jaar verstreken",
        Verwijsindex.AfmeldReden.Onterecht => "Onterecht gemeld",
        _ => reden.ToString(),
    };

    public static string Weergave(InformeerWijze wijze) => wijze switch
    {
        InformeerWijze.Mondeling => "Mondeling",
        InformeerWijze.Brief => "Per brief",
        InformeerWijze.Email => "Per e-mail",
        _ => wijze.ToString(),
    };
}
