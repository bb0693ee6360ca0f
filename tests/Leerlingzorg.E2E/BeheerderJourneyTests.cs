using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>
/// Issue 3's journey: a Beheerder takes a Magister export from upload to a populated school, and finds a
/// new student in the search. (It changes Rijnland College's students; the other journeys use Vallei Lyceum.)
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BeheerderJourneyTests(AppHost host)
{
    [Fact]
    public async Task A_Beheerder_imports_a_Magister_export_and_finds_a_new_student()
    {
        var page = await host.LoginAsync("beheerder@rijnland.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Importeren" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("importeren");

        // 1. The file, as Magister exports it: ';', Windows-1252, Dutch headers.
        var bestand = Path.Combine(AppHost.RepositoryRoot, "docs", "voorbeelden", "leerlingen-magister.csv");
        await page.GetByTestId("import-bestand").SetInputFilesAsync(bestand);

        // 2. The columns are mapped from the Dutch headers; the user can change every one.
        await Expect(page.GetByTestId("koppeling-Klas")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "09-import-kolommen.png") });

        // 3. The preview names the bad rows in Dutch.
        await page.GetByTestId("import-controleren").ClickAsync();
        await Expect(page.GetByTestId("controle-fouten")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("import-foutrij").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("import-foutrijen")).ToContainTextAsync("onbekende klas");
        await page.GetByTestId("import-controle").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "10-import-controle.png") });

        // 4. The import runs in the background with a progress bar, then a summary.
        await page.GetByTestId("import-importeren").ClickAsync();
        await Expect(page.GetByTestId("import-samenvatting")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("aantal-fouten")).ToHaveTextAsync("3");
        Assert.True(int.Parse(await page.GetByTestId("aantal-nieuw").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "11-import-klaar.png") });

        // 5. A new student is found by the quick search, without his accent and with a typo.
        var zoeken = page.GetByLabel("Zoek een leerling");
        await zoeken.FillAsync("noel heuvle");
        var resultaat = page.GetByTestId("zoekresultaat").Filter(new() { HasText = "Noël" });
        await Expect(resultaat.First).ToBeVisibleAsync();
        await Wachten.TotStilAsync(page); // let the list finish fading in
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "12-zoeken.png") });
        await resultaat.First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/leerlingen/"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Noël van den Heuvel");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "13-leerling-beheerder.png"), FullPage = true });
    }

    [Fact]
    public async Task A_Beheerder_manages_the_organisation_and_staff()
    {
        var page = await host.LoginAsync("beheerder@vallei.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Organisatie" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Organisatie");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Klassen" }).ClickAsync();
        await Expect(page.GetByText("1K", new() { Exact = true }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "14-organisatie-klassen.png") });

        // The school extends its list of gesprek kinds.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Gesprekssoorten" }).ClickAsync();
        await Expect(page.GetByText("Voortgangsgesprek", new() { Exact = true }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "14b-gesprekssoorten.png") });

        await page.GetByRole(AriaRole.Link, new() { Name = "Medewerkers" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Medewerkers");
        await Expect(page.GetByText("zorgcoordinator@vallei.example")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "15-medewerkers.png") });
    }
}
