namespace Leerlingzorg.Domain.Tests;

/// <summary>
/// The build refuses a clock call in src/ (BannedApiAnalyzers, ADR 0007); these tests keep that guard in place:
/// the banned list stays complete, every src project gets it, and no source reads the clock another way.
/// </summary>
public sealed class EenSchoolklokTests
{
    private static readonly string Src = Path.Combine(Repo(), "src");
    private static readonly string[] Patronen = ["*.cs", "*.razor"];

    public static TheoryData<string> Verboden => new()
    {
        "P:System.DateTime.Now", "P:System.DateTime.Today", "P:System.DateTime.UtcNow",
        "P:System.DateTimeOffset.Now", "P:System.DateTimeOffset.UtcNow", "M:System.TimeProvider.GetLocalNow",
        "P:System.DateTimeOffset.UtcDateTime", "P:System.DateTimeOffset.LocalDateTime",
        "P:System.DateTimeOffset.Date", "P:System.DateTimeOffset.DateTime",
    };

    [Theory]
    [MemberData(nameof(Verboden))]
    public void The_banned_list_holds_every_other_way_to_read_the_clock(string symbool)
    {
        var regels = File.ReadAllLines(Path.Combine(Src, "BannedSymbols.txt")).Select(r => r.Split(';')[0].Trim());

        Assert.Contains(symbool, regels);
    }

    [Fact]
    public void Every_src_project_builds_with_the_banned_list_as_an_error()
    {
        var props = File.ReadAllText(Path.Combine(Src, "Directory.Build.props"));

        Assert.Contains("Microsoft.CodeAnalysis.BannedApiAnalyzers", props, StringComparison.Ordinal);
        Assert.Contains("BannedSymbols.txt", props, StringComparison.Ordinal);
        Assert.Contains("RS0030", props, StringComparison.Ordinal);
        // The props import the repository's own (nothing else is lost) and no project opts out.
        Assert.Contains("GetPathOfFileAbove('Directory.Build.props'", props, StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(Src, "*.csproj", SearchOption.AllDirectories),
            p => Assert.DoesNotContain("RS0030", File.ReadAllText(p), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DateTime.Now")]
    [InlineData("DateTime.Today")]
    [InlineData("DateTime.UtcNow")]
    [InlineData("DateTimeOffset.Now")]
    [InlineData("DateTimeOffset.UtcNow")]
    [InlineData("GetLocalNow")]
    [InlineData(".LocalDateTime")]
    public void No_source_in_src_reads_the_clock_but_through_the_TimeProvider_and_Schoolkalender(string aanroep)
    {
        var treffers = Bronnen()
            .SelectMany(p => File.ReadLines(p).Select((regel, i) => (p, regel, i)))
            .Where(t => t.regel.Contains(aanroep, StringComparison.Ordinal))
            .Select(t => $"{Path.GetRelativePath(Src, t.p)}:{t.i + 1}")
            .ToList();

        Assert.Empty(treffers);
    }

    [Fact]
    public void Only_the_timeline_still_suppresses_the_ban_until_its_rewrite()
    {
        var onderdrukt = Bronnen()
            .Where(p => File.ReadAllText(p).Contains("disable RS0030", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(Src, p).Replace('\\', '/'))
            .ToList();

        Assert.All(onderdrukt, p => Assert.Equal("Leerlingzorg.Web/Features/Dossier/Tijdlijn.cs", p));
    }

    private static IEnumerable<string> Bronnen() =>
        Patronen
            .SelectMany(patroon => Directory.GetFiles(Src, patroon, SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Repo()
    {
        for (var map = new DirectoryInfo(AppContext.BaseDirectory); map is not null; map = map.Parent)
        {
            if (File.Exists(Path.Combine(map.FullName, "Leerlingzorg.sln")))
            {
                return map.FullName;
            }
        }
        throw new InvalidOperationException("The repository (Leerlingzorg.sln) is not above " + AppContext.BaseDirectory);
    }
}
