using System.Text.Json;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Gesprekken;

public sealed record Concept(GesprekInvoer Invoer, DateTimeOffset BijgewerktOp);

/// <summary>The author's own draft for a subject, if any: restored when the dialog opens again.</summary>
public sealed class ConceptOphalenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<Concept?> HandleAsync(string sleutel, CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } auteur || currentUser.SchoolId is null || !Toegang.IsMedewerker(currentUser) || !ConceptSleutel.IsGeldig(sleutel))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var concept = await db.GesprekConcepten.Where(c => c.AuteurId == auteur && c.Sleutel == sleutel)
            .Select(c => new { c.Inhoud, c.BijgewerktOp }).FirstOrDefaultAsync(cancellationToken);
        if (concept is null)
        {
            return null;
        }
        try
        {
            var invoer = JsonSerializer.Deserialize<GesprekInvoer>(concept.Inhoud, Gesprekken.Json);
            return invoer is null ? null : new Concept(invoer, concept.BijgewerktOp);
        }
        catch (JsonException)
        {
            // A draft of an older form version: start afresh rather than fail to open.
            return null;
        }
    }
}
