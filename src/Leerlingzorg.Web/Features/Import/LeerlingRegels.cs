using System.Globalization;
using System.Net.Mail;
using Leerlingzorg.Domain.Leerlingen;

namespace Leerlingzorg.Web.Features.Import;

/// <summary>A parent as a row of the file describes him or her.</summary>
public sealed record OuderRegel(int Nummer, string Voornaam, string? Tussenvoegsel, string Achternaam, string? Email, string? Telefoon, OuderRelatie? Relatie);

/// <summary>A valid row of the file, in the terms of the domain.</summary>
public sealed record LeerlingRegel(int Rij, string Leerlingnummer, string Voornaam, string? Tussenvoegsel, string Achternaam,
    DateOnly Geboortedatum, string Klas, Guid KlasId, IReadOnlyList<OuderRegel> Ouders);

/// <summary>What the file says in a row (whether valid or not), for the preview table.</summary>
public sealed record RijWeergave(int Rij, string? Leerlingnummer, string Naam, string? Geboortedatum, string? Klas, string? Ouder1,
    IReadOnlyList<string> Meldingen)
{
    public bool HeeftFouten => Meldingen.Count > 0;
}

/// <summary>The rows of a file checked against the linking and the classes of this schooljaar.</summary>
public sealed class LeerlingRegels
{
    public required IReadOnlyList<LeerlingRegel> Geldig { get; init; }
    /// <summary>Every row with its Dutch messages ("Rij 7: leerlingnummer ontbreekt"); empty for a valid row.</summary>
    public required IReadOnlyList<RijWeergave> Rijen { get; init; }
    /// <summary>Every leerlingnummer in the file, also those of rows with errors: such a student has not left.</summary>
    public required IReadOnlySet<string> AlleLeerlingnummers { get; init; }

    public int Totaal => Rijen.Count;
    public int Fouten => Rijen.Count(r => r.HeeftFouten);

    /// <summary>Checks every row. <paramref name="klassen"/>: the names of this schooljaar's classes (any case) and their ids.</summary>
    public static LeerlingRegels Controleer(ImportTabel tabel, IReadOnlyDictionary<string, string> koppeling,
        IReadOnlyDictionary<string, Guid> klassen, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(tabel);
        ArgumentNullException.ThrowIfNull(koppeling);
        ArgumentNullException.ThrowIfNull(klassen);
        var klasOpNaam = klassen.ToDictionary(k => k.Key.Trim(), k => (Naam: k.Key.Trim(), Id: k.Value), StringComparer.OrdinalIgnoreCase);
        int Kolom(string veld) => koppeling.TryGetValue(veld, out var kop) ? tabel.Kolom(kop) : -1;
        var kolom = LeerlingenVelden.Alle.ToDictionary(v => v.Sleutel, v => Kolom(v.Sleutel));

        var geldig = new List<LeerlingRegel>(tabel.Rijen.Count);
        var rijen = new List<RijWeergave>(tabel.Rijen.Count);
        var eersteRij = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rij in tabel.Rijen)
        {
            string? W(string veld) => rij.Waarde(kolom[veld]);
            var meldingen = new List<string>();
            void Fout(string tekst) => meldingen.Add($"Rij {rij.Nummer}: {tekst}");

            var nummer = W(LeerlingenVelden.Leerlingnummer);
            var voornaam = W(LeerlingenVelden.Voornaam);
            var tussenvoegsel = W(LeerlingenVelden.Tussenvoegsel);
            var achternaam = W(LeerlingenVelden.Achternaam);
            var datumTekst = W(LeerlingenVelden.Geboortedatum);
            var klasTekst = W(LeerlingenVelden.Klas);

            if (nummer is null)
            {
                Fout("leerlingnummer ontbreekt");
            }
            else if (nummer.Length > 20)
            {
                Fout($"leerlingnummer '{nummer[..20]}…' is langer dan 20 tekens");
            }
            else if (eersteRij.TryGetValue(nummer, out var eerder))
            {
                Fout($"dubbele rij: leerlingnummer {nummer} staat ook in rij {eerder}");
            }
            else
            {
                eersteRij[nummer] = rij.Nummer;
            }
            Tekst(voornaam, "voornaam", 100, verplicht: true);
            Tekst(tussenvoegsel, "tussenvoegsel", 20, verplicht: false);
            Tekst(achternaam, "achternaam", 100, verplicht: true);

            DateOnly geboortedatum = default;
            if (datumTekst is null)
            {
                Fout("geboortedatum ontbreekt");
            }
            else if (!ImportDatum.TryParse(datumTekst, out geboortedatum) || geboortedatum > vandaag || geboortedatum.Year < 1900)
            {
                Fout($"ongeldige geboortedatum '{datumTekst}'");
            }

            (string Naam, Guid Id) klas = default;
            if (klasTekst is null)
            {
                Fout("klas ontbreekt");
            }
            else if (!klasOpNaam.TryGetValue(klasTekst, out klas))
            {
                Fout($"onbekende klas '{klasTekst}'");
            }

            var ouders = new List<OuderRegel>(2);
            for (var n = 1; n <= 2; n++)
            {
                var ouder = LeesOuder(n, W, Fout);
                if (ouder is not null)
                {
                    ouders.Add(ouder);
                }
            }

            var naam = string.Join(' ', new[] { voornaam, tussenvoegsel, achternaam }.Where(d => d is not null));
            var ouder1 = ouders.Count > 0 ? string.Join(' ', new[] { ouders[0].Voornaam, ouders[0].Tussenvoegsel, ouders[0].Achternaam }
                .Where(d => !string.IsNullOrEmpty(d))) + (ouders[0].Email is { } e ? $" ({e})" : "") : null;
            rijen.Add(new RijWeergave(rij.Nummer, nummer, naam, datumTekst, klasTekst, ouder1, meldingen));
            if (meldingen.Count == 0)
            {
                geldig.Add(new LeerlingRegel(rij.Nummer, nummer!, voornaam!, tussenvoegsel, achternaam!, geboortedatum, klas.Naam!, klas.Id, ouders));
            }

            void Tekst(string? waarde, string wat, int maximum, bool verplicht)
            {
                if (waarde is null && verplicht)
                {
                    Fout($"{wat} ontbreekt");
                }
                else if (waarde is not null && waarde.Length > maximum)
                {
                    Fout($"{wat} is langer dan {maximum} tekens");
                }
            }
        }
        return new LeerlingRegels
        {
            Geldig = geldig,
            Rijen = rijen,
            AlleLeerlingnummers = tabel.Rijen.Select(r => r.Waarde(kolom[LeerlingenVelden.Leerlingnummer]))
                .OfType<string>().ToHashSet(StringComparer.Ordinal),
        };
    }

    private static OuderRegel? LeesOuder(int n, Func<string, string?> waarde, Action<string> fout)
    {
        var voornaam = waarde(LeerlingenVelden.Ouder(n, LeerlingenVelden.OuderVoornaam));
        var tussenvoegsel = waarde(LeerlingenVelden.Ouder(n, LeerlingenVelden.OuderTussenvoegsel));
        var achternaam = waarde(LeerlingenVelden.Ouder(n, LeerlingenVelden.OuderAchternaam));
        var email = waarde(LeerlingenVelden.Ouder(n, LeerlingenVelden.OuderEmail));
        var telefoon = waarde(LeerlingenVelden.Ouder(n, LeerlingenVelden.OuderTelefoon));
        var relatieTekst = waarde(LeerlingenVelden.Ouder(n, LeerlingenVelden.OuderRelatie));
        if (voornaam is null && tussenvoegsel is null && achternaam is null && email is null && telefoon is null)
        {
            // A relation alone ("moeder") describes nobody.
            return null;
        }
        var meldingenVoor = 0;
        void Fout(string tekst)
        {
            meldingenVoor++;
            fout(tekst);
        }
        if (achternaam is null)
        {
            Fout($"achternaam van ouder {n} ontbreekt");
        }
        if (email is not null && !IsEmail(email))
        {
            Fout($"ongeldig e-mailadres '{email}' bij ouder {n}");
        }
        if (voornaam?.Length > 100 || achternaam?.Length > 100 || tussenvoegsel?.Length > 20)
        {
            Fout($"naam van ouder {n} is te lang");
        }
        if (email?.Length > 256)
        {
            Fout($"e-mailadres van ouder {n} is te lang");
        }
        if (telefoon?.Length > 30)
        {
            Fout($"telefoonnummer van ouder {n} is langer dan 30 tekens");
        }
        return meldingenVoor > 0 ? null : new OuderRegel(n, voornaam ?? "", tussenvoegsel, achternaam!, email, telefoon, Relatie(relatieTekst));
    }

    public static bool IsEmail(string tekst)
    {
        ArgumentNullException.ThrowIfNull(tekst);
        if (tekst.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(tekst, out var adres) || adres.Address != tekst)
        {
            return false;
        }
        var domein = adres.Host;
        return domein.Contains('.', StringComparison.Ordinal) && !domein.StartsWith('.') && !domein.EndsWith('.');
    }

    /// <summary>The relation as SIS exports name it; unknown words count as "verzorger", an empty cell as unknown.</summary>
    public static OuderRelatie? Relatie(string? tekst) => tekst is null ? null : LeerlingenVelden.Normaliseer(tekst) switch
    {
        "moeder" or "mama" or "m" => OuderRelatie.Moeder,
        "vader" or "papa" or "v" => OuderRelatie.Vader,
        "voogd" or "voogdes" => OuderRelatie.Voogd,
        "nidos" or "nidosvoogd" or "voogdnidos" or "nidosvoogdes" => OuderRelatie.NidosVoogd,
        _ => OuderRelatie.Verzorger,
    };
}

/// <summary>Birth dates as Dutch exports write them: 5-3-2012, 05-03-2012, 2012-03-05, 5/3/2012, or an Excel serial date.</summary>
public static class ImportDatum
{
    private static readonly string[] Formaten =
    [
        "d-M-yyyy", "yyyy-M-d", "d/M/yyyy", "d.M.yyyy", "yyyy/M/d",
        "d-M-yyyy H:mm", "d-M-yyyy H:mm:ss", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "d/M/yyyy H:mm", "d/M/yyyy H:mm:ss",
        "yyyy-M-d'T'H:mm:ss",
    ];

    public static bool TryParse(string? tekst, out DateOnly datum)
    {
        datum = default;
        if (string.IsNullOrWhiteSpace(tekst))
        {
            return false;
        }
        tekst = tekst.Trim();
        if (DateTime.TryParseExact(tekst, Formaten, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            datum = DateOnly.FromDateTime(moment);
            return true;
        }
        // Excel stores a date as the number of days since 30 December 1899; 10000 to 80000 is 1927 to 2119,
        // so that a bare year ("2012") is not taken for a day in 1905.
        if (double.TryParse(tekst, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serieel)
            && serieel is >= 10000 and < 80000)
        {
            datum = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serieel)));
            return true;
        }
        return false;
    }
}
