using System.Text.Json;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Gesprekken;

/// <summary>The content of one version of a gesprek, as a revision keeps it (JSON); afspraken since they can be edited.</summary>
public sealed record GesprekInhoud(
    Guid SoortId, string? Soort, DateOnly Datum, string Samenvatting, Vertrouwelijkheid Vertrouwelijkheid,
    string? AndereDeelnemers, bool MetOuders, Domain.Dossier.Voortgang? Voortgang, IReadOnlyList<AfspraakInhoud>? Afspraken = null);

/// <summary>An afspraak as an earlier version of the gesprek had it (once, also in a group gesprek).</summary>
public sealed record AfspraakInhoud(string Wat, Guid EigenaarId, DateOnly? Deadline, bool IsAfgerond);

/// <summary>
/// The author changes his gesprek: the previous content is kept as a <see cref="GesprekRevisie"/>, the version goes
/// up by one, and an edit from a stale version is refused (optimistic concurrency on <see cref="Gesprek.Versie"/>).
/// Afspraken are added, corrected and removed with it (all copies of a group gesprek at once); one that is
/// afgerond already stays as it is. The students of a gesprek are not changed here.
/// </summary>
public sealed class GesprekWijzigenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public static readonly Fout Conflict = new(FoutSoort.Conflict,
        "Dit gesprek is intussen gewijzigd, bijvoorbeeld in een ander venster. Uw tekst blijft als concept bewaard: "
        + "sluit dit venster en open het gesprek opnieuw om de nieuwste versie te zien.");

    public GesprekInvoerValidator Validator { get; } = new(time);

    /// <summary>The form to edit a gesprek (author only), with the soorten and students, without tracking.</summary>
    public Task<Result<GesprekFormulier>> LaadAsync(Guid gesprekId, CancellationToken cancellationToken = default) =>
        LaadGesprekAsync(gesprekId, cancellationToken).BijStoring();

    private async Task<Result<GesprekFormulier>> LaadGesprekAsync(Guid gesprekId, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } ik || currentUser.SchoolId is not { } school || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var g = await db.Gesprekken.Where(g => g.Id == gesprekId).Where(Gesprek.WijzigbaarDoor(ik))
            .Select(g => new
            {
                g.Id, g.Versie, g.SoortId, g.Datum, g.MetOuders, g.AndereDeelnemers, g.Samenvatting, g.Vertrouwelijkheid, g.Voortgang,
                LeerlingIds = g.Leerlingen.Select(l => l.LeerlingId).ToList(),
                Afspraken = g.Afspraken.Select(a => new { a.Id, a.Wat, a.EigenaarId, a.Deadline, a.AangemaaktOp, a.AfgerondOp }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (g is null)
        {
            return Fout.NietGevonden("Het gesprek");
        }
        var leerlingen = await db.Leerlingen.Where(l => g.LeerlingIds.Contains(l.Id))
            .OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam)
            .Select(l => new LeerlingOptie(l.Id, LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam)))
            .ToListAsync(cancellationToken);
        var soorten = await Gesprekken.SoortenAsync(db, cancellationToken);
        var medewerkers = await Gesprekken.Medewerkers(db, school).ToListAsync(cancellationToken);
        var v = g.Voortgang;
        var invoer = new GesprekInvoer
        {
            Id = g.Id, Versie = g.Versie, SoortId = g.SoortId, Datum = g.Datum.ToDateTime(TimeOnly.MinValue), LeerlingIds = g.LeerlingIds,
            MetOuders = g.MetOuders, AndereDeelnemers = g.AndereDeelnemers, Samenvatting = g.Samenvatting, Vertrouwelijkheid = g.Vertrouwelijkheid,
            WatGaatGoed = v?.WatGaatGoed, WatKanBeter = v?.WatKanBeter, WatKanIk = v?.WatKanIk, HoeKanIkDatDoen = v?.HoeKanIkDatDoen,
            WatWilIk = v?.WatWilIk, WaarKanIkDatDoen = v?.WaarKanIkDatDoen, WieKanMijDaarbijHelpen = v?.WieKanMijDaarbijHelpen,
            // One line per afspraak, however many students' copies it has.
            Afspraken = [.. g.Afspraken
                .GroupBy(a => (a.Wat, a.EigenaarId, a.Deadline, a.AangemaaktOp, Afgerond: a.AfgerondOp is not null))
                .OrderBy(a => a.Key.AangemaaktOp).ThenBy(a => a.Key.Wat, StringComparer.CurrentCulture)
                .Select(a => new AfspraakInvoer
                {
                    Ids = [.. a.Select(x => x.Id)], IsAfgerond = a.Key.Afgerond, Wat = a.Key.Wat, EigenaarId = a.Key.EigenaarId,
                    Deadline = a.Key.Deadline?.ToDateTime(TimeOnly.MinValue),
                })],
        };
        // A soort that was deactivated since stays selectable for this gesprek.
        if (soorten.All(s => s.Id != g.SoortId))
        {
            soorten = [.. soorten, .. await db.GesprekSoorten.Where(s => s.Id == g.SoortId)
                .Select(s => new SoortOptie(s.Id, s.Naam, s.IsVoortgangsgesprek)).ToListAsync(cancellationToken)];
        }
        return new GesprekFormulier(invoer, soorten, medewerkers, leerlingen, LeerlingenVast: true);
    }

    /// <summary>Saves the change; returns the new version number.</summary>
    public Task<Result<int>> HandleAsync(GesprekInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        return WijzigAsync(invoer, cancellationToken).BijStoring();
    }

    private async Task<Result<int>> WijzigAsync(GesprekInvoer invoer, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } ik || currentUser.SchoolId is null || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (invoer.Id is not { } gesprekId)
        {
            return Fout.NietGevonden("Het gesprek");
        }
        var validatie = await Validator.ValidateAsync(invoer, cancellationToken);
        if (!validatie.IsValid)
        {
            return Fout.Ongeldig(validatie);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var gesprek = await db.Gesprekken.AsTracking().Include(g => g.Soort).Include(g => g.Leerlingen).Include(g => g.Afspraken)
            .FirstOrDefaultAsync(g => g.Id == gesprekId && g.VerwijderdOp == null, cancellationToken);
        if (gesprek is null)
        {
            return Fout.NietGevonden("Het gesprek");
        }
        if (!gesprek.MagWijzigen(ik))
        {
            return Fout.GeenToegang;
        }
        if (gesprek.Versie != invoer.Versie)
        {
            return Conflict;
        }
        var soort = await db.GesprekSoorten.Where(s => s.Id == invoer.SoortId && (s.Actief || s.Id == gesprek.SoortId))
            .Select(s => new { s.Id, s.IsVoortgangsgesprek }).FirstOrDefaultAsync(cancellationToken);
        if (soort is null)
        {
            return new Fout(FoutSoort.Ongeldig, "Kies een soort gesprek van deze school.");
        }

        var nu = time.GetUtcNow();
        // The revision holds the content and the afspraken as they were: taken before the afspraken change below.
        db.GesprekRevisies.Add(gesprek.Wijzig(invoer.Versie,
            new GesprekWijziging(soort.Id, DateOnly.FromDateTime(invoer.Datum!.Value), Domain.Tekst.Vrij(invoer.Samenvatting), invoer.Vertrouwelijkheid,
                Domain.Tekst.RegelOfNull(invoer.AndereDeelnemers), invoer.MetOuders, soort.IsVoortgangsgesprek ? invoer.AlsVoortgang() : null),
            ik, nu, Momentopname));
        // The version the user started from is what the database must still hold.
        db.Entry(gesprek).Property(g => g.Versie).OriginalValue = invoer.Versie;
        var afspraken = await WijzigAfsprakenAsync(db, gesprek, invoer.Afspraken, nu, cancellationToken);
        if (!afspraken.IsGelukt)
        {
            return afspraken.Fout!;
        }
        var (toegevoegd, gecorrigeerd, verwijderd) = afspraken.Waarde;
        foreach (var leerling in gesprek.Leerlingen)
        {
            audit.Add(db, AuditActie.Wijzigen, leerling.LeerlingId, $"gesprek gewijzigd ({gesprek.Id}), versie {gesprek.Versie}, afspraken: {toegevoegd} toegevoegd, {gecorrigeerd} gecorrigeerd, {verwijderd} verwijderd");
        }
        var sleutel = ConceptSleutel.Gesprek(gesprek.Id);
        db.GesprekConcepten.RemoveRange(await db.GesprekConcepten.AsTracking()
            .Where(c => c.AuteurId == ik && c.Sleutel == sleutel).ToListAsync(cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict;
        }
        catch (DbUpdateException e) when (Leerlingbeheer.IsUniekeSleutelFout(e, "gesprek_revisies"))
        {
            // Two saves from the same version at once: the revision of that version exists already.
            return Conflict;
        }
        return gesprek.Versie;
    }

    /// <summary>The content of a version as the revision keeps it (JSON the gesprek page reads back), the afspraken once.</summary>
    private static string Momentopname(Gesprek gesprek) =>
        JsonSerializer.Serialize(new GesprekInhoud(gesprek.SoortId, gesprek.Soort?.Naam, gesprek.Datum, gesprek.Samenvatting,
            gesprek.Vertrouwelijkheid, gesprek.AndereDeelnemers, gesprek.MetOuders, gesprek.Voortgang,
            [.. gesprek.Afspraken.Select(a => new AfspraakInhoud(a.Wat, a.EigenaarId, a.Deadline, a.IsAfgerond)).Distinct()]), Gesprekken.Json);

    /// <summary>
    /// Adds, corrects and removes the gesprek's afspraken as the form has them; returns the counts (a group gesprek's
    /// copies count once). Every line must stand for afspraken of this gesprek, and a new or changed owner must be
    /// a staff member of the school.
    /// </summary>
    private async Task<Result<(int Toegevoegd, int Gecorrigeerd, int Verwijderd)>> WijzigAfsprakenAsync(
        LeerlingzorgDbContext db, Gesprek gesprek, IReadOnlyList<AfspraakInvoer> regels, DateTimeOffset nu, CancellationToken cancellationToken)
    {
        var opgeslagen = gesprek.Afspraken.ToDictionary(a => a.Id);
        var genoemd = regels.SelectMany(r => r.Ids).ToHashSet();
        if (!genoemd.All(opgeslagen.ContainsKey))
        {
            return new Fout(FoutSoort.Ongeldig, "Een afspraak hoort niet (meer) bij dit gesprek. Sluit het venster en open het gesprek opnieuw.");
        }
        var eigenaren = regels
            .Where(r => r.Ids.Count == 0 || r.Ids.Any(id => !opgeslagen[id].IsAfgerond && opgeslagen[id].EigenaarId != r.EigenaarId))
            .Select(r => r.EigenaarId!.Value).Distinct().ToList();
        if (eigenaren.Count > 0
            && await db.ActieveMedewerkersVan(currentUser.SchoolId!.Value).CountAsync(m => eigenaren.Contains(m.Id), cancellationToken) != eigenaren.Count)
        {
            return new Fout(FoutSoort.Ongeldig, "Kies als eigenaar van een afspraak een medewerker van deze school.");
        }

        var (toegevoegd, gecorrigeerd) = (0, 0);
        foreach (var regel in regels)
        {
            var deadline = regel.Deadline is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
            if (regel.Ids.Count == 0)
            {
                toegevoegd++;
                // Added to the set, not the loaded collection: a preset key there would read as an existing row.
                db.Afspraken.AddRange(gesprek.Leerlingen.Select(l => new Afspraak
                {
                    GesprekId = gesprek.Id, LeerlingId = l.LeerlingId, Wat = regel.Wat.Trim(), EigenaarId = regel.EigenaarId!.Value, Deadline = deadline, AangemaaktOp = nu,
                }));
                continue;
            }
            var gewijzigd = false;
            // A copy that its owner finished in the meantime stays as it is.
            foreach (var afspraak in regel.Ids.Select(id => opgeslagen[id]).Where(a => !a.IsAfgerond))
            {
                gewijzigd |= afspraak.Corrigeer(regel.Wat, regel.EigenaarId!.Value, deadline);
            }
            gecorrigeerd += gewijzigd ? 1 : 0;
        }
        var weg = opgeslagen.Values.Where(a => !a.IsAfgerond && !genoemd.Contains(a.Id)).ToList();
        db.Afspraken.RemoveRange(weg);
        return (toegevoegd, gecorrigeerd, weg.Select(a => (a.Wat, a.EigenaarId, a.Deadline, a.AangemaaktOp)).Distinct().Count());
    }
}
