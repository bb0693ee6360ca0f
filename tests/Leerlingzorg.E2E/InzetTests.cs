using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>Issue 9: the zorgcoördinator starts IB-begeleiding for a student whose parents' consent is on record; the school's offer.</summary>
[Collection(AppCollection.Name)]
public sealed class InzetTests(AppHost host)
{
    [Fact]
    public async Task The_zorgcoordinator_starts_IB_begeleiding_with_recorded_consent_and_sees_it_in_the_tab_and_on_the_timeline()
    {
        // Let the app seed the demo (and the standard offer) before the consent rows go in: a page of the zorgcoördinator.
        var page = await host.LoginAsync("zorgcoordinator@vallei.example");
        var leerlingId = await ToestemmingVoorIbAsync();

        await page.GotoAsync($"/leerlingen/{leerlingId}");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Inzet", Exact = true }).ClickAsync();
        await page.GetByTestId("inzet-starten").ClickAsync();
        var dialoog = page.GetByTestId("inzet-dialoog");
        await dialoog.GetByTestId("inzet-aanbod").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Intern begeleider" }).ClickAsync();
        // Consent is on record: no warning next to the offer.
        await Expect(dialoog.GetByTestId("inzet-toestemming-ontbreekt")).ToHaveCountAsync(0);
        await dialoog.GetByTestId("inzet-doel").FillAsync("Zelfstandig een weekplanning maken en de faalangst voor toetsen verminderen.");
        var evaluatie = DateTime.Today.AddDays(28).ToString("d-M-yyyy", CultureInfo.InvariantCulture);
        await dialoog.GetByLabel("Volgende evaluatie").FillAsync(evaluatie);
        await dialoog.GetByTestId("inzet-frequentie").FillAsync("wekelijks 1 uur");
        await page.GetByTestId("inzet-opslaan").ClickAsync();
        await Expect(page.GetByText("De inzet is gestart.")).ToBeVisibleAsync();

        var rij = page.GetByTestId("inzet-rij").Filter(new() { HasText = "Intern begeleider" });
        await Expect(rij).ToHaveCountAsync(1);
        await Expect(rij).ToContainTextAsync("faalangst voor toetsen");
        await Expect(rij.GetByTestId("inzet-evalueren")).ToBeVisibleAsync();
        // The start is on the student's timeline (after a reload: the timeline loads with the page), and stays in the tab.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("tijdlijn").GetByTestId("tijdlijn-item").Filter(new() { HasTextRegex = new Regex("Intern begeleider") })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Inzet", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("inzet-rij").Filter(new() { HasText = "Intern begeleider" })).ToHaveCountAsync(1);
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "inzet.png"), FullPage = true });
    }

    [Fact]
    public async Task The_catalogue_shows_the_standard_offer_and_the_zorgcoordinator_may_change_it()
    {
        var page = await host.LoginAsync("zorgcoordinator@vallei.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ondersteuningsaanbod" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ondersteuningsaanbod", Level = 1 })).ToBeVisibleAsync();
        var tabel = page.GetByTestId("aanbod-tabel");
        await Expect(tabel.Locator("[data-testid='aanbod-rij'][data-naam='STOER-training']")).ToHaveCountAsync(1);
        await Expect(tabel.Locator("[data-testid='aanbod-rij']")).ToHaveCountAsync(14);
        var wijzigen = await tabel.GetByTestId("aanbod-wijzigen").CountAsync();
        var html = await tabel.Locator("tbody tr").First.InnerHTMLAsync();
        Assert.True(wijzigen == 14, html);

        // Bad input keeps the dialog open with what was typed.
        await page.GetByTestId("aanbod-toevoegen").ClickAsync();
        await page.GetByTestId("aanbod-naam").FillAsync("Faalangstreductietraining");
        await page.GetByTestId("aanbod-opslaan").ClickAsync();
        await Expect(page.GetByText("Vul in wie het aanbod geeft")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("aanbod-naam")).ToHaveValueAsync("Faalangstreductietraining");
        await page.GetByTestId("aanbod-aanbieder").FillAsync("Intern begeleider");
        await page.GetByTestId("aanbod-capaciteit").FillAsync("8");
        await page.GetByTestId("aanbod-opslaan").ClickAsync();
        await Expect(tabel.Locator("[data-testid='aanbod-rij'][data-naam='Faalangstreductietraining']")).ToHaveCountAsync(1);
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "ondersteuningsaanbod.png"), FullPage = true });
    }

    /// <summary>
    /// Records IB consent of every gezagdrager (and of the student himself) for one Vallei student, straight in the test's
    /// throwaway cluster as its superuser: the consent register's own screens come with their feature.
    /// </summary>
    private static async Task<string> ToestemmingVoorIbAsync()
    {
        var cluster = Path.Combine(Path.GetTempPath(), "leerlingzorg-pg", "e2e-" + Environment.ProcessId);
        var wachtwoord = (await File.ReadAllLinesAsync(cluster + ".secrets"))[0];
        var poort = (await File.ReadAllLinesAsync(Path.Combine(cluster, "postmaster.pid")))[3].Trim();
        const string sql = """
            WITH l AS (
                SELECT le.id, le.school_id FROM leerlingen le JOIN scholen s ON s.id = le.school_id
                WHERE s.naam = 'Vallei Lyceum' AND NOT le.is_amv AND le.klas_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM leerling_ouders lo WHERE lo.leerling_id = le.id AND lo.gezag)
                ORDER BY le.achternaam DESC, le.voornaam LIMIT 1),
            door AS (SELECT g.id FROM gebruikers g WHERE g.email = 'zorgcoordinator@vallei.example'),
            rijen AS (
                SELECT lo.ouder_id FROM leerling_ouders lo JOIN l ON lo.leerling_id = l.id WHERE lo.gezag
                UNION ALL SELECT NULL::uuid),
            ins AS (
                INSERT INTO toestemmingen (id, school_id, leerling_id, doel, ouder_id, wijze, gegeven_op, vastgelegd_op, vastgelegd_door)
                SELECT gen_random_uuid(), l.school_id, l.id, 'IbBegeleiding', r.ouder_id, 'Schriftelijk', current_date - 7, now(), door.id
                FROM l, door, rijen r RETURNING leerling_id)
            SELECT DISTINCT leerling_id FROM ins;
            """;
        var info = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-h", "127.0.0.1", "-p", poort, "-U", "postgres", "-d", "leerlingzorg", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["PGPASSWORD"] = wachtwoord;
        using var psql = Process.Start(info)!;
        var uit = await psql.StandardOutput.ReadToEndAsync();
        var fout = await psql.StandardError.ReadToEndAsync();
        await psql.WaitForExitAsync();
        Assert.True(psql.ExitCode == 0, fout);
        var id = uit.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Single();
        Assert.True(Guid.TryParse(id, out _), uit + fout);
        return id;
    }
}
