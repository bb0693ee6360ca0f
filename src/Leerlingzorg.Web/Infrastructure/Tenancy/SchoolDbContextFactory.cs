using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Leerlingzorg.Web.Infrastructure.Tenancy;

/// <summary>
/// The factory handlers use: a pooled context bound to the current user's school. The school is fixed
/// for the context's life; the query filter, the save guard and the connection's RLS setting read it.
/// </summary>
public sealed class SchoolDbContextFactory(PooledDbContextFactory<LeerlingzorgDbContext> pool, CurrentUser currentUser)
    : IDbContextFactory<LeerlingzorgDbContext>
{
    public LeerlingzorgDbContext CreateDbContext()
    {
        var context = pool.CreateDbContext();
        context.BindToSchool(currentUser.SchoolId);
        return context;
    }

    public async Task<LeerlingzorgDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        var context = await pool.CreateDbContextAsync(cancellationToken);
        context.BindToSchool(currentUser.SchoolId);
        return context;
    }
}
