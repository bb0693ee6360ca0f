using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Leerlingzorg.Benchmarks.Bench;

namespace Leerlingzorg.Benchmarks.Bdn;

/// <summary>
/// The student quick search under BenchmarkDotNet (<c>-- bdn</c>): the real <c>LeerlingZoekenHandler</c> as a
/// zorgcoördinator and as a mentor, RLS off (superuser) as the baseline against the application role under RLS,
/// for a few kinds of term in one school. In process and with a short job,
/// because the database is prepared by the command first and the machine is shared.
/// </summary>
public class SearchBenchmarks
{
    private static AppPath? app;
    private static AppPath? superuser;
    private static Dictionary<string, SearchCase> cases = [];
    private static Dictionary<string, SearchReader> readers = [];

    internal static void Prepare(AppPath appPath, AppPath superuserPath, IReadOnlyList<SearchCase> all,
        IReadOnlyDictionary<(Guid School, string Soort), SearchReader> allReaders)
    {
        app = appPath;
        superuser = superuserPath;
        var school = all[0].School;
        readers = allReaders.Where(r => r.Key.School == school).ToDictionary(r => r.Key.Soort, r => r.Value, StringComparer.Ordinal);
        cases = all.Where(c => c.School == school && Soorten.Contains(c.Soort)).DistinctBy(c => c.Term)
            .ToDictionary(c => c.Term, StringComparer.Ordinal);
    }

    private static readonly string[] Soorten = ["full name", "typo: swapped letters", "accents left out", "leerlingnummer"];

    public static IEnumerable<string> Terms => cases.Keys;

    public static IEnumerable<string> Readers => readers.Keys;

    [ParamsSource(nameof(Terms))]
    public string Term { get; set; } = "";

    [ParamsSource(nameof(Readers))]
    public string Reader { get; set; } = SearchBenchmark.Zorg;

    [Benchmark(Baseline = true, Description = "superuser, RLS off")]
    public async Task<int> RlsOff() => (await SearchBenchmark.SearchAsync(superuser!, readers[Reader], cases[Term], CancellationToken.None)).Count;

    [Benchmark(Description = "app role, RLS on")]
    public async Task<int> AppRoleRlsOn() => (await SearchBenchmark.SearchAsync(app!, readers[Reader], cases[Term], CancellationToken.None)).Count;

    internal static IConfig ShortInProcessConfig() => ManualConfig.CreateEmpty()
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"))
        .AddLogger(ConsoleLogger.Default)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddExporter(MarkdownExporter.GitHub)
        // Not in the current folder: the repository is shared.
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "leerlingzorg-bdn"));
}
