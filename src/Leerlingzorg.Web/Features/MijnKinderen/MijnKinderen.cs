using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.MijnKinderen;

public sealed record Kind(Guid Id, string Naam, string? Klas, IReadOnlyList<Mentorcontact> Mentoren);

public sealed record Mentorcontact(string Naam, string? Email);

/// <summary>A parent's start page: his own children, their class and mentor.</summary>
public sealed class MijnKinderenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
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
        }
        await audit.ReadEachAsync(kinderen.Select(k => k.Id), "mijn kinderen (ouder)", cancellationToken);
        return kinderen;
    }
}
