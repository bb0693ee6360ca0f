using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>Ends a coordinator's task; the staff member and his roles stay.</summary>
public sealed class CoordinatorVerwijderenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<Guid>> HandleAsync(Guid coordinatorId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coordinator = await db.Coordinatoren.AsTracking().FirstOrDefaultAsync(c => c.Id == coordinatorId, cancellationToken);
        if (coordinator is null)
        {
            return Fout.NietGevonden("De coördinator");
        }
        db.Coordinatoren.Remove(coordinator);
        audit.Add(db, AuditActie.Verwijderen, null,
            $"coördinatorstaak (leerjaar {coordinator.Leerjaar?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–"}, medewerker {coordinator.MedewerkerId}) verwijderd");
        await db.SaveChangesAsync(cancellationToken);
        return coordinator.Id;
    }
}
