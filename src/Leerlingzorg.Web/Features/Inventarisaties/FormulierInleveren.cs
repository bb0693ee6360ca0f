using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Inventarisaties;

/// <summary>What handing in did: when (the first moment counts) and whether after the deadline.</summary>
public sealed record Ingeleverd(DateTimeOffset Op, bool TeLaat, string Melding);

/// <summary>
/// The docent hands his form in (<see cref="Domain.Besprekingen.Inventarisatie.LeverIn"/>): after the deadline it is
/// accepted and marked late; while the meeting is open he may still change it.
/// </summary>
public sealed class FormulierInleverenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Ingeleverd>> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await Formuliertoegang.LaadAsync(db, currentUser, id, true, cancellationToken) is not var (formulier, bespreking))
        {
            return Formuliertoegang.NietGevonden;
        }
        if (!bespreking.IsOpen)
        {
            return Formuliertoegang.Gesloten;
        }
        var wasIngeleverd = formulier.IsIngeleverd;
        var teLaat = formulier.LeverIn(Schoolkalender.Vandaag(time), time.GetUtcNow());
        if (!wasIngeleverd)
        {
            audit.Add(db, AuditActie.Wijzigen, null, $"inventarisatieformulier ingeleverd{(teLaat ? " (te laat)" : "")} ({formulier.Id})");
            await db.SaveChangesAsync(cancellationToken);
        }
        var melding = wasIngeleverd ? "Het formulier was al ingeleverd; uw wijzigingen zijn opgeslagen."
            : teLaat ? "Het formulier is ingeleverd, na de inleverdatum: het staat als te laat ingeleverd."
            : "Het formulier is ingeleverd. U kunt het tot de bespreking nog aanpassen.";
        return new Ingeleverd(formulier.IngeleverdOp!.Value, teLaat, melding);
    }
}
