using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Leerlingen;

/// <summary>
/// Ends the link between a student and a parent or guardian. The parent himself stays: he may be linked to
/// brothers or sisters, and what he consented to in the past must stay traceable. Only the beheerder; audited.
/// </summary>
public sealed class OuderOntkoppelenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<bool>> HandleAsync(Guid leerlingId, Guid ouderId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var koppeling = await db.LeerlingOuders.AsTracking()
            .FirstOrDefaultAsync(lo => lo.LeerlingId == leerlingId && lo.OuderId == ouderId, cancellationToken);
        if (koppeling is null)
        {
            return Fout.NietGevonden("De ouder of verzorger");
        }
        db.LeerlingOuders.Remove(koppeling);
        audit.Add(db, AuditActie.Verwijderen, leerlingId, $"ouder/verzorger ontkoppeld ({Leerlingbeheer.Weergave(koppeling.Relatie)})");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
