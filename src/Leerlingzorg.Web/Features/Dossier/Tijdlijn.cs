using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Dossier;

/// <summary>What happened to a student. New kinds (meetings, PM changes, interventions, OPP versions, consent, absence) get a value here and a source in <see cref="TijdlijnHandler"/>.</summary>
public enum TijdlijnSoort
{
    Gesprek = 1,
    AfspraakGemaakt = 2,
    AfspraakAfgerond = 3,
}

/// <summary>The kind filter of the timeline: everything, one family of kinds, or the gesprekken of one GesprekSoort.</summary>
public enum TijdlijnFilterSoort
{
    Alles,
    Gesprekken,
    Afspraken,
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
}

public sealed record TijdlijnSoortKeuze(Guid Id, string Naam);

public sealed record TijdlijnPagina(IReadOnlyList<TijdlijnItem> Items, bool HeeftMeer, int Pagina);

/// <summary>
/// The student's timeline, newest first, paged in the database (one statement per page: a UNION ALL of one
/// projection per kind, ordered and cut with LIMIT/OFFSET). Gesprekken only as far as <see cref="Dossiertoegang.LeesbareGesprekken"/>
/// allows; afspraken of a gesprek only when that gesprek is readable (or the user owns the afspraak). Audited per page.
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
            // The student must be visible to the user; the check is folded into every source (no extra round trip).
            var leerling = db.ZichtbareLeerlingen(currentUser).Where(l => l.Id == vraag.LeerlingId);
            IQueryable<TijdlijnItem>? union = null;
            foreach (var bron in Bronnen(db, vraag, leerling))
            {
                union = union is null ? bron : union.Concat(bron);
            }
            if (union is null)
            {
                return new TijdlijnPagina([], false, pagina);
            }
            items = await union
                .OrderByDescending(i => i.Datum).ThenByDescending(i => i.Tijdstip).ThenByDescending(i => i.Id)
                .Skip((pagina - 1) * TijdlijnVraag.PaginaGrootte)
                .Take(TijdlijnVraag.PaginaGrootte + 1)
                .ToListAsync(cancellationToken);
            // An empty page: the student may be invisible to the user (or of another school); only then is the extra question asked.
            if (items.Count == 0 && !await leerling.AnyAsync(cancellationToken))
            {
                return Fout.NietGevonden("De leerling");
            }
        }
        var heeftMeer = items.Count > TijdlijnVraag.PaginaGrootte;
        if (heeftMeer)
        {
            items.RemoveAt(items.Count - 1);
        }
        var gesprekken = items.Count(i => i.Soort == TijdlijnSoort.Gesprek);
        await audit.ReadAsync(vraag.LeerlingId,
            $"tijdlijn pagina {pagina} ({Omschrijving(vraag)}): {gesprekken} gesprekken, {items.Count - gesprekken} andere items", cancellationToken);
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
        return await db.GesprekSoorten.Where(s => s.Actief).OrderBy(s => s.Volgorde).ThenBy(s => s.Naam)
            .Select(s => new TijdlijnSoortKeuze(s.Id, s.Naam))
            .ToListAsync(cancellationToken);
    }

    private static string Omschrijving(TijdlijnVraag vraag) =>
        vraag.GesprekSoortId is { } soort ? $"gesprekssoort {soort}" : vraag.Filter.ToString().ToLowerInvariant();

    /// <summary>One projection per kind; a later kind (meeting, PM change, intervention, OPP version, consent, absence) adds one here.</summary>
    private IEnumerable<IQueryable<TijdlijnItem>> Bronnen(LeerlingzorgDbContext db, TijdlijnVraag vraag, IQueryable<Domain.Leerlingen.Leerling> leerling)
    {
        var gesprekken = vraag.GesprekSoortId is not null || vraag.Filter is TijdlijnFilterSoort.Alles or TijdlijnFilterSoort.Gesprekken;
        var afspraken = vraag.GesprekSoortId is null && vraag.Filter is TijdlijnFilterSoort.Alles or TijdlijnFilterSoort.Afspraken;
        var leesbaar = db.LeesbareGesprekken(currentUser);
        var leerlingId = vraag.LeerlingId;
        if (gesprekken)
        {
            var soortId = vraag.GesprekSoortId;
            yield return leesbaar
                // The student's id as a constant (index on gesprek_leerlingen (school_id, leerling_id)); the
                // visibility of the student is an uncorrelated EXISTS that PostgreSQL evaluates once.
                .Where(g => g.Leerlingen.Any(gl => gl.LeerlingId == leerlingId) && leerling.Any())
                .Where(g => soortId == null || g.SoortId == soortId)
                .Select(g => new TijdlijnItem
                {
                    Soort = TijdlijnSoort.Gesprek,
                    Id = g.Id,
                    GesprekId = g.Id,
                    Datum = g.Datum,
                    Tijdstip = g.AangemaaktOp,
                    Titel = g.Soort!.Naam,
                    GesprekSoortId = g.SoortId,
                    Persoon = db.Users.Where(u => u.Id == g.AuteurId)
                        .Select(u => u.Voornaam + " " + (u.Tussenvoegsel == null ? "" : u.Tussenvoegsel + " ") + u.Achternaam)
                        .FirstOrDefault(),
                    Vertrouwelijkheid = g.Vertrouwelijkheid,
                    Tekst = g.Samenvatting.Substring(0, FragmentLengte),
                    IsVoortgang = g.Voortgang != null,
                    Deadline = null,
                    AantalLeerlingen = g.Leerlingen.Count,
                });
        }
        if (afspraken)
        {
            var userId = currentUser.Id ?? Guid.Empty;
            var zichtbareAfspraken = db.Afspraken
                .Where(a => a.LeerlingId == leerlingId && leerling.Any())
                .Where(a => a.GesprekId == null || a.EigenaarId == userId || leesbaar.Any(g => g.Id == a.GesprekId));
            yield return zichtbareAfspraken.Select(a => new TijdlijnItem
            {
                Soort = TijdlijnSoort.AfspraakGemaakt,
                Id = a.Id,
                GesprekId = a.GesprekId,
#pragma warning disable RS0030 // h3 replaces this: the UTC date of an afspraak becomes its Amsterdam date, in SQL.
                Datum = DateOnly.FromDateTime(a.AangemaaktOp.UtcDateTime),
#pragma warning restore RS0030
                Tijdstip = a.AangemaaktOp,
                Titel = a.Wat,
                GesprekSoortId = null,
                Persoon = db.Users.Where(u => u.Id == a.EigenaarId)
                    .Select(u => u.Voornaam + " " + (u.Tussenvoegsel == null ? "" : u.Tussenvoegsel + " ") + u.Achternaam)
                    .FirstOrDefault(),
                Vertrouwelijkheid = null,
                Tekst = null,
                IsVoortgang = false,
                Deadline = a.Deadline,
                AantalLeerlingen = 0,
            });
            yield return zichtbareAfspraken.Where(a => a.AfgerondOp != null).Select(a => new TijdlijnItem
            {
                Soort = TijdlijnSoort.AfspraakAfgerond,
                Id = a.Id,
                GesprekId = a.GesprekId,
#pragma warning disable RS0030 // h3 replaces this: the UTC date of an afspraak becomes its Amsterdam date, in SQL.
                Datum = DateOnly.FromDateTime(a.AfgerondOp!.Value.UtcDateTime),
#pragma warning restore RS0030
                Tijdstip = a.AfgerondOp!.Value,
                Titel = a.Wat,
                GesprekSoortId = null,
                Persoon = db.Users.Where(u => u.Id == a.EigenaarId)
                    .Select(u => u.Voornaam + " " + (u.Tussenvoegsel == null ? "" : u.Tussenvoegsel + " ") + u.Achternaam)
                    .FirstOrDefault(),
                Vertrouwelijkheid = null,
                Tekst = a.Evaluatie,
                IsVoortgang = false,
                Deadline = a.Deadline,
                AantalLeerlingen = 0,
            });
        }
    }
}
