using System.Collections.Concurrent;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Features.Besprekingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Bespreken;

/// <summary>A change in a meeting that its other open pages should show: a student's part (<see cref="AgendapuntId"/>) or the agenda.</summary>
/// <param name="Versie">For a saved part: its version after the save, so that the page that saved it recognises its own save.</param>
public sealed record Besprekingsmelding(Guid BesprekingId, Guid? AgendapuntId, string Wat, string? Door, Guid? DoorId, int? Versie = null);

/// <summary>
/// The in-process notice board of the meetings being chaired: every page with a meeting open listens to its id, every
/// save tells it. One board for the whole server (a static registry, so that the scoped instance the handler
/// registration gives each circuit shares it); a listener is removed when its page goes.
/// </summary>
public sealed class BesprekingsmeldingenHandler
{
    private static readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Func<Besprekingsmelding, Task>>> Luisteraars = new();

    /// <summary>Listens to one meeting; dispose the result to stop.</summary>
    public IDisposable Luister(Guid besprekingId, Func<Besprekingsmelding, Task> luisteraar)
    {
        ArgumentNullException.ThrowIfNull(luisteraar);
        var sleutel = Guid.NewGuid();
        Luisteraars.GetOrAdd(besprekingId, _ => new()).TryAdd(sleutel, luisteraar);
        return new Afmelding(() =>
        {
            if (Luisteraars.TryGetValue(besprekingId, out var lijst))
            {
                lijst.TryRemove(sleutel, out _);
            }
        });
    }

    public static void Meld(Guid besprekingId, Guid? agendapuntId, string wat, string? door = null, Guid? doorId = null, int? versie = null)
    {
        if (!Luisteraars.TryGetValue(besprekingId, out var lijst))
        {
            return;
        }
        var melding = new Besprekingsmelding(besprekingId, agendapuntId, wat, door, doorId, versie);
        foreach (var luisteraar in lijst.Values)
        {
            // Each page handles it on its own circuit; a slow or broken page never holds up the save.
            _ = Task.Run(async () =>
            {
                try
                {
                    await luisteraar(melding);
                }
                catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or TaskCanceledException)
                {
                    // The page went away meanwhile.
                }
            });
        }
    }

    private sealed class Afmelding(Action afmelden) : IDisposable
    {
        public void Dispose() => afmelden();
    }
}

/// <summary>A student's part as saved: its texts and version, and who saved it last.</summary>
public sealed record Agendadeel(Guid AgendapuntId, Guid LeerlingId, Vierslag Antwoorden, int Versie, string? BijgewerktDoor, DateTimeOffset? BijgewerktOp);

/// <summary>What saving came to: saved (the new version), unchanged, or a conflict with the other's text (nothing overwritten).</summary>
public sealed record Opslag(Bewerking Bewerking, Agendadeel Deel)
{
    public bool IsConflict => Bewerking == Bewerking.Conflict;
}

/// <summary>The four questions as a participant typed them, with the version his editor loaded.</summary>
public sealed record VierslagInvoer(Guid AgendapuntId, string? WatGaatGoed, string? Probleem, string? Oorzaak, string? Aanpak, int Versie)
{
    public Vierslag Vierslag => new(WatGaatGoed, Probleem, Oorzaak, Aanpak);
}

internal static class Agendadelen
{
    public static Task<Agendadeel?> LeesAsync(LeerlingzorgDbContext db, Guid agendapuntId, CancellationToken cancellationToken) =>
        db.Agendapunten.Where(a => a.Id == agendapuntId)
            .Select(a => new Agendadeel(a.Id, a.LeerlingId, new Vierslag(a.WatGaatGoed, a.Probleem, a.Oorzaak, a.Aanpak), a.Versie,
                db.Users.Where(u => u.Id == a.BijgewerktDoor).Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam)).FirstOrDefault(),
                a.BijgewerktOp))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The agenda item with the caller's part in its meeting; null when he takes no part (or it does not exist).</summary>
    public static async Task<(Agendapunt Punt, Besprekingslezer Lezer)?> MetLezerAsync(LeerlingzorgDbContext db, CurrentUser user, Guid agendapuntId,
        bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Agendapunten.AsTracking() : db.Agendapunten;
        var punt = await query.FirstOrDefaultAsync(a => a.Id == agendapuntId, cancellationToken);
        if (punt is null || await db.BesprekingslezerAsync(user, punt.BesprekingId, cancellationToken: cancellationToken) is not { } lezer)
        {
            return null;
        }
        return (punt, lezer);
    }

    public static string Naam(CurrentUser user) => string.IsNullOrWhiteSpace(user.Naam) ? "een andere deelnemer" : user.Naam;
}

/// <summary>A participant reads one student's part again (after a notice that someone else saved it).</summary>
public sealed class AgendadeelHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<Agendadeel>> HandleAsync(Guid agendapuntId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await Agendadelen.MetLezerAsync(db, currentUser, agendapuntId, false, cancellationToken) is not { } gevonden
            || await Agendadelen.LeesAsync(db, agendapuntId, cancellationToken) is not { } deel)
        {
            return Fout.NietGevonden("Het agendapunt");
        }
        await audit.ReadEachAsync(db, [gevonden.Punt.LeerlingId], $"bespreking: deel van de leerling ({agendapuntId})", cancellationToken);
        return deel;
    }
}

/// <summary>
/// Saves a student's four questions as typed (<see cref="Agendapunt.Bewerk"/>) on the version the editor loaded: someone
/// else's save in between is a conflict (the Domain's check, and the concurrency token on the UPDATE), returned with the
/// other's text so that the page shows both and loses nothing. Participants only; audited in the same SaveChanges.
/// </summary>
public sealed class AgendapuntOpslaanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Opslag>> HandleAsync(VierslagInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var vierslag = invoer.Vierslag;
        if (new[] { vierslag.WatGaatGoed, vierslag.Probleem, vierslag.Oorzaak, vierslag.Aanpak }.Any(t => Tekst.Vrij(t).Length > Agendapunt.MaxAntwoord))
        {
            return new Fout(FoutSoort.Ongeldig, $"Een antwoord is te lang: {TekstRegels.Hooguit(Agendapunt.MaxAntwoord).ToLowerInvariant()} Je tekst staat nog in het veld.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await Agendadelen.MetLezerAsync(db, currentUser, invoer.AgendapuntId, true, cancellationToken) is not var (punt, lezer))
        {
            return Fout.NietGevonden("Het agendapunt");
        }
        var uitkomst = punt.Bewerk(lezer.Bespreking, vierslag, invoer.Versie, lezer.Id, time.GetUtcNow());
        switch (uitkomst)
        {
            case Bewerking.Gesloten:
                return new Fout(FoutSoort.Conflict, "Deze bespreking is afgesloten: de antwoorden veranderen niet meer. Je tekst staat nog in het veld.");
            case Bewerking.Conflict:
                return new Opslag(Bewerking.Conflict, (await Agendadelen.LeesAsync(db, punt.Id, cancellationToken))!);
            case Bewerking.Ongewijzigd:
                return new Opslag(Bewerking.Ongewijzigd, (await Agendadelen.LeesAsync(db, punt.Id, cancellationToken))!);
        }
        audit.Add(db, AuditActie.Wijzigen, punt.LeerlingId, $"bespreking: deel van de leerling opgeslagen ({punt.Id}, versie {punt.Versie})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our UPDATE: the token kept his text.
            await using var vers = await dbFactory.CreateDbContextAsync(cancellationToken);
            return new Opslag(Bewerking.Conflict, (await Agendadelen.LeesAsync(vers, punt.Id, cancellationToken))!);
        }
        var naam = Agendadelen.Naam(currentUser);
        BesprekingsmeldingenHandler.Meld(punt.BesprekingId, punt.Id, "deel", naam, lezer.Id, punt.Versie);
        return new Opslag(Bewerking.Opgeslagen, new Agendadeel(punt.Id, punt.LeerlingId, punt.Antwoorden, punt.Versie, naam, punt.BijgewerktOp));
    }
}

/// <summary>The organisator opens a planned meeting (<see cref="Bespreking.Open"/>): from now on it is being chaired.</summary>
public sealed class BesprekingOpenenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<Result<BesprekingStatus>> HandleAsync(Guid besprekingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BesprekingslezerAsync(currentUser, besprekingId, tracking: true, cancellationToken: cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De bespreking");
        }
        if (!lezer.IsOrganisator)
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de voorzitter of de zorgcoördinator opent de bespreking.");
        }
        if (lezer.Bespreking.Status != BesprekingStatus.Gepland)
        {
            return lezer.Bespreking.Status == BesprekingStatus.Bezig
                ? BesprekingStatus.Bezig
                : new Fout(FoutSoort.Conflict, "Deze bespreking is afgesloten of geannuleerd.");
        }
        lezer.Bespreking.Open();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Opened by another organisator at the same moment.
        }
        BesprekingsmeldingenHandler.Meld(besprekingId, null, "status");
        return BesprekingStatus.Bezig;
    }
}

/// <summary>A new afspraak made in the meeting for a student: what, who, by when.</summary>
public sealed class BesprekingAfspraakInvoer
{
    public const int MaxWat = 1_000;

    public Guid AgendapuntId { get; set; }
    public string? Wat { get; set; }
    public Guid? EigenaarId { get; set; }
    public DateTime? Deadline { get; set; }
}

/// <summary>
/// Records an afspraak made in the meeting for the student of an agenda item (<see cref="Afspraak.AgendapuntId"/>): it
/// lands in "Mijn afspraken" of its owner (a staff member of the school) and is evaluated at the next bespreking.
/// Participants of an open meeting only; audited in the same SaveChanges.
/// </summary>
public sealed class BesprekingAfspraakHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<OpenAfspraak>> HandleAsync(BesprekingAfspraakInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var wat = Tekst.Vrij(invoer.Wat);
        if (wat.Length == 0)
        {
            return new Fout(FoutSoort.Ongeldig, "Vul in wat er is afgesproken.");
        }
        if (wat.Length > BesprekingAfspraakInvoer.MaxWat)
        {
            return new Fout(FoutSoort.Ongeldig, $"De afspraak is te lang: {TekstRegels.Hooguit(BesprekingAfspraakInvoer.MaxWat).ToLowerInvariant()}");
        }
        if (invoer.EigenaarId is not { } eigenaarId)
        {
            return new Fout(FoutSoort.Ongeldig, "Kies de eigenaar: wie voert de afspraak uit?");
        }
        var deadline = invoer.Deadline is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        if (deadline < Schoolkalender.Vandaag(time))
        {
            return new Fout(FoutSoort.Ongeldig, "De deadline ligt in het verleden.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await Agendadelen.MetLezerAsync(db, currentUser, invoer.AgendapuntId, false, cancellationToken) is not var (punt, lezer))
        {
            return Fout.NietGevonden("Het agendapunt");
        }
        if (!lezer.Bespreking.IsOpen)
        {
            return new Fout(FoutSoort.Conflict, "Deze bespreking is afgesloten: er komen geen afspraken meer bij.");
        }
        var eigenaar = await db.ActieveMedewerkersVan(currentUser.SchoolId!.Value).Where(u => u.Id == eigenaarId)
            .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam)).FirstOrDefaultAsync(cancellationToken);
        if (eigenaar is null)
        {
            return new Fout(FoutSoort.Ongeldig, "Kies als eigenaar een medewerker van de school.");
        }
        var afspraak = new Afspraak
        {
            LeerlingId = punt.LeerlingId, AgendapuntId = punt.Id, Wat = wat, EigenaarId = eigenaarId, Deadline = deadline, AangemaaktOp = time.GetUtcNow(),
        };
        db.Afspraken.Add(afspraak);
        audit.Add(db, AuditActie.Aanmaken, punt.LeerlingId, $"afspraak uit de bespreking ({afspraak.Id})");
        await db.SaveChangesAsync(cancellationToken);
        BesprekingsmeldingenHandler.Meld(punt.BesprekingId, punt.Id, "afspraak", Agendadelen.Naam(currentUser), lezer.Id);
        return new OpenAfspraak(afspraak.Id, wat, eigenaarId, eigenaar, deadline, false, true);
    }
}

/// <summary>
/// The organisator records the TDO/ZAT's decision to register the student in the Verwijsindex: the date and by whom,
/// never why (<see cref="Agendapunt.VerwijsindexOp"/>). Once per agenda item; audited in the same SaveChanges.
/// </summary>
public sealed class VerwijsindexHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<DateOnly>> HandleAsync(Guid agendapuntId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await Agendadelen.MetLezerAsync(db, currentUser, agendapuntId, true, cancellationToken) is not var (punt, lezer))
        {
            return Fout.NietGevonden("Het agendapunt");
        }
        if (!lezer.IsOrganisator)
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de voorzitter of de zorgcoördinator legt het besluit over de Verwijsindex vast.");
        }
        if (lezer.Bespreking.Soort != BesprekingSoort.TdoZat)
        {
            return new Fout(FoutSoort.Ongeldig, "Het besluit over de Verwijsindex hoort bij een TDO/ZAT.");
        }
        if (!lezer.Bespreking.IsOpen)
        {
            return new Fout(FoutSoort.Conflict, "Deze bespreking is afgesloten: er komen geen besluiten meer bij.");
        }
        if (punt.VerwijsindexOp is { } al)
        {
            return al;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        // Its own fields: no conflict with the four questions being typed meanwhile.
        (punt.VerwijsindexOp, punt.VerwijsindexDoor) = (vandaag, lezer.Id);
        audit.Add(db, AuditActie.Wijzigen, punt.LeerlingId, $"besluit: registratie in de Verwijsindex ({punt.Id})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Fout(FoutSoort.Conflict, "Iemand anders heeft deze leerling net opgeslagen: probeer het opnieuw.");
        }
        return vandaag;
    }
}
