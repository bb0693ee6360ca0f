using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>
/// Issue 12's public overview: the zorgcoördinator of Rijnland changes and publishes the school's profile; an anonymous
/// visitor, in a browser without any login, filters the SWV's overview on dyslexie and finds Rijnland College.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PubliekOverzichtTests(AppHost host)
{
    [Fact]
    public async Task A_zorgcoordinator_publishes_a_change_and_an_anonymous_visitor_finds_the_school_with_dyslexia_support()
    {
        var page = await host.LoginAsync("zorgcoordinator@rijnland.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ondersteuningsprofiel", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/school/ondersteuningsprofiel"));
        var omschrijving = page.GetByTestId("profiel-omschrijving-Dyslexie");
        await Expect(omschrijving).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Dyslexiecoach"));
        await omschrijving.FillAsync("Dyslexiecoach, voorleessoftware op alle laptops en een wekelijks spreekuur dyslexie.");
        await page.GetByTestId("profiel-publiceren").ClickAsync();
        await Expect(page.GetByTestId("profiel-gepubliceerd")).ToContainTextAsync("Laatst gepubliceerd op");
        await Expect(page.GetByTestId("profiel-ongepubliceerd")).ToHaveCountAsync(0);
        foreach (var sluit in await page.Locator(".mud-snackbar button").AllAsync())
        {
            await sluit.ClickAsync();
        }
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "ondersteuningsprofiel.png") });

        // A new browser context: no cookie, no login.
        var bezoeker = await host.NewPageAsync();
        await bezoeker.GotoAsync("/scholen");
        await Expect(bezoeker.GetByTestId("publiek-titel")).ToHaveTextAsync("Ondersteuning op de scholen");
        await Expect(bezoeker.GetByTestId("publiek-school")).ToHaveCountAsync(2);
        await bezoeker.GetByTestId("publiek-expertise").SelectOptionAsync("Dyslexie");
        await bezoeker.GetByTestId("publiek-zoeken").ClickAsync();
        await bezoeker.WaitForURLAsync(new System.Text.RegularExpressions.Regex("expertise=Dyslexie"));
        var scholen = bezoeker.GetByTestId("publiek-school");
        await Expect(scholen).ToHaveCountAsync(1);
        await Expect(scholen.First).ToHaveAttributeAsync("data-naam", "Rijnland College");
        await Expect(scholen.First).ToContainTextAsync("wekelijks spreekuur dyslexie");
        await Expect(bezoeker.GetByText("Inloggen")).ToHaveCountAsync(0);
        await bezoeker.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "publiek-overzicht.png"), FullPage = true });

        // A place without such a school: a clear empty state.
        await bezoeker.GotoAsync("/scholen?expertise=Dyslexie&plaats=Ede");
        await Expect(bezoeker.GetByTestId("publiek-leeg")).ToContainTextAsync("Geen school gevonden");

        var telefoon = await host.NewPageAsync(375, 812);
        await telefoon.GotoAsync("/scholen?expertise=Nt2Isk");
        await Expect(telefoon.GetByTestId("publiek-school")).ToHaveCountAsync(1);
        await Expect(telefoon.GetByTestId("publiek-school").First).ToHaveAttributeAsync("data-naam", "Vallei Lyceum");
        var breedte = await telefoon.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(breedte <= 375, $"de pagina is {breedte}px breed op een telefoon van 375px");
        await telefoon.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "publiek-overzicht-375.png"), FullPage = true });
    }
}
