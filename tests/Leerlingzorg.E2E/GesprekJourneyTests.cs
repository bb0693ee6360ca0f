using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>Issue 4's journeys: the mentor's gesprek between two lessons, a draft that survives, and need-to-know.</summary>
[Collection(AppCollection.Name)]
public sealed class GesprekJourneyTests(AppHost host)
{
    [Fact]
    public async Task A_mentor_logs_a_voortgangsgesprek_with_an_afspraak_in_under_thirty_seconds_and_sees_it_on_the_timeline()
    {
        var page = await host.LoginAsync("mentor@vallei.example");
        var rij = page.GetByTestId("klas-1K").Locator("tbody tr").Nth(3);
        var naam = (await rij.GetByRole(AriaRole.Link).First.InnerTextAsync()).Trim();

        var klok = Stopwatch.StartNew();
        await rij.Locator("[data-testid^='gesprek-']").ClickAsync();
        await page.GetByTestId("gesprek-soort").ClickAsync();
        await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "Voortgangsgesprek" }));
        await page.GetByTestId("gesprek-samenvatting").FillAsync("Tweede voortgangsgesprek: rustiger in de klas, cijfers stijgen.");
        await page.GetByTestId("voortgang-watgaatgoed").FillAsync("Huiswerk op tijd af, meer zelfvertrouwen.");
        await page.GetByTestId("voortgang-watkanbeter").FillAsync("Leren voor toetsen begint te laat.");
        await page.GetByTestId("afspraak-toevoegen").ClickAsync();
        await page.GetByTestId("afspraak-wat").Last.FillAsync("Toetsplanning maken met de mentor");
        await page.GetByTestId("gesprek-opslaan").ClickAsync();
        await Expect(page.GetByText("Gesprek opgeslagen")).ToBeVisibleAsync();
        klok.Stop();
        Assert.True(klok.Elapsed < TimeSpan.FromSeconds(30), $"Vastleggen duurde {klok.Elapsed.TotalSeconds:0.0} s");

        await rij.GetByRole(AriaRole.Link).First.ClickAsync();
        var tijdlijn = page.GetByTestId("tijdlijn");
        await Expect(tijdlijn.GetByTestId("tijdlijn-item").Filter(new() { HasText = "Tweede voortgangsgesprek" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("open-afspraken")).ToContainTextAsync("Toetsplanning maken");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "16-leerling-tijdlijn.png"), FullPage = true });
        Assert.Contains(naam.Split(',')[0], await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_survives_a_dropped_connection()
    {
        var page = await host.LoginAsync("mentor@vallei.example");
        var rij = page.GetByTestId("klas-1K").Locator("tbody tr").Nth(5);
        await rij.Locator("[data-testid^='gesprek-']").ClickAsync();
        const string tekst = "Gesprek na de les: maakt zich zorgen over de overstap naar de bovenbouw.";
        await page.GetByTestId("gesprek-samenvatting").FillAsync(tekst);
        await Expect(page.GetByTestId("concept-status")).ToContainTextAsync("Concept opgeslagen", new() { Timeout = 10_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "17-gesprek-concept.png") });

        // The connection drops: the browser goes offline and the page is reloaded, as after a lost wifi.
        await page.Context.SetOfflineAsync(true);
        await page.WaitForFunctionAsync("() => !navigator.onLine");
        await page.Context.SetOfflineAsync(false);
        await page.WaitForFunctionAsync("() => navigator.onLine");
        await page.ReloadAsync();

        rij = page.GetByTestId("klas-1K").Locator("tbody tr").Nth(5);
        await rij.Locator("[data-testid^='gesprek-']").ClickAsync();
        await Expect(page.GetByTestId("gesprek-samenvatting")).ToHaveValueAsync(tekst);
        await Expect(page.GetByTestId("concept-status")).ToContainTextAsync("Concept");
    }

    [Fact]
    public async Task A_docent_does_not_see_a_vertrouwelijk_entry()
    {
        // The zorgcoördinator writes one Normaal and one Vertrouwelijk note on a student of 1K ...
        var zorg = await host.LoginAsync("zorgcoordinator@vallei.example");
        await zorg.GetByRole(AriaRole.Link, new() { Name = "1K" }).ClickAsync();
        await Expect(zorg.GetByRole(AriaRole.Heading, new() { Name = "Klas 1K", Level = 1 })).ToBeVisibleAsync();
        await zorg.Locator("tbody tr").Nth(2).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(zorg.GetByTestId("tijdlijn")).ToBeVisibleAsync();
        var leerlingUrl = zorg.Url;
        await SchrijfAsync(zorg, "Afgestemd met de mentor over de aanpak in de les.", "Normaal");
        await SchrijfAsync(zorg, "Melding over de thuissituatie, besproken met de jeugdverpleegkundige.", "Vertrouwelijk");
        await Expect(zorg.GetByTestId("tijdlijn")).ToContainTextAsync("Melding over de thuissituatie");

        // ... and the docent who teaches the class sees the first, not the second.
        var docent = await host.LoginAsync("docent@vallei.example");
        await docent.GotoAsync(leerlingUrl);
        await Expect(docent.GetByTestId("tijdlijn")).ToContainTextAsync("Afgestemd met de mentor");
        await Expect(docent.GetByTestId("tijdlijn")).Not.ToContainTextAsync("Melding over de thuissituatie");
        await docent.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "18-tijdlijn-docent.png"), FullPage = true });
        Assert.Matches(new Regex("/leerlingen/"), docent.Url);
    }

    private static async Task SchrijfAsync(IPage page, string samenvatting, string niveau)
    {
        await page.Locator("[data-testid^='gesprek-']").First.ClickAsync();
        await page.GetByTestId("gesprek-samenvatting").FillAsync(samenvatting);
        await page.GetByTestId("gesprek-vertrouwelijkheid").GetByText(niveau, new() { Exact = true }).ClickAsync();
        await page.GetByTestId("gesprek-opslaan").ClickAsync();
        await Expect(page.GetByTestId("tijdlijn")).ToContainTextAsync(samenvatting[..20]);
    }

    [Fact]
    public async Task A_mentor_finishes_an_afspraak_and_sees_who_had_a_voortgangsgesprek()
    {
        var page = await host.LoginAsync("mentor.2m@vallei.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn afspraken" }).ClickAsync();
        var rijen = page.GetByTestId("afspraak-rij");
        await Expect(rijen.First).ToBeVisibleAsync();
        // Overdue ones come first.
        await Expect(rijen.First).ToHaveAttributeAsync("data-verlopen", "true");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "19-mijn-afspraken.png"), FullPage = true });
        var aantal = await rijen.CountAsync();
        await rijen.First.GetByTestId("afronden").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Textbox).FillAsync("Planner wordt nu elke dag gebruikt.");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Afronden" }).ClickAsync();
        await Expect(rijen).ToHaveCountAsync(aantal - 1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn klassen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Klas 2M" }).ClickAsync();
        await page.GetByTestId("voortgangsgesprekken-link").ClickAsync();
        await Expect(page.GetByTestId("voortgang-rij")).ToHaveCountAsync(15);
        await Expect(page.GetByTestId("voortgang-samenvatting")).ToContainTextAsync("15");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "20-voortgangsgesprekken.png"), FullPage = true });
    }
}
