using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Plannen;

/// <summary>
/// Who writes a plan and runs its workflow (issue 11): the zorgcoördinator, the intern begeleider and the student's
/// mentor (<see cref="Plan.MagOpstellen"/>). First the role, then the relation to the student. A parent never.
/// </summary>
public static class Planrecht
{
    private static readonly string[] Schrijverrollen = [Rollen.Zorgcoordinator, Rollen.InternBegeleider, Rollen.Mentor];

    public const string GeenRecht = "Alleen de zorgcoördinator, de intern begeleider en de mentor van de leerling stellen een plan op.";

    public static bool MagMetRol(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Toegang.IsMedewerker(user) && user.IsInEenVan(Schrijverrollen);
    }

    public static bool MagVoor(CurrentUser user, Dossierlezer lezer)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(lezer);
        return Plan.MagOpstellen(lezer.Lezer, user.IsInRol(Rollen.InternBegeleider));
    }
}

/// <summary>What one workflow step works on: the plan (tracked, with its versions) and the instemmingen of its versions.</summary>
public sealed record Planwerkcontext(
    LeerlingzorgDbContext Db, Plan Plan, List<Instemming> Instemmingen, Dossierlezer Lezer, Guid UserId,
    DateTimeOffset Nu, DateOnly Vandaag);

/// <summary>
/// The shared frame of every write on a plan: the role first (staff with a writer's role), the student found and the
/// relation checked, the plan loaded tracked, the caller's <c>Versie</c> compared, the step, the audit line and the
/// save, a concurrent save translated to a Dutch conflict and a database failure to <see cref="Fout.Onbereikbaar"/>.
/// </summary>
public sealed class PlanwerkHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider time)
{
    public const string Conflict = "Iemand anders heeft dit plan intussen gewijzigd. Laad de pagina opnieuw; uw invoer staat nog in het formulier.";

    public static Fout Vertaal(IReadOnlyList<Planfout> fouten)
    {
        ArgumentNullException.ThrowIfNull(fouten);
        var soort = fouten.Any(f => f.Code == Planfoutcode.Gewijzigd) ? FoutSoort.Conflict : FoutSoort.Ongeldig;
        return new Fout(soort, string.Join(" ", fouten.Select(f => f.Melding).Distinct()));
    }

    public static Fout Vertaal(Planfout fout) => Vertaal([fout]);

    /// <param name="planVersie">The plan's <see cref="Plan.Versie"/> the caller read; null: not checked (the step checks a version's own).</param>
    public async Task<Result<T>> SchrijfAsync<T>(Guid planId, int? planVersie, string auditDetail, AuditActie actie,
        Func<Planwerkcontext, Task<Result<T>>> stap, CancellationToken cancellationToken, bool audit = true)
    {
        ArgumentNullException.ThrowIfNull(stap);
        if (currentUser.Id is not { } userId || !Planrecht.MagMetRol(currentUser))
        {
            return new Fout(FoutSoort.GeenToegang, Planrecht.GeenRecht);
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            var leerlingId = await db.Plannen.Where(p => p.Id == planId).Select(p => (Guid?)p.LeerlingId).FirstOrDefaultAsync(cancellationToken);
            if (leerlingId is null || await db.DossierlezerAsync(currentUser, leerlingId.Value, cancellationToken) is not { } lezer)
            {
                return Fout.NietGevonden("Het plan");
            }
            if (!Planrecht.MagVoor(currentUser, lezer))
            {
                return new Fout(FoutSoort.GeenToegang, Planrecht.GeenRecht);
            }
            var plan = await db.Plannen.AsTracking().Include(p => p.Versies).FirstAsync(p => p.Id == planId, cancellationToken);
            if (planVersie is { } gelezen && gelezen != plan.Versie)
            {
                return new Fout(FoutSoort.Conflict, Conflict);
            }
            var versieIds = plan.Versies.Select(v => v.Id).ToList();
            var instemmingen = await db.Instemmingen.AsTracking().Where(i => versieIds.Contains(i.VersieId)).ToListAsync(cancellationToken);
            var nu = time.GetUtcNow();
            var context = new Planwerkcontext(db, plan, instemmingen, lezer, userId, nu, Schoolkalender.DatumVan(nu));
            var result = await stap(context);
            if (!result.IsGelukt)
            {
                return result;
            }
            if (audit)
            {
                auditLog.Add(db, actie, plan.LeerlingId, $"{auditDetail} ({Plan.Weergave(plan.Soort)} {plan.Id})");
            }
            await db.SaveChangesAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Fout(FoutSoort.Conflict, Conflict);
        }
        catch (Exception e) when (Storing.IsOnbereikbaar(e))
        {
            return Fout.Onbereikbaar;
        }
    }

    /// <summary>The version <paramref name="versieId"/> of the plan, its row version compared with what the caller read.</summary>
    public static Result<PlanVersie> Versie(Planwerkcontext context, Guid versieId, int gelezen)
    {
        ArgumentNullException.ThrowIfNull(context);
        var versie = context.Plan.Versies.FirstOrDefault(v => v.Id == versieId);
        if (versie is null)
        {
            return Fout.NietGevonden("De versie");
        }
        return versie.Versie == gelezen ? versie : new Fout(FoutSoort.Conflict, Conflict);
    }

    /// <summary>The absolute link to the child's plan in the portal, for the mail; <paramref name="basisAdres"/> ends in "/".</summary>
    internal static Uri PortaalLink(Uri basisAdres, Guid leerlingId)
    {
        ArgumentNullException.ThrowIfNull(basisAdres);
        return new Uri(basisAdres, $"mijn-kinderen/{leerlingId}/plan");
    }
}
