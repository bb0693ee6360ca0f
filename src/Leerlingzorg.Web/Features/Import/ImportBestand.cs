using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace Leerlingzorg.Web.Features.Import;

/// <summary>One data row of an uploaded file: its row number as a spreadsheet shows it (the header is row 1).</summary>
public sealed record ImportRij(int Nummer, IReadOnlyList<string?> Waarden)
{
    public string? Waarde(int kolom) => kolom >= 0 && kolom < Waarden.Count ? Waarden[kolom] : null;
}

/// <summary>An uploaded file read as a table of text: the headers of the first row, then the data rows.</summary>
public sealed record ImportTabel(string Formaat, IReadOnlyList<string> Kolommen, IReadOnlyList<ImportRij> Rijen)
{
    /// <summary>The index of a header (case-insensitive, trimmed), or -1.</summary>
    public int Kolom(string? kop)
    {
        if (string.IsNullOrWhiteSpace(kop))
        {
            return -1;
        }
        for (var i = 0; i < Kolommen.Count; i++)
        {
            if (string.Equals(Kolommen[i], kop.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>
/// Reads an SIS export: CSV (separator ";", "," or tab, detected from the header line; UTF-8 with or
/// without BOM, else Windows-1252) with CsvHelper, or XLSX (first sheet, first row the headers) with MiniExcel.
/// </summary>
public static class ImportBestandLezer
{
    public const long MaximaleGrootte = 10 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportBestandLezer()
    {
        // .NET knows only the Unicode encodings until the code pages are registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    /// <summary>Windows-1252, the "ANSI" code page Dutch Windows and Excel save CSV in.</summary>
    public static Encoding Windows1252 { get; }

    /// <summary>Reads at most <see cref="MaximaleGrootte"/> bytes of <paramref name="bestand"/> and parses them.</summary>
    public static async Task<Result<ImportTabel>> LeesAsync(Stream bestand, string bestandsnaam, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bestand);
        using var buffer = new MemoryStream();
        var blok = new byte[81920];
        int gelezen;
        while ((gelezen = await bestand.ReadAsync(blok, cancellationToken)) > 0)
        {
            if (buffer.Length + gelezen > MaximaleGrootte)
            {
                return TeGroot;
            }
            buffer.Write(blok, 0, gelezen);
        }
        return Lees(buffer.ToArray(), bestandsnaam);
    }

    public static Fout TeGroot { get; } = new(FoutSoort.Ongeldig, "Het bestand is groter dan 10 MB. Splits het bestand of laat alleen de nodige kolommen exporteren.");

    public static Result<ImportTabel> Lees(byte[] inhoud, string bestandsnaam)
    {
        ArgumentNullException.ThrowIfNull(inhoud);
        if (inhoud.LongLength > MaximaleGrootte)
        {
            return TeGroot;
        }
        if (inhoud.Length == 0)
        {
            return Ongeldig("Het bestand is leeg.");
        }
        var extensie = Path.GetExtension(bestandsnaam ?? "").ToLowerInvariant();
        var isZip = inhoud.Length > 4 && inhoud[0] == 'P' && inhoud[1] == 'K' && inhoud[2] == 3 && inhoud[3] == 4;
        var isOudExcel = inhoud.Length > 8 && inhoud[0] == 0xD0 && inhoud[1] == 0xCF && inhoud[2] == 0x11 && inhoud[3] == 0xE0;
        if (isOudExcel || extensie == ".xls")
        {
            return Ongeldig("Oude Excel-bestanden (.xls) kunnen niet worden ingelezen. Sla het bestand in Excel op als .xlsx of als CSV.");
        }
        if (isZip || extensie == ".xlsx")
        {
            return isZip ? LeesExcel(inhoud) : Ongeldig("Dit bestand is geen geldig Excel-bestand (.xlsx).");
        }
        return LeesCsv(inhoud);
    }

    private static Fout Ongeldig(string melding) => new(FoutSoort.Ongeldig, melding);

    private static Result<ImportTabel> LeesCsv(byte[] inhoud)
    {
        var (tekst, codering) = Decodeer(inhoud);
        var scheidingsteken = Scheidingsteken(tekst);
        var opties = CsvReaderOptions.Default with
        {
            Separator = scheidingsteken,
            HasHeader = false,
            TrimWhitespace = true,
            TrimInsideQuotes = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            // The values are students' personal data: keep them out of exception messages and logs.
            IncludeValuesInExceptions = false,
            DetectSeparatorHint = false,
        };
        using var reader = CsvReader.FromText(tekst, opties);
        string[]? kolommen = null;
        var rijen = new List<ImportRij>();
        while (reader.Read())
        {
            var velden = new string?[reader.FieldCount];
            for (var i = 0; i < velden.Length; i++)
            {
                // Cleaned here, once, so that a NUL or another control character in one cell can never reach
                // the database (where it fails the whole run) nor the preview.
                velden[i] = Domain.Tekst.RegelOfNull(reader.GetString(i));
            }
            if (kolommen is null)
            {
                // Excel writes "sep=;" on the first line when asked to; it is not the header.
                if (velden is [{ } eerste, ..] && eerste.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && velden.Skip(1).All(v => v is null))
                {
                    continue;
                }
                kolommen = velden.Select(v => v ?? "").ToArray();
                continue;
            }
            if (velden.All(v => v is null))
            {
                continue;
            }
            rijen.Add(new ImportRij((int)reader.LineNumber, velden));
        }
        if (kolommen is null || kolommen.All(string.IsNullOrWhiteSpace))
        {
            return Ongeldig("Het bestand heeft geen kopregel met kolomnamen.");
        }
        var naam = scheidingsteken switch { ';' => "puntkomma", ',' => "komma", _ => "tab" };
        return new ImportTabel($"CSV ({naam}, {codering})", UniekeKoppen(kolommen), rijen);
    }

    /// <summary>
    /// UTF-8 (with or without BOM) when the bytes are valid UTF-8; else Windows-1252. A file with a UTF-8 BOM
    /// whose text is not UTF-8 (an editor that added the mark to an "ANSI" file) is read as Windows-1252 too.
    /// </summary>
    public static (string Tekst, string Codering) Decodeer(byte[] inhoud)
    {
        ArgumentNullException.ThrowIfNull(inhoud);
        if (inhoud is [0xEF, 0xBB, 0xBF, ..])
        {
            try
            {
                return (StrictUtf8.GetString(inhoud, 3, inhoud.Length - 3), "UTF-8");
            }
            catch (DecoderFallbackException)
            {
                return (Windows1252.GetString(inhoud, 3, inhoud.Length - 3), "Windows-1252");
            }
        }
        if (inhoud is [0xFF, 0xFE, ..])
        {
            return (Encoding.Unicode.GetString(inhoud, 2, inhoud.Length - 2), "UTF-16");
        }
        try
        {
            return (StrictUtf8.GetString(inhoud), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Windows1252.GetString(inhoud), "Windows-1252");
        }
    }

    /// <summary>The separator that occurs most often in the header line (outside quotes); ";" on a tie.</summary>
    public static char Scheidingsteken(string tekst)
    {
        ArgumentNullException.ThrowIfNull(tekst);
        int puntkomma = 0, komma = 0, tab = 0;
        var tussenAanhalingstekens = false;
        foreach (var c in tekst)
        {
            if (c == '"')
            {
                tussenAanhalingstekens = !tussenAanhalingstekens;
            }
            else if (!tussenAanhalingstekens)
            {
                if (c is '\n' or '\r')
                {
                    break;
                }
                switch (c)
                {
                    case ';': puntkomma++; break;
                    case ',': komma++; break;
                    case '\t': tab++; break;
                }
            }
        }
        if (tab > puntkomma && tab > komma)
        {
            return '\t';
        }
        return komma > puntkomma ? ',' : ';';
    }

    private static Result<ImportTabel> LeesExcel(byte[] inhoud)
    {
        try
        {
            using var stream = new MemoryStream(inhoud, writable: false);
            List<string>? kolommen = null;
            var rijen = new List<ImportRij>();
            var rij = 0;
            foreach (IDictionary<string, object?> cellen in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                rij++;
                var waarden = cellen.Values.Select(Tekst).ToList();
                if (kolommen is null)
                {
                    if (waarden.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }
                    // Trailing empty header cells are formatting, not columns.
                    var laatste = waarden.FindLastIndex(w => !string.IsNullOrWhiteSpace(w));
                    kolommen = waarden.Take(laatste + 1).Select(w => w ?? "").ToList();
                    continue;
                }
                if (waarden.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                rijen.Add(new ImportRij(rij, waarden.Take(kolommen.Count).ToArray()));
            }
            if (kolommen is null)
            {
                return Ongeldig("Het eerste werkblad is leeg: er is geen kopregel met kolomnamen.");
            }
            return new ImportTabel("Excel (eerste werkblad)", UniekeKoppen(kolommen), rijen);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or System.Xml.XmlException or IndexOutOfRangeException)
        {
            return Ongeldig("Het Excel-bestand kan niet worden gelezen. Sla het opnieuw op als .xlsx of als CSV.");
        }
    }

    /// <summary>A cell as text: dates as yyyy-MM-dd, numbers without exponent or trailing zeros.</summary>
    private static string? Tekst(object? cel) => cel switch
    {
        null => null,
        string s => Domain.Tekst.RegelOfNull(s),
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("0.###############", CultureInfo.InvariantCulture),
        decimal d => d.ToString("0.###############", CultureInfo.InvariantCulture),
        bool b => b ? "ja" : "nee",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Domain.Tekst.RegelOfNull(cel.ToString()),
    };

    /// <summary>Empty headers get a name ("Kolom 4"); a repeated header gets a number, so that every column can be chosen.</summary>
    private static List<string> UniekeKoppen(IReadOnlyList<string> koppen)
    {
        var gezien = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var uniek = new List<string>(koppen.Count);
        for (var i = 0; i < koppen.Count; i++)
        {
            var kop = string.IsNullOrWhiteSpace(koppen[i]) ? $"Kolom {i + 1}" : koppen[i].Trim();
            var kandidaat = kop;
            for (var n = 2; !gezien.Add(kandidaat); n++)
            {
                kandidaat = $"{kop} ({n})";
            }
            uniek.Add(kandidaat);
        }
        return uniek;
    }
}
