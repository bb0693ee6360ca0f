using FluentValidation;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Verwijsindex;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Verwijsindex;

/// <summary>
/// Who writes in the Verwijsindex: only the zorgcoördinator, the school's meldingsbevoegde (Jeugdwet art. 7.1.4.1).
/// Readers are the Zorg level of the student (<see cref="Verwijsindexbronnen.Signaleringen"/>).
/// </summary>
public static class Verwijsindexrecht
{
    public const string GeenRecht = "Alleen de zorgcoördinator, de meldingsbevoegde van de school, meldt in de Verwijsindex.";

    public static bool MagMelden(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Toegang.IsMedewerker(user) && user.IsInRol(Rollen.Zorgcoordinator);
    }

    public static Fout Geweigerd => new(FoutSoort.GeenToegang, GeenRecht);

    public static Fout Gewijzigd => new(FoutSoort.Conflict, "Deze signalering is intussen door iemand anders gewijzigd. Vernieuw de kaart en probeer het opnieuw.");
}

/// <summary>What every change of an existing registration carries: which one, and the version the user saw.</summary>
public interface ISignaleringWijziging
{
    Guid SignaleringId { get; }
    int Versie { get; }
}

/// <summary>
/// The one flow of a change to a registration (informing, a match, afmelden): the role first, the fields, then the row
/// (tracked) with the student and his ouders, the reader's Zorg level, the version, the Domain method, the audit line
/// in the same SaveChanges; a lost race is <see cref="Verwijsindexrecht.Gewijzigd"/>, a database gone <see cref="Fout.Onbereikbaar"/>.
/// </summary>
public sealed class SignaleringWijzigenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public Task<Result<int>> HandleAsync<T>(T invoer, IValidator<T> validator, Func<Signalering, Leerling, Guid, DateOnly, string?> wijzig,
        string auditTekst, CancellationToken cancellationToken = default) where T : ISignaleringWijziging =>
        Intern(invoer, validator, wijzig, auditTekst, cancellationToken).BijStoring();

    private async Task<Result<int>> Intern<T>(T invoer, IValidator<T> validator, Func<Signalering, Leerling, Guid, DateOnly, string?> wijzig,
        string auditTekst, CancellationToken cancellationToken) where T : ISignaleringWijziging
    {
        ArgumentNullException.ThrowIfNull(invoer);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(wijzig);
        if (currentUser.Id is not { } userId || !Verwijsindexrecht.MagMelden(currentUser))
        {
            return Verwijsindexrecht.Geweigerd;
        }
        var validatie = await validator.ValidateAsync(invoer, cancellationToken);
        if (!validatie.IsValid)
        {
            return Fout.Ongeldig(validatie);
        }
        var vandaag = Schoolkalender.Vandaag(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var signalering = await db.Signaleringen.AsTracking().FirstOrDefaultAsync(s => s.Id == invoer.SignaleringId, cancellationToken);
        if (signalering is null
            || await db.DossierlezerAsync(currentUser, signalering.LeerlingId, cancellationToken) is not { } lezer
            || !Ondersteuningsbronnen.LeestZorg(lezer))
        {
            return Fout.NietGevonden("De signalering");
        }
        if (signalering.Versie != invoer.Versie)
        {
            return Verwijsindexrecht.Gewijzigd;
        }
        var leerling = await db.Leerlingen.Include(l => l.Ouders).ThenInclude(o => o.Ouder)
            .FirstAsync(l => l.Id == signalering.LeerlingId, cancellationToken);
        if (wijzig(signalering, leerling, userId, vandaag) is { } fout)
        {
            return new Fout(fout == Signalering.AlAfgemeld ? FoutSoort.Conflict : FoutSoort.Ongeldig, fout);
        }
        audit.Add(db, AuditActie.Wijzigen, signalering.LeerlingId, $"verwijsindex: {auditTekst} ({signalering.Id})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Verwijsindexrecht.Gewijzigd;
        }
        return signalering.Versie;
    }
}
