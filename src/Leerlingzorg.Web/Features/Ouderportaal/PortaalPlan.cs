using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Leerlingzorg.Web.Features.Ouderportaal;

/// <summary>One decision on a version as the parent sees it: "you", or the other person's function, never his name or contact data.</summary>
public sealed record PortaalBesluit(bool IsIk, OuderRelatie? Relatie, bool IsLeerling, InstemmingStatus Status, DateTimeOffset? BeslistOp, string? Reden);

public sealed record PortaalVersie(Guid Id, int Nummer, PlanStatus Status, int Revisie, PlanInhoud Inhoud, DateOnly? Ingang,
    DateTimeOffset? VoorgelegdOp, DateTimeOffset? BesluitOp, bool IsInWerking, IReadOnlyList<PortaalBesluit> Besluiten)
{
    /// <summary>The parent's own decision on this version (open, decided), if he is asked.</summary>
    public PortaalBesluit? Mijn => Besluiten.FirstOrDefault(b => b.IsIk);

    public bool WachtOpMij => Status == PlanStatus.TerInstemming && Mijn is { Status: InstemmingStatus.Open };
}

public sealed record PortaalPlan(Guid Id, PlanSoort Soort, bool IsBeeindigd, IReadOnlyList<PortaalVersie> Versies)
{
    public PortaalVersie? InWerking => Versies.Where(v => v.IsInWerking).MaxBy(v => v.Nummer);
    public PortaalVersie? TerInstemming => Versies.FirstOrDefault(v => v.Status == PlanStatus.TerInstemming);
}

public sealed record PortaalPlannen(Guid LeerlingId, string Naam, Ouderrechten Rechten, Instemmingsbeleid Beleid, IReadOnlyList<PortaalPlan> Plannen)
{
    public bool MagBeslissen => Rechten.MagBeslissen;
}

/// <summary>
/// The child's plans as the parent reads them in the portal. An ouder with gezag sees every version that left the school
/// (never a concept) with the decisions on it; an ouder without gezag sees the version in force only (BW 1:377c: he is
/// informed) and decides nothing. Audited.
/// </summary>
public sealed class PortaalPlanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<PortaalPlannen>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Ouderkinderen.IsOuder(currentUser))
        {
            return Fout.GeenToegang;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        PortaalPlannen plannen;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.OuderkindAsync(currentUser, leerlingId, vandaag, cancellationToken) is not { } kind)
            {
                return Fout.NietGevonden("Het kind");
            }
            var beleid = await db.Scholen.Where(s => s.Id == kind.Leerling.SchoolId).Select(s => s.OppInstemming).FirstAsync(cancellationToken);
            var rijen = await db.Plannen.AsNoTracking().Include(p => p.Versies)
                .Where(p => p.LeerlingId == leerlingId).OrderBy(p => p.Soort).ThenBy(p => p.AangemaaktOp)
                .ToListAsync(cancellationToken);
            var versieIds = rijen.SelectMany(p => p.Versies).Select(v => v.Id).ToList();
            var instemmingen = await db.Instemmingen.AsNoTracking().Where(i => versieIds.Contains(i.VersieId))
                .OrderBy(i => i.GevraagdOp).ToListAsync(cancellationToken);
            var relaties = kind.Leerling.Ouders.ToDictionary(o => o.OuderId, o => o.Relatie);
            var mijn = kind.OuderIds.ToHashSet();
            plannen = new PortaalPlannen(leerlingId, kind.Leerling.VolledigeNaam, kind.Rechten, beleid, [.. rijen.Select(p => new PortaalPlan(p.Id, p.Soort, p.IsBeeindigd,
                [.. p.Versies
                    .Where(v => kind.Rechten.MagBeslissen ? v.Status != PlanStatus.Concept : v.IsInWerking)
                    .OrderByDescending(v => v.Nummer)
                    .Select(v => new PortaalVersie(v.Id, v.Nummer, v.Status, v.Revisie, v.Inhoud, v.Ingang, v.VoorgelegdOp, v.BesluitOp, v.IsInWerking,
                        kind.Rechten.MagBeslissen
                            ? [.. instemmingen.Where(i => i.VersieId == v.Id && (i.Status != InstemmingStatus.Vervallen || i.OuderId is { } o && mijn.Contains(o)))
                                .Select(i => Besluit(i, mijn, relaties))]
                            : []))]))
                .Where(p => p.Versies.Count > 0)]);
        }
        await audit.ReadAsync(leerlingId, "ouderportaal: plan gelezen", cancellationToken);
        return plannen;
    }

    private static PortaalBesluit Besluit(Instemming i, HashSet<Guid> mijn, Dictionary<Guid, OuderRelatie> relaties)
    {
        var isIk = i.OuderId is { } o && mijn.Contains(o);
        OuderRelatie? relatie = i.OuderId is { } id && relaties.TryGetValue(id, out var r) ? r : null;
        // The other parent's reason stays with the school: separated parents read only whether and when he decided.
        return new PortaalBesluit(isIk, relatie, i.OuderId is null, i.Status, i.BeslistOp, isIk ? i.Reden : null);
    }
}

public sealed record BeslisInvoer(Guid LeerlingId, Guid VersieId, int GelezenRevisie, bool Instemmen, string? Reden);

/// <summary>What the decision did; <see cref="Weigering"/> when the Domain refused it (the page translates its code).</summary>
public sealed record PlanBesluit(Instemmingsuitkomst Uitkomst, Planfout? Weigering, bool OverlegGeopend);

/// <summary>
/// A parent with gezag decides on the handelingsdeel of the version he read (<see cref="PlanVersie.Beslis"/>, bound to
/// its revision), by the school's <see cref="Instemmingsbeleid"/>. A "niet ingestemd" opens a <see cref="Planoverleg"/>.
/// An ouder without gezag is refused (<see cref="Planfoutcode.NietGevraagd"/>). Audited with the decision.
/// </summary>
public sealed class PlanBeslissenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<PlanBesluit>> HandleAsync(BeslisInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!Ouderkinderen.IsOuder(currentUser) || currentUser.Id is not { } userId)
        {
            return Fout.GeenToegang;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var nu = time.GetUtcNow();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await db.OuderkindAsync(currentUser, invoer.LeerlingId, vandaag, cancellationToken) is not { } kind)
            {
                return Fout.NietGevonden("Het kind");
            }
            var versie = await db.PlanVersies.AsTracking()
                .FirstOrDefaultAsync(v => v.Id == invoer.VersieId && v.LeerlingId == invoer.LeerlingId, cancellationToken);
            if (versie is null)
            {
                return Fout.NietGevonden("De versie");
            }
            if (kind.Beslisser(vandaag) is not { } relatie || !kind.Rechten.Goedkeuring)
            {
                return new PlanBesluit(Instemmingsuitkomst.Open, new Planfout(Planfoutcode.NietGevraagd, "", "U beslist niet over dit plan: dat doen de ouders met gezag."), false);
            }
            var plan = await db.Plannen.AsTracking().Include(p => p.Versies).FirstAsync(p => p.Id == versie.PlanId, cancellationToken);
            versie = plan.Versies.First(v => v.Id == versie.Id);
            var instemmingen = await db.Instemmingen.AsTracking().Where(i => i.VersieId == versie.Id).ToListAsync(cancellationToken);
            var beleid = await db.Scholen.Where(s => s.Id == kind.Leerling.SchoolId).Select(s => s.OppInstemming).FirstAsync(cancellationToken);
            // A parent linked twice (two relations) answers the request that is his.
            var ouderId = instemmingen.Select(i => i.OuderId).FirstOrDefault(id => id is { } o && kind.OuderIds.Contains(o)) ?? relatie.OuderId;
            var (uitkomst, fout) = versie.Beslis(plan, instemmingen, new Instemmer(ouderId, "ouder"), invoer.Instemmen, invoer.Reden,
                invoer.GelezenRevisie, beleid, InstemmingWijze.Portaal, nu, userId);
            if (fout is not null)
            {
                return new PlanBesluit(Instemmingsuitkomst.Open, fout, false);
            }
            var overleg = false;
            if (!invoer.Instemmen && instemmingen.FirstOrDefault(i => i.OuderId == ouderId && i.Status == InstemmingStatus.NietIngestemd) is { } nee)
            {
                db.Planoverleggen.Add(Planoverleg.Open(nee, nu));
                overleg = true;
            }
            audit.Add(db, AuditActie.Wijzigen, invoer.LeerlingId,
                $"ouderportaal: {(invoer.Instemmen ? "ingestemd" : "niet ingestemd")} met {Plan.Weergave(plan.Soort)} versie {versie.Nummer} (revisie {versie.Revisie}); uitkomst {uitkomst}");
            await db.SaveChangesAsync(cancellationToken);
            return new PlanBesluit(uitkomst, null, overleg);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new PlanBesluit(Instemmingsuitkomst.Open, new Planfout(Planfoutcode.Gewijzigd, "", "Deze versie is intussen veranderd. Lees de nieuwe tekst voordat u beslist."), false);
        }
        catch (Exception e) when (e is DbUpdateException or NpgsqlException)
        {
            return Fout.Onbereikbaar;
        }
    }
}
