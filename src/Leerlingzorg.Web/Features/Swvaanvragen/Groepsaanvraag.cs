using FluentValidation;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Swvaanvragen;

/// <summary>A group arrangement: the fields of one application, and the students it is for.</summary>
public sealed class GroepsaanvraagInvoer : AanvraagInvoer
{
    public GroepsaanvraagInvoer() => Soort = Aanvraagsoort.Groep;

    public List<Guid> LeerlingIds { get; set; } = [];
}

public sealed class GroepsaanvraagValidator : AbstractValidator<GroepsaanvraagInvoer>
{
    public GroepsaanvraagValidator()
    {
        Include(new AanvraagInvoerValidator());
        RuleFor(x => x.LeerlingIds).Must(l => l.Distinct().Count() >= Swvaanvraag.MinGroep)
            .WithMessage($"Kies ten minste {Swvaanvraag.MinGroep} leerlingen voor een groepsarrangement.")
            .Must(l => l.Distinct().Count() <= Swvaanvraag.MaxGroep)
            .WithMessage($"Een groepsarrangement is voor hooguit {Swvaanvraag.MaxGroep} leerlingen.");
    }
}

/// <summary>A student chosen for the group, as the dialog shows him: class, consent to share with the SWV, OPP.</summary>
public sealed record Groepskeuze(Guid Id, string Naam, string? Klas, bool ToestemmingGedekt, string Toestemming, int? OppVersie);

/// <summary>One application in the school's own list (all kinds; a group arrangement with its students).</summary>
public sealed record SchoolAanvraagRegel(
    Guid Id, Aanvraagsoort Soort, Aanvraagstatus Status, DateTimeOffset IngediendOp, string IngediendDoor, Guid? LeerlingId, string Wie,
    Besluituitkomst? Uitkomst, decimal? ToegekendBedrag, DateOnly? ToegekendTot);

public sealed record SchoolAanvragenPagina(IReadOnlyList<SchoolAanvraagRegel> Regels, int Totaal);

/// <summary>
/// The school's side of group arrangements (issue 12) and its own list of applications: the zorgcoördinator, intern
/// begeleider or orthopedagoog chooses the students (each with his consent state), and sends one application for them
/// (<see cref="Swvaanvraag.IndienGroep"/>): the role first, then per student the relation at Zorg level, his consent to share
/// with the SWV and his OPP in force; one <see cref="Groepslid"/> per student is copied into the SWV's rows. Every read
/// and the sending audited per student.
/// </summary>
public sealed class GroepsaanvraagHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public const int PaginaGrootte = 25;

    public GroepsaanvraagValidator Validator { get; } = new();

    /// <summary>Whether this user uses the school's SWV page: those who send applications.</summary>
    public static bool MagGebruiken(CurrentUser user) => Aanvraagrecht.MagMetRol(user);

    /// <summary>The students chosen so far, with their consent state and OPP: what the dialog shows next to each name.</summary>
    public Task<Result<IReadOnlyList<Groepskeuze>>> KeuzesAsync(IReadOnlyList<Guid> leerlingIds, CancellationToken cancellationToken = default) =>
        KeuzesIntern(leerlingIds, cancellationToken).BijStoring();

    private async Task<Result<IReadOnlyList<Groepskeuze>>> KeuzesIntern(IReadOnlyList<Guid> leerlingIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leerlingIds);
        if (!MagGebruiken(currentUser))
        {
            return new Fout(FoutSoort.GeenToegang, Aanvraagrecht.GeenRecht);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var (kandidaten, fout) = await KandidatenAsync(db, leerlingIds.Distinct().Take(Swvaanvraag.MaxGroep + 1).ToList(), cancellationToken);
        if (fout is not null)
        {
            return fout;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var keuzes = kandidaten.Select(k =>
        {
            var dekking = Toestemmingsregel.Dekking(k.Kandidaat.Wie.Leerling, ToestemmingDoel.DelenMetSwv, k.Kandidaat.Toestemmingen, vandaag);
            return new Groepskeuze(k.Kandidaat.Wie.Leerling.Id, k.Kandidaat.Wie.Leerling.VolledigeNaam, k.Klas, dekking.IsGedekt,
                dekking.IsGedekt ? "toestemming gegeven" : Swvaanvraag.Toestemmingsmelding(k.Kandidaat.Wie.Leerling, dekking), k.Kandidaat.OppVersie);
        }).ToList();
        await audit.ReadEachAsync(db, [.. keuzes.Select(k => k.Id)], "gekozen voor een groepsarrangement: toestemming en OPP bekeken", cancellationToken);
        return keuzes;
    }

    public Task<Result<Guid>> HandleAsync(GroepsaanvraagInvoer invoer, CancellationToken cancellationToken = default) =>
        Indienen(invoer, cancellationToken).BijStoring();

    private async Task<Result<Guid>> Indienen(GroepsaanvraagInvoer invoer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (currentUser.Id is not { } userId || currentUser.SchoolId is not { } schoolId || !MagGebruiken(currentUser))
        {
            return new Fout(FoutSoort.GeenToegang, Aanvraagrecht.GeenRecht);
        }
        invoer.Soort = Aanvraagsoort.Groep;
        var velden = await Validator.ValidateAsync(invoer, cancellationToken);
        if (!velden.IsValid)
        {
            return Fout.Ongeldig(velden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var (kandidaten, fout) = await KandidatenAsync(db, [.. invoer.LeerlingIds.Distinct()], cancellationToken);
        if (fout is not null)
        {
            return fout;
        }
        var swvId = await db.Scholen.Where(s => s.Id == schoolId).Select(s => s.SamenwerkingsverbandId).FirstAsync(cancellationToken);
        var bijlagen = Tekst.VrijOfNull(invoer.BijlageTekst) is { } tekst ? [new Bijlage(Tekst.Regel(invoer.BijlageTitel), tekst)] : new List<Bijlage>();
        var (aanvraag, leden, fouten) = Swvaanvraag.IndienGroep([.. kandidaten.Select(k => k.Kandidaat)], swvId,
            AanvraagIndienenHandler.Naar(invoer, bijlagen), time.GetUtcNow(),
            new Indiener(userId, currentUser.Naam, Aanvraagrecht.Functie(currentUser)));
        if (aanvraag is null)
        {
            return new Fout(FoutSoort.Ongeldig, string.Join(" ", fouten.Select(f => f.Melding).Distinct()));
        }
        db.Swvaanvragen.Add(aanvraag);
        db.Groepsleden.AddRange(leden);
        foreach (var lid in leden)
        {
            audit.Add(db, AuditActie.Aanmaken, lid.LeerlingId,
                $"groepsarrangement aangevraagd bij het samenwerkingsverband ({aanvraag.Id}), {leden.Count} leerlingen");
        }
        await db.SaveChangesAsync(cancellationToken);
        return aanvraag.Id;
    }

    /// <summary>The school's applications, newest first, one page: a student's name, or a group with its students.</summary>
    public Task<Result<SchoolAanvragenPagina>> LijstAsync(int pagina, CancellationToken cancellationToken = default) =>
        LijstIntern(pagina, cancellationToken).BijStoring();

    private async Task<Result<SchoolAanvragenPagina>> LijstIntern(int pagina, CancellationToken cancellationToken)
    {
        if (!MagGebruiken(currentUser) || currentUser.SchoolId is not { } schoolId)
        {
            return new Fout(FoutSoort.GeenToegang, Aanvraagrecht.GeenRecht);
        }
        pagina = Math.Max(pagina, 0);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var eigen = db.Swvaanvragen.Where(a => a.SchoolId == schoolId);
        var totaal = await eigen.CountAsync(cancellationToken);
        var rijen = await eigen.OrderByDescending(a => a.IngediendOp).ThenBy(a => a.Id).Skip(pagina * PaginaGrootte).Take(PaginaGrootte)
            .Select(a => new { a.Id, a.Soort, a.Status, a.IngediendOp, a.IngediendDoorNaam, a.LeerlingId, a.Leerling, a.Groepsgrootte, a.Uitkomst, a.ToegekendBedrag, a.ToegekendTot })
            .ToListAsync(cancellationToken);
        var groepen = rijen.Where(r => r.LeerlingId is null).Select(r => r.Id).ToList();
        var leden = groepen.Count == 0 ? [] : await db.Groepsleden.Where(g => groepen.Contains(g.AanvraagId))
            .Select(g => new { g.AanvraagId, g.LeerlingId, g.Leerling }).ToListAsync(cancellationToken);
        var regels = rijen.Select(r => new SchoolAanvraagRegel(r.Id, r.Soort, r.Status, r.IngediendOp, r.IngediendDoorNaam, r.LeerlingId,
            r.Leerling?.Naam ?? $"Groep van {r.Groepsgrootte} leerlingen: " + string.Join(", ", leden.Where(l => l.AanvraagId == r.Id).Select(l => l.Leerling.Naam)),
            r.Uitkomst, r.ToegekendBedrag, r.ToegekendTot)).ToList();
        var getoond = rijen.Select(r => r.LeerlingId).OfType<Guid>().Concat(leden.Select(l => l.LeerlingId)).Distinct().ToList();
        if (getoond.Count == 0)
        {
            await audit.ReadAsync(null, $"aanvragen bij het samenwerkingsverband van de school: {regels.Count} van {totaal}", cancellationToken);
        }
        else
        {
            await audit.ReadEachAsync(db, getoond, $"aanvragen bij het samenwerkingsverband van de school: {regels.Count} van {totaal} (pagina {pagina + 1})", cancellationToken);
        }
        return new SchoolAanvragenPagina(regels, totaal);
    }

    private sealed record Gekozen(Groepskandidaat Kandidaat, string? Klas);

    /// <summary>
    /// Each student with what the rules need (his parents, consents to share with the SWV, OPP in force, class), after his
    /// relation: a student the user may not read at Zorg level, or of another school, is "not found" and stops it all.
    /// </summary>
    private async Task<(List<Gekozen> Kandidaten, Fout? Fout)> KandidatenAsync(LeerlingzorgDbContext db, List<Guid> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            if (await db.DossierlezerAsync(currentUser, id, cancellationToken) is not { } lezer || !Ondersteuningsbronnen.LeestZorg(lezer))
            {
                return ([], Fout.NietGevonden("Een van de gekozen leerlingen"));
            }
        }
        var leerlingen = await db.Leerlingen.Include(l => l.Ouders).ThenInclude(o => o.Ouder)
            .Where(l => ids.Contains(l.Id)).AsSplitQuery().ToListAsync(cancellationToken);
        if (leerlingen.Count != ids.Count)
        {
            return ([], Fout.NietGevonden("Een van de gekozen leerlingen"));
        }
        var klassen = await db.Leerlingen.Where(l => ids.Contains(l.Id) && l.KlasId != null)
            .Select(l => new { l.Id, Klas = l.Klas!.Naam, l.Klas.Leerjaar, Niveau = l.Klas.Afdeling!.Naam }).ToListAsync(cancellationToken);
        var toestemmingen = await db.Toestemmingen.Where(t => ids.Contains(t.LeerlingId) && t.Doel == ToestemmingDoel.DelenMetSwv)
            .ToListAsync(cancellationToken);
        var kandidaten = new List<Gekozen>();
        foreach (var leerling in leerlingen.OrderBy(l => l.Achternaam, StringComparer.CurrentCulture).ThenBy(l => l.Voornaam, StringComparer.CurrentCulture))
        {
            var klas = klassen.FirstOrDefault(k => k.Id == leerling.Id);
            var opp = await AanvraagIndienenHandler.OppInWerkingAsync(db, leerling.Id, cancellationToken);
            kandidaten.Add(new Gekozen(
                new Groepskandidaat(new Indienleerling(leerling, klas is null ? null : $"leerjaar {klas.Leerjaar}", klas?.Niveau), opp?.Nummer,
                    [.. toestemmingen.Where(t => t.LeerlingId == leerling.Id)]),
                klas?.Klas));
        }
        return (kandidaten, null);
    }
}
