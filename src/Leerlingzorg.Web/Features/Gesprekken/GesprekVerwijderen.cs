using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Gesprekken;

/// <summary>
/// Soft delete with a required reason, by the author or the zorgcoördinator. The row stays: the zorgcoördinator
/// still sees it, with the reason; everyone else no longer does.
/// </summary>
public sealed class GesprekVerwijderenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(Guid gesprekId, string reden, CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } ik || currentUser.SchoolId is null || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        reden = Domain.Tekst.Vrij(reden);
        if (reden.Length == 0)
        {
            return new Fout(FoutSoort.Ongeldig, "Vul de reden in waarom het gesprek wordt verwijderd.");
        }
        if (reden.Length > 500)
        {
            return new Fout(FoutSoort.Ongeldig, "Een reden heeft hooguit 500 tekens.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var gesprek = await db.LeesbareGesprekken(currentUser).AsTracking().Include(g => g.Leerlingen)
            .FirstOrDefaultAsync(g => g.Id == gesprekId, cancellationToken);
        if (gesprek is null)
        {
            return Fout.NietGevonden("Het gesprek");
        }
        if (!gesprek.MagVerwijderen(ik, currentUser.IsInRol(Rollen.Zorgcoordinator)))
        {
            return Fout.GeenToegang;
        }
        gesprek.Verwijder(ik, reden, time.GetUtcNow());
        foreach (var leerling in gesprek.Leerlingen)
        {
            // The reason may name people: the audit line does not repeat it.
            audit.Add(db, AuditActie.Verwijderen, leerling.LeerlingId, $"gesprek verwijderd ({gesprek.Id})");
        }
        await db.SaveChangesAsync(cancellationToken);
        return gesprek.Id;
    }
}
