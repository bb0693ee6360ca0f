using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Documenten;
using Microsoft.AspNetCore.Authorization;

namespace Leerlingzorg.Web.Features.Ondersteuningspassen;

/// <summary>What the printed pass shows: no diagnosis, by construction.</summary>
public sealed record PasAfdruk(string School, string Leerling, string? Klas, IReadOnlyList<PasFaciliteitRegel> Faciliteiten,
    string Geldigheid, int Versie, DateOnly Afgedrukt)
{
    public static PasAfdruk Van(PasOverzicht overzicht, PasVersie pas)
    {
        ArgumentNullException.ThrowIfNull(overzicht);
        ArgumentNullException.ThrowIfNull(pas);
        return new(overzicht.School, overzicht.Leerling, overzicht.Klas, pas.Faciliteiten, pas.Geldigheid, pas.Versie, overzicht.Vandaag);
    }

    /// <summary>
    /// A self-contained HTML document (every value encoded, inline print CSS) of the pass as an A6 card to cut out of an
    /// A4 sheet: Chromium's command-line print-to-PDF keeps its default paper size, whatever the page's @page size says.
    /// </summary>
    public string Html()
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><title>Ondersteuningspas</title>
            <style>
            @page { size: A4; margin: 15mm; }
            * { box-sizing: border-box; }
            html, body { margin: 0; padding: 0; }
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a; font-size: 9.5pt;
                   -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            .knip { width: 150mm; border: 0.4mm dashed #888; padding: 0; }
            .pas { width: 100%; height: 105mm; padding: 6mm 8mm; display: flex; flex-direction: column; border-top: 5mm solid #1f5f8b; }
            .uitleg { width: 150mm; font-size: 7.5pt; color: #666; margin: 1.5mm 0 0; }
            .kop { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 0.4mm solid #1f5f8b; padding-bottom: 2mm; }
            .titel { font-size: 15pt; font-weight: bold; color: #1f5f8b; margin: 0; }
            .school { font-size: 9pt; color: #444; text-align: right; }
            .leerling { margin: 3mm 0 1mm; font-size: 13pt; font-weight: bold; }
            .klas { color: #444; font-weight: normal; font-size: 10pt; }
            h2 { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.06em; color: #1f5f8b; margin: 3mm 0 1.5mm; }
            ul { margin: 0; padding-left: 5mm; columns: 2; column-gap: 8mm; }
            li { margin: 0 0 1.2mm; break-inside: avoid; }
            .toelichting { color: #444; }
            .geldig { margin-top: auto; padding-top: 2mm; border-top: 0.3mm solid #ccc; display: flex; justify-content: space-between; font-size: 8.5pt; }
            .voet { font-size: 7.5pt; color: #555; margin-top: 1.5mm; }
            </style></head><body><div class="knip"><div class="pas">
            """);
        html.Append(CultureInfo.InvariantCulture, $"""<div class="kop"><p class="titel">Ondersteuningspas</p><div class="school">{e.Encode(School)}</div></div>""");
        html.Append(CultureInfo.InvariantCulture, $"""<p class="leerling">{e.Encode(Leerling)}""");
        if (Klas is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $""" <span class="klas">· klas {e.Encode(Klas)}</span>""");
        }
        html.Append("</p><h2>Faciliteiten</h2><ul>");
        foreach (var f in Faciliteiten)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><strong>{e.Encode(f.Naam)}</strong>");
            if (f.Toelichting is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<br><span class="toelichting">{e.Encode(f.Toelichting)}</span>""");
            }
            html.Append("</li>");
        }
        html.Append("</ul>");
        html.Append(CultureInfo.InvariantCulture, $"""<div class="geldig"><span><strong>{e.Encode(Geldigheid)}</strong></span><span>Versie {Versie}</span></div>""");
        html.Append(CultureInfo.InvariantCulture, $"""<p class="voet">Laat deze pas zien aan je docent bij lessen en toetsen. Afgedrukt op {e.Encode(PasVersie.Datum(Afgedrukt))}.</p>""");
        html.Append("""</div></div><p class="uitleg">Knip de pas uit langs de stippellijn (A6-formaat).</p></body></html>""");
        return html.ToString();
    }
}

/// <summary>
/// The printable pass as PDF: the read handler (need-to-know and audit) gives the pass, it is rendered as a
/// self-contained HTML document and printed by <see cref="ChromiumPdf"/>.
/// </summary>
public sealed class PasAfdrukkenHandler(PasBekijkenHandler bekijken, ChromiumPdf pdfMaker)
{
    public const string GeenPdf = "De pas kan nu niet als PDF worden gemaakt: de PDF-maker (Chromium) is niet beschikbaar op de server. Probeer het later opnieuw of neem contact op met de beheerder.";

    public async Task<Result<byte[]>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        var result = await bekijken.HandleAsync(leerlingId, cancellationToken);
        if (!result.IsGelukt)
        {
            return result.Fout;
        }
        if (result.Waarde.Huidig is not { } pas)
        {
            return Fout.NietGevonden("De ondersteuningspas");
        }
        var pdf = await pdfMaker.PdfAsync(PasAfdruk.Van(result.Waarde, pas).Html(), cancellationToken);
        return pdf is null ? new Fout(FoutSoort.Onbereikbaar, GeenPdf) : pdf;
    }
}

/// <summary><c>GET /leerlingen/{id}/ondersteuningspas.pdf</c>: the printable pass, for staff who may see the student.</summary>
public static class PasPdfEndpoint
{
    public static IEndpointConventionBuilder MapOndersteuningspasPdf(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/leerlingen/{id:guid}/ondersteuningspas.pdf", async (Guid id, PasAfdrukkenHandler handler, HttpContext context) =>
            PdfAntwoord.Van(await handler.HandleAsync(id, context.RequestAborted).BijStoring(), "ondersteuningspas.pdf", "De pas"))
            .RequireAuthorization(new AuthorizeAttribute { Roles = Rollen.Medewerkers });
}
