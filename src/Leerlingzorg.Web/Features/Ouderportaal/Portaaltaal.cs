using System.Globalization;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Infrastructure.Mail;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Leerlingzorg.Web.Features.Ouderportaal;

/// <summary>The texts of the parent portal: Portaaltekst.resx (Dutch) and Portaaltekst.en.resx (English).</summary>
public sealed class Portaaltekst
{
    private Portaaltekst()
    {
    }
}

/// <summary>
/// The language of the portal pages for this user: his own choice (the NL/EN switch, a cookie) or else his
/// <see cref="Ouder.Voorkeurstaal"/>. Staff pages stay Dutch: the request culture is not touched, only the portal's texts.
/// </summary>
public sealed class Portaaltaal(IStringLocalizer<Portaaltekst> teksten, IHttpContextAccessor http,
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public const string Cookie = "lz-portaaltaal";
    private static readonly CultureInfo Nederlands = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo Engelstalig = CultureInfo.GetCultureInfo("en-GB");
    private bool geladen;

    public bool Engels { get; private set; }

    public CultureInfo Cultuur => Engels ? Engelstalig : Nederlands;

    public async Task LaadAsync(CancellationToken cancellationToken = default)
    {
        if (geladen)
        {
            return;
        }
        var keuze = http.HttpContext?.Request.Cookies[Cookie];
        if (keuze is "en" or "nl")
        {
            Engels = keuze == "en";
        }
        else if (currentUser.Id is { } id)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var talen = await db.Ouders.Where(o => o.GebruikerId == id).Select(o => o.Voorkeurstaal).ToListAsync(cancellationToken);
            Engels = talen.Count > 0 && talen.Any(Ouderberichten.IsEngels);
        }
        geladen = true;
    }

    /// <summary>For tests and the switch within one circuit.</summary>
    public void Kies(bool engels) => (Engels, geladen) = (engels, true);

    public string this[string naam] => Vertaal(naam, []);

    public string this[string naam, params object[] waarden] => Vertaal(naam, waarden);

    private string Vertaal(string naam, object[] waarden)
    {
        var vorige = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Cultuur;
        try
        {
            var tekst = teksten[naam].Value;
            return waarden.Length == 0 ? tekst : string.Format(Cultuur, tekst, waarden);
        }
        finally
        {
            CultureInfo.CurrentUICulture = vorige;
        }
    }

    /// <summary>Whether the shell (app bar, menu) speaks the portal's language: only for a user who is a parent and nothing else.</summary>
    public bool IsPortaalgebruiker => currentUser.IsInRol(Rollen.Ouder) && currentUser.Rollen.All(r => r == Rollen.Ouder);

    /// <summary>A shell text: the portal's resource for a parent, the Dutch text for staff (whose shell is not touched).</summary>
    public string Shell(string naam, string nederlands) => IsPortaalgebruiker ? this[naam] : nederlands;

    /// <summary>The functions of a staff member (comma separated, as the audit stores them) in the parent's language.</summary>
    public string Functie(string rollen)
    {
        ArgumentNullException.ThrowIfNull(rollen);
        return string.Join(", ", rollen.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => Engels && teksten[$"Rol{r}"] is { ResourceNotFound: false } ? this[$"Rol{r}"] : Rollen.Weergave(r)));
    }

    // The audit's free-text details are Dutch and may name a meeting or an id; in English the parent reads the subject
    // (the first matching Dutch start, longest first) and the action instead. Dutch keeps the detail as it was logged.
    private static readonly (string Begin, string Naam)[] Onderwerpen =
    [
        ("ouderportaal: plan", "WatPortaalplan"), ("ouderportaal: toestemming", "WatPortaaltoestemming"),
        ("ouderportaal: wie keek", "WatPortaalwiekeek"), ("ouderportaal", "WatPortaal"),
        ("concept van een gesprek", "WatGesprek"), ("gesprek", "WatGesprek"),
        ("leerlingkaart", "WatLeerlingkaart"), ("leerlinggegevens", "WatLeerlinggegevens"),
        ("leerling ingeschreven", "WatInschrijving"), ("leerling uitgeschreven", "WatInschrijving"), ("uitgeschreven", "WatInschrijving"),
        ("schooljaarovergang", "WatSchooljaar"), ("import", "WatImport"),
        ("planversie", "WatPlan"), ("plan", "WatPlan"), ("opp", "WatPlan"), ("handelingsplan", "WatPlan"),
        ("ontwikkelingsperspectief", "WatPlan"), ("toestemming", "WatToestemming"),
        ("ondersteuningspas", "WatOndersteuningspas"), ("faciliteiten", "WatOndersteuningspas"), ("zorgladder", "WatZorgladder"),
        ("inzet", "WatInzet"), ("afspraak", "WatAfspraak"), ("ouder/verzorger", "WatOuder"),
        ("inventarisatieformulier", "WatInventarisatie"), ("klaslijst", "WatKlaslijst"), ("snel zoeken", "WatZoeken"), ("zoeken", "WatZoeken"),
        ("bespreking", "WatBespreking"), ("op de agenda", "WatBespreking"), ("agenda", "WatBespreking"), ("ingebracht", "WatBespreking"),
        ("deel van het verslag", "WatBespreking"), ("verslag", "WatBespreking"), ("notities", "WatBespreking"), ("besluit", "WatBespreking"),
        ("plaats op de agenda", "WatBespreking"),
    ];

    /// <summary>What an audit line says was done, in the parent's language.</summary>
    public string Wat(AuditActie actie, string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        if (!Engels)
        {
            return detail;
        }
        var onderwerp = Onderwerpen.FirstOrDefault(o => detail.StartsWith(o.Begin, StringComparison.OrdinalIgnoreCase)).Naam ?? "WatDossier";
        return this["WatRegel", this[onderwerp], this[$"Actie{actie}"]];
    }

    public string Datum(DateOnly datum) => datum.ToString("d MMMM yyyy", Cultuur);

    public string Datum(DateTimeOffset tijd) => Datum(Domain.Schoolkalender.DatumVan(tijd));

    public string Tijd(DateTimeOffset tijd) => Domain.Schoolkalender.Lokaal(tijd).ToString("d MMM yyyy HH:mm", Cultuur);

    public string Status(PlanStatus status) => this[$"PlanStatus{(int)status}"];

    /// <summary>The Domain's refusal in the parent's language; a field message without its own text keeps the Dutch one in Dutch.</summary>
    public string Fout(Planfout fout)
    {
        ArgumentNullException.ThrowIfNull(fout);
        if (fout.Code == Planfoutcode.Ongeldig)
        {
            return Engels ? this["RedenTeLang"] : fout.Melding;
        }
        return this[$"Planfout{(int)fout.Code}"];
    }

    public string Doel(ToestemmingDoel doel) => this[$"Doel{(int)doel}"];

    public string Relatie(OuderRelatie relatie) => this[relatie.ToString()];

    public string Soort(PlanSoort soort) => this[soort == PlanSoort.Opp ? "Opp" : "Handelingsplan"];
}
