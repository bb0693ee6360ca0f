using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>Removes a locatie that no class (of any schooljaar) uses.</summary>
public sealed class LocatieVerwijderenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<string>> HandleAsync(Guid locatieId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var locatie = await db.Locaties.AsTracking().FirstOrDefaultAsync(l => l.Id == locatieId, cancellationToken);
        if (locatie is null)
        {
            return Fout.NietGevonden("De locatie");
        }
        if (await db.Klassen.AnyAsync(k => k.LocatieId == locatieId, cancellationToken))
        {
            return new Fout(FoutSoort.Conflict,
                $"Locatie {locatie.Naam} heeft klassen en kan niet worden verwijderd. Verplaats of verwijder eerst die klassen.");
        }
        db.Locaties.Remove(locatie);
        audit.Add(db, AuditActie.Verwijderen, null, $"locatie {locatie.Naam} verwijderd");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Beheer.IsVerwijzingSchending(ex))
        {
            return new Fout(FoutSoort.Conflict, $"Locatie {locatie.Naam} is nog in gebruik en kan niet worden verwijderd.");
        }
        return locatie.Naam;
    }
}
