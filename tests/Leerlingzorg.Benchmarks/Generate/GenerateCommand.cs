using System.Diagnostics;
using System.Globalization;
using Leerlingzorg.Benchmarks.Cli;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.DemoData;

namespace Leerlingzorg.Benchmarks.Generate;

/// <summary>
/// <c>generate [--schools 30] [--leerlingen 45000] [--seed 42] [--connection "…"] [--keep]</c>: a region in a
/// database, with rows/s per table. Without <c>--connection</c> it starts its own cluster for the command's duration.
/// </summary>
internal static class GenerateCommand
{
    public const int DefaultScholen = 30;
    public const int DefaultLeerlingen = 45_000;
    public const int DefaultSeed = 42;

    public static RegionSpec Spec(Arguments args) => new(
        args.GetInt("schools", DefaultScholen, minimum: 1),
        args.GetInt("leerlingen", DefaultLeerlingen, minimum: 0),
        args.GetInt("seed", DefaultSeed),
        Leerlingzorg.Domain.Schoolkalender.HuidigSchooljaar(TimeProvider.System));

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        args.AllowOnly("schools", "leerlingen", "seed", "connection", "keep");
        var spec = Spec(args);
        if (args.Get("connection") is { } connection)
        {
            await GenerateAsync(spec, connection, cancellationToken);
            return 0;
        }
        Console.WriteLine($"Starting a fresh local PostgreSQL cluster '{BenchCluster.Name}'…");
        await using var cluster = await BenchCluster.StartAsync(fresh: true, cancellationToken);
        var region = await GenerateAsync(spec, cluster.SuperuserConnection, cancellationToken);
        if (args.Has("keep"))
        {
            cluster.Keep();
            Console.WriteLine($"Every login has the demo password '{DemoDataSeeder.Wachtwoord}', for example:");
            foreach (var (rol, email, waar) in region.Voorbeeldlogins)
            {
                Console.WriteLine($"  {email,-48} {rol} ({waar})");
            }
        }
        return 0;
    }

    /// <summary>Generates the region in memory, writes it with COPY and prints the report.</summary>
    public static async Task<Region> GenerateAsync(RegionSpec spec, string connectionString, CancellationToken cancellationToken)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generating {spec.Scholen} schools with {spec.Leerlingen:N0} leerlingen, seed {spec.Seed}, schooljaar {spec.Schooljaar}…"));
        var total = Stopwatch.GetTimestamp();
        var region = RegionGenerator.Generate(spec);
        var generated = Stopwatch.GetElapsedTime(total);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  in memory: {generated.TotalMilliseconds:N0} ms ({region.Klassen.Count:N0} klassen, {region.Gebruikers.Count:N0} gebruikers, {region.Ouders.Count:N0} ouders)"));
        Console.WriteLine();
        Console.WriteLine($"  {"table",-24} {"rows",9} {"ms",8} {"rows/s",10}");
        var timings = await new RegionWriter(connectionString).WriteAsync(region, t => Console.WriteLine(Row(t)), cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(total);
        var rows = timings.Sum(t => t.Rows);
        var load = new TableTiming("COPY + ANALYZE", rows, TimeSpan.FromTicks(timings.Sum(t => t.Elapsed.Ticks)));
        Console.WriteLine("  " + new string('-', 54));
        Console.WriteLine(Row(load));
        Console.WriteLine(Row(new TableTiming("overall (incl. generate)", rows, elapsed)));
        Console.WriteLine("  " + Bench.BenchTarget.LoadAverage());
        return region;
    }

    private static string Row(TableTiming t) => string.Create(CultureInfo.InvariantCulture,
        $"  {t.Table,-24} {t.Rows,9:N0} {t.Elapsed.TotalMilliseconds,8:N0} {(t.Rows == 0 ? "" : t.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture)),10}");
}
