using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Infrastructure.Audit;

/// <summary>
/// Writes the audit trail: every read and write of dossier data. A write is logged in the same
/// SaveChanges as the change itself (<see cref="Add"/>), a read in its own insert (<see cref="ReadAsync"/>).
/// </summary>
public sealed class AuditLog(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public void Add(LeerlingzorgDbContext db, AuditActie actie, Guid? leerlingId, string detail)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditEntries.Add(Entry(actie, leerlingId, detail));
    }

    public Task ReadAsync(Guid? leerlingId, string detail, CancellationToken cancellationToken = default) =>
        ReadAsync([(leerlingId, detail)], cancellationToken);

    /// <summary>One read entry per student, for a list of students whose data was shown.</summary>
    public Task ReadEachAsync(IEnumerable<Guid> leerlingIds, string detail, CancellationToken cancellationToken = default) =>
        ReadAsync(leerlingIds.Select(id => ((Guid?)id, detail)).ToList(), cancellationToken);

    /// <summary>Several reads of one screen, written in one round trip.</summary>
    public async Task ReadAsync(IReadOnlyCollection<(Guid? LeerlingId, string Detail)> reads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        if (reads.Count == 0)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.AddRange(reads.Select(r => Entry(AuditActie.Lezen, r.LeerlingId, r.Detail)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private AuditEntry Entry(AuditActie actie, Guid? leerlingId, string detail) => new()
    {
        SchoolId = currentUser.SchoolId,
        GebruikerId = currentUser.Id,
        Rol = currentUser.RollenVoorAudit,
        Tijdstip = time.GetUtcNow(),
        LeerlingId = leerlingId,
        Actie = actie,
        Detail = detail,
    };
}
