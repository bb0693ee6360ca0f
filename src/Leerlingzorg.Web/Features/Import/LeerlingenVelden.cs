using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Leerlingzorg.Web.Features.Import;

/// <summary>A field of the import that a column of the file can be linked to.</summary>
public sealed record ImportVeld(string Sleutel, string Label, bool Verplicht, string Groep);

/// <summary>
/// The target fields of the "leerlingen" import (students and their parents) and the automatic linking of
/// the headers of Magister, SOMtoday and similar exports to them.
/// </summary>
public static class LeerlingenVelden
{
    public const string Soort = "leerlingen";

    public const string Leerlingnummer = nameof(Leerlingnummer);
    public const string Voornaam = nameof(Voornaam);
    public const string Tussenvoegsel = nameof(Tussenvoegsel);
    public const string Achternaam = nameof(Achternaam);
    public const string Geboortedatum = nameof(Geboortedatum);
    public const string Klas = nameof(Klas);

    public static string Ouder(int nummer, string veld) => $"Ouder{nummer}{veld}";

    public const string OuderVoornaam = "Voornaam";
    public const string OuderTussenvoegsel = "Tussenvoegsel";
    public const string OuderAchternaam = "Achternaam";
    public const string OuderEmail = "Email";
    public const string OuderTelefoon = "Telefoon";
    public const string OuderRelatie = "Relatie";

    private static readonly (string Veld, string Label)[] OuderVelden =
    [
        (OuderVoornaam, "voornaam"), (OuderTussenvoegsel, "tussenvoegsel"), (OuderAchternaam, "achternaam"),
        (OuderEmail, "e-mailadres"), (OuderTelefoon, "telefoon"), (OuderRelatie, "relatie"),
    ];

    public static IReadOnlyList<ImportVeld> Alle { get; } =
    [
        new(Leerlingnummer, "Leerlingnummer", true, "Leerling"),
        new(Voornaam, "Voornaam (roepnaam)", true, "Leerling"),
        new(Tussenvoegsel, "Tussenvoegsel", false, "Leerling"),
        new(Achternaam, "Achternaam", true, "Leerling"),
        new(Geboortedatum, "Geboortedatum", true, "Leerling"),
        new(Klas, "Klas", true, "Leerling"),
        .. new[] { 1, 2 }.SelectMany(n => OuderVelden.Select(v =>
            new ImportVeld(Ouder(n, v.Veld), $"Ouder {n}: {v.Label}", false, $"Ouder/verzorger {n}"))),
    ];

    public static IEnumerable<ImportVeld> Verplicht => Alle.Where(v => v.Verplicht);

    // Normalised headers (lower case, no accents, letters and digits only), best first.
    private static readonly Dictionary<string, string[]> Synoniemen = new()
    {
        [Leerlingnummer] = ["stamnummer", "leerlingnummer", "llnnr", "llnnummer", "leerlingnr", "llnr", "stamnr", "leerlingid",
            "studentnummer", "studentnr", "nummer"],
        [Voornaam] = ["roepnaam", "roepnaamleerling", "leerlingroepnaam", "voornaam", "voornaamleerling", "leerlingvoornaam", "voornamen"],
        [Tussenvoegsel] = ["voorvoegsel", "tussenvoegsel", "tussenvoegsels", "voorvoegsels", "voorvoegselleerling", "tussenvoegselleerling",
            "leerlingvoorvoegsel", "leerlingtussenvoegsel", "tv", "voorv"],
        [Achternaam] = ["achternaam", "achternaamleerling", "leerlingachternaam", "geslachtsnaam", "familienaam", "naam"],
        [Geboortedatum] = ["geboortedatum", "gebdatum", "geboortedat", "gebdat", "geboren", "geboortedatumleerling", "datumgeboorte"],
        [Klas] = ["klas", "stamgroep", "stamklas", "basisgroep", "klasgroep", "klasnaam", "groep", "klasleerling", "leerlingklas"],
    };

    /// <summary>"E-mail ouder/verzorger 1" → "emailouderverzorger1": lower case, without accents, letters and digits only.</summary>
    public static string Normaliseer(string kop)
    {
        ArgumentNullException.ThrowIfNull(kop);
        var builder = new StringBuilder(kop.Length);
        foreach (var c in kop.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>Links each field to a header of the file by the usual Dutch names; fields without a match are left out.</summary>
    public static Dictionary<string, string> AutomatischKoppelen(IReadOnlyList<string> kolommen)
    {
        ArgumentNullException.ThrowIfNull(kolommen);
        var koppeling = new Dictionary<string, string>();
        var genormaliseerd = kolommen.Select(k => (Kop: k, Norm: Normaliseer(k))).ToList();
        var gebruikt = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (veld, synoniemen) in Synoniemen)
        {
            foreach (var synoniem in synoniemen)
            {
                var match = genormaliseerd.FirstOrDefault(k => k.Norm == synoniem && !gebruikt.Contains(k.Kop));
                if (match.Kop is not null)
                {
                    koppeling[veld] = match.Kop;
                    gebruikt.Add(match.Kop);
                    break;
                }
            }
        }
        foreach (var (kop, norm) in genormaliseerd)
        {
            if (gebruikt.Contains(kop) || OuderVeld(norm) is not { } veld || koppeling.ContainsKey(veld))
            {
                continue;
            }
            koppeling[veld] = kop;
            gebruikt.Add(kop);
        }
        return koppeling;
    }

    /// <summary>
    /// A parent column: the header names a parent ("ouder", "verzorger", "voogd"; number 1 or 2, else 1)
    /// and a part of the name ("roepnaam ouder 1", "E-mail verzorger 2", "Ouder1 Telefoon").
    /// </summary>
    private static string? OuderVeld(string norm)
    {
        var rest = norm;
        var gevonden = false;
        foreach (var woord in new[] { "ouderverzorger", "verzorger", "ouder", "voogd", "verz" })
        {
            if (rest.Contains(woord, StringComparison.Ordinal))
            {
                rest = rest.Replace(woord, "", StringComparison.Ordinal);
                gevonden = true;
            }
        }
        if (!gevonden)
        {
            return null;
        }
        var nummer = rest.Contains('2', StringComparison.Ordinal) ? 2 : 1;
        rest = rest.Replace("1", "", StringComparison.Ordinal).Replace("2", "", StringComparison.Ordinal);
        string? veld = rest switch
        {
            "email" or "mail" or "emailadres" or "mailadres" or "e" => OuderEmail,
            "telefoon" or "tel" or "telefoonnummer" or "telnr" or "mobiel" or "mobielnummer" or "gsm" or "telefoonmobiel" => OuderTelefoon,
            "relatie" or "relatietype" or "soort" or "type" or "rol" => OuderRelatie,
            "voorvoegsel" or "tussenvoegsel" or "voorvoegsels" or "tussenvoegsels" => OuderTussenvoegsel,
            "roepnaam" or "voornaam" or "voornamen" => OuderVoornaam,
            "achternaam" or "naam" or "geslachtsnaam" => OuderAchternaam,
            _ => null,
        };
        return veld is null ? null : Ouder(nummer, veld);
    }

    /// <summary>
    /// The suggested linking for a file: the automatic one, completed with the school's last linking for the
    /// fields it leaves open (when that column is in this file).
    /// </summary>
    public static Dictionary<string, string> Voorstel(IReadOnlyList<string> kolommen, IReadOnlyDictionary<string, string>? vorige)
    {
        var koppeling = AutomatischKoppelen(kolommen);
        if (vorige is null)
        {
            return koppeling;
        }
        var gebruikt = new HashSet<string>(koppeling.Values, StringComparer.OrdinalIgnoreCase);
        foreach (var (veld, kop) in vorige)
        {
            if (koppeling.ContainsKey(veld) || Alle.All(v => v.Sleutel != veld))
            {
                continue;
            }
            var bestaand = kolommen.FirstOrDefault(k => string.Equals(k, kop, StringComparison.OrdinalIgnoreCase));
            if (bestaand is not null && gebruikt.Add(bestaand))
            {
                koppeling[veld] = bestaand;
            }
        }
        return koppeling;
    }

    /// <summary>Dutch messages for a linking that cannot be used: a required field without a column.</summary>
    public static IReadOnlyList<string> Controleer(IReadOnlyDictionary<string, string> koppeling, IReadOnlyList<string> kolommen)
    {
        ArgumentNullException.ThrowIfNull(koppeling);
        ArgumentNullException.ThrowIfNull(kolommen);
        var meldingen = new List<string>();
        foreach (var veld in Verplicht)
        {
            if (!koppeling.TryGetValue(veld.Sleutel, out var kop) || string.IsNullOrWhiteSpace(kop))
            {
                meldingen.Add($"Kies een kolom voor '{veld.Label}'.");
            }
        }
        foreach (var (veld, kop) in koppeling)
        {
            if (!string.IsNullOrWhiteSpace(kop) && !kolommen.Contains(kop, StringComparer.OrdinalIgnoreCase))
            {
                meldingen.Add($"De kolom '{kop}' staat niet in het bestand.");
            }
            else if (Alle.All(v => v.Sleutel != veld))
            {
                meldingen.Add($"Onbekend veld '{veld}'.");
            }
        }
        var dubbel = koppeling.Where(k => !string.IsNullOrWhiteSpace(k.Value))
            .GroupBy(k => k.Value, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1 && g.Any(k => k.Key is Leerlingnummer or Klas or Geboortedatum));
        meldingen.AddRange(dubbel.Select(g => $"De kolom '{g.Key}' is aan meer dan één veld gekoppeld."));
        return meldingen;
    }

    private static readonly JsonSerializerOptions Opslag = VeiligeTekstJson.Opties();

    public static string NaarJson(IReadOnlyDictionary<string, string> koppeling) =>
        JsonSerializer.Serialize(koppeling.Where(k => !string.IsNullOrWhiteSpace(k.Value)).ToDictionary(k => k.Key, k => k.Value), Opslag);

    public static Dictionary<string, string> UitJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
