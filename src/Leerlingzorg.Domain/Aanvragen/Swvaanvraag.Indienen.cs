using System.Globalization;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;

namespace Leerlingzorg.Domain.Aanvragen;

/// <summary>What the school fills in to send an application (the dialog "Aanvraag bij het samenwerkingsverband").</summary>
public sealed record Aanvraaginvoer(
    Aanvraagsoort Soort, string? Vraag, string? Samenvatting, IReadOnlyList<Bijlage>? Bijlagen = null,
    GevraagdeOndersteuning? Gevraagd = null);

/// <summary>The fields of <see cref="Aanvraaginvoer"/>, for the message next to the field.</summary>
public enum AanvraagVeld
{
    Soort,
    Vraag,
    Samenvatting,
    Bijlagen,
    Opp,
    Ondersteuning,
    Van,
    Tot,
    Kosten,
    Toestemming,
    Leerlingen,
}

public sealed record Aanvraagfout(AanvraagVeld Veld, string Melding);

/// <summary>Who sends the application: for the SWV "name, function" (<see cref="Swvaanvraag.IngediendDoorNaam"/>).</summary>
public sealed record Indiener(Guid Id, string Naam, string Functie)
{
    public string Weergave => $"{Naam}, {Functie}";
}

/// <summary>What is known of the student at the school when sending: the identifying fields only (ADR 0010).</summary>
public sealed record Indienleerling(Leerling Leerling, string? Leerjaar, string? Niveau);

public sealed partial class Swvaanvraag
{
    public const int MaxSamenvatting = 8_000;
    public const int MaxBijlagen = 10;
    public const int MaxBijlageTitel = 200;
    public const int MaxBijlageTekst = 8_000;
    public const int MaxOndersteuningSoort = 200;
    public const int MaxIntensiteit = 200;
    public const decimal MaxKosten = 1_000_000m;
    /// <summary>An arrangement is granted for at most two school years at a time.</summary>
    public const int MaxJaren = 2;

    /// <summary>Whether this kind asks for support paid by the SWV (an arrangement or a TLV): those need the OPP in force and what is asked.</summary>
    public static bool VraagtOndersteuning(Aanvraagsoort soort) => soort is Aanvraagsoort.Individueel or Aanvraagsoort.Groep or Aanvraagsoort.Tlv;

    /// <summary>
    /// What is wrong with sending <paramref name="invoer"/> for <paramref name="leerling"/> (its Ouders with their Ouder
    /// loaded) on <paramref name="vandaag"/>, per field, in Dutch; empty when it may be sent. <paramref name="opp"/> is the
    /// OPP version in force (null when there is none); <paramref name="toestemmingen"/> the student's consents.
    /// </summary>
    public static IReadOnlyList<Aanvraagfout> Controleer(Leerling leerling, Aanvraaginvoer invoer, PlanVersie? opp,
        IEnumerable<Toestemming> toestemmingen, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        ArgumentNullException.ThrowIfNull(invoer);
        ArgumentNullException.ThrowIfNull(toestemmingen);
        var fouten = new List<Aanvraagfout>();
        if (!Enum.IsDefined(invoer.Soort))
        {
            fouten.Add(new(AanvraagVeld.Soort, "Kies wat u aanvraagt."));
        }
        fouten.AddRange(ControleerTeksten(invoer, "Vul een samenvatting van de situatie van de leerling in."));
        if (invoer.Soort == Aanvraagsoort.Groep)
        {
            fouten.Add(new(AanvraagVeld.Soort,
                "Een groepsarrangement is voor meer leerlingen samen: u vraagt het aan op de pagina ‘Aanvragen SWV’, waar u de leerlingen kiest."));
        }
        if (VraagtOndersteuning(invoer.Soort))
        {
            if (opp is null || !opp.IsInWerking || opp.LeerlingId != leerling.Id)
            {
                fouten.Add(new(AanvraagVeld.Opp,
                    $"Voor een {SoortInZin(invoer.Soort)} is een OPP nodig dat in werking is; {leerling.Voornaam} heeft dat (nog) niet."));
            }
            fouten.AddRange(ControleerGevraagd(invoer.Gevraagd));
        }
        var dekking = Toestemmingsregel.Dekking(leerling, ToestemmingDoel.DelenMetSwv, toestemmingen, vandaag);
        if (!dekking.IsGedekt)
        {
            fouten.Add(new(AanvraagVeld.Toestemming, Toestemmingsmelding(leerling, dekking)));
        }
        return fouten;
    }

    /// <summary>The consent message naming whose consent to share with the SWV is missing.</summary>
    public static string Toestemmingsmelding(Leerling leerling, Toestemmingsdekking dekking)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        ArgumentNullException.ThrowIfNull(dekking);
        var namen = leerling.Ouders.Where(o => o.Ouder is not null).ToDictionary(o => o.OuderId, o => o.Ouder!.VolledigeNaam);
        return $"Zonder toestemming voor ‘{ToestemmingDoel.DelenMetSwv.Weergave()}’ kan de aanvraag niet worden ingediend. "
            + dekking.Uitleg(namen);
    }

    /// <summary>The question, the summary (<paramref name="geenSamenvatting"/> when empty) and the attachments.</summary>
    private static IEnumerable<Aanvraagfout> ControleerTeksten(Aanvraaginvoer invoer, string geenSamenvatting)
    {
        var vraag = Tekst.Vrij(invoer.Vraag);
        if (vraag.Length == 0)
        {
            yield return new(AanvraagVeld.Vraag, "Vul de vraag aan het samenwerkingsverband in.");
        }
        else if (vraag.Length > MaxVraag)
        {
            yield return new(AanvraagVeld.Vraag, Hooguit("De vraag", MaxVraag, vraag.Length));
        }
        var samenvatting = Tekst.Vrij(invoer.Samenvatting);
        if (samenvatting.Length == 0)
        {
            yield return new(AanvraagVeld.Samenvatting, geenSamenvatting);
        }
        else if (samenvatting.Length > MaxSamenvatting)
        {
            yield return new(AanvraagVeld.Samenvatting, Hooguit("De samenvatting", MaxSamenvatting, samenvatting.Length));
        }
        var bijlagen = invoer.Bijlagen ?? [];
        if (bijlagen.Count > MaxBijlagen)
        {
            yield return new(AanvraagVeld.Bijlagen, $"Stuur hooguit {MaxBijlagen} bijlagen mee.");
        }
        foreach (var bijlage in bijlagen)
        {
            var titel = Tekst.Regel(bijlage.Titel);
            var tekst = Tekst.Vrij(bijlage.Tekst);
            if (titel.Length == 0 || tekst.Length == 0)
            {
                yield return new(AanvraagVeld.Bijlagen, "Een bijlage heeft een titel en een tekst.");
            }
            else if (titel.Length > MaxBijlageTitel)
            {
                yield return new(AanvraagVeld.Bijlagen, Hooguit($"De titel van bijlage ‘{titel[..40]}…’", MaxBijlageTitel, titel.Length));
            }
            else if (tekst.Length > MaxBijlageTekst)
            {
                yield return new(AanvraagVeld.Bijlagen, Hooguit($"De bijlage ‘{titel}’", MaxBijlageTekst, tekst.Length));
            }
        }
    }

    private static IEnumerable<Aanvraagfout> ControleerGevraagd(GevraagdeOndersteuning? gevraagd)
    {
        if (gevraagd is null)
        {
            yield return new(AanvraagVeld.Ondersteuning, "Vul in welke ondersteuning u vraagt: de soort, de periode en de kosten.");
            yield break;
        }
        var soort = Tekst.Regel(gevraagd.Soort);
        if (soort.Length == 0)
        {
            yield return new(AanvraagVeld.Ondersteuning, "Vul de soort ondersteuning in die u vraagt.");
        }
        else if (soort.Length > MaxOndersteuningSoort)
        {
            yield return new(AanvraagVeld.Ondersteuning, Hooguit("De soort ondersteuning", MaxOndersteuningSoort, soort.Length));
        }
        if (Tekst.Regel(gevraagd.Intensiteit).Length > MaxIntensiteit)
        {
            yield return new(AanvraagVeld.Ondersteuning, Hooguit("De intensiteit", MaxIntensiteit, Tekst.Regel(gevraagd.Intensiteit).Length));
        }
        if (gevraagd.Tot < gevraagd.Van)
        {
            yield return new(AanvraagVeld.Tot, "De einddatum ligt vóór de begindatum.");
        }
        else if (gevraagd.Tot >= gevraagd.Van.AddYears(MaxJaren))
        {
            yield return new(AanvraagVeld.Tot, $"Een arrangement wordt voor hooguit {MaxJaren} schooljaren aangevraagd.");
        }
        if (gevraagd.Kosten <= 0)
        {
            yield return new(AanvraagVeld.Kosten, "Vul de kosten in (meer dan € 0).");
        }
        else if (gevraagd.Kosten >= MaxKosten)
        {
            yield return new(AanvraagVeld.Kosten, "De kosten zijn minder dan € 1.000.000.");
        }
    }

    /// <summary>
    /// Sends an application to the student's samenwerkingsverband (<paramref name="swvId"/>, the school's): after
    /// <see cref="Controleer"/>, with a snapshot of the summary, the chosen attachments and (when there is one) the OPP
    /// version in force — its number, the day it took effect and a copy of its text — and the student's identifying fields
    /// only. Returns the messages instead when it may not be sent.
    /// </summary>
    public static (Swvaanvraag? Aanvraag, IReadOnlyList<Aanvraagfout> Fouten) Indien(Indienleerling wie, Guid swvId, Aanvraaginvoer invoer,
        PlanVersie? opp, IEnumerable<Toestemming> toestemmingen, DateTimeOffset nu, Indiener door)
    {
        ArgumentNullException.ThrowIfNull(wie);
        ArgumentNullException.ThrowIfNull(invoer);
        ArgumentNullException.ThrowIfNull(door);
        var leerling = wie.Leerling;
        var vandaag = Schoolkalender.DatumVan(nu);
        var fouten = Controleer(leerling, invoer, opp, toestemmingen, vandaag);
        if (fouten.Count > 0)
        {
            return (null, fouten);
        }
        var metOpp = opp is { IsInWerking: true } && opp.LeerlingId == leerling.Id ? opp : null;
        var aanvraag = Nieuw(swvId, leerling.SchoolId, invoer, nu, door);
        aanvraag.LeerlingId = leerling.Id;
        aanvraag.Leerling = Gegevens(wie);
        aanvraag.Snapshot = aanvraag.Snapshot with
        {
            OppVersie = metOpp?.Nummer,
            OppVanKrachtSinds = metOpp?.Ingang,
            // A copy: a record with init-only members and read-only lists, serialized into the SWV's row.
            Opp = metOpp?.Inhoud is { } inhoud ? inhoud with { } : null,
        };
        return (aanvraag, []);
    }

    /// <summary>What every application carries: the question, the summary and attachments, the support asked, who sent it when.</summary>
    private static Swvaanvraag Nieuw(Guid swvId, Guid schoolId, Aanvraaginvoer invoer, DateTimeOffset nu, Indiener door) => new()
    {
        SwvId = swvId,
        SchoolId = schoolId,
        Soort = invoer.Soort,
        Status = Aanvraagstatus.Ingediend,
        Vraag = Tekst.Vrij(invoer.Vraag),
        Snapshot = new Aanvraagsnapshot
        {
            Samenvatting = Tekst.Vrij(invoer.Samenvatting),
            Bijlagen = [.. (invoer.Bijlagen ?? []).Select(b => new Bijlage(Tekst.Regel(b.Titel), Tekst.Vrij(b.Tekst)))],
        },
        Gevraagd = VraagtOndersteuning(invoer.Soort) && invoer.Gevraagd is { } g
            ? g with { Soort = Tekst.Regel(g.Soort), Intensiteit = Tekst.RegelOfNull(g.Intensiteit) }
            : null,
        IngediendOp = nu,
        IngediendDoor = door.Id,
        IngediendDoorNaam = Tekst.Regel(door.Weergave) is { Length: > 200 } lang ? lang[..200] : Tekst.Regel(door.Weergave),
    };

    /// <summary>The student's identifying fields as the SWV keeps them (ADR 0010).</summary>
    private static Leerlinggegevens Gegevens(Indienleerling wie) => new(
        wie.Leerling.VolledigeNaam, wie.Leerling.Geboortedatum, Tekst.RegelOfNull(wie.Leerjaar), Tekst.RegelOfNull(wie.Niveau));

    /// <summary>The kind in words, as in a sentence ("een individueel arrangement").</summary>
    public static string SoortInZin(Aanvraagsoort soort) => soort switch
    {
        Aanvraagsoort.CtoAdvies => "CTO-adviesaanvraag",
        Aanvraagsoort.Individueel => "individueel arrangement",
        Aanvraagsoort.Groep => "groepsarrangement",
        Aanvraagsoort.Tlv => "toelaatbaarheidsverklaring (TLV)",
        _ => soort.ToString(),
    };

    /// <summary>The outcome in words.</summary>
    public static string UitkomstInWoorden(Besluituitkomst uitkomst) => uitkomst switch
    {
        Besluituitkomst.Toegekend => "toegekend",
        Besluituitkomst.DeelsToegekend => "deels toegekend",
        Besluituitkomst.Afgewezen => "afgewezen",
        Besluituitkomst.Geadviseerd => "advies gegeven",
        _ => uitkomst.ToString(),
    };

    /// <summary>The status in words.</summary>
    public static string StatusInWoorden(Aanvraagstatus status) => status switch
    {
        Aanvraagstatus.Ingediend => "Ingediend",
        Aanvraagstatus.InBehandeling => "In behandeling",
        Aanvraagstatus.Besloten => "Besloten",
        Aanvraagstatus.Ingetrokken => "Ingetrokken",
        _ => status.ToString(),
    };

    /// <summary>"€ 12.500,00" in Dutch notation.</summary>
    public static string InEuro(decimal bedrag) => "€ " + bedrag.ToString("N2", CultureInfo.GetCultureInfo("nl-NL"));

    private static string Hooguit(string wat, int max, int nu) =>
        $"{wat} heeft hooguit {max.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))} tekens; nu {nu.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))}.";
}
