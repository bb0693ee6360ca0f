using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace Leerlingzorg.Web.Features.Gesprekken;

/// <summary>
/// Saves the whole form as a draft on the server (never in the browser: school PCs are shared), one per author
/// and subject. Called about a second after typing stops and on blur, so it is not audited per keystroke; only
/// the first save of a draft writes an audit line.
/// </summary>
public sealed class ConceptOpslaanHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    /// <summary>Returns when the draft was saved.</summary>
    public async Task<Result<DateTimeOffset>> HandleAsync(string sleutel, GesprekInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        // Serialised before the first await: the form may change while this runs.
        var inhoud = JsonSerializer.Serialize(invoer, Gesprekken.Json);
        if (currentUser.Id is not { } auteur || currentUser.SchoolId is null || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (!ConceptSleutel.IsGeldig(sleutel))
        {
            return new Fout(FoutSoort.Ongeldig, "Onbekend concept.");
        }
        var nu = time.GetUtcNow();
        for (var poging = 0; ; poging++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var concept = await db.GesprekConcepten.AsTracking()
                .FirstOrDefaultAsync(c => c.AuteurId == auteur && c.Sleutel == sleutel, cancellationToken);
            if (concept is null)
            {
                db.GesprekConcepten.Add(new GesprekConcept { AuteurId = auteur, Sleutel = sleutel, Inhoud = inhoud, BijgewerktOp = nu });
                audit.Add(db, AuditActie.Aanmaken, ConceptSleutel.Leerling(sleutel), "concept van een gesprek gestart");
            }
            else
            {
                concept.Inhoud = inhoud;
                concept.BijgewerktOp = nu;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return nu;
            }
            catch (DbUpdateException) when (concept is null && poging == 0)
            {
                // A second tab (or the blur and the debounce) created it at the same moment: update that one.
            }
        }
    }
}
