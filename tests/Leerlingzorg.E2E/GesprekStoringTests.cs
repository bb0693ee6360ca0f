using System.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>
/// PostgreSQL goes away while the mentor saves: the dialog says so in Dutch, keeps his text and saves it once the
/// database is back. Stops and starts the app's own embedded cluster; it is started again whatever happens.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class GesprekStoringTests(AppHost host)
{
    [Fact]
    public async Task Saving_while_the_database_is_down_says_so_keeps_the_text_and_works_when_it_is_back()
    {
        var page = await host.LoginAsync("mentor@vallei.example");
        await page.GetByTestId("klas-1K").Locator("tbody tr").Nth(10).Locator("[data-testid^='gesprek-']").ClickAsync();
        const string tekst = "Gesprek tijdens een storing: de tekst mag niet verloren gaan.";
        var samenvatting = page.GetByTestId("gesprek-samenvatting");
        await samenvatting.FillAsync(tekst);
        await Expect(page.GetByTestId("concept-status")).ToContainTextAsync("Concept opgeslagen", new() { Timeout = 15_000 });

        var cluster = new Cluster(Path.Combine(Path.GetTempPath(), "leerlingzorg-pg", "e2e-" + Environment.ProcessId));
        await cluster.StopAsync();
        try
        {
            await page.GetByTestId("gesprek-opslaan").ClickAsync();
            await Expect(page.GetByTestId("gesprek-fout"))
                .ToHaveTextAsync("De database is even niet bereikbaar. Je invoer is bewaard; probeer het zo opnieuw.", new() { Timeout = 30_000 });
            await Expect(samenvatting).ToHaveValueAsync(tekst);
            await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "44-gesprek-database-weg.png") });
        }
        finally
        {
            await cluster.StartAsync();
        }

        // Broken connections leave the pool as they are found: a few tries at most. Each try waits for "saved" (and goes
        // on the moment it shows); the next click waits for Opslaan to be enabled again after a failed try.
        var opgeslagen = page.GetByText("Gesprek opgeslagen");
        for (var poging = 0; poging < 10 && !await opgeslagen.IsVisibleAsync(); poging++)
        {
            await page.GetByTestId("gesprek-opslaan").ClickAsync();
            try
            {
                await Expect(opgeslagen).ToBeVisibleAsync(new() { Timeout = 2_000 });
            }
            catch (PlaywrightException)
            {
                // Not yet: this try met a broken connection.
            }
        }
        await Expect(opgeslagen).ToBeVisibleAsync();
    }

    /// <summary>The app's embedded cluster, stopped and started with the options it had (postmaster.opts).</summary>
    private sealed class Cluster(string data)
    {
        private string? opties;

        public async Task StopAsync()
        {
            // postmaster.opts: the server binary, then its quoted arguments.
            opties = (await File.ReadAllTextAsync(Path.Combine(data, "postmaster.opts"))).Trim();
            await PgCtlAsync("stop", "-D", data, "-m", "fast", "-w");
        }

        public async Task StartAsync()
        {
            var regel = opties ?? throw new InvalidOperationException("Het cluster is niet gestopt.");
            var argumenten = regel[(regel.IndexOf(' ', StringComparison.Ordinal) + 1)..].Replace("\"", "", StringComparison.Ordinal);
            await PgCtlAsync("start", "-D", data, "-w", "-l", Path.Combine(data, "server.log"), "-o", argumenten);
        }

        private static async Task PgCtlAsync(params string[] argumenten)
        {
            var bin = Directory.GetDirectories("/usr/lib/postgresql").Max(StringComparer.Ordinal)!;
            var pgCtl = Path.Combine(bin, "bin", "pg_ctl");
            var alsRoot = Environment.UserName == "root";
            var info = new ProcessStartInfo(alsRoot ? "runuser" : pgCtl) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (alsRoot)
            {
                foreach (var a in new[] { "-u", "postgres", "--", pgCtl })
                {
                    info.ArgumentList.Add(a);
                }
            }
            foreach (var a in argumenten)
            {
                info.ArgumentList.Add(a);
            }
            using var proces = Process.Start(info)!;
            var fout = await proces.StandardError.ReadToEndAsync();
            await proces.WaitForExitAsync();
            Assert.True(proces.ExitCode == 0, $"pg_ctl {argumenten[0]}: {fout}");
        }
    }
}
