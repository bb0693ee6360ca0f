using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Leerlingen;

/// <summary>
/// The basic data a beheerder manages (names, number, klas history, enrolment, parents) for any student of his
/// school, without the dossier; the need-to-know read is <see cref="LeerlingBekijkenHandler"/>. Audited.
/// </summary>
public sealed class LeerlingGegevensHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<LeerlingKaart>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        LeerlingKaart? kaart;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            kaart = await LeerlingBekijkenHandler.Kaarten(db, db.BeheerbareLeerlingen(currentUser).Where(l => l.Id == leerlingId))
                .FirstOrDefaultAsync(cancellationToken);
        }
        if (kaart is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        await audit.ReadAsync(kaart.Id, "leerlinggegevens (beheer)", cancellationToken);
        return kaart;
    }
}
