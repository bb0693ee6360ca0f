using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

// Not "…Features.Ondersteuningsaanbod": a namespace of that name would hide the entity type in every feature.
namespace Leerlingzorg.Web.Features.Aanbodbeheer;

/// <summary>One item of the school's support offer, with how many students it has now and how many wait.</summary>
public sealed record AanbodRegel(Guid Id, string Naam, Ondersteuningscategorie Categorie, PmNiveau Niveau, Aanbiedersoort Aanbiedersoort,
    string Aanbieder, int? Capaciteit, ToestemmingDoel? ToestemmingNodig, string Omschrijving, bool Actief, int Volgorde,
    int AantalActief, int AantalWachtend);

public sealed record AanbodOverzicht(IReadOnlyList<AanbodRegel> Regels, bool MagBeheren);

/// <summary>Who manages the school's offer: the zorgcoördinator and the beheerder (functioneel beheer).</summary>
public static class AanbodToegang
{
    public static bool MagBeheren(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Toegang.IsMedewerker(user) && user.IsInEenVan([Rollen.Zorgcoordinator, Rollen.Beheerder]);
    }

    public static string Weergave(this Ondersteuningscategorie categorie) => categorie switch
    {
        Ondersteuningscategorie.Leren => "Leren",
        Ondersteuningscategorie.SociaalEmotioneel => "Sociaal-emotioneel",
        Ondersteuningscategorie.Gedrag => "Gedrag",
        Ondersteuningscategorie.FysiekMedisch => "Fysiek/medisch",
        Ondersteuningscategorie.Thuis => "Thuis",
        _ => categorie.ToString(),
    };

    public static string Weergave(this Aanbiedersoort soort) => soort == Aanbiedersoort.Extern ? "Extern" : "Intern";
}

/// <summary>
/// The school's support offer for every staff member (tens of rows: one query, no paging), archived items last. A school
/// without any offer gets the standard one of seed 001 on first use (<see cref="Ondersteuningsaanbod.Standaard"/>), as it
/// gets its gesprekssoorten.
/// </summary>
public sealed class AanbodOverzichtHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<AanbodOverzicht>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await ZorgVoorStandaardAsync(db, audit, cancellationToken);
        var regels = await db.Ondersteuningsaanbod
            .OrderByDescending(a => a.Actief).ThenBy(a => a.Volgorde).ThenBy(a => a.Naam)
            .Select(a => new AanbodRegel(a.Id, a.Naam, a.Categorie, a.Niveau, a.Aanbiedersoort, a.Aanbieder, a.Capaciteit, a.ToestemmingNodig,
                a.Omschrijving, a.Actief, a.Volgorde,
                db.Inzetten.Count(i => i.AanbodId == a.Id && i.Status == InzetStatus.Actief),
                db.Inzetten.Count(i => i.AanbodId == a.Id && i.Status == InzetStatus.Wachtlijst)))
            .ToListAsync(cancellationToken);
        return new AanbodOverzicht(regels, AanbodToegang.MagBeheren(currentUser));
    }

    /// <summary>Gives a school without any offer the standard one; a second user doing so at the same moment wins (unique name).</summary>
    public static async Task ZorgVoorStandaardAsync(LeerlingzorgDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        if (await db.Ondersteuningsaanbod.AnyAsync(cancellationToken))
        {
            return;
        }
        var standaard = Ondersteuningsaanbod.Standaard();
        db.Ondersteuningsaanbod.AddRange(standaard);
        audit.Add(db, AuditActie.Aanmaken, null, $"ondersteuningsaanbod standaard toegevoegd ({standaard.Count} onderdelen)");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }
}
