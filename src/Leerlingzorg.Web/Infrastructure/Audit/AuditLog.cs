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

    /// <summary>
    /// One read entry per student, written through the caller's context right after its query: for a hot read (the
    /// student page, the quick search) that keeps its connection open, so the insert costs no second connection nor
    /// session setting. One statement without the change tracker (the lines are never read back): the command
    /// interceptors still clean its text, and row-level security checks its school.
    /// </summary>
    public async Task ReadEachAsync(LeerlingzorgDbContext db, IReadOnlyCollection<Guid> leerlingIds, string detail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(leerlingIds);
        if (leerlingIds.Count == 0)
        {
            return;
        }
        var entry = Entry(AuditActie.Lezen, null, detail);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO audit_entries (school_id, swv_id, gebruiker_id, rol, tijdstip, leerling_id, actie, detail)
            SELECT {entry.SchoolId}::uuid, {entry.SwvId}::uuid, {entry.GebruikerId}::uuid, {entry.Rol}::text, {entry.Tijdstip}::timestamptz,
                unnest({leerlingIds.ToArray()}::uuid[]), {entry.Actie.ToString()}::text, {entry.Detail}::text
            """, cancellationToken);
    }

    /// <summary>
    /// A list of students (a class, a page, search results): one read entry per student shown; for a list that
    /// showed nobody one entry without a student, so that opening it is still traced.
    /// </summary>
    public Task ReadListAsync(IReadOnlyCollection<Guid> leerlingIds, string detail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leerlingIds);
        return leerlingIds.Count == 0 ? ReadAsync(null, detail, cancellationToken) : ReadEachAsync(leerlingIds, detail, cancellationToken);
    }

    /// <summary>Several reads of one screen, written in one round trip.</summary>
    public async Task ReadAsync(IReadOnlyCollection<(Guid? LeerlingId, string Detail)> reads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reads);
        if (reads.Count == 0)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The inserts go out as one batch, which PostgreSQL runs as one implicit transaction: an explicit one would
        // only add the round trip of its COMMIT.
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        db.AuditEntries.AddRange(reads.Select(r => Entry(AuditActie.Lezen, r.LeerlingId, r.Detail)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private AuditEntry Entry(AuditActie actie, Guid? leerlingId, string detail) => new()
    {
        SchoolId = currentUser.SchoolId,
        SwvId = currentUser.SchoolId is null ? currentUser.SamenwerkingsverbandId : null,
        GebruikerId = currentUser.Id,
        Rol = currentUser.RollenVoorAudit,
        Tijdstip = time.GetUtcNow(),
        LeerlingId = leerlingId,
        Actie = actie,
        Detail = detail,
    };
}
