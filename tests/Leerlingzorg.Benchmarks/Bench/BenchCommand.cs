using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Leerlingzorg.Benchmarks.Bdn;
using Leerlingzorg.Benchmarks.Cli;

namespace Leerlingzorg.Benchmarks.Bench;

/// <summary><c>bench &lt;search|mijnklassen|plannen|import|all&gt;</c>, <c>bdn</c> and <c>stop</c>.</summary>
internal static class BenchCommand
{
    private static readonly string[] Scenarios = ["search", "mijnklassen", "plannen", "import", "all"];

    public static async Task<int> RunAsync(Arguments args, CancellationToken cancellationToken)
    {
        args.AllowOnly(BenchTarget.Options);
        var gevraagd = args.Positional.Skip(1).ToHashSet(StringComparer.Ordinal);
        if (gevraagd.Count == 0 || gevraagd.Except(Scenarios).Any())
        {
            throw new ArgumentException("bench needs one or more of: " + string.Join(", ", Scenarios));
        }
        if (gevraagd.Remove("all"))
        {
            gevraagd.UnionWith(["search", "mijnklassen", "plannen", "import"]);
        }
        var rounds = args.GetInt("rounds", 10, minimum: 1);
        var seed = args.GetInt("seed", Generate.GenerateCommand.DefaultSeed);
        await using var target = await BenchTarget.OpenAsync(args, cancellationToken);
        await using var app = AppPath.Create("app role", target.App);
        await using var superuser = AppPath.Create("superuser", target.Superuser);
        if (gevraagd.Contains("search"))
        {
            await SearchBenchmark.RunAsync(target, app, superuser, rounds, seed, cancellationToken);
        }
        if (gevraagd.Contains("mijnklassen"))
        {
            await MijnKlassenBenchmark.RunAsync(target, app, superuser, rounds, seed, cancellationToken);
        }
        if (gevraagd.Contains("plannen"))
        {
            // Issue 11: fills the region with OPPs (once), then the zorgcoördinator's plan pages and the parent's portal.
            await Dossier.PlannenBenchmark.RunAsync(target, app, rounds, seed, cancellationToken);
        }
        if (gevraagd.Contains("import"))
        {
            // Last: it adds 10,000 students to one school.
            await ImportBenchmark.RunAsync(target, app, cancellationToken);
        }
        Console.WriteLine();
        Console.WriteLine(BenchTarget.LoadAverage());
        return 0;
    }

    /// <summary><c>bdn</c>: the search as a BenchmarkDotNet class (short job, in process) on the same kind of target.</summary>
    public static async Task<int> RunBenchmarkDotNetAsync(Arguments args, CancellationToken cancellationToken)
    {
        args.AllowOnly(BenchTarget.Options);
        var seed = args.GetInt("seed", Generate.GenerateCommand.DefaultSeed);
        await using var target = await BenchTarget.OpenAsync(args, cancellationToken);
        await using var app = AppPath.Create("app role", target.App);
        await using var superuser = AppPath.Create("superuser", target.Superuser);
        var cases = await SearchBenchmark.LoadCasesAsync(target.Superuser, seed, cancellationToken);
        var readers = await SearchBenchmark.LoadReadersAsync(target.Superuser, [cases[0].School], cancellationToken);
        SearchBenchmarks.Prepare(app, superuser, cases, readers);
        var config = SearchBenchmarks.ShortInProcessConfig();
        IEnumerable<Summary> summaries = args.Rest.Count == 0
            ? [BenchmarkRunner.Run<SearchBenchmarks>(config)]
            : BenchmarkSwitcher.FromTypes([typeof(SearchBenchmarks)]).Run([.. args.Rest], config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary><c>stop</c>: stops and deletes the cluster that <c>--keep</c> left running.</summary>
    public static async Task<int> StopKeptClusterAsync(CancellationToken cancellationToken)
    {
        if (!BenchCluster.KeptClusterExists)
        {
            Console.WriteLine($"No kept '{BenchCluster.Name}' cluster.");
            return 0;
        }
        // The launcher knows how to stop it (as the postgres user when root): start it, then stop and delete it.
        await using (await BenchCluster.StartAsync(fresh: false, cancellationToken))
        {
        }
        Console.WriteLine($"Stopped and deleted the '{BenchCluster.Name}' cluster.");
        return 0;
    }
}
