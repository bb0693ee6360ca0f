using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Documenten;
using Microsoft.AspNetCore.Authorization;

namespace Leerlingzorg.Web.Features.Verslagen;

/// <summary>The verslag as PDF for the archive: read through <see cref="VerslagLezenHandler"/> (who takes part, audit), printed by Chromium.</summary>
public sealed class VerslagAfdrukkenHandler(VerslagLezenHandler lezen, ChromiumPdf pdfMaker)
{
    public const string GeenPdf = "Het verslag kan nu niet als PDF worden gemaakt: de PDF-maker (Chromium) is niet beschikbaar op de server. Probeer het later opnieuw of neem contact op met de beheerder.";

    public async Task<Result<byte[]>> HandleAsync(Guid besprekingId, CancellationToken cancellationToken = default)
    {
        var result = await lezen.HandleAsync(besprekingId, cancellationToken);
        if (!result.IsGelukt)
        {
            return result.Fout;
        }
        var pdf = await pdfMaker.PdfAsync(result.Waarde.Html(), cancellationToken);
        return pdf is null ? new Fout(FoutSoort.Onbereikbaar, GeenPdf) : pdf;
    }
}

/// <summary><c>GET /besprekingen/{id}/verslag.pdf</c>: the verslag of a meeting, for those who take part in it.</summary>
public static class VerslagPdfEndpoint
{
    public static IEndpointConventionBuilder MapVerslagPdf(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/besprekingen/{id:guid}/verslag.pdf", async (Guid id, VerslagAfdrukkenHandler handler, HttpContext context) =>
            PdfAntwoord.Van(await handler.HandleAsync(id, context.RequestAborted).BijStoring(), "verslag.pdf", "Het verslag"))
            .RequireAuthorization(new AuthorizeAttribute { Roles = Rollen.Medewerkers });
}
