using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>
/// Issue 12 with the demo SWV: the manager finds on his start page the arrangement the orthopedagoog assessed, adds his
/// own assessment and grants it within the year's budget; the budget shows what was granted.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SwvBehandelingTests(AppHost host)
{
    [Fact]
    public async Task The_manager_assesses_and_grants_the_arrangement_waiting_for_him_within_the_budget()
    {
        var page = await host.LoginAsync("swv.manager@swv-vallei-rijn.example");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanvragen", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("budget-totaal")).ToContainTextAsync("480.000");
        await Expect(page.GetByTestId("swv-tabel").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "swv-start.png"), FullPage = true });

        await page.GetByTestId("voor-mij-regel").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("swv-aanvraag-titel")).ToContainTextAsync("Individueel arrangement");
        await Expect(page.GetByTestId("swv-beoordeling")).ToHaveCountAsync(1);
        await page.GetByTestId("swv-toelichting").FillAsync("Past binnen het beleid en het budget.");
        await page.GetByTestId("swv-beoordeling-vastleggen").ClickAsync();
        await Expect(page.GetByTestId("swv-beoordeling")).ToHaveCountAsync(2);

        await Expect(page.GetByTestId("swv-besluit-form")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("swv-budget-over")).ToContainTextAsync("€");
        var evaluatie = DateTime.Today.AddMonths(2).ToString("d-M-yyyy", CultureInfo.InvariantCulture);
        await page.GetByTestId("swv-evaluatie").FillAsync(evaluatie);
        await page.GetByTestId("swv-evaluatie").PressAsync("Tab");
        await page.GetByTestId("swv-reden").FillAsync("Toegekend; evaluatie met school en ouders.");
        await page.GetByTestId("swv-besluit-nemen").ClickAsync();
        await Expect(page.GetByTestId("swv-besluit")).ToContainTextAsync("Toegekend");
        await Expect(page.GetByTestId("swv-aanvraag-status")).ToContainTextAsync("Toegekend");
        await Expect(page.GetByTestId("swv-bestedingen")).ToBeVisibleAsync();
        // The pointer rests where the snackbar shows, which keeps it open: move it away.
        await page.Mouse.MoveAsync(0, 0);
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "swv-besluit.png"), FullPage = true });
    }
}
