using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Features.Besprekingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Verslagen;

public sealed record VerslagAfspraak(string Wat, string Eigenaar, DateOnly? Deadline, bool Afgerond);

/// <summary>
/// One student's part of the verslag. <see cref="Afgeschermd"/>: marked Vertrouwelijk and the reader is no organisator of
/// the meeting — the part shows that it exists, not what it says.
/// </summary>
public sealed record VerslagDeel(Guid Id, int Volgorde, string Leerling, string? Klas, bool Anoniem, Vertrouwelijkheid Niveau, bool Afgeschermd,
    string? Vraag, Vierslag Antwoorden, IReadOnlyList<VerslagAfspraak> Afspraken, DateOnly? VerwijsindexOp);

public sealed record Verslag(Guid Id, string School, string Naam, BesprekingSoort Soort, BesprekingStatus Status, DateOnly Datum, TimeOnly Begin,
    TimeOnly? Einde, string? Plaats, string Voorzitter, IReadOnlyList<string> Deelnemers, IReadOnlyList<string> Partners, IReadOnlyList<string> Klassen,
    DateTimeOffset? AfgeslotenOp, IReadOnlyList<VerslagDeel> Delen, bool IsOrganisator, int Versie, DateOnly Vandaag, string? Klasnotities = null)
{
    public static string Dag(DateOnly datum) => datum.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));

    public string Tijd => Einde is { } e ? $"{Begin:HH\\:mm}–{e:HH\\:mm}" : Begin.ToString("HH\\:mm", CultureInfo.InvariantCulture);

    /// <summary>The verslag as a self-contained A4 HTML document for the archive (every value encoded, inline print CSS).</summary>
    public string Html()
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><title>Verslag</title>
            <style>
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a; font-size: 10pt; line-height: 1.4; }
            h1 { font-size: 17pt; color: #1f5f8b; margin: 0 0 1mm; }
            .sub { color: #444; margin: 0 0 4mm; }
            table.kop { border-collapse: collapse; margin-bottom: 5mm; }
            table.kop th { text-align: left; padding: 0.6mm 4mm 0.6mm 0; color: #555; font-weight: normal; vertical-align: top; }
            table.kop td { padding: 0.6mm 0; }
            .deel { border-top: 0.4mm solid #1f5f8b; padding-top: 2mm; margin-top: 4mm; break-inside: avoid; }
            .deel h2 { font-size: 12pt; margin: 0 0 1mm; }
            .niveau { font-size: 8pt; color: #555; border: 0.3mm solid #999; border-radius: 1mm; padding: 0 1.5mm; margin-left: 2mm; font-weight: normal; }
            h3 { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.05em; color: #1f5f8b; margin: 2mm 0 0.5mm; }
            p { margin: 0 0 1mm; white-space: pre-line; }
            ul { margin: 0; padding-left: 5mm; }
            .stil { color: #666; font-style: italic; }
            .voet { margin-top: 8mm; font-size: 8pt; color: #555; border-top: 0.3mm solid #ccc; padding-top: 2mm; }
            </style></head><body>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<h1>Verslag {e.Encode(Naam)}</h1><p class=\"sub\">{e.Encode(School)}</p>");
        html.Append("<table class=\"kop\">");
        void Rij(string kop, string? waarde)
        {
            if (!string.IsNullOrWhiteSpace(waarde))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th>{e.Encode(kop)}</th><td>{e.Encode(waarde)}</td></tr>");
            }
        }
        Rij("Datum", $"{Dag(Datum)}, {Tijd}");
        Rij("Plaats", Plaats);
        Rij("Klassen", string.Join(", ", Klassen));
        Rij("Voorzitter", Voorzitter);
        Rij("Deelnemers", string.Join(", ", Deelnemers));
        Rij("Externe deelnemers", string.Join(", ", Partners));
        Rij("Status", Status == BesprekingStatus.Afgesloten && AfgeslotenOp is { } af
            ? $"afgesloten op {Dag(Schoolkalender.DatumVan(af))}" : "nog niet afgesloten (concept)");
        html.Append("</table>");
        if (Klasnotities is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"deel\"><h2>De klas als geheel</h2><p>{e.Encode(Klasnotities)}</p></div>");
        }
        foreach (var deel in Delen)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"deel\"><h2>{deel.Volgorde}. {e.Encode(deel.Leerling)}");
            if (deel.Klas is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $" <span class=\"niveau\">{e.Encode(deel.Klas)}</span>");
            }
            html.Append(CultureInfo.InvariantCulture, $" <span class=\"niveau\">{e.Encode(Gesprekken.Gesprekken.Weergave(deel.Niveau))}</span></h2>");
            if (deel.Afgeschermd)
            {
                html.Append("<p class=\"stil\">Vertrouwelijk besproken: alleen de voorzitter en de zorgcoördinator lezen dit deel.</p></div>");
                continue;
            }
            void Vraag(string kop, string? tekst)
            {
                if (!string.IsNullOrWhiteSpace(tekst))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<h3>{e.Encode(kop)}</h3><p>{e.Encode(tekst)}</p>");
                }
            }
            Vraag("Vraag van de mentor", deel.Vraag);
            Vraag("Wat gaat goed?", deel.Antwoorden.WatGaatGoed);
            Vraag("Wat is het probleem?", deel.Antwoorden.Probleem);
            Vraag("Wat is de oorzaak?", deel.Antwoorden.Oorzaak);
            Vraag("Wat doen we eraan?", deel.Antwoorden.Aanpak);
            if (deel.Antwoorden.IsLeeg && deel.Vraag is null)
            {
                html.Append("<p class=\"stil\">Niet besproken.</p>");
            }
            if (deel.Afspraken.Count > 0)
            {
                html.Append("<h3>Afspraken</h3><ul>");
                foreach (var a in deel.Afspraken)
                {
                    var deadline = a.Deadline is { } d ? $", vóór {d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))}" : "";
                    html.Append(CultureInfo.InvariantCulture, $"<li>{e.Encode(a.Wat)} <span class=\"stil\">({e.Encode(a.Eigenaar + deadline)})</span></li>");
                }
                html.Append("</ul>");
            }
            if (deel.VerwijsindexOp is { } vi)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>Besloten tot melding in de Verwijsindex op {e.Encode(vi.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")))}.</p>");
            }
            html.Append("</div>");
        }
        if (Delen.Count == 0 && Klasnotities is null)
        {
            html.Append("<p class=\"stil\">Er stonden geen leerlingen op de agenda.</p>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"voet\">Vertrouwelijk leerlingdossier. Gemaakt met Leerlingzorg op {e.Encode(Dag(Vandaag))}.</p></body></html>");
        return html.ToString();
    }
}

/// <summary>
/// The verslag of a meeting, for those who take part in it (<see cref="Besprekingtoegang"/>): every student's part in the
/// agenda's order with his afspraken; a part marked Vertrouwelijk only for the organisators. Audited per student shown.
/// </summary>
public sealed class VerslagLezenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Verslag>> HandleAsync(Guid besprekingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BesprekingslezerAsync(currentUser, besprekingId, cancellationToken: cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De bespreking");
        }
        var b = lezer.Bespreking;
        var deelnemerIds = b.Deelnemers.Select(d => d.GebruikerId).ToList();
        var namen = await db.Users.Where(u => u.Id == b.VoorzitterId || deelnemerIds.Contains(u.Id))
            .Select(u => new { u.Id, Naam = LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam) })
            .ToDictionaryAsync(u => u.Id, u => u.Naam, cancellationToken);
        var partnerIds = b.Partners.Select(p => p.PartnerId).ToList();
        var partners = await db.Partners.Where(p => partnerIds.Contains(p.Id)).OrderBy(p => p.Naam)
            .Select(p => new { p.Naam, p.Organisatie, p.Functie }).ToListAsync(cancellationToken);
        var klasIds = b.Klassen.Select(k => k.KlasId).ToList();
        var klassen = await db.Klassen.Where(k => klasIds.Contains(k.Id)).OrderBy(k => k.Naam).Select(k => k.Naam).ToListAsync(cancellationToken);
        var delen = await db.Agendapunten.Where(p => p.BesprekingId == b.Id).OrderBy(p => p.Volgorde)
            .Select(p => new
            {
                Punt = p,
                Leerling = db.Leerlingen.Where(l => l.Id == p.LeerlingId)
                    .Select(l => new { Naam = LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam), Klas = l.Klas!.Naam })
                    .FirstOrDefault(),
                Afspraken = db.Afspraken.Where(a => a.AgendapuntId == p.Id).OrderBy(a => a.AangemaaktOp)
                    .Select(a => new VerslagAfspraak(a.Wat,
                        db.Users.Where(u => u.Id == a.EigenaarId).Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam)).FirstOrDefault() ?? "",
                        a.Deadline, a.AfgerondOp != null))
                    .ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var school = await db.Scholen.Where(s => s.Id == currentUser.SchoolId).Select(s => s.Naam).FirstOrDefaultAsync(cancellationToken) ?? "";
        var verslag = new Verslag(b.Id, school, b.Naam, b.Soort, b.Status, b.Datum, b.Begin, b.Einde, b.Plaats,
            namen.GetValueOrDefault(b.VoorzitterId, ""),
            [.. deelnemerIds.Where(id => id != b.VoorzitterId).Select(id => namen.GetValueOrDefault(id, "")).Where(n => n.Length > 0).Order(StringComparer.CurrentCulture)],
            [.. partners.Select(p => $"{p.Naam} ({p.Functie.Weergave()}, {p.Organisatie})")],
            klassen, b.AfgeslotenOp,
            [.. delen.Select(d =>
            {
                var afgeschermd = d.Punt.Vertrouwelijkheid == Vertrouwelijkheid.Vertrouwelijk && !lezer.IsOrganisator;
                return new VerslagDeel(d.Punt.Id, d.Punt.Volgorde,
                    d.Punt.Anoniem ? "Anoniem besproken" : d.Leerling?.Naam ?? "", d.Punt.Anoniem ? null : d.Leerling?.Klas,
                    d.Punt.Anoniem, d.Punt.Vertrouwelijkheid, afgeschermd,
                    afgeschermd ? null : d.Punt.Vraag, afgeschermd ? Vierslag.Leeg : d.Punt.Antwoorden,
                    afgeschermd ? [] : d.Afspraken, afgeschermd ? null : d.Punt.VerwijsindexOp);
            })],
            lezer.IsOrganisator, b.Versie, Schoolkalender.Vandaag(time), b.Klasnotities);
        var getoond = delen.Where(d => !(d.Punt.Vertrouwelijkheid == Vertrouwelijkheid.Vertrouwelijk && !lezer.IsOrganisator)).Select(d => d.Punt.LeerlingId).ToList();
        await audit.ReadListAsync(getoond, $"verslag van {b.Naam} van {b.Datum:yyyy-MM-dd} ({b.Id})", cancellationToken);
        return verslag;
    }
}
