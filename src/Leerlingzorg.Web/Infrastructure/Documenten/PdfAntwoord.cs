using System.Text;
using System.Text.Encodings.Web;
using Leerlingzorg.Web.Features;

namespace Leerlingzorg.Web.Infrastructure.Documenten;

/// <summary>The HTTP answer of a PDF endpoint: the file, 404, 403, or a Dutch page saying why the PDF could not be made.</summary>
public static class PdfAntwoord
{
    public static IResult Van(Result<byte[]> result, string bestandsnaam, string wat)
    {
        if (result.IsGelukt)
        {
            return Results.File(result.Waarde, "application/pdf", bestandsnaam);
        }
        return result.Fout.Soort switch
        {
            FoutSoort.NietGevonden => Results.NotFound(),
            FoutSoort.GeenToegang => Results.Forbid(),
            _ => Results.Content($"""
                <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{HtmlEncoder.Default.Encode(wat)}</title></head>
                <body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5">
                <h1>{HtmlEncoder.Default.Encode(wat)} kan niet worden afgedrukt</h1><p>{HtmlEncoder.Default.Encode(result.Fout.Melding)}</p>
                <p><a href="javascript:history.back()">Terug</a></p></body></html>
                """, "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable),
        };
    }
}
