using System.Linq.Expressions;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Infrastructure.Authorization;

/// <summary>
/// The reader of one student's dossier, resolved once (<see cref="Dossiertoegang.DossierlezerAsync"/>): his relation to
/// the student as a <see cref="Domain.Dossier.Lezer"/>, and the levels <see cref="Leesrecht"/> lets him read as author
/// and as non-author. Only made for a staff member who sees the student.
/// </summary>
public sealed record Dossierlezer(CurrentUser User, Guid Id, Guid LeerlingId, Lezer Lezer)
{
    public Vertrouwelijkheid[] Niveaus { get; } = [.. Leesrecht.Niveaus(Lezer with { IsAuteur = false })];

    public Vertrouwelijkheid[] NiveausAlsAuteur { get; } = [.. Leesrecht.Niveaus(Lezer with { IsAuteur = true })];

    /// <summary>
    /// A group gesprek is readable for a reader related to any of its students. Only when the reader's roles could grant
    /// more through another student than his relation to this one does (say, a docent of this student who mentors
    /// another) do the gesprekken of this student need the per-row relation predicate; otherwise the levels decide.
    /// </summary>
    public bool GroepsgesprekkenRuimer { get; } =
        Leesrecht.Niveaus(Dossiertoegang.RolLezer(User, mentor: true, docent: true, coordinator: true)).Count
        > Leesrecht.Niveaus(Lezer with { IsAuteur = false }).Count;
}

/// <summary>
/// The dossier's confidentiality rule (<see cref="Leesrecht"/>, the one rule) as database predicates, so that a
/// timeline, a list or a single read returns only what the user may read:
/// <list type="bullet">
/// <item>on one student's page: the reader's relation to the student is resolved once (<see cref="DossierlezerAsync"/>) and
/// each source filters by the levels that gives (<see cref="LeesbareGesprekken(LeerlingzorgDbContext, Dossierlezer)"/>);</item>
/// <item>across students (<see cref="LeesbareGesprekken(LeerlingzorgDbContext, CurrentUser, bool)"/>): per row, each quality of
/// the reader grants the levels <see cref="Leesrecht.Verleent"/> says, a relation through a subquery.</item>
/// </list>
/// A relation counts with its role only (mentor, docent, coördinator), as in <see cref="Toegang"/>. A group conversation counts
/// for a reader related to any of its students. Deleted entries are left out, except for the zorgcoördinator when asked for.
/// </summary>
public static class Dossiertoegang
{
    private static readonly string[] Coordinatorrollen = [Rollen.Leerjaarcoordinator, Rollen.Afdelingscoordinator];

    /// <summary>The reader's qualities from his roles, with the relations to the student given.</summary>
    public static Lezer RolLezer(CurrentUser user, bool mentor, bool docent, bool coordinator)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Lezer(
            IsZorgcoordinator: user.IsInRol(Rollen.Zorgcoordinator),
            IsZorgrol: user.IsInEenVan(Rollen.Zorgrollen),
            IsMentorVanLeerling: mentor && user.IsInRol(Rollen.Mentor),
            IsCoordinatorVanLeerling: coordinator && user.IsInEenVan(Coordinatorrollen),
            IsDocentVanLeerling: docent && user.IsInRol(Rollen.Docent),
            IsSchoolleiding: user.IsInRol(Rollen.Schoolleiding),
            IsVerzuimcoordinator: user.IsInRol(Rollen.Verzuimcoordinator));
    }

    private sealed record Relatie(bool Mentor, bool Docent, bool Coordinator);

    /// <summary>
    /// The user's relations to one student (null: no such student in the school): a fixed shape, compiled once. The same
    /// relation expressions as <see cref="Toegang.ZichtbareLeerlingen"/>.
    /// </summary>
    private static readonly Func<LeerlingzorgDbContext, Guid, Guid, CancellationToken, Task<Relatie?>> RelatieQuery =
        EF.CompileAsyncQuery((LeerlingzorgDbContext db, Guid leerlingId, Guid id, CancellationToken _) =>
            db.Leerlingen.Where(l => l.Id == leerlingId)
                .Select(l => new Relatie(
                    l.Klas!.Mentoren.Any(m => m.MedewerkerId == id),
                    db.Lesopdrachten.Any(o => o.KlasId == l.KlasId && o.MedewerkerId == id),
                    db.Coordinatoren.Any(c => c.MedewerkerId == id
                        && (c.Leerjaar == null || c.Leerjaar == l.Klas!.Leerjaar)
                        && (c.AfdelingId == null || c.AfdelingId == l.Klas!.AfdelingId))))
                .FirstOrDefault());

    /// <summary>
    /// The reader of this student's dossier, in one small compiled query; null when the user is no staff or does not see
    /// the student, or the student does not exist. Visible as in <see cref="Toegang.ZichtbareLeerlingen"/>: schoolwide
    /// roles see every student, the others through a relation with its role (the agreement test checks both agree).
    /// </summary>
    public static async Task<Dossierlezer?> DossierlezerAsync(this LeerlingzorgDbContext db, CurrentUser user, Guid leerlingId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.Id is not { } id || !Toegang.IsMedewerker(user))
        {
            return null;
        }
        if (await RelatieQuery(db, leerlingId, id, cancellationToken) is not { } relatie)
        {
            return null;
        }
        var lezer = RolLezer(user, relatie.Mentor, relatie.Docent, relatie.Coordinator);
        var zichtbaar = Toegang.ZietAlleLeerlingen(user)
            || lezer.IsMentorVanLeerling || lezer.IsDocentVanLeerling || lezer.IsCoordinatorVanLeerling;
        return zichtbaar ? new Dossierlezer(user, id, leerlingId, lezer) : null;
    }

    /// <summary>
    /// The readable, not deleted gesprekken of the student of <paramref name="lezer"/>: a filter on the level (and the
    /// author), no relation subquery per row, except where a group gesprek could be readable through another student.
    /// </summary>
    public static IQueryable<Gesprek> LeesbareGesprekken(this LeerlingzorgDbContext db, Dossierlezer lezer)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(lezer);
        var leerlingId = lezer.LeerlingId;
        if (lezer.GroepsgesprekkenRuimer)
        {
            // The rule over all students grants at least what the relation to this student grants: exact on its own.
            return db.LeesbareGesprekken(lezer.User).Where(g => g.Leerlingen.Any(gl => gl.LeerlingId == leerlingId));
        }
        return GesprekkenVanLezer.Roep(db, leerlingId, lezer.Id, lezer.Niveaus, lezer.NiveausAlsAuteur);
    }

    /// <summary>
    /// <see cref="LeesbareGesprekken(LeerlingzorgDbContext, Dossierlezer)"/> for a reader whose relation decides (not
    /// <see cref="Dossierlezer.GroepsgesprekkenRuimer"/>): student, reader, <see cref="Dossierlezer.Niveaus"/> and
    /// <see cref="Dossierlezer.NiveausAlsAuteur"/> as parameters, so that a compiled query inlines the same rule.
    /// </summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, Guid, Vertrouwelijkheid[], Vertrouwelijkheid[], IQueryable<Gesprek>>> GesprekkenVanLezer =
        new((db, leerlingId, id, niveaus, alsAuteur) => db.Gesprekken.Where(g => g.VerwijderdOp == null
            && g.Leerlingen.Any(gl => gl.LeerlingId == leerlingId)
            && (niveaus.Contains(g.Vertrouwelijkheid) || (g.AuteurId == id && alsAuteur.Contains(g.Vertrouwelijkheid)))));

    /// <summary>The gesprekken the user may read, of any student: for lists that span students.</summary>
    public static IQueryable<Gesprek> LeesbareGesprekken(this LeerlingzorgDbContext db, CurrentUser user, bool metVerwijderde = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        // Staff only, even for a gesprek stored under the user's name: a parent never reads the staff dossier.
        if (user.Id is not { } id || !Toegang.IsMedewerker(user))
        {
            return db.Gesprekken.Where(_ => false);
        }
        var toonVerwijderd = metVerwijderde && user.IsInRol(Rollen.Zorgcoordinator);
        // What the roles grant without a relation; then per quality the levels it grants (empty: role not held).
        var rol = RolLezer(user, mentor: false, docent: false, coordinator: false);
        var rolNiveaus = Leesrecht.Niveaus(rol).ToArray();
        var auteurNiveaus = Niveaus(l => l with { IsAuteur = true });
        var mentorNiveaus = RolLezer(user, true, false, false).IsMentorVanLeerling ? Niveaus(l => l with { IsMentorVanLeerling = true }) : [];
        var docentNiveaus = RolLezer(user, false, true, false).IsDocentVanLeerling ? Niveaus(l => l with { IsDocentVanLeerling = true }) : [];
        var coordinatorNiveaus = RolLezer(user, false, false, true).IsCoordinatorVanLeerling ? Niveaus(l => l with { IsCoordinatorVanLeerling = true }) : [];
        var mentor = mentorNiveaus.Length > 0;
        var docent = docentNiveaus.Length > 0;
        var coordinator = coordinatorNiveaus.Length > 0;

        return db.Gesprekken
            .Where(g => toonVerwijderd || g.VerwijderdOp == null)
            .Where(g =>
                rolNiveaus.Contains(g.Vertrouwelijkheid)
                || (g.AuteurId == id && auteurNiveaus.Contains(g.Vertrouwelijkheid))
                || (mentor && mentorNiveaus.Contains(g.Vertrouwelijkheid)
                    && g.Leerlingen.Any(gl => db.Leerlingen.Any(l => l.Id == gl.LeerlingId
                        && l.Klas!.Mentoren.Any(m => m.MedewerkerId == id))))
                || (coordinator && coordinatorNiveaus.Contains(g.Vertrouwelijkheid)
                    && g.Leerlingen.Any(gl => db.Leerlingen.Any(l => l.Id == gl.LeerlingId
                        && db.Coordinatoren.Any(c => c.MedewerkerId == id
                            && (c.Leerjaar == null || c.Leerjaar == l.Klas!.Leerjaar)
                            && (c.AfdelingId == null || c.AfdelingId == l.Klas!.AfdelingId)))))
                || (docent && docentNiveaus.Contains(g.Vertrouwelijkheid)
                    && g.Leerlingen.Any(gl => db.Leerlingen.Any(l => l.Id == gl.LeerlingId
                        && db.Lesopdrachten.Any(o => o.KlasId == l.KlasId && o.MedewerkerId == id)))));
    }

    private static Vertrouwelijkheid[] Niveaus(Func<Lezer, Lezer> kwaliteit) =>
        [.. Leesrecht.AlleNiveaus.Where(n => Leesrecht.Verleent(n, kwaliteit))];
}
