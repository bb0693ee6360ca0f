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
/// <item>the beheerder: every class (he manages them), no student dossier.</item>
/// </list>
/// Only staff (<see cref="IsMedewerker"/>): these predicates hold no parent clause, so a parent never reaches a staff
/// screen or handler through them, and a staff member who is also a parent sees his child only through his staff
/// relations. The parent's own views read through <see cref="EigenKinderen"/>.
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

    /// <summary>
    /// Whether the user holds a staff role of his school: the first check of every staff handler (reads and writes),
    /// answered with <c>Fout.GeenToegang</c>. Parents, partnership users and users without a role are no staff.
    /// </summary>
    public static bool IsMedewerker(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Id is not null && user.SchoolId is not null && user.IsInEenVan(Rollen.Medewerkerrollen);
    }

    /// <summary>The parent's own children (his views only: Mijn kinderen, later the ouderportaal); none for anyone else.</summary>
    public static IQueryable<Leerling> EigenKinderen(this LeerlingzorgDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.Id is not { } ouder || user.SchoolId is null || !user.IsInRol(Rollen.Ouder))
        {
            return db.Leerlingen.Where(_ => false);
        }
        return db.Leerlingen.Where(l => l.Ouders.Any(o => o.Ouder!.GebruikerId == ouder));
    }

    /// <summary>
    /// Of <see cref="EigenKinderen"/>, those over whom the parent holds gezag on <paramref name="vandaag"/>
    /// (<see cref="Familie.HeeftGezag"/>): the only children for whom he may consent or approve (toestemming, OPP).
    /// An ouder without gezag is informed (BW 1:377c) but is not in this set.
    /// </summary>
    public static IQueryable<Leerling> KinderenMetGezag(this LeerlingzorgDbContext db, CurrentUser user, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.Id is not { } ouder || user.SchoolId is null || !user.IsInRol(Rollen.Ouder))
        {
            return db.Leerlingen.Where(_ => false);
        }
        return db.Leerlingen.Where(Familie.KindMetGezagVan(ouder, vandaag));
    }

    /// <summary>
    /// Whether the user manages his school (functioneel beheer: organisation, staff, students' basic data, import,
    /// schooljaarovergang): a Beheerder of a school. The one check of every beheer handler and of the menu; the pages'
    /// [Authorize] only hides them. Managing is not need-to-know: it opens no dossier.
    /// </summary>
    public static bool MagBeheren(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Id is not null && user.SchoolId is not null && user.IsInRol(Rollen.Beheerder);
    }

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
        if (!IsMedewerker(user))
        {
            return db.Klassen.Where(_ => false);
        }
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
        if (!IsMedewerker(user))
        {
            return db.Leerlingen.Where(_ => false);
        }
        if (ZietAlleLeerlingen(user))
        {
            return db.Leerlingen;
        }
        var (id, mentor, docent, coordinator) = Relaties(user);
        return db.Leerlingen.Where(l =>
            (mentor && l.Klas!.Mentoren.Any(m => m.MedewerkerId == id))
            || (docent && db.Lesopdrachten.Any(o => o.KlasId == l.KlasId && o.MedewerkerId == id))
            || (coordinator && db.Coordinatoren.Any(c => c.MedewerkerId == id
                && (c.Leerjaar == null || c.Leerjaar == l.Klas!.Leerjaar)
                && (c.AfdelingId == null || c.AfdelingId == l.Klas!.AfdelingId))));
    }

    private static (Guid Id, bool Mentor, bool Docent, bool Coordinator) Relaties(CurrentUser user) =>
        (user.Id ?? Guid.Empty,
         user.SchoolId is not null && user.IsInRol(Rollen.Mentor),
         user.SchoolId is not null && user.IsInRol(Rollen.Docent),
         user.SchoolId is not null && user.IsInEenVan(Coordinatorrollen));
}
