using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;

namespace Leerlingzorg.Web.Infrastructure.Authorization;

/// <summary>
/// Need-to-know on top of tenancy, as query predicates so that lists, searches and single reads are
/// filtered in the database: who may see which class and which student.
/// </summary>
public static class Toegang
{
    /// <summary>Roles that follow every student of their school (care, coordination, management, absence desk).</summary>
    private static readonly string[] SchoolbrederollenVoorLeerlingen =
    [
        Rollen.Zorgcoordinator, Rollen.InternBegeleider, Rollen.AmbulantBegeleider, Rollen.Orthopedagoog,
        Rollen.Leerjaarcoordinator, Rollen.Afdelingscoordinator, Rollen.Schoolleiding, Rollen.Verzuimcoordinator,
    ];

    /// <summary>Whoever sees every student also sees every class; the administrator manages classes.</summary>
    private static readonly string[] SchoolbrederollenVoorKlassen = [.. SchoolbrederollenVoorLeerlingen, Rollen.Beheerder];

    public static bool ZietAlleKlassen(CurrentUser user) =>
        user.SchoolId is not null && user.IsInEenVan(SchoolbrederollenVoorKlassen);

    public static bool ZietAlleLeerlingen(CurrentUser user) =>
        user.SchoolId is not null && user.IsInEenVan(SchoolbrederollenVoorLeerlingen);

    public static IQueryable<Klas> ZichtbareKlassen(this LeerlingzorgDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (ZietAlleKlassen(user))
        {
            return db.Klassen;
        }
        if (user.IsInRol(Rollen.Mentor) && user.Id is { } id)
        {
            return db.Klassen.Where(k => k.Mentoren.Any(m => m.MedewerkerId == id));
        }
        return db.Klassen.Where(_ => false);
    }

    public static IQueryable<Leerling> ZichtbareLeerlingen(this LeerlingzorgDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (ZietAlleLeerlingen(user))
        {
            return db.Leerlingen;
        }
        var id = user.Id ?? Guid.Empty;
        var mentor = user.IsInRol(Rollen.Mentor);
        var ouder = user.IsInRol(Rollen.Ouder);
        if (!mentor && !ouder)
        {
            return db.Leerlingen.Where(_ => false);
        }
        return db.Leerlingen.Where(l =>
            (mentor && l.Klas!.Mentoren.Any(m => m.MedewerkerId == id))
            || (ouder && l.Ouders.Any(o => o.Ouder!.GebruikerId == id)));
    }
}
