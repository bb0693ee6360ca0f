using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Besprekingen;

/// <summary>The fields of "Bespreking plannen" (dates and times as the pickers give them).</summary>
public sealed class BesprekingInvoer
{
    public const int MaxKeuzes = 100;

    public BesprekingSoort? Soort { get; set; }
    public string? Titel { get; set; }
    public DateTime? Datum { get; set; }
    public TimeSpan? Begin { get; set; } = new(15, 30, 0);
    public TimeSpan? Einde { get; set; } = new(17, 0, 0);
    public string? Plaats { get; set; }
    public Guid? VoorzitterId { get; set; }
    public IReadOnlyCollection<Guid> DeelnemerIds { get; set; } = [];
    public IReadOnlyCollection<Guid> KlasIds { get; set; } = [];
    public IReadOnlyCollection<Guid> LeerlingIds { get; set; } = [];
    public IReadOnlyCollection<Guid> PartnerIds { get; set; } = [];
    public DateTime? InventarisatieDeadline { get; set; }
    public bool Herhalen { get; set; }
    public int? WekenTussen { get; set; } = 8;
    public DateTime? HerhalenTot { get; set; }

    public bool IsPerKlas => Soort is { } s && s.IsPerKlas();

    /// <summary>The plan of the first (or only) meeting; a kind per class has no chosen students, the others no classes.</summary>
    public BesprekingPlan Plan(DateOnly vandaag) => new(
        Soort ?? 0, Titel, Dag(Datum) ?? vandaag, Tijd(Begin) ?? new TimeOnly(0, 0), Tijd(Einde), Plaats, VoorzitterId ?? Guid.Empty,
        IsPerKlas ? [.. KlasIds.Distinct()] : [], IsPerKlas ? [] : [.. LeerlingIds.Distinct()], [.. DeelnemerIds.Distinct()],
        Soort is { } soort && soort.VraagtInventarisatie() ? Dag(InventarisatieDeadline) : null);

    internal static DateOnly? Dag(DateTime? datum) => datum is { } d ? DateOnly.FromDateTime(d) : null;

    internal static TimeOnly? Tijd(TimeSpan? tijd) => tijd is { } t ? TimeOnly.FromTimeSpan(t) : null;
}

/// <summary>
/// The form's checks next to each field: the Domain's planning rules (<see cref="Bespreking.Controleer"/>, the one source of
/// their messages) per field, plus what only the form has (an empty date or time, the repetition).
/// </summary>
public sealed class BesprekingInvoerValidator : AbstractValidator<BesprekingInvoer>
{
    public BesprekingInvoerValidator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        RuleFor(x => x.Soort).Custom((_, c) => Domeinregel(c, time, nameof(BesprekingPlan.Soort)));
        RuleFor(x => x.Titel).Custom((_, c) => Domeinregel(c, time, nameof(BesprekingPlan.Titel)));
        RuleFor(x => x.Datum).NotNull().WithMessage("Vul de datum in.")
            .Custom((_, c) => Domeinregel(c, time, nameof(BesprekingPlan.Datum)));
        RuleFor(x => x.Begin).NotNull().WithMessage("Vul de begintijd in.");
        RuleFor(x => x.Einde).Custom((_, c) => Domeinregel(c, time, nameof(BesprekingPlan.Einde)));
        RuleFor(x => x.Plaats).Custom((_, c) => Domeinregel(c, time, nameof(BesprekingPlan.Plaats)));
        RuleFor(x => x.VoorzitterId).Custom((_, c) => Domeinregel(c, time, nameof(BesprekingPlan.VoorzitterId)));
        RuleFor(x => x.KlasIds).Custom((_, c) => Domeinregel(c, time, nameof(BesprekingPlan.KlasIds)))
            .Must(k => k.Count <= 50).WithMessage("Kies hoogstens 50 klassen.");
        RuleFor(x => x.DeelnemerIds).Must(d => d.Count <= BesprekingInvoer.MaxKeuzes).WithMessage($"Kies hoogstens {BesprekingInvoer.MaxKeuzes} deelnemers.");
        RuleFor(x => x.LeerlingIds).Must(d => d.Count <= BesprekingInvoer.MaxKeuzes).WithMessage($"Kies hoogstens {BesprekingInvoer.MaxKeuzes} leerlingen.");
        RuleFor(x => x.PartnerIds).Must(d => d.Count <= 50).WithMessage("Kies hoogstens 50 partners.");
        RuleFor(x => x.InventarisatieDeadline).Custom((_, c) => Domeinregel(c, time, nameof(BesprekingPlan.InventarisatieDeadline)));
        When(x => x.Herhalen, () =>
        {
            RuleFor(x => x.WekenTussen).NotNull().WithMessage("Vul in om de hoeveel weken.")
                .InclusiveBetween(1, 26).WithMessage("Kies om de 1 tot 26 weken.");
            RuleFor(x => x.HerhalenTot).NotNull().WithMessage("Vul in tot wanneer de bespreking terugkomt.")
                .Must((x, tot) => tot is null || x.Datum is null || tot.Value.Date > x.Datum.Value.Date)
                .WithMessage("De herhaling eindigt niet na de eerste bespreking.");
        });
    }

    private static void Domeinregel(ValidationContext<BesprekingInvoer> context, TimeProvider time, string veld)
    {
        var vandaag = Schoolkalender.Vandaag(time);
        var invoer = context.InstanceToValidate;
        foreach (var fout in Bespreking.Controleer(invoer.Plan(vandaag), vandaag).Where(f => f.Veld == veld))
        {
            context.AddFailure(fout.Melding);
        }
    }
}

public sealed record KlasOptie(Guid Id, string Naam, int Leerjaar);

public sealed record PartnerOptie(Guid Id, string Naam, string Organisatie, PartnerFunctie Functie)
{
    public string Weergave => $"{Naam} ({Functie.Weergave()}, {Organisatie})";
}

/// <summary>What the planning dialog offers: the kinds the user may plan, the staff, his classes of this schooljaar, the partners.</summary>
public sealed record BesprekingKeuzes(IReadOnlyList<BesprekingSoort> Soorten, IReadOnlyList<MedewerkerOptie> Medewerkers,
    IReadOnlyList<KlasOptie> Klassen, IReadOnlyList<PartnerOptie> Partners, Guid Ik, DateOnly Vandaag);

/// <summary>The classes a planner may plan for: a coördinator those of his leerjaren / afdelingen, the zorgcoördinator all; this schooljaar.</summary>
internal static class Planklassen
{
    public static IQueryable<Klas> Van(LeerlingzorgDbContext db, CurrentUser user, Schooljaar jaar)
    {
        var klassen = db.Klassen.Where(k => k.Schooljaar == jaar);
        if (user.IsInRol(Rollen.Zorgcoordinator))
        {
            return klassen;
        }
        var id = user.Id ?? Guid.Empty;
        return klassen.Where(k => db.Coordinatoren.Any(c => c.MedewerkerId == id
            && (c.Leerjaar == null || c.Leerjaar == k.Leerjaar)
            && (c.AfdelingId == null || c.AfdelingId == k.AfdelingId)));
    }
}

public sealed class BesprekingKeuzesHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<BesprekingKeuzes>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (!Besprekingtoegang.MagPlannen(currentUser))
        {
            return Fout.GeenToegang;
        }
        var schoolId = currentUser.SchoolId!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var medewerkers = await Gesprekken.Gesprekken.Medewerkers(db, schoolId).ToListAsync(cancellationToken);
        var klassen = await Planklassen.Van(db, currentUser, Schoolkalender.HuidigSchooljaar(time))
            .OrderBy(k => k.Leerjaar).ThenBy(k => k.Naam).Select(k => new KlasOptie(k.Id, k.Naam, k.Leerjaar)).ToListAsync(cancellationToken);
        var partners = await db.Partners.Where(p => p.Actief).OrderBy(p => p.Naam)
            .Select(p => new PartnerOptie(p.Id, p.Naam, p.Organisatie, p.Functie)).ToListAsync(cancellationToken);
        var soorten = Enum.GetValues<BesprekingSoort>().Where(s => Besprekingtoegang.MagPlannen(currentUser, s)).ToList();
        return new BesprekingKeuzes(soorten, medewerkers, klassen, partners, currentUser.Id!.Value, Schoolkalender.Vandaag(time));
    }
}

/// <summary>The planned meetings (one, or a series), and a warning when students of a TDO/ZAT are discussed anonymously.</summary>
public sealed record BesprekingGepland(IReadOnlyList<Guid> Ids, string? Waarschuwing);

/// <summary>
/// Plans a meeting or a series (<see cref="Bespreking.Plan"/>, <see cref="Bespreking.Serie"/>): a planner who may plan this kind
/// (<see cref="Besprekingtoegang.MagPlannen(CurrentUser, BesprekingSoort)"/>), a chair and participants from the school's active
/// staff, classes of this schooljaar that are his to plan, students he sees, active partners. A leerlingbespreking asks every
/// docent of its classes for a form (<see cref="Inventarisatie.Uitzetten"/>); chosen students go on the agenda, anonymously in a
/// TDO/ZAT without consent (<see cref="Agendapunt.MagBijNaam"/>). Every meeting audited, all in one SaveChanges.
/// </summary>
public sealed class BesprekingPlannenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public BesprekingInvoerValidator Validator { get; } = new(time);

    public async Task<Result<BesprekingGepland>> HandleAsync(BesprekingInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!Besprekingtoegang.MagPlannen(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (Validator.Controleer(invoer) is { } ongeldig)
        {
            return ongeldig;
        }
        var soort = invoer.Soort!.Value;
        if (!Besprekingtoegang.MagPlannen(currentUser, soort))
        {
            return new Fout(FoutSoort.GeenToegang, $"Een {soort.Weergave()} plant alleen de zorgcoördinator.");
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var plan = invoer.Plan(vandaag);
        var schoolId = currentUser.SchoolId!.Value;
        var ik = currentUser.Id!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var medewerkerIds = plan.DeelnemerIds.Append(plan.VoorzitterId).Distinct().ToList();
        var actief = await db.ActieveMedewerkersVan(schoolId).Where(u => medewerkerIds.Contains(u.Id)).CountAsync(cancellationToken);
        if (actief != medewerkerIds.Count)
        {
            return new Fout(FoutSoort.Ongeldig, "Kies als voorzitter en deelnemers medewerkers van de school.");
        }
        var klassen = await Planklassen.Van(db, currentUser, Schoolkalender.HuidigSchooljaar(time))
            .Where(k => plan.KlasIds.Contains(k.Id)).Select(k => new { k.Id, k.Naam }).ToListAsync(cancellationToken);
        if (klassen.Count != plan.KlasIds.Count)
        {
            return new Fout(FoutSoort.Ongeldig,
                "Kies klassen van dit schooljaar waarvoor u besprekingen plant (een coördinator: de klassen van zijn leerjaar of afdeling).");
        }
        var leerlingen = await db.ZichtbareLeerlingen(currentUser).Where(l => plan.LeerlingIds.Contains(l.Id))
            .Include(l => l.Ouders).ThenInclude(o => o.Ouder).AsSplitQuery().ToListAsync(cancellationToken);
        if (leerlingen.Count != plan.LeerlingIds.Count)
        {
            return Fout.NietGevonden("Een gekozen leerling");
        }
        var partnerIds = invoer.PartnerIds.Distinct().ToList();
        if (await db.Partners.CountAsync(p => partnerIds.Contains(p.Id) && p.Actief, cancellationToken) != partnerIds.Count)
        {
            return new Fout(FoutSoort.Ongeldig, "Kies partners uit de lijst van de school.");
        }
        var toestemmingen = soort == BesprekingSoort.TdoZat && plan.LeerlingIds.Count > 0
            ? await db.Toestemmingen.Where(t => plan.LeerlingIds.Contains(t.LeerlingId)).ToListAsync(cancellationToken)
            : [];
        var lesopdrachten = new List<(Guid KlasId, Guid DocentId)>();
        if (soort.VraagtInventarisatie())
        {
            var opdrachten = await db.Lesopdrachten.Where(l => plan.KlasIds.Contains(l.KlasId))
                .Select(l => new { l.KlasId, l.MedewerkerId }).ToListAsync(cancellationToken);
            var docentIds = opdrachten.Select(o => o.MedewerkerId).Distinct().ToList();
            // A deactivated docent's lesopdracht asks nobody for a form.
            var actieveDocenten = (await db.ActieveMedewerkersVan(schoolId).Where(u => docentIds.Contains(u.Id)).Select(u => u.Id)
                .ToListAsync(cancellationToken)).ToHashSet();
            lesopdrachten.AddRange(opdrachten.Where(o => actieveDocenten.Contains(o.MedewerkerId)).Select(o => (o.KlasId, o.MedewerkerId)));
        }

        var dagen = invoer.Herhalen ? Bespreking.Serie(plan.Datum, invoer.WekenTussen!.Value, BesprekingInvoer.Dag(invoer.HerhalenTot)!.Value) : [plan.Datum];
        Guid? serieId = invoer.Herhalen ? Guid.CreateVersion7() : null;
        // Each meeting of a series gets its forms due as long before it as the first one's.
        var deadlineVooraf = plan.InventarisatieDeadline is { } d ? plan.Datum.DayNumber - d.DayNumber : (int?)null;
        var volgorde = plan.LeerlingIds.Select(id => leerlingen.First(l => l.Id == id)).ToList();
        var anoniem = volgorde.Where(l => !Agendapunt.MagBijNaam(soort, l, toestemmingen.Where(t => t.LeerlingId == l.Id), vandaag)).ToList();
        var nu = time.GetUtcNow();
        var ids = new List<Guid>();
        foreach (var dag in dagen)
        {
            var bespreking = Bespreking.Plan(plan with
            {
                Datum = dag,
                InventarisatieDeadline = deadlineVooraf is { } vooraf ? dag.AddDays(-vooraf) : null,
            }, vandaag, ik, nu, serieId);
            bespreking.Partners = [.. partnerIds.Select(p => new BesprekingPartner { BesprekingId = bespreking.Id, PartnerId = p })];
            bespreking.Agenda = [.. volgorde.Select((l, i) => new Agendapunt
            {
                BesprekingId = bespreking.Id, LeerlingId = l.Id, Volgorde = i + 1, IngebrachtDoor = ik, Anoniem = anoniem.Contains(l),
            })];
            db.Besprekingen.Add(bespreking);
            db.Inventarisaties.AddRange(Inventarisatie.Uitzetten(bespreking, lesopdrachten));
            var wat = $"{bespreking.Naam} op {dag:d-M-yyyy} gepland ({bespreking.Id})";
            if (volgorde.Count == 0)
            {
                audit.Add(db, AuditActie.Aanmaken, null, $"{wat}{(klassen.Count > 0 ? ", klas " + string.Join(", ", klassen.Select(k => k.Naam)) : "")}");
            }
            foreach (var punt in bespreking.Agenda)
            {
                audit.Add(db, AuditActie.Aanmaken, punt.LeerlingId, $"op de agenda: {wat}{(punt.Anoniem ? ", anoniem (geen toestemming)" : "")}");
            }
            ids.Add(bespreking.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        return new BesprekingGepland(ids, anoniem.Count == 0 ? null
            : $"Zonder geldige toestemming voor het TDO/ZAT {(anoniem.Count == 1 ? "wordt" : "worden")} "
              + $"{string.Join(", ", anoniem.Select(l => l.VolledigeNaam))} anoniem besproken, zonder naam.");
    }
}
