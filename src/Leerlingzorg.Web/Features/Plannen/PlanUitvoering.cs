using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Plannen;

namespace Leerlingzorg.Web.Features.Plannen;

/// <summary>Puts an agreed OPP version into practice (<see cref="PlanVersie.StartUitvoering"/>). Audited.</summary>
public sealed class UitvoeringStartenHandler(PlanwerkHandler werk)
{
    public Task<Result<bool>> HandleAsync(Guid planId, Guid versieId, int gelezenVersie, CancellationToken cancellationToken = default) =>
        werk.SchrijfAsync<bool>(planId, null, "in uitvoering", AuditActie.Wijzigen, c =>
        {
            var gevonden = PlanwerkHandler.Versie(c, versieId, gelezenVersie);
            if (!gevonden.IsGelukt)
            {
                return Task.FromResult<Result<bool>>(gevonden.Fout);
            }
            var fout = gevonden.Waarde.StartUitvoering();
            return Task.FromResult<Result<bool>>(fout is null ? true : PlanwerkHandler.Vertaal(fout));
        }, cancellationToken);
}

/// <summary>Records the evaluation of the version in force (<see cref="PlanVersie.Evalueer"/>). Audited.</summary>
public sealed class PlanEvaluerenHandler(PlanwerkHandler werk)
{
    public Task<Result<bool>> HandleAsync(Guid planId, Guid versieId, int gelezenVersie, string? evaluatie, DateOnly datum,
        CancellationToken cancellationToken = default) =>
        werk.SchrijfAsync<bool>(planId, null, "geëvalueerd", AuditActie.Wijzigen, c =>
        {
            var gevonden = PlanwerkHandler.Versie(c, versieId, gelezenVersie);
            if (!gevonden.IsGelukt)
            {
                return Task.FromResult<Result<bool>>(gevonden.Fout);
            }
            var fout = gevonden.Waarde.Evalueer(evaluatie, datum, c.Vandaag);
            return Task.FromResult<Result<bool>>(fout is null ? true : PlanwerkHandler.Vertaal(fout));
        }, cancellationToken);
}

/// <summary>A new concept version from the newest text (<see cref="Plan.NieuweVersie"/>); open requests of older versions lapse. Audited.</summary>
public sealed class NieuweVersieHandler(PlanwerkHandler werk)
{
    public Task<Result<Guid>> HandleAsync(Guid planId, int gelezenPlanVersie, CancellationToken cancellationToken = default) =>
        werk.SchrijfAsync<Guid>(planId, gelezenPlanVersie, "nieuwe versie", AuditActie.Aanmaken, c =>
        {
            var (versie, fout) = c.Plan.NieuweVersie(c.Instemmingen, c.Nu, c.UserId);
            if (fout is not null)
            {
                return Task.FromResult<Result<Guid>>(PlanwerkHandler.Vertaal(fout));
            }
            c.Db.PlanVersies.Add(versie!);
            return Task.FromResult<Result<Guid>>(versie!.Id);
        }, cancellationToken);
}

/// <summary>Ends the plan with a reason (<see cref="Plan.Beeindig"/>). Audited.</summary>
public sealed class PlanBeeindigenHandler(PlanwerkHandler werk)
{
    public Task<Result<bool>> HandleAsync(Guid planId, int gelezenPlanVersie, string? reden, DateOnly datum, CancellationToken cancellationToken = default) =>
        werk.SchrijfAsync<bool>(planId, gelezenPlanVersie, "beëindigd", AuditActie.Wijzigen, c =>
        {
            var fout = c.Plan.Beeindig(reden, datum, c.Vandaag, c.Instemmingen, c.Nu);
            return Task.FromResult<Result<bool>>(fout is null ? true : PlanwerkHandler.Vertaal(fout));
        }, cancellationToken);
}
