using System.Diagnostics;
using System.Globalization;
using System.Text;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features.Import;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Leerlingzorg.Benchmarks.Bench;

/// <summary>
/// <c>bench import</c>: a Magister-like export of 10,000 students with two parents each, imported into one
/// school of the region as the application role (row-level security on), through the real import engine;
/// then the same file again (nothing to change). Issue 3's target: 10,000 rows in under 30 seconds.
/// </summary>
internal static class ImportBenchmark
{
    private const int Rijen = 10_000;

    public static async Task RunAsync(BenchTarget target, AppPath app, CancellationToken cancellationToken)
    {
        var (school, beheerder, klassen) = await KiesSchoolAsync(target.Superuser, cancellationToken);
        var bestand = Exporteer(Rijen, klassen);
        var verwerker = new ImportVerwerker(app.Pool, new ImportVoortgang(), TimeProvider.System, NullLogger<ImportVerwerker>.Instance);

        Console.WriteLine();
        Console.WriteLine($"import: {Rijen:N0} rows ({bestand.Length / 1024:N0} KiB, two parents each) into one school, app role, RLS on");
        foreach (var ronde in new[] { "first import (all new)", "re-import (unchanged)" })
        {
            await using var stream = new MemoryStream(bestand);
            var klok = Stopwatch.StartNew();
            var uitkomst = await verwerker.ImporteerAsync(school, beheerder, stream, "bench.csv", cancellationToken: cancellationToken);
            klok.Stop();
            var s = uitkomst.Samenvatting;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {ronde,-24} {klok.Elapsed.TotalSeconds,6:0.00} s  {Rijen / klok.Elapsed.TotalSeconds,8:N0} rows/s  (new {s.Nieuw}, updated {s.Bijgewerkt}, unchanged {s.Ongewijzigd}, errors {s.Fouten}; {uitkomst.Status})"));
        }
    }

    private static async Task<(Guid School, Guid Beheerder, List<string> Klassen)> KiesSchoolAsync(string superuser, CancellationToken cancellationToken)
    {
        var jaar = Leerlingzorg.Domain.Schoolkalender.HuidigSchooljaar(TimeProvider.System).Startjaar;
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT s.id, (SELECT g.id FROM gebruikers g WHERE g.school_id = s.id ORDER BY g.id LIMIT 1),
                   array(SELECT k.naam FROM klassen k WHERE k.school_id = s.id AND k.schooljaar = @jaar ORDER BY k.naam)
            FROM scholen s ORDER BY s.brinnummer LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("jaar", jaar);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("No school in the region: run generate first.");
        }
        return (reader.GetGuid(0), reader.GetGuid(1), [.. reader.GetFieldValue<string[]>(2)]);
    }

    /// <summary>An export in Magister's shape (';', Dutch headers), with numbers far from the generated ones.</summary>
    private static byte[] Exporteer(int rijen, List<string> klassen)
    {
        var csv = new StringBuilder(rijen * 200);
        csv.Append("Stamnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;")
            .Append("Roepnaam ouder/verzorger 1;Achternaam ouder/verzorger 1;E-mail ouder/verzorger 1;")
            .Append("Roepnaam ouder/verzorger 2;Achternaam ouder/verzorger 2;E-mail ouder/verzorger 2\n");
        for (var i = 0; i < rijen; i++)
        {
            var nummer = 900_000 + i;
            csv.Append(CultureInfo.InvariantCulture,
                $"{nummer};Leerling{i % 97};{(i % 3 == 0 ? "van" : "")};Bench{i % 89};{new DateOnly(2011, 1, 1).AddDays(i % 1400):dd-MM-yyyy};{klassen[i % klassen.Count]};")
                .Append(CultureInfo.InvariantCulture, $"Ouder{i % 53};Bench{i % 89};o1.{nummer}@bench.example;Ouder{i % 59};Bench{i % 89};o2.{nummer}@bench.example\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
