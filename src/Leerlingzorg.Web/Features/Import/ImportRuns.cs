using Leerlingzorg.Domain.Import;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Import;

/// <param name="StatusTekst">In Dutch: "Klaar", "Mislukt", "Bezig", or "Onderbroken" for a run this process no longer knows.</param>
public sealed record ImportRunRegel(Guid Id, DateTimeOffset GestartOp, DateTimeOffset? KlaarOp, string Bestandsnaam, string GestartDoor,
    bool Proefdraai, ImportStatus Status, string StatusTekst, int Totaal, int Nieuw, int Bijgewerkt, int Ongewijzigd, int Fouten);

/// <summary>An enrolled student whom a full export no longer lists.</summary>
public sealed record VertrekkerRegel(Guid Id, string Leerlingnummer, string Naam, string? Klas, DateOnly? Inschrijfdatum);

public sealed record ImportRunDetail(ImportRunRegel Run, ImportSamenvatting? Samenvatting, IReadOnlyList<VertrekkerRegel> NietInBestand);

internal static class ImportRunProjectie
{
    public static async Task<List<ImportRunRegel>> RegelsAsync(LeerlingzorgDbContext db, IQueryable<ImportRun> runs, ImportVoortgang voortgang,
        CancellationToken cancellationToken)
    {
        var rijen = await runs
            .Select(r => new
            {
                r.Id, r.GestartOp, r.KlaarOp, r.Bestandsnaam, r.Proefdraai, r.Status, r.Totaal, r.Nieuw, r.Bijgewerkt, r.Ongewijzigd, r.Fouten,
                Door = db.Users.Where(u => u.Id == r.GestartDoor)
                    .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rijen.Select(r =>
        {
            var tekst = r.Status switch
            {
                ImportStatus.Klaar => "Klaar",
                ImportStatus.Mislukt => "Mislukt",
                _ => voortgang.Stand(r.Id) is { Klaar: false } ? "Bezig" : "Onderbroken",
            };
            return new ImportRunRegel(r.Id, r.GestartOp, r.KlaarOp, r.Bestandsnaam, r.Door ?? "onbekend", r.Proefdraai, r.Status, tekst,
                r.Totaal, r.Nieuw, r.Bijgewerkt, r.Ongewijzigd, r.Fouten);
        }).ToList();
    }
}

/// <summary>The school's last ten import runs, newest first.</summary>
public sealed class ImportOverzichtHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, ImportVoortgang voortgang)
{
    public async Task<Result<IReadOnlyList<ImportRunRegel>>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.ImportRuns.Where(r => r.Soort == LeerlingenVelden.Soort).OrderByDescending(r => r.GestartOp).Take(10);
        return await ImportRunProjectie.RegelsAsync(db, runs, voortgang, cancellationToken);
    }
}

/// <summary>The progress of a run of the user's school, while it runs.</summary>
public sealed class ImportVoortgangHandler(CurrentUser currentUser, ImportVoortgang voortgang)
{
    public Result<ImportStand> Handle(Guid runId)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        // Another school's run is "not found": its existence is none of this user's business.
        return voortgang.Stand(runId) is { } stand && stand.SchoolId == currentUser.SchoolId
            ? stand
            : Fout.NietGevonden("De import");
    }
}

/// <summary>
/// The outcome of one run, with the students that a full export no longer lists and who are still enrolled
/// (names are read live, not kept in the run's summary). Showing those names is audited.
/// </summary>
public sealed class ImportRunBekijkenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser,
    ImportVoortgang voortgang, AuditLog audit)
{
    public async Task<Result<ImportRunDetail>> HandleAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        ImportRunDetail detail;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var regel = (await ImportRunProjectie.RegelsAsync(db, db.ImportRuns.Where(r => r.Id == runId), voortgang, cancellationToken))
                .FirstOrDefault();
            if (regel is null)
            {
                return Fout.NietGevonden("De import");
            }
            var json = await db.ImportRuns.Where(r => r.Id == runId).Select(r => r.Samenvatting).FirstAsync(cancellationToken);
            var samenvatting = ImportSamenvatting.UitJson(json);
            var ids = samenvatting?.NietInBestand ?? [];
            var vertrekkers = ids.Count == 0
                ? []
                : await db.Leerlingen
                    .Where(l => ids.Contains(l.Id) && l.Status == LeerlingStatus.Ingeschreven)
                    .OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam)
                    .Select(l => new VertrekkerRegel(l.Id, l.Leerlingnummer,
                        LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam),
                        l.Klas == null ? null : l.Klas.Naam, l.Inschrijfdatum))
                    .ToListAsync(cancellationToken);
            detail = new ImportRunDetail(regel, samenvatting, vertrekkers);
        }
        if (detail.NietInBestand.Count > 0)
        {
            await audit.ReadAsync(null, $"import: {detail.NietInBestand.Count} leerlingen niet meer in het bestand (importrun {runId})", cancellationToken);
        }
        return detail;
    }
}
