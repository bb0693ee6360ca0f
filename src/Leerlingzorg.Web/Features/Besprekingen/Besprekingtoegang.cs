using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Besprekingen;

/// <summary>A staff member's view of one meeting: the meeting (with its participants) and his part in it.</summary>
public sealed record Besprekingslezer(Bespreking Bespreking, Guid Id, Besprekingsrol Rol)
{
    public bool IsOrganisator => Rol == Besprekingsrol.Organisator;
}

/// <summary>
/// Who sees a meeting (<see cref="Bespreking.RolVan"/>, the Domain rule): every handler of a meeting resolves the caller
/// through <see cref="BesprekingslezerAsync"/> first; lists filter with <see cref="Bespreking.ZichtbaarVoor"/>.
/// </summary>
public static class Besprekingtoegang
{
    /// <summary>Whether the user plans meetings at all (the zorgcoördinator, a leerjaar- or afdelingscoördinator).</summary>
    public static bool MagPlannen(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Toegang.IsMedewerker(user)
            && (user.IsInRol(Rollen.Zorgcoordinator) || user.IsInEenVan([Rollen.Leerjaarcoordinator, Rollen.Afdelingscoordinator]));
    }

    public static bool MagPlannen(CurrentUser user, BesprekingSoort soort)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Toegang.IsMedewerker(user) && Bespreking.MagPlannen(soort, user.IsInRol(Rollen.Zorgcoordinator),
            user.IsInEenVan([Rollen.Leerjaarcoordinator, Rollen.Afdelingscoordinator]));
    }

    /// <summary>
    /// The meeting with its participants, classes and partners, and the user's part in it; null when he is no staff, the
    /// meeting does not exist (in his school) or he takes no part in it. Tracked when <paramref name="tracking"/>.
    /// </summary>
    public static async Task<Besprekingslezer?> BesprekingslezerAsync(this LeerlingzorgDbContext db, CurrentUser user, Guid besprekingId,
        bool tracking = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.Id is not { } id || !Toegang.IsMedewerker(user))
        {
            return null;
        }
        var query = db.Besprekingen.Include(b => b.Deelnemers).Include(b => b.Klassen).Include(b => b.Partners).AsSplitQuery();
        var bespreking = await (tracking ? query.AsTracking() : query).FirstOrDefaultAsync(b => b.Id == besprekingId, cancellationToken);
        if (bespreking is null)
        {
            return null;
        }
        var rol = bespreking.RolVan(id, user.IsInRol(Rollen.Zorgcoordinator));
        return rol == Besprekingsrol.Geen ? null : new Besprekingslezer(bespreking, id, rol);
    }
}
