using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Samenwerkingsverband;

public sealed record SwvOverzicht(string Naam, IReadOnlyList<SchoolRegel> Scholen);

public sealed record SchoolRegel(Guid Id, string Naam, string Brinnummer);

/// <summary>The start page of partnership staff: the schools of their samenwerkingsverband.</summary>
public sealed class ScholenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<SwvOverzicht?> HandleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var swvId = currentUser.SamenwerkingsverbandId
            ?? await db.Scholen.Where(s => s.Id == currentUser.SchoolId).Select(s => (Guid?)s.SamenwerkingsverbandId).FirstOrDefaultAsync(cancellationToken);
        return await db.Samenwerkingsverbanden
            .Where(w => w.Id == swvId)
            .Select(w => new SwvOverzicht(w.Naam,
                w.Scholen.OrderBy(s => s.Naam).Select(s => new SchoolRegel(s.Id, s.Naam, s.Brinnummer)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
