using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Features.Besprekingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Verslagen;

/// <summary>
/// Closes a meeting (<see cref="Bespreking.SluitAf"/>), by an organisator: from then on each student's part is in his
/// dossier (on the timeline at its level) and nothing of it changes. <paramref name="versie"/> guards against closing a
/// meeting that someone else just closed or cancelled. One audit line per student whose part went into his dossier.
/// </summary>
public sealed class BesprekingAfsluitenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<DateTimeOffset>> HandleAsync(Guid besprekingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BesprekingslezerAsync(currentUser, besprekingId, tracking: true, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De bespreking");
        }
        if (!lezer.IsOrganisator)
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de voorzitter, de planner of de zorgcoördinator sluit de bespreking af.");
        }
        var bespreking = lezer.Bespreking;
        if (!bespreking.IsOpen)
        {
            return new Fout(FoutSoort.Ongeldig, bespreking.Status == BesprekingStatus.Afgesloten
                ? "Deze bespreking is al afgesloten; het verslag staat in de dossiers."
                : "Deze bespreking is geannuleerd.");
        }
        var nu = time.GetUtcNow();
        bespreking.SluitAf(nu);
        var leerlingen = await db.Agendapunten.Where(p => p.BesprekingId == besprekingId && !p.Anoniem)
            .Select(p => p.LeerlingId).ToListAsync(cancellationToken);
        foreach (var leerling in leerlingen)
        {
            audit.Add(db, AuditActie.Aanmaken, leerling, $"verslag van {bespreking.Naam} van {bespreking.Datum:yyyy-MM-dd} in het dossier ({bespreking.Id})");
        }
        if (leerlingen.Count == 0)
        {
            audit.Add(db, AuditActie.Wijzigen, null, $"{bespreking.Naam} van {bespreking.Datum:yyyy-MM-dd} afgesloten ({bespreking.Id})");
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Fout(FoutSoort.Ongeldig, "De bespreking is intussen door iemand anders gewijzigd of afgesloten. Laad de pagina opnieuw.");
        }
        return nu;
    }
}

/// <summary>
/// The chair sets the level of one student's part in the dossier (<see cref="Agendapunt.Markeer"/>): Zorg by default,
/// Vertrouwelijk, or Normaal so that the student's docents read the outcome. Organisators only, while the meeting is open.
/// </summary>
public sealed class VerslagdeelMarkerenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<Vertrouwelijkheid>> HandleAsync(Guid agendapuntId, Vertrouwelijkheid niveau, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (!Enum.IsDefined(niveau))
        {
            return new Fout(FoutSoort.Ongeldig, "Kies wie dit deel van het verslag mag lezen.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var punt = await db.Agendapunten.AsTracking().FirstOrDefaultAsync(p => p.Id == agendapuntId, cancellationToken);
        if (punt is null || await db.BesprekingslezerAsync(currentUser, punt.BesprekingId, cancellationToken: cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De leerling op de agenda");
        }
        if (!lezer.IsOrganisator)
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de voorzitter, de planner of de zorgcoördinator bepaalt wie dit deel leest.");
        }
        if (!lezer.Bespreking.IsOpen)
        {
            return new Fout(FoutSoort.Ongeldig, "Deze bespreking is afgesloten: het verslag wordt niet meer gewijzigd.");
        }
        if (punt.Markeer(lezer.Bespreking, niveau))
        {
            audit.Add(db, AuditActie.Wijzigen, punt.Anoniem ? null : punt.LeerlingId, $"deel van het verslag van {lezer.Bespreking.Naam} op niveau {niveau} ({punt.Id})");
            await db.SaveChangesAsync(cancellationToken);
        }
        return niveau;
    }
}
