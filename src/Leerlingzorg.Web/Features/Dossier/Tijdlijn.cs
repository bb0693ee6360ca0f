using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Dossier;

/// <summary>What happened to a student. New kinds (meetings, PM changes, interventions, OPP versions, consent, absence) get a value here and a source in <see cref="Dossierbronnen"/>.</summary>
public enum TijdlijnSoort
{
    Gesprek = 1,
    AfspraakGemaakt = 2,
    AfspraakAfgerond = 3,
    PmGewijzigd = 4,
    InzetGestart = 5,
    InzetBeeindigd = 6,
    ToestemmingGegeven = 7,
    ToestemmingIngetrokken = 8,
    PasVastgesteld = 9,
    /// <summary>The student's part of a closed meeting (its verslag).</summary>
    Besproken = 10,
    /// <summary>A plan version took effect: an OPP agreed, a handelingsplan adopted.</summary>
    PlanVanKracht = 11,
    PlanGeevalueerd = 12,
    /// <summary>The aanmelding (PM 0) of a placed student: received, with its support question.</summary>
    Aangemeld = 13,
    /// <summary>The decision on that aanmelding: placed with or without OPP.</summary>
    AanmeldingBesloten = 14,
    /// <summary>An application sent to the samenwerkingsverband (issue 12).</summary>
    SwvAanvraag = 15,
    /// <summary>The samenwerkingsverband decided on an application.</summary>
    SwvBesluit = 16,
}

/// <summary>The kind filter of the timeline: everything, one family of kinds, or the gesprekken of one GesprekSoort.</summary>
public enum TijdlijnFilterSoort
{
    Alles,
    Gesprekken,
    Afspraken,
    /// <summary>The support structure: the ladder, interventions, consent, the ondersteuningspas, the plans.</summary>
    Ondersteuning,
    /// <summary>The meetings the student was discussed in.</summary>
    Besprekingen,
}

public sealed record TijdlijnVraag(Guid LeerlingId, int Pagina = 1, TijdlijnFilterSoort Filter = TijdlijnFilterSoort.Alles, Guid? GesprekSoortId = null)
{
    public const int PaginaGrootte = 20;
}

/// <summary>
/// One item of the timeline: the common projection every source maps to (one SQL UNION ALL), so that the database
/// sorts and pages all kinds together. Every source sets every member, in this order (a set operation needs the same shape).
/// </summary>
public sealed class TijdlijnItem
{
    public TijdlijnSoort Soort { get; init; }
    /// <summary>The id of the source row (gesprek, afspraak, …).</summary>
    public Guid Id { get; init; }
    /// <summary>The gesprek the item belongs to, for the link to <c>/gesprekken/{id}</c>.</summary>
    public Guid? GesprekId { get; init; }
    public DateOnly Datum { get; init; }
    /// <summary>The order within a day.</summary>
    public DateTimeOffset Tijdstip { get; init; }
    public string Titel { get; init; } = "";
    public Guid? GesprekSoortId { get; init; }
    /// <summary>Author of a gesprek, owner of an afspraak.</summary>
    public string? Persoon { get; init; }
    public Vertrouwelijkheid? Vertrouwelijkheid { get; init; }
    /// <summary>The first part of the samenvatting, or the evaluation of a finished afspraak.</summary>
    public string? Tekst { get; init; }
    public bool IsVoortgang { get; init; }
    public DateOnly? Deadline { get; init; }
    /// <summary>How many students a gesprek is about: more than one makes it a groepsgesprek. Zero for other kinds.</summary>
    public int AantalLeerlingen { get; init; }
    /// <summary>The level a step on the ladder went to; null for other kinds.</summary>
    public Domain.Ondersteuning.PmNiveau? Niveau { get; init; }
}

public sealed record TijdlijnSoortKeuze(Guid Id, string Naam);

public sealed record TijdlijnPagina(IReadOnlyList<TijdlijnItem> Items, bool HeeftMeer, int Pagina);

/// <summary>
/// The student's timeline, newest first, paged in the database (one statement per page: a UNION ALL of the timeline
/// projections of every <see cref="Dossierbronnen">dossier source</see>, ordered and cut with LIMIT/OFFSET). The reader's
/// relation to the student is resolved first, in one small query; each source then filters what he may read. Audited per page.
/// </summary>
public sealed class TijdlijnHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    /// <summary>How much of the samenvatting travels to the page: the first lines, never 20,000 characters.</summary>
    public const int FragmentLengte = 280;

    public async Task<Result<TijdlijnPagina>> HandleAsync(TijdlijnVraag vraag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vraag);
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var pagina = Math.Max(1, vraag.Pagina);
        List<TijdlijnItem> items;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // One connection (one session setting) for the relation, the page and its audit line.
            await db.Database.OpenConnectionAsync(cancellationToken);
            // Invisible to the user (no relation, not schoolwide) or of another school: not found.
            if (await db.DossierlezerAsync(currentUser, vraag.LeerlingId, cancellationToken) is not { } lezer)
            {
                return Fout.NietGevonden("De leerling");
            }
            if (vraag is { Filter: TijdlijnFilterSoort.Alles, GesprekSoortId: null } && !lezer.GroepsgesprekkenRuimer)
            {
                // The page as almost every reader opens it: the same union, compiled once.
                items = [];
                await foreach (var item in AllesVanLezer(db, lezer.LeerlingId, lezer.Id, lezer.Niveaus, lezer.NiveausAlsAuteur, Ondersteuningsbronnen.LeestZorg(lezer),
                    (pagina - 1) * TijdlijnVraag.PaginaGrootte, TijdlijnVraag.PaginaGrootte + 1).WithCancellation(cancellationToken))
                {
                    items.Add(item);
                }
            }
            else
            {
                IQueryable<TijdlijnItem>? union = null;
                foreach (var bron in Dossierbronnen.Alle.SelectMany(b => b.Tijdlijn(db, lezer, vraag)))
                {
                    union = union is null ? bron : union.Concat(bron);
                }
                if (union is null)
                {
                    return new TijdlijnPagina([], false, pagina);
                }
                items = await union.Ingevoegd()
                    .OrderByDescending(i => i.Datum).ThenByDescending(i => i.Tijdstip).ThenByDescending(i => i.Id)
                    .Skip((pagina - 1) * TijdlijnVraag.PaginaGrootte)
                    .Take(TijdlijnVraag.PaginaGrootte + 1)
                    .ToListAsync(cancellationToken);
            }
            return await PaginaAsync(db, vraag, pagina, items, cancellationToken);
        }
    }

    /// <summary>
    /// The whole timeline (<see cref="TijdlijnFilterSoort.Alles"/>) of a reader whose relation decides: the sources of
    /// <see cref="Dossierbronnen.Alle"/> in their order (gesprekken, afspraken made, afspraken finished, then the support structure's and the meetings'), their parts inlined.
    /// </summary>
    private static readonly Func<LeerlingzorgDbContext, Guid, Guid, Vertrouwelijkheid[], Vertrouwelijkheid[], bool, int, int, IAsyncEnumerable<TijdlijnItem>> AllesVanLezer =
        EF.CompileAsyncQuery(Inline.In<Func<LeerlingzorgDbContext, Guid, Guid, Vertrouwelijkheid[], Vertrouwelijkheid[], bool, int, int, IQueryable<TijdlijnItem>>>(
            (LeerlingzorgDbContext db, Guid leerlingId, Guid id, Vertrouwelijkheid[] niveaus, Vertrouwelijkheid[] alsAuteur, bool zorg, int skip, int take) =>
                Ondersteuningsbronnen.Achter.Roep(db,
                    Dossierbronnen.GesprekItems.Roep(db, Dossiertoegang.GesprekkenVanLezer.Roep(db, leerlingId, id, niveaus, alsAuteur), null)
                        .Concat(Dossierbronnen.GemaakteAfspraken.Roep(db, Dossierbronnen.LeesbareAfspraken.Roep(db, leerlingId, id,
                            Dossiertoegang.GesprekkenVanLezer.Roep(db, leerlingId, id, niveaus, alsAuteur), niveaus)))
                        .Concat(Dossierbronnen.AfgerondeAfspraken.Roep(db, Dossierbronnen.LeesbareAfspraken.Roep(db, leerlingId, id,
                            Dossiertoegang.GesprekkenVanLezer.Roep(db, leerlingId, id, niveaus, alsAuteur), niveaus))),
                    leerlingId, zorg)
                    .Concat(Besprekingsbronnen.BesprokenItems.Roep(db, leerlingId, niveaus))
                    .OrderByDescending(i => i.Datum).ThenByDescending(i => i.Tijdstip).ThenByDescending(i => i.Id)
                    .Skip(skip)
                    .Take(take)));

    private async Task<Result<TijdlijnPagina>> PaginaAsync(LeerlingzorgDbContext db, TijdlijnVraag vraag, int pagina, List<TijdlijnItem> items, CancellationToken cancellationToken)
    {
        var heeftMeer = items.Count > TijdlijnVraag.PaginaGrootte;
        if (heeftMeer)
        {
            items.RemoveAt(items.Count - 1);
        }
        var gesprekken = items.Count(i => i.Soort == TijdlijnSoort.Gesprek);
        await audit.ReadEachAsync(db, [vraag.LeerlingId],
            $"tijdlijn pagina {pagina} ({Omschrijving(vraag)}): {gesprekken} {Dossierbronnen.Gesprekken.AuditOmschrijving}, {items.Count - gesprekken} andere items",
            cancellationToken);
        return new TijdlijnPagina(items, heeftMeer, pagina);
    }

    /// <summary>The school's active kinds of gesprek, for the filter chips.</summary>
    public async Task<IReadOnlyList<TijdlijnSoortKeuze>> SoortenAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var soorten = new List<TijdlijnSoortKeuze>();
        await foreach (var soort in SoortenQuery(db).WithCancellation(cancellationToken))
        {
            soorten.Add(soort);
        }
        return soorten;
    }

    private static readonly Func<LeerlingzorgDbContext, IAsyncEnumerable<TijdlijnSoortKeuze>> SoortenQuery =
        EF.CompileAsyncQuery((LeerlingzorgDbContext db) => db.GesprekSoorten.Where(s => s.Actief).OrderBy(s => s.Volgorde).ThenBy(s => s.Naam)
            .Select(s => new TijdlijnSoortKeuze(s.Id, s.Naam)));

    private static string Omschrijving(TijdlijnVraag vraag) =>
        vraag.GesprekSoortId is { } soort ? $"gesprekssoort {soort}" : vraag.Filter.ToString().ToLowerInvariant();
}
