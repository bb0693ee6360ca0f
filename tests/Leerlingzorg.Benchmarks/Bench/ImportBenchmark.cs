namespace Leerlingzorg.Benchmarks.Bench;

/// <summary>
/// <c>bench import</c>: STUB. The SIS import (Features/Import) is being built by another engineer; this
/// benchmark gets wired to its handler once it lands (issue 3). Until then it only says where to look.
/// </summary>
internal static class ImportBenchmark
{
    public static void Run() => Console.WriteLine("import benchmark: see Features/Import");
}
