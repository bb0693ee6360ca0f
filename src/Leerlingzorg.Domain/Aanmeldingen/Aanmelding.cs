using System.Globalization;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;

namespace Leerlingzorg.Domain.Aanmeldingen;

/// <summary>Where an aanmelding stands (issue 12: ontvangen → in onderzoek → besloten, or ingetrokken by the parents).</summary>
public enum AanmeldingStatus
{
    Ontvangen = 1,
    /// <summary>An intake or an onderzoek has been recorded.</summary>
    InOnderzoek = 2,
    Besloten = 3,
    /// <summary>The parents withdrew the application: the zorgplicht ends.</summary>
    Ingetrokken = 4,
}

/// <summary>The school's decision on an aanmelding.</summary>
public enum Aanmeldingsbesluit
{
    GeplaatstZonderOpp = 1,
    /// <summary>Placed with extra support: the OPP is adopted within six weeks of placement (<see cref="Plan.VaststellenBinnenDagen"/>).</summary>
    GeplaatstMetOpp = 2,
    /// <summary>Not placed: the school found another fitting school with the parents and the SWV (zorgplicht).</summary>
    NietGeplaatst = 3,
}

/// <summary>What is wrong with a step on an aanmelding: the field and the Dutch message.</summary>
public sealed record Aanmeldingfout(string Veld, string Melding);

/// <summary>A new aanmelding as the school received it on the form: minimal, the parents' names and contact as given.</summary>
public sealed record NieuweAanmelding(
    string? Voornaam, string? Tussenvoegsel, string? Achternaam, DateOnly? Geboortedatum, string? HuidigeSchool,
    string? Ouders, string? Ondersteuningsvraag, DateOnly? OntvangenOp);

/// <summary>The decision as the user takes it.</summary>
public sealed record Besluitinvoer(
    Aanmeldingsbesluit? Besluit, DateOnly? Datum, DateOnly? Plaatsingsdatum, string? Toelichting, string? AndereSchool, string? AfspraakAndereSchool);

/// <summary>
/// PM 0, the zorgplicht (DOMAIN.md): a written application of a new student with a support question. The school decides
/// within six weeks of receipt, once extendable by four weeks with a reason; a placement continues at PM I, or at PM 0 with
/// an OPP within six weeks; when the school cannot place the student it records the other school found with the parents and
/// the SWV. The steps are methods that check the rule and return a <see cref="Aanmeldingfout"/> (null: done).
/// </summary>
/// <remarks>
/// The law (WPO art. 40 / WVO art. 27) counts the term in calendar weeks from the day the application was received:
/// weekends and school holidays are not skipped, so the deadline is a plain date arithmetic (6 × 7 days, + 4 × 7).
/// </remarks>
public sealed class Aanmelding : ISchoolOwned
{
    public const int BeslistermijnWeken = 6;
    public const int VerlengingWeken = 4;
    /// <summary>A deadline this close (in days) is shown as urgent and surfaces for the zorgcoördinator.</summary>
    public const int DichtbijDagen = 7;
    public const int MaxTekst = 4_000;
    public const int MaxRegel = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string Voornaam { get; set; }
    public string? Tussenvoegsel { get; set; }
    public required string Achternaam { get; set; }
    public DateOnly Geboortedatum { get; set; }
    /// <summary>The school the student comes from (or none, a newcomer).</summary>
    public string? HuidigeSchool { get; set; }
    /// <summary>The parents' names and contact as written on the form; not the Ouder rows, which come with the import.</summary>
    public string? Ouders { get; set; }
    public required string Ondersteuningsvraag { get; set; }
    /// <summary>The school day the written application came in: the term runs from here.</summary>
    public DateOnly OntvangenOp { get; set; }
    public DateTimeOffset VastgelegdOp { get; set; }
    public Guid VastgelegdDoor { get; set; }
    public AanmeldingStatus Status { get; set; } = AanmeldingStatus.Ontvangen;

    public DateOnly? VerlengdOp { get; set; }
    public string? Verlengingsreden { get; set; }
    public Guid? VerlengdDoor { get; set; }

    public DateOnly? IntakeOp { get; set; }
    /// <summary>Who held the intake (a name as typed: it can be someone outside the application).</summary>
    public string? IntakeDoor { get; set; }
    public string? IntakeNotities { get; set; }
    /// <summary>What was investigated (school reports, a test, an observation, the SWV's advice).</summary>
    public string? Onderzoek { get; set; }
    public string? OnderzoekUitkomst { get; set; }

    public Aanmeldingsbesluit? Besluit { get; set; }
    public DateOnly? BesluitOp { get; set; }
    public Guid? BesluitDoor { get; set; }
    public string? BesluitToelichting { get; set; }
    /// <summary>On placement: the day the student starts; the OPP term runs from here.</summary>
    public DateOnly? Plaatsingsdatum { get; set; }
    /// <summary>Not placed: the school that will take the student.</summary>
    public string? AndereSchool { get; set; }
    /// <summary>Not placed: how the other school was agreed with the parents and the SWV.</summary>
    public string? AfspraakAndereSchool { get; set; }

    public DateOnly? IngetrokkenOp { get; set; }
    public string? Intrekkingsreden { get; set; }

    /// <summary>The student this aanmelding became, once the zorgcoördinator linked it (the leerling may arrive later through the import).</summary>
    public Guid? LeerlingId { get; set; }
    public DateTimeOffset? GekoppeldOp { get; set; }

    /// <summary>Optimistic concurrency: two people recording on the same aanmelding cannot both win.</summary>
    public int Versie { get; set; } = 1;

    public bool IsOpen => Status is AanmeldingStatus.Ontvangen or AanmeldingStatus.InOnderzoek;
    public bool IsVerlengd => VerlengdOp is not null;
    public bool IsGeplaatst => Besluit is Aanmeldingsbesluit.GeplaatstZonderOpp or Aanmeldingsbesluit.GeplaatstMetOpp;

    /// <summary>The end of the first six weeks: an extension must be given before it passes.</summary>
    public DateOnly OorspronkelijkeTermijn => OntvangenOp.AddDays(7 * BeslistermijnWeken);

    /// <summary>The day the decision is due: six weeks after receipt, ten after one extension (calendar weeks).</summary>
    public DateOnly Beslistermijn => OntvangenOp.AddDays(7 * (BeslistermijnWeken + (IsVerlengd ? VerlengingWeken : 0)));

    /// <summary>Days left until the deadline (negative: overdue).</summary>
    public int DagenTot(DateOnly vandaag) => Beslistermijn.DayNumber - vandaag.DayNumber;

    public bool IsTermijnVerlopen(DateOnly vandaag) => IsOpen && vandaag > Beslistermijn;

    /// <summary>An open aanmelding due within <see cref="DichtbijDagen"/> days or overdue.</summary>
    public bool IsDringend(DateOnly vandaag) => IsOpen && DagenTot(vandaag) <= DichtbijDagen;

    /// <summary>The decision came after the deadline: allowed (the student still needs a school), but flagged.</summary>
    public bool IsBesluitNaTermijn => BesluitOp is { } op && op > Beslistermijn;

    /// <summary>A placement with an OPP: the OPP is adopted within six weeks of placement (the plans' own rule).</summary>
    public DateOnly? OppUiterlijk => Besluit == Aanmeldingsbesluit.GeplaatstMetOpp && Plaatsingsdatum is { } geplaatst
        ? geplaatst.AddDays(Plan.VaststellenBinnenDagen) : null;

    public string Naam => Domain.Naam.Volledig(Voornaam, Tussenvoegsel, Achternaam);

    /// <summary>Who handles aanmeldingen: the zorgcoördinator and the intern begeleider (intake), the orthopedagoog (onderzoek), the schoolleiding (the decision is the board's).</summary>
    public static readonly IReadOnlyList<string> Behandelaars =
        [Gebruikers.Rollen.Zorgcoordinator, Gebruikers.Rollen.InternBegeleider, Gebruikers.Rollen.Orthopedagoog, Gebruikers.Rollen.Schoolleiding];

    /// <summary>Registers a received application; every field is checked, the first broken rule is returned.</summary>
    public static (Aanmelding? Aanmelding, Aanmeldingfout? Fout) Registreer(Guid schoolId, NieuweAanmelding invoer, DateOnly vandaag, DateTimeOffset nu, Guid door)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        var voornaam = Tekst.Regel(invoer.Voornaam);
        var achternaam = Tekst.Regel(invoer.Achternaam);
        var vraag = Tekst.Vrij(invoer.Ondersteuningsvraag);
        if (voornaam.Length == 0)
        {
            return (null, new(nameof(Voornaam), "Vul de voornaam van de leerling in."));
        }
        if (achternaam.Length == 0)
        {
            return (null, new(nameof(Achternaam), "Vul de achternaam van de leerling in."));
        }
        if (voornaam.Length > MaxRegel || achternaam.Length > MaxRegel || Tekst.Regel(invoer.Tussenvoegsel).Length > 20
            || Tekst.Regel(invoer.HuidigeSchool).Length > MaxRegel)
        {
            return (null, new(nameof(Achternaam), $"Een naam is hooguit {MaxRegel} tekens."));
        }
        if (invoer.Geboortedatum is not { } geboren)
        {
            return (null, new(nameof(Geboortedatum), "Vul de geboortedatum in."));
        }
        if (geboren > vandaag || geboren < vandaag.AddYears(-25))
        {
            return (null, new(nameof(Geboortedatum), "De geboortedatum klopt niet."));
        }
        if (vraag.Length == 0)
        {
            return (null, new(nameof(Ondersteuningsvraag), "Vul de ondersteuningsvraag in: waarmee vragen de ouders ondersteuning?"));
        }
        if (vraag.Length > MaxTekst || Tekst.Vrij(invoer.Ouders).Length > MaxTekst)
        {
            return (null, new(nameof(Ondersteuningsvraag), $"Hooguit {MaxTekst.ToString("N0", Nederlands)} tekens."));
        }
        if (invoer.OntvangenOp is not { } ontvangen)
        {
            return (null, new(nameof(OntvangenOp), "Vul in wanneer de schriftelijke aanmelding binnenkwam."));
        }
        if (ontvangen > vandaag)
        {
            return (null, new(nameof(OntvangenOp), "De datum van ontvangst ligt in de toekomst."));
        }
        return (new Aanmelding
        {
            SchoolId = schoolId,
            Voornaam = voornaam,
            Tussenvoegsel = Tekst.RegelOfNull(invoer.Tussenvoegsel),
            Achternaam = achternaam,
            Geboortedatum = geboren,
            HuidigeSchool = Tekst.RegelOfNull(invoer.HuidigeSchool),
            Ouders = Tekst.VrijOfNull(invoer.Ouders),
            Ondersteuningsvraag = vraag,
            OntvangenOp = ontvangen,
            VastgelegdOp = nu,
            VastgelegdDoor = door,
        }, null);
    }

    /// <summary>
    /// Extends the term once by four weeks, with the reason (the law allows one extension, given before the six weeks
    /// end). A second extension is refused and changes nothing.
    /// </summary>
    public Aanmeldingfout? Verleng(string? reden, DateOnly vandaag, Guid door)
    {
        if (!IsOpen)
        {
            return NietOpen();
        }
        if (IsVerlengd)
        {
            return new(nameof(Verlengingsreden),
                $"De beslistermijn is al eens verlengd, op {Dag(VerlengdOp!.Value)}, tot {Dag(Beslistermijn)}. De wet staat maar één verlenging "
                + $"van {VerlengingWeken} weken toe: neem vóór {Dag(Beslistermijn)} een besluit.");
        }
        if (vandaag > OorspronkelijkeTermijn)
        {
            return new(nameof(Verlengingsreden),
                $"De termijn van {BeslistermijnWeken} weken is op {Dag(OorspronkelijkeTermijn)} verstreken. Verlengen kan alleen binnen die termijn; neem nu een besluit.");
        }
        var schoon = Tekst.Vrij(reden);
        if (schoon.Length == 0)
        {
            return new(nameof(Verlengingsreden), "Vul de reden van de verlenging in (de ouders krijgen die schriftelijk).");
        }
        if (schoon.Length > MaxTekst)
        {
            return TeLang(nameof(Verlengingsreden));
        }
        VerlengdOp = vandaag;
        Verlengingsreden = schoon;
        VerlengdDoor = door;
        return null;
    }

    /// <summary>Records the intake: when, by whom, and the notes. The aanmelding is then in onderzoek.</summary>
    public Aanmeldingfout? LegIntakeVast(DateOnly? datum, string? door, string? notities, DateOnly vandaag)
    {
        if (!IsOpen)
        {
            return NietOpen();
        }
        if (datum is not { } op)
        {
            return new(nameof(IntakeOp), "Vul de datum van de intake in.");
        }
        if (op < OntvangenOp)
        {
            return new(nameof(IntakeOp), $"De intake ligt vóór de ontvangst van de aanmelding ({Dag(OntvangenOp)}).");
        }
        if (op > vandaag)
        {
            return new(nameof(IntakeOp), "De intake ligt in de toekomst. Leg hem vast als hij geweest is.");
        }
        var wie = Tekst.Regel(door);
        if (wie.Length == 0)
        {
            return new(nameof(IntakeDoor), "Vul in wie de intake hield.");
        }
        if (wie.Length > MaxRegel)
        {
            return new(nameof(IntakeDoor), $"Hooguit {MaxRegel} tekens.");
        }
        if (Tekst.Vrij(notities).Length > MaxTekst)
        {
            return TeLang(nameof(IntakeNotities));
        }
        IntakeOp = op;
        IntakeDoor = wie;
        IntakeNotities = Tekst.VrijOfNull(notities);
        Status = AanmeldingStatus.InOnderzoek;
        return null;
    }

    /// <summary>Records what was investigated and what came out (either may follow later).</summary>
    public Aanmeldingfout? LegOnderzoekVast(string? wat, string? uitkomst)
    {
        if (!IsOpen)
        {
            return NietOpen();
        }
        var onderzoek = Tekst.Vrij(wat);
        if (onderzoek.Length == 0)
        {
            return new(nameof(Onderzoek), "Vul in wat er is onderzocht.");
        }
        if (onderzoek.Length > MaxTekst || Tekst.Vrij(uitkomst).Length > MaxTekst)
        {
            return TeLang(nameof(Onderzoek));
        }
        Onderzoek = onderzoek;
        OnderzoekUitkomst = Tekst.VrijOfNull(uitkomst);
        Status = AanmeldingStatus.InOnderzoek;
        return null;
    }

    /// <summary>
    /// The decision: placed (with or without OPP, from a placement date) or not placed (then the other school found with the
    /// parents and the SWV is required). After the deadline it is still taken — the student needs a school — and
    /// <see cref="IsBesluitNaTermijn"/> flags it.
    /// </summary>
    public Aanmeldingfout? Beslis(Besluitinvoer invoer, DateOnly vandaag, Guid door)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!IsOpen)
        {
            return NietOpen();
        }
        if (invoer.Besluit is not { } besluit || !Enum.IsDefined(besluit))
        {
            return new(nameof(Besluit), "Kies het besluit: plaatsen zonder OPP, plaatsen met OPP of niet plaatsen.");
        }
        if (invoer.Datum is not { } datum)
        {
            return new(nameof(BesluitOp), "Vul de datum van het besluit in.");
        }
        if (datum > vandaag)
        {
            return new(nameof(BesluitOp), "De datum van het besluit ligt in de toekomst.");
        }
        if (datum < OntvangenOp)
        {
            return new(nameof(BesluitOp), $"Het besluit ligt vóór de ontvangst van de aanmelding ({Dag(OntvangenOp)}).");
        }
        var toelichting = Tekst.Vrij(invoer.Toelichting);
        var andereSchool = Tekst.Regel(invoer.AndereSchool);
        var afspraak = Tekst.Vrij(invoer.AfspraakAndereSchool);
        if (toelichting.Length > MaxTekst || afspraak.Length > MaxTekst)
        {
            return TeLang(nameof(BesluitToelichting));
        }
        DateOnly? plaatsing = null;
        if (besluit == Aanmeldingsbesluit.NietGeplaatst)
        {
            if (andereSchool.Length == 0)
            {
                return new(nameof(AndereSchool),
                    "Vul de andere school in: wie niet plaatst, zoekt met de ouders en het samenwerkingsverband een passende plek (zorgplicht).");
            }
            if (andereSchool.Length > MaxRegel)
            {
                return new(nameof(AndereSchool), $"Hooguit {MaxRegel} tekens.");
            }
            if (afspraak.Length == 0)
            {
                return new(nameof(AfspraakAndereSchool), "Vul in hoe de andere school met de ouders en het samenwerkingsverband is afgesproken.");
            }
        }
        else
        {
            plaatsing = invoer.Plaatsingsdatum ?? datum;
            if (plaatsing < datum)
            {
                return new(nameof(Plaatsingsdatum), "De plaatsing ligt vóór het besluit.");
            }
        }
        Besluit = besluit;
        BesluitOp = datum;
        BesluitDoor = door;
        BesluitToelichting = toelichting.Length == 0 ? null : toelichting;
        Plaatsingsdatum = plaatsing;
        AndereSchool = besluit == Aanmeldingsbesluit.NietGeplaatst ? andereSchool : null;
        AfspraakAndereSchool = besluit == Aanmeldingsbesluit.NietGeplaatst ? afspraak : null;
        Status = AanmeldingStatus.Besloten;
        return null;
    }

    /// <summary>The parents withdrew the application.</summary>
    public Aanmeldingfout? TrekIn(DateOnly vandaag, string? reden)
    {
        if (!IsOpen)
        {
            return NietOpen();
        }
        if (Tekst.Vrij(reden).Length > MaxTekst)
        {
            return TeLang(nameof(Intrekkingsreden));
        }
        Status = AanmeldingStatus.Ingetrokken;
        IngetrokkenOp = vandaag;
        Intrekkingsreden = Tekst.VrijOfNull(reden);
        return null;
    }

    /// <summary>
    /// Links a placed aanmelding to its student (an existing one, or one the import brought later) and puts him on the
    /// ladder: PM I, or PM 0 when placed with an OPP (the OPP itself is then due six weeks after placement). The step is
    /// the first of his ladder when he has none (<paramref name="heeftStappen"/> false); a student already on the level
    /// gets no second step.
    /// </summary>
    public (PmStap? Stap, Aanmeldingfout? Fout) Koppel(Leerling leerling, bool heeftStappen, DateOnly vandaag, DateTimeOffset nu, Guid door)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        if (!IsGeplaatst)
        {
            return (null, new(nameof(LeerlingId), "Alleen een geplaatste aanmelding wordt aan een leerling gekoppeld."));
        }
        if (LeerlingId is not null)
        {
            return (null, new(nameof(LeerlingId), "Deze aanmelding is al aan een leerling gekoppeld."));
        }
        if (leerling.SchoolId != SchoolId)
        {
            return (null, new(nameof(LeerlingId), "De leerling is niet gevonden."));
        }
        if (leerling.Status == LeerlingStatus.Uitgeschreven)
        {
            return (null, new(nameof(LeerlingId), "De leerling is uitgeschreven; kies de ingeschreven leerling."));
        }
        LeerlingId = leerling.Id;
        GekoppeldOp = nu;
        var naar = Besluit == Aanmeldingsbesluit.GeplaatstMetOpp ? PmNiveau.Pm0 : PmNiveau.PmI;
        if (heeftStappen && leerling.PmNiveau == naar)
        {
            return (null, null);
        }
        // A level holds from today at the latest (the ladder's rule): a placement from a later day starts on the ladder today.
        var datum = Plaatsingsdatum is { } p && p < vandaag ? p : vandaag;
        var stap = new PmStap
        {
            SchoolId = SchoolId,
            LeerlingId = leerling.Id,
            Van = heeftStappen ? leerling.PmNiveau : null,
            Naar = naar,
            Datum = datum,
            VastgelegdOp = nu,
            DoorId = door,
            Reden = naar == PmNiveau.Pm0
                ? $"Geplaatst met OPP na aanmelding van {Dag(OntvangenOp)}; het OPP is uiterlijk {Dag(OppUiterlijk!.Value)} vastgesteld. Ondersteuningsvraag: {Ondersteuningsvraag}"
                : $"Geplaatst na aanmelding van {Dag(OntvangenOp)}. Ondersteuningsvraag: {Ondersteuningsvraag}",
        };
        if (stap.Reden.Length > Ladderregels.MaxTekst)
        {
            stap.Reden = stap.Reden[..Ladderregels.MaxTekst];
        }
        leerling.PmNiveau = naar;
        leerling.PmSinds = datum;
        return (stap, null);
    }

    /// <summary>The decision in Dutch.</summary>
    public static string Weergave(Aanmeldingsbesluit besluit) => besluit switch
    {
        Aanmeldingsbesluit.GeplaatstZonderOpp => "Geplaatst zonder OPP",
        Aanmeldingsbesluit.GeplaatstMetOpp => "Geplaatst met OPP",
        Aanmeldingsbesluit.NietGeplaatst => "Niet geplaatst",
        _ => besluit.ToString(),
    };

    public static string Weergave(AanmeldingStatus status) => status switch
    {
        AanmeldingStatus.Ontvangen => "Ontvangen",
        AanmeldingStatus.InOnderzoek => "In onderzoek",
        AanmeldingStatus.Besloten => "Besloten",
        AanmeldingStatus.Ingetrokken => "Ingetrokken",
        _ => status.ToString(),
    };

    private static readonly CultureInfo Nederlands = CultureInfo.GetCultureInfo("nl-NL");

    public static string Dag(DateOnly datum) => datum.ToString("d MMMM yyyy", Nederlands);

    private Aanmeldingfout NietOpen() => new(nameof(Status), Status == AanmeldingStatus.Ingetrokken
        ? "De aanmelding is ingetrokken; er verandert niets meer."
        : $"Over deze aanmelding is al besloten ({Weergave(Besluit!.Value)}, {Dag(BesluitOp!.Value)}).");

    private static Aanmeldingfout TeLang(string veld) => new(veld, $"Hooguit {MaxTekst.ToString("N0", Nederlands)} tekens.");
}
