using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Leerlingen;

public sealed record LeerlingKaart(Guid Id, string Leerlingnummer, string Naam, DateOnly Geboortedatum, bool IsAmv,
    Guid? KlasId, string? Klas, IReadOnlyList<string> Mentoren, IReadOnlyList<OuderRegel> Ouders,
    LeerlingStatus Status, DateOnly? Inschrijfdatum, DateOnly? Uitschrijfdatum, string? Uitschrijfreden,
    IReadOnlyList<PlaatsingRegel> Plaatsingen)
{
    public bool IsUitgeschreven => Status == LeerlingStatus.Uitgeschreven;
}

public sealed record OuderRegel(Guid OuderId, string Naam, OuderRelatie Relatie, bool Gezag, string? Email, string? Telefoon, string? Voorkeurstaal);

/// <summary>Where the student was in one schooljaar and how that year ended (null while it runs).</summary>
public sealed record PlaatsingRegel(Schooljaar Schooljaar, Guid KlasId, string Klas, int Leerjaar, Jaaruitkomst? Uitkomst);

/// <summary>The header of a student's page; only for those with a relation to the student. Audited.</summary>
public sealed class LeerlingBekijkenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<LeerlingKaart>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        LeerlingKaart? kaart;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            kaart = await Kaarten(db, db.ZichtbareLeerlingen(currentUser).Where(l => l.Id == leerlingId))
                .FirstOrDefaultAsync(cancellationToken);
        }
        if (kaart is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        await audit.ReadAsync(kaart.Id, "leerlingkaart", cancellationToken);
        return kaart;
    }

    /// <summary>The card of each student in <paramref name="leerlingen"/>, in one query.</summary>
    internal static IQueryable<LeerlingKaart> Kaarten(LeerlingzorgDbContext db, IQueryable<Leerling> leerlingen) =>
        leerlingen.Select(l => new LeerlingKaart(l.Id, l.Leerlingnummer,
            l.Voornaam + " " + (l.Tussenvoegsel == null ? "" : l.Tussenvoegsel + " ") + l.Achternaam,
            l.Geboortedatum, l.IsAmv, l.KlasId, l.Klas!.Naam,
            db.Users.Where(u => l.Klas!.Mentoren.Any(m => m.MedewerkerId == u.Id))
                .OrderBy(u => u.Achternaam)
                .Select(u => u.Voornaam + " " + (u.Tussenvoegsel == null ? "" : u.Tussenvoegsel + " ") + u.Achternaam)
                .ToList(),
            l.Ouders.OrderByDescending(o => o.Gezag).ThenBy(o => o.Ouder!.Achternaam).ThenBy(o => o.Ouder!.Voornaam)
                .Select(o => new OuderRegel(o.OuderId,
                    o.Ouder!.Voornaam + " " + (o.Ouder.Tussenvoegsel == null ? "" : o.Ouder.Tussenvoegsel + " ") + o.Ouder.Achternaam,
                    o.Relatie, o.Gezag, o.Ouder.Email, o.Ouder.Telefoon, o.Ouder.Voorkeurstaal))
                .ToList(),
            l.Status, l.Inschrijfdatum, l.Uitschrijfdatum, l.Uitschrijfreden,
            l.Plaatsingen.OrderByDescending(p => p.Schooljaar)
                .Select(p => new PlaatsingRegel(p.Schooljaar, p.KlasId, p.Klas!.Naam, p.Klas.Leerjaar, p.Uitkomst))
                .ToList()));
}
