using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Ouderportaal;

/// <summary>One child of the signed-in parent, with his own relations to it and what they allow him (<see cref="Familie"/>).</summary>
public sealed record Ouderkind(Leerling Leerling, IReadOnlyList<LeerlingOuder> Relaties, Ouderrechten Rechten)
{
    public IReadOnlyList<Guid> OuderIds => [.. Relaties.Select(r => r.OuderId)];

    /// <summary>His relation that decides (gezag), if any.</summary>
    public LeerlingOuder? Beslisser(DateOnly vandaag) =>
        Relaties.FirstOrDefault(r => Leerling.RechtenVan(r, vandaag).MagBeslissen);
}

public static class Ouderkinderen
{
    /// <summary>Whether the caller may use the portal at all: a parent of a school.</summary>
    public static bool IsOuder(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Id is not null && user.SchoolId is not null && user.IsInRol(Rollen.Ouder);
    }

    /// <summary>The child if it is one of the parent's own (<see cref="Toegang.EigenKinderen"/>); null for anyone else's child.</summary>
    public static async Task<Ouderkind?> OuderkindAsync(this LeerlingzorgDbContext db, CurrentUser user, Guid leerlingId, DateOnly vandaag,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var gebruiker = user.Id;
        var kind = await db.EigenKinderen(user).AsNoTracking()
            .Include(l => l.Ouders).ThenInclude(o => o.Ouder)
            .FirstOrDefaultAsync(l => l.Id == leerlingId, cancellationToken);
        if (kind is null)
        {
            return null;
        }
        var eigen = kind.Ouders.Where(o => o.Ouder?.GebruikerId == gebruiker).ToList();
        var rechten = eigen.Select(o => kind.RechtenVan(o, vandaag)).OrderByDescending(r => r.MagBeslissen).ThenByDescending(r => r.Inzage).FirstOrDefault();
        return new Ouderkind(kind, eigen, rechten);
    }
}
