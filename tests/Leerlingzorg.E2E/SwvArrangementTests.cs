using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>
/// Issue 12 end to end across the two kinds of tenant: Vallei's zorgcoördinator applies for an individual arrangement
/// with the OPP in force as a snapshot (refused in Dutch while the form is incomplete, nothing typed lost); the SWV
/// orthopedagoog takes it up and assesses it; the manager assesses and partly grants it; back at the school the
/// decision is on the student's card and on the timeline.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SwvArrangementTests(AppHost host)
{
    private const string Vraag = "Wij vragen ambulante begeleiding bij het plannen en bij faalangst, naast onze eigen basisondersteuning.";

    [Fact]
    public async Task The_school_applies_with_the_OPP_the_SWV_assesses_and_partly_grants_and_the_school_sees_the_decision_on_the_timeline()
    {
        // Vallei's demo OPP student, reached as his mother reaches him.
        var ouder = await host.LoginAsync("ouder@vallei.example");
        await ouder.GotoAsync("/mijn-kinderen");
        await ouder.GetByTestId("naar-plan").First.ClickAsync();
        await Expect(ouder.GetByTestId("beslissen").Or(ouder.GetByTestId("geschiedenis")).First).ToBeVisibleAsync();
        var leerlingId = ouder.Url.Split('/')[^2];

        var zorg = await host.LoginAsync("zorgcoordinator@vallei.example");
        await zorg.GotoAsync($"/leerlingen/{leerlingId}");
        var naam = (await zorg.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Trim();
        await zorg.GetByRole(AriaRole.Tab, new() { Name = "Samenwerkingsverband" }).ClickAsync();
        await Expect(zorg.GetByTestId("aanvragen-toestemming")).ToBeVisibleAsync();
        var voor = await zorg.GetByTestId("aanvraag-rij").CountAsync();
        await zorg.GetByTestId("aanvraag-nieuw").ClickAsync();
        var dialoog = zorg.GetByTestId("aanvraag-dialoog");
        await Expect(dialoog.GetByTestId("aanvraag-toestemming")).ToContainTextAsync("gegeven", new() { IgnoreCase = true });
        await dialoog.GetByTestId("aanvraag-soort").ClickAsync();
        await Wachten.KiesAsync(zorg, zorg.GetByRole(AriaRole.Option, new() { Name = "Individueel arrangement" }));
        await Expect(dialoog.GetByTestId("aanvraag-opp")).ToContainTextAsync("gaat als momentopname mee");

        // Incomplete: Dutch messages at the fields, what was typed stays.
        await dialoog.GetByTestId("aanvraag-vraag").FillAsync(Vraag);
        await zorg.GetByTestId("aanvraag-indienen").ClickAsync();
        await Expect(dialoog).ToContainTextAsync("Vul een samenvatting van de situatie van de leerling in.");
        await Expect(dialoog).ToContainTextAsync("Vul de soort ondersteuning in die u vraagt.");
        Assert.Equal(Vraag, await dialoog.GetByTestId("aanvraag-vraag").InputValueAsync());

        var datum = CultureInfo.InvariantCulture;
        await dialoog.GetByTestId("aanvraag-samenvatting").FillAsync("Basisondersteuning en OPP sinds dit schooljaar; planning en faalangst blijven lastig.");
        await dialoog.GetByTestId("aanvraag-ondersteuning").FillAsync("Ambulante begeleiding planning en faalangst");
        await dialoog.GetByTestId("aanvraag-intensiteit").FillAsync("2 uur per week");
        await dialoog.GetByTestId("aanvraag-van").FillAsync(DateTime.Today.AddDays(14).ToString("d-M-yyyy", datum));
        await dialoog.GetByTestId("aanvraag-van").PressAsync("Tab");
        await dialoog.GetByTestId("aanvraag-tot").FillAsync(DateTime.Today.AddMonths(6).ToString("d-M-yyyy", datum));
        await dialoog.GetByTestId("aanvraag-tot").PressAsync("Tab");
        await dialoog.GetByTestId("aanvraag-kosten").FillAsync("12500");
        await dialoog.GetByTestId("aanvraag-kosten").PressAsync("Tab");
        if (await dialoog.GetByTestId("aanvraag-gesprek").CountAsync() > 0)
        {
            await dialoog.GetByTestId("aanvraag-gesprek").First.ClickAsync();
        }
        await zorg.Mouse.MoveAsync(0, 0);
        await Wachten.TotStilAsync(zorg);
        await zorg.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "swv-aanvraag-school.png") });
        await zorg.GetByTestId("aanvraag-indienen").ClickAsync();
        await Expect(dialoog).ToHaveCountAsync(0);
        await Expect(zorg.GetByTestId("aanvraag-rij")).ToHaveCountAsync(voor + 1);
        await Expect(zorg.GetByTestId("aanvraag-rij").First.GetByTestId("aanvraag-status")).ToContainTextAsync("ingediend", new() { IgnoreCase = true });

        // The SWV orthopedagoog finds it in the list, sees the OPP snapshot, takes it up and assesses it.
        var ortho = await host.LoginAsync("swv.orthopedagoog@swv-vallei-rijn.example");
        await OpenAsync(ortho, naam);
        await Expect(ortho.GetByTestId("swv-opp")).ToBeVisibleAsync();
        await Expect(ortho.GetByTestId("swv-gevraagd")).ToContainTextAsync("12.500");
        await ortho.GetByTestId("swv-in-behandeling").ClickAsync();
        await Expect(ortho.GetByTestId("swv-aanvraag-status")).ToContainTextAsync("In behandeling");
        await ortho.GetByTestId("swv-toelichting").FillAsync("Passend bij het OPP; begeleiding gericht op planning.");
        await ortho.GetByTestId("swv-beoordeling-vastleggen").ClickAsync();
        await Expect(ortho.GetByTestId("swv-beoordeling")).ToHaveCountAsync(1);
        await Expect(ortho.GetByTestId("swv-beoordelen")).ToHaveCountAsync(0);

        // The manager assesses too and grants part of it within the budget left.
        var manager = await host.LoginAsync("swv.manager@swv-vallei-rijn.example");
        await OpenAsync(manager, naam);
        await manager.GetByTestId("swv-toelichting").FillAsync("Akkoord met een kortere periode.");
        await manager.GetByTestId("swv-beoordeling-vastleggen").ClickAsync();
        await Expect(manager.GetByTestId("swv-beoordeling")).ToHaveCountAsync(2);
        await Expect(manager.GetByTestId("swv-besluit-form")).ToBeVisibleAsync();
        await manager.GetByTestId("swv-uitkomst").ClickAsync();
        await Wachten.KiesAsync(manager, manager.GetByRole(AriaRole.Option, new() { Name = "Deels toegekend" }));
        await manager.GetByTestId("swv-bedrag").FillAsync("9000");
        await manager.GetByTestId("swv-bedrag").PressAsync("Tab");
        await manager.GetByTestId("swv-evaluatie").FillAsync(DateTime.Today.AddMonths(3).ToString("d-M-yyyy", datum));
        await manager.GetByTestId("swv-evaluatie").PressAsync("Tab");
        await manager.GetByTestId("swv-reden").FillAsync("Deels toegekend: 9.000 euro; de school zet haar eigen begeleider in voor de faalangsttraining.");
        await manager.GetByTestId("swv-besluit-nemen").ClickAsync();
        await Expect(manager.GetByTestId("swv-besluit")).ToContainTextAsync("Deels toegekend");
        await Expect(manager.GetByTestId("swv-besluit")).ToContainTextAsync("9.000");

        // Back at the school: the decision on the card and on the timeline, the SWV's reason with it.
        await zorg.ReloadAsync();
        await zorg.GetByRole(AriaRole.Tab, new() { Name = "Samenwerkingsverband" }).ClickAsync();
        var rij = zorg.GetByTestId("aanvraag-rij").First;
        await Expect(rij.GetByTestId("aanvraag-status")).ToContainTextAsync("deels toegekend");
        await Expect(rij.GetByTestId("aanvraag-besluit")).ToContainTextAsync("9.000");
        var besluit = zorg.GetByTestId("tijdlijn").Locator("[data-testid='tijdlijn-item'][data-soort='SwvBesluit']");
        await Expect(besluit.First).ToContainTextAsync("deels toegekend € 9.000,00");
        await Expect(besluit.First).ToContainTextAsync("eigen begeleider");
        await besluit.First.ScrollIntoViewIfNeededAsync();
        await zorg.Mouse.MoveAsync(0, 0);
        await Wachten.TotStilAsync(zorg);
        await zorg.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "swv-besluit-tijdlijn.png") });
    }

    /// <summary>From the SWV's start page, the open application of this student sent by Vallei.</summary>
    private static async Task OpenAsync(IPage page, string naam)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aanvragen", Level = 1 })).ToBeVisibleAsync();
        var rij = page.GetByTestId("swv-tabel").Locator("tbody tr")
            .Filter(new() { HasText = naam }).Filter(new() { HasText = "Individueel arrangement" }).Filter(new() { HasText = "Vallei" })
            .Filter(new() { HasNotText = "toegekend" });
        await rij.First.GetByTestId("swv-aanvraag-link").ClickAsync();
        await Expect(page.GetByTestId("swv-aanvraag-titel")).ToContainTextAsync(naam);
    }
}
