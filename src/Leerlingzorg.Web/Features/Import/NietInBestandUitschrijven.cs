using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Import;

/// <param name="RunId">The full import that found these students missing.</param>
/// <param name="LeerlingIds">The students the user ticked; only those the run listed are accepted.</param>
public sealed record UitschrijvenOpdracht(Guid RunId, IReadOnlyList<Guid> LeerlingIds, DateOnly Datum);

/// <summary>
/// Step 5: ends the enrolment of students a full export no longer lists. Never a delete: the student and his
/// dossier stay (the retention period starts on the uitschrijfdatum). Returns how many were uitgeschreven.
/// </summary>
public sealed class NietInBestandUitschrijvenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<int>> HandleAsync(UitschrijvenOpdracht opdracht, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opdracht);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (opdracht.LeerlingIds.Count == 0)
        {
            return new Fout(FoutSoort.Ongeldig, "Kies eerst de leerlingen die u wilt uitschrijven.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.ImportRuns.Where(r => r.Id == opdracht.RunId)
            .Select(r => new { r.Proefdraai, r.Bestandsnaam, r.GestartOp, r.Samenvatting })
            .FirstOrDefaultAsync(cancellationToken);
        if (run is null)
        {
            return Fout.NietGevonden("De import");
        }
        if (run.Proefdraai)
        {
            return new Fout(FoutSoort.Ongeldig, "Na een proefdraai wordt niemand uitgeschreven. Voer eerst de echte import uit.");
        }
        var genoemd = (ImportSamenvatting.UitJson(run.Samenvatting)?.NietInBestand ?? []).ToHashSet();
        var ids = opdracht.LeerlingIds.Where(genoemd.Contains).Distinct().ToList();
        var leerlingen = await db.Leerlingen.AsTracking().Include(l => l.Plaatsingen)
            .Where(l => ids.Contains(l.Id) && l.Status == LeerlingStatus.Ingeschreven)
            .ToListAsync(cancellationToken);
        if (leerlingen.Count == 0)
        {
            return Fout.NietGevonden("De gekozen leerlingen");
        }
        var teVroeg = leerlingen.Where(l => l.Inschrijfdatum is { } ingeschreven && opdracht.Datum < ingeschreven).ToList();
        if (teVroeg.Count > 0)
        {
            var eerste = teVroeg.Max(l => l.Inschrijfdatum!.Value);
            return new Fout(FoutSoort.Ongeldig,
                $"De uitschrijfdatum ligt vóór de inschrijfdatum van {teVroeg.Count} gekozen leerling(en). Kies een datum op of na {eerste:d-M-yyyy}.");
        }
        var reden = $"Niet meer in de leerlingenexport {run.Bestandsnaam} van {run.GestartOp.ToLocalTime():d-M-yyyy}";
        foreach (var leerling in leerlingen)
        {
            // Closes this year's placement as Vertrokken, as an uitschrijving by hand does.
            leerling.SchrijfUit(opdracht.Datum, reden.Length > 200 ? reden[..200] : reden);
            audit.Add(db, AuditActie.Wijzigen, leerling.Id, $"uitgeschreven per {opdracht.Datum:yyyy-MM-dd} na import (importrun {opdracht.RunId})");
        }
        await db.SaveChangesAsync(cancellationToken);
        return leerlingen.Count;
    }
}
