using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>Ends a lesopdracht: the docent no longer teaches that vak to that class.</summary>
public sealed class LesopdrachtVerwijderenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<string>> HandleAsync(Guid lesopdrachtId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lesopdracht = await db.Lesopdrachten.AsTracking().FirstOrDefaultAsync(l => l.Id == lesopdrachtId, cancellationToken);
        if (lesopdracht is null)
        {
            return Fout.NietGevonden("De lesopdracht");
        }
        var klas = await db.Klassen.Where(k => k.Id == lesopdracht.KlasId).Select(k => k.Naam).FirstAsync(cancellationToken);
        db.Lesopdrachten.Remove(lesopdracht);
        audit.Add(db, AuditActie.Verwijderen, null, $"lesopdracht {lesopdracht.Vak} in klas {klas} (docent {lesopdracht.MedewerkerId}) verwijderd");
        await db.SaveChangesAsync(cancellationToken);
        return lesopdracht.Vak;
    }
}
