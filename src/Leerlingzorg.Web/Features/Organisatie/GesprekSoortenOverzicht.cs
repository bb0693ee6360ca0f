using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

public sealed record GesprekSoortRegel(Guid Id, string Naam, bool IsVoortgangsgesprek, int Volgorde, bool Actief);

/// <summary>All gesprekssoorten of the school (a handful), active and inactive, in the order they are offered.</summary>
public sealed class GesprekSoortenOverzichtHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<Result<IReadOnlyList<GesprekSoortRegel>>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.GesprekSoorten.OrderBy(s => s.Volgorde).ThenBy(s => s.Naam)
            .Select(s => new GesprekSoortRegel(s.Id, s.Naam, s.IsVoortgangsgesprek, s.Volgorde, s.Actief))
            .ToListAsync(cancellationToken);
    }
}
