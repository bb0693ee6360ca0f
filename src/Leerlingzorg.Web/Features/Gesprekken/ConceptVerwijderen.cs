using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Gesprekken;

/// <summary>The author throws his own draft away ("Concept weggooien"). Only his own: the key includes the author.</summary>
public sealed class ConceptVerwijderenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<bool> HandleAsync(string sleutel, CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } auteur || currentUser.SchoolId is null || !Toegang.IsMedewerker(currentUser))
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var concepten = await db.GesprekConcepten.AsTracking()
            .Where(c => c.AuteurId == auteur && c.Sleutel == sleutel).ToListAsync(cancellationToken);
        if (concepten.Count == 0)
        {
            return false;
        }
        db.GesprekConcepten.RemoveRange(concepten);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
