using System.Globalization;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Leerlingen;

namespace Leerlingzorg.Domain.Ondersteuning;

/// <summary>A change of level as the user asks it: the target, the day it holds from, and the texts the step needs.</summary>
/// <param name="Reden">A step up: why; a step down: the evaluation of the higher level.</param>
/// <param name="Geprobeerd">A step up: what was tried at the lower level.</param>
/// <param name="Rechtvaardiging">A skip of a level (I → III in a crisis): why the level between is passed over.</param>
public sealed record PmWijziging(PmNiveau Naar, DateOnly Datum, string? Reden, string? Geprobeerd, string? Rechtvaardiging);

/// <summary>One broken rule, for the field it belongs to (<see cref="Ladderregels.Velden"/>), in Dutch.</summary>
public sealed record Ladderfout(string Veld, string Melding);

/// <summary>What a change of level came to: the new <see cref="PmStap"/>, or the broken rules (and whether the user may not decide at all).</summary>
public sealed record Ladderbesluit(PmStap? Stap, IReadOnlyList<Ladderfout> Fouten, bool Onbevoegd = false)
{
    public bool IsGelukt => Stap is not null;

    public string Melding => string.Join(" ", Fouten.Select(f => f.Melding).Distinct());
}

/// <summary>
/// The rules of the ladder of Professionele Momenten (DOMAIN.md, seed 003): a step up records the reason and what was tried at
/// the lower level, a step down the evaluation, a skip a justification. The mentor, the student's coördinator and the
/// zorgcoördinator decide up to PM II; PM III and IV (to or from) are the zorgcoördinator's. PM IV, the ZAT, needs prior
/// consent of the ouders with gezag and of the student from 16 (<see cref="Toestemmingsregel"/>).
/// </summary>
public static class Ladderregels
{
    public const int MaxTekst = 4_000;

    /// <summary>The field names of the rules: the properties of <see cref="PmWijziging"/>, plus the consent.</summary>
    public static class Velden
    {
        public const string Naar = nameof(PmWijziging.Naar);
        public const string Datum = nameof(PmWijziging.Datum);
        public const string Reden = nameof(PmWijziging.Reden);
        public const string Geprobeerd = nameof(PmWijziging.Geprobeerd);
        public const string Rechtvaardiging = nameof(PmWijziging.Rechtvaardiging);
        public const string Toestemming = nameof(Toestemming);
    }

    /// <summary>Whether the reader decides a change from <paramref name="van"/> to <paramref name="naar"/>.</summary>
    public static bool MagBeslissen(Lezer lezer, PmNiveau van, PmNiveau naar)
    {
        ArgumentNullException.ThrowIfNull(lezer);
        if (van >= PmNiveau.PmIII || naar >= PmNiveau.PmIII)
        {
            return lezer.IsZorgcoordinator;
        }
        return lezer.IsZorgcoordinator || lezer.IsMentorVanLeerling || lezer.IsCoordinatorVanLeerling;
    }

    /// <summary>Whether the reader changes this student's level at all (the mentor, his coördinator, the zorgcoördinator).</summary>
    public static bool MagWijzigen(Lezer lezer)
    {
        ArgumentNullException.ThrowIfNull(lezer);
        return lezer.IsZorgcoordinator || lezer.IsMentorVanLeerling || lezer.IsCoordinatorVanLeerling;
    }

    /// <summary>The levels this reader may move the student to from <paramref name="van"/> (empty: he changes nothing).</summary>
    public static IReadOnlyList<PmNiveau> Bereikbaar(Lezer lezer, PmNiveau van) =>
        [.. PmNiveaus.Alle.Where(n => n != van && MagBeslissen(lezer, van, n))];

    /// <summary>
    /// The rules that need neither the user nor the consents, per field: a different level, a date not in the future and
    /// not before the current level began, and the texts each kind of step needs. The form validates with these too.
    /// </summary>
    public static IReadOnlyList<Ladderfout> Controleer(PmNiveau van, DateOnly? sinds, PmWijziging wijziging, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(wijziging);
        var fouten = new List<Ladderfout>();
        var naar = wijziging.Naar;
        if (!Enum.IsDefined(naar))
        {
            fouten.Add(new(Velden.Naar, "Kies een niveau."));
            return fouten;
        }
        if (naar == van)
        {
            fouten.Add(new(Velden.Naar, $"De leerling staat al op {van.Kort()}. Kies een ander niveau."));
        }
        if (wijziging.Datum > vandaag)
        {
            fouten.Add(new(Velden.Datum, "De datum ligt in de toekomst. Een niveau geldt vanaf vandaag of eerder."));
        }
        else if (sinds is { } begin && wijziging.Datum < begin)
        {
            fouten.Add(new(Velden.Datum,
                $"De datum ligt vóór {begin.ToString("d MMMM yyyy", Nederlands)}, de dag waarop {van.Kort()} begon."));
        }
        var omhoog = naar > van;
        var omlaag = naar < van;
        if (omhoog && Leeg(wijziging.Reden))
        {
            fouten.Add(new(Velden.Reden, $"Vul de reden in: waarom gaat de leerling naar {naar.Kort()}?"));
        }
        if (omlaag && Leeg(wijziging.Reden))
        {
            fouten.Add(new(Velden.Reden, $"Vul de evaluatie in: wat heeft {van.Kort()} opgeleverd?"));
        }
        if (omhoog && Leeg(wijziging.Geprobeerd))
        {
            fouten.Add(new(Velden.Geprobeerd, $"Vul in wat er op {van.Kort()} al is geprobeerd."));
        }
        if (IsSprong(van, naar) && Leeg(wijziging.Rechtvaardiging))
        {
            fouten.Add(new(Velden.Rechtvaardiging,
                $"Van {van.Kort()} naar {naar.Kort()} slaat een niveau over: leg uit waarom (bijvoorbeeld een crisis)."));
        }
        TeLang(fouten, Velden.Reden, wijziging.Reden);
        TeLang(fouten, Velden.Geprobeerd, wijziging.Geprobeerd);
        TeLang(fouten, Velden.Rechtvaardiging, wijziging.Rechtvaardiging);
        return fouten;
    }

    public static bool IsSprong(PmNiveau van, PmNiveau naar) => Math.Abs((int)naar - (int)van) > 1;

    /// <summary>
    /// Puts the student on the level of <paramref name="wijziging"/>: checks every rule, and only when all hold makes the
    /// <see cref="PmStap"/> (texts cleaned; what a kind of step does not ask is not kept) and sets
    /// <see cref="Leerling.PmNiveau"/> and <see cref="Leerling.PmSinds"/>. Needs the student with his
    /// <see cref="Leerling.Ouders"/> and, for PM IV, his consents; <paramref name="namen"/> names the ouders in the message.
    /// </summary>
    public static Ladderbesluit ZetOpNiveau(this Leerling leerling, PmWijziging wijziging, Lezer lezer, Guid door, DateOnly vandaag,
        DateTimeOffset nu, IEnumerable<Toestemming> toestemmingen, IReadOnlyDictionary<Guid, string>? namen = null)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        ArgumentNullException.ThrowIfNull(wijziging);
        ArgumentNullException.ThrowIfNull(lezer);
        ArgumentNullException.ThrowIfNull(toestemmingen);
        var van = leerling.PmNiveau;
        var naar = wijziging.Naar;
        if (leerling.Status == LeerlingStatus.Uitgeschreven)
        {
            return new(null, [new(Velden.Naar, "De leerling is uitgeschreven: het niveau verandert niet meer.")]);
        }
        if (!MagBeslissen(lezer, van, naar))
        {
            var melding = lezer.IsMentorVanLeerling || lezer.IsCoordinatorVanLeerling
                ? "Over PM III en PM IV besluit de zorgcoördinator. U kunt de leerling tot en met PM II plaatsen."
                : "Alleen de mentor, de coördinator van de leerling of de zorgcoördinator wijzigt het PM-niveau.";
            return new(null, [new(Velden.Naar, melding)], Onbevoegd: true);
        }
        var fouten = Controleer(van, leerling.PmSinds, wijziging, vandaag).ToList();
        if (naar == PmNiveau.PmIV && van != PmNiveau.PmIV)
        {
            var dekking = Toestemmingsregel.Dekking(leerling, ToestemmingDoel.BesprekingZat, toestemmingen, wijziging.Datum);
            if (!dekking.IsGedekt)
            {
                fouten.Add(new(Velden.Toestemming,
                    "Voor PM IV is vooraf toestemming nodig voor bespreking in het ZAT/TDO. " + dekking.Uitleg(namen)));
            }
        }
        if (fouten.Count > 0)
        {
            return new(null, fouten);
        }
        var omhoog = naar > van;
        var stap = new PmStap
        {
            SchoolId = leerling.SchoolId,
            LeerlingId = leerling.Id,
            Van = van,
            Naar = naar,
            Datum = wijziging.Datum,
            VastgelegdOp = nu,
            DoorId = door,
            Reden = Tekst.Vrij(wijziging.Reden),
            Geprobeerd = omhoog ? Tekst.VrijOfNull(wijziging.Geprobeerd) : null,
            Rechtvaardiging = IsSprong(van, naar) ? Tekst.VrijOfNull(wijziging.Rechtvaardiging) : null,
        };
        leerling.PmNiveau = naar;
        leerling.PmSinds = wijziging.Datum;
        return new(stap, []);
    }

    private static readonly CultureInfo Nederlands = CultureInfo.GetCultureInfo("nl-NL");

    private static bool Leeg(string? tekst) => Tekst.Vrij(tekst).Length == 0;

    private static void TeLang(List<Ladderfout> fouten, string veld, string? tekst)
    {
        if (Tekst.Vrij(tekst).Length > MaxTekst)
        {
            fouten.Add(new(veld, $"Hooguit {MaxTekst.ToString("N0", Nederlands)} tekens."));
        }
    }
}
