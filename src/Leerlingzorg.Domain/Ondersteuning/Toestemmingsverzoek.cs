using Leerlingzorg.Domain.Leerlingen;

namespace Leerlingzorg.Domain.Ondersteuning;

public enum VerzoekStatus
{
    Open = 1,
    /// <summary>The parent gave consent in the portal: a <see cref="Toestemming"/> with <see cref="ToestemmingWijze.Portaal"/> exists.</summary>
    Gegeven = 2,
    Geweigerd = 3,
    /// <summary>The school took the request back before it was answered.</summary>
    Ingetrokken = 4,
}

/// <summary>
/// A request for consent sent to one ouder with gezag through the portal (issue 11): the purpose, why the school asks,
/// and the parent's answer. Giving records a consent in the register (the same records staff keep); refusing keeps the
/// refusal. A Zorg-level dossier entry.
/// </summary>
public sealed class Toestemmingsverzoek : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    public Guid OuderId { get; set; }
    public ToestemmingDoel Doel { get; set; }
    public string? Partner { get; set; }
    /// <summary>Why the school asks, in words the parent reads.</summary>
    public required string Toelichting { get; set; }
    /// <summary>Until when the consent would hold; null: until withdrawn.</summary>
    public DateOnly? GeldigTot { get; set; }
    public DateTimeOffset GevraagdOp { get; set; }
    public Guid GevraagdDoor { get; set; }
    public VerzoekStatus Status { get; set; } = VerzoekStatus.Open;
    public DateTimeOffset? BeantwoordOp { get; set; }
    /// <summary>The parent's reason for refusing (optional: a parent need not explain a no).</summary>
    public string? Reden { get; set; }
    public Guid? ToestemmingId { get; set; }
    public int Versie { get; set; } = 1;

    public const int MaxToelichting = 2_000;
    public const int MaxReden = 2_000;

    /// <summary>
    /// Asks <paramref name="ouderId"/> (an ouder with gezag of <paramref name="leerling"/>, its Ouders loaded) for consent.
    /// Returns the Dutch message per field when the request may not be sent.
    /// </summary>
    public static (Toestemmingsverzoek? Verzoek, IReadOnlyList<Toestemmingsfout> Fouten) Vraag(Leerling leerling, Guid ouderId,
        ToestemmingDoel doel, string? partner, string? toelichting, DateOnly? geldigTot, DateOnly vandaag, DateTimeOffset nu, Guid door)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        var fouten = new List<Toestemmingsfout>();
        if (!Enum.IsDefined(doel))
        {
            fouten.Add(new(ToestemmingVeld.Doel, "Kies waarvoor u toestemming vraagt."));
        }
        var relatie = leerling.Ouders.FirstOrDefault(o => o.OuderId == ouderId);
        if (relatie is null || !leerling.HeeftGezag(relatie, vandaag))
        {
            fouten.Add(new(ToestemmingVeld.Wie, "Alleen een ouder of voogd met gezag kan toestemming geven."));
        }
        var naam = Tekst.RegelOfNull(partner);
        if (Toestemming.VraagtPartner(doel) && naam is null)
        {
            fouten.Add(new(ToestemmingVeld.Partner, "Noem de partner waarvoor u toestemming vraagt."));
        }
        if (naam is { Length: > Toestemming.MaxPartner })
        {
            fouten.Add(new(ToestemmingVeld.Partner, $"De naam van de partner is hoogstens {Toestemming.MaxPartner} tekens."));
        }
        var uitleg = Tekst.Vrij(toelichting);
        if (uitleg.Length == 0)
        {
            fouten.Add(new(ToestemmingVeld.Opmerking, "Leg de ouder uit waarom u om toestemming vraagt."));
        }
        if (uitleg.Length > MaxToelichting)
        {
            fouten.Add(new(ToestemmingVeld.Opmerking, $"De toelichting is hoogstens {MaxToelichting} tekens."));
        }
        if (geldigTot is { } tot && tot <= vandaag)
        {
            fouten.Add(new(ToestemmingVeld.GeldigTot, "De einddatum van de toestemming ligt niet in de toekomst."));
        }
        if (fouten.Count > 0)
        {
            return (null, fouten);
        }
        return (new Toestemmingsverzoek
        {
            SchoolId = leerling.SchoolId,
            LeerlingId = leerling.Id,
            OuderId = ouderId,
            Doel = doel,
            Partner = Toestemming.VraagtPartner(doel) ? naam : null,
            Toelichting = uitleg,
            GeldigTot = geldigTot,
            GevraagdOp = nu,
            GevraagdDoor = door,
        }, []);
    }

    /// <summary>
    /// The parent gives consent in the portal: records it in the register as given by him through the portal today. He
    /// must still hold gezag; an answered or withdrawn request is not answered again.
    /// </summary>
    public (Toestemming? Toestemming, IReadOnlyList<Toestemmingsfout> Fouten) Geef(Leerling leerling, DateOnly vandaag, DateTimeOffset nu, Guid gebruikerId)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        if (Status != VerzoekStatus.Open)
        {
            return (null, [new(ToestemmingVeld.Doel, "Dit verzoek is al beantwoord of ingetrokken.")]);
        }
        var gegevens = new Toestemmingsgegevens(Doel, OuderId, ToestemmingWijze.Portaal, vandaag,
            GeldigTot is { } tot && tot > vandaag ? tot : null, Partner, "Gegeven via het ouderportaal.");
        var fouten = Toestemming.Controleer(leerling, gegevens, vandaag);
        if (fouten.Count > 0)
        {
            return (null, fouten);
        }
        var toestemming = Toestemming.Geef(leerling, gegevens, vandaag, nu, gebruikerId);
        (Status, BeantwoordOp, ToestemmingId) = (VerzoekStatus.Gegeven, nu, toestemming.Id);
        Versie++;
        return (toestemming, []);
    }

    public Toestemmingsfout? Weiger(string? reden, DateTimeOffset nu)
    {
        if (Status != VerzoekStatus.Open)
        {
            return new(ToestemmingVeld.Doel, "Dit verzoek is al beantwoord of ingetrokken.");
        }
        var tekst = Tekst.VrijOfNull(reden);
        if (tekst is { Length: > MaxReden })
        {
            return new(ToestemmingVeld.Opmerking, $"De reden is hoogstens {MaxReden} tekens.");
        }
        (Status, BeantwoordOp, Reden) = (VerzoekStatus.Geweigerd, nu, tekst);
        Versie++;
        return null;
    }

    /// <summary>The school takes an unanswered request back.</summary>
    public Toestemmingsfout? TrekIn(DateTimeOffset nu)
    {
        if (Status != VerzoekStatus.Open)
        {
            return new(ToestemmingVeld.Doel, "Dit verzoek is al beantwoord.");
        }
        (Status, BeantwoordOp) = (VerzoekStatus.Ingetrokken, nu);
        Versie++;
        return null;
    }
}
