using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Leerlingzorg.E2E;

/// <summary>
/// Runs Leerlingzorg as a user would start it (Development, embedded PostgreSQL with demo data, its own
/// cluster) on a free port, and Debian's Chromium through Playwright. One per test run.
/// </summary>
public sealed class AppHost : IAsyncLifetime
{
    private Process? app;
    private readonly string clusterName = "e2e-" + Environment.ProcessId;

    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();
    public static string Screenshots { get; } = Path.Combine(RepositoryRoot, "docs", "screenshots");

    public async Task InitializeAsync()
    {
        // Assertions wait as long as actions: on 2 busy cores a server round trip can take more than Playwright's 5 s.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(20_000);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var webProject = Path.Combine(RepositoryRoot, "src", "Leerlingzorg.Web");
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "Leerlingzorg.Web.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = BaseUrl;
        info.Environment["LocalPostgres__Name"] = clusterName;
        info.Environment["LocalPostgres__Fresh"] = "true";
        info.Environment["Logging__Directory"] = Path.Combine(Path.GetTempPath(), "leerlingzorg-e2e-logs");
        app = Process.Start(info) ?? throw new InvalidOperationException("Leerlingzorg start niet.");
        var output = new System.Text.StringBuilder();
        app.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        app.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        await WaitUntilHealthyAsync(output);

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the real login page and waits for the interactive start page.</summary>
    public async Task<IPage> LoginAsync(string email, string wachtwoord = "Leerlingzorg-demo-2026", ColorScheme colorScheme = ColorScheme.Light)
    {
        var page = await NewPageAsync(colorScheme: colorScheme);
        await page.GotoAsync("/Account/Login");
        for (var poging = 1; ; poging++)
        {
            await page.GetByLabel("E-mailadres").FillAsync(email);
            await page.GetByLabel("Wachtwoord").FillAsync(wachtwoord);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
            try
            {
                // Hashing the password is CPU work: with the integration tests on the other core it has taken over 20 s.
                await page.WaitForURLAsync(BaseUrl + "/", new() { Timeout = 45_000 });
                return page;
            }
            catch (TimeoutException) when (poging == 1 && page.Url.Contains("/Account/Login", StringComparison.Ordinal))
            {
                // Once in a loaded CI run the form came back unsigned-in (the fields were filled before the page had
                // settled). Keep what the page said, then sign in once more the way a user would.
                Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "leerlingzorg-e2e"));
                await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "leerlingzorg-e2e", $"login-{email}.png") });
                Console.Error.WriteLine($"Inloggen als {email} bleef op {page.Url}: {await page.Locator("body").InnerTextAsync()}");
                await page.GotoAsync("/Account/Login");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        Playwright?.Dispose();
        if (app is { HasExited: false })
        {
            // SIGTERM: the app stops its PostgreSQL on the way out.
            using (var kill = Process.Start("kill", ["-TERM", app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await app.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                app.Kill(entireProcessTree: true);
            }
        }
        app?.Dispose();
        var cluster = Path.Combine(Path.GetTempPath(), "leerlingzorg-pg", clusterName);
        if (Directory.Exists(cluster))
        {
            Directory.Delete(cluster, recursive: true);
            File.Delete(cluster + ".secrets");
        }
    }

    private async Task WaitUntilHealthyAsync(System.Text.StringBuilder output)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (app!.HasExited)
            {
                throw new InvalidOperationException("Leerlingzorg stopte tijdens het starten:\n" + output);
            }
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("Leerlingzorg werd niet gezond binnen 180 s:\n" + output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Leerlingzorg.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Leerlingzorg.sln niet gevonden boven " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppHost>
{
    public const string Name = "app";
}
