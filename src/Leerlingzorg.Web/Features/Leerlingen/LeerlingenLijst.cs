using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Features.Zoeken;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Leerlingen;

public enum StatusFilter
{
    Ingeschreven,
    Uitgeschreven,
    Alle,
}

public enum LeerlingSortering
{
    Naam,
    Leerlingnummer,
    Klas,
    Geboortedatum,
    Status,
}

/// <summary>One page of the student list. <paramref name="Pagina"/> counts from 0.</summary>
public sealed record LeerlingenVraag(
    int Pagina = 0,
    int PaginaGrootte = 25,
    LeerlingSortering Sortering = LeerlingSortering.Naam,
    bool Aflopend = false,
    Guid? KlasId = null,
    StatusFilter Status = StatusFilter.Ingeschreven,
    string? Naam = null);

public sealed record LeerlingRegel(Guid Id, string Leerlingnummer, string Voornaam, string? Tussenvoegsel, string Achternaam,
    DateOnly Geboortedatum, Guid? KlasId, string? Klas, bool IsAmv, LeerlingStatus Status, DateOnly? Uitschrijfdatum)
{
    public string Sorteernaam => Domain.Naam.Sorteer(Voornaam, Tussenvoegsel, Achternaam);
}

public sealed record LeerlingenPagina(IReadOnlyList<LeerlingRegel> Regels, int Totaal);

public sealed record KlasKeuze(Guid Id, string Naam, int Leerjaar);

/// <summary>
/// The students the user may see (need-to-know, and for a beheerder all of his school), paged, sorted and
/// filtered in the database. Every student of a page shown is a read in the audit log.
/// </summary>
public sealed class LeerlingenLijstHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public const int MaximalePaginaGrootte = 100;

    public async Task<LeerlingenPagina> HandleAsync(LeerlingenVraag vraag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vraag);
        if (!Toegang.IsMedewerker(currentUser))
        {
            return new LeerlingenPagina([], 0);
        }
        var grootte = Math.Clamp(vraag.PaginaGrootte, 1, MaximalePaginaGrootte);
        var pagina = Math.Max(vraag.Pagina, 0);
        LeerlingenPagina resultaat;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var query = db.LeerlingenInOverzicht(currentUser);
            query = vraag.Status switch
            {
                StatusFilter.Ingeschreven => query.Where(l => l.Status == LeerlingStatus.Ingeschreven),
                StatusFilter.Uitgeschreven => query.Where(l => l.Status == LeerlingStatus.Uitgeschreven),
                _ => query,
            };
            if (vraag.KlasId is { } klasId)
            {
                query = query.Where(l => l.KlasId == klasId);
            }
            if (LeerlingZoekenHandler.Normaliseer(vraag.Naam) is { } term)
            {
                query = query.Zoek(term, LeerlingZoekfilter.LijstDrempel);
            }
            var totaal = await query.CountAsync(cancellationToken);
            var regels = await Sorteer(query, vraag.Sortering, vraag.Aflopend)
                .Skip(pagina * grootte).Take(grootte)
                .Select(l => new LeerlingRegel(l.Id, l.Leerlingnummer, l.Voornaam, l.Tussenvoegsel, l.Achternaam, l.Geboortedatum,
                    l.KlasId, l.Klas!.Naam, l.IsAmv, l.Status, l.Uitschrijfdatum))
                .ToListAsync(cancellationToken);
            resultaat = new LeerlingenPagina(regels, totaal);
        }
        if (resultaat.Regels.Count > 0)
        {
            // One line per student shown, in one round trip; no names or search terms in the detail.
            await audit.ReadEachAsync(resultaat.Regels.Select(r => r.Id),
                $"leerlingenlijst: {resultaat.Regels.Count} van {resultaat.Totaal} leerlingen (pagina {pagina + 1})", cancellationToken);
        }
        return resultaat;
    }

    /// <summary>
    /// The classes of this schooljaar that the user may see, for the klas filter; after the rollover (students are
    /// then in next year's classes) also those of the next schooljaar.
    /// </summary>
    public async Task<IReadOnlyList<KlasKeuze>> KlassenAsync(CancellationToken cancellationToken = default)
    {
        var jaar = Schoolkalender.HuidigSchooljaar(time);
        var volgend = jaar.Volgend;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var klassen = await db.ZichtbareKlassen(currentUser)
            .Where(k => k.Schooljaar == jaar || k.Schooljaar == volgend)
            .OrderBy(k => k.Schooljaar).ThenBy(k => k.Leerjaar).ThenBy(k => k.Naam)
            .Select(k => new { k.Id, k.Naam, k.Leerjaar, k.Schooljaar })
            .ToListAsync(cancellationToken);
        return klassen
            .Select(k => new KlasKeuze(k.Id, k.Schooljaar == jaar ? k.Naam : $"{k.Naam} ({k.Schooljaar})", k.Leerjaar))
            .ToList();
    }

    // Always ends on the id, so that paging is stable when names or classes are equal.
    private static IOrderedQueryable<Leerling> Sorteer(IQueryable<Leerling> query, LeerlingSortering sortering, bool aflopend) => sortering switch
    {
        LeerlingSortering.Leerlingnummer => Op(query, l => l.Leerlingnummer, aflopend).ThenBy(l => l.Id),
        LeerlingSortering.Klas => Op(query, l => l.Klas!.Naam, aflopend).ThenBy(l => l.Achternaam).ThenBy(l => l.Voornaam).ThenBy(l => l.Id),
        LeerlingSortering.Geboortedatum => Op(query, l => l.Geboortedatum, aflopend).ThenBy(l => l.Id),
        LeerlingSortering.Status => Op(query, l => l.Status, aflopend).ThenBy(l => l.Achternaam).ThenBy(l => l.Voornaam).ThenBy(l => l.Id),
        _ => aflopend
            ? query.OrderByDescending(l => l.Achternaam).ThenByDescending(l => l.Voornaam).ThenBy(l => l.Id)
            : query.OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam).ThenBy(l => l.Id),
    };

    private static IOrderedQueryable<Leerling> Op<TSleutel>(IQueryable<Leerling> query, System.Linq.Expressions.Expression<Func<Leerling, TSleutel>> sleutel, bool aflopend) =>
        aflopend ? query.OrderByDescending(sleutel) : query.OrderBy(sleutel);
}
