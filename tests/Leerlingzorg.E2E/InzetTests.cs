using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>Issue 9: an intervention started from the school's offer, its next review planned on the student's page and on Mijn inzetten; the offer.</summary>
[Collection(AppCollection.Name)]
public sealed class InzetTests(AppHost host)
{
    [Fact]
    public async Task The_zorgcoordinator_starts_an_intervention_and_plans_its_next_review_on_the_page_and_on_Mijn_inzetten()
    {
        var page = await host.LoginAsync("zorgcoordinator@rijnland.example");
        // Klas 4V's last student: no other test of the collection touches him.
        await page.GetByRole(AriaRole.Link, new() { Name = "4V", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/klassen/"));
        await page.Locator("tbody a[href^='leerlingen/']").Last.ClickAsync();
        await page.WaitForURLAsync(new Regex("/leerlingen/"));
        var leerling = page.Url;

        await page.GetByRole(AriaRole.Tab, new() { Name = "Inzet", Exact = true }).ClickAsync();
        await page.GetByTestId("inzet-starten").ClickAsync();
        var dialoog = page.GetByTestId("inzet-dialoog");
        await dialoog.GetByTestId("inzet-aanbod").ClickAsync();
        await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "Plannen en organiseren" }));
        await dialoog.GetByTestId("inzet-doel").FillAsync("Zelfstandig een weekplanning maken en bijhouden.");
        var vandaag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
        await dialoog.GetByLabel("Volgende evaluatie").FillAsync(vandaag.AddDays(28).ToString("d-M-yyyy", CultureInfo.InvariantCulture));
        await dialoog.GetByTestId("inzet-frequentie").FillAsync("wekelijks 1 uur");
        await page.GetByTestId("inzet-opslaan").ClickAsync();
        await Expect(page.GetByText("De inzet is gestart.")).ToBeVisibleAsync();
        var rij = page.GetByTestId("inzet-rij").Filter(new() { HasText = "Plannen en organiseren" });
        await Expect(rij).ToHaveCountAsync(1);
        await Expect(rij.GetByTestId("evaluatie-datum-tekst")).ToHaveTextAsync(Datum(vandaag.AddDays(28)));

        // The mentorgesprek moved the review forward: planned again from the row.
        await rij.GetByTestId("evaluatie-plannen").ClickAsync();
        var plannen = page.GetByTestId("evaluatie-plannen-dialoog");
        await Expect(plannen).ToContainTextAsync("Plannen en organiseren");
        // Before the start: refused in Dutch next to the date, the dialog stays; the corrected date saves with one click.
        var datum = plannen.GetByLabel("Volgende evaluatie");
        await datum.FillAsync(vandaag.AddDays(-7).ToString("d-M-yyyy", CultureInfo.InvariantCulture));
        await datum.PressAsync("Tab");
        await page.GetByTestId("evaluatie-opslaan").ClickAsync();
        await Expect(plannen.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("De volgende evaluatie ligt vóór de start.");
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "inzet-evaluatie-plannen.png") });
        await datum.FillAsync(vandaag.AddDays(14).ToString("d-M-yyyy", CultureInfo.InvariantCulture));
        await datum.PressAsync("Tab");
        await page.GetByTestId("evaluatie-opslaan").ClickAsync();
        await Expect(plannen).ToHaveCountAsync(0);
        await Expect(page.GetByText($"De volgende evaluatie is gepland op {Datum(vandaag.AddDays(14))}.")).ToBeVisibleAsync();
        await Expect(rij.GetByTestId("evaluatie-datum-tekst")).ToHaveTextAsync(Datum(vandaag.AddDays(14)));
        // The start is on the student's timeline (after a reload: the timeline loads with the page), the new date stays.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("tijdlijn").GetByTestId("tijdlijn-item").Filter(new() { HasTextRegex = new Regex("Plannen en organiseren") })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Inzet", Exact = true }).ClickAsync();
        await Expect(rij.GetByTestId("evaluatie-datum-tekst")).ToHaveTextAsync(Datum(vandaag.AddDays(14)));
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "inzet.png"), FullPage = true });
        // On a phone the row stacks, with the date and its calendar button together, and nothing sticks out sideways.
        await Wachten.OpBreedteAsync(page, 375, 800);
        var knop = rij.GetByTestId("evaluatie-plannen");
        await knop.ScrollIntoViewIfNeededAsync();
        await Expect(knop).ToBeInViewportAsync();
        var vak = (await knop.BoundingBoxAsync())!;
        Assert.True(vak.X >= 0 && vak.X + vak.Width <= 375, $"De knop Evaluatie plannen staat op {vak.X}–{vak.X + vak.Width} px.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "De pagina steekt op 375 px uit.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "inzet-375.png"), FullPage = true });
        await Wachten.OpBreedteAsync(page, 1366, 900);

        // As its owner she finds it on Mijn inzetten and plans it there too: no review for now.
        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn inzetten" }).ClickAsync();
        var mijn = page.GetByTestId("mijn-inzet-rij").Filter(new() { HasText = "Plannen en organiseren" });
        await Expect(mijn).ToHaveCountAsync(1);
        await mijn.GetByTestId("evaluatie-plannen").ClickAsync();
        await page.GetByTestId("evaluatie-plannen-dialoog").GetByLabel("Volgende evaluatie").FillAsync("");
        await page.GetByTestId("evaluatie-opslaan").ClickAsync();
        await Expect(page.GetByText("Er is geen evaluatie meer gepland.")).ToBeVisibleAsync();
        await Expect(mijn.GetByTestId("evaluatie-datum-tekst")).ToHaveTextAsync("niet gepland");
        await mijn.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(leerling);
    }

    private static string Datum(DateOnly datum) => datum.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));

    [Fact]
    public async Task The_catalogue_shows_the_standard_offer_and_the_zorgcoordinator_may_change_it()
    {
        var page = await host.LoginAsync("zorgcoordinator@vallei.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ondersteuningsaanbod" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ondersteuningsaanbod", Level = 1 })).ToBeVisibleAsync();
        var tabel = page.GetByTestId("aanbod-tabel");
        await Expect(tabel.Locator("[data-testid='aanbod-rij'][data-naam='STOER-training']")).ToHaveCountAsync(1);
        await Expect(tabel.Locator("[data-testid='aanbod-rij']")).ToHaveCountAsync(14);
        var wijzigen = await tabel.GetByTestId("aanbod-wijzigen").CountAsync();
        var html = await tabel.Locator("tbody tr").First.InnerHTMLAsync();
        Assert.True(wijzigen == 14, html);

        // Bad input keeps the dialog open with what was typed.
        await page.GetByTestId("aanbod-toevoegen").ClickAsync();
        await page.GetByTestId("aanbod-naam").FillAsync("Faalangstreductietraining");
        await page.GetByTestId("aanbod-opslaan").ClickAsync();
        await Expect(page.GetByText("Vul in wie het aanbod geeft")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("aanbod-naam")).ToHaveValueAsync("Faalangstreductietraining");
        await page.GetByTestId("aanbod-aanbieder").FillAsync("Intern begeleider");
        await page.GetByTestId("aanbod-capaciteit").FillAsync("8");
        await page.GetByTestId("aanbod-opslaan").ClickAsync();
        await Expect(tabel.Locator("[data-testid='aanbod-rij'][data-naam='Faalangstreductietraining']")).ToHaveCountAsync(1);
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "ondersteuningsaanbod.png"), FullPage = true });
    }
}
