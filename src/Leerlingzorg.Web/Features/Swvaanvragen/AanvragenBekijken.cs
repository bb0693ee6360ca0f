using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Swvaanvragen;

/// <summary>The student's applications to the SWV as the school sees them, and what the dialog needs to send a new one.</summary>
/// <param name="Toestemming">"Er is geldige toestemming." or whose consent for sharing with the SWV is missing.</param>
public sealed record AanvragenOverzicht(
    Guid LeerlingId, DateOnly Vandaag, bool MagIndienen, bool ToestemmingGedekt, string Toestemming, int? OppVersie,
    IReadOnlyList<GesprekKeuze> Gesprekken, IReadOnlyList<AanvraagRegel> Aanvragen);

public sealed record GesprekKeuze(Guid Id, DateOnly Datum, string Soort);

public sealed record AanvraagRegel(
    Guid Id, Aanvraagsoort Soort, Aanvraagstatus Status, DateTimeOffset IngediendOp, string IngediendDoor, Besluituitkomst? Uitkomst,
    decimal? ToegekendBedrag, DateOnly? ToegekendVan, DateOnly? ToegekendTot, string? Besluittekst);

/// <summary>
/// The applications of one student for readers at Zorg level, read through the school-bound context (RLS
/// <c>school_leest</c>: the school reads the rows it sent and the decision on them). Read audited.
/// </summary>
public sealed class AanvragenBekijkenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    /// <summary>The recent gesprekken offered as attachments.</summary>
    public const int AantalGesprekken = 8;

    public async Task<Result<AanvragenOverzicht>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, leerlingId, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De leerling");
        }
        if (!Ondersteuningsbronnen.LeestZorg(lezer))
        {
            return new Fout(FoutSoort.GeenToegang, "De aanvragen bij het samenwerkingsverband zijn alleen zichtbaar voor de mentor, de coördinator en de zorgrollen.");
        }
        var leerling = await db.Leerlingen.Include(l => l.Ouders).ThenInclude(o => o.Ouder)
            .FirstOrDefaultAsync(l => l.Id == leerlingId, cancellationToken);
        if (leerling is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        var toestemmingen = await db.Toestemmingen
            .Where(t => t.LeerlingId == leerlingId && t.Doel == ToestemmingDoel.DelenMetSwv).ToListAsync(cancellationToken);
        var dekking = Toestemmingsregel.Dekking(leerling, ToestemmingDoel.DelenMetSwv, toestemmingen, vandaag);
        var opp = await AanvraagIndienenHandler.OppInWerkingAsync(db, leerlingId, cancellationToken);
        var magIndienen = Aanvraagrecht.MagMetRol(currentUser);
        var gesprekken = magIndienen
            ? await Dossierbronnen.Gesprekken.Leesbaar(db, lezer).OrderByDescending(g => g.Datum).Take(AantalGesprekken)
                .Select(g => new GesprekKeuze(g.Id, g.Datum, g.Soort!.Naam)).ToListAsync(cancellationToken)
            : [];
        var aanvragen = await Aanvraagbronnen.Aanvragen.Leesbaar(db, lezer).OrderByDescending(a => a.IngediendOp)
            .Select(a => new AanvraagRegel(a.Id, a.Soort, a.Status, a.IngediendOp, a.IngediendDoorNaam, a.Uitkomst, a.ToegekendBedrag,
                a.ToegekendVan, a.ToegekendTot, a.Besluittekst))
            .ToListAsync(cancellationToken);
        await audit.ReadEachAsync(db, [leerlingId], $"aanvragen bij het samenwerkingsverband ({aanvragen.Count})", cancellationToken);
        return new AanvragenOverzicht(leerlingId, vandaag, magIndienen, dekking.IsGedekt,
            dekking.IsGedekt ? "Er is geldige toestemming." : Swvaanvraag.Toestemmingsmelding(leerling, dekking), opp?.Nummer,
            gesprekken, aanvragen);
    }
}
