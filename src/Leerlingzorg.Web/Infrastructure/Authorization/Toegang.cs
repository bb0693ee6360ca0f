using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;

namespace Leerlingzorg.Web.Infrastructure.Authorization;

/// <summary>
/// Need-to-know on top of tenancy, as query predicates so that lists, searches and single reads are
/// filtered in the database: who may see which class and which student.
/// <list type="bullet">
/// <item>care roles, schoolleiding and the absence desk: every student of the school;</item>
/// <item>a coördinator: the classes of his leerjaren / afdelingen (<see cref="Coordinator"/>);</item>
/// <item>a mentor: his classes; a docent: the classes he teaches (<see cref="Lesopdracht"/>);</item>
/// <item>a parent: his own children; the beheerder: every class (he manages them), no student dossier.</item>
/// </list>
/// </summary>
public static class Toegang
{
    private static readonly string[] SchoolbreedLeerlingen =
    [
        Rollen.Zorgcoordinator, Rollen.InternBegeleider, Rollen.AmbulantBegeleider, Rollen.Orthopedagoog,
        Rollen.Schoolleiding, Rollen.Verzuimcoordinator,
    ];

    private static readonly string[] SchoolbreedKlassen = [.. SchoolbreedLeerlingen, Rollen.Beheerder];

    private static readonly string[] Coordinatorrollen = [Rollen.Leerjaarcoordinator, Rollen.Afdelingscoordinator];

    public static bool ZietAlleKlassen(CurrentUser user) =>
        user.SchoolId is not null && user.IsInEenVan(SchoolbreedKlassen);

    public static bool ZietAlleLeerlingen(CurrentUser user) =>
        user.SchoolId is not null && user.IsInEenVan(SchoolbreedLeerlingen);

    /// <summary>Whether the user has an overview of (some of) the school's classes: everyone but parents and mentors-only.</summary>
    public static bool HeeftKlassenoverzicht(CurrentUser user) =>
        ZietAlleKlassen(user) || (user.SchoolId is not null && user.IsInEenVan([.. Coordinatorrollen, Rollen.Docent]));

    public static IQueryable<Klas> ZichtbareKlassen(this LeerlingzorgDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (ZietAlleKlassen(user))
        {
            return db.Klassen;
        }
        var (id, mentor, docent, coordinator) = Relaties(user);
        return db.Klassen.Where(k =>
            (mentor && k.Mentoren.Any(m => m.MedewerkerId == id))
            || (docent && db.Lesopdrachten.Any(o => o.KlasId == k.Id && o.MedewerkerId == id))
            || (coordinator && db.Coordinatoren.Any(c => c.MedewerkerId == id
                && (c.Leerjaar == null || c.Leerjaar == k.Leerjaar)
                && (c.AfdelingId == null || c.AfdelingId == k.AfdelingId))));
    }

    public static IQueryable<Leerling> ZichtbareLeerlingen(this LeerlingzorgDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (ZietAlleLeerlingen(user))
        {
            return db.Leerlingen;
        }
        var (id, mentor, docent, coordinator) = Relaties(user);
        var ouder = user.IsInRol(Rollen.Ouder);
        return db.Leerlingen.Where(l =>
            (mentor && l.Klas!.Mentoren.Any(m => m.MedewerkerId == id))
            || (docent && db.Lesopdrachten.Any(o => o.KlasId == l.KlasId && o.MedewerkerId == id))
            || (coordinator && db.Coordinatoren.Any(c => c.MedewerkerId == id
                && (c.Leerjaar == null || c.Leerjaar == l.Klas!.Leerjaar)
                && (c.AfdelingId == null || c.AfdelingId == l.Klas!.AfdelingId)))
            || (ouder && l.Ouders.Any(o => o.Ouder!.GebruikerId == id)));
    }

    private static (Guid Id, bool Mentor, bool Docent, bool Coordinator) Relaties(CurrentUser user) =>
        (user.Id ?? Guid.Empty,
         user.SchoolId is not null && user.IsInRol(Rollen.Mentor),
         user.SchoolId is not null && user.IsInRol(Rollen.Docent),
         user.SchoolId is not null && user.IsInEenVan(Coordinatorrollen));
}
