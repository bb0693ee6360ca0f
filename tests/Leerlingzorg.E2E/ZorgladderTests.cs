using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>Issue 9's ladder: the zorgcoördinator raises a student from PM II to PM III with a reason; header and timeline follow.</summary>
[Collection(AppCollection.Name)]
public sealed class ZorgladderTests(AppHost host)
{
    [Fact]
    public async Task The_zorgcoordinator_raises_a_student_from_PM_II_to_PM_III_and_sees_it_in_the_header_and_on_the_timeline()
    {
        var page = await host.LoginAsync("zorgcoordinator@rijnland.example");
        // Klas 4V has no demo ladder history: its first student stands on PM I.
        await page.GetByRole(AriaRole.Link, new() { Name = "4V", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/klassen/"));
        await page.Locator("tbody a[href^='leerlingen/']").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/leerlingen/"));
        var kop = page.GetByTestId("pm-niveau");
        await Expect(kop).ToHaveTextAsync("PM I");
        var vandaag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime)
            .ToString("d MMMM", CultureInfo.GetCultureInfo("nl-NL"));

        // Set up through the UI: the leerlingbespreking (PM II).
        await VerhoogAsync(page, "PM II", "Meerdere docenten zien concentratieproblemen.", "Mentorgesprekken en een weekplanner.");
        await Expect(kop).ToHaveTextAsync($"PM II sinds {vandaag}");

        // The step up to the ondersteuningsteam: a reason is required first.
        await page.GetByTestId("pm-wijzigen").ClickAsync();
        await page.GetByTestId("pm-naar").ClickAsync();
        await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "PM III · Ondersteuningsteam" }));
        await page.GetByTestId("pm-geprobeerd").FillAsync("Leerlingbespreking: extra uitleg en een rustige werkplek.");
        await page.GetByTestId("pm-opslaan").ClickAsync();
        var dialoog = page.GetByTestId("pm-dialoog");
        await Expect(dialoog).ToContainTextAsync("Vul de reden in");
        // Nothing typed is lost.
        await Expect(page.GetByTestId("pm-geprobeerd")).ToHaveValueAsync("Leerlingbespreking: extra uitleg en een rustige werkplek.");
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "zorgladder-dialoog.png") });
        await page.GetByTestId("pm-reden").FillAsync("De aanpak uit de leerlingbespreking werkt onvoldoende; inzet van het ondersteuningsteam nodig.");
        await page.GetByTestId("pm-opslaan").ClickAsync();
        await Expect(dialoog).ToHaveCountAsync(0);

        await Expect(kop).ToHaveTextAsync($"PM III sinds {vandaag}");
        await Expect(page.GetByTestId("pm-huidig")).ToHaveTextAsync($"PM III sinds {vandaag}");
        var stappen = page.GetByTestId("pm-stap");
        await Expect(stappen).ToHaveCountAsync(2);
        await Expect(stappen.First).ToContainTextAsync("PM II → PM III");
        await Expect(stappen.First).ToContainTextAsync("inzet van het ondersteuningsteam nodig");
        var tijdlijn = page.GetByTestId("tijdlijn");
        await Expect(tijdlijn.Locator("[data-testid='tijdlijn-item'][data-soort='PmGewijzigd']")).ToHaveCountAsync(2);
        await Expect(tijdlijn.Locator("[data-testid='tijdlijn-item'][data-soort='PmGewijzigd']").First).ToContainTextAsync("De aanpak uit de leerlingbespreking");
        // The confirmations would cover the ladder in the screenshot.
        var meldingen = page.Locator(".mud-snackbar button");
        foreach (var sluit in await meldingen.AllAsync())
        {
            await sluit.ClickAsync();
        }
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "zorgladder.png"), FullPage = true });
    }

    private static async Task VerhoogAsync(IPage page, string niveau, string reden, string geprobeerd)
    {
        await page.GetByTestId("pm-wijzigen").ClickAsync();
        await page.GetByTestId("pm-naar").ClickAsync();
        await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{niveau} ·") }));
        await page.GetByTestId("pm-reden").FillAsync(reden);
        await page.GetByTestId("pm-geprobeerd").FillAsync(geprobeerd);
        await page.GetByTestId("pm-opslaan").ClickAsync();
        await Expect(page.GetByTestId("pm-dialoog")).ToHaveCountAsync(0);
    }
}
