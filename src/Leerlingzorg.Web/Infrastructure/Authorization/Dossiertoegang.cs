using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;

namespace Leerlingzorg.Web.Infrastructure.Authorization;

/// <summary>
/// The dossier's confidentiality rules (<see cref="Leesrecht"/>) as one database predicate, so that a
/// timeline, a list or a single read returns only what the user may read:
/// <list type="bullet">
/// <item>Vertrouwelijk: the author and the zorgcoördinator;</item>
/// <item>Zorg: also the care roles, the mentor and the coördinator of (one of) the students;</item>
/// <item>Normaal: also the student's docenten, the schoolleiding and the absence desk.</item>
/// </list>
/// A group conversation counts for a reader related to any of its students. Deleted entries are left out,
/// except for the zorgcoördinator when asked for.
/// </summary>
public static class Dossiertoegang
{
    public static IQueryable<Gesprek> LeesbareGesprekken(this LeerlingzorgDbContext db, CurrentUser user, bool metVerwijderde = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        // Staff only, even for a gesprek stored under the user's name: a parent never reads the staff dossier.
        if (user.Id is not { } id || !Toegang.IsMedewerker(user))
        {
            return db.Gesprekken.Where(_ => false);
        }
        var zorgcoordinator = user.IsInRol(Rollen.Zorgcoordinator);
        var zorgrol = user.IsInEenVan(Rollen.Zorgrollen);
        var schoolbreed = user.IsInEenVan([Rollen.Schoolleiding, Rollen.Verzuimcoordinator]);
        var mentor = user.IsInRol(Rollen.Mentor);
        var docent = user.IsInRol(Rollen.Docent);
        var coordinator = user.IsInEenVan([Rollen.Leerjaarcoordinator, Rollen.Afdelingscoordinator]);
        var toonVerwijderd = metVerwijderde && zorgcoordinator;

        return db.Gesprekken
            .Where(g => toonVerwijderd || g.VerwijderdOp == null)
            .Where(g =>
                g.AuteurId == id
                || zorgcoordinator
                || (g.Vertrouwelijkheid != Vertrouwelijkheid.Vertrouwelijk && (
                    zorgrol
                    || (mentor && g.Leerlingen.Any(gl => db.Leerlingen.Any(l => l.Id == gl.LeerlingId
                        && l.Klas!.Mentoren.Any(m => m.MedewerkerId == id))))
                    || (coordinator && g.Leerlingen.Any(gl => db.Leerlingen.Any(l => l.Id == gl.LeerlingId
                        && db.Coordinatoren.Any(c => c.MedewerkerId == id
                            && (c.Leerjaar == null || c.Leerjaar == l.Klas!.Leerjaar)
                            && (c.AfdelingId == null || c.AfdelingId == l.Klas!.AfdelingId)))))))
                || (g.Vertrouwelijkheid == Vertrouwelijkheid.Normaal && (
                    schoolbreed
                    || (docent && g.Leerlingen.Any(gl => db.Leerlingen.Any(l => l.Id == gl.LeerlingId
                        && db.Lesopdrachten.Any(o => o.KlasId == l.KlasId && o.MedewerkerId == id)))))));
    }
}
