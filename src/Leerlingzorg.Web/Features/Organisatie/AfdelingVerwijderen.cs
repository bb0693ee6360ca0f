using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>Removes an afdeling that no class (of any schooljaar) and no coordinator uses.</summary>
public sealed class AfdelingVerwijderenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<string>> HandleAsync(Guid afdelingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var afdeling = await db.Afdelingen.AsTracking().FirstOrDefaultAsync(a => a.Id == afdelingId, cancellationToken);
        if (afdeling is null)
        {
            return Fout.NietGevonden("De afdeling");
        }
        if (await db.Klassen.AnyAsync(k => k.AfdelingId == afdelingId, cancellationToken))
        {
            return new Fout(FoutSoort.Conflict,
                $"Afdeling {afdeling.Naam} heeft klassen en kan niet worden verwijderd. Verplaats of verwijder eerst die klassen.");
        }
        if (await db.Coordinatoren.AnyAsync(c => c.AfdelingId == afdelingId, cancellationToken))
        {
            return new Fout(FoutSoort.Conflict,
                $"Afdeling {afdeling.Naam} heeft een afdelingscoördinator en kan niet worden verwijderd. Verwijder eerst die coördinator.");
        }
        db.Afdelingen.Remove(afdeling);
        audit.Add(db, AuditActie.Verwijderen, null, $"afdeling {afdeling.Naam} verwijderd");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Beheer.IsVerwijzingSchending(ex))
        {
            return new Fout(FoutSoort.Conflict, $"Afdeling {afdeling.Naam} is nog in gebruik en kan niet worden verwijderd.");
        }
        return afdeling.Naam;
    }
}
