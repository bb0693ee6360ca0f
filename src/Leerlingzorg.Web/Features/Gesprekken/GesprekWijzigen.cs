using System.Text.Json;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Gesprekken;

/// <summary>The content of one version of a gesprek, as a revision keeps it (JSON).</summary>
public sealed record GesprekInhoud(
    Guid SoortId, string? Soort, DateOnly Datum, string Samenvatting, Vertrouwelijkheid Vertrouwelijkheid,
    string? AndereDeelnemers, bool MetOuders, Domain.Dossier.Voortgang? Voortgang);

/// <summary>
/// The author changes his gesprek: the previous content is kept as a <see cref="GesprekRevisie"/>, the version goes
/// up by one, and an edit from a stale version is refused (optimistic concurrency on <see cref="Gesprek.Versie"/>).
/// The students and the afspraken of a gesprek are not changed here.
/// </summary>
public sealed class GesprekWijzigenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public static readonly Fout Conflict = new(FoutSoort.Conflict,
        "Dit gesprek is intussen gewijzigd, bijvoorbeeld in een ander venster. Uw tekst blijft als concept bewaard: "
        + "sluit dit venster en open het gesprek opnieuw om de nieuwste versie te zien.");

    public GesprekInvoerValidator Validator { get; } = new(time);

    /// <summary>The form to edit a gesprek (author only), with the soorten and students, without tracking.</summary>
    public async Task<Result<GesprekFormulier>> LaadAsync(Guid gesprekId, CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } ik || currentUser.SchoolId is not { } school)
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var g = await db.Gesprekken.Where(g => g.Id == gesprekId && g.AuteurId == ik && g.VerwijderdOp == null)
            .Select(g => new
            {
                g.Id, g.Versie, g.SoortId, g.Datum, g.MetOuders, g.AndereDeelnemers, g.Samenvatting, g.Vertrouwelijkheid, g.Voortgang,
                LeerlingIds = g.Leerlingen.Select(l => l.LeerlingId).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (g is null)
        {
            return Fout.NietGevonden("Het gesprek");
        }
        var leerlingen = await db.Leerlingen.Where(l => g.LeerlingIds.Contains(l.Id))
            .OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam)
            .Select(l => new LeerlingOptie(l.Id, l.Voornaam + (l.Tussenvoegsel == null ? " " : " " + l.Tussenvoegsel + " ") + l.Achternaam))
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
    public async Task<Result<int>> HandleAsync(GesprekInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (currentUser.Id is not { } ik || currentUser.SchoolId is null)
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
            return Gesprekken.Ongeldig(validatie);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var gesprek = await db.Gesprekken.AsTracking().Include(g => g.Soort).Include(g => g.Leerlingen)
            .FirstOrDefaultAsync(g => g.Id == gesprekId && g.VerwijderdOp == null, cancellationToken);
        if (gesprek is null)
        {
            return Fout.NietGevonden("Het gesprek");
        }
        if (gesprek.AuteurId != ik)
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
        db.GesprekRevisies.Add(new GesprekRevisie
        {
            GesprekId = gesprek.Id,
            Versie = gesprek.Versie,
            GewijzigdDoor = ik,
            GewijzigdOp = nu,
            Inhoud = JsonSerializer.Serialize(new GesprekInhoud(gesprek.SoortId, gesprek.Soort?.Naam, gesprek.Datum, gesprek.Samenvatting,
                gesprek.Vertrouwelijkheid, gesprek.AndereDeelnemers, gesprek.MetOuders, gesprek.Voortgang), Gesprekken.Json),
        });
        // The version the user started from is what the database must still hold.
        db.Entry(gesprek).Property(g => g.Versie).OriginalValue = invoer.Versie;
        gesprek.Versie = invoer.Versie + 1;
        gesprek.SoortId = soort.Id;
        gesprek.Datum = DateOnly.FromDateTime(invoer.Datum!.Value);
        gesprek.Samenvatting = Domain.Tekst.Vrij(invoer.Samenvatting);
        gesprek.Vertrouwelijkheid = invoer.Vertrouwelijkheid;
        gesprek.AndereDeelnemers = Domain.Tekst.RegelOfNull(invoer.AndereDeelnemers);
        gesprek.MetOuders = invoer.MetOuders;
        gesprek.Voortgang = soort.IsVoortgangsgesprek ? invoer.AlsVoortgang() : null;
        gesprek.GewijzigdOp = nu;
        foreach (var leerling in gesprek.Leerlingen)
        {
            audit.Add(db, AuditActie.Wijzigen, leerling.LeerlingId, $"gesprek gewijzigd ({gesprek.Id}), versie {gesprek.Versie}");
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
}
