using FluentValidation;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Toestemmingen;

public sealed class IntrekkenInvoer
{
    public Guid ToestemmingId { get; set; }
    /// <summary>Who withdrew it, in words: "moeder, telefonisch".</summary>
    public string? Door { get; set; }
    public DateTime? Datum { get; set; }
}

public sealed class IntrekkenInvoerValidator : AbstractValidator<IntrekkenInvoer>
{
    public IntrekkenInvoerValidator(DateOnly vandaag, DateOnly? gegevenOp = null)
    {
        RuleFor(x => x.Door).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul in wie de toestemming intrekt, bijvoorbeeld ‘moeder, telefonisch’.")
            .Tekst(Toestemming.MaxIngetrokkenDoor).WithMessage($"Hooguit {Toestemming.MaxIngetrokkenDoor} tekens.");
        RuleFor(x => x.Datum).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Vul de datum van intrekken in.")
            .Must(d => DateOnly.FromDateTime(d!.Value) <= vandaag).WithMessage("De datum van intrekken ligt in de toekomst.")
            .Must(d => gegevenOp is not { } op || DateOnly.FromDateTime(d!.Value) >= op)
            .WithMessage("Intrekken kan niet vóór de dag waarop de toestemming is gegeven.");
    }
}

/// <summary>What a withdrawal did: the interventions now flagged to their owner.</summary>
public sealed record Intrekking(Guid LeerlingId, int GemarkeerdeInzetten)
{
    public string Melding => GemarkeerdeInzetten switch
    {
        0 => "De toestemming is ingetrokken. Er loopt geen inzet die deze toestemming nodig heeft.",
        1 => "De toestemming is ingetrokken. 1 lopende inzet heeft deze toestemming nodig en is gemarkeerd voor de eigenaar.",
        var n => $"De toestemming is ingetrokken. {n} lopende inzetten hebben deze toestemming nodig en zijn gemarkeerd voor hun eigenaar.",
    };
}

/// <summary>
/// Withdraws a consent (<see cref="Toestemming.TrekIn"/>). New steps stop by themselves (<see cref="Toestemmingsregel"/>
/// reads the validity); the active interventions of the student whose offer needs this purpose are flagged
/// (<see cref="Inzet.ToestemmingIngetrokkenOp"/>) in the same SaveChanges as the withdrawal and its audit line.
/// </summary>
public sealed class ToestemmingIntrekkenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public IntrekkenInvoerValidator Validator(DateOnly? gegevenOp = null) => new(Schoolkalender.Vandaag(time), gegevenOp);

    public async Task<Result<Intrekking>> HandleAsync(IntrekkenInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (currentUser.Id is not { } userId || !Toestemmingsrecht.MagMetRol(currentUser))
        {
            return new Fout(FoutSoort.GeenToegang, Toestemmingsrecht.GeenRecht);
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var validatie = await Validator().ValidateAsync(invoer, cancellationToken);
        if (!validatie.IsValid)
        {
            return Fout.Ongeldig(validatie);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var toestemming = await db.Toestemmingen.AsTracking().FirstOrDefaultAsync(t => t.Id == invoer.ToestemmingId, cancellationToken);
        if (toestemming is null
            || await db.DossierlezerAsync(currentUser, toestemming.LeerlingId, cancellationToken) is not { } lezer
            || !Ondersteuningsbronnen.LeestZorg(lezer))
        {
            return Fout.NietGevonden("De toestemming");
        }
        if (!Toestemmingsrecht.MagVoor(lezer))
        {
            return new Fout(FoutSoort.GeenToegang, Toestemmingsrecht.GeenRecht);
        }
        if (toestemming.IsIngetrokken)
        {
            return new Fout(FoutSoort.Conflict, "Deze toestemming is al ingetrokken.");
        }
        try
        {
            toestemming.TrekIn(DateOnly.FromDateTime(invoer.Datum!.Value), invoer.Door!, userId, vandaag);
        }
        catch (ArgumentException e)
        {
            return new Fout(FoutSoort.Ongeldig, e.Message.Split(" (Parameter", 2)[0]);
        }
        var gemarkeerd = await MarkeerInzettenAsync(db, toestemming, time.GetUtcNow(), cancellationToken);
        audit.Add(db, AuditActie.Wijzigen, toestemming.LeerlingId,
            $"toestemming ingetrokken: {toestemming.Doel} ({toestemming.Id}); {gemarkeerd} lopende inzet(ten) gemarkeerd");
        await db.SaveChangesAsync(cancellationToken);
        return new Intrekking(toestemming.LeerlingId, gemarkeerd);
    }

    /// <summary>
    /// After <see cref="Toestemming.TrekIn"/>: flags the student's active interventions whose offer needs this purpose
    /// (tracked in <paramref name="db"/>, saved with the withdrawal). The staff withdrawal and the parent's in the portal share it.
    /// </summary>
    public static async Task<int> MarkeerInzettenAsync(LeerlingzorgDbContext db, Toestemming toestemming, DateTimeOffset nu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(toestemming);
        var doel = toestemming.Doel;
        var inzetten = await db.Inzetten.AsTracking()
            .Where(i => i.LeerlingId == toestemming.LeerlingId && i.Status == InzetStatus.Actief && i.Aanbod!.ToestemmingNodig == doel)
            .ToListAsync(cancellationToken);
        foreach (var inzet in inzetten)
        {
            inzet.ToestemmingIngetrokkenOp = nu;
        }
        return inzetten.Count;
    }
}
