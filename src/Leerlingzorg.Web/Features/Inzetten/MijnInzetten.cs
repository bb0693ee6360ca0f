using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Inzetten;

public sealed record MijnInzettenPagina(IReadOnlyList<InzetRegel> Items, bool HeeftMeer, int Pagina, int AantalVerlopen)
{
    public const int PaginaGrootte = 20;
}

/// <summary>
/// "Mijn inzetten": the running interventions the user owns (active and waiting), overdue reviews first (the one rule,
/// <see cref="Inzet.EvaluatieVerlopen"/>, as the order key), then by the next review; paged in the database on the index
/// (school_id, eigenaar_id, volgende_evaluatie). Audited per student shown.
/// </summary>
public sealed class MijnInzettenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public static bool MagInzettenHebben(CurrentUser user) => Toegang.IsMedewerker(user);

    public async Task<MijnInzettenPagina> HandleAsync(int pagina, CancellationToken cancellationToken = default)
    {
        pagina = Math.Max(1, pagina);
        if (!MagInzettenHebben(currentUser))
        {
            return new MijnInzettenPagina([], false, pagina, 0);
        }
        var eigenaar = currentUser.Id!.Value;
        var vandaag = Schoolkalender.Vandaag(time);
        List<InzetRegel> rijen;
        int verlopen;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var mijn = db.Inzetten.Where(i => i.EigenaarId == eigenaar && (i.Status == InzetStatus.Actief || i.Status == InzetStatus.Wachtlijst));
            rijen = await Inzetprojectie.Regels(db, mijn
                    .OrderByDescending(Inzet.EvaluatieVerlopen(vandaag))
                    .ThenBy(i => i.Status)
                    .ThenBy(i => i.VolgendeEvaluatie == null).ThenBy(i => i.VolgendeEvaluatie).ThenBy(i => i.Id))
                .Skip((pagina - 1) * MijnInzettenPagina.PaginaGrootte)
                .Take(MijnInzettenPagina.PaginaGrootte + 1)
                .ToListAsync(cancellationToken);
            verlopen = await mijn.CountAsync(Inzet.EvaluatieVerlopen(vandaag), cancellationToken);
        }
        var heeftMeer = rijen.Count > MijnInzettenPagina.PaginaGrootte;
        if (heeftMeer)
        {
            rijen.RemoveAt(rijen.Count - 1);
        }
        await audit.ReadEachAsync(rijen.Select(r => r.LeerlingId).Distinct(), $"mijn inzetten (pagina {pagina})", cancellationToken);
        return new MijnInzettenPagina(rijen, heeftMeer, pagina, verlopen);
    }
}
