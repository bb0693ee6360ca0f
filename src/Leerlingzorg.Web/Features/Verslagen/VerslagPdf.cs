using System.Text;
using System.Text.Encodings.Web;
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
        {
            var result = await handler.HandleAsync(id, context.RequestAborted).BijStoring();
            if (result.IsGelukt)
            {
                return Results.File(result.Waarde, "application/pdf", "verslag.pdf");
            }
            return result.Fout.Soort switch
            {
                FoutSoort.NietGevonden => Results.NotFound(),
                FoutSoort.GeenToegang => Results.Forbid(),
                _ => Results.Content($"""
                    <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Verslag</title></head>
                    <body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5">
                    <h1>Het verslag kan niet worden afgedrukt</h1><p>{HtmlEncoder.Default.Encode(result.Fout.Melding)}</p>
                    <p><a href="javascript:history.back()">Terug</a></p></body></html>
                    """, "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable),
            };
        }).RequireAuthorization(new AuthorizeAttribute { Roles = Rollen.Medewerkers });
}
