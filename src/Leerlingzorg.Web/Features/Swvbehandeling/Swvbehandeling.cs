using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Swvbehandeling;

/// <summary>Which applications the SWV's list shows.</summary>
public enum Aanvraagfilter
{
    Open,
    Besloten,
    Alle,
}

/// <summary>One application in the SWV's lists: what the school sent, never more (ADR 0010).</summary>
public sealed record SwvRegel(
    Guid Id, Aanvraagsoort Soort, Aanvraagstatus Status, string School, string Leerling, DateTimeOffset IngediendOp,
    decimal? Gevraagd, Besluituitkomst? Uitkomst, decimal? Toegekend, string? Waarom);

public sealed record SwvPagina(IReadOnlyList<SwvRegel> Regels, int Totaal);

/// <summary>A deadline on the SWV's start page: a CTO meeting, an evaluation, an application waiting to be taken up.</summary>
public sealed record SwvTermijn(Guid AanvraagId, Guid? LeerlingId, DateOnly Datum, string Wat, string Leerling, string School, bool Verlopen);

/// <summary>The budget of one school in a schooljaar: what was granted to it and spent.</summary>
public sealed record SchoolBudget(string School, int Aanvragen, decimal Toegekend, decimal Besteed);

/// <summary>The start page of SWV staff: applications to handle, what waits for this user, deadlines and the year's budget.</summary>
public sealed record SwvStart(
    string Naam, DateOnly Vandaag, int Nieuw, int InBehandeling, int CtoGepland, IReadOnlyList<SwvRegel> VoorMij, string VoorMijUitleg,
    IReadOnlyList<SwvTermijn> Termijnen, Budgetstand Budget, IReadOnlyList<SchoolBudget> PerSchool, bool MagBudgetVaststellen,
    IReadOnlyList<(Guid Id, string Naam)> Scholen);

/// <summary>What the detail page shows and which actions the user may take on it now.</summary>
public sealed record SwvDetail(
    Swvaanvraag Aanvraag, string School, DateOnly Vandaag, IReadOnlyList<Beoordeling> Beoordelingen, IReadOnlyList<Besteding> Bestedingen,
    Budgetstand Budget, bool MagInBehandelingNemen, Beoordelaarsrol? BeoordeeltAls, bool MagBeslissen, bool MagCto, bool MagBesteden,
    IReadOnlyList<Groepslid> Groepsleden)
{
    public decimal Besteed => Bestedingen.Sum(b => b.Bedrag);
}

/// <summary>
/// The samenwerkingsverband's handling of what schools sent (issue 12): the start page, the list, one application, and
/// each step on it — taking it up, an assessment, the manager's decision within the budget, the CTO meeting and its
/// advice, spending, the yearly budget. Only SWV staff use it: a school's user or a parent never (checked first, in every
/// method; an SWV-bound context reads no school row at all). The Domain (<see cref="Swvaanvraag"/>) holds the rules; each
/// write is audited in its own SaveChanges, each read audited with the students it showed; a database that went away is
/// <see cref="Fout.Onbereikbaar"/>, and the form keeps what was typed.
/// </summary>
public sealed class SwvbehandelingHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public const int MaximalePaginaGrootte = 100;
    public const int AantalVoorMij = 8;
    public const int AantalTermijnen = 10;
    /// <summary>An application not taken up after this many days surfaces as a deadline.</summary>
    public const int WachtDagen = 14;
    /// <summary>CTO meetings and evaluations this many days ahead surface.</summary>
    public const int VooruitDagen = 42;

    public static readonly Fout Conflict = new(FoutSoort.Conflict,
        "Deze aanvraag is intussen door iemand anders gewijzigd. Uw invoer staat nog in het formulier; bekijk eerst de nieuwe stand.");

    private static readonly Fout GeenSwv = new(FoutSoort.GeenToegang, "Alleen medewerkers van het samenwerkingsverband behandelen aanvragen.");

    public static bool MagGebruiken(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.SchoolId is null && user.SamenwerkingsverbandId is not null && user.IsInEenVan(Rollen.SwvRollen);
    }

    /// <summary>The assessor role of this user on this kind of application: the SWV orthopedagoog assesses as deskundige, the manager an arrangement.</summary>
    public static Beoordelaarsrol? Beoordelaar(CurrentUser user, Swvaanvraag aanvraag)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(aanvraag);
        if (user.IsInRol(Rollen.SwvOrthopedagoog) && aanvraag.Beoordelaarsrollen.Contains(Beoordelaarsrol.Orthopedagoog))
        {
            return Beoordelaarsrol.Orthopedagoog;
        }
        return user.IsInRol(Rollen.SwvManager) && aanvraag.IsArrangement ? Beoordelaarsrol.Manager : null;
    }

    public async Task<Result<SwvStart>> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!MagGebruiken(currentUser) || currentUser.Id is not { } ik)
        {
            return GeenSwv;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var nu = time.GetUtcNow();
        SwvStart start;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var naam = await db.Samenwerkingsverbanden.Where(w => w.Id == currentUser.SamenwerkingsverbandId).Select(w => w.Naam).FirstAsync(cancellationToken);
            var scholen = await SchoolnamenAsync(db, cancellationToken);
            var telling = await db.Swvaanvragen.Where(a => a.Status == Aanvraagstatus.Ingediend || a.Status == Aanvraagstatus.InBehandeling)
                .GroupBy(a => new { a.Status, Gepland = a.GeplandOp != null })
                .Select(g => new { g.Key.Status, g.Key.Gepland, Aantal = g.Count() }).ToListAsync(cancellationToken);

            var (voorMij, uitleg) = await VoorMijAsync(db, ik, cancellationToken);
            var termijnen = await TermijnenAsync(db, vandaag, nu, scholen, cancellationToken);
            var (budget, perSchool) = await BudgetAsync(db, Schooljaar.Op(vandaag), scholen, cancellationToken);
            start = new SwvStart(naam, vandaag,
                telling.Where(t => t.Status == Aanvraagstatus.Ingediend).Sum(t => t.Aantal),
                telling.Where(t => t.Status == Aanvraagstatus.InBehandeling).Sum(t => t.Aantal),
                telling.Where(t => t.Gepland).Sum(t => t.Aantal),
                [.. voorMij.Select(r => Regel(r, scholen))], uitleg,
                termijnen, budget, perSchool,
                currentUser.IsInRol(Rollen.SwvManager),
                [.. scholen.OrderBy(s => s.Value, StringComparer.Create(Nl, true)).Select(s => (s.Key, s.Value))]);
            var getoond = voorMij.Select(a => a.LeerlingId).Concat(termijnen.Select(t => t.LeerlingId)).OfType<Guid>().ToList();
            await AuditLeesAsync(db, getoond, $"startpagina samenwerkingsverband: {voorMij.Count} aanvragen voor mij, {termijnen.Count} termijnen", cancellationToken);
        }
        return start;
    }

    public async Task<Result<SwvPagina>> LijstAsync(Aanvraagfilter filter, Aanvraagsoort? soort, Guid? schoolId, int pagina = 0, int paginaGrootte = 25,
        CancellationToken cancellationToken = default)
    {
        if (!MagGebruiken(currentUser))
        {
            return GeenSwv;
        }
        var grootte = Math.Clamp(paginaGrootte, 1, MaximalePaginaGrootte);
        pagina = Math.Max(pagina, 0);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Swvaanvragen.AsQueryable();
        query = filter switch
        {
            Aanvraagfilter.Open => query.Where(a => a.Status == Aanvraagstatus.Ingediend || a.Status == Aanvraagstatus.InBehandeling),
            Aanvraagfilter.Besloten => query.Where(a => a.Status == Aanvraagstatus.Besloten),
            _ => query,
        };
        if (soort is { } s)
        {
            query = query.Where(a => a.Soort == s);
        }
        if (schoolId is { } school)
        {
            query = query.Where(a => a.SchoolId == school);
        }
        var totaal = await query.CountAsync(cancellationToken);
        var rijen = await query.OrderByDescending(a => a.IngediendOp).ThenBy(a => a.Id)
            .Skip(pagina * grootte).Take(grootte).ToListAsync(cancellationToken);
        var scholen = await SchoolnamenAsync(db, cancellationToken);
        await AuditLeesAsync(db, [.. rijen.Select(a => a.LeerlingId).OfType<Guid>()],
            $"aanvragen samenwerkingsverband {filter}: {rijen.Count} van {totaal} (pagina {pagina + 1})", cancellationToken);
        return new SwvPagina([.. rijen.Select(a => Regel(a, scholen))], totaal);
    }

    public async Task<Result<SwvDetail>> DetailAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!MagGebruiken(currentUser) || currentUser.Id is not { } ik)
        {
            return GeenSwv;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var aanvraag = await db.Swvaanvragen.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (aanvraag is null)
        {
            return Fout.NietGevonden("De aanvraag");
        }
        var beoordelingen = await db.Beoordelingen.Where(b => b.AanvraagId == id).OrderBy(b => b.Op).ToListAsync(cancellationToken);
        var bestedingen = await db.Bestedingen.Where(b => b.AanvraagId == id).OrderBy(b => b.Datum).ThenBy(b => b.Op).ToListAsync(cancellationToken);
        var groepsleden = aanvraag.Groepsgrootte is null ? []
            : await db.Groepsleden.Where(g => g.AanvraagId == id).OrderBy(g => g.Id).ToListAsync(cancellationToken);
        var school = await db.Scholen.Where(s => s.Id == aanvraag.SchoolId).Select(s => s.Naam).FirstOrDefaultAsync(cancellationToken) ?? "";
        var (budget, _) = await BudgetAsync(db, Schooljaar.Op(aanvraag.Gevraagd?.Van ?? vandaag), new Dictionary<Guid, string>(), cancellationToken);
        var rol = Beoordelaar(currentUser, aanvraag);
        var detail = new SwvDetail(aanvraag, school, vandaag, beoordelingen, bestedingen, budget,
            aanvraag.Status == Aanvraagstatus.Ingediend,
            aanvraag.IsOpen && rol is not null && beoordelingen.All(b => b.DoorId != ik) && !aanvraag.IsBeoordeeld(beoordelingen) ? rol : null,
            aanvraag.IsOpen && aanvraag.Soort != Aanvraagsoort.CtoAdvies && currentUser.IsInRol(Rollen.SwvManager),
            aanvraag.IsOpen && aanvraag.Soort == Aanvraagsoort.CtoAdvies,
            aanvraag.IsArrangement && aanvraag.ToegekendBedrag is not null && MagBesteden(currentUser),
            [.. groepsleden.OrderBy(g => g.Leerling.Naam, StringComparer.Create(Nl, true))]);
        await AuditLeesAsync(db, aanvraag.LeerlingId is { } l ? [l] : [.. groepsleden.Select(g => g.LeerlingId)], $"aanvraag samenwerkingsverband {id} bekeken", cancellationToken);
        return detail;
    }

    public Task<Result<Swvaanvraag>> NeemInBehandelingAsync(Guid id, int versie, CancellationToken cancellationToken = default) =>
        WijzigAsync(id, versie, (a, _, _) => Task.FromResult(a.NeemInBehandeling()), "in behandeling genomen", cancellationToken);

    public Task<Result<Swvaanvraag>> BeoordeelAsync(Guid id, int versie, bool positief, string? toelichting, CancellationToken cancellationToken = default) =>
        WijzigAsync(id, versie, async (a, db, ik) =>
        {
            if (Beoordelaar(currentUser, a) is not { } rol)
            {
                return a.Soort == Aanvraagsoort.Tlv
                    ? "Een TLV wordt beoordeeld door twee deskundigen van het samenwerkingsverband, niet door de manager."
                    : "Alleen de orthopedagoog of psycholoog en de manager van het samenwerkingsverband beoordelen een arrangement.";
            }
            var bestaande = await db.Beoordelingen.Where(b => b.AanvraagId == a.Id).ToListAsync(cancellationToken);
            var (beoordeling, fout) = a.Beoordeel(bestaande, rol, ik, Ondertekening(), positief, Tekst.VrijOfNull(toelichting), time.GetUtcNow());
            if (beoordeling is not null)
            {
                db.Beoordelingen.Add(beoordeling);
            }
            return fout;
        }, $"beoordeeld ({(positief ? "positief" : "negatief")})", cancellationToken);

    public Task<Result<Swvaanvraag>> BeslisAsync(Guid id, int versie, Besluit besluit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(besluit);
        return WijzigAsync(id, versie, async (a, db, ik) =>
        {
            if (!currentUser.IsInRol(Rollen.SwvManager))
            {
                return "Alleen de manager van het samenwerkingsverband neemt het besluit.";
            }
            var schoon = besluit with { Toelichting = Tekst.VrijOfNull(besluit.Toelichting) };
            var jaar = Swvaanvraag.BudgetjaarVan(schoon, Schoolkalender.Vandaag(time));
            var beoordelingen = await db.Beoordelingen.Where(b => b.AanvraagId == a.Id).ToListAsync(cancellationToken);
            // The year's budget row is tracked and its version raised with a grant: two grants at the same moment cannot
            // both spend what is left (the second one is a conflict).
            var budget = await db.Swvbudgetten.AsTracking().FirstOrDefaultAsync(b => b.Schooljaar == jaar, cancellationToken);
            var (begin, einde) = (jaar.Begin, jaar.Einde);
            var toegekend = await db.Swvaanvragen.Where(x => x.ToegekendBedrag != null && x.ToegekendVan >= begin && x.ToegekendVan <= einde)
                .SumAsync(x => x.ToegekendBedrag ?? 0, cancellationToken);
            var fout = a.Beslis(beoordelingen, schoon, ik, Ondertekening(), new Budgetstand(jaar, budget?.Bedrag, toegekend, 0), time.GetUtcNow());
            if (fout is null && a.ToegekendBedrag is not null && budget is not null)
            {
                budget.Versie++;
            }
            return fout;
        }, $"besluit: {besluit.Uitkomst}", cancellationToken);
    }

    public Task<Result<Swvaanvraag>> PlanCtoAsync(Guid id, int versie, DateTimeOffset op, CancellationToken cancellationToken = default) =>
        WijzigAsync(id, versie, (a, _, _) => Task.FromResult(a.PlanCto(op.ToUniversalTime(), time.GetUtcNow())), "CTO-overleg gepland", cancellationToken);

    public Task<Result<Swvaanvraag>> AdviesAsync(Guid id, int versie, string? advies, CancellationToken cancellationToken = default) =>
        WijzigAsync(id, versie, (a, _, _) => Task.FromResult(a.LegAdviesVast(Tekst.VrijOfNull(advies), Ondertekening(), time.GetUtcNow())),
            "CTO-advies vastgelegd", cancellationToken);

    public Task<Result<Swvaanvraag>> BesteedAsync(Guid id, int versie, decimal bedrag, DateOnly datum, string? omschrijving,
        CancellationToken cancellationToken = default) =>
        WijzigAsync(id, versie, async (a, db, ik) =>
        {
            if (!MagBesteden(currentUser))
            {
                return "Alleen de medewerker en de manager van het samenwerkingsverband leggen bestedingen vast.";
            }
            var alBesteed = await db.Bestedingen.Where(b => b.AanvraagId == a.Id).SumAsync(b => b.Bedrag, cancellationToken);
            var (besteding, fout) = a.Besteed(bedrag, datum, Tekst.VrijOfNull(omschrijving), alBesteed, ik, time.GetUtcNow());
            if (besteding is not null)
            {
                db.Bestedingen.Add(besteding);
                a.Versie++;
            }
            return fout;
        }, "besteding vastgelegd", cancellationToken);

    /// <summary>The manager sets the budget of a schooljaar; never below what was already granted that year.</summary>
    public Task<Result<Budgetstand>> BudgetVaststellenAsync(Schooljaar jaar, decimal bedrag, CancellationToken cancellationToken = default) =>
        BudgetIntern(jaar, bedrag, cancellationToken).BijStoring();

    private async Task<Result<Budgetstand>> BudgetIntern(Schooljaar jaar, decimal bedrag, CancellationToken cancellationToken)
    {
        if (!MagGebruiken(currentUser) || currentUser.SamenwerkingsverbandId is not { } swvId)
        {
            return GeenSwv;
        }
        if (!currentUser.IsInRol(Rollen.SwvManager))
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de manager van het samenwerkingsverband stelt het budget vast.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (stand, _) = await BudgetAsync(db, jaar, new Dictionary<Guid, string>(), cancellationToken);
        var budget = await db.Swvbudgetten.AsTracking().FirstOrDefaultAsync(b => b.Schooljaar == jaar, cancellationToken);
        if (budget is null)
        {
            budget = new Swvbudget { SwvId = swvId, Schooljaar = jaar };
            db.Swvbudgetten.Add(budget);
        }
        if (budget.StelVast(bedrag, stand.Toegekend) is { } fout)
        {
            return new Fout(FoutSoort.Ongeldig, fout);
        }
        audit.Add(db, AuditActie.Wijzigen, null, $"budget samenwerkingsverband {jaar} vastgesteld");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            return new Fout(FoutSoort.Conflict, "Het budget is intussen door iemand anders vastgesteld; bekijk eerst de nieuwe stand.");
        }
        return stand with { Budget = budget.Bedrag };
    }

    private static bool MagBesteden(CurrentUser user) => user.IsInEenVan([Rollen.SwvMedewerker, Rollen.SwvManager]);

    private string Ondertekening()
    {
        var rol = Rollen.SwvRollen.FirstOrDefault(currentUser.IsInRol);
        return rol is null ? currentUser.Naam : $"{currentUser.Naam}, {Rollen.Weergave(rol).ToLowerInvariant()}";
    }

    private Task<Result<Swvaanvraag>> WijzigAsync(Guid id, int versie, Func<Swvaanvraag, LeerlingzorgDbContext, Guid, Task<string?>> stap, string omschrijving,
        CancellationToken cancellationToken) =>
        WijzigIntern(id, versie, stap, omschrijving, cancellationToken).BijStoring();

    private async Task<Result<Swvaanvraag>> WijzigIntern(Guid id, int versie, Func<Swvaanvraag, LeerlingzorgDbContext, Guid, Task<string?>> stap, string omschrijving,
        CancellationToken cancellationToken)
    {
        if (!MagGebruiken(currentUser) || currentUser.Id is not { } ik)
        {
            return GeenSwv;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var aanvraag = await db.Swvaanvragen.AsTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (aanvraag is null)
        {
            return Fout.NietGevonden("De aanvraag");
        }
        if (aanvraag.Versie != versie)
        {
            return Conflict;
        }
        if (await stap(aanvraag, db, ik) is { } fout)
        {
            return new Fout(FoutSoort.Ongeldig, fout);
        }
        audit.Add(db, AuditActie.Wijzigen, aanvraag.LeerlingId, $"aanvraag samenwerkingsverband {id}: {omschrijving}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict;
        }
        return aanvraag;
    }

    private static async Task<(Budgetstand Stand, List<SchoolBudget> PerSchool)> BudgetAsync(LeerlingzorgDbContext db, Schooljaar jaar,
        IReadOnlyDictionary<Guid, string> scholen, CancellationToken cancellationToken)
    {
        var (begin, einde) = (jaar.Begin, jaar.Einde);
        var budget = await db.Swvbudgetten.Where(b => b.Schooljaar == jaar).Select(b => (decimal?)b.Bedrag).FirstOrDefaultAsync(cancellationToken);
        var toegekend = await db.Swvaanvragen.Where(a => a.ToegekendBedrag != null && a.ToegekendVan >= begin && a.ToegekendVan <= einde)
            .GroupBy(a => a.SchoolId).Select(g => new { SchoolId = g.Key, Aantal = g.Count(), Bedrag = g.Sum(a => a.ToegekendBedrag ?? 0) })
            .ToListAsync(cancellationToken);
        var besteed = await db.Bestedingen
            .Where(b => db.Swvaanvragen.Any(a => a.Id == b.AanvraagId && a.ToegekendVan >= begin && a.ToegekendVan <= einde))
            .GroupBy(b => b.OntvangendeSchoolId).Select(g => new { SchoolId = g.Key, Bedrag = g.Sum(b => b.Bedrag) })
            .ToListAsync(cancellationToken);
        var perSchool = toegekend.Select(t => new SchoolBudget(scholen.GetValueOrDefault(t.SchoolId, ""), t.Aantal, t.Bedrag,
            besteed.FirstOrDefault(b => b.SchoolId == t.SchoolId)?.Bedrag ?? 0)).OrderBy(p => p.School, StringComparer.Create(Nl, true)).ToList();
        return (new Budgetstand(jaar, budget, toegekend.Sum(t => t.Bedrag), besteed.Sum(b => b.Bedrag)), perSchool);
    }

    /// <summary>What waits for this user: the orthopedagoog's assessments, the manager's assessments and decisions, the medewerker's new and unplanned ones.</summary>
    private async Task<(List<Swvaanvraag> Aanvragen, string Uitleg)> VoorMijAsync(LeerlingzorgDbContext db, Guid ik, CancellationToken cancellationToken)
    {
        var open = db.Swvaanvragen.Where(a => a.Status == Aanvraagstatus.Ingediend || a.Status == Aanvraagstatus.InBehandeling);
        var deskundig = new[] { Beoordelaarsrol.Orthopedagoog, Beoordelaarsrol.Psycholoog };
        IQueryable<Swvaanvraag> query;
        string uitleg;
        if (currentUser.IsInRol(Rollen.SwvManager))
        {
            // Arrangements assessed by the deskundige (his own assessment or the decision waits), TLVs with two deskundigen.
            // Count(…) > 0, not Any(…): inside an OR PostgreSQL would hash every assessment the SWV ever made; a count is
            // asked per open application, through the (swv_id, aanvraag_id) index (docs/benchmarks.md, swvstart).
            query = open.Where(a =>
                ((a.Soort == Aanvraagsoort.Individueel || a.Soort == Aanvraagsoort.Groep)
                    && db.Beoordelingen.Count(b => b.AanvraagId == a.Id && deskundig.Contains(b.Rol)) > 0)
                || (a.Soort == Aanvraagsoort.Tlv && db.Beoordelingen.Where(b => b.AanvraagId == a.Id).Select(b => b.DoorId).Distinct().Count() >= 2));
            uitleg = "Aanvragen die de deskundige beoordeelde: uw beoordeling of uw besluit.";
        }
        else if (currentUser.IsInRol(Rollen.SwvOrthopedagoog))
        {
            query = open.Where(a =>
                ((a.Soort == Aanvraagsoort.Individueel || a.Soort == Aanvraagsoort.Groep)
                    && db.Beoordelingen.Count(b => b.AanvraagId == a.Id && deskundig.Contains(b.Rol)) == 0)
                || (a.Soort == Aanvraagsoort.Tlv && db.Beoordelingen.Count(b => b.AanvraagId == a.Id) < 2
                    && db.Beoordelingen.Count(b => b.AanvraagId == a.Id && b.DoorId == ik) == 0));
            uitleg = "Arrangementen en TLV's die op uw beoordeling als deskundige wachten.";
        }
        else
        {
            query = open.Where(a => a.Status == Aanvraagstatus.Ingediend || (a.Soort == Aanvraagsoort.CtoAdvies && a.GeplandOp == null));
            uitleg = "Nieuwe aanvragen om in behandeling te nemen en CTO-aanvragen om te plannen.";
        }
        var lijst = await query.OrderBy(a => a.IngediendOp).ThenBy(a => a.Id).Take(AantalVoorMij).ToListAsync(cancellationToken);
        return (lijst, uitleg);
    }

    private static async Task<List<SwvTermijn>> TermijnenAsync(LeerlingzorgDbContext db, DateOnly vandaag, DateTimeOffset nu,
        IReadOnlyDictionary<Guid, string> scholen, CancellationToken cancellationToken)
    {
        var tot = vandaag.AddDays(VooruitDagen);
        var wachtSinds = nu.AddDays(-WachtDagen);
        var cto = await db.Swvaanvragen
            .Where(a => a.Status == Aanvraagstatus.InBehandeling && a.GeplandOp != null && a.GeplandOp >= nu && a.GeplandOp <= nu.AddDays(VooruitDagen))
            .OrderBy(a => a.GeplandOp).Take(AantalTermijnen)
            .Select(a => new { a.Id, a.LeerlingId, a.GeplandOp, a.Leerling, a.Groepsgrootte, a.SchoolId }).ToListAsync(cancellationToken);
        var evaluaties = await db.Swvaanvragen
            .Where(a => a.Status == Aanvraagstatus.Besloten && a.EvaluatieOp != null && a.EvaluatieOp <= tot && a.ToegekendTot >= vandaag)
            .OrderBy(a => a.EvaluatieOp).Take(AantalTermijnen)
            .Select(a => new { a.Id, a.LeerlingId, a.EvaluatieOp, a.Leerling, a.Groepsgrootte, a.SchoolId }).ToListAsync(cancellationToken);
        var wachtend = await db.Swvaanvragen.Where(a => a.Status == Aanvraagstatus.Ingediend && a.IngediendOp <= wachtSinds)
            .OrderBy(a => a.IngediendOp).Take(AantalTermijnen)
            .Select(a => new { a.Id, a.LeerlingId, a.IngediendOp, a.Leerling, a.Groepsgrootte, a.SchoolId, a.Soort }).ToListAsync(cancellationToken);
        return
        [
            .. cto.Select(a => new SwvTermijn(a.Id, a.LeerlingId, Schoolkalender.DatumVan(a.GeplandOp!.Value),
                $"CTO-overleg om {Schoolkalender.Tijd(a.GeplandOp.Value)}", Wie(a.Leerling, a.Groepsgrootte), scholen.GetValueOrDefault(a.SchoolId, ""), false)),
            .. evaluaties.Select(a => new SwvTermijn(a.Id, a.LeerlingId, a.EvaluatieOp!.Value, "Evaluatie van het arrangement", Wie(a.Leerling, a.Groepsgrootte),
                scholen.GetValueOrDefault(a.SchoolId, ""), a.EvaluatieOp < vandaag)),
            .. wachtend.Select(a => new SwvTermijn(a.Id, a.LeerlingId, Schoolkalender.DatumVan(a.IngediendOp),
                $"{Swvaanvraag.Weergave(a.Soort)} wacht al meer dan {WachtDagen} dagen op behandeling", Wie(a.Leerling, a.Groepsgrootte),
                scholen.GetValueOrDefault(a.SchoolId, ""), true)),
        ];
    }

    private async Task<Dictionary<Guid, string>> SchoolnamenAsync(LeerlingzorgDbContext db, CancellationToken cancellationToken) =>
        await db.Scholen.Where(s => s.SamenwerkingsverbandId == currentUser.SamenwerkingsverbandId)
            .Select(s => new { s.Id, s.Naam }).ToDictionaryAsync(s => s.Id, s => s.Naam, cancellationToken);

    /// <summary>The student's name, or for a group arrangement "Groep van 4 leerlingen".</summary>
    public static string Wie(Leerlinggegevens? leerling, int? groepsgrootte) => leerling?.Naam ?? $"Groep van {groepsgrootte} leerlingen";

    private static SwvRegel Regel(Swvaanvraag a, IReadOnlyDictionary<Guid, string> scholen) => new(
        a.Id, a.Soort, a.Status, scholen.GetValueOrDefault(a.SchoolId, ""), Wie(a.Leerling, a.Groepsgrootte), a.IngediendOp,
        a.Gevraagd?.Kosten, a.Uitkomst, a.ToegekendBedrag, a.Gevraagd?.Soort);

    private async Task AuditLeesAsync(LeerlingzorgDbContext db, List<Guid> leerlingIds, string detail, CancellationToken cancellationToken)
    {
        if (leerlingIds.Count == 0)
        {
            await audit.ReadAsync(null, detail, cancellationToken);
            return;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        await audit.ReadEachAsync(db, [.. leerlingIds.Distinct()], detail, cancellationToken);
    }

    private static readonly System.Globalization.CultureInfo Nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
}
