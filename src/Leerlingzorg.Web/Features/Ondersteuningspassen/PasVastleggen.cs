using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Ondersteuningspassen;

/// <summary>One facility in the dialog: ticked or not, with its toelichting.</summary>
public sealed class FaciliteitKeuze
{
    public Faciliteit Soort { get; set; }
    public bool Gekozen { get; set; }
    public string? Toelichting { get; set; }
}

/// <summary>What the dialog sends: a new pass, or a new version of the current one (<see cref="HuidigeVersie"/>).</summary>
public sealed class PasInvoer
{
    public Guid LeerlingId { get; set; }
    /// <summary>The version the user started from (null: the student had no current pass), to detect a concurrent change.</summary>
    public int? HuidigeVersie { get; set; }
    public string? Diagnose { get; set; }
    public List<FaciliteitKeuze> Faciliteiten { get; set; } = [.. FaciliteitWeergave.Alle.Select(f => new FaciliteitKeuze { Soort = f })];
    public DateTime? GeldigVanaf { get; set; }
    public DateTime? GeldigTot { get; set; }

    internal List<PasFaciliteit> Gekozen() =>
        [.. Faciliteiten.Where(f => f.Gekozen).Select(f => new PasFaciliteit { Soort = f.Soort, Toelichting = f.Toelichting })];

    /// <summary>The form of the current pass, to edit it into a new version; a new pass is valid from today.</summary>
    public static PasInvoer Van(Guid leerlingId, PasVersie? huidig, DateOnly vandaag)
    {
        var invoer = new PasInvoer { LeerlingId = leerlingId, HuidigeVersie = huidig?.Versie, GeldigVanaf = vandaag.ToDateTime(TimeOnly.MinValue) };
        if (huidig is null)
        {
            return invoer;
        }
        invoer.Diagnose = huidig.Diagnose;
        invoer.GeldigVanaf = huidig.GeldigVanaf.ToDateTime(TimeOnly.MinValue);
        invoer.GeldigTot = huidig.GeldigTot?.ToDateTime(TimeOnly.MinValue);
        foreach (var f in huidig.Faciliteiten)
        {
            var keuze = invoer.Faciliteiten.First(k => k.Soort == f.Soort);
            (keuze.Gekozen, keuze.Toelichting) = (true, f.Toelichting);
        }
        return invoer;
    }
}

/// <summary>The rules of <see cref="Ondersteuningspas.Controleer"/>, per field, with the same Dutch messages.</summary>
public sealed class PasInvoerValidator : AbstractValidator<PasInvoer>
{
    public PasInvoerValidator()
    {
        RuleFor(x => x.Diagnose).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage(Ondersteuningspas.DiagnoseVerplicht)
            .VrijeTekst(Ondersteuningspas.MaxDiagnose).WithMessage(Ondersteuningspas.DiagnoseTeLang);
        RuleFor(x => x.Faciliteiten)
            .Must(f => f.Any(k => k.Gekozen)).WithMessage(Ondersteuningspas.GeenFaciliteiten)
            .Must(f => f.Where(k => k.Gekozen).GroupBy(k => k.Soort).All(g => g.Count() == 1)).WithMessage(Ondersteuningspas.DubbeleFaciliteit)
            .Must(f => !f.Any(k => k.Gekozen && k.Soort == Faciliteit.Anders && Domain.Tekst.RegelOfNull(k.Toelichting) is null))
            .WithMessage(Ondersteuningspas.AndersZonderToelichting)
            .Must(f => f.Where(k => k.Gekozen).All(k => Domain.Tekst.Regel(k.Toelichting).Length <= Ondersteuningspas.MaxToelichting))
            .WithMessage(Ondersteuningspas.ToelichtingTeLang);
        RuleFor(x => x.GeldigVanaf).NotNull().WithMessage("Vul in vanaf wanneer de pas geldt.");
        RuleFor(x => x.GeldigTot)
            .Must((x, tot) => tot is null || x.GeldigVanaf is null || tot.Value.Date >= x.GeldigVanaf.Value.Date)
            .WithMessage(Ondersteuningspas.TotVoorVanaf);
    }
}

/// <summary>
/// Records the student's pass, or a new version of it (the current one becomes history): the zorgcoördinator and the
/// care roles only. The write and its audit line in one transaction.
/// </summary>
public sealed class PasVastleggenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time,
    Paswijzigingen wijzigingen)
{
    public PasInvoerValidator Validator { get; } = new();

    public async Task<Result<int>> HandleAsync(PasInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!PasBekijkenHandler.MagBeheren(currentUser) || currentUser.Id is not { } door || currentUser.SchoolId is not { } schoolId)
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de zorgcoördinator en de zorgrollen leggen een ondersteuningspas vast.");
        }
        var validatie = await Validator.ValidateAsync(invoer, cancellationToken);
        if (!validatie.IsValid)
        {
            return Fout.Ongeldig(validatie);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transactie = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, invoer.LeerlingId, cancellationToken) is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        var huidig = await db.Ondersteuningspassen.AsTracking()
            .FirstOrDefaultAsync(p => p.LeerlingId == invoer.LeerlingId && p.VervallenOp == null, cancellationToken);
        if (huidig?.Versie != invoer.HuidigeVersie)
        {
            return new Fout(FoutSoort.Conflict,
                "De pas is intussen door iemand anders gewijzigd of ingetrokken. Kopieer zo nodig je invoer, sluit het venster en open de pas opnieuw.");
        }
        var nu = time.GetUtcNow();
        var vanaf = DateOnly.FromDateTime(invoer.GeldigVanaf!.Value);
        DateOnly? tot = invoer.GeldigTot is { } t ? DateOnly.FromDateTime(t) : null;
        Ondersteuningspas nieuw;
        try
        {
            nieuw = huidig is null
                ? Ondersteuningspas.Nieuw(schoolId, invoer.LeerlingId, invoer.Diagnose!, invoer.Gekozen(), vanaf, tot, door, nu)
                : huidig.Vervang(invoer.Diagnose!, invoer.Gekozen(), vanaf, tot, door, nu);
        }
        catch (ArgumentException e)
        {
            return new Fout(FoutSoort.Ongeldig, e.Message);
        }
        if (huidig is not null)
        {
            // The old version leaves the unique "current pass" index before the new one enters it.
            await db.SaveChangesAsync(cancellationToken);
        }
        db.Ondersteuningspassen.Add(nieuw);
        audit.Add(db, huidig is null ? AuditActie.Aanmaken : AuditActie.Wijzigen, invoer.LeerlingId,
            $"ondersteuningspas versie {nieuw.Versie} vastgelegd ({nieuw.Id})");
        await db.SaveChangesAsync(cancellationToken);
        await transactie.CommitAsync(cancellationToken);
        await wijzigingen.MeldAsync(invoer.LeerlingId);
        return nieuw.Versie;
    }
}

/// <summary>Withdraws the student's current pass (it stays as history): the zorgcoördinator and the care roles only.</summary>
public sealed class PasIntrekkenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time,
    Paswijzigingen wijzigingen)
{
    public async Task<Result<DateTimeOffset>> HandleAsync(Guid leerlingId, int versie, CancellationToken cancellationToken = default)
    {
        if (!PasBekijkenHandler.MagBeheren(currentUser))
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de zorgcoördinator en de zorgrollen trekken een ondersteuningspas in.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, leerlingId, cancellationToken) is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        var huidig = await db.Ondersteuningspassen.AsTracking()
            .FirstOrDefaultAsync(p => p.LeerlingId == leerlingId && p.VervallenOp == null, cancellationToken);
        if (huidig is null)
        {
            return Fout.NietGevonden("De ondersteuningspas");
        }
        if (huidig.Versie != versie)
        {
            return new Fout(FoutSoort.Conflict, "De pas is intussen door iemand anders gewijzigd. Open de pas opnieuw.");
        }
        var nu = time.GetUtcNow();
        huidig.TrekIn(nu);
        audit.Add(db, AuditActie.Wijzigen, leerlingId, $"ondersteuningspas versie {huidig.Versie} ingetrokken ({huidig.Id})");
        await db.SaveChangesAsync(cancellationToken);
        await wijzigingen.MeldAsync(leerlingId);
        return nu;
    }
}

/// <summary>
/// Tells the components of this circuit (the student header, the pass card) that a student's pass changed, so that they
/// read it again. Scoped: one per circuit (registered with the handlers).
/// </summary>
public sealed class Paswijzigingen
{
    public event Func<Guid, Task>? Gewijzigd;

    public async Task MeldAsync(Guid leerlingId)
    {
        foreach (var luisteraar in Gewijzigd?.GetInvocationList().Cast<Func<Guid, Task>>() ?? [])
        {
            await luisteraar(leerlingId);
        }
    }
}
