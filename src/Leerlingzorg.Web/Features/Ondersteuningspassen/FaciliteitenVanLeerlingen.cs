using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Ondersteuningspassen;

/// <summary>
/// For the students of a list (a class list, the student header): which have a pass that is valid today, with its
/// facilities, in one query; only students the user sees, never a diagnosis. Audited per student with a pass.
/// </summary>
public sealed class FaciliteitenVanLeerlingenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<PasFaciliteitRegel>>> HandleAsync(
        IReadOnlyCollection<Guid> leerlingIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leerlingIds);
        if (!Toegang.IsMedewerker(currentUser) || leerlingIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<PasFaciliteitRegel>>();
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var ids = leerlingIds.Distinct().ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var zichtbaar = db.ZichtbareLeerlingen(currentUser).Where(l => ids.Contains(l.Id)).Select(l => l.Id);
        var passen = await db.Ondersteuningspassen
            .Where(p => zichtbaar.Contains(p.LeerlingId) && p.VervallenOp == null
                        && p.GeldigVanaf <= vandaag && (p.GeldigTot == null || p.GeldigTot >= vandaag))
            .Select(p => new { p.LeerlingId, p.Faciliteiten })
            .ToListAsync(cancellationToken);
        var resultaat = passen.ToDictionary(p => p.LeerlingId, p => PasFaciliteitRegel.Van(p.Faciliteiten));
        await audit.ReadEachAsync(db, resultaat.Keys, "faciliteiten van de ondersteuningspas", cancellationToken);
        return resultaat;
    }
}
