using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Leerlingen;

public sealed class UitschrijvenInvoer
{
    public Guid LeerlingId { get; set; }
    public DateTime? Datum { get; set; }
    public string? Reden { get; set; }
    /// <summary>Read only, to check the date: a student cannot leave before he came.</summary>
    public DateTime? Inschrijfdatum { get; set; }
}

public sealed class UitschrijvenInvoerValidator : AbstractValidator<UitschrijvenInvoer>
{
    public UitschrijvenInvoerValidator()
    {
        RuleFor(x => x.Datum).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Vul de uitschrijfdatum in.")
            .Must((x, d) => x.Inschrijfdatum is null || d >= x.Inschrijfdatum)
            .WithMessage(x => $"De uitschrijfdatum ligt vóór de inschrijfdatum ({x.Inschrijfdatum:d-M-yyyy}).");
        RuleFor(x => x.Reden).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul de reden van uitschrijving in.")
            .VrijeTekst(200).WithMessage("De reden heeft hooguit 200 tekens.");
    }
}

/// <summary>
/// Ends a student's enrolment (<see cref="Leerling.SchrijfUit"/>): never a delete. The student and his dossier stay,
/// the retention period of the dossier starts on the uitschrijfdatum, and this year's placement closes as Vertrokken
/// (as through the import). Only the beheerder; audited.
/// </summary>
public sealed class LeerlingUitschrijvenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public UitschrijvenInvoerValidator Validator { get; } = new();

    public async Task<Result<UitschrijvenInvoer>> LaadAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leerling = await db.BeheerbareLeerlingen(currentUser)
            .Where(l => l.Id == leerlingId)
            .Select(l => new { l.Inschrijfdatum, l.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (leerling is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        if (leerling.Status == LeerlingStatus.Uitgeschreven)
        {
            return new Fout(FoutSoort.Conflict, "Deze leerling is al uitgeschreven.");
        }
        return new UitschrijvenInvoer
        {
            LeerlingId = leerlingId,
            Datum = Schoolkalender.Vandaag(time).ToDateTime(TimeOnly.MinValue),
            Inschrijfdatum = leerling.Inschrijfdatum?.ToDateTime(TimeOnly.MinValue),
        };
    }

    public async Task<Result<DateOnly>> HandleAsync(UitschrijvenInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leerling = await db.BeheerbareLeerlingen(currentUser).AsTracking().Include(l => l.Plaatsingen)
            .FirstOrDefaultAsync(l => l.Id == invoer.LeerlingId, cancellationToken);
        if (leerling is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        // The enrolment date from the database, not from the form.
        invoer.Inschrijfdatum = leerling.Inschrijfdatum?.ToDateTime(TimeOnly.MinValue);
        var validatie = await Validator.ValidateAsync(invoer, cancellationToken);
        if (!validatie.IsValid)
        {
            return Fout.Ongeldig(validatie);
        }
        if (leerling.Status == LeerlingStatus.Uitgeschreven)
        {
            return new Fout(FoutSoort.Conflict, "Deze leerling is al uitgeschreven.");
        }
        var datum = DateOnly.FromDateTime(invoer.Datum!.Value);
        leerling.SchrijfUit(datum, Domain.Tekst.Vrij(invoer.Reden));
        audit.Add(db, AuditActie.Wijzigen, leerling.Id, $"leerling uitgeschreven per {datum:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return datum;
    }
}
