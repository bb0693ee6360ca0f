using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.MijnKinderen;

public sealed record Kind(Guid Id, string Naam, string? Klas, IReadOnlyList<Mentorcontact> Mentoren)
{
    /// <summary>What this parent may do for this child (<see cref="Familie"/>): without gezag he is only informed.</summary>
    public Ouderrechten Rechten { get; init; }

    /// <summary>Whether this parent consents and approves for this child: the gate of later consent and OPP screens.</summary>
    public bool MagBeslissen => Rechten.MagBeslissen;
}

public sealed record Mentorcontact(string Naam, string? Email);

/// <summary>A parent's start page: his own children, their class and mentor, and whether he decides for them.</summary>
public sealed class MijnKinderenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<Kind>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.IsInRol(Rollen.Ouder))
        {
            return [];
        }
        List<Kind> kinderen;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // The child's class and mentor only: nothing of the other parent (separated parents, safety).
            kinderen = await db.EigenKinderen(currentUser)
                .OrderBy(l => l.Geboortedatum)
                .Select(l => new Kind(l.Id,
                    LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam),
                    l.Klas!.Naam,
                    db.Users.Where(u => l.Klas!.Mentoren.Any(m => m.MedewerkerId == u.Id))
                        .Select(u => new Mentorcontact(
                            LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam), u.Email))
                        .ToList()))
                .ToListAsync(cancellationToken);
            // An ouder without gezag still sees his child listed (BW 1:377c: information); the rights say he does not decide.
            var ouder = currentUser.Id;
            var relaties = await db.EigenKinderen(currentUser).AsNoTracking()
                .Include(l => l.Ouders.Where(o => o.Ouder!.GebruikerId == ouder))
                .ToDictionaryAsync(l => l.Id, cancellationToken);
            var vandaag = Schoolkalender.Vandaag(time);
            kinderen = [.. kinderen.Select(k => k with { Rechten = Rechten(relaties[k.Id], vandaag) })];
        }
        await audit.ReadEachAsync(kinderen.Select(k => k.Id), "mijn kinderen (ouder)", cancellationToken);
        return kinderen;
    }

    private static Ouderrechten Rechten(Leerling kind, DateOnly vandaag) =>
        kind.Ouders.Select(o => kind.RechtenVan(o, vandaag)).OrderByDescending(r => r.MagBeslissen).FirstOrDefault();
}
