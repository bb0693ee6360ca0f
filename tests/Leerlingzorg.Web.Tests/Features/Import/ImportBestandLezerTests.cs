using System.Text;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Import;
using MiniExcelLibs;

namespace Leerlingzorg.Web.Tests.Features.Import;

/// <summary>Reading SIS exports: separators, encodings, BOM, Excel, headers and dates. No database.</summary>
public sealed class ImportBestandLezerTests
{
    private const string Magister = "Stamnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas\n";

    private static ImportTabel Lees(byte[] inhoud, string naam = "export.csv")
    {
        var result = ImportBestandLezer.Lees(inhoud, naam);
        Assert.True(result.IsGelukt, result.Fout?.Melding);
        return result.Waarde!;
    }

    [Fact]
    public void A_semicolon_separated_UTF8_file_without_BOM_is_read_with_its_accents()
    {
        var tabel = Lees(Encoding.UTF8.GetBytes(Magister + "12345;Zoë;van der;Brück;5-3-2012;1A\n12346;François;;Çelik;2012-03-06;2B\n"));

        Assert.Equal(["Stamnummer", "Roepnaam", "Voorvoegsel", "Achternaam", "Geboortedatum", "Klas"], tabel.Kolommen);
        Assert.Equal(2, tabel.Rijen.Count);
        Assert.Equal(["12345", "Zoë", "van der", "Brück", "5-3-2012", "1A"], tabel.Rijen[0].Waarden);
        Assert.Null(tabel.Rijen[1].Waarde(2));
        Assert.Equal("Çelik", tabel.Rijen[1].Waarde(3));
        Assert.Contains("puntkomma", tabel.Formaat, StringComparison.Ordinal);
        Assert.Contains("UTF-8", tabel.Formaat, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comma_separated_file_with_a_BOM_has_no_BOM_in_its_first_header()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Leerlingnummer,Voornaam,Achternaam\r\n1,Noël,Jansen\r\n")).ToArray();
        var tabel = Lees(bytes);

        Assert.Equal("Leerlingnummer", tabel.Kolommen[0]);
        Assert.Equal("Noël", tabel.Rijen[0].Waarde(1));
        Assert.Contains("komma", tabel.Formaat, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Windows_1252_file_is_recognised_because_it_is_not_valid_UTF8()
    {
        var bytes = ImportBestandLezer.Windows1252.GetBytes(Magister + "1;Renée;;Müller;1-1-2012;1A\n2;Jörg;;Çakır;1-1-2012;1A\n".Replace("ı", "i", StringComparison.Ordinal));
        var tabel = Lees(bytes);

        Assert.Equal("Renée", tabel.Rijen[0].Waarde(1));
        Assert.Equal("Müller", tabel.Rijen[0].Waarde(3));
        Assert.Equal("Jörg", tabel.Rijen[1].Waarde(1));
        Assert.Equal("Çakir", tabel.Rijen[1].Waarde(3));
        Assert.Contains("Windows-1252", tabel.Formaat, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_fields_keep_their_separators_and_row_numbers_count_like_a_spreadsheet()
    {
        var tabel = Lees(Encoding.UTF8.GetBytes("Nummer;Naam;Klas\n1;\"Jansen; Piet\";1A\n\n3;\"de \"\"Vries\"\"\";2B\n"));

        Assert.Equal("Jansen; Piet", tabel.Rijen[0].Waarde(1));
        Assert.Equal("de \"Vries\"", tabel.Rijen[1].Waarde(1));
        Assert.Equal(2, tabel.Rijen[0].Nummer);
        Assert.Equal(4, tabel.Rijen[1].Nummer);
    }

    [Theory]
    [InlineData("a;b;c", ';')]
    [InlineData("a,b,c", ',')]
    [InlineData("a\tb\tc", '\t')]
    [InlineData("\"x,y\";b;c", ';')]
    [InlineData("alleen", ';')]
    public void The_separator_is_the_one_the_header_line_uses(string kop, char verwacht) =>
        Assert.Equal(verwacht, ImportBestandLezer.Scheidingsteken(kop + "\n1,2,3,4,5,6"));

    [Fact]
    public void An_XLSX_file_reads_its_first_sheet_with_numbers_and_dates_as_text()
    {
        using var stream = new MemoryStream();
        var rijen = new[]
        {
            new Dictionary<string, object?>
            {
                ["Leerlingnummer"] = 12345, ["Roepnaam"] = "Zoë", ["Achternaam"] = "Öztürk",
                ["Geboortedatum"] = new DateTime(2012, 3, 5), ["Stamgroep"] = "1A",
            },
            new Dictionary<string, object?>
            {
                ["Leerlingnummer"] = 12346, ["Roepnaam"] = "Daan", ["Achternaam"] = "Jansen",
                ["Geboortedatum"] = new DateTime(2011, 12, 31), ["Stamgroep"] = "2B",
            },
        };
        MiniExcel.SaveAs(stream, rijen, excelType: ExcelType.XLSX);

        var tabel = Lees(stream.ToArray(), "export.xlsx");

        Assert.Equal(["Leerlingnummer", "Roepnaam", "Achternaam", "Geboortedatum", "Stamgroep"], tabel.Kolommen);
        Assert.Equal(2, tabel.Rijen.Count);
        Assert.Equal("12345", tabel.Rijen[0].Waarde(0));
        Assert.Equal("Zoë", tabel.Rijen[0].Waarde(1));
        Assert.True(ImportDatum.TryParse(tabel.Rijen[0].Waarde(3), out var datum), tabel.Rijen[0].Waarde(3));
        Assert.Equal(new DateOnly(2012, 3, 5), datum);
        Assert.Equal(2, tabel.Rijen[0].Nummer);
        Assert.Contains("Excel", tabel.Formaat, StringComparison.Ordinal);
    }

    [Fact]
    public void An_XLSX_file_is_recognised_by_its_content_whatever_its_name()
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new[] { new Dictionary<string, object?> { ["Klas"] = "1A" } }, excelType: ExcelType.XLSX);
        Assert.Equal(["Klas"], Lees(stream.ToArray(), "export.csv").Kolommen);
    }

    [Fact]
    public void A_file_over_10_MB_is_refused_in_Dutch()
    {
        var result = ImportBestandLezer.Lees(new byte[ImportBestandLezer.MaximaleGrootte + 1], "groot.csv");
        Assert.Equal(FoutSoort.Ongeldig, result.Fout!.Soort);
        Assert.Contains("10 MB", result.Fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_a_stream_stops_at_10_MB()
    {
        await using var stream = new MemoryStream(new byte[ImportBestandLezer.MaximaleGrootte + 100]);
        var result = await ImportBestandLezer.LeesAsync(stream, "groot.csv");
        Assert.Contains("10 MB", result.Fout!.Melding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oud.xls", "xlsx")]
    [InlineData("leeg.csv", "leeg")]
    public void Files_that_cannot_be_read_get_a_Dutch_explanation(string naam, string woord)
    {
        var inhoud = naam.EndsWith(".xls", StringComparison.Ordinal) ? new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0 } : [];
        var result = ImportBestandLezer.Lees(inhoud, naam);
        Assert.Contains(woord, result.Fout!.Melding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5-3-2012")]
    [InlineData("05-03-2012")]
    [InlineData("2012-03-05")]
    [InlineData("5/3/2012")]
    [InlineData("05/03/2012")]
    [InlineData("5.3.2012")]
    [InlineData("2012-03-05 00:00:00")]
    [InlineData("5-3-2012 0:00")]
    [InlineData("40973")]
    public void Birth_dates_are_read_in_the_usual_Dutch_and_Excel_forms(string tekst)
    {
        Assert.True(ImportDatum.TryParse(tekst, out var datum));
        Assert.Equal(new DateOnly(2012, 3, 5), datum);
    }

    [Theory]
    [InlineData("31-02-2012")]
    [InlineData("2012")]
    [InlineData("5 maart 2012")]
    [InlineData("3/31/2012")]
    [InlineData("")]
    public void Impossible_or_ambiguous_dates_are_refused(string tekst) => Assert.False(ImportDatum.TryParse(tekst, out _));
}
