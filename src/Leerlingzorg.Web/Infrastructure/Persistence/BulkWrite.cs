using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Leerlingzorg.Web.Infrastructure.Persistence;

/// <summary>
/// Large writes through EF Core batches. COPY would be faster, but PostgreSQL refuses COPY FROM into a table
/// with row-level security for a role bound by it, and the application role is (see docs/adr/0004).
/// </summary>
public static class BulkWrite
{
    /// <summary>
    /// Starts the one transaction of a bulk write: no savepoint per SaveChanges (a large import would
    /// overflow PostgreSQL's subtransaction cache), and a custom plan per foreign-key check, so that checks
    /// planned while a school's tables were small do not scan them once they have grown. SET LOCAL ends
    /// with the transaction: the pooled connection goes back unchanged.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(LeerlingzorgDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        await db.Database.ExecuteSqlRawAsync("SET LOCAL plan_cache_mode = force_custom_plan", cancellationToken);
        return transaction;
    }
}
