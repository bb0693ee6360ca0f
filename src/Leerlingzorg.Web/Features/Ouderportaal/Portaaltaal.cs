using System.Globalization;
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
