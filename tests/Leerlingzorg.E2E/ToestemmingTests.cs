using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>Issue 9, the consent register: the zorgcoördinator records the parents' consent for IB, sees it valid, withdraws it.</summary>
[Collection(AppCollection.Name)]
public sealed class ToestemmingTests(AppHost host)
{
    [Fact]
    public async Task The_zorgcoordinator_records_the_parents_consent_for_IB_sees_it_valid_and_withdraws_it()
    {
        var page = await host.LoginAsync("zorgcoordinator@vallei.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "3T" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Klas 3T", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("tbody tr").Nth(9).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Toestemming" }).ClickAsync();
        var kaart = page.GetByTestId("toestemmingenkaart");
        var ib = kaart.Locator("[data-testid='toestemming-doel'][data-doel='IbBegeleiding']");
        await Expect(ib.GetByTestId("toestemming-status")).ToContainTextAsync("ontbreekt van");

        // Every ouder with gezag consents (one or two in the demo school), each recorded in the dialog.
        var aantal = 1;
        for (var i = 0; i < aantal; i++)
        {
            await kaart.GetByTestId("toestemming-vastleggen").ClickAsync();
            var dialoog = page.GetByTestId("toestemming-dialoog");
            await Expect(dialoog).ToBeVisibleAsync();
            const string opmerking = "Toestemmingsformulier ondertekend na het oudergesprek.";
            await page.GetByTestId("toestemming-opmerking").FillAsync(opmerking);
            if (i == 0)
            {
                // Saved too soon: the messages stand next to their fields, and what was typed stays.
                await page.GetByTestId("toestemming-opslaan").ClickAsync();
                await Expect(dialoog.GetByText("Kies waarvoor de toestemming is.")).ToBeVisibleAsync();
                await Expect(dialoog.GetByText("Kies wie de toestemming gaf.")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("toestemming-opmerking")).ToHaveValueAsync(opmerking);
            }
            await page.GetByTestId("toestemming-doel-keuze").ClickAsync();
            await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "Begeleiding door de intern begeleider" }));
            await page.GetByTestId("toestemming-wie").ClickAsync();
            var opties = page.GetByRole(AriaRole.Option);
            await Expect(opties.First).ToBeVisibleAsync();
            aantal = await opties.CountAsync();
            await Wachten.KiesAsync(page, opties.Nth(i));
            await page.GetByTestId("toestemming-opslaan").ClickAsync();
            await Expect(dialoog).ToBeHiddenAsync();
            await Expect(page.GetByText("De toestemming is vastgelegd.").Last).ToBeVisibleAsync();
            await Expect(ib.GetByTestId("toestemming-regel")).ToHaveCountAsync(i + 1);
        }
        await Expect(ib.GetByTestId("toestemming-status")).ToHaveTextAsync("Geldig");
        await Expect(ib.Locator("[data-testid='toestemming-regel'][data-geldig='ja']")).ToHaveCountAsync(aantal);

        // The moeder withdraws hers: the purpose is no longer covered, the record stays with its withdrawal.
        await ib.GetByTestId("toestemming-intrekken").First.ClickAsync();
        await Expect(page.GetByTestId("intrekken-dialoog")).ToBeVisibleAsync();
        await page.GetByTestId("intrekken-door").FillAsync("moeder, telefonisch");
        await page.GetByTestId("intrekken-opslaan").ClickAsync();
        await Expect(page.GetByTestId("intrekken-dialoog")).ToBeHiddenAsync();
        await Expect(page.GetByText("De toestemming is ingetrokken.", new() { Exact = false }).Last).ToBeVisibleAsync();
        await Expect(ib.GetByTestId("toestemming-ingetrokken")).ToContainTextAsync("moeder, telefonisch");
        await Expect(ib.GetByTestId("toestemming-status")).ToContainTextAsync("ontbreekt van");

        // The messages have gone by their own timer before the picture is taken.
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Wachten.TotStilAsync(page);
        await page.GetByTestId("ondersteuning-sectie").ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "toestemming.png") });
    }
}
