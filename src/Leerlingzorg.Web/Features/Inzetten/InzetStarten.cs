using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Aanbodbeheer;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Inzetten;

/// <summary>The fields of "Inzet starten" (dates as the date pickers give them).</summary>
public sealed class InzetInvoer
{
    public Guid LeerlingId { get; set; }
    public Guid? AanbodId { get; set; }
    public string? Doel { get; set; }
    public DateTime? Start { get; set; }
    public DateTime? GeplandEinde { get; set; }
    public Guid? EigenaarId { get; set; }
    public string? Frequentie { get; set; }
    public DateTime? VolgendeEvaluatie { get; set; }

    public InzetPlan Plan() => new(AanbodId ?? Guid.Empty, Doel, Datum(Start), Datum(GeplandEinde), EigenaarId, Frequentie, Datum(VolgendeEvaluatie));

    internal static DateOnly? Datum(DateTime? datum) => datum is { } d ? DateOnly.FromDateTime(d) : null;
}

/// <summary>The form's checks next to each field; <see cref="Inzet.Starten"/> holds the same rules and adds consent and capacity.</summary>
public sealed class InzetInvoerValidator : AbstractValidator<InzetInvoer>
{
    public InzetInvoerValidator()
    {
        RuleFor(x => x.AanbodId).Must(Beheer.IsGekozen).WithMessage("Kies het aanbod.");
        RuleFor(x => x.Doel).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul het doel van de inzet in: wat moet de ondersteuning opleveren?")
            .VrijeTekst(Inzet.DoelMaxLengte).WithMessage($"Het doel is hoogstens {Inzet.DoelMaxLengte} tekens.");
        RuleFor(x => x.Start).NotNull().WithMessage("Vul de startdatum in.");
        RuleFor(x => x.GeplandEinde).Must((x, einde) => einde is null || x.Start is null || einde.Value.Date >= x.Start.Value.Date)
            .WithMessage("Het geplande einde ligt vóór de start.");
        RuleFor(x => x.EigenaarId).Must(Beheer.IsGekozen).WithMessage("Kies de eigenaar: wie houdt de inzet bij en evalueert hem?");
        RuleFor(x => x.Frequentie).Tekst(Inzet.FrequentieMaxLengte).WithMessage($"De frequentie is hoogstens {Inzet.FrequentieMaxLengte} tekens.");
        RuleFor(x => x.VolgendeEvaluatie)
            .Must((x, datum) => datum is null || x.Start is null || datum.Value.Date >= x.Start.Value.Date)
            .WithMessage("De volgende evaluatie ligt vóór de start.")
            .Must((x, datum) => datum is null || x.GeplandEinde is null || datum.Value.Date <= x.GeplandEinde.Value.Date)
            .WithMessage("De volgende evaluatie ligt na het geplande einde.");
    }
}

/// <summary>An offer the user may start for this student, with whether it is full and, when it needs consent, who has not consented.</summary>
public sealed record AanbodKeuze(Guid Id, string Naam, PmNiveau Niveau, int? Capaciteit, int AantalActief, ToestemmingDoel? ToestemmingNodig,
    string? ToestemmingOntbreekt)
{
    public bool IsVol => Capaciteit is { } c && AantalActief >= c;
}

public sealed record InzetKeuzes(IReadOnlyList<AanbodKeuze> Aanbod, IReadOnlyList<MedewerkerOptie> Medewerkers, Guid Ik);

/// <summary>Loads the student with his ouders (and their names) and the consents an offer of his needs.</summary>
internal static class Inzetgegevens
{
    public static Task<Leerling?> LeerlingMetOudersAsync(LeerlingzorgDbContext db, Guid leerlingId, CancellationToken cancellationToken) =>
        db.Leerlingen.Include(l => l.Ouders).ThenInclude(o => o.Ouder).AsSplitQuery().FirstOrDefaultAsync(l => l.Id == leerlingId, cancellationToken);

    public static Task<List<Toestemming>> ToestemmingenAsync(LeerlingzorgDbContext db, Guid leerlingId, CancellationToken cancellationToken) =>
        db.Toestemmingen.Where(t => t.LeerlingId == leerlingId).ToListAsync(cancellationToken);

    public static Task<int> ActiefAsync(LeerlingzorgDbContext db, Guid aanbodId, CancellationToken cancellationToken) =>
        db.Inzetten.CountAsync(i => i.AanbodId == aanbodId && i.Status == InzetStatus.Actief, cancellationToken);

    /// <summary>
    /// The places taken in an offer, counted under a lock on the offer's row until the caller's transaction ends: two
    /// staff members starting at the same moment cannot both take the last place of a full group.
    /// </summary>
    public static async Task<int> BezettingVergrendeldAsync(LeerlingzorgDbContext db, Guid aanbodId, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM ondersteuningsaanbod WHERE id = {aanbodId} FOR UPDATE", cancellationToken);
        return await ActiefAsync(db, aanbodId, cancellationToken);
    }
}

/// <summary>What the "Inzet starten" dialog offers: the active offers the user may start for the student (<see cref="Inzet.MagStarten"/>) and the owners.</summary>
public sealed class InzetKeuzesHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<InzetKeuzes>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, leerlingId, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De leerling");
        }
        await AanbodOverzichtHandler.ZorgVoorStandaardAsync(db, audit, cancellationToken);
        var aanbod = await db.Ondersteuningsaanbod.Where(a => a.Actief).OrderBy(a => a.Volgorde).ThenBy(a => a.Naam)
            .Select(a => new { Aanbod = a, Actief = db.Inzetten.Count(i => i.AanbodId == a.Id && i.Status == InzetStatus.Actief) })
            .ToListAsync(cancellationToken);
        var magStarten = aanbod.Where(a => Inzet.MagStarten(lezer.Lezer, a.Aanbod.Niveau)).ToList();
        if (magStarten.Count == 0)
        {
            return new Fout(FoutSoort.GeenToegang, "U kunt voor deze leerling geen inzet starten.");
        }
        var vandaag = Schoolkalender.Vandaag(time);
        Leerling? leerling = null;
        List<Toestemming> toestemmingen = [];
        if (magStarten.Any(a => a.Aanbod.ToestemmingNodig is not null))
        {
            leerling = await Inzetgegevens.LeerlingMetOudersAsync(db, leerlingId, cancellationToken);
            toestemmingen = await Inzetgegevens.ToestemmingenAsync(db, leerlingId, cancellationToken);
        }
        var keuzes = magStarten.Select(a => new AanbodKeuze(a.Aanbod.Id, a.Aanbod.Naam, a.Aanbod.Niveau, a.Aanbod.Capaciteit, a.Actief,
            a.Aanbod.ToestemmingNodig,
            a.Aanbod.ToestemmingNodig is { } doel && leerling is not null
                && Toestemmingsregel.Dekking(leerling, doel, toestemmingen, vandaag) is { IsGedekt: false } dekking
                ? dekking.Uitleg(leerling.Ouders.Where(o => o.Ouder is not null).GroupBy(o => o.OuderId).ToDictionary(g => g.Key, g => g.First().Ouder!.VolledigeNaam))
                : null)).ToList();
        var medewerkers = await Gesprekken.Gesprekken.Medewerkers(db, currentUser.SchoolId!.Value).ToListAsync(cancellationToken);
        if (leerling is not null)
        {
            await audit.ReadAsync(leerlingId, "toestemmingen (bij inzet starten)", cancellationToken);
        }
        return new InzetKeuzes(keuzes, medewerkers, lezer.Id);
    }
}

/// <summary>A started intervention: active, or on the waiting list when the group was full.</summary>
public sealed record InzetGestart(Guid Id, bool OpWachtlijst, string Melding);

/// <summary>
/// Starts an intervention for a student (<see cref="Inzet.Starten"/>): a staff member who sees the student and may start
/// this offer (<see cref="Inzet.MagStarten"/>), an owner from the school's staff, consent from the register when the offer
/// needs it, and the waiting list when it is full. Audited in the same SaveChanges.
/// </summary>
public sealed class InzetStartenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public InzetInvoerValidator Validator { get; } = new();

    public async Task<Result<InzetGestart>> HandleAsync(InzetInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (Validator.Controleer(invoer) is { } ongeldig)
        {
            return ongeldig;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, invoer.LeerlingId, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De leerling");
        }
        var aanbod = await db.Ondersteuningsaanbod.FirstOrDefaultAsync(a => a.Id == invoer.AanbodId, cancellationToken);
        if (aanbod is null)
        {
            return Fout.NietGevonden("Het aanbod");
        }
        if (!Inzet.MagStarten(lezer.Lezer, aanbod.Niveau))
        {
            return new Fout(FoutSoort.GeenToegang,
                $"{aanbod.Naam} hoort bij {aanbod.Niveau.Kort()}: alleen de zorgcoördinator en de zorgmedewerkers kunnen dit aanbod inzetten.");
        }
        if (!await db.ActieveMedewerkersVan(currentUser.SchoolId!.Value).AnyAsync(u => u.Id == invoer.EigenaarId, cancellationToken))
        {
            return new Fout(FoutSoort.Ongeldig, "Kies als eigenaar een medewerker van de school.");
        }
        var leerling = await Inzetgegevens.LeerlingMetOudersAsync(db, invoer.LeerlingId, cancellationToken);
        if (leerling is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        var toestemmingen = aanbod.ToestemmingNodig is null ? [] : await Inzetgegevens.ToestemmingenAsync(db, leerling.Id, cancellationToken);
        await using var transactie = await db.Database.BeginTransactionAsync(cancellationToken);
        var actief = await Inzetgegevens.BezettingVergrendeldAsync(db, aanbod.Id, cancellationToken);
        var start = Inzet.Starten(aanbod, leerling, invoer.Plan(), toestemmingen, actief, lezer.Id, time.GetUtcNow());
        if (start.Inzet is not { } inzet)
        {
            return new Fout(FoutSoort.Ongeldig, start.Melding);
        }
        // The offer is already in the database: only the intervention is new.
        inzet.Aanbod = null;
        db.Inzetten.Add(inzet);
        audit.Add(db, AuditActie.Aanmaken, leerling.Id,
            $"inzet {aanbod.Naam} {(start.OpWachtlijst ? "op de wachtlijst geplaatst" : "gestart")} ({inzet.Id})");
        await db.SaveChangesAsync(cancellationToken);
        await transactie.CommitAsync(cancellationToken);
        return new InzetGestart(inzet.Id, start.OpWachtlijst, start.Melding);
    }
}
