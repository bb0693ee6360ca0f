using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>
/// Removes a class that has never had students (neither now nor in a klasplaatsing); its mentors and
/// lesopdrachten go with it.
/// </summary>
public sealed class KlasVerwijderenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<string>> HandleAsync(Guid klasId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var klas = await db.Klassen.AsTracking().FirstOrDefaultAsync(k => k.Id == klasId, cancellationToken);
        if (klas is null)
        {
            return Fout.NietGevonden("De klas");
        }
        var heeftLeerlingen = new Fout(FoutSoort.Conflict,
            $"Klas {klas.Naam} heeft leerlingen en kan niet worden verwijderd. Plaats de leerlingen eerst in een andere klas.");
        if (await db.Leerlingen.AnyAsync(l => l.KlasId == klasId, cancellationToken))
        {
            return heeftLeerlingen;
        }
        if (await db.KlasPlaatsingen.AnyAsync(p => p.KlasId == klasId, cancellationToken))
        {
            return new Fout(FoutSoort.Conflict,
                $"Klas {klas.Naam} heeft leerlingen gehad en blijft daarom bewaard in hun schoolloopbaan; verwijderen kan niet.");
        }
        var lesopdrachten = await db.Lesopdrachten.CountAsync(l => l.KlasId == klasId, cancellationToken);
        db.Klassen.Remove(klas);
        audit.Add(db, AuditActie.Verwijderen, null, lesopdrachten == 0
            ? $"klas {klas.Naam} ({klas.Schooljaar}) verwijderd"
            : $"klas {klas.Naam} ({klas.Schooljaar}) verwijderd, met {lesopdrachten} lesopdracht(en)");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Beheer.IsVerwijzingSchending(ex))
        {
            // Somebody placed a student in the class meanwhile, or a later feature refers to it.
            return heeftLeerlingen;
        }
        return klas.Naam;
    }
}
