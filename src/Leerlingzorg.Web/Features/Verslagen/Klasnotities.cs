using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Web.Features.Besprekingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Verslagen;

/// <summary>A klassenbespreking's notes on the class as a whole (<see cref="Bespreking.NoteerKlas"/>): an organisator, while it is open.</summary>
public sealed class KlasnotitiesOpslaanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<bool>> HandleAsync(Guid besprekingId, string? notities, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (notities is { Length: > Bespreking.MaxKlasnotities })
        {
            return new Fout(FoutSoort.Ongeldig, $"De notities over de klas zijn hoogstens {Bespreking.MaxKlasnotities} tekens; maak ze korter. Wat u typte staat nog in het veld.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BesprekingslezerAsync(currentUser, besprekingId, tracking: true, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De bespreking");
        }
        var bespreking = lezer.Bespreking;
        if (!lezer.IsOrganisator || bespreking.Soort != BesprekingSoort.Klassenbespreking)
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de voorzitter, de planner of de zorgcoördinator schrijft de notities van een klassenbespreking.");
        }
        if (!bespreking.IsOpen)
        {
            return new Fout(FoutSoort.Ongeldig, "Deze bespreking is afgesloten: het verslag wordt niet meer gewijzigd.");
        }
        if (!bespreking.NoteerKlas(notities))
        {
            return false;
        }
        audit.Add(db, AuditActie.Wijzigen, null, $"notities over de klas bij {bespreking.Naam} van {bespreking.Datum:yyyy-MM-dd} ({bespreking.Id})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Fout(FoutSoort.Ongeldig, "De bespreking is intussen door iemand anders gewijzigd. Wat u typte staat nog in het veld; laad de pagina opnieuw en plak het terug.");
        }
        return true;
    }
}

public sealed record Klasverslag(Guid BesprekingId, DateOnly Datum, string Voorzitter, string Notities);

/// <summary>The notes of the class's closed klassenbesprekingen, newest first, for whoever sees the class.</summary>
public sealed class KlasverslagenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<Klasverslag>>> HandleAsync(Guid klasId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.ZichtbareKlassen(currentUser).AnyAsync(k => k.Id == klasId, cancellationToken))
        {
            return Fout.NietGevonden("De klas");
        }
        var verslagen = await db.Besprekingen
            .Where(b => b.Soort == BesprekingSoort.Klassenbespreking && b.Status == BesprekingStatus.Afgesloten && b.Klasnotities != null
                && b.Klassen.Any(k => k.KlasId == klasId))
            .OrderByDescending(b => b.Datum).Take(20)
            .Select(b => new Klasverslag(b.Id, b.Datum,
                db.Users.Where(u => u.Id == b.VoorzitterId).Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam)).FirstOrDefault() ?? "",
                b.Klasnotities!))
            .ToListAsync(cancellationToken);
        if (verslagen.Count > 0)
        {
            await audit.ReadAsync(null, $"{verslagen.Count} klassenbesprekingen van klas {klasId}", cancellationToken);
        }
        return verslagen;
    }
}
