using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>Gives a school without any gesprekssoort the standard ones (<see cref="GesprekSoort.Standaard"/>).</summary>
public sealed class GesprekSoortenStandaardHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<int>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var alAanwezig = new Fout(FoutSoort.Conflict, "Uw school heeft al gesprekssoorten; de standaardsoorten zijn niet toegevoegd.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.GesprekSoorten.AnyAsync(cancellationToken))
        {
            return alAanwezig;
        }
        var soorten = GesprekSoort.Standaard();
        db.GesprekSoorten.AddRange(soorten);
        audit.Add(db, AuditActie.Aanmaken, null, $"gesprekssoorten standaard toegevoegd: {string.Join(", ", soorten.Select(s => s.Naam))}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Beheer.IsUniekeSchending(ex))
        {
            return alAanwezig;
        }
        return soorten.Count;
    }
}
