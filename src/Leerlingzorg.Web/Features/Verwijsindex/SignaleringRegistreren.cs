using FluentValidation;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Verwijsindex;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Verwijsindex;

/// <summary>What the zorgcoördinator fills in: the day and the contact for a match. On purpose no field for a reason or content.</summary>
public sealed class RegistrerenInvoer
{
    public Guid LeerlingId { get; set; }
    public DateTime? GesignaleerdOp { get; set; }
    public string? Contactpersoon { get; set; }
    public string? ContactTelefoonOfEmail { get; set; }
}

public sealed class RegistrerenInvoerValidator : AbstractValidator<RegistrerenInvoer>
{
    public RegistrerenInvoerValidator()
    {
        RuleFor(x => x.GesignaleerdOp).NotNull().WithMessage("Vul de datum van de signalering in.");
        RuleFor(x => x.Contactpersoon).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul de contactpersoon in die bij een match gebeld of gemaild wordt.")
            .Tekst(Signalering.MaxContactpersoon).WithMessage(TekstRegels.Hooguit(Signalering.MaxContactpersoon));
        RuleFor(x => x.ContactTelefoonOfEmail).Cascade(CascadeMode.Stop)
            .Tekst(Signalering.MaxContact).WithMessage(TekstRegels.Hooguit(Signalering.MaxContact))
            .Must(c => Signalering.ContactFout(c) is null).WithMessage((_, c) => Signalering.ContactFout(c));
    }
}

/// <summary>
/// Registers a signal about a student in the Verwijsindex (<see cref="Signalering.Registreer"/>): only the zorgcoördinator
/// (role first), for a student he sees, not twice while one runs; the write and its audit line in one SaveChanges.
/// </summary>
public sealed class SignaleringRegistrerenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public RegistrerenInvoerValidator Validator { get; } = new();

    public Task<Result<Guid>> HandleAsync(RegistrerenInvoer invoer, CancellationToken cancellationToken = default) =>
        Intern(invoer, cancellationToken).BijStoring();

    private async Task<Result<Guid>> Intern(RegistrerenInvoer invoer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (currentUser.Id is not { } userId || !Verwijsindexrecht.MagMelden(currentUser))
        {
            return Verwijsindexrecht.Geweigerd;
        }
        var validatie = await Validator.ValidateAsync(invoer, cancellationToken);
        if (!validatie.IsValid)
        {
            return Fout.Ongeldig(validatie);
        }
        var vandaag = Schoolkalender.Vandaag(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, invoer.LeerlingId, cancellationToken) is not { } lezer || !Ondersteuningsbronnen.LeestZorg(lezer))
        {
            return Fout.NietGevonden("De leerling");
        }
        var leerling = await db.Leerlingen.FirstOrDefaultAsync(l => l.Id == invoer.LeerlingId, cancellationToken);
        if (leerling is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        if (await db.Signaleringen.AnyAsync(s => s.LeerlingId == leerling.Id && s.AfgemeldOp == null, cancellationToken))
        {
            return new Fout(FoutSoort.Conflict, Signalering.LooptAl);
        }
        var gegevens = new Signaleringsgegevens(DateOnly.FromDateTime(invoer.GesignaleerdOp!.Value), invoer.Contactpersoon, invoer.ContactTelefoonOfEmail);
        if (Signalering.Controleer(leerling, gegevens, vandaag) is { } fout)
        {
            return new Fout(FoutSoort.Ongeldig, fout);
        }
        var doorNaam = await db.Users.Where(u => u.Id == userId)
            .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
            .FirstOrDefaultAsync(cancellationToken) ?? currentUser.Naam;
        var signalering = Signalering.Registreer(leerling, gegevens, vandaag, time.GetUtcNow(), userId, doorNaam);
        db.Signaleringen.Add(signalering);
        audit.Add(db, AuditActie.Aanmaken, leerling.Id, $"verwijsindex: signalering geregistreerd ({signalering.Id})");
        await db.SaveChangesAsync(cancellationToken);
        return signalering.Id;
    }
}
