using System.Globalization;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Planversies;

/// <summary>One person's decision on a version, with the names resolved.</summary>
/// <param name="Wie">The ouder (or "de leerling zelf: …") who was asked.</param>
/// <param name="VastgelegdDoor">Who recorded it (the parent in the portal, or a staff member).</param>
public sealed record PlanBesluit(string Wie, InstemmingStatus Status, DateTimeOffset GevraagdOp, DateTimeOffset? BeslistOp,
    InstemmingWijze? Wijze, string? Reden, string? VastgelegdDoor);

/// <summary>One section of a version's text for reading and comparing: its heading and its text (null: not filled in).</summary>
public sealed record PlanSectie(string Naam, string? Tekst);

/// <summary>One version of a plan as a staff reader at Zorg level sees it, with the decisions on it.</summary>
public sealed record PlanversieWeergave(
    Guid Id, Guid PlanId, Guid LeerlingId, string Leerling, string? Klas, string School, PlanSoort Soort, int Nummer,
    PlanStatus Status, PlanInhoud Inhoud, DateOnly NodigSinds, DateTimeOffset AangemaaktOp, DateTimeOffset? VoorgelegdOp,
    DateTimeOffset? BesluitOp, DateOnly? Ingang, DateOnly? LaatstGeevalueerd, string? Evaluatie, DateOnly? VervangenOp,
    IReadOnlyList<PlanBesluit> Besluiten)
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public string Titel => $"{(Soort == PlanSoort.Opp ? "OPP" : "Handelingsplan")} van {Leerling}, versie {Nummer}";

    public static string Dag(DateOnly datum) => datum.ToString("d MMMM yyyy", Nl);

    public static string Dag(DateTimeOffset tijdstip) => Dag(Schoolkalender.DatumVan(tijdstip));

    public static string Moment(DateTimeOffset tijdstip) => $"{Dag(tijdstip)} {Schoolkalender.Tijd(tijdstip)}";

    /// <summary>The sections of the text other than the handelingsdeel, in the order of the form.</summary>
    public IReadOnlyList<PlanSectie> Secties => PlanSecties.Van(Inhoud);

    /// <summary>The dates of the version, those that passed: created, sent, decided/in force, evaluated, replaced.</summary>
    public IReadOnlyList<(string Wat, string Wanneer)> Data
    {
        get
        {
            var data = new List<(string, string)> { ("Aangemaakt", Dag(AangemaaktOp)) };
            if (VoorgelegdOp is { } voorgelegd)
            {
                data.Add(("Ter instemming voorgelegd", Dag(voorgelegd)));
            }
            if (BesluitOp is { } besluit)
            {
                data.Add((Status == PlanStatus.NietIngestemd ? "Niet ingestemd" : Soort == PlanSoort.Opp ? "Ingestemd" : "Vastgesteld", Dag(besluit)));
            }
            if (Ingang is { } ingang)
            {
                data.Add(("In werking", Dag(ingang)));
            }
            if (LaatstGeevalueerd is { } geevalueerd)
            {
                data.Add(("Geëvalueerd", Dag(geevalueerd)));
            }
            if (VervangenOp is { } vervangen)
            {
                data.Add(("Vervangen", Dag(vervangen)));
            }
            return data;
        }
    }

    public static string Weergave(InstemmingStatus status) => status switch
    {
        InstemmingStatus.Open => "nog geen besluit",
        InstemmingStatus.Ingestemd => "ingestemd",
        InstemmingStatus.NietIngestemd => "niet ingestemd",
        InstemmingStatus.Vervallen => "vervallen",
        _ => "onbekend",
    };

    public static string Weergave(InstemmingWijze? wijze) => wijze switch
    {
        InstemmingWijze.Portaal => "via het ouderportaal",
        InstemmingWijze.Schriftelijk => "schriftelijk",
        InstemmingWijze.Mondeling => "mondeling",
        _ => "",
    };

    /// <summary>One line about a decision: "ingestemd op 3 december 2026 14:05, via het ouderportaal (vastgelegd door …)".</summary>
    public static string Omschrijving(PlanBesluit besluit)
    {
        ArgumentNullException.ThrowIfNull(besluit);
        if (besluit.BeslistOp is not { } op)
        {
            return $"{Weergave(besluit.Status)} (gevraagd op {Dag(besluit.GevraagdOp)})";
        }
        var wijze = Weergave(besluit.Wijze);
        var door = besluit.VastgelegdDoor is null ? "" : $" (vastgelegd door {besluit.VastgelegdDoor})";
        return $"{Weergave(besluit.Status)} op {Moment(op)}{(wijze.Length > 0 ? ", " + wijze : "")}{door}";
    }
}

/// <summary>The sections of a plan's text, shared by the compare page and the print page.</summary>
public static class PlanSecties
{
    /// <param name="metJeugdhulp">Whether the jeugdhulp sections are listed (empty when this version has none); default: when it has them.</param>
    public static IReadOnlyList<PlanSectie> Van(PlanInhoud inhoud, bool? metJeugdhulp = null)
    {
        ArgumentNullException.ThrowIfNull(inhoud);
        var j = inhoud.Jeugdhulp ?? new Jeugdhulpdeel();
        var uitstroom = string.Join(", ", new[] { inhoud.Uitstroombestemming, inhoud.Uitstroomniveau }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var doelen = inhoud.Doelen.Count == 0 ? null
            : string.Join("\n", inhoud.Doelen.Select((d, i) => $"{i + 1}. {d.Doel}{(d.Aanpak is null ? "" : $" — aanpak: {d.Aanpak}")}"));
        return
        [
            new("Afwijkingen van het programma", inhoud.Afwijkingen),
            new("Beginsituatie leerling", inhoud.BeginsituatieLeerling),
            new("Beginsituatie docent", inhoud.BeginsituatieDocent),
            new("Onderwijsbehoeften", inhoud.Onderwijsbehoeften),
            new("Belemmerende factoren", inhoud.BelemmerendeFactoren),
            new("Bevorderende factoren", inhoud.BevorderendeFactoren),
            new("Uitstroomperspectief", uitstroom.Length == 0 ? null : uitstroom),
            new("Onderbouwing uitstroomperspectief", inhoud.UitstroomOnderbouwing),
            new("Onderwijsdoelen", doelen),
            new("Visie van de leerling", inhoud.VisieLeerling),
            new("Opgesteld door", inhoud.OpgesteldDoor),
            new("Evaluatiedatum", inhoud.Evaluatiedatum is { } d ? PlanversieWeergave.Dag(d) : null),
            .. !(metJeugdhulp ?? inhoud.Jeugdhulp is not null) ? (IEnumerable<PlanSectie>)[] :
            [
                new("Jeugdhulp (integraal plan): partner", j.Organisatie is null ? null : string.Join(" — ", new[] { j.Organisatie, j.Contactpersoon }.Where(t => t is not null))),
                new("Jeugdhulp: hulp thuis", j.Hulp),
                new("Jeugdhulp: afstemming met school", j.Afstemming),
                new("Jeugdhulp: regie", j.Regie),
            ],
        ];
    }

    /// <summary>A line of the handelingsdeel as one text: "Remedial teaching — RT'er — 2× per week".</summary>
    public static string Regel(Ondersteuningsregel regel)
    {
        ArgumentNullException.ThrowIfNull(regel);
        return string.Join(" — ", new[] { regel.Ondersteuning, regel.Wie, regel.HoeVaak }.Where(t => !string.IsNullOrWhiteSpace(t)));
    }
}

/// <summary>
/// One version of a plan (an OPP or a handelingsplan) with its decisions, for a staff reader at Zorg level
/// (<see cref="Planbronnen.Versies"/>: the mentor, his coördinator and the care roles). Read audited. The compare page and
/// the PDF read through it.
/// </summary>
public sealed class PlanversieLezenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public const string GeenZorg = "Een plan is alleen zichtbaar voor de mentor, de coördinator en de zorgrollen.";

    public async Task<Result<PlanversieWeergave>> HandleAsync(Guid versieId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var leerlingId = await db.PlanVersies.Where(v => v.Id == versieId).Select(v => (Guid?)v.LeerlingId).FirstOrDefaultAsync(cancellationToken);
        if (leerlingId is not { } id || await db.DossierlezerAsync(currentUser, id, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De planversie");
        }
        if (!Ondersteuningsbronnen.LeestZorg(lezer))
        {
            return new Fout(FoutSoort.GeenToegang, GeenZorg);
        }
        var versie = await Planbronnen.Versies.Leesbaar(db, lezer).FirstOrDefaultAsync(v => v.Id == versieId, cancellationToken);
        if (versie is null)
        {
            return Fout.NietGevonden("De planversie");
        }
        var plan = await db.Plannen.FirstAsync(p => p.Id == versie.PlanId, cancellationToken);
        var weergave = (await WeergavenAsync(db, plan, [versie], cancellationToken))[0];
        await audit.ReadEachAsync(db, [id], $"planversie: {Plan.Weergave(plan.Soort)} versie {versie.Nummer}", cancellationToken);
        return weergave;
    }

    /// <summary>
    /// Two versions of one plan side by side: <paramref name="links"/> defaults to the version in force (or, before one took
    /// effect, the one before the newest), <paramref name="rechts"/> to the newest.
    /// </summary>
    public async Task<Result<PlanVergelijking>> VergelijkAsync(Guid planId, int? links, int? rechts, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var plan = await db.Plannen.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null || await db.DossierlezerAsync(currentUser, plan.LeerlingId, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("Het plan");
        }
        if (!Ondersteuningsbronnen.LeestZorg(lezer))
        {
            return new Fout(FoutSoort.GeenToegang, GeenZorg);
        }
        plan.Versies = await Planbronnen.Versies.Leesbaar(db, lezer).Where(v => v.PlanId == planId).OrderBy(v => v.Nummer).ToListAsync(cancellationToken);
        if (plan.Versies.Count == 0)
        {
            return Fout.NietGevonden("Het plan");
        }
        var (linksNummer, rechtsNummer) = Kies(plan, links, rechts);
        var linksVersie = plan.Versies.FirstOrDefault(v => v.Nummer == linksNummer);
        var rechtsVersie = plan.Versies.FirstOrDefault(v => v.Nummer == rechtsNummer);
        if (linksVersie is null || rechtsVersie is null)
        {
            return Fout.NietGevonden($"Versie {(linksVersie is null ? linksNummer : rechtsNummer)}");
        }
        var weergaven = await WeergavenAsync(db, plan, [linksVersie, rechtsVersie], cancellationToken);
        var vergelijking = PlanVergelijking.Van(plan, weergaven[0], weergaven[1]);
        await audit.ReadEachAsync(db, [plan.LeerlingId],
            $"planversies vergeleken: {Plan.Weergave(plan.Soort)} versie {linksNummer} en {rechtsNummer}", cancellationToken);
        return vergelijking;
    }

    /// <summary>The versions compared by default: the one in force (else the one before the newest) against the newest.</summary>
    public static (int Links, int Rechts) Kies(Plan plan, int? links, int? rechts)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var laatste = plan.Laatste.Nummer;
        var r = rechts ?? laatste;
        var standaardLinks = plan.InWerking is { } inWerking && inWerking.Nummer != r ? inWerking.Nummer
            : plan.Versies.Where(v => v.Nummer < r).Select(v => (int?)v.Nummer).Max() ?? r;
        return (links ?? standaardLinks, r);
    }

    private static async Task<List<PlanversieWeergave>> WeergavenAsync(LeerlingzorgDbContext db, Plan plan, IReadOnlyList<PlanVersie> versies,
        CancellationToken cancellationToken)
    {
        var versieIds = versies.Select(v => v.Id).Distinct().ToList();
        var instemmingen = await db.Instemmingen.Where(i => versieIds.Contains(i.VersieId))
            .OrderBy(i => i.GevraagdOp).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var leerling = await db.Leerlingen.Where(l => l.Id == plan.LeerlingId)
            .Select(l => new
            {
                Naam = LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam),
                Klas = l.Klas == null ? null : l.Klas.Naam,
            })
            .FirstAsync(cancellationToken);
        var school = await db.Scholen.Where(s => s.Id == plan.SchoolId).Select(s => s.Naam).FirstOrDefaultAsync(cancellationToken) ?? "";
        var ouderIds = instemmingen.Where(i => i.OuderId is not null).Select(i => i.OuderId!.Value).Distinct().ToList();
        var ouders = await db.Ouders.Where(o => ouderIds.Contains(o.Id))
            .Select(o => new { o.Id, Naam = LeerlingzorgDbContext.VolledigeNaam(o.Voornaam, o.Tussenvoegsel, o.Achternaam) })
            .ToDictionaryAsync(o => o.Id, o => o.Naam, cancellationToken);
        var gebruikerIds = instemmingen.Where(i => i.VastgelegdDoor is not null).Select(i => i.VastgelegdDoor!.Value).Distinct().ToList();
        var gebruikers = await db.Users.Where(u => gebruikerIds.Contains(u.Id))
            .Select(u => new { u.Id, Naam = LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam) })
            .ToDictionaryAsync(u => u.Id, u => u.Naam, cancellationToken);
        return [.. versies.Select(v => new PlanversieWeergave(
            v.Id, plan.Id, plan.LeerlingId, leerling.Naam, leerling.Klas, school, plan.Soort, v.Nummer, v.Status, v.Inhoud, plan.NodigSinds,
            v.AangemaaktOp, v.VoorgelegdOp, v.BesluitOp, v.Ingang, v.LaatstGeevalueerd, v.Evaluatie, v.VervangenOp,
            [.. instemmingen.Where(i => i.VersieId == v.Id).Select(i => new PlanBesluit(
                i.OuderId is { } o ? ouders.GetValueOrDefault(o, "een ouder") : $"de leerling zelf ({leerling.Naam})",
                i.Status, i.GevraagdOp, i.BeslistOp, i.Wijze, i.Reden,
                i.VastgelegdDoor is { } d ? gebruikers.GetValueOrDefault(d) : null))]))];
    }
}
