using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Plannen;

/// <summary>
/// Sends the handelingsdeel of an OPP concept to the parents with gezag and the student of 16+
/// (<see cref="Instemmingsregel.WieBeslist"/>, <see cref="PlanVersie.LegVoor"/>): one instemming per person, and a mail to
/// each ouder asked with the link to the portal. Audited.
/// </summary>
public sealed class PlanVoorleggenHandler(PlanwerkHandler werk, Ouderberichten ouderberichten)
{
    public Task<Result<int>> HandleAsync(Guid planId, Guid versieId, int gelezenVersie, Uri basisAdres, CancellationToken cancellationToken = default) =>
        werk.SchrijfAsync<int>(planId, null, "ter instemming voorgelegd", AuditActie.Wijzigen, async c =>
        {
            var gevonden = PlanwerkHandler.Versie(c, versieId, gelezenVersie);
            if (!gevonden.IsGelukt)
            {
                return gevonden.Fout;
            }
            var leerling = await c.Db.Leerlingen.Include(l => l.Ouders).ThenInclude(o => o.Ouder)
                .FirstAsync(l => l.Id == c.Plan.LeerlingId, cancellationToken);
            var gevraagd = Instemmingsregel.WieBeslist(leerling, c.Vandaag);
            var (verzoeken, fouten) = gevonden.Waarde.LegVoor(c.Plan, gevraagd, c.Nu, c.UserId);
            if (fouten.Count > 0)
            {
                return PlanwerkHandler.Vertaal(fouten);
            }
            c.Db.Instemmingen.AddRange(verzoeken);
            var ouders = verzoeken.Where(v => v.OuderId is not null).Select(v => v.OuderId!.Value).ToList();
            await ouderberichten.MeldAsync(c.Db, ouders, Ouderbericht.OppTerInstemming, PlanwerkHandler.PortaalLink(basisAdres, c.Plan.LeerlingId), cancellationToken);
            return verzoeken.Count;
        }, cancellationToken);
}

/// <summary>Takes an OPP version back from the parents (<see cref="PlanVersie.NeemTerug"/>): the open requests lapse. Audited.</summary>
public sealed class PlanTerugnemenHandler(PlanwerkHandler werk)
{
    public Task<Result<bool>> HandleAsync(Guid planId, Guid versieId, int gelezenVersie, CancellationToken cancellationToken = default) =>
        werk.SchrijfAsync<bool>(planId, null, "teruggenomen van de ouders", AuditActie.Wijzigen, c =>
        {
            var gevonden = PlanwerkHandler.Versie(c, versieId, gelezenVersie);
            if (!gevonden.IsGelukt)
            {
                return Task.FromResult<Result<bool>>(gevonden.Fout);
            }
            var fout = gevonden.Waarde.NeemTerug(c.Instemmingen, c.Nu);
            return Task.FromResult<Result<bool>>(fout is null ? true : PlanwerkHandler.Vertaal(fout));
        }, cancellationToken);
}
