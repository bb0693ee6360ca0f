using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Leerlingen;

public sealed class HerinschrijvenInvoer
{
    public Guid LeerlingId { get; set; }
    public DateTime? Datum { get; set; }
    public Guid? KlasId { get; set; }
}

public sealed class HerinschrijvenInvoerValidator : AbstractValidator<HerinschrijvenInvoer>
{
    public HerinschrijvenInvoerValidator()
    {
        RuleFor(x => x.Datum).NotNull().WithMessage("Vul de datum van inschrijving in.");
    }
}

/// <summary>Enrols an uitgeschreven student again (<see cref="Leerling.SchrijfIn"/>), optionally in a klas. Only the beheerder; audited.</summary>
public sealed class LeerlingHerinschrijvenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public HerinschrijvenInvoerValidator Validator { get; } = new();

    public HerinschrijvenInvoer Nieuw(Guid leerlingId) =>
        new() { LeerlingId = leerlingId, Datum = Schoolkalender.Vandaag(time).ToDateTime(TimeOnly.MinValue) };

    public async Task<Result<DateOnly>> HandleAsync(HerinschrijvenInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var validatie = await Validator.ValidateAsync(invoer, cancellationToken);
        if (!validatie.IsValid)
        {
            return Fout.Ongeldig(validatie);
        }
        var huidig = Schoolkalender.HuidigSchooljaar(time);
        var volgend = huidig.Volgend;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leerling = await db.BeheerbareLeerlingen(currentUser).AsTracking().Include(l => l.Plaatsingen)
            .FirstOrDefaultAsync(l => l.Id == invoer.LeerlingId, cancellationToken);
        if (leerling is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        if (leerling.Status == LeerlingStatus.Ingeschreven)
        {
            return new Fout(FoutSoort.Conflict, "Deze leerling is al ingeschreven.");
        }
        KlasOptie? klas = null;
        if (invoer.KlasId is { } klasId)
        {
            klas = await db.Klassen
                .Where(k => k.Id == klasId && (k.Schooljaar == huidig || k.Schooljaar == volgend))
                .Select(k => new KlasOptie(k.Id, k.Naam, k.Leerjaar, k.Schooljaar))
                .FirstOrDefaultAsync(cancellationToken);
            if (klas is null)
            {
                return new Fout(FoutSoort.Ongeldig, "Kies een klas van dit schooljaar.");
            }
        }
        var datum = DateOnly.FromDateTime(invoer.Datum!.Value);
        leerling.SchrijfIn(datum);
        if (klas is not null)
        {
            leerling.Plaats(klas.Id, klas.Schooljaar);
        }
        audit.Add(db, AuditActie.Wijzigen, leerling.Id,
            $"leerling opnieuw ingeschreven per {datum:yyyy-MM-dd}" + (klas is null ? "" : $" in klas {klas.Naam}"));
        await db.SaveChangesAsync(cancellationToken);
        return datum;
    }
}
