using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>Issue 11: the zorgcoördinator starts an OPP for a student, writes it (autosave survives a reload), adds the help at home from the wijkteam, and sends it to the parents.</summary>
[Collection(AppCollection.Name)]
public sealed class PlanOpstellenTests(AppHost host)
{
    [Fact]
    public async Task The_zorgcoordinator_writes_an_opp_that_survives_a_reload_and_sends_it_for_approval()
    {
        var page = await host.LoginAsync("zorgcoordinator@rijnland.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "1A" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Klas 1A", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("tbody tr").Nth(7).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Plannen" }).ClickAsync();
        await page.GetByTestId("plannenkaart").GetByTestId("opp-opstellen").ClickAsync();
        await Expect(page.GetByTestId("plan-starten-dialoog")).ToBeVisibleAsync();
        await page.GetByTestId("plan-starten").ClickAsync();

        await Expect(page.GetByTestId("plan-titel")).ToContainTextAsync(new Regex("Ontwikkelings\u00AD?perspectief\u00AD?plan"));
        await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("Concept");
        await Expect(page.GetByTestId("termijn-vaststellen")).ToContainTextAsync("zes weken");

        const string beginsituatie = "Leest op het niveau van groep 6 en raakt snel de draad kwijt bij lange instructies.";
        await page.GetByTestId("veld-beginsituatie-leerling").FillAsync(beginsituatie);
        await page.GetByTestId("veld-onderwijsbehoeften").FillAsync("Korte instructie in kleine stappen, extra tijd bij toetsen.");
        await page.GetByTestId("veld-uitstroom-bestemming").FillAsync("vmbo");
        await page.GetByTestId("veld-uitstroom-niveau").FillAsync("kaderberoepsgerichte leerweg");
        await page.GetByTestId("veld-uitstroom-onderbouwing").FillAsync("Resultaten en capaciteitenonderzoek wijzen op kader.");
        await page.GetByTestId("doel-toevoegen").ClickAsync();
        await page.GetByTestId("doel-doel").Last.FillAsync("Leest zelfstandig een tekst van een A4 en vat hem samen.");
        await page.GetByTestId("doel-aanpak").Last.FillAsync("Dagelijks 15 minuten begrijpend lezen met de mentor.");
        await page.GetByTestId("regel-toevoegen").ClickAsync();
        await Expect(page.GetByTestId("handelingsdeel-rij")).Not.ToHaveCountAsync(0);
        await page.GetByTestId("regel-ondersteuning").Last.FillAsync("Remedial teaching lezen");
        await page.GetByTestId("regel-wie").Last.FillAsync("remedial teacher");
        await page.GetByTestId("regel-hoe-vaak").Last.FillAsync("2x per week");
        await page.GetByTestId("veld-evaluatiedatum").FillAsync("1-6-2027");
        await page.GetByTestId("veld-evaluatiedatum").PressAsync("Tab");
        await Expect(page.GetByTestId("autosave-status")).ToContainTextAsync("Opgeslagen om", new() { Timeout = 15_000 });
        await Wachten.TotStilAsync(page);
        await page.WaitForTimeoutAsync(2_000);
        await Expect(page.GetByTestId("autosave-status")).ToContainTextAsync("Opgeslagen om");

        // The autosave survives a reload.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("veld-beginsituatie-leerling")).ToHaveValueAsync(beginsituatie);
        await Expect(page.GetByTestId("regel-ondersteuning").Last).ToHaveValueAsync("Remedial teaching lezen");

        // Help at home makes it one integrated plan: the partner comes from the school's own list, and the missing consent shows.
        await page.GetByTestId("jeugdhulp-toevoegen").ClickAsync();
        await page.GetByTestId("jeugdhulp-partner").ClickAsync();
        await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "Wijkteam", Exact = false }));
        await Expect(page.GetByTestId("jeugdhulp-toestemming")).ToContainTextAsync("nog geen toestemming");
        await page.GetByTestId("jeugdhulp-hulp").FillAsync("Opvoedondersteuning thuis door het wijkteam, sinds oktober.");
        await page.GetByTestId("jeugdhulp-afstemming").FillAsync("Mentor en brugfunctionaris bellen elke twee weken; samen met de ouders in het OPP-gesprek.");
        await page.GetByTestId("jeugdhulp-regie").FillAsync("brugfunctionaris wijkteam");
        await page.GetByTestId("jeugdhulp-regie").PressAsync("Tab");
        await Expect(page.GetByTestId("autosave-status")).ToContainTextAsync("Opgeslagen om", new() { Timeout = 15_000 });
        await Wachten.TotStilAsync(page);
        await page.GetByTestId("plan-jeugdhulp").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "plan-integraal.png") });

        await page.GetByTestId("plan-voorleggen").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorleggen", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("plan-status")).ToHaveTextAsync("Ter instemming");
        await Expect(page.GetByTestId("besluit").First).ToContainTextAsync("nog niet beslist");
        await Expect(page.GetByTestId("plan-inhoud-weergave")).ToContainTextAsync("Remedial teaching lezen");
        await Expect(page.GetByTestId("weergave-jeugdhulp")).ToContainTextAsync("Opvoedondersteuning thuis");

        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "opp-opstellen.png"), FullPage = true });
    }
}
