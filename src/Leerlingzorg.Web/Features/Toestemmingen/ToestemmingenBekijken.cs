using System.Globalization;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Toestemmingen;

/// <summary>The consent register of one student: per purpose its coverage today and every record, withdrawn ones too.</summary>
/// <param name="Familie">The student with his ouders (detached), for the dialog's rules (<see cref="VastleggenInvoerValidator"/>).</param>
/// <param name="Toestemmers">Who may consent today: the ouders with gezag and, from 16, the student himself.</param>
public sealed record ToestemmingenRegister(
    Guid LeerlingId, DateOnly Vandaag, bool MagVastleggen, Leerling Familie, IReadOnlyList<Toestemmer> Toestemmers,
    IReadOnlyList<DoelStatus> Doelen);

/// <summary>One choice in "wie gaf toestemming": <see cref="Wie"/> as in <see cref="VastleggenInvoer.Wie"/>.</summary>
public sealed record Toestemmer(string Wie, string Naam);

/// <summary>The coverage of one purpose (and partner) today, with its records, newest first.</summary>
/// <param name="Status">"Geldig", "Geldig, verloopt op 31 juli 2027" or "Geldige toestemming ontbreekt van: …".</param>
public sealed record DoelStatus(ToestemmingDoel Doel, string? Partner, bool IsGedekt, DateOnly? VerlooptOp, string Status,
    IReadOnlyList<ToestemmingRegel> Regels)
{
    public string Naam => Doel.Weergave() + (Partner is null ? "" : $": {Partner}");
}

public sealed record ToestemmingRegel(
    Guid Id, string Door, ToestemmingWijze Wijze, DateOnly GegevenOp, DateOnly? GeldigTot, string? Opmerking, bool IsGeldig,
    DateOnly? IngetrokkenOp, string? IngetrokkenDoor, string? VastgelegdDoor);

/// <summary>
/// The register of one student for readers at Zorg level (<see cref="Ondersteuningsbronnen.Toestemmingen"/>): the mentor,
/// his coördinator and the care roles. Read audited.
/// </summary>
public sealed class ToestemmingenBekijkenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public async Task<Result<ToestemmingenRegister>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
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
            return new Fout(FoutSoort.GeenToegang, "Het toestemmingenregister is alleen zichtbaar voor de mentor, de coördinator en de zorgrollen.");
        }
        var leerling = await db.Leerlingen.Include(l => l.Ouders).ThenInclude(o => o.Ouder)
            .FirstOrDefaultAsync(l => l.Id == leerlingId, cancellationToken);
        if (leerling is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        var toestemmingen = await Ondersteuningsbronnen.Toestemmingen.Leesbaar(db, lezer)
            .OrderByDescending(t => t.GegevenOp).ThenByDescending(t => t.VastgelegdOp)
            .ToListAsync(cancellationToken);
        var ouderIds = toestemmingen.Where(t => t.OuderId is not null).Select(t => t.OuderId!.Value).Distinct().ToList();
        var ouders = await db.Ouders.Where(o => ouderIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.VolledigeNaam, cancellationToken);
        foreach (var relatie in leerling.Ouders.Where(r => r.Ouder is not null))
        {
            ouders[relatie.OuderId] = relatie.Ouder!.VolledigeNaam;
        }
        var medewerkerIds = toestemmingen.Select(t => t.VastgelegdDoor).Distinct().ToList();
        var medewerkers = await db.Users.Where(u => medewerkerIds.Contains(u.Id))
            .Select(u => new { u.Id, Naam = LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam) })
            .ToDictionaryAsync(u => u.Id, u => u.Naam, cancellationToken);

        var doelen = new List<DoelStatus>();
        foreach (var doel in Enum.GetValues<ToestemmingDoel>())
        {
            var vanDoel = toestemmingen.Where(t => t.Doel == doel).ToList();
            IEnumerable<string?> partners = Toestemming.VraagtPartner(doel) && vanDoel.Count > 0
                ? vanDoel.Select(t => t.Partner).Distinct(StringComparer.OrdinalIgnoreCase)
                : [null];
            foreach (var partner in partners)
            {
                var regels = vanDoel.Where(t => partner is null || string.Equals(t.Partner, partner, StringComparison.OrdinalIgnoreCase)).ToList();
                var dekking = Toestemmingsregel.Dekking(leerling, doel, regels, vandaag, partner);
                var tot = Toestemmingsregel.GedektTot(leerling, doel, regels, vandaag, partner);
                var status = !dekking.IsGedekt ? dekking.Uitleg(ouders)
                    : tot is { } t ? $"Geldig, verloopt op {t.ToString("d MMMM yyyy", Nl)}"
                    : "Geldig";
                doelen.Add(new DoelStatus(doel, partner, dekking.IsGedekt, tot, status,
                    [.. regels.Select(r => new ToestemmingRegel(
                        r.Id, r.OuderId is { } o ? ouders.GetValueOrDefault(o, "een ouder") : "de leerling zelf",
                        r.Wijze, r.GegevenOp, r.GeldigTot, r.Opmerking, r.IsGeldigOp(vandaag), r.IngetrokkenOp, r.IngetrokkenDoor,
                        medewerkers.GetValueOrDefault(r.VastgelegdDoor)))]));
            }
        }

        var toestemmers = leerling.GezagdragersOp(vandaag)
            .Select(g => new Toestemmer(g.OuderId.ToString(), $"{ouders.GetValueOrDefault(g.OuderId, "Ouder")} ({Relatie(g.Relatie)})"))
            .ToList();
        if (leerling.Rechten(vandaag).EigenToestemming)
        {
            toestemmers.Add(new Toestemmer(VastleggenInvoer.DeLeerlingZelf, "De leerling zelf"));
        }
        var magVastleggen = Toestemmingsrecht.MagMetRol(currentUser) && Toestemmingsrecht.MagVoor(lezer);
        await audit.ReadEachAsync(db, [leerlingId], "toestemmingen", cancellationToken);
        return new ToestemmingenRegister(leerlingId, vandaag, magVastleggen, leerling, toestemmers, doelen);
    }

    private static string Relatie(OuderRelatie relatie) => relatie switch
    {
        OuderRelatie.Moeder => "moeder",
        OuderRelatie.Vader => "vader",
        OuderRelatie.Verzorger => "verzorger",
        OuderRelatie.Voogd => "voogd",
        OuderRelatie.NidosVoogd => "Nidos-voogd",
        _ => relatie.ToString(),
    };

    public static string Weergave(ToestemmingWijze wijze) => wijze switch
    {
        ToestemmingWijze.Mondeling => "Mondeling",
        ToestemmingWijze.Schriftelijk => "Schriftelijk",
        ToestemmingWijze.Portaal => "Via het ouderportaal",
        _ => wijze.ToString(),
    };
}
