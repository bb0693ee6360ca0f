using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Plannen;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Plannen;

/// <summary>The outcome of a save: the new revision and row version the editor continues from.</summary>
public sealed record Opgeslagen(int Revisie, int Versie, DateTimeOffset Op);

/// <summary>
/// The autosave of a concept (<see cref="PlanVersie.Bewerk"/>): called about a second after typing stops and on blur.
/// A save in between by somebody else is a conflict with a Dutch message (the text stays in the form). Only the first
/// save of a version is audited (revision 1 → 2), not every keystroke.
/// </summary>
public sealed class PlanBewerkenHandler(PlanwerkHandler werk)
{
    public async Task<Result<Opgeslagen>> HandleAsync(Guid planId, Guid versieId, int gelezenRevisie, PlanInhoud inhoud,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inhoud);
        var eerste = gelezenRevisie == 1;
        return await werk.SchrijfAsync<Opgeslagen>(planId, null, "concept bewerkt", AuditActie.Wijzigen, async c =>
        {
            var versie = c.Plan.Versies.FirstOrDefault(v => v.Id == versieId);
            if (versie is null)
            {
                return Fout.NietGevonden("De versie");
            }
            if (inhoud.Jeugdhulp is { PartnerId: { } partnerId } jeugdhulp)
            {
                // The organisation and contact come from the school's directory (RLS: only this school's partners).
                var partner = await c.Db.Partners.Where(p => p.Id == partnerId)
                    .Select(p => new { p.Naam, p.Organisatie, p.Functie }).FirstOrDefaultAsync(cancellationToken);
                if (partner is null)
                {
                    return new Fout(FoutSoort.Ongeldig, "De gekozen jeugdhulppartner staat niet in de partnerlijst van de school. Kies een andere partner.");
                }
                inhoud = inhoud with
                {
                    Jeugdhulp = jeugdhulp with { Organisatie = partner.Organisatie, Contactpersoon = PartnerFuncties.Contact(partner.Naam, partner.Functie) },
                };
            }
            var fouten = versie.Bewerk(inhoud, gelezenRevisie, c.Nu, c.UserId);
            return fouten.Count > 0
                ? PlanwerkHandler.Vertaal(fouten)
                : new Opgeslagen(versie.Revisie, versie.Versie, c.Nu);
        }, cancellationToken, audit: eerste);
    }
}
