using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>
/// Deactivates or reactivates a gesprekssoort. Never removes it: gesprekken refer to it.
/// An inactive soort is no longer offered for new gesprekken.
/// </summary>
public sealed class GesprekSoortActiverenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<string>> HandleAsync(Guid soortId, bool actief, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var soort = await db.GesprekSoorten.AsTracking().FirstOrDefaultAsync(s => s.Id == soortId, cancellationToken);
        if (soort is null)
        {
            return Fout.NietGevonden("De gesprekssoort");
        }
        if (soort.Actief == actief)
        {
            return soort.Naam;
        }
        soort.Actief = actief;
        audit.Add(db, AuditActie.Wijzigen, null, $"gesprekssoort {soort.Naam} {(actief ? "geactiveerd" : "gedeactiveerd")}");
        await db.SaveChangesAsync(cancellationToken);
        return soort.Naam;
    }
}
