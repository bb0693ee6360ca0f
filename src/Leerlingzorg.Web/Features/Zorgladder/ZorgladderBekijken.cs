using System.Globalization;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Zorgladder;

/// <summary>One step of the history: who, when, why.</summary>
public sealed record PmStapRegel(Guid Id, PmNiveau? Van, PmNiveau Naar, DateOnly Datum, DateTimeOffset VastgelegdOp, string? Door,
    string Reden, string? Geprobeerd, string? Rechtvaardiging)
{
    public bool IsOmhoog => Van is { } van && Naar > van;
    public bool IsOmlaag => Van is { } van && Naar < van;
    public bool IsSprong => Van is { } van && Ladderregels.IsSprong(van, Naar);
}

/// <summary>
/// The student's place on the ladder: the current level for everyone who sees the student (a docent too), the history only
/// for a Zorg-level reader (<see cref="HistorieZichtbaar"/>). <see cref="Bereikbaar"/>: the levels this user may choose.
/// </summary>
public sealed record LadderOverzicht(Guid LeerlingId, PmNiveau Niveau, DateOnly? Sinds, bool HistorieZichtbaar,
    IReadOnlyList<PmStapRegel> Stappen, int Versie, IReadOnlyList<PmNiveau> Bereikbaar)
{
    public bool MagWijzigen => Bereikbaar.Count > 0;
}

/// <summary>"PM III sinds 12 januari": the level as the header shows it.</summary>
public static class PmWeergave
{
    private static readonly CultureInfo Nederlands = CultureInfo.GetCultureInfo("nl-NL");

    public static string Kop(PmNiveau niveau, DateOnly? sinds, DateOnly vandaag) => sinds is { } s
        ? $"{niveau.Kort()} sinds {s.ToString(s.Year == vandaag.Year || vandaag.DayNumber - s.DayNumber < 180 ? "d MMMM" : "d MMMM yyyy", Nederlands)}"
        : niveau.Kort();
}

/// <summary>The ladder of one student; staff who see the student only, each read audited.</summary>
public sealed class ZorgladderHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<LadderOverzicht>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, leerlingId, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De leerling");
        }
        var leerling = await db.Leerlingen.Where(l => l.Id == leerlingId)
            .Select(l => new { l.PmNiveau, l.PmSinds, l.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (leerling is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        var zorg = Ondersteuningsbronnen.LeestZorg(lezer);
        List<PmStapRegel> stappen = [];
        if (zorg)
        {
            stappen = await Ondersteuningsbronnen.PmStappen.Leesbaar(db, lezer)
                .OrderByDescending(s => s.Datum).ThenByDescending(s => s.VastgelegdOp)
                .Select(s => new PmStapRegel(s.Id, s.Van, s.Naar, s.Datum, s.VastgelegdOp,
                    db.Users.Where(u => u.Id == s.DoorId)
                        .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                        .FirstOrDefault(),
                    s.Reden, s.Geprobeerd, s.Rechtvaardiging))
                .ToListAsync(cancellationToken);
        }
        var bereikbaar = leerling.Status == LeerlingStatus.Uitgeschreven || !zorg
            ? []
            : Ladderregels.Bereikbaar(lezer.Lezer, leerling.PmNiveau);
        await audit.ReadEachAsync(db, [leerlingId], zorg ? "zorgladder" : "PM-niveau", cancellationToken);
        return new LadderOverzicht(leerlingId, leerling.PmNiveau, leerling.PmSinds, zorg, stappen, stappen.Count, bereikbaar);
    }
}
