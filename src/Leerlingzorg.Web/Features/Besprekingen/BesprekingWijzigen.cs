using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Besprekingen;

/// <summary>The planning of a meeting as its organisator changes it: the same fields as planning, of which date, times, place and participants change.</summary>
public sealed record BesprekingWijziging(Guid Id, int Versie, BesprekingInvoer Invoer, IReadOnlyList<MedewerkerOptie> Medewerkers);

/// <summary>
/// The organisator moves a planned meeting or changes its place and participants (the planning rules of
/// <see cref="Bespreking.Controleer"/> again: not into the past). Its open forms move with it, as long before as they were.
/// Kind, classes, chair and agenda stay. Version-checked: two organisators changing at once get a clear conflict.
/// </summary>
public sealed class BesprekingWijzigenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public BesprekingInvoerValidator Validator { get; } = new(time);

    public static readonly Fout AlleenOrganisator = new(FoutSoort.GeenToegang,
        "Alleen de voorzitter, de planner of de zorgcoördinator kan deze bespreking wijzigen.");

    /// <summary>The meeting's planning as the form starts from it.</summary>
    public async Task<Result<BesprekingWijziging>> LaadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!MijnBesprekingenHandler.MagGebruiken(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BesprekingslezerAsync(currentUser, id, cancellationToken: cancellationToken) is not { } lezer)
        {
            return BesprekingBekijkenHandler.NietGevonden;
        }
        if (!lezer.IsOrganisator)
        {
            return AlleenOrganisator;
        }
        var b = lezer.Bespreking;
        var invoer = new BesprekingInvoer
        {
            Soort = b.Soort, Titel = b.Titel, Datum = b.Datum.ToDateTime(TimeOnly.MinValue), Begin = b.Begin.ToTimeSpan(), Einde = b.Einde?.ToTimeSpan(),
            Plaats = b.Plaats, VoorzitterId = b.VoorzitterId, KlasIds = [.. b.Klassen.Select(k => k.KlasId)],
            DeelnemerIds = [.. b.Deelnemers.Select(d => d.GebruikerId).Where(g => g != b.VoorzitterId)],
            InventarisatieDeadline = b.InventarisatieDeadline?.ToDateTime(TimeOnly.MinValue),
        };
        var medewerkers = await Gesprekken.Gesprekken.Medewerkers(db, currentUser.SchoolId!.Value).ToListAsync(cancellationToken);
        return new BesprekingWijziging(b.Id, b.Versie, invoer, medewerkers);
    }

    public async Task<Result<int>> HandleAsync(Guid id, int versie, BesprekingInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!MijnBesprekingenHandler.MagGebruiken(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BesprekingslezerAsync(currentUser, id, tracking: true, cancellationToken) is not { } lezer)
        {
            return BesprekingBekijkenHandler.NietGevonden;
        }
        if (!lezer.IsOrganisator)
        {
            return AlleenOrganisator;
        }
        var b = lezer.Bespreking;
        if (b.Status != BesprekingStatus.Gepland)
        {
            return new Fout(FoutSoort.Ongeldig, "Alleen een geplande bespreking die nog niet is geopend kan worden gewijzigd.");
        }
        if (b.Versie != versie)
        {
            return new Fout(FoutSoort.Conflict, "Iemand anders heeft deze bespreking intussen gewijzigd. Uw invoer staat nog in het formulier: laad de pagina opnieuw en probeer het nog eens.");
        }
        // What does not change here is taken from the meeting itself, so that the planning rules judge the real meeting.
        invoer.Soort = b.Soort;
        invoer.Titel = b.Titel;
        invoer.VoorzitterId = b.VoorzitterId;
        invoer.KlasIds = [.. b.Klassen.Select(k => k.KlasId)];
        invoer.Herhalen = false;
        var vandaag = Schoolkalender.Vandaag(time);
        var verschuiving = invoer.Datum is { } nieuw ? DateOnly.FromDateTime(nieuw).DayNumber - b.Datum.DayNumber : 0;
        invoer.InventarisatieDeadline = b.InventarisatieDeadline is { } d ? Max(d.AddDays(verschuiving), vandaag).ToDateTime(TimeOnly.MinValue) : null;
        if (Validator.Controleer(invoer) is { } ongeldig)
        {
            return ongeldig;
        }
        var plan = invoer.Plan(vandaag);
        var deelnemers = plan.DeelnemerIds.Append(b.VoorzitterId).Distinct().ToList();
        var nieuwe = deelnemers.Except(b.Deelnemers.Select(x => x.GebruikerId)).ToList();
        if (await db.ActieveMedewerkersVan(currentUser.SchoolId!.Value).CountAsync(u => nieuwe.Contains(u.Id), cancellationToken) != nieuwe.Count)
        {
            return new Fout(FoutSoort.Ongeldig, "Kies als deelnemers medewerkers van de school.");
        }
        b.Datum = plan.Datum;
        b.Begin = plan.Begin;
        b.Einde = plan.Einde;
        b.Plaats = Domain.Tekst.RegelOfNull(plan.Plaats);
        b.InventarisatieDeadline = plan.InventarisatieDeadline;
        b.Deelnemers.RemoveAll(x => !deelnemers.Contains(x.GebruikerId));
        b.Deelnemers.AddRange(nieuwe.Select(g => new BesprekingDeelnemer { BesprekingId = b.Id, GebruikerId = g }));
        b.Versie++;
        if (b.InventarisatieDeadline is { } deadline)
        {
            foreach (var formulier in await db.Inventarisaties.AsTracking().Where(i => i.BesprekingId == b.Id && i.IngeleverdOp == null).ToListAsync(cancellationToken))
            {
                formulier.Deadline = deadline;
            }
        }
        var leerlingen = await db.Agendapunten.Where(a => a.BesprekingId == id).Select(a => a.LeerlingId).Distinct().ToListAsync(cancellationToken);
        var wat = $"{b.Naam} gewijzigd: {b.Datum:d-M-yyyy} {b.Begin:HH:mm} ({b.Id})";
        if (leerlingen.Count == 0)
        {
            audit.Add(db, AuditActie.Wijzigen, null, wat);
        }
        foreach (var leerling in leerlingen)
        {
            audit.Add(db, AuditActie.Wijzigen, leerling, wat);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Fout(FoutSoort.Conflict, "Iemand anders heeft deze bespreking intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.");
        }
        return b.Versie;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
