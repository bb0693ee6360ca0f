using System.Globalization;

namespace Leerlingzorg.Benchmarks.Cli;

/// <summary>A small command line: positional words, <c>--flag</c>s and <c>--option value</c> (or <c>--option=value</c>).</summary>
internal sealed class Arguments
{
    private static readonly HashSet<string> Flags = ["keep", "reuse", "help"];

    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    /// <summary>Everything after a lone <c>--</c>: passed on untouched (to BenchmarkDotNet).</summary>
    public List<string> Rest { get; } = [];

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var result = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                result.Rest.AddRange(args.Skip(i + 1));
                break;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                result.Positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                result.options[name[..equals]] = name[(equals + 1)..];
            }
            else if (Flags.Contains(name))
            {
                result.flags.Add(name);
            }
            else if (i + 1 < args.Count)
            {
                result.options[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"--{name} needs a value.");
            }
        }
        return result;
    }

    public bool Has(string flag) => flags.Contains(flag);

    public string? Get(string name) => options.GetValueOrDefault(name);

    public int GetInt(string name, int defaultValue, int minimum = 0)
    {
        if (Get(name) is not { } text)
        {
            return defaultValue;
        }
        if (!int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            || value < minimum)
        {
            throw new ArgumentException($"--{name} must be a whole number ≥ {minimum}, not '{text}'.");
        }
        return value;
    }

    /// <summary>Refuses options the command does not know, so that a typo does not silently run the defaults.</summary>
    public void AllowOnly(params string[] known)
    {
        var unknown = options.Keys.Concat(flags).Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException("Unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
        }
    }
}
