using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
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

    /// <summary>OPP versions waiting for this parent's decision.</summary>
    public int PlannenTerInstemming { get; init; }

    /// <summary>The school's open consent requests to this parent.</summary>
    public int OpenVerzoeken { get; init; }
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
            // What waits for him: his own open requests only (the other parent's are his business).
            var ids = kinderen.Select(k => k.Id).ToList();
            var wachtendePlannen = await db.Instemmingen.AsNoTracking()
                .Where(i => ids.Contains(i.LeerlingId) && i.Status == InstemmingStatus.Open && i.OuderId != null
                    && db.Ouders.Any(o => o.Id == i.OuderId && o.GebruikerId == ouder)
                    && db.PlanVersies.Any(v => v.Id == i.VersieId && v.Status == PlanStatus.TerInstemming))
                .GroupBy(i => i.LeerlingId).Select(g => new { g.Key, Aantal = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Aantal, cancellationToken);
            var verzoeken = await db.Toestemmingsverzoeken.AsNoTracking()
                .Where(v => ids.Contains(v.LeerlingId) && v.Status == VerzoekStatus.Open && db.Ouders.Any(o => o.Id == v.OuderId && o.GebruikerId == ouder))
                .GroupBy(v => v.LeerlingId).Select(g => new { g.Key, Aantal = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Aantal, cancellationToken);
            kinderen = [.. kinderen.Select(k => k with
            {
                Rechten = Rechten(relaties[k.Id], vandaag),
                PlannenTerInstemming = wachtendePlannen.GetValueOrDefault(k.Id),
                OpenVerzoeken = verzoeken.GetValueOrDefault(k.Id),
            })];
        }
        await audit.ReadEachAsync(kinderen.Select(k => k.Id), "mijn kinderen (ouder)", cancellationToken);
        return kinderen;
    }

    private static Ouderrechten Rechten(Leerling kind, DateOnly vandaag) =>
        kind.Ouders.Select(o => kind.RechtenVan(o, vandaag)).OrderByDescending(r => r.MagBeslissen).FirstOrDefault();
}
