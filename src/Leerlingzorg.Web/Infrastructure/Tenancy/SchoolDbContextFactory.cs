using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Leerlingzorg.Web.Infrastructure.Tenancy;

/// <summary>
/// The factory handlers use: a pooled context bound to the current user's school, or for partnership staff to their
/// samenwerkingsverband (ADR 0010). The school is fixed
/// for the context's life; the query filter, the save guard and the connection's RLS setting read it.
/// </summary>
public sealed class SchoolDbContextFactory(PooledDbContextFactory<LeerlingzorgDbContext> pool, CurrentUser currentUser)
    : IDbContextFactory<LeerlingzorgDbContext>
{
    public LeerlingzorgDbContext CreateDbContext()
    {
        var context = pool.CreateDbContext();
        Bind(context);
        return context;
    }

    public async Task<LeerlingzorgDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        var context = await pool.CreateDbContextAsync(cancellationToken);
        Bind(context);
        return context;
    }

    // Partnership staff have an SWV and no school (Gebruiker); everyone else works for a school, or for none.
    private void Bind(LeerlingzorgDbContext context)
    {
        if (currentUser.SchoolId is null && currentUser.SamenwerkingsverbandId is { } swv)
        {
            context.BindToSwv(swv);
        }
        else
        {
            context.BindToSchool(currentUser.SchoolId);
        }
    }
}
