using System.Diagnostics;
using System.Net;
using Leerlingzorg.Web.Infrastructure.LocalPostgres;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Leerlingzorg.Web.Tests.Operations;

/// <summary>
/// Production starts while PostgreSQL is down or its database is missing: the calm 503 page, not a 500, and the
/// app recovers by itself, with the key ring it already had (no fresh key that would void everyone's cookies).
/// A cluster of its own, so that stopping it does not disturb the other tests.
/// </summary>
public sealed class DatabaseAtStartupTests : IAsyncLifetime
{
    private const string Kalm = "Leerlingzorg is even niet bereikbaar";
    private LocalPostgres postgres = null!;
    private TestDatabaseInfo info = null!;

    public async Task InitializeAsync()
    {
        postgres = await LocalPostgres.StartAsync("startup-" + Environment.ProcessId, fresh: true);
        await postgres.CreateDatabaseAsync("leerlingzorg");
        info = new TestDatabaseInfo("leerlingzorg",
            postgres.ConnectionString("leerlingzorg", LocalPostgres.OwnerRole),
            postgres.ConnectionString("leerlingzorg", LocalPostgres.AppRole),
            postgres.ConnectionString("leerlingzorg", "postgres"));
        await Database.MigrateAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:LeerlingzorgOwner"] = info.OwnerConnectionString,
        }).Build());
    }

    public async Task DisposeAsync() => await postgres.StopAndDeleteAsync();

    private static WebApplicationFactory<Program> Production(TestDatabaseInfo database) =>
        new TestApp(database).WithWebHostBuilder(b => b.UseEnvironment("Production"));

    private static HttpClient Https(WebApplicationFactory<Program> app) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost"),
    });

    private async Task<List<string>> KeysAsync()
    {
        // Unpooled: the restart breaks pooled connections.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(info.OwnerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select friendly_name from data_protection_keys order by id", connection);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    [Fact]
    public async Task Started_while_the_database_is_down_it_answers_503_and_recovers_with_the_keys_it_had()
    {
        // A first run made the key ring and signed a user in.
        string cookie;
        await using (var first = new TestApp(info))
        {
            var user = await new TestData(first).UserAsync(await SchoolAsync(first), "Mentor");
            var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
            var login = await LoginClient.LoginAsync(client, user.Email!, TestData.Wachtwoord);
            Assert.True(LoginClient.IsSignedIn(login));
            cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Leerlingzorg.Auth=", StringComparison.Ordinal)).Split(';')[0];
        }
        var keys = await KeysAsync();
        Assert.NotEmpty(keys);

        await postgres.StopAsync();
        await using var app = Production(info);
        var http = Https(app);
        foreach (var path in new[] { "/Account/Login", "/bestaat-niet" })
        {
            var down = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Contains(Kalm, await down.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await postgres.RestartAsync();
        HttpResponseMessage back = null!;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            back = await http.GetAsync("/Account/Login");
            if (back.StatusCode == HttpStatusCode.OK)
            {
                break;
            }
            await Task.Delay(300);
        }
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/bestaat-niet")).StatusCode);
        Assert.Equal(keys, await KeysAsync());
        // The cookie of before the outage still signs in.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Started_against_a_database_that_does_not_exist_it_answers_503()
    {
        var missing = new NpgsqlConnectionStringBuilder(info.AppConnectionString) { Database = "bestaat_niet" }.ConnectionString;
        await using var app = Production(info with { AppConnectionString = missing, OwnerConnectionString = missing });
        var http = Https(app);
        foreach (var path in new[] { "/Account/Login", "/bestaat-niet" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains(Kalm, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Started_in_Production_without_a_connection_string_it_prints_the_message_alone_and_exits_non_zero()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Leerlingzorg.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
        }
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var web = Path.Combine(root, "src", "Leerlingzorg.Web");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(web, "bin", configuration, "net10.0", "Leerlingzorg.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__Directory"] = Path.Combine(Path.GetTempPath(), "leerlingzorg-test-logs");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("ConnectionStrings:Leerlingzorg ontbreekt", text, StringComparison.Ordinal);
        Assert.Contains("is not configured", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    private static async Task<Guid> SchoolAsync(TestApp app)
    {
        var swv = new Domain.Organisatie.Samenwerkingsverband { Naam = "SWV Start" };
        var school = new Domain.Organisatie.School { Naam = "School Start", Brinnummer = "ST01", SamenwerkingsverbandId = swv.Id };
        await using var db = app.ContextFor(null);
        db.Samenwerkingsverbanden.Add(swv);
        db.Scholen.Add(school);
        await db.SaveChangesAsync();
        return school.Id;
    }
}
