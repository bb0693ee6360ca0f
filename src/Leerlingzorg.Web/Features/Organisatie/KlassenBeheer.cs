using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

public sealed record KlassenZoekopdracht(Schooljaar Schooljaar, string? Zoekterm = null, PaginaVerzoek? Pagina = null);

public sealed record KlasBeheerRegel(Guid Id, string Naam, int Leerjaar, Schooljaar Schooljaar, Guid AfdelingId, string Afdeling,
    Guid LocatieId, string Locatie, int AantalLeerlingen, IReadOnlyList<Keuze> Mentoren);

/// <summary>The classes of one schooljaar for management: searched, sorted and paged in the database.</summary>
public sealed class KlassenBeheerHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public const string OpNaam = "naam";
    public const string OpLeerjaar = "leerjaar";
    public const string OpAfdeling = "afdeling";
    public const string OpLocatie = "locatie";
    public const string OpLeerlingen = "leerlingen";

    public async Task<Result<Pagina<KlasBeheerRegel>>> HandleAsync(KlassenZoekopdracht zoekopdracht, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zoekopdracht);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var pagina = zoekopdracht.Pagina ?? new PaginaVerzoek();
        var jaar = zoekopdracht.Schooljaar;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var klassen = db.Klassen.Where(k => k.Schooljaar == jaar);
        if (!string.IsNullOrWhiteSpace(zoekopdracht.Zoekterm))
        {
            var patroon = Beheer.Bevat(zoekopdracht.Zoekterm);
            klassen = klassen.Where(k => EF.Functions.ILike(k.Naam, patroon)
                || EF.Functions.ILike(k.Afdeling!.Naam, patroon)
                || EF.Functions.ILike(k.Locatie!.Naam, patroon));
        }
        var totaal = await klassen.CountAsync(cancellationToken);
        klassen = (pagina.SorteerOp, pagina.Aflopend) switch
        {
            (OpNaam, false) => klassen.OrderBy(k => k.Naam),
            (OpNaam, true) => klassen.OrderByDescending(k => k.Naam),
            (OpAfdeling, false) => klassen.OrderBy(k => k.Afdeling!.Naam).ThenBy(k => k.Naam),
            (OpAfdeling, true) => klassen.OrderByDescending(k => k.Afdeling!.Naam).ThenBy(k => k.Naam),
            (OpLocatie, false) => klassen.OrderBy(k => k.Locatie!.Naam).ThenBy(k => k.Naam),
            (OpLocatie, true) => klassen.OrderByDescending(k => k.Locatie!.Naam).ThenBy(k => k.Naam),
            (OpLeerlingen, false) => klassen.OrderBy(k => k.Leerlingen.Count).ThenBy(k => k.Naam),
            (OpLeerlingen, true) => klassen.OrderByDescending(k => k.Leerlingen.Count).ThenBy(k => k.Naam),
            (_, true) => klassen.OrderByDescending(k => k.Leerjaar).ThenBy(k => k.Naam),
            _ => klassen.OrderBy(k => k.Leerjaar).ThenBy(k => k.Naam),
        };
        var items = await klassen.Skip(pagina.Overslaan).Take(pagina.Aantal)
            .Select(k => new KlasBeheerRegel(k.Id, k.Naam, k.Leerjaar, k.Schooljaar, k.AfdelingId, k.Afdeling!.Naam, k.LocatieId, k.Locatie!.Naam,
                k.Leerlingen.Count,
                db.Users.Where(u => k.Mentoren.Any(m => m.MedewerkerId == u.Id))
                    .OrderBy(u => u.Achternaam).ThenBy(u => u.Voornaam)
                    .Select(u => new Keuze(u.Id, LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam)))
                    .ToList()))
            .ToListAsync(cancellationToken);
        return new Pagina<KlasBeheerRegel>(items, totaal);
    }
}
