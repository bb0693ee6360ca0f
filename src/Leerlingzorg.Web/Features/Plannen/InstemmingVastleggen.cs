using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Plannen;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Plannen;

/// <summary>
/// Staff record a decision given on paper or in a meeting (<see cref="PlanVersie.Beslis"/> with
/// <see cref="InstemmingWijze.Schriftelijk"/> or <see cref="InstemmingWijze.Mondeling"/>) for one person asked; a
/// rejection opens a <see cref="Planoverleg"/>. Audited.
/// </summary>
public sealed class InstemmingVastleggenHandler(PlanwerkHandler werk)
{
    public const string RedenOntbreekt = "Vul de reden in die de ouder gaf om niet in te stemmen; de school bespreekt die daarna met de ouders.";

    public Task<Result<Instemmingsuitkomst>> HandleAsync(Guid planId, Guid versieId, int gelezenRevisie, Guid? ouderId, bool instemmen,
        string? reden, InstemmingWijze wijze, CancellationToken cancellationToken = default) =>
        werk.SchrijfAsync<Instemmingsuitkomst>(planId, null, instemmen ? "instemming vastgelegd" : "niet-instemming vastgelegd", AuditActie.Wijzigen, async c =>
        {
            if (wijze is not (InstemmingWijze.Schriftelijk or InstemmingWijze.Mondeling))
            {
                return new Fout(FoutSoort.Ongeldig, "Kies of het besluit schriftelijk of mondeling is gegeven.");
            }
            var versie = c.Plan.Versies.FirstOrDefault(v => v.Id == versieId);
            if (versie is null)
            {
                return Fout.NietGevonden("De versie");
            }
            var schoolbeleid = await c.Db.Scholen.Where(s => s.Id == c.Plan.SchoolId).Select(s => s.OppInstemming).FirstAsync(cancellationToken);
            var (uitkomst, fout) = versie.Beslis(c.Plan, c.Instemmingen, new Instemmer(ouderId, ""), instemmen, reden, gelezenRevisie,
                schoolbeleid, wijze, c.Nu, c.UserId);
            if (fout is not null)
            {
                // The Domain's texts speak to the parent ("u"); here staff record what the parent said.
                return fout.Code switch
                {
                    Planfoutcode.RedenOntbreekt => new Fout(FoutSoort.Ongeldig, RedenOntbreekt),
                    Planfoutcode.Gewijzigd => new Fout(FoutSoort.Conflict, PlanwerkHandler.Conflict),
                    _ => PlanwerkHandler.Vertaal(fout),
                };
            }
            if (!instemmen)
            {
                var afwijzing = c.Instemmingen.First(i => i.VersieId == versieId && i.OuderId == ouderId && i.Status == InstemmingStatus.NietIngestemd);
                c.Db.Planoverleggen.Add(Planoverleg.Open(afwijzing, c.Nu));
            }
            return uitkomst;
        }, cancellationToken);
}

/// <summary>Closes the overleg after a rejection with its day and report (<see cref="Planoverleg.SluitAf"/>). Audited.</summary>
public sealed class OverlegAfsluitenHandler(PlanwerkHandler werk)
{
    public Task<Result<bool>> HandleAsync(Guid planId, Guid overlegId, int gelezenVersie, DateOnly datum, string? verslag,
        CancellationToken cancellationToken = default) =>
        werk.SchrijfAsync<bool>(planId, null, "overleg afgesloten", AuditActie.Wijzigen, async c =>
        {
            var versieIds = c.Plan.Versies.Select(v => v.Id).ToList();
            var overleg = await c.Db.Planoverleggen.AsTracking()
                .FirstOrDefaultAsync(o => o.Id == overlegId && versieIds.Contains(o.VersieId), cancellationToken);
            if (overleg is null)
            {
                return Fout.NietGevonden("Het overleg");
            }
            if (overleg.Versie != gelezenVersie)
            {
                return new Fout(FoutSoort.Conflict, PlanwerkHandler.Conflict);
            }
            var fout = overleg.SluitAf(datum, verslag, c.Vandaag, c.Nu, c.UserId);
            return fout is null ? true : PlanwerkHandler.Vertaal(fout);
        }, cancellationToken);
}
