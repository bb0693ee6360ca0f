using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

public sealed record AfdelingRegel(Guid Id, string Naam, int AantalKlassen, int AantalCoordinatoren);

/// <summary>The school's afdelingen (a handful), with their classes this schooljaar and their coordinators.</summary>
public sealed class AfdelingenOverzichtHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<AfdelingRegel>>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var jaar = Schoolkalender.HuidigSchooljaar(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Afdelingen.OrderBy(a => a.Naam)
            .Select(a => new AfdelingRegel(a.Id, a.Naam,
                db.Klassen.Count(k => k.AfdelingId == a.Id && k.Schooljaar == jaar),
                db.Coordinatoren.Count(c => c.AfdelingId == a.Id)))
            .ToListAsync(cancellationToken);
    }
}
