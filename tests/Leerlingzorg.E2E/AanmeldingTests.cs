using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>
/// Issue 12, PM 0: the zorgcoördinator registers an aanmelding, extends the term once with a reason, is refused a second
/// extension in Dutch without losing what he typed, and decides "geplaatst met OPP".
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class AanmeldingTests(AppHost host)
{
    [Fact]
    public async Task The_zorgcoordinator_registers_extends_once_is_refused_a_second_extension_and_places_with_OPP()
    {
        var page = await host.LoginAsync("zorgcoordinator@rijnland.example");
        // The start page surfaces the demo aanmelding whose deadline is close.
        await Expect(page.GetByTestId("start-aanmeldingen")).ToContainTextAsync("Janssen, Lotte");
        await page.GetByRole(AriaRole.Link, new() { Name = "Aanmeldingen", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(Lijst());
        await Expect(page.GetByTestId("aanmelding-tabel")).ToContainTextAsync("Janssen, Lotte");

        // Register.
        await page.GetByTestId("aanmelding-nieuw").ClickAsync();
        var dialoog = page.GetByTestId("aanmelding-dialoog");
        await Expect(dialoog).ToBeVisibleAsync();
        await page.GetByTestId("aanmelding-voornaam").FillAsync("Jesse");
        await page.GetByTestId("aanmelding-achternaam").FillAsync("Ravensberg");
        await page.GetByTestId("aanmelding-geboortedatum").FillAsync("14-3-2014");
        await page.GetByTestId("aanmelding-geboortedatum").PressAsync("Tab");
        await page.GetByTestId("aanmelding-school").FillAsync("Basisschool De Linde");
        await page.GetByTestId("aanmelding-ouders").FillAsync("Moeder: Karin Ravensberg, 06-24681357");
        await page.GetByTestId("aanmelding-vraag").FillAsync("Jesse heeft ADHD en heeft baat bij een vaste structuur en korte instructies.");
        await page.GetByTestId("aanmelding-opslaan").ClickAsync();
        await page.WaitForURLAsync(Detail());
        await Expect(page.GetByTestId("aanmelding-termijn")).ToContainTextAsync("nog 42 dagen");

        // Extend once, with a reason.
        await page.GetByTestId("actie-verlengen").ClickAsync();
        await page.GetByTestId("verleng-reden").FillAsync("Het onderwijskundig rapport van de basisschool is nog niet binnen.");
        await page.GetByTestId("stap-opslaan").ClickAsync();
        await Expect(page.GetByTestId("stap-dialoog")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("aanmelding-verlenging")).ToContainTextAsync("rapport van de basisschool");
        await Expect(page.GetByTestId("aanmelding-termijn")).ToContainTextAsync("nog 70 dagen");

        // A second extension: a clear Dutch message, and what was typed stays.
        await page.GetByTestId("actie-verlengen").ClickAsync();
        await page.GetByTestId("verleng-reden").FillAsync("Nog meer tijd nodig voor het onderzoek.");
        await page.GetByTestId("stap-opslaan").ClickAsync();
        await Expect(page.GetByTestId("stap-fout")).ToContainTextAsync("De wet staat maar één verlenging van 4 weken toe");
        await Expect(page.GetByTestId("verleng-reden")).ToHaveValueAsync("Nog meer tijd nodig voor het onderzoek.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Expect(page.GetByTestId("stap-dialoog")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("aanmelding-verlenging")).ToContainTextAsync("rapport van de basisschool");

        // Decide: placed with an OPP.
        await page.GetByTestId("actie-besluit").ClickAsync();
        await page.GetByText("Plaatsen met OPP (PM 0, OPP binnen 6 weken)").ClickAsync();
        await page.GetByTestId("besluit-toelichting").FillAsync("Extra ondersteuning nodig boven de basisondersteuning.");
        await page.GetByTestId("stap-opslaan").ClickAsync();
        await Expect(page.GetByTestId("stap-dialoog")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("aanmelding-besluit")).ToContainTextAsync("Geplaatst met OPP");
        await Expect(page.GetByTestId("aanmelding-opp-termijn")).ToContainTextAsync("zes weken na plaatsing");
        await Expect(page.GetByTestId("actie-koppelen")).ToBeVisibleAsync();
        await SluitMeldingenAsync(page);
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "aanmelding-besluit.png"), FullPage = true });

        // The list: the decided one leaves the open list; the demo's open ones by deadline, the overdue and close ones marked.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Aanmeldingen" }).ClickAsync();
        await page.WaitForURLAsync(Lijst());
        await Expect(page.GetByTestId("aanmelding-tabel")).Not.ToContainTextAsync("Ravensberg");
        await page.GetByTestId("filter-alle").ClickAsync();
        await Expect(page.GetByTestId("aanmelding-tabel")).ToContainTextAsync("Ravensberg, Jesse");
        await page.GetByTestId("filter-open").ClickAsync();
        await Expect(page.GetByTestId("aanmelding-tabel").Locator("[data-dringend='true']")).Not.ToHaveCountAsync(0);
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "aanmeldingen.png"), FullPage = true });
    }

    private static async Task SluitMeldingenAsync(IPage page)
    {
        foreach (var sluit in await page.Locator(".mud-snackbar button").AllAsync())
        {
            await sluit.ClickAsync();
        }
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/zorg/aanmeldingen$")]
    private static partial Regex Lijst();

    [GeneratedRegex("/zorg/aanmeldingen/[0-9a-f-]{36}$")]
    private static partial Regex Detail();
}
