using FluentValidation;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Swvaanvragen;

/// <summary>What the staff member fills in in the dialog "Aanvraag bij het samenwerkingsverband".</summary>
public class AanvraagInvoer
{
    public Guid LeerlingId { get; set; }
    public Aanvraagsoort? Soort { get; set; }
    public string? Vraag { get; set; }
    public string? Samenvatting { get; set; }
    /// <summary>The gesprekken whose summary goes along as an attachment (only those the sender may read).</summary>
    public List<Guid> GesprekIds { get; set; } = [];
    public string? BijlageTitel { get; set; }
    public string? BijlageTekst { get; set; }
    public string? OndersteuningSoort { get; set; }
    public string? Intensiteit { get; set; }
    public DateTime? Van { get; set; }
    public DateTime? Tot { get; set; }
    public decimal? Kosten { get; set; }

    public bool VraagtOndersteuning => Soort is { } s && Swvaanvraag.VraagtOndersteuning(s);
}

/// <summary>The dialog's rules and the handler's: the fields; the Domain (<see cref="Swvaanvraag.Controleer"/>) adds the OPP and consent.</summary>
public sealed class AanvraagInvoerValidator : AbstractValidator<AanvraagInvoer>
{
    public AanvraagInvoerValidator()
    {
        RuleFor(x => x.Soort).NotNull().WithMessage("Kies wat u aanvraagt.");
        RuleFor(x => x.Vraag).Verplicht().WithMessage("Vul de vraag aan het samenwerkingsverband in.")
            .VrijeTekst(Swvaanvraag.MaxVraag).WithMessage("De vraag: " + TekstRegels.Hooguit(Swvaanvraag.MaxVraag));
        RuleFor(x => x.Samenvatting).Verplicht().WithMessage(x => x.Soort == Aanvraagsoort.Groep
                ? "Vul een samenvatting in: wat de groep gemeen heeft en wat de school al deed."
                : "Vul een samenvatting van de situatie van de leerling in.")
            .VrijeTekst(Swvaanvraag.MaxSamenvatting).WithMessage("De samenvatting: " + TekstRegels.Hooguit(Swvaanvraag.MaxSamenvatting));
        RuleFor(x => x.BijlageTitel).Tekst(Swvaanvraag.MaxBijlageTitel).WithMessage("De titel van de bijlage: " + TekstRegels.Hooguit(Swvaanvraag.MaxBijlageTitel));
        RuleFor(x => x.BijlageTekst).VrijeTekst(Swvaanvraag.MaxBijlageTekst).WithMessage("De bijlage: " + TekstRegels.Hooguit(Swvaanvraag.MaxBijlageTekst));
        RuleFor(x => x.BijlageTitel).Must((x, t) => Tekst.Vrij(x.BijlageTekst).Length == 0 || Tekst.Regel(t).Length > 0)
            .WithMessage("Geef de bijlage een titel.");
        RuleFor(x => x.GesprekIds).Must(g => g.Count + 1 <= Swvaanvraag.MaxBijlagen)
            .WithMessage($"Stuur hooguit {Swvaanvraag.MaxBijlagen} bijlagen mee.");
        When(x => x.VraagtOndersteuning, () =>
        {
            RuleFor(x => x.OndersteuningSoort).Verplicht().WithMessage("Vul de soort ondersteuning in die u vraagt.")
                .Tekst(Swvaanvraag.MaxOndersteuningSoort).WithMessage("De soort ondersteuning: " + TekstRegels.Hooguit(Swvaanvraag.MaxOndersteuningSoort));
            RuleFor(x => x.Intensiteit).Tekst(Swvaanvraag.MaxIntensiteit).WithMessage("De intensiteit: " + TekstRegels.Hooguit(Swvaanvraag.MaxIntensiteit));
            RuleFor(x => x.Van).NotNull().WithMessage("Vul de begindatum in.");
            RuleFor(x => x.Tot).NotNull().WithMessage("Vul de einddatum in.");
            RuleFor(x => x.Tot).Must((x, tot) => tot is null || x.Van is null || tot >= x.Van).WithMessage("De einddatum ligt vóór de begindatum.");
            RuleFor(x => x.Tot).Must((x, tot) => tot is null || x.Van is null || tot < x.Van.Value.AddYears(Swvaanvraag.MaxJaren))
                .WithMessage($"Een arrangement wordt voor hooguit {Swvaanvraag.MaxJaren} schooljaren aangevraagd.");
            RuleFor(x => x.Kosten).NotNull().WithMessage("Vul de kosten in.")
                .GreaterThan(0).WithMessage("Vul de kosten in (meer dan € 0).")
                .LessThan(Swvaanvraag.MaxKosten).WithMessage("De kosten zijn minder dan € 1.000.000.");
        });
    }
}

/// <summary>Who may send an application for the school: the zorgcoördinator, the intern begeleider and the orthopedagoog.</summary>
public static class Aanvraagrecht
{
    private static readonly string[] Indienerrollen = [Rollen.Zorgcoordinator, Rollen.InternBegeleider, Rollen.Orthopedagoog];

    public const string GeenRecht = "Alleen de zorgcoördinator, de intern begeleider en de orthopedagoog dienen een aanvraag in bij het samenwerkingsverband.";

    public static bool MagMetRol(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Toegang.IsMedewerker(user) && user.IsInEenVan(Indienerrollen);
    }

    /// <summary>The function the SWV sees next to the sender's name: his first care role.</summary>
    public static string Functie(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Rollen.Weergave(Indienerrollen.First(user.IsInRol)).ToLowerInvariant();
    }
}

/// <summary>
/// Sends an application to the school's samenwerkingsverband (<see cref="Swvaanvraag.Indien"/>, ADR 0010): the role
/// first, the student and the relation, then the OPP version in force, the consents for sharing with the SWV and the
/// chosen gesprekken (only those the sender may read); the snapshot is copied into the SWV's row, which the school can
/// insert but never change. Audited with the student in the same SaveChanges.
/// </summary>
public sealed class AanvraagIndienenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(AanvraagInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (currentUser.Id is not { } userId || currentUser.SchoolId is not { } schoolId || !Aanvraagrecht.MagMetRol(currentUser))
        {
            return new Fout(FoutSoort.GeenToegang, Aanvraagrecht.GeenRecht);
        }
        var velden = await new AanvraagInvoerValidator().ValidateAsync(invoer, cancellationToken);
        if (!velden.IsValid)
        {
            return Fout.Ongeldig(velden);
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (await db.DossierlezerAsync(currentUser, invoer.LeerlingId, cancellationToken) is not { } lezer)
            {
                return Fout.NietGevonden("De leerling");
            }
            if (!Ondersteuningsbronnen.LeestZorg(lezer))
            {
                return new Fout(FoutSoort.GeenToegang, Aanvraagrecht.GeenRecht);
            }
            var leerling = await db.Leerlingen.Include(l => l.Ouders).ThenInclude(o => o.Ouder)
                .FirstOrDefaultAsync(l => l.Id == invoer.LeerlingId, cancellationToken);
            if (leerling is null)
            {
                return Fout.NietGevonden("De leerling");
            }
            var klas = await db.Klassen.Where(k => k.Id == leerling.KlasId)
                .Select(k => new { k.Leerjaar, Niveau = k.Afdeling!.Naam }).FirstOrDefaultAsync(cancellationToken);
            var swvId = await db.Scholen.Where(s => s.Id == schoolId).Select(s => s.SamenwerkingsverbandId).FirstAsync(cancellationToken);
            var opp = await OppInWerkingAsync(db, leerling.Id, cancellationToken);
            var toestemmingen = await db.Toestemmingen
                .Where(t => t.LeerlingId == leerling.Id && t.Doel == ToestemmingDoel.DelenMetSwv).ToListAsync(cancellationToken);
            var bijlagen = await BijlagenAsync(db, lezer, invoer, cancellationToken);
            var nu = time.GetUtcNow();
            var (aanvraag, fouten) = Swvaanvraag.Indien(
                new Indienleerling(leerling, klas is null ? null : $"leerjaar {klas.Leerjaar}", klas?.Niveau),
                swvId, Naar(invoer, bijlagen), opp, toestemmingen, nu,
                new Indiener(userId, currentUser.Naam, Aanvraagrecht.Functie(currentUser)));
            if (aanvraag is null)
            {
                return new Fout(FoutSoort.Ongeldig, string.Join(" ", fouten.Select(f => f.Melding).Distinct()));
            }
            db.Swvaanvragen.Add(aanvraag);
            audit.Add(db, AuditActie.Aanmaken, leerling.Id,
                $"aanvraag bij het samenwerkingsverband ingediend: {aanvraag.Soort} ({aanvraag.Id}), OPP-versie {aanvraag.Snapshot.OppVersie?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "geen"}, {bijlagen.Count} bijlagen");
            await db.SaveChangesAsync(cancellationToken);
            return aanvraag.Id;
        }
        catch (Exception e) when (Storing.IsOnbereikbaar(e))
        {
            return Fout.Onbereikbaar;
        }
    }

    /// <summary>The OPP version in force of the student (its plan not ended), with its text; null when there is none.</summary>
    internal static async Task<PlanVersie?> OppInWerkingAsync(LeerlingzorgDbContext db, Guid leerlingId, CancellationToken cancellationToken)
    {
        var plan = await db.Plannen.Include(p => p.Versies)
            .FirstOrDefaultAsync(p => p.LeerlingId == leerlingId && p.Soort == PlanSoort.Opp && p.BeeindigdOp == null, cancellationToken);
        return plan?.InWerking;
    }

    private static async Task<List<Bijlage>> BijlagenAsync(LeerlingzorgDbContext db, Dossierlezer lezer, AanvraagInvoer invoer,
        CancellationToken cancellationToken)
    {
        var bijlagen = new List<Bijlage>();
        if (invoer.GesprekIds.Count > 0)
        {
            var ids = invoer.GesprekIds.Distinct().ToList();
            var gesprekken = await Dossierbronnen.Gesprekken.Leesbaar(db, lezer).Where(g => ids.Contains(g.Id))
                .OrderBy(g => g.Datum).Select(g => new { g.Datum, Soort = g.Soort!.Naam, g.Samenvatting })
                .ToListAsync(cancellationToken);
            bijlagen.AddRange(gesprekken.Select(g => new Bijlage(
                $"Gesprek ({g.Soort}) van {g.Datum.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))}",
                Knip(Tekst.Vrij(g.Samenvatting), Swvaanvraag.MaxBijlageTekst))));
        }
        if (Tekst.VrijOfNull(invoer.BijlageTekst) is { } tekst)
        {
            bijlagen.Add(new Bijlage(Tekst.Regel(invoer.BijlageTitel), tekst));
        }
        return bijlagen;
    }

    private static string Knip(string tekst, int max) => tekst.Length <= max ? tekst : tekst[..(max - 1)] + "…";

    internal static Aanvraaginvoer Naar(AanvraagInvoer x, IReadOnlyList<Bijlage> bijlagen) => new(
        x.Soort!.Value, x.Vraag, x.Samenvatting, bijlagen,
        x.VraagtOndersteuning && x.Van is { } van && x.Tot is { } tot && x.Kosten is { } kosten
            ? new GevraagdeOndersteuning(x.OndersteuningSoort ?? "", x.Intensiteit, DateOnly.FromDateTime(van), DateOnly.FromDateTime(tot), kosten)
            : null);
}
