using System.Diagnostics;
using System.Globalization;

namespace Leerlingzorg.Benchmarks.Bench;

/// <summary>Measured latencies of one scenario, in milliseconds, with nearest-rank percentiles.</summary>
internal sealed class Latencies(string name)
{
    private readonly List<double> milliseconds = [];
    private double[]? sorted;

    public string Name { get; } = name;
    public int Count => milliseconds.Count;

    public void Add(TimeSpan elapsed)
    {
        milliseconds.Add(elapsed.TotalMilliseconds);
        sorted = null;
    }

    /// <summary>Runs and times one operation.</summary>
    public async Task<T> TimeAsync<T>(Func<Task<T>> operation)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await operation();
        Add(Stopwatch.GetElapsedTime(started));
        return result;
    }

    public double Percentile(double p)
    {
        sorted ??= [.. milliseconds.Order()];
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public double Mean => milliseconds.Count == 0 ? double.NaN : milliseconds.Average();

    public static string Header(int nameWidth) =>
        $"  {"scenario".PadRight(nameWidth)} {"n",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"mean ms",8} {"max ms",8}";

    public string Row(int nameWidth) => string.Create(CultureInfo.InvariantCulture,
        $"  {Name.PadRight(nameWidth)} {Count,6} {Percentile(50),8:F2} {Percentile(95),8:F2} {Percentile(99),8:F2} {Mean,8:F2} {Percentile(100),8:F2}");
}
