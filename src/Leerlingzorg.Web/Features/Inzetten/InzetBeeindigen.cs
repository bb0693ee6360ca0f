using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Inzetten;

/// <summary>Ending an intervention: with an evaluation (<see cref="Stoppen"/> false) or stopped with a reason.</summary>
public sealed class BeeindigenInvoer
{
    public Guid InzetId { get; set; }
    /// <summary>The version the user saw: someone else's change in between is a conflict, not overwritten.</summary>
    public int Versie { get; set; }
    public bool Stoppen { get; set; }
    public InzetUitkomst? Uitkomst { get; set; }
    public string? Tekst { get; set; }
    public DateTime? Datum { get; set; }
}

public sealed class BeeindigenInvoerValidator : AbstractValidator<BeeindigenInvoer>
{
    public BeeindigenInvoerValidator()
    {
        RuleFor(x => x.Uitkomst).NotNull().When(x => !x.Stoppen).WithMessage("Kies de uitkomst: doel bereikt, deels bereikt of niet bereikt.");
        RuleFor(x => x.Uitkomst).IsInEnum().WithMessage("Kies de uitkomst uit de lijst.");
        RuleFor(x => x.Tekst).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage(x => x.Stoppen ? "Vul de reden in waarom de inzet stopt." : "Vul de evaluatie in: wat heeft de inzet opgeleverd?")
            .VrijeTekst(Inzet.EvaluatieMaxLengte).WithMessage($"De tekst is hoogstens {Inzet.EvaluatieMaxLengte} tekens.");
        RuleFor(x => x.Datum).NotNull().WithMessage("Vul de datum in.");
    }
}

/// <summary>The Dutch message when someone else changed the intervention first; the dialog keeps what was typed.</summary>
internal static class Inzetconflict
{
    public static readonly Fout Gewijzigd = new(FoutSoort.Conflict,
        "Deze inzet is intussen door iemand anders gewijzigd. Uw tekst staat nog hier; sluit het venster en open de inzet opnieuw om de laatste stand te zien.");

    /// <summary>Loads the intervention for a change by its owner or the zorgcoördinator, checked against the version the user saw.</summary>
    public static async Task<Result<Inzet>> LaadAsync(LeerlingzorgDbContext db, CurrentUser user, Guid inzetId, int? versie, CancellationToken cancellationToken)
    {
        var inzet = await db.Inzetten.AsTracking().Include(i => i.Aanbod).FirstOrDefaultAsync(i => i.Id == inzetId, cancellationToken);
        // Not visible to him (no relation to the student) reads as not found.
        if (inzet is null || await db.DossierlezerAsync(user, inzet.LeerlingId, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De inzet");
        }
        if (!inzet.MagBeheren(lezer.Id, user.IsInRol(Rollen.Zorgcoordinator)))
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de eigenaar van de inzet of de zorgcoördinator kan de inzet beëindigen of plannen.");
        }
        if (versie is { } gezien)
        {
            if (inzet.Versie != gezien)
            {
                return Gewijzigd;
            }
            db.Entry(inzet).Property(i => i.Versie).OriginalValue = gezien;
        }
        return inzet;
    }

    public static async Task<Fout?> OpslaanAsync(LeerlingzorgDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Gewijzigd;
        }
    }
}

/// <summary>What ending freed: a place in a full offer with someone waiting.</summary>
public sealed record InzetBeeindigd(Guid Id, string Melding, bool PlaatsVrijMetWachtlijst);

/// <summary>
/// Evaluates (<see cref="Inzet.Evalueer"/>) or stops (<see cref="Inzet.Stop"/>) an intervention: its owner or the
/// zorgcoördinator; audited in the same SaveChanges; reports when a place freed up for the waiting list.
/// </summary>
public sealed class InzetBeeindigenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public BeeindigenInvoerValidator Validator { get; } = new();

    public async Task<Result<InzetBeeindigd>> HandleAsync(BeeindigenInvoer invoer, CancellationToken cancellationToken = default)
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
        var geladen = await Inzetconflict.LaadAsync(db, currentUser, invoer.InzetId, invoer.Versie, cancellationToken);
        if (!geladen.IsGelukt)
        {
            return geladen.Fout;
        }
        var inzet = geladen.Waarde;
        var wasActief = inzet.Status == InzetStatus.Actief;
        var vandaag = Schoolkalender.Vandaag(time);
        var datum = InzetInvoer.Datum(invoer.Datum)!.Value;
        var fout = invoer.Stoppen ? inzet.Stop(invoer.Tekst, datum, vandaag) : inzet.Evalueer(invoer.Uitkomst!.Value, invoer.Tekst, datum, vandaag);
        if (fout is not null)
        {
            return new Fout(FoutSoort.Ongeldig, fout.Melding);
        }
        audit.Add(db, AuditActie.Wijzigen, inzet.LeerlingId,
            invoer.Stoppen ? $"inzet {inzet.Aanbod!.Naam} gestopt ({inzet.Id})" : $"inzet {inzet.Aanbod!.Naam} geëvalueerd: {inzet.Uitkomst} ({inzet.Id})");
        if (await Inzetconflict.OpslaanAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        var plaatsVrij = wasActief && inzet.Aanbod.Capaciteit is not null
            && await db.Inzetten.AnyAsync(i => i.AanbodId == inzet.AanbodId && i.Status == InzetStatus.Wachtlijst, cancellationToken)
            && !inzet.Aanbod.IsVolMet(await Inzetgegevens.ActiefAsync(db, inzet.AanbodId, cancellationToken));
        var melding = invoer.Stoppen ? "De inzet is gestopt." : "De inzet is geëvalueerd en afgerond.";
        return new InzetBeeindigd(inzet.Id,
            plaatsVrij ? $"{melding} Er is een plaats vrij in {inzet.Aanbod.Naam}: de eerste op de wachtlijst kan starten." : melding, plaatsVrij);
    }
}

/// <summary>
/// Starts the first of the waiting list of an offer now that a place is free (<see cref="Inzet.HaalVanWachtlijst"/>): the
/// owner of that intervention or the zorgcoördinator; only the one who waits longest.
/// </summary>
public sealed class InzetVanWachtlijstHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<string>> HandleAsync(Guid inzetId, int versie, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var geladen = await Inzetconflict.LaadAsync(db, currentUser, inzetId, versie, cancellationToken);
        if (!geladen.IsGelukt)
        {
            return geladen.Fout;
        }
        var inzet = geladen.Waarde;
        var wachtenden = await db.Inzetten.Where(i => i.AanbodId == inzet.AanbodId && i.Status == InzetStatus.Wachtlijst)
            .Select(i => new Inzet { Id = i.Id, Doel = "", Status = i.Status, WachtlijstSinds = i.WachtlijstSinds, AangemaaktOp = i.AangemaaktOp })
            .ToListAsync(cancellationToken);
        if (inzet.Status == InzetStatus.Wachtlijst && Inzet.EersteOpWachtlijst(wachtenden)?.Id != inzet.Id)
        {
            return new Fout(FoutSoort.Conflict, "Een andere leerling staat langer op de wachtlijst en gaat voor.");
        }
        var leerling = await Inzetgegevens.LeerlingMetOudersAsync(db, inzet.LeerlingId, cancellationToken);
        var toestemmingen = inzet.Aanbod!.ToestemmingNodig is null ? [] : await Inzetgegevens.ToestemmingenAsync(db, inzet.LeerlingId, cancellationToken);
        await using var transactie = await db.Database.BeginTransactionAsync(cancellationToken);
        var fout = inzet.HaalVanWachtlijst(Schoolkalender.Vandaag(time), await Inzetgegevens.BezettingVergrendeldAsync(db, inzet.AanbodId, cancellationToken),
            leerling!, toestemmingen);
        if (fout is not null)
        {
            return new Fout(FoutSoort.Ongeldig, fout.Melding);
        }
        audit.Add(db, AuditActie.Wijzigen, inzet.LeerlingId, $"inzet {inzet.Aanbod.Naam} van de wachtlijst gestart ({inzet.Id})");
        if (await Inzetconflict.OpslaanAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        await transactie.CommitAsync(cancellationToken);
        return $"{inzet.Aanbod.Naam} is gestart.";
    }
}

/// <summary>Plans (or clears) the next review of an intervention (<see cref="Inzet.PlanEvaluatie"/>): its owner or the zorgcoördinator.</summary>
public sealed class InzetEvaluatiePlannenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<DateOnly?>> HandleAsync(Guid inzetId, int versie, DateOnly? datum, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var geladen = await Inzetconflict.LaadAsync(db, currentUser, inzetId, versie, cancellationToken);
        if (!geladen.IsGelukt)
        {
            return geladen.Fout;
        }
        var inzet = geladen.Waarde;
        if (inzet.PlanEvaluatie(datum) is { } fout)
        {
            return new Fout(FoutSoort.Ongeldig, fout.Melding);
        }
        audit.Add(db, AuditActie.Wijzigen, inzet.LeerlingId,
            $"inzet {inzet.Aanbod!.Naam}: volgende evaluatie {(datum is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "geen")} ({inzet.Id})");
        if (await Inzetconflict.OpslaanAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        return datum;
    }
}
