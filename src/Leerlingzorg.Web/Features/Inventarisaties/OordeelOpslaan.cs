using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Leerlingzorg.Web.Features.Inventarisaties;

/// <summary>
/// Saves one judgement (<see cref="InventarisatieRegel.Zet"/>) as soon as the docent types or clicks it; the row is made
/// the first time anything is saved for that student. Each judgement is one audit line. Returns when it was saved.
/// </summary>
public sealed partial class OordeelOpslaanHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time, ILogger<OordeelOpslaanHandler> logger)
{
    public async Task<Result<DateTimeOffset>> HandleAsync(Guid inventarisatieId, Guid leerlingId, Aspect aspect, Oordeel? oordeel,
        CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (!Enum.IsDefined(aspect) || oordeel is { } o && !Enum.IsDefined(o))
        {
            return new Fout(FoutSoort.Ongeldig, "Kies goed, aandacht of zorg.");
        }
        try
        {
            return await Regelopslag.BewaarAsync(dbFactory, currentUser, audit, time, inventarisatieId, leerlingId,
                (regel, nu) => regel.Zet(aspect, oordeel, nu) ? (true, $"{aspect.Weergave()}: {oordeel?.Weergave() ?? "leeg"}") : (false, null),
                cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or NpgsqlException or InvalidOperationException && !cancellationToken.IsCancellationRequested
            && !Storing.IsOnbereikbaar(e))
        {
            LogNietOpgeslagen(e.GetType().Name);
            return Regelopslag.NietOpgeslagen;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Oordeel op een inventarisatieformulier niet opgeslagen: {Soort}")]
    private partial void LogNietOpgeslagen(string soort);
}

/// <summary>
/// Saves a student's remark (cleaned; longer than <see cref="InventarisatieRegel.MaxOpmerking"/> refused), called on a
/// pause in typing and on blur: audited only when a remark is first written or cleared, not per save.
/// </summary>
public sealed partial class OpmerkingOpslaanHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time, ILogger<OpmerkingOpslaanHandler> logger)
{
    public static readonly Fout TeLang = new(FoutSoort.Ongeldig,
        $"Een opmerking is hooguit {InventarisatieRegel.MaxOpmerking} tekens. Uw tekst staat nog in het veld; maak hem korter.");

    public async Task<Result<DateTimeOffset>> HandleAsync(Guid inventarisatieId, Guid leerlingId, string? opmerking,
        CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        // One line: a pasted line break becomes a space; NUL and other control characters are removed.
        var schoon = Domain.Tekst.RegelOfNull(opmerking);
        if (schoon is { Length: > InventarisatieRegel.MaxOpmerking })
        {
            return TeLang;
        }
        try
        {
            return await Regelopslag.BewaarAsync(dbFactory, currentUser, audit, time, inventarisatieId, leerlingId, (regel, nu) =>
            {
                var had = regel.Opmerking is not null;
                if (!regel.Noteer(schoon, nu))
                {
                    return (false, null);
                }
                return (true, had == (regel.Opmerking is not null) ? null : had ? "opmerking gewist" : "opmerking geschreven");
            }, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or NpgsqlException or InvalidOperationException && !cancellationToken.IsCancellationRequested
            && !Storing.IsOnbereikbaar(e))
        {
            LogNietOpgeslagen(e.GetType().Name);
            return Regelopslag.NietOpgeslagen;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opmerking op een inventarisatieformulier niet opgeslagen: {Soort}")]
    private partial void LogNietOpgeslagen(string soort);
}

/// <summary>The one way a row is saved: the form's docent, a student of the class, the meeting still open; the row made on first save.</summary>
internal static class Regelopslag
{
    public static readonly Fout NietOpgeslagen = new(FoutSoort.Ongeldig,
        "Niet opgeslagen. Wat u invulde staat nog op het scherm; het wordt zo opnieuw geprobeerd.");

    /// <param name="wijzig">Changes the row; returns whether it changed and the audit detail (null: no audit line needed).</param>
    public static async Task<Result<DateTimeOffset>> BewaarAsync(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser user, AuditLog audit,
        TimeProvider time, Guid inventarisatieId, Guid leerlingId, Func<InventarisatieRegel, DateTimeOffset, (bool Gewijzigd, string? Audit)> wijzig, CancellationToken cancellationToken)
    {
        var nu = time.GetUtcNow();
        for (var poging = 0; ; poging++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await Formuliertoegang.LaadAsync(db, user, inventarisatieId, false, cancellationToken) is not var (formulier, bespreking))
            {
                return Formuliertoegang.NietGevonden;
            }
            if (!bespreking.IsOpen)
            {
                return Formuliertoegang.Gesloten;
            }
            if (!await Formuliertoegang.Leerlingen(db, formulier.KlasId).AnyAsync(l => l.Id == leerlingId, cancellationToken))
            {
                return Fout.NietGevonden("De leerling");
            }
            var regel = await db.InventarisatieRegels.AsTracking()
                .FirstOrDefaultAsync(r => r.InventarisatieId == formulier.Id && r.LeerlingId == leerlingId, cancellationToken);
            var nieuw = regel is null;
            regel ??= new InventarisatieRegel { InventarisatieId = formulier.Id, LeerlingId = leerlingId };
            var (gewijzigd, detail) = wijzig(regel, nu);
            if (!gewijzigd)
            {
                // Nothing changed (a cleared cell that was empty): no row made, nothing written.
                return regel.BijgewerktOp ?? nu;
            }
            if (nieuw)
            {
                db.InventarisatieRegels.Add(regel);
            }
            if (detail is not null || nieuw)
            {
                audit.Add(db, nieuw ? AuditActie.Aanmaken : AuditActie.Wijzigen, leerlingId,
                    $"inventarisatieformulier ({formulier.Id}): {detail ?? "rij aangemaakt"}");
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return regel.BijgewerktOp ?? nu;
            }
            catch (DbUpdateException) when (nieuw && poging == 0)
            {
                // A second save (the blur and the debounce, a second tab) made the row at the same moment: update that one.
            }
        }
    }
}
