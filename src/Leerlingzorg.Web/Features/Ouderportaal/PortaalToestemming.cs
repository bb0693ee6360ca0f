using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Toestemmingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Leerlingzorg.Web.Features.Ouderportaal;

public sealed record PortaalVerzoek(Guid Id, ToestemmingDoel Doel, string? Partner, string Toelichting, DateOnly? GeldigTot,
    DateTimeOffset GevraagdOp, VerzoekStatus Status, DateTimeOffset? BeantwoordOp);

public sealed record PortaalToestemming(Guid Id, ToestemmingDoel Doel, string? Partner, ToestemmingWijze Wijze, DateOnly GegevenOp,
    DateOnly? GeldigTot, DateOnly? IngetrokkenOp);

public sealed record PortaalToestemmingen(Guid LeerlingId, string Naam, Ouderrechten Rechten,
    IReadOnlyList<PortaalVerzoek> Verzoeken, IReadOnlyList<PortaalToestemming> Gegeven)
{
    public IEnumerable<PortaalVerzoek> Open => Verzoeken.Where(v => v.Status == VerzoekStatus.Open);
}

/// <summary>The school's consent requests to this parent for his child, and the consents he gave. Audited.</summary>
public sealed class PortaalToestemmingHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<PortaalToestemmingen>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Ouderkinderen.IsOuder(currentUser))
        {
            return Fout.GeenToegang;
        }
        PortaalToestemmingen resultaat;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.OuderkindAsync(currentUser, leerlingId, Schoolkalender.Vandaag(time), cancellationToken) is not { } kind)
            {
                return Fout.NietGevonden("Het kind");
            }
            var ouderIds = kind.OuderIds;
            var verzoeken = await db.Toestemmingsverzoeken.AsNoTracking()
                .Where(v => v.LeerlingId == leerlingId && ouderIds.Contains(v.OuderId) && v.Status != VerzoekStatus.Ingetrokken)
                .OrderByDescending(v => v.GevraagdOp)
                .Select(v => new PortaalVerzoek(v.Id, v.Doel, v.Partner, v.Toelichting, v.GeldigTot, v.GevraagdOp, v.Status, v.BeantwoordOp))
                .ToListAsync(cancellationToken);
            var gegeven = await db.Toestemmingen.AsNoTracking()
                .Where(t => t.LeerlingId == leerlingId && t.OuderId != null && ouderIds.Contains(t.OuderId.Value))
                .OrderByDescending(t => t.GegevenOp)
                .Select(t => new PortaalToestemming(t.Id, t.Doel, t.Partner, t.Wijze, t.GegevenOp, t.GeldigTot, t.IngetrokkenOp))
                .ToListAsync(cancellationToken);
            resultaat = new PortaalToestemmingen(leerlingId, kind.Leerling.VolledigeNaam, kind.Rechten, verzoeken, gegeven);
        }
        await audit.ReadAsync(leerlingId, "ouderportaal: toestemmingen gelezen", cancellationToken);
        return resultaat;
    }
}

public sealed record Antwoord(Guid VerzoekId, bool Geven, string? Reden);

/// <summary>
/// The parent answers a request: giving records a consent in the register (<see cref="Toestemmingsverzoek.Geef"/>, wijze
/// portaal); refusing keeps his optional reason. Only the parent asked, while he holds gezag.
/// </summary>
public sealed class ToestemmingBeantwoordenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<VerzoekStatus>> HandleAsync(Antwoord antwoord, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(antwoord);
        if (!Ouderkinderen.IsOuder(currentUser) || currentUser.Id is not { } userId)
        {
            return Fout.GeenToegang;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var nu = time.GetUtcNow();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var verzoek = await db.Toestemmingsverzoeken.AsTracking().FirstOrDefaultAsync(v => v.Id == antwoord.VerzoekId, cancellationToken);
            if (verzoek is null || await db.OuderkindAsync(currentUser, verzoek.LeerlingId, vandaag, cancellationToken) is not { } kind
                || !kind.OuderIds.Contains(verzoek.OuderId))
            {
                return Fout.NietGevonden("Het verzoek");
            }
            if (!kind.Rechten.Toestemming)
            {
                return new Fout(FoutSoort.GeenToegang, "Toestemming geven de ouders met gezag.");
            }
            if (antwoord.Geven)
            {
                var (toestemming, fouten) = verzoek.Geef(kind.Leerling, vandaag, nu, userId);
                if (toestemming is null)
                {
                    return new Fout(FoutSoort.Conflict, string.Join(" ", fouten.Select(f => f.Melding)));
                }
                db.Toestemmingen.Add(toestemming);
            }
            else if (verzoek.Weiger(antwoord.Reden, nu) is { } fout)
            {
                return new Fout(verzoek.Status == VerzoekStatus.Open ? FoutSoort.Ongeldig : FoutSoort.Conflict, fout.Melding);
            }
            audit.Add(db, AuditActie.Wijzigen, verzoek.LeerlingId,
                $"ouderportaal: toestemming {(antwoord.Geven ? "gegeven" : "geweigerd")}: {verzoek.Doel} ({verzoek.Id})");
            await db.SaveChangesAsync(cancellationToken);
            return verzoek.Status;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Fout(FoutSoort.Conflict, "Dit verzoek is al beantwoord of ingetrokken.");
        }
        catch (Exception e) when (e is DbUpdateException or NpgsqlException)
        {
            return Fout.Onbereikbaar;
        }
    }
}

/// <summary>
/// The parent withdraws a consent he gave (<see cref="Toestemming.TrekIn"/>, "ouder via het ouderportaal", today); the
/// student's active interventions that need it are flagged as the staff withdrawal does
/// (<see cref="ToestemmingIntrekkenHandler.MarkeerInzettenAsync"/>).
/// </summary>
public sealed class PortaalIntrekkenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public const string Door = "ouder via het ouderportaal";

    public async Task<Result<Intrekking>> HandleAsync(Guid toestemmingId, CancellationToken cancellationToken = default)
    {
        if (!Ouderkinderen.IsOuder(currentUser) || currentUser.Id is not { } userId)
        {
            return Fout.GeenToegang;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var toestemming = await db.Toestemmingen.AsTracking().FirstOrDefaultAsync(t => t.Id == toestemmingId, cancellationToken);
            if (toestemming?.OuderId is not { } ouderId
                || await db.OuderkindAsync(currentUser, toestemming.LeerlingId, vandaag, cancellationToken) is not { } kind
                || !kind.OuderIds.Contains(ouderId))
            {
                return Fout.NietGevonden("De toestemming");
            }
            if (toestemming.IsIngetrokken)
            {
                return new Fout(FoutSoort.Conflict, "Deze toestemming is al ingetrokken.");
            }
            // Withdrawing on the day it was given (or later): never before its start.
            toestemming.TrekIn(vandaag < toestemming.GegevenOp ? toestemming.GegevenOp : vandaag, Door, userId, vandaag < toestemming.GegevenOp ? toestemming.GegevenOp : vandaag);
            var gemarkeerd = await ToestemmingIntrekkenHandler.MarkeerInzettenAsync(db, toestemming, time.GetUtcNow(), cancellationToken);
            audit.Add(db, AuditActie.Wijzigen, toestemming.LeerlingId,
                $"ouderportaal: toestemming ingetrokken: {toestemming.Doel} ({toestemming.Id}); {gemarkeerd} lopende inzet(ten) gemarkeerd");
            await db.SaveChangesAsync(cancellationToken);
            return new Intrekking(toestemming.LeerlingId, gemarkeerd);
        }
        catch (ArgumentException e)
        {
            return new Fout(FoutSoort.Ongeldig, e.Message.Split(" (Parameter", 2)[0]);
        }
        catch (Exception e) when (e is DbUpdateException or NpgsqlException)
        {
            return Fout.Onbereikbaar;
        }
    }
}

public sealed record Inzageregel(DateTimeOffset Tijdstip, string Rol, AuditActie Actie, string Detail);

public sealed record WieKeek(Guid LeerlingId, string Naam, IReadOnlyList<Inzageregel> Regels, int Totaal, int Pagina, int PerPagina)
{
    public int Paginas => Math.Max(1, (Totaal + PerPagina - 1) / PerPagina);
}

/// <summary>
/// "Wie keek in het dossier": the audit lines of the child (function, when, what), newest first and paged in the
/// database, the parent's own visits left out. Only for a parent with inzage (gezag, child under 16). Audited.
/// </summary>
public sealed class WieKeekHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public const int PerPagina = 25;

    public async Task<Result<WieKeek>> HandleAsync(Guid leerlingId, int pagina = 1, CancellationToken cancellationToken = default)
    {
        if (!Ouderkinderen.IsOuder(currentUser) || currentUser.Id is not { } userId)
        {
            return Fout.GeenToegang;
        }
        pagina = Math.Max(1, pagina);
        WieKeek resultaat;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.OuderkindAsync(currentUser, leerlingId, Schoolkalender.Vandaag(time), cancellationToken) is not { } kind)
            {
                return Fout.NietGevonden("Het kind");
            }
            if (!kind.Rechten.Inzage)
            {
                return new Fout(FoutSoort.GeenToegang, "Inzage in het dossier hebben de ouders met gezag van een kind onder de 16.");
            }
            var regels = db.AuditEntries.AsNoTracking()
                .Where(a => a.SchoolId == kind.Leerling.SchoolId && a.LeerlingId == leerlingId && a.GebruikerId != userId);
            var totaal = await regels.CountAsync(cancellationToken);
            var pagina1 = await regels.OrderByDescending(a => a.Tijdstip).ThenByDescending(a => a.Id)
                .Skip((pagina - 1) * PerPagina).Take(PerPagina)
                .Select(a => new Inzageregel(a.Tijdstip, a.Rol, a.Actie, a.Detail))
                .ToListAsync(cancellationToken);
            resultaat = new WieKeek(leerlingId, kind.Leerling.VolledigeNaam, pagina1, totaal, pagina, PerPagina);
        }
        await audit.ReadAsync(leerlingId, "ouderportaal: wie keek in het dossier gelezen", cancellationToken);
        return resultaat;
    }
}
