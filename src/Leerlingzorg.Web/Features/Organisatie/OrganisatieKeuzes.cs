using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

public sealed record MedewerkerKeuze(Guid Id, string Naam, bool Actief, IReadOnlyList<string> Rollen);

/// <summary>What the management dialogs offer: the school's locaties, afdelingen and staff in organisational roles.</summary>
public sealed record OrganisatieKeuzes(IReadOnlyList<Keuze> Locaties, IReadOnlyList<Keuze> Afdelingen, IReadOnlyList<MedewerkerKeuze> Medewerkers)
{
    public IEnumerable<MedewerkerKeuze> MetRol(params string[] rollen) => Medewerkers.Where(m => m.Rollen.Any(rollen.Contains));
}

/// <summary>The options of the organisation dialogs, and the schooljaren and classes to choose from.</summary>
public sealed class OrganisatieKeuzesHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<OrganisatieKeuzes>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var school = currentUser.SchoolId!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var locaties = await db.Locaties.OrderBy(l => l.Naam)
            .Select(l => new Keuze(l.Id, l.Naam)).ToListAsync(cancellationToken);
        var afdelingen = await db.Afdelingen.OrderBy(a => a.Naam)
            .Select(a => new Keuze(a.Id, a.Naam)).ToListAsync(cancellationToken);
        var rollen = await db.MedewerkersVan(school, Personeelsrollen.Organisatie)
            .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => new { u, ur.RoleId })
            .Join(db.Roles, x => x.RoleId, r => r.Id, (x, r) => new { x.u.Id, x.u.Voornaam, x.u.Tussenvoegsel, x.u.Achternaam, x.u.Actief, Rol = r.Name! })
            .Where(x => Personeelsrollen.Organisatie.Contains(x.Rol))
            .OrderBy(x => x.Achternaam).ThenBy(x => x.Voornaam)
            .ToListAsync(cancellationToken);
        var medewerkers = rollen.GroupBy(x => x.Id)
            .Select(g =>
            {
                var m = g.First();
                return new MedewerkerKeuze(m.Id, Domain.Naam.Volledig(m.Voornaam, m.Tussenvoegsel, m.Achternaam), m.Actief, g.Select(x => x.Rol).ToList());
            })
            .ToList();
        return new OrganisatieKeuzes(locaties, afdelingen, medewerkers);
    }

    /// <summary>The classes of one schooljaar, for the lesopdracht dialog.</summary>
    public async Task<Result<IReadOnlyList<Keuze>>> KlassenAsync(Schooljaar schooljaar, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Klassen.Where(k => k.Schooljaar == schooljaar)
            .OrderBy(k => k.Leerjaar).ThenBy(k => k.Naam)
            .Select(k => new Keuze(k.Id, k.Naam))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The schooljaren that have classes, plus the current and the next one; the newest first.</summary>
    public async Task<Result<IReadOnlyList<Schooljaar>>> SchooljarenAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var jaren = await db.Klassen.Select(k => k.Schooljaar).Distinct().ToListAsync(cancellationToken);
        var huidig = Schoolkalender.HuidigSchooljaar(time);
        return jaren.Append(huidig).Append(huidig.Volgend).Distinct().OrderDescending().ToList();
    }
}

/// <summary>The roles that the organisation ties to classes, vakken and coordination.</summary>
public static class Personeelsrollen
{
    public static readonly string[] Organisatie = [Rollen.Mentor, Rollen.Docent, Rollen.Leerjaarcoordinator, Rollen.Afdelingscoordinator];
    public static readonly string[] Coordinator = [Rollen.Leerjaarcoordinator, Rollen.Afdelingscoordinator];
}
