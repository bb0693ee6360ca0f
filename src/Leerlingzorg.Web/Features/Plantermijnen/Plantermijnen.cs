using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features.Zorgoverzicht;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Plantermijnen;

/// <summary>The three deadline lists of <c>/zorg/plannen</c> (issue 11).</summary>
public enum TermijnLijst
{
    /// <summary>An OPP not yet in force, due within six weeks of <see cref="Plan.NodigSinds"/>: due soon or overdue.</summary>
    Vaststellen,
    /// <summary>The version in force is due for its (at least yearly) evaluation, soon or overdue.</summary>
    Evalueren,
    /// <summary>The handelingsdeel is with the parents for more than two weeks.</summary>
    Instemming,
}

/// <summary>A plan on a list, as the query yields it: the deadline as a date (<see cref="Datum"/>) or, for a request, the moment it was sent.</summary>
/// <remarks>With init properties (not a positional record), so that EF orders and pages on its members after the projection.</remarks>
public sealed record PlanTermijnRij
{
    public Guid PlanId { get; init; }
    public Guid LeerlingId { get; init; }
    public PlanSoort Soort { get; init; }
    public int Versie { get; init; }
    public DateOnly? Datum { get; init; }
    public DateTimeOffset? VoorgelegdOp { get; init; }
}

/// <summary>One row of a list.</summary>
public sealed record TermijnRegel(Guid PlanId, Guid LeerlingId, string Naam, string? Klas, PlanSoort Soort, int Versie, DateOnly Uiterlijk, bool Verlopen);

public sealed record TermijnPagina(IReadOnlyList<TermijnRegel> Regels, int Totaal);

public sealed record TermijnTelling(int Vaststellen, int Evalueren, int Instemming);

/// <summary>
/// The deadline lists as queries, by the same definitions as <see cref="Plan.Termijnen"/> (a test holds them to it): a plan
/// is on a list when that deadline is on or before <c>uiterlijk</c>. Written so that EF translates them to SQL, and so
/// that LINQ to objects runs them too.
/// </summary>
public static class Termijnregels
{
    private static readonly PlanStatus[] InWerking = [PlanStatus.Ingestemd, PlanStatus.InUitvoering, PlanStatus.Geevalueerd];

    /// <summary><see cref="Plantermijnen.VaststellenUiterlijk"/> ≤ <paramref name="uiterlijk"/>; <see cref="PlanTermijnRij.Datum"/> is that deadline.</summary>
    public static IQueryable<PlanTermijnRij> Vaststellen(IQueryable<Plan> plannen, DateOnly uiterlijk)
    {
        ArgumentNullException.ThrowIfNull(plannen);
        var nodigUiterlijk = uiterlijk.AddDays(-Plan.VaststellenBinnenDagen);
        return plannen
            .Where(p => p.Soort == PlanSoort.Opp && p.BeeindigdOp == null && p.NodigSinds <= nodigUiterlijk
                && !p.Versies.Any(v => InWerking.Contains(v.Status) || v.Status == PlanStatus.Vervangen))
            .Select(p => new PlanTermijnRij { PlanId = p.Id, LeerlingId = p.LeerlingId, Soort = p.Soort, Versie = p.Versies.Max(v => v.Nummer), Datum = p.NodigSinds });
    }

    /// <summary><see cref="Plantermijnen.EvaluerenUiterlijk"/> ≤ <paramref name="uiterlijk"/>; <see cref="PlanTermijnRij.Datum"/> is that deadline.</summary>
    public static IQueryable<PlanTermijnRij> Evalueren(IQueryable<Plan> plannen, DateOnly uiterlijk, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(plannen);
        return from p in plannen
               where p.BeeindigdOp == null
               from v in p.Versies
               where InWerking.Contains(v.Status) && !p.Versies.Any(w => InWerking.Contains(w.Status) && w.Nummer > v.Nummer)
               let basis = v.LaatstGeevalueerd ?? v.Ingang
               let termijn = v.EvaluatieGepland != null && (v.LaatstGeevalueerd == null || v.EvaluatieGepland > v.LaatstGeevalueerd)
                   && (basis == null || v.EvaluatieGepland < basis.Value.AddYears(1))
                   ? v.EvaluatieGepland
                   : (basis ?? vandaag).AddYears(1)
               where termijn <= uiterlijk
               select new PlanTermijnRij { PlanId = p.Id, LeerlingId = p.LeerlingId, Soort = p.Soort, Versie = v.Nummer, Datum = termijn };
    }

    /// <summary>
    /// <see cref="Plantermijnen.InstemmingOpenTot"/> ≤ <paramref name="uiterlijk"/>: the request was sent before the start of the
    /// day <see cref="Plan.InstemmingOpenDagen"/> − 1 days before it (the date is the school's, <see cref="Schoolkalender.DatumVan"/>).
    /// </summary>
    public static IQueryable<PlanTermijnRij> Instemming(IQueryable<Plan> plannen, DateOnly uiterlijk)
    {
        ArgumentNullException.ThrowIfNull(plannen);
        var voor = Schoolkalender.BeginVan(uiterlijk.AddDays(1 - Plan.InstemmingOpenDagen)).ToUniversalTime();
        return from p in plannen
               where p.BeeindigdOp == null
               from v in p.Versies
               where v.Status == PlanStatus.TerInstemming && v.VoorgelegdOp != null && v.VoorgelegdOp < voor
               select new PlanTermijnRij { PlanId = p.Id, LeerlingId = p.LeerlingId, Soort = p.Soort, Versie = v.Nummer, VoorgelegdOp = v.VoorgelegdOp };
    }

    /// <summary>The deadline of a row as a date.</summary>
    public static DateOnly Uiterlijk(TermijnLijst lijst, PlanTermijnRij rij)
    {
        ArgumentNullException.ThrowIfNull(rij);
        return lijst switch
        {
            TermijnLijst.Vaststellen => rij.Datum!.Value.AddDays(Plan.VaststellenBinnenDagen),
            TermijnLijst.Instemming => Schoolkalender.DatumVan(rij.VoorgelegdOp!.Value).AddDays(Plan.InstemmingOpenDagen),
            _ => rij.Datum!.Value,
        };
    }
}

/// <summary>
/// The deadlines of the plans (<c>/zorg/plannen</c>): OPPs to adopt within six weeks, versions due for their yearly
/// evaluation, requests with the parents for more than two weeks. Server-paged; every student shown is a read in the audit
/// log. Who sees it is the zorgoverzicht's rule (<see cref="ZorgoverzichtHandler.MagGebruiken"/>): the care roles every
/// student, a leerjaar- or afdelingscoördinator the students he coordinates.
/// </summary>
public sealed class PlantermijnenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    /// <summary>Days ahead a deadline to adopt or evaluate surfaces.</summary>
    public const int VooruitDagen = 14;
    public const int MaximalePaginaGrootte = 100;

    public static bool MagGebruiken(CurrentUser user) => ZorgoverzichtHandler.MagGebruiken(user);

    public async Task<Result<TermijnTelling>> TellingAsync(CancellationToken cancellationToken = default)
    {
        if (!MagGebruiken(currentUser))
        {
            return Fout.GeenToegang;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        TermijnTelling telling;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var plannen = Plannen(db);
            telling = new TermijnTelling(
                await Termijnregels.Vaststellen(plannen, vandaag.AddDays(VooruitDagen)).CountAsync(cancellationToken),
                await Termijnregels.Evalueren(plannen, vandaag.AddDays(VooruitDagen), vandaag).CountAsync(cancellationToken),
                await Termijnregels.Instemming(plannen, vandaag.AddDays(-1)).CountAsync(cancellationToken));
        }
        await audit.ReadAsync(null, "plantermijnen: aantallen", cancellationToken);
        return telling;
    }

    public async Task<Result<TermijnPagina>> HandleAsync(TermijnLijst lijst, int pagina = 0, int paginaGrootte = 25, CancellationToken cancellationToken = default)
    {
        if (!MagGebruiken(currentUser))
        {
            return Fout.GeenToegang;
        }
        var grootte = Math.Clamp(paginaGrootte, 1, MaximalePaginaGrootte);
        pagina = Math.Max(pagina, 0);
        var vandaag = Schoolkalender.Vandaag(time);
        TermijnPagina resultaat;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var plannen = Plannen(db);
            var rijen = lijst switch
            {
                TermijnLijst.Vaststellen => Termijnregels.Vaststellen(plannen, vandaag.AddDays(VooruitDagen))
                    .OrderBy(r => r.Datum).ThenBy(r => r.PlanId),
                TermijnLijst.Evalueren => Termijnregels.Evalueren(plannen, vandaag.AddDays(VooruitDagen), vandaag)
                    .OrderBy(r => r.Datum).ThenBy(r => r.PlanId),
                _ => Termijnregels.Instemming(plannen, vandaag.AddDays(-1))
                    .OrderBy(r => r.VoorgelegdOp).ThenBy(r => r.PlanId),
            };
            var totaal = await rijen.CountAsync(cancellationToken);
            var lijstRijen = await rijen.Skip(pagina * grootte).Take(grootte).ToListAsync(cancellationToken);
            var leerlingIds = lijstRijen.Select(r => r.LeerlingId).Distinct().ToList();
            var namen = await db.Leerlingen.Where(l => leerlingIds.Contains(l.Id))
                .Select(l => new
                {
                    l.Id,
                    Naam = LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam),
                    Klas = l.Klas == null ? null : l.Klas.Naam,
                })
                .ToDictionaryAsync(l => l.Id, cancellationToken);
            resultaat = new TermijnPagina(
                [.. lijstRijen.Select(r =>
                {
                    var uiterlijk = Termijnregels.Uiterlijk(lijst, r);
                    var leerling = namen.GetValueOrDefault(r.LeerlingId);
                    return new TermijnRegel(r.PlanId, r.LeerlingId, leerling?.Naam ?? "", leerling?.Klas, r.Soort, r.Versie, uiterlijk, uiterlijk < vandaag);
                })],
                totaal);
        }
        await audit.ReadListAsync([.. resultaat.Regels.Select(r => r.LeerlingId).Distinct()],
            $"plantermijnen {lijst}: {resultaat.Regels.Count} van {resultaat.Totaal} (pagina {pagina + 1})", cancellationToken);
        return resultaat;
    }

    /// <summary>The plans of the enrolled students whose Zorg level the user reads (the zorgoverzicht's rule).</summary>
    private IQueryable<Plan> Plannen(LeerlingzorgDbContext db)
    {
        var ingeschreven = db.Leerlingen.Where(l => l.Status == LeerlingStatus.Ingeschreven);
        if (!currentUser.IsInEenVan(Rollen.Zorgrollen))
        {
            var id = currentUser.Id ?? Guid.Empty;
            ingeschreven = ingeschreven.Where(l => l.Klas != null && db.Coordinatoren.Any(c => c.MedewerkerId == id
                && (c.Leerjaar == null || c.Leerjaar == l.Klas.Leerjaar)
                && (c.AfdelingId == null || c.AfdelingId == l.Klas.AfdelingId)));
        }
        return db.Plannen.Where(p => ingeschreven.Any(l => l.Id == p.LeerlingId));
    }
}
