using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Gesprekken;

/// <summary>Everything the dialog needs, loaded once when it opens.</summary>
public sealed record GesprekFormulier(
    GesprekInvoer Invoer,
    IReadOnlyList<SoortOptie> Soorten,
    IReadOnlyList<MedewerkerOptie> Medewerkers,
    IReadOnlyList<LeerlingOptie> Leerlingen,
    bool LeerlingenVast);

/// <summary>
/// The mentor (or anyone with a relation to the students) logs a gesprek: about one student or a group, with
/// afspraken, in one SaveChanges with an audit line per student; the draft is deleted.
/// </summary>
public sealed class GesprekVastleggenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public GesprekInvoerValidator Validator { get; } = new(time);

    /// <summary>
    /// A new form for one student (<paramref name="leerlingId"/>) or a group of a class (<paramref name="klasId"/>):
    /// the soorten, the staff for the eigenaar select and the students to choose from, without tracking.
    /// </summary>
    public Task<Result<GesprekFormulier>> NieuwAsync(Guid? leerlingId, Guid? klasId, CancellationToken cancellationToken = default) =>
        LaadNieuwAsync(leerlingId, klasId, cancellationToken).BijStoring();

    private async Task<Result<GesprekFormulier>> LaadNieuwAsync(Guid? leerlingId, Guid? klasId, CancellationToken cancellationToken)
    {
        if (currentUser.Id is null || currentUser.SchoolId is not { } school || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        List<LeerlingOptie> leerlingen;
        if (leerlingId is { } id)
        {
            leerlingen = await db.ZichtbareLeerlingen(currentUser).Where(l => l.Id == id)
                .Select(l => new LeerlingOptie(l.Id, LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam)))
                .ToListAsync(cancellationToken);
            if (leerlingen.Count == 0)
            {
                return Fout.GeenToegang;
            }
        }
        else if (klasId is { } klas)
        {
            leerlingen = await db.ZichtbareLeerlingen(currentUser).Where(l => l.KlasId == klas)
                .OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam)
                .Select(l => new LeerlingOptie(l.Id, LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam)))
                .ToListAsync(cancellationToken);
            if (leerlingen.Count == 0)
            {
                return Fout.GeenToegang;
            }
        }
        else
        {
            return new Fout(FoutSoort.Ongeldig, "Kies eerst een leerling of een klas.");
        }
        var soorten = await Gesprekken.SoortenAsync(db, cancellationToken);
        var medewerkers = await Gesprekken.Medewerkers(db, school).ToListAsync(cancellationToken);
        var invoer = new GesprekInvoer
        {
            SoortId = soorten.Count > 0 ? soorten[0].Id : null,
            Datum = Schoolkalender.Vandaag(time).ToDateTime(TimeOnly.MinValue),
            LeerlingIds = leerlingId is { } een ? [een] : [],
        };
        return new GesprekFormulier(invoer, soorten, medewerkers, leerlingen, LeerlingenVast: leerlingId is not null);
    }

    /// <summary>Saves a new gesprek and deletes the draft with <paramref name="conceptSleutel"/>; returns the gesprek's id.</summary>
    public Task<Result<Guid>> HandleAsync(GesprekInvoer invoer, string? conceptSleutel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        return VastleggenAsync(invoer, conceptSleutel, cancellationToken).BijStoring();
    }

    private async Task<Result<Guid>> VastleggenAsync(GesprekInvoer invoer, string? conceptSleutel, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } auteur || currentUser.SchoolId is not { } school || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var validatie = await Validator.ValidateAsync(invoer, cancellationToken);
        if (!validatie.IsValid)
        {
            return Fout.Ongeldig(validatie);
        }
        var leerlingIds = invoer.LeerlingIds.Distinct().ToList();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Writing needs a relation with every student: need-to-know is checked here, not by hiding the button.
        var zichtbaar = await db.ZichtbareLeerlingen(currentUser).CountAsync(l => leerlingIds.Contains(l.Id), cancellationToken);
        if (zichtbaar != leerlingIds.Count)
        {
            return Fout.GeenToegang;
        }
        var soort = await db.GesprekSoorten.Where(s => s.Id == invoer.SoortId && s.Actief)
            .Select(s => new { s.Id, s.IsVoortgangsgesprek }).FirstOrDefaultAsync(cancellationToken);
        if (soort is null)
        {
            return new Fout(FoutSoort.Ongeldig, "Kies een soort gesprek van deze school.");
        }
        var eigenaren = invoer.Afspraken.Select(a => a.EigenaarId!.Value).Distinct().ToList();
        if (eigenaren.Count > 0
            && await db.ActieveMedewerkersVan(school).CountAsync(m => eigenaren.Contains(m.Id), cancellationToken) != eigenaren.Count)
        {
            return new Fout(FoutSoort.Ongeldig, "Kies als eigenaar van een afspraak een medewerker van deze school.");
        }

        var nu = time.GetUtcNow();
        var gesprek = new Gesprek
        {
            SoortId = soort.Id,
            Datum = DateOnly.FromDateTime(invoer.Datum!.Value),
            AuteurId = auteur,
            Samenvatting = Domain.Tekst.Vrij(invoer.Samenvatting),
            Vertrouwelijkheid = invoer.Vertrouwelijkheid,
            AndereDeelnemers = Domain.Tekst.RegelOfNull(invoer.AndereDeelnemers),
            MetOuders = invoer.MetOuders,
            Voortgang = soort.IsVoortgangsgesprek ? invoer.AlsVoortgang() : null,
            AangemaaktOp = nu,
            Leerlingen = [.. leerlingIds.Select(id => new GesprekLeerling { LeerlingId = id })],
        };
        // An afspraak belongs to one student: in a group conversation each student gets his own copy.
        foreach (var afspraak in invoer.Afspraken)
        {
            foreach (var leerlingId in leerlingIds)
            {
                gesprek.Afspraken.Add(new Afspraak
                {
                    LeerlingId = leerlingId,
                    Wat = Domain.Tekst.Vrij(afspraak.Wat),
                    EigenaarId = afspraak.EigenaarId!.Value,
                    Deadline = afspraak.Deadline is { } d ? DateOnly.FromDateTime(d) : null,
                    AangemaaktOp = nu,
                });
            }
        }
        db.Gesprekken.Add(gesprek);
        foreach (var leerlingId in leerlingIds)
        {
            audit.Add(db, AuditActie.Aanmaken, leerlingId, $"gesprek vastgelegd ({gesprek.Id}, {Gesprekken.Weergave(gesprek.Vertrouwelijkheid)})");
        }
        if (conceptSleutel is not null)
        {
            // The draft goes in the same SaveChanges: saved and draft never both or neither.
            db.GesprekConcepten.RemoveRange(await db.GesprekConcepten.AsTracking()
                .Where(c => c.AuteurId == auteur && c.Sleutel == conceptSleutel).ToListAsync(cancellationToken));
        }
        await db.SaveChangesAsync(cancellationToken);
        return gesprek.Id;
    }
}
