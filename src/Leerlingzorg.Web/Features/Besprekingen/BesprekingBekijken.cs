using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Besprekingen;

public sealed record Besprekingsdeelnemer(Guid Id, string Naam, IReadOnlyList<string> Rollen, bool IsVoorzitter);

public sealed record Besprekingspartner(Guid Id, string Naam, string Organisatie, PartnerFunctie Functie);

/// <summary>A meeting as its page shows it, and the caller's part (the organisator changes and cancels it).</summary>
public sealed record BesprekingDetail(Guid Id, BesprekingSoort Soort, string Naam, DateOnly Datum, TimeOnly Begin, TimeOnly? Einde,
    string? Plaats, BesprekingStatus Status, DateOnly? InventarisatieDeadline, Guid? SerieId,
    IReadOnlyList<Besprekingsdeelnemer> Deelnemers, IReadOnlyList<Besprekingspartner> Partners, IReadOnlyList<string> Klassen,
    Besprekingsrol Rol, int Versie)
{
    public bool IsOrganisator => Rol == Besprekingsrol.Organisator;

    public bool MagAnnuleren => IsOrganisator && Status == BesprekingStatus.Gepland;
}

public static class Besprekingsstatussen
{
    public static string Weergave(this BesprekingStatus status) => status switch
    {
        BesprekingStatus.Gepland => "Gepland",
        BesprekingStatus.Bezig => "Bezig",
        BesprekingStatus.Afgesloten => "Afgesloten",
        BesprekingStatus.Geannuleerd => "Geannuleerd",
        _ => status.ToString(),
    };
}

/// <summary>One meeting for a staff member who takes part in it (<see cref="Besprekingtoegang.BesprekingslezerAsync"/>); its students are on the agenda card.</summary>
public sealed class BesprekingBekijkenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public static readonly Fout NietGevonden = new(FoutSoort.NietGevonden, "Deze bespreking is niet gevonden, of u heeft er geen toegang toe.");

    public async Task<Result<BesprekingDetail>> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!MijnBesprekingenHandler.MagGebruiken(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BesprekingslezerAsync(currentUser, id, cancellationToken: cancellationToken) is not { } lezer)
        {
            return NietGevonden;
        }
        var b = lezer.Bespreking;
        var gebruikerIds = b.Deelnemers.Select(d => d.GebruikerId).Append(b.VoorzitterId).Distinct().ToList();
        var namen = await db.Users.Where(u => gebruikerIds.Contains(u.Id))
            .Select(u => new { u.Id, Naam = LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam), u.Achternaam })
            .ToListAsync(cancellationToken);
        var rollen = await db.UserRoles.Where(ur => gebruikerIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var deelnemers = namen
            .OrderByDescending(n => n.Id == b.VoorzitterId).ThenBy(n => n.Achternaam).ThenBy(n => n.Naam)
            .Select(n => new Besprekingsdeelnemer(n.Id, n.Naam,
                [.. rollen.Where(r => r.UserId == n.Id && r.Name is not null).Select(r => Rollen.Weergave(r.Name!)).Order()], n.Id == b.VoorzitterId))
            .ToList();
        var partnerIds = b.Partners.Select(p => p.PartnerId).ToList();
        var partners = await db.Partners.Where(p => partnerIds.Contains(p.Id)).OrderBy(p => p.Naam)
            .Select(p => new Besprekingspartner(p.Id, p.Naam, p.Organisatie, p.Functie)).ToListAsync(cancellationToken);
        var klasIds = b.Klassen.Select(k => k.KlasId).ToList();
        var klassen = await db.Klassen.Where(k => klasIds.Contains(k.Id)).OrderBy(k => k.Naam).Select(k => k.Naam).ToListAsync(cancellationToken);
        return new BesprekingDetail(b.Id, b.Soort, b.Naam, b.Datum, b.Begin, b.Einde, b.Plaats, b.Status, b.InventarisatieDeadline, b.SerieId,
            deelnemers, partners, klassen, lezer.Rol, b.Versie);
    }
}

/// <summary>The organisator cancels a planned meeting (<see cref="Bespreking.Annuleer"/>): it stays, marked cancelled. Audited per student on its agenda.</summary>
public sealed class BesprekingAnnulerenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<BesprekingStatus>> HandleAsync(Guid id, int versie, CancellationToken cancellationToken = default)
    {
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
            return new Fout(FoutSoort.GeenToegang, "Alleen de voorzitter, de planner of de zorgcoördinator kan deze bespreking annuleren.");
        }
        var b = lezer.Bespreking;
        if (b.Versie != versie)
        {
            return new Fout(FoutSoort.Conflict, "De bespreking is intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.");
        }
        if (b.Status != BesprekingStatus.Gepland)
        {
            return new Fout(FoutSoort.Ongeldig, "Alleen een geplande bespreking die nog niet is geopend kan worden geannuleerd.");
        }
        b.Annuleer();
        var leerlingen = await db.Agendapunten.Where(a => a.BesprekingId == id).Select(a => a.LeerlingId).Distinct().ToListAsync(cancellationToken);
        var wat = $"{b.Naam} van {b.Datum:d-M-yyyy} geannuleerd ({b.Id})";
        if (leerlingen.Count == 0)
        {
            audit.Add(db, AuditActie.Wijzigen, null, wat);
        }
        foreach (var leerling in leerlingen)
        {
            audit.Add(db, AuditActie.Wijzigen, leerling, wat);
        }
        await db.SaveChangesAsync(cancellationToken);
        return b.Status;
    }
}
