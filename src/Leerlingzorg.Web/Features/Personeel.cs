using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;

namespace Leerlingzorg.Web.Features;

/// <summary>
/// The one "staff of this school" query, for pickers (mentor, docent, coördinator, owner of an afspraak), their checks in
/// the handlers and the beheer list. Users live outside row-level security: the school filter here is the tenancy.
/// </summary>
public static class Personeel
{
    /// <summary>
    /// The users of <paramref name="schoolId"/> holding one of <paramref name="rollen"/>; without roles given, any staff role
    /// (<see cref="Rollen.Medewerkerrollen"/>, the roles <c>Toegang.IsMedewerker</c> accepts). Deactivated users included:
    /// a picker still shows the current mentor; <see cref="ActieveMedewerkersVan"/> for a new choice.
    /// </summary>
    public static IQueryable<Gebruiker> MedewerkersVan(this LeerlingzorgDbContext db, Guid schoolId, params string[] rollen)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rollen);
        string[] gezocht = rollen.Length == 0 ? [.. Rollen.Medewerkerrollen] : rollen;
        return db.Users.Where(u => u.SchoolId == schoolId
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && gezocht.Contains(r.Name!))));
    }

    public static IQueryable<Gebruiker> ActieveMedewerkersVan(this LeerlingzorgDbContext db, Guid schoolId, params string[] rollen) =>
        db.MedewerkersVan(schoolId, rollen).Where(u => u.Actief);

    /// <summary>
    /// For the beheer list: the staff, and the school's users without any role (someone whose roles were all taken away is
    /// still there to manage). Parents are not in it.
    /// </summary>
    public static IQueryable<Gebruiker> MedewerkersEnZonderRolVan(this LeerlingzorgDbContext db, Guid schoolId)
    {
        ArgumentNullException.ThrowIfNull(db);
        string[] staf = [.. Rollen.Medewerkerrollen];
        return db.Users.Where(u => u.SchoolId == schoolId
            && (db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && staf.Contains(r.Name!)))
                || !db.UserRoles.Any(ur => ur.UserId == u.Id)));
    }
}
