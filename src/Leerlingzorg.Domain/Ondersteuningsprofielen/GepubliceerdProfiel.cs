using System.Globalization;
using System.Text;

namespace Leerlingzorg.Domain.Ondersteuningsprofielen;

/// <summary>A location as the public sees it: the building's name and its place.</summary>
public sealed record PubliekeLocatie(string Naam, string Plaats);

/// <summary>An item of the school's support offer as the public sees it: no provider, no capacity, no student.</summary>
public sealed record PubliekAanbod(string Naam, string Categorie, string Niveau, string Omschrijving);

/// <summary>The published content: a copy of the profile and of the school's locations, departments and offer.</summary>
public sealed record PubliekeInhoud
{
    public string Ondersteuningsstructuur { get; init; } = "";
    public string VeiligeOmgeving { get; init; } = "";
    public string Kwaliteitszorg { get; init; } = "";
    public string Onderwijsaanbod { get; init; } = "";
    public string Adres { get; init; } = "";
    public string Telefoon { get; init; } = "";
    public string Website { get; init; } = "";
    public string Email { get; init; } = "";
    public List<ProfielExpertise> Expertises { get; init; } = [];
    public List<PubliekeLocatie> Locaties { get; init; } = [];
    public List<string> Afdelingen { get; init; } = [];
    public List<PubliekAanbod> Aanbod { get; init; } = [];
}

/// <summary>
/// A school's published ondersteuningsprofiel: public data, readable by anyone (the SWV's overview without login), outside
/// the school tenancy on purpose (ADR 0010). Not <see cref="ISchoolOwned"/>: it carries the school's id so that only that
/// school writes it (row-level security on writes), while every reader sees every row. One per school.
/// </summary>
public sealed class GepubliceerdProfiel
{
    public Guid SchoolId { get; set; }
    public Guid SamenwerkingsverbandId { get; set; }
    public required string SchoolNaam { get; set; }
    public DateTimeOffset GepubliceerdOp { get; set; }
    public required PubliekeInhoud Inhoud { get; set; }
    /// <summary>The expertises by name, for the filter (an array column).</summary>
    public List<string> ExpertiseCodes { get; set; } = [];
    /// <summary>The places of the school's locations, for the filter.</summary>
    public List<string> Plaatsen { get; set; } = [];
    /// <summary>What the search box searches: names, places, departments, expertise and offer, lower case without accents.</summary>
    public string Zoektekst { get; set; } = "";

    /// <summary>Lower case without accents, the form <see cref="Zoektekst"/> and a search term share.</summary>
    public static string Zoekbaar(string? tekst)
    {
        if (string.IsNullOrWhiteSpace(tekst))
        {
            return "";
        }
        var ontleed = Tekst.Regel(tekst).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(ontleed.Length);
        foreach (var c in ontleed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
