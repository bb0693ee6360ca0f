using Leerlingzorg.Web.Features.MijnKlassen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Klassen;

public sealed record KlasDetail(Guid Id, string Naam, int Leerjaar, string Afdeling, string Locatie, string Schooljaar,
    IReadOnlyList<string> Mentoren, IReadOnlyList<KlasLeerling> Leerlingen);

/// <summary>One class with its students, for whoever may see the class; the read is audited.</summary>
public sealed class KlasBekijkenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<KlasDetail>> HandleAsync(Guid klasId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        KlasDetail? klas;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            klas = await db.ZichtbareKlassen(currentUser)
                .Where(k => k.Id == klasId)
                .Select(k => new KlasDetail(k.Id, k.Naam, k.Leerjaar, k.Afdeling!.Naam, k.Locatie!.Naam, k.Schooljaar.ToString(),
                    db.Users.Where(u => k.Mentoren.Any(m => m.MedewerkerId == u.Id))
                        .OrderBy(u => u.Achternaam)
                        .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                        .ToList(),
                    k.Leerlingen.OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam)
                        .Select(l => new KlasLeerling(l.Id, l.Leerlingnummer, l.Voornaam, l.Tussenvoegsel, l.Achternaam, l.Geboortedatum, l.IsAmv))
                        .ToList()))
                .FirstOrDefaultAsync(cancellationToken);
        }
        if (klas is null)
        {
            // Not there, another school's, or not the user's to see: the same answer, so nothing leaks.
            return Fout.NietGevonden("De klas");
        }
        await audit.ReadListAsync(klas.Leerlingen.Select(l => l.Id).ToList(), $"klaslijst {klas.Naam} ({klas.Id})", cancellationToken);
        return klas;
    }
}
