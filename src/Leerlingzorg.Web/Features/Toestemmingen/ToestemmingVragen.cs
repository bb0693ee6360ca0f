using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Mail;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Leerlingzorg.Web.Features.Toestemmingen;

public sealed class VragenInvoer
{
    public Guid LeerlingId { get; set; }
    public ToestemmingDoel? Doel { get; set; }
    public string? Partner { get; set; }
    public string? Toelichting { get; set; }
    public DateTime? GeldigTot { get; set; }
}

/// <summary>A request as the register card lists it: to whom (name and relation: staff see the parents), what, and its answer.</summary>
public sealed record VerzoekRegel(Guid Id, ToestemmingDoel Doel, string? Partner, string Ouder, VerzoekStatus Status,
    DateTimeOffset GevraagdOp, DateTimeOffset? BeantwoordOp, string? Reden);

/// <summary>
/// "Toestemming vragen via het portaal": one <see cref="Toestemmingsverzoek"/> per ouder with gezag (<see cref="Toestemmingsverzoek.Vraag"/>),
/// and a mail to each that something waits (<see cref="Ouderberichten"/>, link only). The same people as recording a consent.
/// </summary>
public sealed class ToestemmingVragenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit,
    TimeProvider time, Ouderberichten berichten)
{
    /// <param name="basisAdres">The application's base address (ending in "/"), for the link in the mail.</param>
    public async Task<Result<int>> HandleAsync(VragenInvoer invoer, Uri basisAdres, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        ArgumentNullException.ThrowIfNull(basisAdres);
        if (currentUser.Id is not { } userId || !Toestemmingsrecht.MagMetRol(currentUser))
        {
            return new Fout(FoutSoort.GeenToegang, Toestemmingsrecht.GeenRecht);
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var nu = time.GetUtcNow();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (await db.DossierlezerAsync(currentUser, invoer.LeerlingId, cancellationToken) is not { } lezer || !Ondersteuningsbronnen.LeestZorg(lezer))
            {
                return Fout.NietGevonden("De leerling");
            }
            if (!Toestemmingsrecht.MagVoor(lezer))
            {
                return new Fout(FoutSoort.GeenToegang, Toestemmingsrecht.GeenRecht);
            }
            var leerling = await db.Leerlingen.AsNoTracking().Include(l => l.Ouders).FirstAsync(l => l.Id == invoer.LeerlingId, cancellationToken);
            var gezag = leerling.GezagdragersOp(vandaag);
            if (gezag.Count == 0)
            {
                return new Fout(FoutSoort.Ongeldig, "Er is geen ouder met gezag om toestemming te vragen. Leg eerst de ouders en het gezag vast bij de leerling.");
            }
            var geldigTot = invoer.GeldigTot is { } tot ? DateOnly.FromDateTime(tot) : (DateOnly?)null;
            var verzoeken = new List<Toestemmingsverzoek>();
            foreach (var ouder in gezag)
            {
                var (verzoek, fouten) = Toestemmingsverzoek.Vraag(leerling, ouder.OuderId, invoer.Doel ?? 0, invoer.Partner, invoer.Toelichting,
                    geldigTot, vandaag, nu, userId);
                if (verzoek is null)
                {
                    return new Fout(FoutSoort.Ongeldig, string.Join(" ", fouten.Select(f => f.Melding).Distinct()));
                }
                verzoeken.Add(verzoek);
            }
            db.Toestemmingsverzoeken.AddRange(verzoeken);
            await berichten.MeldAsync(db, [.. verzoeken.Select(v => v.OuderId)], Ouderbericht.ToestemmingGevraagd,
                new Uri(basisAdres, $"mijn-kinderen/{leerling.Id}/toestemming"), cancellationToken);
            audit.Add(db, AuditActie.Wijzigen, leerling.Id,
                $"toestemming gevraagd via het ouderportaal: {invoer.Doel} aan {verzoeken.Count} ouder(s) met gezag");
            await db.SaveChangesAsync(cancellationToken);
            return verzoeken.Count;
        }
        catch (Exception e) when (e is DbUpdateException or NpgsqlException)
        {
            return Fout.Onbereikbaar;
        }
    }
}

/// <summary>The portal requests of one student for the register card, newest first. Read audited.</summary>
public sealed class ToestemmingsverzoekenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<VerzoekRegel>>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        List<VerzoekRegel> regels;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (await db.DossierlezerAsync(currentUser, leerlingId, cancellationToken) is not { } lezer || !Ondersteuningsbronnen.LeestZorg(lezer))
            {
                return Fout.NietGevonden("De leerling");
            }
            var rijen = await db.Toestemmingsverzoeken.AsNoTracking().Where(v => v.LeerlingId == leerlingId)
                .OrderByDescending(v => v.GevraagdOp).ToListAsync(cancellationToken);
            var ouderIds = rijen.Select(r => r.OuderId).Distinct().ToList();
            var ouders = await db.LeerlingOuders.AsNoTracking().Where(o => o.LeerlingId == leerlingId && ouderIds.Contains(o.OuderId))
                .Select(o => new { o.OuderId, o.Relatie, o.Ouder!.Voornaam, o.Ouder.Tussenvoegsel, o.Ouder.Achternaam })
                .ToListAsync(cancellationToken);
            string Wie(Guid id) => ouders.FirstOrDefault(o => o.OuderId == id) is { } o
                ? $"{Naam.Volledig(o.Voornaam, o.Tussenvoegsel, o.Achternaam)} ({Relatie(o.Relatie)})"
                : "ouder";
            regels = [.. rijen.Select(r => new VerzoekRegel(r.Id, r.Doel, r.Partner, Wie(r.OuderId), r.Status, r.GevraagdOp, r.BeantwoordOp, r.Reden))];
        }
        await audit.ReadAsync(leerlingId, "toestemmingsverzoeken (portaal) gelezen", cancellationToken);
        return regels;
    }

    private static string Relatie(OuderRelatie relatie) => relatie switch
    {
        OuderRelatie.Moeder => "moeder",
        OuderRelatie.Vader => "vader",
        OuderRelatie.Verzorger => "verzorger",
        OuderRelatie.Voogd => "voogd",
        OuderRelatie.NidosVoogd => "voogd (Nidos)",
        _ => "ouder",
    };

    public static string Weergave(VerzoekStatus status) => status switch
    {
        VerzoekStatus.Open => "Open",
        VerzoekStatus.Gegeven => "Gegeven",
        VerzoekStatus.Geweigerd => "Geweigerd",
        VerzoekStatus.Ingetrokken => "Ingetrokken door de school",
        _ => "Onbekend",
    };
}
