using Leerlingzorg.Domain.Ondersteuningsprofielen;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Ondersteuningsprofielen;

/// <summary>One school on the public overview.</summary>
public sealed record PubliekeSchool(Guid SchoolId, string Naam, DateTimeOffset GepubliceerdOp, IReadOnlyList<string> Plaatsen, PubliekeInhoud Inhoud);

/// <summary>The public overview of one samenwerkingsverband: its schools that match, and the places to filter by.</summary>
public sealed record PubliekOverzicht(
    Guid? SwvId, string? SwvNaam, IReadOnlyList<PubliekeSchool> Scholen, int AantalGepubliceerd, IReadOnlyList<string> AllePlaatsen,
    IReadOnlyList<(Guid Id, string Naam)> AndereSwvs);

/// <summary>The filter of the public page, from its GET query; every part optional.</summary>
public sealed record PubliekFilter(string? Zoek = null, Expertise? Expertise = null, string? Plaats = null, Guid? Swv = null)
{
    public const int ZoekMaxLengte = 100;
}

/// <summary>
/// The public ondersteuningsoverzicht without login: reads only <c>gepubliceerde_profielen</c> and the partnerships'
/// names, never a school-owned table, so it holds no personal data. Anonymous; the page is output-cached under
/// <see cref="CacheTag"/>, which publishing clears.
/// </summary>
public sealed class PubliekOverzichtHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory)
{
    public const string CacheTag = "publiek-overzicht";

    public async Task<PubliekOverzicht> HandleAsync(PubliekFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var swvs = await db.Samenwerkingsverbanden
            .Where(s => db.GepubliceerdeProfielen.Any(p => p.SamenwerkingsverbandId == s.Id))
            .OrderBy(s => s.Naam).Select(s => new { s.Id, s.Naam }).ToListAsync(cancellationToken);
        // One partnership (the usual case, and the demo's) needs no choice; with several the query names one, or the first.
        var swv = swvs.FirstOrDefault(s => s.Id == filter.Swv) ?? swvs.FirstOrDefault();
        if (swv is null)
        {
            return new PubliekOverzicht(null, null, [], 0, [], []);
        }
        var vanSwv = db.GepubliceerdeProfielen.Where(p => p.SamenwerkingsverbandId == swv.Id);
        var query = vanSwv;
        if (filter.Expertise is { } expertise)
        {
            var code = expertise.ToString();
            query = query.Where(p => p.ExpertiseCodes.Contains(code));
        }
        if (!string.IsNullOrWhiteSpace(filter.Plaats))
        {
            var plaats = Domain.Tekst.Regel(filter.Plaats);
            query = query.Where(p => p.Plaatsen.Contains(plaats));
        }
        var zoek = GepubliceerdProfiel.Zoekbaar(filter.Zoek);
        if (zoek.Length > 0)
        {
            foreach (var woord in zoek.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8))
            {
                query = query.Where(p => p.Zoektekst.Contains(woord));
            }
        }
        var scholen = await query.OrderBy(p => p.SchoolNaam)
            .Select(p => new PubliekeSchool(p.SchoolId, p.SchoolNaam, p.GepubliceerdOp, p.Plaatsen, p.Inhoud))
            .ToListAsync(cancellationToken);
        var allePlaatsen = await vanSwv.Select(p => p.Plaatsen).ToListAsync(cancellationToken);
        var plaatsen = allePlaatsen.SelectMany(p => p).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture).ToList();
        var aantal = allePlaatsen.Count;
        return new PubliekOverzicht(swv.Id, swv.Naam, scholen, aantal, plaatsen, [.. swvs.Where(s => s.Id != swv.Id).Select(s => (s.Id, s.Naam))]);
    }
}
