using FluentValidation;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Toestemmingen;

/// <summary>What the staff member types in the dialog "Toestemming vastleggen".</summary>
public sealed class VastleggenInvoer
{
    /// <summary>The value of <see cref="Wie"/> for the student himself (from 16).</summary>
    public const string DeLeerlingZelf = "leerling";

    public Guid LeerlingId { get; set; }
    public ToestemmingDoel? Doel { get; set; }
    public string? Partner { get; set; }
    /// <summary>The ouder's id, or <see cref="DeLeerlingZelf"/>.</summary>
    public string? Wie { get; set; }
    public ToestemmingWijze? Wijze { get; set; }
    public DateTime? GegevenOp { get; set; }
    public DateTime? GeldigTot { get; set; }
    public string? Opmerking { get; set; }

    public Guid? OuderId => Guid.TryParse(Wie, out var id) ? id : null;

    public bool WieGekozen => Wie == DeLeerlingZelf || OuderId is not null;
}

/// <summary>
/// The dialog's rules and the handler's: the fields, and with the student (its ouders loaded) the Domain's rule
/// <see cref="Toestemming.Controleer"/>, each message on its own field.
/// </summary>
public sealed class VastleggenInvoerValidator : AbstractValidator<VastleggenInvoer>
{
    public VastleggenInvoerValidator(Leerling? leerling, DateOnly vandaag)
    {
        RuleFor(x => x.Doel).NotNull().WithMessage("Kies waarvoor de toestemming is.");
        RuleFor(x => x.Wie).Must((x, _) => x.WieGekozen).WithMessage("Kies wie de toestemming gaf.");
        RuleFor(x => x.Wijze).NotNull().WithMessage("Kies hoe de toestemming is gegeven.");
        RuleFor(x => x.GegevenOp).NotNull().WithMessage("Vul de datum in waarop de toestemming is gegeven.");
        RuleFor(x => x.Opmerking).VrijeTekst(Toestemming.MaxOpmerking).WithMessage(TekstRegels.Hooguit(Toestemming.MaxOpmerking));
        if (leerling is null)
        {
            return;
        }
        Domein(x => x.Doel, ToestemmingVeld.Doel, leerling, vandaag);
        Domein(x => x.Partner, ToestemmingVeld.Partner, leerling, vandaag);
        Domein(x => x.Wie, ToestemmingVeld.Wie, leerling, vandaag);
        Domein(x => x.Wijze, ToestemmingVeld.Wijze, leerling, vandaag);
        Domein(x => x.GegevenOp, ToestemmingVeld.GegevenOp, leerling, vandaag);
        Domein(x => x.GeldigTot, ToestemmingVeld.GeldigTot, leerling, vandaag);
    }

    private void Domein<TWaarde>(System.Linq.Expressions.Expression<Func<VastleggenInvoer, TWaarde>> veld, ToestemmingVeld welk, Leerling leerling,
        DateOnly vandaag) =>
        RuleFor(veld).Custom((_, context) =>
        {
            foreach (var fout in DomeinFouten(context.InstanceToValidate, leerling, vandaag).Where(f => f.Veld == welk))
            {
                context.AddFailure(fout.Melding);
            }
        });

    /// <summary>
    /// The Domain's messages for what has been filled in so far: a field that depends on another one still empty (the
    /// partner on the purpose, who on the date) waits for it; the empty fields have their own message above.
    /// </summary>
    private static IEnumerable<Toestemmingsfout> DomeinFouten(VastleggenInvoer x, Leerling leerling, DateOnly vandaag)
    {
        var gegeven = x.GegevenOp is { } op ? DateOnly.FromDateTime(op) : vandaag;
        var gegevens = Gegevens(x, gegeven);
        return Toestemming.Controleer(leerling, gegevens, vandaag).Where(f => f.Veld switch
        {
            ToestemmingVeld.Doel => x.Doel is not null,
            ToestemmingVeld.Partner => x.Doel is not null,
            ToestemmingVeld.Wie => x.WieGekozen && x.GegevenOp is not null,
            ToestemmingVeld.Wijze => x.Wijze is not null,
            ToestemmingVeld.GegevenOp => x.GegevenOp is not null,
            ToestemmingVeld.GeldigTot => x.GegevenOp is not null && x.GeldigTot is not null,
            _ => false,
        });
    }

    internal static Toestemmingsgegevens Gegevens(VastleggenInvoer x, DateOnly gegevenOp) => new(
        x.Doel ?? ToestemmingDoel.IbBegeleiding,
        x.OuderId,
        x.Wijze ?? ToestemmingWijze.Mondeling,
        gegevenOp,
        x.GeldigTot is { } tot ? DateOnly.FromDateTime(tot) : null,
        x.Partner,
        x.Opmerking);
}

/// <summary>
/// Records a consent (<see cref="Toestemming.Geef"/>): staff with a care role, or the student's mentor or coördinator
/// (<see cref="Toestemmingsrecht"/>); the role first, then the relation; the write is audited in the same SaveChanges.
/// </summary>
public sealed class ToestemmingVastleggenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(VastleggenInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (currentUser.Id is not { } userId || !Toestemmingsrecht.MagMetRol(currentUser))
        {
            return new Fout(FoutSoort.GeenToegang, Toestemmingsrecht.GeenRecht);
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var velden = await new VastleggenInvoerValidator(null, vandaag).ValidateAsync(invoer, cancellationToken);
        if (!velden.IsValid)
        {
            return Fout.Ongeldig(velden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, invoer.LeerlingId, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De leerling");
        }
        if (!Toestemmingsrecht.MagVoor(lezer))
        {
            return new Fout(FoutSoort.GeenToegang, Toestemmingsrecht.GeenRecht);
        }
        var leerling = await db.Leerlingen.Include(l => l.Ouders).ThenInclude(o => o.Ouder)
            .FirstOrDefaultAsync(l => l.Id == invoer.LeerlingId, cancellationToken);
        if (leerling is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        var gegevens = VastleggenInvoerValidator.Gegevens(invoer, DateOnly.FromDateTime(invoer.GegevenOp!.Value));
        Toestemming toestemming;
        try
        {
            toestemming = Toestemming.Geef(leerling, gegevens, vandaag, time.GetUtcNow(), userId);
        }
        catch (ToestemmingOngeldigException e)
        {
            return new Fout(FoutSoort.Ongeldig, e.Message);
        }
        db.Toestemmingen.Add(toestemming);
        audit.Add(db, AuditActie.Aanmaken, leerling.Id, $"toestemming vastgelegd: {toestemming.Doel} ({toestemming.Id})");
        await db.SaveChangesAsync(cancellationToken);
        return toestemming.Id;
    }
}
