using System.Globalization;
using System.Text;
using Leerlingzorg.Domain.Import;
using Leerlingzorg.Web.Features.Import;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Leerlingzorg.Web.Tests.Features.Import;

/// <summary>Thousands of students with two parents each, imported headlessly as the benchmark does.</summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class ImportPrestatieTests(ImportFixture fixture, ITestOutputHelper output) : IClassFixture<ImportFixture>
{
    /// <summary>A Magister-like export of <paramref name="aantal"/> students spread over the given classes, two parents each.</summary>
    public static byte[] Genereer(int aantal, IReadOnlyList<string> klassen, int start = 100000)
    {
        var csv = new StringBuilder(aantal * 220);
        csv.Append("Stamnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;")
            .Append("Roepnaam ouder/verzorger 1;Achternaam ouder/verzorger 1;E-mail ouder/verzorger 1;Telefoon ouder/verzorger 1;Relatie ouder/verzorger 1;")
            .Append("Roepnaam ouder/verzorger 2;Achternaam ouder/verzorger 2;E-mail ouder/verzorger 2;Telefoon ouder/verzorger 2;Relatie ouder/verzorger 2\n");
        string[] voornamen = ["Daan", "Zoë", "Sem", "Noor", "Lucas", "Chloë", "Jörg", "Fleur"];
        string[] achternamen = ["Jansen", "de Vries", "Müller", "Çelik", "Bakker", "Visser"];
        for (var i = 0; i < aantal; i++)
        {
            var nummer = start + i;
            var achternaam = achternamen[i % achternamen.Length];
            var (tussenvoegsel, naam) = achternaam.StartsWith("de ", StringComparison.Ordinal) ? ("de", achternaam[3..]) : ("", achternaam);
            var geboren = new DateOnly(2010, 1, 1).AddDays(i % 1500);
            csv.Append(CultureInfo.InvariantCulture, $"{nummer};{voornamen[i % voornamen.Length]};{tussenvoegsel};{naam};{geboren:d-M-yyyy};{klassen[i % klassen.Count]};")
                .Append(CultureInfo.InvariantCulture, $"Marieke;{naam};ouder1.{nummer}@ouders.example;06 {nummer:D8};Moeder;")
                .Append(CultureInfo.InvariantCulture, $"Mark;{naam};ouder2.{nummer}@ouders.example;06 {nummer + 1:D8};Vader\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Fact]
    public async Task A_large_export_imports_completely_and_a_second_run_finds_nothing_to_change()
    {
        // Correctness at scale; the speed (10,000 rows) is measured by `bench import` in the benchmarks project.
        var school = await fixture.SchoolAsync("Groot");
        var bestand = Genereer(3_000, ["1A", "2B", "3H"]);
        var verwerker = fixture.App.Services.GetRequiredService<ImportVerwerker>();

        await using (var stream = new MemoryStream(bestand))
        {
            var eerste = await verwerker.ImporteerAsync(school.Id, school.Beheerder.Id, stream, "groot.csv");
            output.WriteLine($"Eerste import van 3.000 rijen (6.000 ouders): {eerste.Duur.TotalSeconds:0.00} s");
            Assert.Equal(ImportStatus.Klaar, eerste.Status);
            Assert.Equal((3_000, 0, 0), (eerste.Samenvatting.Nieuw, eerste.Samenvatting.Bijgewerkt, eerste.Samenvatting.Fouten));
        }
        await using (var stream = new MemoryStream(bestand))
        {
            var tweede = await verwerker.ImporteerAsync(school.Id, school.Beheerder.Id, stream, "groot.csv");
            Assert.Equal((0, 0, 3_000), (tweede.Samenvatting.Nieuw, tweede.Samenvatting.Bijgewerkt, tweede.Samenvatting.Ongewijzigd));
        }

        await using var db = fixture.App.ContextFor(school.Id);
        Assert.Equal(3_003, await db.Leerlingen.CountAsync());
        Assert.Equal(6_001, await db.Ouders.CountAsync());
        Assert.Equal(3_003, await db.KlasPlaatsingen.CountAsync());
    }
}
