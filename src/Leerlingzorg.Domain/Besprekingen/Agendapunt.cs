using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;

namespace Leerlingzorg.Domain.Besprekingen;

/// <summary>The four questions of the leerlingbespreking (seed 002), as the chair or a participant fills them in.</summary>
public sealed record Vierslag(string? WatGaatGoed, string? Probleem, string? Oorzaak, string? Aanpak)
{
    public static readonly Vierslag Leeg = new(null, null, null, null);

    public Vierslag Schoon() => new(Tekst.VrijOfNull(WatGaatGoed), Tekst.VrijOfNull(Probleem), Tekst.VrijOfNull(Oorzaak), Tekst.VrijOfNull(Aanpak));

    public bool IsLeeg => WatGaatGoed is null && Probleem is null && Oorzaak is null && Aanpak is null;
}

/// <summary>What an edit of a student's part came to.</summary>
public enum Bewerking
{
    Opgeslagen = 1,
    Ongewijzigd = 2,
    /// <summary>Someone else saved this student's part since the editor loaded it: nothing was overwritten.</summary>
    Conflict = 3,
    /// <summary>The meeting is closed or cancelled.</summary>
    Gesloten = 4,
}

/// <summary>
/// One student on a meeting's agenda: why he is on it (the mentor's question), his place in the order, whether he is
/// discussed anonymously (a TDO/ZAT without consent), and the four questions as discussed. A dossier entry at
/// <see cref="Vertrouwelijkheid.Zorg"/> by default; the chair may mark it <see cref="Vertrouwelijkheid.Vertrouwelijk"/>.
/// Edits carry the version they were made on, so that two participants editing the same student get a conflict.
/// </summary>
public sealed class Agendapunt : ISchoolOwned
{
    public const int MaxVraag = 2_000;
    public const int MaxAntwoord = 8_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid BesprekingId { get; set; }
    public Guid LeerlingId { get; set; }
    public int Volgorde { get; set; }
    /// <summary>Who put him on the agenda (the mentor with a question, the chair); null: from the class by planning.</summary>
    public Guid? IngebrachtDoor { get; set; }
    public string? Vraag { get; set; }
    /// <summary>A TDO/ZAT without consent: discussed without his name; the verslag does not go to his dossier by name.</summary>
    public bool Anoniem { get; set; }
    public string? WatGaatGoed { get; set; }
    public string? Probleem { get; set; }
    public string? Oorzaak { get; set; }
    public string? Aanpak { get; set; }
    public Vertrouwelijkheid Vertrouwelijkheid { get; set; } = Vertrouwelijkheid.Zorg;
    public bool Besproken { get; set; }
    /// <summary>The meeting decided to register the student in the Verwijsindex: when and by whom, never why (DOMAIN.md).</summary>
    public DateOnly? VerwijsindexOp { get; set; }
    public Guid? VerwijsindexDoor { get; set; }
    public DateTimeOffset? BijgewerktOp { get; set; }
    public Guid? BijgewerktDoor { get; set; }
    public int Versie { get; set; } = 1;

    public Vierslag Antwoorden => new(WatGaatGoed, Probleem, Oorzaak, Aanpak);

    /// <summary>
    /// A participant saves the four questions as he saw them at <paramref name="versie"/>: a conflict when someone saved
    /// in between (nothing is overwritten; the caller keeps the text), closed when the meeting is.
    /// </summary>
    public Bewerking Bewerk(Bespreking bespreking, Vierslag antwoorden, int versie, Guid door, DateTimeOffset op)
    {
        ArgumentNullException.ThrowIfNull(bespreking);
        ArgumentNullException.ThrowIfNull(antwoorden);
        if (bespreking.Status != BesprekingStatus.Bezig && bespreking.Status != BesprekingStatus.Gepland)
        {
            return Bewerking.Gesloten;
        }
        if (versie != Versie)
        {
            return Bewerking.Conflict;
        }
        var schoon = antwoorden.Schoon();
        if (schoon == Antwoorden)
        {
            return Bewerking.Ongewijzigd;
        }
        (WatGaatGoed, Probleem, Oorzaak, Aanpak) = (schoon.WatGaatGoed, schoon.Probleem, schoon.Oorzaak, schoon.Aanpak);
        Besproken = true;
        BijgewerktOp = op;
        BijgewerktDoor = door;
        Versie++;
        return Bewerking.Opgeslagen;
    }

    /// <summary>
    /// The chair sets the level the student's part will have in his dossier (Zorg by default; Vertrouwelijk for the
    /// zorgcoördinator and the chair only; Normaal for every docent of the student), while the meeting is open.
    /// Returns whether it changed.
    /// </summary>
    public bool Markeer(Bespreking bespreking, Vertrouwelijkheid niveau)
    {
        ArgumentNullException.ThrowIfNull(bespreking);
        if (!Enum.IsDefined(niveau))
        {
            throw new ArgumentOutOfRangeException(nameof(niveau));
        }
        if (!bespreking.IsOpen)
        {
            throw new InvalidOperationException("Deze bespreking is afgesloten: het verslag wordt niet meer gewijzigd.");
        }
        if (Vertrouwelijkheid == niveau)
        {
            return false;
        }
        Vertrouwelijkheid = niveau;
        Versie++;
        return true;
    }

    /// <summary>
    /// Whether a student may be discussed by name in a TDO/ZAT: with valid consent for it of every ouder with gezag and of
    /// the student from 16 (DOMAIN.md, ZAT / TDO); otherwise anonymously. Other meetings: always by name.
    /// </summary>
    public static bool MagBijNaam(BesprekingSoort soort, Leerling leerling, IEnumerable<Toestemming> toestemmingen, DateOnly vandaag) =>
        soort != BesprekingSoort.TdoZat || Toestemmingsregel.Dekking(leerling, ToestemmingDoel.BesprekingZat, toestemmingen, vandaag).IsGedekt;
}

/// <summary>A student's place on a prepared agenda: what the forms and the dossier say about him.</summary>
public sealed record Agendakandidaat(Guid LeerlingId, string Achternaam, string Voornaam, int AantalZorg, int AantalAandacht,
    bool HeeftVraag, int OpenAfspraken);

/// <summary>
/// The order of a prepared agenda (issue 10): students with concerns first — a mentor's question, a "zorg" on a form or
/// an open afspraak to evaluate — most concerns first; then the others by name. The chair may reorder afterwards.
/// </summary>
public static class Agendavolgorde
{
    public static bool HeeftZorgen(Agendakandidaat k)
    {
        ArgumentNullException.ThrowIfNull(k);
        return k.HeeftVraag || k.AantalZorg > 0 || k.OpenAfspraken > 0;
    }

    public static IReadOnlyList<Agendakandidaat> Voorstel(IEnumerable<Agendakandidaat> kandidaten) =>
        [.. kandidaten
            .OrderByDescending(HeeftZorgen)
            .ThenByDescending(k => k.HeeftVraag)
            .ThenByDescending(k => k.AantalZorg)
            .ThenByDescending(k => k.AantalAandacht)
            .ThenByDescending(k => k.OpenAfspraken)
            .ThenBy(k => k.Achternaam, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))
            .ThenBy(k => k.Voornaam, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))];

    /// <summary>Moves the item at <paramref name="van"/> to <paramref name="naar"/> and numbers the list 1..n again.</summary>
    public static void Verplaats(IList<Agendapunt> agenda, int van, int naar)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        if (van < 0 || van >= agenda.Count || naar < 0 || naar >= agenda.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(naar));
        }
        var punt = agenda[van];
        agenda.RemoveAt(van);
        agenda.Insert(naar, punt);
        for (var i = 0; i < agenda.Count; i++)
        {
            agenda[i].Volgorde = i + 1;
        }
    }
}
