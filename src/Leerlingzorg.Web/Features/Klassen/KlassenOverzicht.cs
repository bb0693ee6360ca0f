using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Klassen;

public sealed record KlasRegel(Guid Id, string Naam, int Leerjaar, string Afdeling, string Locatie, int AantalLeerlingen, IReadOnlyList<string> Mentoren);

/// <summary>The classes of this schooljaar that the user may see, with their size and mentors.</summary>
public sealed class KlassenOverzichtHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<IReadOnlyList<KlasRegel>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return [];
        }
        var jaar = Schoolkalender.HuidigSchooljaar(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ZichtbareKlassen(currentUser)
            .Where(k => k.Schooljaar == jaar)
            .OrderBy(k => k.Leerjaar).ThenBy(k => k.Naam)
            .Select(k => new KlasRegel(k.Id, k.Naam, k.Leerjaar, k.Afdeling!.Naam, k.Locatie!.Naam, k.Leerlingen.Count,
                db.Users.Where(u => k.Mentoren.Any(m => m.MedewerkerId == u.Id))
                    .OrderBy(u => u.Achternaam)
                    .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                    .ToList()))
            .ToListAsync(cancellationToken);
    }
}
