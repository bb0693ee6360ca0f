using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Verwijsindex;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Verwijsindex;

public sealed record TermijnRegel(Guid LeerlingId, string Naam, DateOnly GesignaleerdOp, DateOnly Uiterlijk, Termijnstand Stand);

/// <summary>The reminders: how many registrations are due for removal, and the first <c>aantal</c> of them, overdue first.</summary>
public sealed record VerwijsindexTermijnenPagina(int Totaal, IReadOnlyList<TermijnRegel> Regels);

/// <summary>
/// The zorgcoördinator's reminder (start page): registrations not removed whose two-year deadline is within
/// <see cref="Signalering.HerinneringWeken"/> weeks or has passed (<see cref="Signalering.TeHerinneren"/>), oldest first,
/// limited in the database. Only for the meldingsbevoegde, who acts on it; the students listed are audited.
/// </summary>
public sealed class VerwijsindexTermijnenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public Task<Result<VerwijsindexTermijnenPagina>> HandleAsync(int aantal = 5, CancellationToken cancellationToken = default) =>
        Intern(aantal, cancellationToken).BijStoring();

    private async Task<Result<VerwijsindexTermijnenPagina>> Intern(int aantal, CancellationToken cancellationToken)
    {
        if (!Verwijsindexrecht.MagMelden(currentUser))
        {
            return Verwijsindexrecht.Geweigerd;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var pagina = Math.Clamp(aantal, 1, 50);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teHerinneren = db.Signaleringen.Where(Signalering.TeHerinneren(vandaag));
        var totaal = await teHerinneren.CountAsync(cancellationToken);
        var rijen = totaal == 0 ? [] : await teHerinneren.OrderBy(s => s.GesignaleerdOp).ThenBy(s => s.Id).Take(pagina)
            .Select(s => new { s.LeerlingId, s.Naam, s.GesignaleerdOp })
            .ToListAsync(cancellationToken);
        var regels = rijen.Select(r => new TermijnRegel(r.LeerlingId, r.Naam, r.GesignaleerdOp, Signalering.UiterlijkVan(r.GesignaleerdOp),
            Signalering.StandVan(r.GesignaleerdOp, afgemeld: false, vandaag))).ToList();
        await audit.ReadListAsync([.. regels.Select(r => r.LeerlingId)], "verwijsindex: termijnen", cancellationToken);
        return new VerwijsindexTermijnenPagina(totaal, regels);
    }
}
