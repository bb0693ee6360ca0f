using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

public sealed record LocatieRegel(Guid Id, string Naam, string Plaats, int AantalKlassen);

/// <summary>The school's locaties (a handful), with their number of classes this schooljaar.</summary>
public sealed class LocatiesOverzichtHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<LocatieRegel>>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var jaar = Schoolkalender.HuidigSchooljaar(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Locaties.OrderBy(l => l.Naam)
            .Select(l => new LocatieRegel(l.Id, l.Naam, l.Plaats, db.Klassen.Count(k => k.LocatieId == l.Id && k.Schooljaar == jaar)))
            .ToListAsync(cancellationToken);
    }
}
