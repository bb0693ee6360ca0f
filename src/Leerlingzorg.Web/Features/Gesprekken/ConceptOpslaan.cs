using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Npgsql;

namespace Leerlingzorg.Web.Features.Gesprekken;

/// <summary>
/// Saves the whole form as a draft on the server (never in the browser: school PCs are shared), one per author
/// and subject. Called about a second after typing stops and on blur, so it is not audited per keystroke; only
/// the first save of a draft writes an audit line.
/// </summary>
public sealed partial class ConceptOpslaanHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time,
    ILogger<ConceptOpslaanHandler> logger)
{
    /// <summary>
    /// Room for a form filled to every field's maximum (20,000 + 7 × 2,000 + afspraken) as JSON with escapes; a
    /// bigger draft is not one the dialog can produce.
    /// </summary>
    public const int MaximaleGrootte = 200_000;

    public static readonly Fout NietOpgeslagen = new(FoutSoort.Ongeldig,
        "Het concept kon niet worden opgeslagen. Wat u typte staat nog in het formulier; probeer het zo opnieuw.");

    /// <summary>Returns when the draft was saved.</summary>
    public async Task<Result<DateTimeOffset>> HandleAsync(string sleutel, GesprekInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        // Serialised before the first await: the form may change while this runs.
        // Gesprekken.Json cleans every string: PostgreSQL's jsonb refuses an escaped NUL.
        var inhoud = JsonSerializer.Serialize(invoer, Gesprekken.Json);
        if (currentUser.Id is not { } auteur || currentUser.SchoolId is null || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (!ConceptSleutel.IsGeldig(sleutel))
        {
            return new Fout(FoutSoort.Ongeldig, "Onbekend concept.");
        }
        if (inhoud.Length > MaximaleGrootte)
        {
            return new Fout(FoutSoort.Ongeldig, "Het concept is te groot om op te slaan. Maak de teksten korter.");
        }
        try
        {
            return await BewaarAsync(auteur, sleutel, inhoud, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or NpgsqlException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // The autosave runs in the background of the dialog: a failure must never end the user's circuit.
            // The exception is logged without its message, which may quote the draft.
            LogNietOpgeslagen(e.GetType().Name, (e.InnerException as PostgresException ?? e as PostgresException)?.SqlState);
            return NietOpgeslagen;
        }
    }

    private async Task<Result<DateTimeOffset>> BewaarAsync(Guid auteur, string sleutel, string inhoud, CancellationToken cancellationToken)
    {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Concept van een gesprek niet opgeslagen: {Soort} {SqlState}")]
    private partial void LogNietOpgeslagen(string soort, string? sqlState);
}
