using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Afspraken;

/// <summary>
/// One afspraak of the user. The gesprek it came from is shown by kind and date only (its existence, not its
/// content): the detail page of the gesprek applies the read rule itself.
/// </summary>
public sealed record AfspraakRij(Guid Id, string Wat, DateOnly? Deadline, DateTimeOffset AangemaaktOp,
    Guid LeerlingId, string Leerling, string? Klas, Guid? GesprekId, string? GesprekSoort, DateOnly? GesprekDatum,
    DateTimeOffset? AfgerondOp, string? Evaluatie)
{
    public bool IsVerlopen(DateOnly vandaag) => Domain.Dossier.Afspraak.IsVerlopenOp(Deadline, AfgerondOp is not null, vandaag);
}

public sealed record AfgerondePagina(IReadOnlyList<AfspraakRij> Items, bool HeeftMeer, int Pagina)
{
    public const int PaginaGrootte = 20;
}

/// <summary>
/// "Mijn afspraken": the open afspraken the user owns, overdue first and then by deadline (a compiled query on the
/// index (school_id, eigenaar_id, afgerond_op, deadline)); the finished ones paged. Audited per student shown.
/// </summary>
public sealed class MijnAfsprakenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    private static readonly Func<LeerlingzorgDbContext, Guid, DateOnly, IAsyncEnumerable<AfspraakRij>> OpenQuery =
        // The date is not needed by the query any more (see the order below); the signature is kept for the caller.
        EF.CompileAsyncQuery((LeerlingzorgDbContext db, Guid eigenaar, DateOnly _) =>
            db.Afspraken
                .Where(a => a.EigenaarId == eigenaar && a.AfgerondOp == null)
                // Overdue first needs no key of its own (no second copy of the rule): an overdue deadline lies before
                // every other one, and an afspraak without a deadline is never overdue.
                .OrderBy(a => a.Deadline == null).ThenBy(a => a.Deadline).ThenBy(a => a.AangemaaktOp)
                // The same projection as Rijen, written out: a compiled query cannot call a method that builds a query.
                .Select(a => new AfspraakRij(a.Id, a.Wat, a.Deadline, a.AangemaaktOp, a.LeerlingId,
                    db.Leerlingen.Where(l => l.Id == a.LeerlingId)
                        .Select(l => LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam))
                        .FirstOrDefault() ?? "",
                    db.Leerlingen.Where(l => l.Id == a.LeerlingId).Select(l => l.Klas!.Naam).FirstOrDefault(),
                    a.GesprekId,
                    db.Gesprekken.Where(g => g.Id == a.GesprekId && g.VerwijderdOp == null).Select(g => g.Soort!.Naam).FirstOrDefault(),
                    db.Gesprekken.Where(g => g.Id == a.GesprekId && g.VerwijderdOp == null).Select(g => (DateOnly?)g.Datum).FirstOrDefault(),
                    a.AfgerondOp, a.Evaluatie)));

    /// <summary>Staff own afspraken; a staff member who is also a parent keeps his.</summary>
    public static bool MagAfspraakHebben(CurrentUser user) => Toegang.IsMedewerker(user);

    public async Task<IReadOnlyList<AfspraakRij>> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!MagAfspraakHebben(currentUser))
        {
            return [];
        }
        var rijen = new List<AfspraakRij>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await foreach (var rij in OpenQuery(db, currentUser.Id!.Value, Schoolkalender.Vandaag(time)).WithCancellation(cancellationToken))
            {
                rijen.Add(rij);
            }
        }
        await audit.ReadEachAsync(rijen.Select(r => r.LeerlingId).Distinct(), "mijn afspraken (open)", cancellationToken);
        return rijen;
    }

    public async Task<AfgerondePagina> AfgerondAsync(int pagina, CancellationToken cancellationToken = default)
    {
        pagina = Math.Max(1, pagina);
        if (!MagAfspraakHebben(currentUser))
        {
            return new AfgerondePagina([], false, pagina);
        }
        var eigenaar = currentUser.Id!.Value;
        List<AfspraakRij> rijen;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            rijen = await Rijen(db, db.Afspraken
                    .Where(a => a.EigenaarId == eigenaar && a.AfgerondOp != null)
                    .OrderByDescending(a => a.AfgerondOp).ThenByDescending(a => a.Id))
                .Skip((pagina - 1) * AfgerondePagina.PaginaGrootte)
                .Take(AfgerondePagina.PaginaGrootte + 1)
                .ToListAsync(cancellationToken);
        }
        var heeftMeer = rijen.Count > AfgerondePagina.PaginaGrootte;
        if (heeftMeer)
        {
            rijen.RemoveAt(rijen.Count - 1);
        }
        await audit.ReadEachAsync(rijen.Select(r => r.LeerlingId).Distinct(), $"mijn afspraken (afgerond, pagina {pagina})", cancellationToken);
        return new AfgerondePagina(rijen, heeftMeer, pagina);
    }

    private static IQueryable<AfspraakRij> Rijen(LeerlingzorgDbContext db, IQueryable<Domain.Dossier.Afspraak> afspraken) =>
        afspraken.Select(a => new AfspraakRij(a.Id, a.Wat, a.Deadline, a.AangemaaktOp, a.LeerlingId,
            db.Leerlingen.Where(l => l.Id == a.LeerlingId)
                .Select(l => LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam))
                .FirstOrDefault() ?? "",
            db.Leerlingen.Where(l => l.Id == a.LeerlingId).Select(l => l.Klas!.Naam).FirstOrDefault(),
            a.GesprekId,
            db.Gesprekken.Where(g => g.Id == a.GesprekId && g.VerwijderdOp == null).Select(g => g.Soort!.Naam).FirstOrDefault(),
            db.Gesprekken.Where(g => g.Id == a.GesprekId && g.VerwijderdOp == null).Select(g => (DateOnly?)g.Datum).FirstOrDefault(),
            a.AfgerondOp, a.Evaluatie));
}
