using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Aanmeldingen;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Aanmeldingen;

/// <summary>Which aanmeldingen the list shows.</summary>
public enum AanmeldingFilter
{
    /// <summary>Ontvangen or in onderzoek.</summary>
    Open,
    /// <summary>Open, and due within <see cref="Aanmelding.DichtbijDagen"/> days or overdue.</summary>
    Dringend,
    Besloten,
    Alle,
}

/// <summary>One row of the list, with its deadline as of today.</summary>
public sealed record AanmeldingRegel(
    Guid Id, string Naam, DateOnly Geboortedatum, string? HuidigeSchool, DateOnly OntvangenOp, AanmeldingStatus Status,
    Aanmeldingsbesluit? Besluit, DateOnly Beslistermijn, int DagenTot, bool Verlengd, bool Dringend, bool Verlopen, bool BesluitNaTermijn, Guid? LeerlingId);

public sealed record AanmeldingPagina(IReadOnlyList<AanmeldingRegel> Regels, int Totaal);

/// <summary>An aanmelding as the detail page shows it; <see cref="Vandaag"/> is the school's day the deadlines are read on.</summary>
public sealed record AanmeldingDetail(Aanmelding Aanmelding, string? LeerlingNaam, string? VastgelegdDoor, string? BesluitDoor, DateOnly Vandaag);

/// <summary>A student to link a placed aanmelding to.</summary>
public sealed record Leerlingkeuze(Guid LeerlingId, string Naam, DateOnly Geboortedatum, string? Klas);

/// <summary>
/// The aanmeldingen (issue 12, PM 0: the zorgplicht): list, detail and every step on them. Only the roles that handle
/// intake (<see cref="Aanmelding.Behandelaars"/>) use it — a docent, mentor or parent never. Each handler checks the role first,
/// runs the Domain's rule, saves with the audit line in the same SaveChanges, and audits every read; a database that went
/// away is <see cref="Fout.Onbereikbaar"/> (the dialog keeps what was typed).
/// </summary>
public sealed class AanmeldingenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public const int MaximalePaginaGrootte = 100;

    public static readonly Fout Conflict = new(FoutSoort.Conflict,
        "Deze aanmelding is intussen door iemand anders gewijzigd. Uw invoer staat nog in het venster; sluit het en bekijk eerst de nieuwe stand.");

    public static bool MagGebruiken(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Toegang.IsMedewerker(user) && user.IsInEenVan(Aanmelding.Behandelaars);
    }

    public async Task<Result<AanmeldingPagina>> LijstAsync(AanmeldingFilter filter, string? zoek = null, int pagina = 0, int paginaGrootte = 25,
        CancellationToken cancellationToken = default)
    {
        if (!MagGebruiken(currentUser))
        {
            return Fout.GeenToegang;
        }
        var grootte = Math.Clamp(paginaGrootte, 1, MaximalePaginaGrootte);
        pagina = Math.Max(pagina, 0);
        var vandaag = Schoolkalender.Vandaag(time);
        AanmeldingPagina resultaat;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var query = Gefilterd(db.Aanmeldingen, filter, vandaag);
            if (Tekst.RegelOfNull(zoek) is { } tekst)
            {
                var patroon = "%" + tekst.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                    .Replace("_", "\\_", StringComparison.Ordinal) + "%";
                query = query.Where(a => EF.Functions.ILike(a.Voornaam + " " + (a.Tussenvoegsel == null ? "" : a.Tussenvoegsel + " ") + a.Achternaam, patroon)
                    || (a.HuidigeSchool != null && EF.Functions.ILike(a.HuidigeSchool, patroon)));
            }
            var totaal = await query.CountAsync(cancellationToken);
            // Open ones first, by deadline (six weeks, ten when extended); then the rest, newest first.
            var rijen = await query
                .OrderBy(a => a.Status == AanmeldingStatus.Ontvangen || a.Status == AanmeldingStatus.InOnderzoek ? 0 : 1)
                .ThenBy(a => a.Status == AanmeldingStatus.Ontvangen || a.Status == AanmeldingStatus.InOnderzoek
                    ? a.OntvangenOp.AddDays(a.VerlengdOp == null ? 7 * Aanmelding.BeslistermijnWeken : 7 * (Aanmelding.BeslistermijnWeken + Aanmelding.VerlengingWeken))
                    : DateOnly.MaxValue)
                .ThenByDescending(a => a.OntvangenOp).ThenBy(a => a.Id)
                .Skip(pagina * grootte).Take(grootte)
                .ToListAsync(cancellationToken);
            resultaat = new AanmeldingPagina([.. rijen.Select(a => Regel(a, vandaag))], totaal);
        }
        await audit.ReadAsync(null, $"aanmeldingen {filter}: {resultaat.Regels.Count} van {resultaat.Totaal} (pagina {pagina + 1})", cancellationToken);
        return resultaat;
    }

    /// <summary>The open aanmeldingen due within a week or overdue, for the zorgcoördinator's start page (at most <paramref name="aantal"/>).</summary>
    public async Task<Result<AanmeldingPagina>> DringendAsync(int aantal = 5, CancellationToken cancellationToken = default) =>
        await LijstAsync(AanmeldingFilter.Dringend, null, 0, aantal, cancellationToken);

    public async Task<Result<AanmeldingDetail>> DetailAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!MagGebruiken(currentUser))
        {
            return Fout.GeenToegang;
        }
        AanmeldingDetail detail;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var aanmelding = await db.Aanmeldingen.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (aanmelding is null)
            {
                return Fout.NietGevonden("De aanmelding");
            }
            var leerling = aanmelding.LeerlingId is { } leerlingId
                ? await db.Leerlingen.Where(l => l.Id == leerlingId)
                    .Select(l => LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam)).FirstOrDefaultAsync(cancellationToken)
                : null;
            var ids = new[] { aanmelding.VastgelegdDoor, aanmelding.BesluitDoor ?? Guid.Empty };
            var namen = await db.Users.Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, Naam = LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam) })
                .ToDictionaryAsync(u => u.Id, u => u.Naam, cancellationToken);
            detail = new AanmeldingDetail(aanmelding, leerling, namen.GetValueOrDefault(aanmelding.VastgelegdDoor),
                aanmelding.BesluitDoor is { } b ? namen.GetValueOrDefault(b) : null, Schoolkalender.Vandaag(time));
        }
        await audit.ReadAsync(detail.Aanmelding.LeerlingId, $"aanmelding {id} bekeken", cancellationToken);
        return detail;
    }

    public Task<Result<Guid>> RegistreerAsync(NieuweAanmelding invoer, CancellationToken cancellationToken = default) =>
        RegistreerIntern(invoer, cancellationToken).BijStoring();

    private async Task<Result<Guid>> RegistreerIntern(NieuweAanmelding invoer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!MagGebruiken(currentUser) || currentUser.Id is not { } ik || currentUser.SchoolId is not { } schoolId)
        {
            return Fout.GeenToegang;
        }
        var (aanmelding, fout) = Aanmelding.Registreer(schoolId, invoer, Schoolkalender.Vandaag(time), time.GetUtcNow(), ik);
        if (aanmelding is null)
        {
            return new Fout(FoutSoort.Ongeldig, fout!.Melding);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Aanmeldingen.Add(aanmelding);
        audit.Add(db, AuditActie.Aanmaken, null, $"aanmelding {aanmelding.Id} geregistreerd (ontvangen {aanmelding.OntvangenOp:yyyy-MM-dd})");
        await db.SaveChangesAsync(cancellationToken);
        return aanmelding.Id;
    }

    public Task<Result<Aanmelding>> VerlengAsync(Guid id, int versie, string? reden, CancellationToken cancellationToken = default) =>
        WijzigAsync(id, versie, (a, vandaag, ik) => a.Verleng(reden, vandaag, ik), "beslistermijn verlengd", cancellationToken);

    public Task<Result<Aanmelding>> IntakeAsync(Guid id, int versie, DateOnly? datum, string? door, string? notities, CancellationToken cancellationToken = default) =>
        WijzigAsync(id, versie, (a, vandaag, _) => a.LegIntakeVast(datum, door, notities, vandaag), "intake vastgelegd", cancellationToken);

    public Task<Result<Aanmelding>> OnderzoekAsync(Guid id, int versie, string? wat, string? uitkomst, CancellationToken cancellationToken = default) =>
        WijzigAsync(id, versie, (a, _, _) => a.LegOnderzoekVast(wat, uitkomst), "onderzoek vastgelegd", cancellationToken);

    public Task<Result<Aanmelding>> BeslisAsync(Guid id, int versie, Besluitinvoer besluit, CancellationToken cancellationToken = default) =>
        WijzigAsync(id, versie, (a, vandaag, ik) => a.Beslis(besluit, vandaag, ik), $"besluit: {besluit?.Besluit}", cancellationToken);

    public Task<Result<Aanmelding>> TrekInAsync(Guid id, int versie, string? reden, CancellationToken cancellationToken = default) =>
        WijzigAsync(id, versie, (a, vandaag, _) => a.TrekIn(vandaag, reden), "ingetrokken", cancellationToken);

    private Task<Result<Aanmelding>> WijzigAsync(Guid id, int versie, Func<Aanmelding, DateOnly, Guid, Aanmeldingfout?> stap, string omschrijving,
        CancellationToken cancellationToken) => WijzigIntern(id, versie, stap, omschrijving, cancellationToken).BijStoring();

    private async Task<Result<Aanmelding>> WijzigIntern(Guid id, int versie, Func<Aanmelding, DateOnly, Guid, Aanmeldingfout?> stap, string omschrijving,
        CancellationToken cancellationToken)
    {
        if (!MagGebruiken(currentUser) || currentUser.Id is not { } ik)
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var aanmelding = await db.Aanmeldingen.AsTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (aanmelding is null)
        {
            return Fout.NietGevonden("De aanmelding");
        }
        if (aanmelding.Versie != versie)
        {
            return Conflict;
        }
        if (stap(aanmelding, Schoolkalender.Vandaag(time), ik) is { } fout)
        {
            return new Fout(FoutSoort.Ongeldig, fout.Melding);
        }
        aanmelding.Versie++;
        audit.Add(db, AuditActie.Wijzigen, aanmelding.LeerlingId, $"aanmelding {id}: {omschrijving}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict;
        }
        return aanmelding;
    }

    /// <summary>The enrolled students the user sees, not yet linked to an aanmelding, whose name matches.</summary>
    public async Task<Result<IReadOnlyList<Leerlingkeuze>>> ZoekLeerlingenAsync(string? zoek, CancellationToken cancellationToken = default)
    {
        if (!MagGebruiken(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (Tekst.RegelOfNull(zoek) is not { Length: >= 2 } tekst)
        {
            return Array.Empty<Leerlingkeuze>();
        }
        var patroon = "%" + tekst.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        List<Leerlingkeuze> lijst;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var keuzes = await db.ZichtbareLeerlingen(currentUser)
                .Where(l => l.Status == LeerlingStatus.Ingeschreven && !db.Aanmeldingen.Any(a => a.LeerlingId == l.Id)
                    && EF.Functions.ILike(l.Voornaam + " " + (l.Tussenvoegsel == null ? "" : l.Tussenvoegsel + " ") + l.Achternaam, patroon))
                .OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam).Take(10)
                .Select(l => new { l.Id, l.Voornaam, l.Tussenvoegsel, l.Achternaam, l.Geboortedatum, Klas = l.Klas == null ? null : l.Klas.Naam })
                .ToListAsync(cancellationToken);
            lijst = [.. keuzes.Select(l => new Leerlingkeuze(l.Id, Naam.Volledig(l.Voornaam, l.Tussenvoegsel, l.Achternaam), l.Geboortedatum, l.Klas))];
        }
        await audit.ReadListAsync([.. lijst.Select(l => l.LeerlingId)], "zoeken: leerling bij een aanmelding", cancellationToken);
        return lijst;
    }

    public Task<Result<Aanmelding>> KoppelAsync(Guid id, int versie, Guid leerlingId, CancellationToken cancellationToken = default) =>
        KoppelIntern(id, versie, leerlingId, cancellationToken).BijStoring();

    /// <summary>
    /// Links a placed aanmelding to its student and starts his ladder (<see cref="Aanmelding.Koppel"/>); placed with an OPP, a
    /// concept OPP is started from the placement, so that its six-week term surfaces on the plans' deadline list.
    /// </summary>
    private async Task<Result<Aanmelding>> KoppelIntern(Guid id, int versie, Guid leerlingId, CancellationToken cancellationToken)
    {
        if (!MagGebruiken(currentUser) || currentUser.Id is not { } ik)
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transactie = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var aanmelding = await db.Aanmeldingen.AsTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (aanmelding is null)
        {
            return Fout.NietGevonden("De aanmelding");
        }
        if (aanmelding.Versie != versie)
        {
            return Conflict;
        }
        var leerling = await db.ZichtbareLeerlingen(currentUser).AsTracking().FirstOrDefaultAsync(l => l.Id == leerlingId, cancellationToken);
        if (leerling is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        if (await db.Aanmeldingen.AnyAsync(a => a.LeerlingId == leerlingId, cancellationToken))
        {
            return new Fout(FoutSoort.Ongeldig, "Deze leerling is al aan een andere aanmelding gekoppeld.");
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var nu = time.GetUtcNow();
        var heeftStappen = await db.PmStappen.AnyAsync(s => s.LeerlingId == leerlingId, cancellationToken);
        var (stap, fout) = aanmelding.Koppel(leerling, heeftStappen, vandaag, nu, ik);
        if (fout is not null)
        {
            return new Fout(FoutSoort.Ongeldig, fout.Melding);
        }
        if (stap is not null)
        {
            db.PmStappen.Add(stap);
        }
        if (aanmelding.Besluit == Aanmeldingsbesluit.GeplaatstMetOpp && aanmelding.Plaatsingsdatum is { } geplaatst)
        {
            var lopend = await db.Plannen.AnyAsync(p => p.LeerlingId == leerlingId && p.Soort == PlanSoort.Opp && p.BeeindigdOp == null, cancellationToken);
            if (!lopend)
            {
                var (plan, _) = Plan.Start(leerling, PlanSoort.Opp, geplaatst < vandaag ? geplaatst : vandaag, new PlanInhoud(), lopend: false, vandaag, nu, ik);
                if (plan is not null)
                {
                    db.Plannen.Add(plan);
                }
            }
        }
        aanmelding.Versie++;
        audit.Add(db, AuditActie.Wijzigen, leerling.Id, $"aanmelding {id} gekoppeld aan de leerling{(stap is null ? "" : $"; zorgladder {stap.Naar}")}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transactie.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict;
        }
        return aanmelding;
    }

    private static IQueryable<Aanmelding> Gefilterd(IQueryable<Aanmelding> aanmeldingen, AanmeldingFilter filter, DateOnly vandaag)
    {
        var open = aanmeldingen.Where(a => a.Status == AanmeldingStatus.Ontvangen || a.Status == AanmeldingStatus.InOnderzoek);
        // Due within DichtbijDagen: received on or before that day minus the term (six weeks, ten when extended).
        var zesWeken = vandaag.AddDays(Aanmelding.DichtbijDagen - 7 * Aanmelding.BeslistermijnWeken);
        var tienWeken = vandaag.AddDays(Aanmelding.DichtbijDagen - 7 * (Aanmelding.BeslistermijnWeken + Aanmelding.VerlengingWeken));
        return filter switch
        {
            AanmeldingFilter.Open => open,
            AanmeldingFilter.Dringend => open.Where(a => (a.VerlengdOp == null && a.OntvangenOp <= zesWeken) || (a.VerlengdOp != null && a.OntvangenOp <= tienWeken)),
            AanmeldingFilter.Besloten => aanmeldingen.Where(a => a.Status == AanmeldingStatus.Besloten),
            _ => aanmeldingen,
        };
    }

    private static AanmeldingRegel Regel(Aanmelding a, DateOnly vandaag) => new(
        a.Id, Naam.Sorteer(a.Voornaam, a.Tussenvoegsel, a.Achternaam), a.Geboortedatum, a.HuidigeSchool, a.OntvangenOp, a.Status, a.Besluit,
        a.Beslistermijn, a.DagenTot(vandaag), a.IsVerlengd, a.IsDringend(vandaag), a.IsTermijnVerlopen(vandaag), a.IsBesluitNaTermijn, a.LeerlingId);
}
