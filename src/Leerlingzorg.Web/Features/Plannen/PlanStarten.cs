using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Plannen;

/// <summary>
/// Starts an OPP or a handelingsplan (<see cref="Plan.Start"/>) with a first concept filled from the dossier: a line of
/// the handelingsdeel per active intervention, and the level on the zorgladder and the facilities of the pass as a
/// starting text for the onderwijsbehoeften. Written by <see cref="Planrecht"/>; audited.
/// </summary>
public sealed class PlanStartenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(Guid leerlingId, PlanSoort soort, DateOnly? nodigSinds, CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } userId || !Planrecht.MagMetRol(currentUser))
        {
            return new Fout(FoutSoort.GeenToegang, Planrecht.GeenRecht);
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (await db.DossierlezerAsync(currentUser, leerlingId, cancellationToken) is not { } lezer)
            {
                return Fout.NietGevonden("De leerling");
            }
            if (!Planrecht.MagVoor(currentUser, lezer))
            {
                return new Fout(FoutSoort.GeenToegang, Planrecht.GeenRecht);
            }
            var leerling = await db.Leerlingen.FirstAsync(l => l.Id == leerlingId, cancellationToken);
            var nu = time.GetUtcNow();
            var vandaag = Schoolkalender.DatumVan(nu);
            var lopend = await db.Plannen.AnyAsync(p => p.LeerlingId == leerlingId && p.Soort == soort && p.BeeindigdOp == null, cancellationToken);
            var voorstel = await VoorstelAsync(db, leerling, vandaag, cancellationToken);
            var (plan, fout) = Plan.Start(leerling, soort, nodigSinds ?? vandaag, voorstel, lopend, vandaag, nu, userId);
            if (fout is not null)
            {
                return PlanwerkHandler.Vertaal(fout);
            }
            db.Plannen.Add(plan!);
            audit.Add(db, AuditActie.Aanmaken, leerlingId, $"{Plan.Weergave(soort)} gestart ({plan!.Id})");
            await db.SaveChangesAsync(cancellationToken);
            return plan.Id;
        }
        catch (Exception e) when (Storing.IsOnbereikbaar(e))
        {
            return Fout.Onbereikbaar;
        }
    }

    private static async Task<PlanInhoud> VoorstelAsync(LeerlingzorgDbContext db, Domain.Leerlingen.Leerling leerling, DateOnly vandaag,
        CancellationToken cancellationToken)
    {
        var inzetten = await db.Inzetten.Where(i => i.LeerlingId == leerling.Id && i.Status == InzetStatus.Actief)
            .OrderBy(i => i.Start)
            .Select(i => new
            {
                i.Id,
                Aanbod = i.Aanbod!.Naam,
                i.Frequentie,
                Eigenaar = db.Users.Where(u => u.Id == i.EigenaarId)
                    .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam)).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var pas = await db.Ondersteuningspassen.Where(p => p.LeerlingId == leerling.Id && p.GeldigVanaf <= vandaag
                && (p.GeldigTot == null || p.GeldigTot >= vandaag))
            .OrderByDescending(p => p.GeldigVanaf).FirstOrDefaultAsync(cancellationToken);
        var behoeften = $"Zorgladder: {leerling.PmNiveau.Kort()} ({leerling.PmNiveau.Omschrijving()}).";
        if (pas is { Faciliteiten.Count: > 0 })
        {
            behoeften += "\nFaciliteiten volgens de ondersteuningspas: " + string.Join(", ", pas.Faciliteiten.Select(f => f.Weergave)) + ".";
        }
        return new PlanInhoud
        {
            Onderwijsbehoeften = behoeften,
            Handelingsdeel = [.. inzetten.Select(i => new Ondersteuningsregel(
                Knip(i.Aanbod) ?? "", Knip(i.Eigenaar), Knip(i.Frequentie), i.Id))],
        };
    }

    private static string? Knip(string? tekst) =>
        Tekst.RegelOfNull(tekst) is { } regel && regel.Length > PlanInhoud.MaxRegel ? regel[..PlanInhoud.MaxRegel] : Tekst.RegelOfNull(tekst);
}
