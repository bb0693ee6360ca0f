using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Plannen;

/// <summary>
/// Adopts a handelingsplan concept (<see cref="PlanVersie.StelVast"/>) and tells every ouder with the information right
/// (<see cref="Familie.RechtenVan"/>) by mail. Audited.
/// </summary>
public sealed class PlanVaststellenHandler(PlanwerkHandler werk, Ouderberichten ouderberichten)
{
    public Task<Result<bool>> HandleAsync(Guid planId, Guid versieId, int gelezenVersie, Uri basisAdres, CancellationToken cancellationToken = default) =>
        werk.SchrijfAsync<bool>(planId, null, "vastgesteld", AuditActie.Wijzigen, async c =>
        {
            var gevonden = PlanwerkHandler.Versie(c, versieId, gelezenVersie);
            if (!gevonden.IsGelukt)
            {
                return gevonden.Fout;
            }
            var fouten = gevonden.Waarde.StelVast(c.Plan, c.Nu);
            if (fouten.Count > 0)
            {
                return PlanwerkHandler.Vertaal(fouten);
            }
            var leerling = await c.Db.Leerlingen.Include(l => l.Ouders)
                .FirstAsync(l => l.Id == c.Plan.LeerlingId, cancellationToken);
            var ouders = leerling.Ouders.Where(o => leerling.RechtenVan(o, c.Vandaag).Informatie).Select(o => o.OuderId).ToList();
            await ouderberichten.MeldAsync(c.Db, ouders, Ouderbericht.HandelingsplanVastgesteld, PlanwerkHandler.PortaalLink(basisAdres, c.Plan.LeerlingId), cancellationToken);
            return true;
        }, cancellationToken);
}
