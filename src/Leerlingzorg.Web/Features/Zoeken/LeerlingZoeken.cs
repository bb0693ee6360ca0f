using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Persistence.Configurations;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Zoeken;

public sealed record ZoekResultaat(Guid Id, string Naam, string Leerlingnummer, string? Klas, bool IsUitgeschreven);

/// <summary>
/// Typo- and accent-tolerant matching on name and leerlingnummer, on the student's stored search text (column
/// <c>zoektekst</c> = <c>lz_zoektekst(…)</c>, computed once per write): a word of the text resembles the term
/// (pg_trgm <c>word_similarity</c> ≥ the threshold), or the text contains the term. Both sides lose accents and case
/// in the database (<c>lz_zoekterm</c>).
/// </summary>
public static class LeerlingZoekfilter
{
    /// <summary>The quick search: forgiving, the best matches come first anyway ("jansne" finds Jansen).</summary>
    public const double Drempel = 0.3;

    /// <summary>
    /// The name filter of the list, sorted by name rather than by match: stricter, so that "jansen" does not also
    /// list every Jan (0.43) while a typo or a Hansen (0.57) still shows.
    /// </summary>
    public const double LijstDrempel = 0.5;

    public static IQueryable<Leerling> Zoek(this IQueryable<Leerling> leerlingen, string term, double drempel = Drempel) =>
        leerlingen.Where(l =>
            LeerlingzorgDbContext.WoordGelijkenis(LeerlingzorgDbContext.Zoekterm(term), EF.Property<string>(l, LeerlingConfiguration.Zoektekst)) >= drempel
            || EF.Property<string>(l, LeerlingConfiguration.Zoektekst).Contains(LeerlingzorgDbContext.Zoekterm(term)));

    /// <summary>Best match first: the order of the quick search.</summary>
    public static IOrderedQueryable<Leerling> OpGelijkenis(this IQueryable<Leerling> leerlingen, string term) =>
        leerlingen.OrderByDescending(l =>
            LeerlingzorgDbContext.WoordGelijkenis(LeerlingzorgDbContext.Zoekterm(term), EF.Property<string>(l, LeerlingConfiguration.Zoektekst)));
}

/// <summary>
/// The quick search in the app bar: the students the user may see (need-to-know; a beheerder every student of his
/// school, as on the list), best match first. The box searches after a pause in typing, and each answer records the
/// students it showed (one audit line each, without the search term).
/// </summary>
public sealed class LeerlingZoekenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public const int MinimumTekens = 2;
    public const int MaximumResultaten = 10;
    private const int MaximumLengte = 100;

    /// <summary>The term as searched: trimmed, single spaces, at most 100 characters; null when too short to search.</summary>
    public static string? Normaliseer(string? term)
    {
        // A NUL in a query parameter fails the whole query in PostgreSQL: search what can be typed.
        term = Domain.Tekst.Regel(term);
        if (string.IsNullOrWhiteSpace(term))
        {
            return null;
        }
        var schoon = string.Join(' ', term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (schoon.Length < MinimumTekens)
        {
            return null;
        }
        return schoon.Length > MaximumLengte ? schoon[..MaximumLengte] : schoon;
    }

    public async Task<IReadOnlyList<ZoekResultaat>> HandleAsync(string? term, CancellationToken cancellationToken = default)
    {
        if (Normaliseer(term) is not { } zoekterm || !Toegang.IsMedewerker(currentUser))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One connection for the search and its audit lines: it runs after every pause in typing.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var resultaten = await (await QueryAsync(db, zoekterm, cancellationToken)).ToListAsync(cancellationToken);
        await audit.ReadEachAsync(db, resultaten.Select(r => r.Id).ToList(), "snel zoeken", cancellationToken);
        return resultaten;
    }

    /// <summary>
    /// The search as a query, best match first (for EXPLAIN in the tests and the benchmark). Need-to-know comes before
    /// the match: for a reader who sees only some classes (mentor, docent, coördinator) the classes he sees are looked
    /// up first (one small query on klassen), and the search reads only the students of those classes, from the
    /// (school_id, klas_id) index; the trigram match never runs on a student he may not see. The
    /// <see cref="Toegang.ZichtbareLeerlingen"/> predicate stays in the query as the rule; the class list only
    /// narrows where the rows come from (every student it admits is in a visible class, see Toegang).
    /// </summary>
    internal async Task<IQueryable<ZoekResultaat>> QueryAsync(LeerlingzorgDbContext db, string zoekterm, CancellationToken cancellationToken = default)
    {
        var leerlingen = db.LeerlingenInOverzicht(currentUser);
        if (!Toegang.ZietAlleLeerlingen(currentUser) && !Toegang.MagBeheren(currentUser))
        {
            var klassen = await db.ZichtbareKlassen(currentUser).Select(k => k.Id).ToListAsync(cancellationToken);
            // A coördinator of the whole school (no leerjaar, no afdeling) also sees the students without a class
            // (uitgeschreven); Toegang decides, this only lets those rows be read.
            leerlingen = currentUser.IsInEenVan([Rollen.Leerjaarcoordinator, Rollen.Afdelingscoordinator])
                ? leerlingen.Where(l => l.KlasId == null || klassen.Contains(l.KlasId.Value))
                : leerlingen.Where(l => l.KlasId != null && klassen.Contains(l.KlasId.Value));
        }
        return leerlingen
            .Zoek(zoekterm)
            .OpGelijkenis(zoekterm)
            .ThenBy(l => l.Status)
            .ThenBy(l => l.Achternaam).ThenBy(l => l.Voornaam).ThenBy(l => l.Id)
            .Take(MaximumResultaten)
            .Select(l => new ZoekResultaat(l.Id,
                LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam),
                l.Leerlingnummer, l.Klas!.Naam, l.Status == LeerlingStatus.Uitgeschreven));
    }
}
