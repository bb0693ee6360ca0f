using System.Text.RegularExpressions;

namespace Leerlingzorg.Domain.Ondersteuningsprofielen;

/// <summary>One expertise the school names, with what it offers for it (a short public text).</summary>
public sealed record ProfielExpertise(Expertise Expertise, string Omschrijving);

/// <summary>What a school types into its profile; <see cref="Ondersteuningsprofiel.Wijzig"/> checks and cleans it.</summary>
public sealed record ProfielTeksten(
    string? Ondersteuningsstructuur,
    string? VeiligeOmgeving,
    string? Kwaliteitszorg,
    string? Onderwijsaanbod,
    string? Adres,
    string? Telefoon,
    string? Website,
    string? Email,
    IReadOnlyList<ProfielExpertise> Expertises);

/// <summary>
/// The school's ondersteuningsprofiel (SOP): its support structure, safe environment, quality care and expertise, and the
/// school's general contact details. One per school; a draft the school edits, published as a copy
/// (<see cref="GepubliceerdProfiel"/>) that anyone may read. It holds <b>no personal data</b>: no student, no parent, no
/// staff member — texts describe the school, contact details are the school's general ones, and e-mail addresses and
/// phone numbers are refused inside the free texts (they belong in the contact block, which names no person).
/// </summary>
public sealed partial class Ondersteuningsprofiel : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public string Ondersteuningsstructuur { get; set; } = "";
    public string VeiligeOmgeving { get; set; } = "";
    public string Kwaliteitszorg { get; set; } = "";
    /// <summary>Programmes beyond the departments (tto, sportklas, praktijkroute): one short text.</summary>
    public string Onderwijsaanbod { get; set; } = "";
    public string Adres { get; set; } = "";
    public string Telefoon { get; set; } = "";
    public string Website { get; set; } = "";
    public string Email { get; set; } = "";
    public List<ProfielExpertise> Expertises { get; set; } = [];
    public DateTimeOffset? GewijzigdOp { get; set; }
    public Guid? GewijzigdDoor { get; set; }
    public DateTimeOffset? GepubliceerdOp { get; set; }
    /// <summary>Whether the draft changed after the last publication.</summary>
    public bool HeeftOngepubliceerdeWijzigingen { get; set; }

    public const int SectieMaxLengte = 4_000;
    public const int OnderwijsaanbodMaxLengte = 500;
    public const int ExpertiseOmschrijvingMaxLengte = 300;
    public const int AdresMaxLengte = 200;
    public const int TelefoonMaxLengte = 20;
    public const int WebsiteMaxLengte = 200;
    public const int EmailMaxLengte = 200;

    /// <summary>
    /// New texts; returns whether anything changed. Every text is cleaned with <see cref="Tekst"/> and bounded; the
    /// contact details have their form; the free texts hold no e-mail address or phone number (no personal contact
    /// details in public text). Throws <see cref="ArgumentException"/> with a Dutch message.
    /// </summary>
    public bool Wijzig(ProfielTeksten teksten, DateTimeOffset nu, Guid door)
    {
        ArgumentNullException.ThrowIfNull(teksten);
        var structuur = Sectie(teksten.Ondersteuningsstructuur, "De ondersteuningsstructuur");
        var veilig = Sectie(teksten.VeiligeOmgeving, "De tekst over de veilige omgeving");
        var kwaliteit = Sectie(teksten.Kwaliteitszorg, "De tekst over kwaliteitszorg");
        var aanbod = Tekst.Vrij(teksten.Onderwijsaanbod);
        Lengte(aanbod, OnderwijsaanbodMaxLengte, "Het onderwijsaanbod");
        GeenContactgegevens(aanbod, "Het onderwijsaanbod");
        var adres = Tekst.Regel(teksten.Adres);
        Lengte(adres, AdresMaxLengte, "Het adres");
        var telefoon = Tekst.Regel(teksten.Telefoon);
        Lengte(telefoon, TelefoonMaxLengte, "Het telefoonnummer");
        if (telefoon.Length > 0 && !TelefoonPatroon().IsMatch(telefoon))
        {
            throw new ArgumentException("Het telefoonnummer bestaat uit cijfers, spaties, streepjes en eventueel een + vooraan.", nameof(teksten));
        }
        var website = Tekst.Regel(teksten.Website);
        Lengte(website, WebsiteMaxLengte, "De website");
        if (website.Length > 0 && !IsWebadres(website))
        {
            throw new ArgumentException("De website is een adres dat begint met https:// (of http://).", nameof(teksten));
        }
        var email = Tekst.Regel(teksten.Email);
        Lengte(email, EmailMaxLengte, "Het e-mailadres");
        if (email.Length > 0 && !EmailPatroon().IsMatch(email))
        {
            throw new ArgumentException("Het e-mailadres is geen geldig adres (bijvoorbeeld info@school.nl).", nameof(teksten));
        }
        var expertises = new List<ProfielExpertise>();
        foreach (var e in teksten.Expertises ?? [])
        {
            if (!Enum.IsDefined(e.Expertise))
            {
                throw new ArgumentException("Kies de expertise uit de lijst.", nameof(teksten));
            }
            if (expertises.Any(x => x.Expertise == e.Expertise))
            {
                throw new ArgumentException($"{e.Expertise.Weergave()} staat twee keer in het profiel.", nameof(teksten));
            }
            var omschrijving = Tekst.Vrij(e.Omschrijving);
            Lengte(omschrijving, ExpertiseOmschrijvingMaxLengte, $"De omschrijving bij {e.Expertise.Weergave()}");
            GeenContactgegevens(omschrijving, $"De omschrijving bij {e.Expertise.Weergave()}");
            expertises.Add(new ProfielExpertise(e.Expertise, omschrijving));
        }
        expertises.Sort((a, b) => a.Expertise.CompareTo(b.Expertise));

        var gewijzigd = (Ondersteuningsstructuur, VeiligeOmgeving, Kwaliteitszorg, Onderwijsaanbod, Adres, Telefoon, Website, Email)
                        != (structuur, veilig, kwaliteit, aanbod, adres, telefoon, website, email)
                        || !Expertises.SequenceEqual(expertises);
        if (!gewijzigd)
        {
            return false;
        }
        (Ondersteuningsstructuur, VeiligeOmgeving, Kwaliteitszorg, Onderwijsaanbod, Adres, Telefoon, Website, Email) =
            (structuur, veilig, kwaliteit, aanbod, adres, telefoon, website, email);
        Expertises = expertises;
        GewijzigdOp = nu;
        GewijzigdDoor = door;
        HeeftOngepubliceerdeWijzigingen = true;
        return true;
    }

    /// <summary>Whether the profile says enough to publish: the support structure and at least one expertise.</summary>
    public string? WaaromNietPubliceerbaar() =>
        Ondersteuningsstructuur.Length == 0 ? "Beschrijf eerst de ondersteuningsstructuur; die staat bovenaan het openbare profiel."
        : Expertises.Count == 0 ? "Kies eerst minstens één expertise; daarop zoeken ouders in het overzicht."
        : null;

    /// <summary>
    /// The public copy of this profile, with the school's locations, departments and active support offer as they are
    /// now; replaces what <paramref name="bestaand"/> held. Throws <see cref="InvalidOperationException"/> when the
    /// profile is not ready (<see cref="WaaromNietPubliceerbaar"/>).
    /// </summary>
    public GepubliceerdProfiel Publiceer(GepubliceerdProfiel? bestaand, Guid samenwerkingsverbandId, string schoolNaam,
        IReadOnlyList<PubliekeLocatie> locaties, IReadOnlyList<string> afdelingen, IReadOnlyList<PubliekAanbod> aanbod, DateTimeOffset nu)
    {
        if (WaaromNietPubliceerbaar() is { } reden)
        {
            throw new InvalidOperationException(reden);
        }
        if (SchoolId == Guid.Empty)
        {
            throw new InvalidOperationException("Een profiel zonder school kan niet worden gepubliceerd.");
        }
        var inhoud = new PubliekeInhoud
        {
            Ondersteuningsstructuur = Ondersteuningsstructuur, VeiligeOmgeving = VeiligeOmgeving, Kwaliteitszorg = Kwaliteitszorg,
            Onderwijsaanbod = Onderwijsaanbod, Adres = Adres, Telefoon = Telefoon, Website = Website, Email = Email,
            Expertises = [.. Expertises], Locaties = [.. locaties], Afdelingen = [.. afdelingen], Aanbod = [.. aanbod],
        };
        var profiel = bestaand ?? new GepubliceerdProfiel { SchoolId = SchoolId, SchoolNaam = schoolNaam, Inhoud = inhoud };
        if (profiel.SchoolId != SchoolId)
        {
            throw new InvalidOperationException("Een school publiceert alleen haar eigen profiel.");
        }
        profiel.SamenwerkingsverbandId = samenwerkingsverbandId;
        profiel.SchoolNaam = schoolNaam;
        profiel.Inhoud = inhoud;
        profiel.ExpertiseCodes = [.. Expertises.Select(e => e.Expertise.ToString())];
        profiel.Plaatsen = [.. locaties.Select(l => l.Plaats).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture)];
        profiel.Zoektekst = GepubliceerdProfiel.Zoekbaar(string.Join(' ', new[] { schoolNaam, Onderwijsaanbod }
            .Concat(locaties.Select(l => l.Naam + " " + l.Plaats)).Concat(afdelingen)
            .Concat(Expertises.Select(e => e.Expertise.Weergave() + " " + e.Omschrijving)).Concat(aanbod.Select(a => a.Naam))));
        profiel.GepubliceerdOp = nu;
        GepubliceerdOp = nu;
        HeeftOngepubliceerdeWijzigingen = false;
        return profiel;
    }

    private static string Sectie(string? tekst, string wat)
    {
        var schoon = Tekst.Vrij(tekst);
        Lengte(schoon, SectieMaxLengte, wat);
        GeenContactgegevens(schoon, wat);
        return schoon;
    }

    private static void Lengte(string tekst, int maximum, string wat)
    {
        if (tekst.Length > maximum)
        {
            var nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
            throw new ArgumentException($"{wat} is {tekst.Length.ToString("N0", nl)} tekens; hoogstens {maximum.ToString("N0", nl)} passen in het profiel.");
        }
    }

    /// <summary>Public text names no person's contact details: an e-mail address or a phone number belongs in the contact block.</summary>
    public static bool BevatContactgegevens(string? tekst) =>
        !string.IsNullOrEmpty(tekst) && (EmailInTekst().IsMatch(tekst) || TelefoonInTekst().IsMatch(tekst));

    private static void GeenContactgegevens(string tekst, string wat)
    {
        if (BevatContactgegevens(tekst))
        {
            throw new ArgumentException($"{wat} bevat een e-mailadres of telefoonnummer. Het profiel is openbaar: zet alleen het algemene adres van de school bij Contact.");
        }
    }

    private static bool IsWebadres(string tekst) =>
        Uri.TryCreate(tekst, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{5,18}$")]
    private static partial Regex TelefoonPatroon();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPatroon();

    [GeneratedRegex(@"[^@\s]+@[^@\s]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex EmailInTekst();

    // Ten digits or more in a row, spaces and dashes between them allowed (06 12345678, 0317-123456).
    [GeneratedRegex(@"(?<!\d)(\+\d{2}[ \-]?)?\d(?:[ \-]?\d){9,}(?!\d)")]
    private static partial Regex TelefoonInTekst();
}
