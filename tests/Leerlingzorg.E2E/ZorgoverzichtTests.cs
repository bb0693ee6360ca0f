using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>The zorgcoördinator's overview (issue 9, Deliver 6): from the menu, the counts per level, a list, a student.</summary>
[Collection(AppCollection.Name)]
public sealed class ZorgoverzichtTests(AppHost host)
{
    [Fact]
    public async Task The_zorgcoordinator_opens_the_overview_from_the_menu_and_goes_to_a_student()
    {
        var page = await host.LoginAsync("zorgcoordinator@rijnland.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Zorgoverzicht" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zorgoverzicht", Level = 1 })).ToBeVisibleAsync();
        var telling = page.GetByTestId("zorg-telling");
        await Expect(telling.GetByRole(AriaRole.Columnheader, new() { Name = "PM III", Exact = true })).ToBeVisibleAsync();
        await Expect(telling.Locator("tbody tr").First).ToBeVisibleAsync();

        // Every demo student stands on a level: the list per level shows them, highest level first, each a link.
        var tabel = page.GetByTestId("zorg-tabel");
        await Expect(tabel.GetByTestId("zorg-leerling").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "zorgoverzicht.png"), FullPage = true });

        await page.GetByTestId("lijst-zonder-inzet").ClickAsync();
        await Expect(page.GetByText("Leerlingen op PM III of PM IV zonder actieve inzet.")).ToBeVisibleAsync();

        await page.GetByTestId("lijst-per-niveau").ClickAsync();
        var eerste = tabel.GetByTestId("zorg-leerling").First;
        var naam = await eerste.InnerTextAsync();
        await eerste.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = naam, Level = 1 })).ToBeVisibleAsync();
    }
}
