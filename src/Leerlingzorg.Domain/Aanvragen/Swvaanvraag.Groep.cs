using Leerlingzorg.Domain.Ondersteuning;

namespace Leerlingzorg.Domain.Aanvragen;

/// <summary>
/// One student of a group arrangement as the school sent him (ADR 0010): the identifying fields only, and the number of
/// the OPP version in force, if any. Sent with the application, never changed; the SWV reads it, the school its own.
/// </summary>
public sealed class Groepslid : ISwvIngediend
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SwvId { get; set; }
    public Guid SchoolId { get; set; }
    public Guid AanvraagId { get; set; }
    public Guid LeerlingId { get; set; }
    public Leerlinggegevens Leerling { get; set; } = null!;
    public int? OppVersie { get; set; }
}

/// <summary>A student the school chose for a group arrangement, with what the rules need of him.</summary>
/// <param name="OppVersie">The number of his OPP version in force; null when he has none (yet).</param>
public sealed record Groepskandidaat(Indienleerling Wie, int? OppVersie, IReadOnlyList<Toestemming> Toestemmingen);

public sealed partial class Swvaanvraag
{
    /// <summary>A group arrangement is for two students or more; for one the school asks an individual arrangement.</summary>
    public const int MinGroep = 2;
    public const int MaxGroep = 30;

    /// <summary>A group arrangement: the number of students in it (<see cref="Groepslid"/>); null for one student's application.</summary>
    public int? Groepsgrootte { get; set; }

    /// <summary>
    /// What is wrong with sending a group arrangement (<paramref name="invoer"/>, kind <see cref="Aanvraagsoort.Groep"/>) for
    /// <paramref name="leden"/> on <paramref name="vandaag"/>: the texts and the support asked as for one student, two to
    /// <see cref="MaxGroep"/> different students of one school, and for every one of them the consent to share with the
    /// SWV (the message names him). An OPP is not asked now: the group's summary describes the shared need, and each
    /// student's OPP follows within six weeks of placement.
    /// </summary>
    public static IReadOnlyList<Aanvraagfout> ControleerGroep(IReadOnlyList<Groepskandidaat> leden, Aanvraaginvoer invoer, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(leden);
        ArgumentNullException.ThrowIfNull(invoer);
        var fouten = new List<Aanvraagfout>();
        if (invoer.Soort != Aanvraagsoort.Groep)
        {
            fouten.Add(new(AanvraagVeld.Soort, "Een aanvraag voor meer leerlingen samen is een groepsarrangement."));
        }
        fouten.AddRange(ControleerTeksten(invoer, "Vul een samenvatting in: wat de groep gemeen heeft en wat de school al deed."));
        fouten.AddRange(ControleerGevraagd(invoer.Gevraagd));
        var verschillend = leden.DistinctBy(l => l.Wie.Leerling.Id).ToList();
        if (verschillend.Count < MinGroep)
        {
            fouten.Add(new(AanvraagVeld.Leerlingen,
                $"Kies ten minste {MinGroep} leerlingen voor een groepsarrangement; voor één leerling vraagt u op zijn pagina een individueel arrangement aan."));
        }
        else if (verschillend.Count > MaxGroep)
        {
            fouten.Add(new(AanvraagVeld.Leerlingen, $"Een groepsarrangement is voor hooguit {MaxGroep} leerlingen; nu {verschillend.Count}."));
        }
        if (verschillend.Select(l => l.Wie.Leerling.SchoolId).Distinct().Count() > 1)
        {
            fouten.Add(new(AanvraagVeld.Leerlingen, "Alle leerlingen van een groepsarrangement zitten op uw school."));
        }
        foreach (var lid in verschillend)
        {
            var dekking = Toestemmingsregel.Dekking(lid.Wie.Leerling, ToestemmingDoel.DelenMetSwv, lid.Toestemmingen, vandaag);
            if (!dekking.IsGedekt)
            {
                fouten.Add(new(AanvraagVeld.Toestemming, $"{lid.Wie.Leerling.VolledigeNaam}: " + Toestemmingsmelding(lid.Wie.Leerling, dekking)));
            }
        }
        return fouten;
    }

    /// <summary>
    /// Sends a group arrangement to the school's samenwerkingsverband after <see cref="ControleerGroep"/>: one application
    /// (no single student, no OPP copy: the summary and attachments describe the group) and a <see cref="Groepslid"/> per
    /// student with his identifying fields. Returns the messages instead when it may not be sent.
    /// </summary>
    public static (Swvaanvraag? Aanvraag, IReadOnlyList<Groepslid> Leden, IReadOnlyList<Aanvraagfout> Fouten) IndienGroep(
        IReadOnlyList<Groepskandidaat> leden, Guid swvId, Aanvraaginvoer invoer, DateTimeOffset nu, Indiener door)
    {
        ArgumentNullException.ThrowIfNull(leden);
        ArgumentNullException.ThrowIfNull(invoer);
        ArgumentNullException.ThrowIfNull(door);
        var fouten = ControleerGroep(leden, invoer, Schoolkalender.DatumVan(nu));
        if (fouten.Count > 0)
        {
            return (null, [], fouten);
        }
        var verschillend = leden.DistinctBy(l => l.Wie.Leerling.Id).OrderBy(l => l.Wie.Leerling.Achternaam, StringComparer.CurrentCulture)
            .ThenBy(l => l.Wie.Leerling.Voornaam, StringComparer.CurrentCulture).ToList();
        var aanvraag = Nieuw(swvId, verschillend[0].Wie.Leerling.SchoolId, invoer, nu, door);
        aanvraag.Groepsgrootte = verschillend.Count;
        var groep = verschillend.Select(l => new Groepslid
        {
            SwvId = swvId, SchoolId = aanvraag.SchoolId, AanvraagId = aanvraag.Id, LeerlingId = l.Wie.Leerling.Id,
            Leerling = Gegevens(l.Wie), OppVersie = l.OppVersie,
        }).ToList();
        return (aanvraag, groep, []);
    }
}
