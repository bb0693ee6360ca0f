namespace Leerlingzorg.Web.Features.Aanmeldingen;

/// <summary>The steps the detail page opens <c>StapDialog</c> for.</summary>
public enum Stapsoort
{
    Verlengen,
    Intake,
    Onderzoek,
    Besluit,
    Koppelen,
    Intrekken,
}
