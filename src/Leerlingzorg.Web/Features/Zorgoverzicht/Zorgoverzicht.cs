using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Zorgoverzicht;

/// <summary>The lists of the zorgcoördinator's overview.</summary>
public enum ZorgLijst
{
    /// <summary>Students on a level of the ladder (optionally of one leerjaar or klas).</summary>
    PerNiveau,
    /// <summary>Active interventions ending within <see cref="ZorgoverzichtHandler.VooruitDagen"/> days or with an overdue review.</summary>
    InzetAflopend,
    /// <summary>Valid consents that expire within <see cref="ZorgoverzichtHandler.VooruitDagen"/> days.</summary>
    ToestemmingVerloopt,
    /// <summary>Students on PM III or IV without an active intervention.</summary>
    ZonderInzet,
}

public sealed record ZorgoverzichtVraag(ZorgLijst Lijst = ZorgLijst.PerNiveau, PmNiveau? Niveau = null, int? Leerjaar = null,
    int Pagina = 0, int PaginaGrootte = 25);

/// <summary>One row: a student and, for the lists about interventions and consent, what it is about and its date.</summary>
public sealed record ZorgRegel(Guid LeerlingId, string Naam, string? Klas, PmNiveau Niveau, DateOnly? NiveauSinds,
    string? Onderwerp = null, DateOnly? Datum = null, bool Verlopen = false);

public sealed record ZorgPagina(IReadOnlyList<ZorgRegel> Regels, int Totaal);

/// <summary>How many students stand on each level, per leerjaar (leerjaar 0: not in a class).</summary>
public sealed record NiveauTelling(int Leerjaar, PmNiveau Niveau, int Aantal);

/// <summary>
/// The zorgcoördinator's overview of the support structure: students per level per leerjaar, interventions ending or
/// overdue for review, consent expiring, PM III/IV without an active intervention. Server-paged; every student shown is a
/// read in the audit log. For the care roles (all students of the school: they read the Zorg level of every student) and
/// the leerjaar- and afdelingscoördinator (the students he coordinates; a coördinator's docent relations do not count,
/// those give no Zorg level).
/// </summary>
public sealed class ZorgoverzichtHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public const int VooruitDagen = 14;
    public const int MaximalePaginaGrootte = 100;

    private static readonly string[] Coordinatorrollen = [Rollen.Leerjaarcoordinator, Rollen.Afdelingscoordinator];

    /// <summary>Whether the user has this overview at all (the menu asks the same).</summary>
    public static bool MagGebruiken(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Toegang.IsMedewerker(user) && (user.IsInEenVan(Rollen.Zorgrollen) || user.IsInEenVan(Coordinatorrollen));
    }

    public async Task<Result<IReadOnlyList<NiveauTelling>>> TellingAsync(CancellationToken cancellationToken = default)
    {
        if (!MagGebruiken(currentUser))
        {
            return Fout.GeenToegang;
        }
        List<NiveauTelling> telling;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            telling = await Leerlingen(db)
                .GroupBy(l => new { Leerjaar = l.Klas == null ? 0 : l.Klas.Leerjaar, l.PmNiveau })
                .Select(g => new NiveauTelling(g.Key.Leerjaar, g.Key.PmNiveau, g.Count()))
                .ToListAsync(cancellationToken);
        }
        await audit.ReadAsync(null, "zorgoverzicht: aantallen per niveau en leerjaar", cancellationToken);
        return telling.OrderBy(t => t.Leerjaar).ThenBy(t => t.Niveau).ToList();
    }

    public async Task<Result<ZorgPagina>> HandleAsync(ZorgoverzichtVraag vraag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vraag);
        if (!MagGebruiken(currentUser))
        {
            return Fout.GeenToegang;
        }
        var grootte = Math.Clamp(vraag.PaginaGrootte, 1, MaximalePaginaGrootte);
        var pagina = Math.Max(vraag.Pagina, 0);
        var vandaag = Schoolkalender.Vandaag(time);
        var tot = vandaag.AddDays(VooruitDagen);
        ZorgPagina resultaat;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var leerlingen = Leerlingen(db);
            if (vraag.Leerjaar is { } leerjaar)
            {
                leerlingen = leerlingen.Where(l => l.Klas != null && l.Klas.Leerjaar == leerjaar);
            }
            IQueryable<ZorgRegel> regels = vraag.Lijst switch
            {
                ZorgLijst.InzetAflopend =>
                    // "Review overdue" is the Domain's one definition (Inzet.EvaluatieVerlopen), by the intervention's key.
                    from i in db.Inzetten
                    let verlopen = db.Inzetten.Where(Inzet.EvaluatieVerlopen(vandaag)).Any(v => v.Id == i.Id)
                    where i.Status == InzetStatus.Actief && ((i.GeplandEinde != null && i.GeplandEinde <= tot) || verlopen)
                    join l in leerlingen on i.LeerlingId equals l.Id
                    orderby verlopen descending, (verlopen ? i.VolgendeEvaluatie : i.GeplandEinde), l.Achternaam, i.Id
                    select new ZorgRegel(l.Id, LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam), l.Klas!.Naam,
                        l.PmNiveau, l.PmSinds, i.Aanbod!.Naam, verlopen ? i.VolgendeEvaluatie : i.GeplandEinde, verlopen),
                ZorgLijst.ToestemmingVerloopt =>
                    from t in db.Toestemmingen
                    where t.IngetrokkenOp == null && t.GegevenOp <= vandaag && t.GeldigTot != null && t.GeldigTot >= vandaag && t.GeldigTot <= tot
                    join l in leerlingen on t.LeerlingId equals l.Id
                    orderby t.GeldigTot, l.Achternaam, t.Id
                    select new ZorgRegel(l.Id, LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam), l.Klas!.Naam,
                        l.PmNiveau, l.PmSinds,
                        Ondersteuningsbronnen.Doelnaam.Roep(t.Doel),
                        t.GeldigTot, false),
                ZorgLijst.ZonderInzet =>
                    from l in leerlingen
                    where l.PmNiveau >= PmNiveau.PmIII && !db.Inzetten.Any(i => i.LeerlingId == l.Id && i.Status == InzetStatus.Actief)
                    orderby l.PmNiveau descending, l.PmSinds, l.Achternaam, l.Id
                    select new ZorgRegel(l.Id, LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam), l.Klas!.Naam,
                        l.PmNiveau, l.PmSinds, null, null, false),
                _ =>
                    from l in leerlingen
                    where vraag.Niveau == null || l.PmNiveau == vraag.Niveau
                    orderby l.PmNiveau descending, l.Klas!.Naam, l.Achternaam, l.Voornaam, l.Id
                    select new ZorgRegel(l.Id, LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam), l.Klas!.Naam,
                        l.PmNiveau, l.PmSinds, null, null, false),
            };
            regels = regels.Ingevoegd();
            var totaal = await regels.CountAsync(cancellationToken);
            var lijst = await regels.Skip(pagina * grootte).Take(grootte).ToListAsync(cancellationToken);
            resultaat = new ZorgPagina(lijst, totaal);
        }
        await audit.ReadListAsync([.. resultaat.Regels.Select(r => r.LeerlingId).Distinct()],
            $"zorgoverzicht {vraag.Lijst}: {resultaat.Regels.Count} van {resultaat.Totaal} (pagina {pagina + 1})", cancellationToken);
        return resultaat;
    }

    /// <summary>The enrolled students whose Zorg level the user reads: every student for a care role, else those he coordinates.</summary>
    private IQueryable<Leerling> Leerlingen(LeerlingzorgDbContext db)
    {
        var ingeschreven = db.Leerlingen.Where(l => l.Status == LeerlingStatus.Ingeschreven);
        if (currentUser.IsInEenVan(Rollen.Zorgrollen))
        {
            return ingeschreven;
        }
        var id = currentUser.Id ?? Guid.Empty;
        return ingeschreven.Where(l => l.Klas != null && db.Coordinatoren.Any(c => c.MedewerkerId == id
            && (c.Leerjaar == null || c.Leerjaar == l.Klas.Leerjaar)
            && (c.AfdelingId == null || c.AfdelingId == l.Klas.AfdelingId)));
    }
}
