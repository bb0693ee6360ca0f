using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Aanbodbeheer;

/// <summary>
/// Archives an item of the offer or offers it again. Never deletes it: interventions refer to it and keep its name. An
/// archived item is not offered for new interventions; those running go on.
/// </summary>
public sealed class AanbodArchiverenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<string>> HandleAsync(Guid aanbodId, bool actief, CancellationToken cancellationToken = default)
    {
        if (!AanbodToegang.MagBeheren(currentUser))
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de zorgcoördinator en de beheerder kunnen het ondersteuningsaanbod wijzigen.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var aanbod = await db.Ondersteuningsaanbod.AsTracking().FirstOrDefaultAsync(a => a.Id == aanbodId, cancellationToken);
        if (aanbod is null)
        {
            return Fout.NietGevonden("Het aanbod");
        }
        if (actief ? aanbod.Heractiveer() : aanbod.Archiveer())
        {
            audit.Add(db, AuditActie.Wijzigen, null, $"ondersteuningsaanbod {aanbod.Naam} {(actief ? "opnieuw aangeboden" : "gearchiveerd")}");
            await db.SaveChangesAsync(cancellationToken);
        }
        return aanbod.Naam;
    }
}
