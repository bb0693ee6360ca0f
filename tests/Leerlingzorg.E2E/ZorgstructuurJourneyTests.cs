using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>
/// Issue 9's journey in one go: the zorgcoördinator finds a PM II student in the zorgoverzicht, records the parents'
/// consent for IB-begeleiding, starts IB-begeleiding (which needs that consent), and raises the student to PM III with
/// a reason.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ZorgstructuurJourneyTests(AppHost host)
{
    [Fact]
    public async Task The_zorgcoordinator_records_consent_starts_IB_begeleiding_and_raises_a_student_from_PM_II_to_PM_III()
    {
        var page = await host.LoginAsync("zorgcoordinator@vallei.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Zorgoverzicht" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zorgoverzicht", Level = 1 })).ToBeVisibleAsync();
        // Leerjaar 2 of the demo school has one class, with one student on PM II (the leerlingbespreking).
        await page.GetByTestId("filter-niveau").ClickAsync();
        await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "PM II – Leerlingbespreking" }));
        await page.GetByTestId("filter-leerjaar").ClickAsync();
        await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "Leerjaar 2" }));
        var leerling = page.GetByTestId("zorg-tabel").GetByTestId("zorg-leerling");
        await Expect(leerling).ToHaveCountAsync(1);
        await leerling.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/leerlingen/"));
        await Expect(page.GetByTestId("pm-niveau")).ToContainTextAsync("PM II");

        // Consent of every ouder with gezag for IB-begeleiding.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Toestemming" }).ClickAsync();
        var kaart = page.GetByTestId("toestemmingenkaart");
        var ib = kaart.Locator("[data-testid='toestemming-doel'][data-doel='IbBegeleiding']");
        await Expect(ib.GetByTestId("toestemming-status")).ToContainTextAsync("ontbreekt van");
        var aantal = 1;
        for (var i = 0; i < aantal; i++)
        {
            await kaart.GetByTestId("toestemming-vastleggen").ClickAsync();
            var dialoog = page.GetByTestId("toestemming-dialoog");
            await Expect(dialoog).ToBeVisibleAsync();
            await page.GetByTestId("toestemming-doel-keuze").ClickAsync();
            await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "Begeleiding door de intern begeleider" }));
            await page.GetByTestId("toestemming-wie").ClickAsync();
            var opties = page.GetByRole(AriaRole.Option);
            await Expect(opties.First).ToBeVisibleAsync();
            aantal = await opties.CountAsync();
            await Wachten.KiesAsync(page, opties.Nth(i));
            await page.GetByTestId("toestemming-opmerking").FillAsync("Mondeling gegeven in het oudergesprek.");
            await page.GetByTestId("toestemming-opslaan").ClickAsync();
            await Expect(dialoog).ToBeHiddenAsync();
            await Expect(ib.GetByTestId("toestemming-regel")).ToHaveCountAsync(i + 1);
        }
        await Expect(ib.GetByTestId("toestemming-status")).ToHaveTextAsync("Geldig");

        // IB-begeleiding needs that consent: now it starts.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Inzet", Exact = true }).ClickAsync();
        await page.GetByTestId("inzet-starten").ClickAsync();
        var inzet = page.GetByTestId("inzet-dialoog");
        await inzet.GetByTestId("inzet-aanbod").ClickAsync();
        await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "Intern begeleider" }));
        await Expect(inzet.GetByTestId("inzet-toestemming-ontbreekt")).ToHaveCountAsync(0);
        await inzet.GetByTestId("inzet-doel").FillAsync("Werkhouding en concentratie in de les verbeteren.");
        await page.GetByTestId("inzet-opslaan").ClickAsync();
        await Expect(page.GetByText("De inzet is gestart.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("inzet-rij").Filter(new() { HasText = "Intern begeleider" })).ToHaveCountAsync(1);

        // The ondersteuningsteam takes over: PM II → PM III with a reason.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Zorgladder" }).ClickAsync();
        await page.GetByTestId("pm-wijzigen").ClickAsync();
        await page.GetByTestId("pm-naar").ClickAsync();
        await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "PM III · Ondersteuningsteam" }));
        await page.GetByTestId("pm-reden").FillAsync("De leerlingbespreking heeft onvoldoende opgeleverd; het ondersteuningsteam neemt het over.");
        await page.GetByTestId("pm-geprobeerd").FillAsync("Afspraken uit de leerlingbespreking, IB-begeleiding gestart.");
        await page.GetByTestId("pm-opslaan").ClickAsync();
        await Expect(page.GetByTestId("pm-dialoog")).ToHaveCountAsync(0);
        var vandaag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime)
            .ToString("d MMMM", CultureInfo.GetCultureInfo("nl-NL"));
        await Expect(page.GetByTestId("pm-niveau")).ToHaveTextAsync($"PM III sinds {vandaag}");

        // All three on the timeline, under the Ondersteuning filter.
        await page.GetByTestId("tijdlijn-filter-ondersteuning").ClickAsync();
        var tijdlijn = page.GetByTestId("tijdlijn");
        await Expect(tijdlijn.Locator("[data-testid='tijdlijn-item'][data-soort='PmGewijzigd']").First).ToContainTextAsync("naar PM III");
        await Expect(tijdlijn.Locator("[data-testid='tijdlijn-item'][data-soort='InzetGestart']")).ToHaveCountAsync(1);
        await Expect(tijdlijn.Locator("[data-testid='tijdlijn-item'][data-soort='ToestemmingGegeven']")).ToHaveCountAsync(aantal);
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "zorgstructuur-journey.png"), FullPage = true });
    }
}
