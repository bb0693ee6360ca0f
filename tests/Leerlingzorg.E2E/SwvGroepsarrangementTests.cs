using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>
/// Issue 12, a group arrangement: Vallei's zorgcoördinator records a student's consent to share with the SWV, chooses
/// him, a student without that consent and the demo OPP student on the school's SWV page; the one without consent is
/// named and stops it (nothing typed lost); without him it goes. The SWV opens it and sees the two students and nothing
/// of their dossiers.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SwvGroepsarrangementTests(AppHost host)
{
    [Fact]
    public async Task The_school_applies_for_a_group_each_student_with_consent_and_the_SWV_sees_the_group()
    {
        // The demo OPP student (consent to share in the demo), reached as his mother reaches him.
        var ouder = await host.LoginAsync("ouder@vallei.example");
        await ouder.GotoAsync("/mijn-kinderen");
        await ouder.GetByTestId("naar-plan").First.ClickAsync();
        await Expect(ouder.GetByTestId("beslissen").Or(ouder.GetByTestId("geschiedenis")).First).ToBeVisibleAsync();
        var oppLeerling = ouder.Url.Split('/')[^2];

        var zorg = await host.LoginAsync("zorgcoordinator@vallei.example");
        await zorg.GotoAsync($"/leerlingen/{oppLeerling}");
        var oppNaam = await NaamAsync(zorg);
        var (metToestemming, zonder) = (await KlasgenootAsync(zorg, 5), await KlasgenootAsync(zorg, 6));
        await zorg.GotoAsync($"/leerlingen/{metToestemming.Id}");
        await ToestemmingDelenAsync(zorg);

        await zorg.GetByTestId("nav-samenwerkingsverband").ClickAsync();
        await Expect(zorg.GetByRole(AriaRole.Heading, new() { Name = "Aanvragen bij het samenwerkingsverband", Level = 1 })).ToBeVisibleAsync();
        await zorg.GetByTestId("groep-nieuw").ClickAsync();
        var dialoog = zorg.GetByTestId("groep-dialoog");
        await KiesAsync(zorg, metToestemming.Naam, metToestemming.Klas);
        await KiesAsync(zorg, zonder.Naam, zonder.Klas);
        var regels = dialoog.GetByTestId("groep-leerling");
        await Expect(regels).ToHaveCountAsync(2);
        await Expect(regels.Filter(new() { HasText = metToestemming.Naam }).GetByTestId("groep-toestemming")).ToHaveTextAsync("toestemming gegeven");
        await Expect(regels.Filter(new() { HasText = zonder.Naam }).GetByTestId("groep-toestemming")).ToContainTextAsync("Zonder toestemming");

        // Too soon: the messages at the fields, what was typed stays.
        const string vraag = "Kan het samenwerkingsverband een time-outvoorziening met begeleider voor deze leerlingen bekostigen?";
        await dialoog.GetByTestId("groep-vraag").FillAsync(vraag);
        await zorg.GetByTestId("groep-indienen").ClickAsync();
        await Expect(dialoog).ToContainTextAsync("Vul een samenvatting in: wat de groep gemeen heeft en wat de school al deed.");
        Assert.Equal(vraag, await dialoog.GetByTestId("groep-vraag").InputValueAsync());

        var datum = CultureInfo.InvariantCulture;
        await dialoog.GetByTestId("groep-samenvatting").FillAsync("Leerlingen uit de bovenbouw die vastlopen in de klas; time-outkaart en mentorgesprekken zijn niet genoeg.");
        await dialoog.GetByTestId("groep-ondersteuning").FillAsync("Time-outvoorziening met begeleider");
        await dialoog.GetByTestId("groep-intensiteit").FillAsync("8 uur per week");
        await dialoog.GetByTestId("groep-van").FillAsync(DateTime.Today.AddDays(14).ToString("d-M-yyyy", datum));
        await dialoog.GetByTestId("groep-van").PressAsync("Tab");
        await dialoog.GetByTestId("groep-tot").FillAsync(DateTime.Today.AddMonths(6).ToString("d-M-yyyy", datum));
        await dialoog.GetByTestId("groep-tot").PressAsync("Tab");
        await dialoog.GetByTestId("groep-kosten").FillAsync("24000");
        await dialoog.GetByTestId("groep-kosten").PressAsync("Tab");

        // The student without consent stops it, named; nothing typed is lost.
        await zorg.GetByTestId("groep-indienen").ClickAsync();
        await Expect(dialoog.GetByTestId("groep-fout")).ToContainTextAsync($"{zonder.Naam}: Zonder toestemming");
        Assert.Equal(vraag, await dialoog.GetByTestId("groep-vraag").InputValueAsync());

        // Without him, and with the OPP student, it goes.
        await regels.Filter(new() { HasText = zonder.Naam }).GetByTestId("groep-weg").ClickAsync();
        await KiesAsync(zorg, oppNaam, null);
        await Expect(regels).ToHaveCountAsync(2);
        await Expect(regels.Filter(new() { HasText = oppNaam })).ToContainTextAsync("OPP versie");
        await zorg.Mouse.MoveAsync(0, 0);
        await Wachten.TotStilAsync(zorg);
        await zorg.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "swv-groepsarrangement.png") });
        await zorg.GetByTestId("groep-indienen").ClickAsync();
        await Expect(dialoog).ToHaveCountAsync(0);
        var rij = zorg.GetByTestId("school-aanvragen").Locator("tbody tr").Filter(new() { HasText = "Groep van 2 leerlingen" }).First;
        await Expect(rij).ToContainTextAsync(metToestemming.Naam);
        await Expect(rij).ToContainTextAsync(oppNaam);
        await Expect(rij).ToContainTextAsync("Ingediend");
        await zorg.Mouse.MoveAsync(0, 0);
        await Expect(zorg.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Wachten.TotStilAsync(zorg);
        await zorg.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "swv-school-aanvragen.png") });

        // On a phone: the dialog fits, and a 100k paste with a NUL gets a Dutch message and stays in the field.
        await Wachten.OpBreedteAsync(zorg, 375, 800);
        await zorg.GetByTestId("groep-nieuw").ClickAsync();
        await Expect(dialoog).ToBeVisibleAsync();
        var plak = "Geplakt verslag\u0000 " + new string('x', 100_000);
        await dialoog.GetByTestId("groep-samenvatting").FillAsync(plak);
        await dialoog.GetByTestId("groep-samenvatting").BlurAsync();
        await zorg.GetByTestId("groep-indienen").ClickAsync();
        await Expect(dialoog).ToContainTextAsync("hooguit 8.000 tekens", new() { IgnoreCase = true });
        Assert.True((await dialoog.GetByTestId("groep-samenvatting").InputValueAsync()).Length > 100_000);
        Assert.True(await zorg.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "De groepsdialoog steekt op 375 px uit.");
        await Wachten.TotStilAsync(zorg);
        await zorg.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "swv-groepsarrangement-375.png") });
        await Wachten.OpBreedteAsync(zorg, 1366, 900);

        // The SWV sees the group: who, born when, which year and level, and whether there is an OPP; nothing more.
        var ortho = await host.LoginAsync("swv.orthopedagoog@swv-vallei-rijn.example");
        await Expect(ortho.GetByRole(AriaRole.Heading, new() { Name = "Aanvragen", Level = 1 })).ToBeVisibleAsync();
        await ortho.GetByTestId("swv-tabel").Locator("tbody tr").Filter(new() { HasText = "Groep van 2 leerlingen" }).Filter(new() { HasText = "Vallei" })
            .First.GetByTestId("swv-aanvraag-link").ClickAsync();
        await Expect(ortho.GetByTestId("swv-aanvraag-titel")).ToContainTextAsync("groep van 2 leerlingen");
        var leden = ortho.GetByTestId("swv-groepsleden");
        await Expect(leden).ToContainTextAsync(metToestemming.Naam);
        await Expect(leden).ToContainTextAsync(oppNaam);
        await Expect(leden).ToContainTextAsync("OPP versie");
        await Expect(ortho.GetByTestId("swv-opp")).ToHaveCountAsync(0);
        await ortho.Mouse.MoveAsync(0, 0);
        await Wachten.TotStilAsync(ortho);
        await ortho.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "swv-groep.png") });
    }

    private sealed record Leerling(string Id, string Naam, string Klas);

    private static async Task<string> NaamAsync(IPage page) =>
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim();

    /// <summary>A student of class 3T by his row (rows no other journey uses).</summary>
    private static async Task<Leerling> KlasgenootAsync(IPage page, int rij)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "3T", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Klas 3T", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("tbody tr").Nth(rij).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync("**/leerlingen/*");
        // The student's own page, not the class page the enhanced navigation still shows for a moment.
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Toestemming" })).ToBeVisibleAsync();
        return new Leerling(page.Url.Split('/')[^1], await NaamAsync(page), "3T");
    }

    /// <summary>Every ouder with gezag consents to sharing with the SWV, each recorded in the dialog.</summary>
    private static async Task ToestemmingDelenAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Toestemming" }).ClickAsync();
        var kaart = page.GetByTestId("toestemmingenkaart");
        var delen = kaart.Locator("[data-testid='toestemming-doel'][data-doel='DelenMetSwv']");
        var aantal = 1;
        for (var i = 0; i < aantal; i++)
        {
            await kaart.GetByTestId("toestemming-vastleggen").ClickAsync();
            var dialoog = page.GetByTestId("toestemming-dialoog");
            await Expect(dialoog).ToBeVisibleAsync();
            await page.GetByTestId("toestemming-doel-keuze").ClickAsync();
            await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "Gegevens delen met het samenwerkingsverband" }));
            await page.GetByTestId("toestemming-wie").ClickAsync();
            var opties = page.GetByRole(AriaRole.Option);
            await Expect(opties.First).ToBeVisibleAsync();
            aantal = await opties.CountAsync();
            await Wachten.KiesAsync(page, opties.Nth(i));
            await page.GetByTestId("toestemming-opslaan").ClickAsync();
            await Expect(dialoog).ToBeHiddenAsync();
            await Expect(delen.GetByTestId("toestemming-regel")).ToHaveCountAsync(i + 1);
        }
        await Expect(delen.GetByTestId("toestemming-status")).ToHaveTextAsync("Geldig");
    }

    /// <summary>Searches the student in the group dialog and picks him (by his class when a name is there twice).</summary>
    private static async Task KiesAsync(IPage page, string naam, string? klas)
    {
        var zoek = page.GetByTestId("groep-zoeken");
        await zoek.FillAsync(naam);
        var optie = page.GetByTestId("groep-optie").Filter(new() { HasText = naam });
        if (klas is not null)
        {
            optie = optie.Filter(new() { HasText = klas });
        }
        await optie.First.ClickAsync();
        await Expect(page.GetByTestId("groep-leerling").Filter(new() { HasText = naam }).First).ToBeVisibleAsync();
        await Expect(zoek).ToHaveValueAsync("");
    }
}
