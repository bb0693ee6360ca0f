using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Infrastructure.Documenten;
using Microsoft.AspNetCore.Authorization;

namespace Leerlingzorg.Web.Features.Planversies;

/// <summary>The print page of one version: a self-contained A4 HTML document (every value encoded, inline print CSS like the verslag).</summary>
public static class PlanversieAfdruk
{
    public static string Html(PlanversieWeergave versie)
    {
        ArgumentNullException.ThrowIfNull(versie);
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>").Append(e.Encode(versie.Titel))
            .Append("</title>\n<style>\n@page { size: A4; margin: 18mm 16mm; }\n");
        html.Append("""
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a; font-size: 10pt; line-height: 1.4; }
            h1 { font-size: 17pt; color: #1f5f8b; margin: 0 0 1mm; }
            .sub { color: #444; margin: 0 0 4mm; }
            table.kop { border-collapse: collapse; margin-bottom: 5mm; }
            table.kop th { text-align: left; padding: 0.6mm 4mm 0.6mm 0; color: #555; font-weight: normal; vertical-align: top; }
            table.kop td { padding: 0.6mm 0; }
            .deel { border-top: 0.4mm solid #1f5f8b; padding-top: 2mm; margin-top: 4mm; break-inside: avoid; }
            .deel h2 { font-size: 12pt; margin: 0 0 1mm; }
            table.regels { border-collapse: collapse; width: 100%; }
            table.regels th, table.regels td { text-align: left; border-bottom: 0.2mm solid #ccc; padding: 1mm 2mm 1mm 0; vertical-align: top; }
            table.regels th { color: #555; font-weight: normal; }
            h3 { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.05em; color: #1f5f8b; margin: 2mm 0 0.5mm; }
            p { margin: 0 0 1mm; white-space: pre-line; }
            ul { margin: 0; padding-left: 5mm; }
            .stil { color: #666; font-style: italic; }
            .voet { margin-top: 8mm; font-size: 8pt; color: #555; border-top: 0.3mm solid #ccc; padding-top: 2mm; }
            </style></head><body>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<h1>{e.Encode(versie.Titel)}</h1><p class=\"sub\">{e.Encode(versie.School)}</p>");
        html.Append("<table class=\"kop\">");
        void Rij(string kop, string? waarde)
        {
            if (!string.IsNullOrWhiteSpace(waarde))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th>{e.Encode(kop)}</th><td>{e.Encode(waarde)}</td></tr>");
            }
        }
        Rij("Leerling", versie.Leerling + (versie.Klas is null ? "" : $" ({versie.Klas})"));
        Rij("Versie", versie.Nummer.ToString(CultureInfo.InvariantCulture));
        Rij("Status", PlanVersie.Weergave(versie.Status));
        Rij("Ondersteuning nodig sinds", PlanversieWeergave.Dag(versie.NodigSinds));
        foreach (var (wat, wanneer) in versie.Data)
        {
            Rij(wat, wanneer);
        }
        html.Append("</table>");

        html.Append("<div class=\"deel\"><h2>Handelingsdeel</h2>");
        if (versie.Soort == PlanSoort.Opp)
        {
            html.Append("<p class=\"stil\">Over dit deel beslissen de ouders met gezag (en de leerling vanaf 16 jaar).</p>");
        }
        if (versie.Inhoud.Handelingsdeel.Count == 0)
        {
            html.Append("<p class=\"stil\">Nog niet ingevuld.</p>");
        }
        else
        {
            html.Append("<table class=\"regels\"><tr><th>Ondersteuning</th><th>Wie</th><th>Hoe vaak</th></tr>");
            foreach (var regel in versie.Inhoud.Handelingsdeel)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{e.Encode(regel.Ondersteuning)}</td><td>{e.Encode(regel.Wie ?? "")}</td><td>{e.Encode(regel.HoeVaak ?? "")}</td></tr>");
            }
            html.Append("</table>");
        }
        html.Append("</div>");

        foreach (var sectie in versie.Secties)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"deel\"><h2>{e.Encode(sectie.Naam)}</h2>");
            html.Append(sectie.Tekst is null ? "<p class=\"stil\">Niet ingevuld.</p>" : $"<p>{e.Encode(sectie.Tekst)}</p>");
            html.Append("</div>");
        }
        if (versie.Evaluatie is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"deel\"><h2>Evaluatie</h2><p>{e.Encode(versie.Evaluatie)}</p></div>");
        }

        html.Append("<div class=\"deel\"><h2>Besluiten</h2>");
        if (versie.Besluiten.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"stil\">{(versie.Soort == PlanSoort.Opp ? "Deze versie is (nog) niet ter instemming voorgelegd." : "Een handelingsplan wordt vastgesteld; de ouders worden geïnformeerd.")}</p>");
        }
        else
        {
            html.Append("<ul>");
            foreach (var besluit in versie.Besluiten)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><strong>{e.Encode(besluit.Wie)}</strong>: {e.Encode(PlanversieWeergave.Omschrijving(besluit))}");
                if (besluit.Reden is not null)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<br><span class=\"stil\">Reden: </span>{e.Encode(besluit.Reden)}");
                }
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        html.Append("</div>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"voet\">{e.Encode(versie.School)} — vertrouwelijk: zorgdossier van {e.Encode(versie.Leerling)}.</p>");
        html.Append("</body></html>");
        return html.ToString();
    }
}

/// <summary>One version as PDF: read through <see cref="PlanversieLezenHandler"/> (Zorg level, audit), printed by Chromium.</summary>
public sealed class PlanversieAfdrukkenHandler(PlanversieLezenHandler lezen, ChromiumPdf pdfMaker)
{
    public const string GeenPdf = "Het plan kan nu niet als PDF worden gemaakt: de PDF-maker (Chromium) is niet beschikbaar op de server. Probeer het later opnieuw of neem contact op met de beheerder.";

    public async Task<Result<byte[]>> HandleAsync(Guid versieId, CancellationToken cancellationToken = default)
    {
        var result = await lezen.HandleAsync(versieId, cancellationToken);
        if (!result.IsGelukt)
        {
            return result.Fout;
        }
        var pdf = await pdfMaker.PdfAsync(PlanversieAfdruk.Html(result.Waarde), cancellationToken);
        return pdf is null ? new Fout(FoutSoort.Onbereikbaar, GeenPdf) : pdf;
    }
}

/// <summary><c>GET /plannen/versies/{versieId}.pdf</c>: one version of a plan, for the staff who read it at Zorg level.</summary>
public static class PlanversiePdfEndpoint
{
    public static IEndpointConventionBuilder MapPlanversiePdf(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/plannen/versies/{versieId:guid}.pdf", async (Guid versieId, PlanversieAfdrukkenHandler handler, HttpContext context) =>
            PdfAntwoord.Van(await handler.HandleAsync(versieId, context.RequestAborted).BijStoring(), "plan.pdf", "Het plan"))
            .RequireAuthorization(new AuthorizeAttribute { Roles = Rollen.Medewerkers });
}
