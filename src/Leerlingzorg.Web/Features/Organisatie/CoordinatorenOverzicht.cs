using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

public enum CoordinatorSoort
{
    Leerjaar,
    Afdeling,
}

public sealed record CoordinatorRegel(Guid Id, Guid MedewerkerId, string Naam, bool Actief, int? Leerjaar, Guid? AfdelingId, string? Afdeling)
{
    public CoordinatorSoort Soort => AfdelingId is null ? CoordinatorSoort.Leerjaar : CoordinatorSoort.Afdeling;

    public string Taak => (Soort, Leerjaar) switch
    {
        (CoordinatorSoort.Leerjaar, _) => $"Leerjaarcoördinator leerjaar {Leerjaar}",
        (_, null) => $"Afdelingscoördinator {Afdeling}",
        _ => $"Afdelingscoördinator {Afdeling}, leerjaar {Leerjaar}",
    };
}

/// <summary>The school's leerjaar- and afdelingscoördinatoren (a few dozen at most).</summary>
public sealed class CoordinatorenOverzichtHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<Result<IReadOnlyList<CoordinatorRegel>>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var school = currentUser.SchoolId!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (
                from c in db.Coordinatoren
                join u in db.Users.Where(u => u.SchoolId == school) on c.MedewerkerId equals u.Id
                from a in db.Afdelingen.Where(a => a.Id == c.AfdelingId).DefaultIfEmpty()
                orderby c.AfdelingId != null, c.Leerjaar, a.Naam, u.Achternaam, u.Voornaam
                select new CoordinatorRegel(c.Id, u.Id, LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam),
                    u.Actief, c.Leerjaar, c.AfdelingId, a == null ? null : a.Naam))
            .ToListAsync(cancellationToken);
    }
}
