using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Besprekingen;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Inventarisaties;

public sealed class InbrengInvoer
{
    public Guid BesprekingId { get; set; }
    public Guid LeerlingId { get; set; }
    public string? Vraag { get; set; }
}

public sealed class InbrengInvoerValidator : AbstractValidator<InbrengInvoer>
{
    public InbrengInvoerValidator()
    {
        RuleFor(x => x.Vraag).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul de vraag in die u over deze leerling wilt bespreken.")
            .VrijeTekst(Agendapunt.MaxVraag).WithMessage($"De vraag is hooguit {Agendapunt.MaxVraag} tekens.");
    }
}

/// <summary>
/// The mentor brings a student in with a question: creates or updates the student's <see cref="Agendapunt"/> of the
/// meeting (last on the agenda when new). Only the mentor of the student's class, or an organisator of the meeting, and
/// only while the meeting is open.
/// </summary>
public sealed class LeerlingInbrengenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public InbrengInvoerValidator Validator { get; } = new();

    public async Task<Result<Guid>> HandleAsync(InbrengInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (currentUser.Id is not { } ik || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (Validator.Controleer(invoer) is { } ongeldig)
        {
            return ongeldig;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var bespreking = await db.Besprekingen.Include(b => b.Klassen).Include(b => b.Deelnemers).AsSplitQuery()
            .FirstOrDefaultAsync(b => b.Id == invoer.BesprekingId, cancellationToken);
        var leerling = await db.Leerlingen.FirstOrDefaultAsync(l => l.Id == invoer.LeerlingId, cancellationToken);
        if (bespreking is null || leerling is null)
        {
            return Fout.NietGevonden("De bespreking of de leerling");
        }
        var isOrganisator = bespreking.RolVan(ik, currentUser.IsInRol(Rollen.Zorgcoordinator)) == Besprekingsrol.Organisator;
        var isMentor = leerling.KlasId is { } klasId && await Formuliertoegang.IsMentorAsync(db, klasId, ik, cancellationToken);
        if (!isOrganisator && !isMentor)
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de mentor van de leerling of de voorzitter van de bespreking kan een leerling inbrengen.");
        }
        if (!bespreking.IsOpen)
        {
            return new Fout(FoutSoort.Conflict, "De bespreking is afgesloten of geannuleerd: er kan geen leerling meer worden ingebracht.");
        }
        if (bespreking.Klassen.Count > 0 && !bespreking.Klassen.Any(k => k.KlasId == leerling.KlasId))
        {
            return new Fout(FoutSoort.Ongeldig, "Deze leerling zit niet in een klas van deze bespreking.");
        }
        var vraag = Domain.Tekst.Vrij(invoer.Vraag);
        var punt = await db.Agendapunten.AsTracking()
            .FirstOrDefaultAsync(a => a.BesprekingId == bespreking.Id && a.LeerlingId == leerling.Id, cancellationToken);
        var nieuw = punt is null;
        if (punt is null)
        {
            var laatste = await db.Agendapunten.Where(a => a.BesprekingId == bespreking.Id).MaxAsync(a => (int?)a.Volgorde, cancellationToken) ?? 0;
            punt = new Agendapunt { BesprekingId = bespreking.Id, LeerlingId = leerling.Id, Volgorde = laatste + 1 };
            db.Agendapunten.Add(punt);
        }
        punt.Vraag = vraag;
        punt.IngebrachtDoor = ik;
        punt.BijgewerktOp = time.GetUtcNow();
        punt.BijgewerktDoor = ik;
        audit.Add(db, nieuw ? AuditActie.Aanmaken : AuditActie.Wijzigen, leerling.Id, $"ingebracht voor {bespreking.Naam} met een vraag ({bespreking.Id})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new Fout(FoutSoort.Conflict, "Deze leerling is intussen al op de agenda gezet. Uw vraag staat nog hier; probeer het opnieuw.");
        }
        return punt.Id;
    }
}
