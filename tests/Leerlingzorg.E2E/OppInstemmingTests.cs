using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>
/// Issue 11 with the Vallei demo: version 2 of a 1K student's OPP waits for both parents (the school lets one yes suffice).
/// The father rejects with a reason, the mother, in English on a phone, approves; the zorgcoördinator sees both decisions,
/// compares the versions, prints the PDF and finds the plan deadlines.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OppInstemmingTests(AppHost host)
{
    private const string Reden = "Wij willen eerst met de school praten over de faalangsttraining.";

    [Fact]
    public async Task One_parent_rejects_with_a_reason_the_other_approves_in_English_and_the_school_sees_both_and_prints_the_plan()
    {
        // The father, in Dutch: a no needs a reason; with one parent's yes enough, his no alone does not decide.
        var vader = await host.LoginAsync("ouder2@vallei.example");
        await vader.GotoAsync("/mijn-kinderen");
        await vader.GetByTestId("naar-plan").First.ClickAsync();
        await Expect(vader.GetByTestId("beslissen")).ToBeVisibleAsync();
        var leerlingId = vader.Url.Split('/')[^2];
        await vader.GetByTestId("reden").FillAsync(Reden);
        await vader.GetByTestId("niet-instemmen").ClickAsync();
        await Expect(vader.GetByTestId("plan-melding")).ToBeVisibleAsync();
        await Expect(vader.GetByTestId("beslissen")).ToHaveCountAsync(0);

        // The mother, in English on a phone: she approves, and the version takes effect.
        var moeder = await host.LoginAsync("ouder@vallei.example");
        await Wachten.OpBreedteAsync(moeder, 375, 800);
        await moeder.GotoAsync("/mijn-kinderen");
        await moeder.GetByTestId("taal-en").ClickAsync();
        await Expect(moeder.GetByRole(AriaRole.Heading, new() { Name = "My children", Level = 1 })).ToBeVisibleAsync();
        await Expect(moeder.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await moeder.GetByTestId("naar-plan").First.ClickAsync();
        await Expect(moeder.GetByTestId("handelingsregel")).ToHaveCountAsync(3);
        await moeder.GetByTestId("instemmen").ClickAsync();
        await Expect(moeder.GetByTestId("plan-melding")).ToContainTextAsync("You approved");
        await Expect(moeder.GetByTestId("geschiedenis")).ToContainTextAsync("father");
        await Wachten.TotStilAsync(moeder);
        await moeder.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "opp-ouder-ingestemd-en.png") });

        // The school sees both decisions, the father's reason among them.
        var zorg = await host.LoginAsync("zorgcoordinator@vallei.example");
        await zorg.GotoAsync($"/leerlingen/{leerlingId}");
        await zorg.GetByRole(AriaRole.Tab, new() { Name = "Plannen" }).ClickAsync();
        await zorg.GetByTestId("plan-rij").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(zorg.GetByTestId("plan-titel")).ToContainTextAsync(new Regex("Ontwikkelings\u00AD?perspectief\u00AD?plan"));
        await Expect(zorg.GetByTestId("plan-status")).ToHaveTextAsync("Ingestemd");
        await Expect(zorg.GetByTestId("besluit")).ToHaveCountAsync(2);
        await Expect(zorg.GetByTestId("besluit").Filter(new() { HasText = Reden })).ToHaveCountAsync(1);

        // The PDF of version 2, rendered for a look.
        var pdfLink = await zorg.GetByRole(AriaRole.Link, new() { Name = "PDF van versie 2" }).GetAttributeAsync("href");
        var pdf = await zorg.APIRequest.GetAsync(pdfLink!, new() { Timeout = 120_000 });
        Assert.Equal(200, pdf.Status);
        var bytes = await pdf.BodyAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes.Take(4));
        await OndersteuningspasTests.RenderAsync(bytes, Path.Combine(AppHost.Screenshots, "opp-pdf.png"));

        // Version 1 against version 2: the new line of support is what changed in the handelingsdeel.
        await zorg.GetByRole(AriaRole.Link, new() { Name = "Versie 2 vergelijken met versie 1" }).ClickAsync();
        await Expect(zorg.GetByTestId("vergelijken-handelingsdeel")).ToContainTextAsync("Faalangstreductietraining");
        await Wachten.TotStilAsync(zorg);
        await zorg.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "opp-vergelijken.png"), FullPage = true });

        await zorg.GotoAsync("/zorg/plannen");
        await Expect(zorg.GetByTestId("termijn-lijsten")).ToBeVisibleAsync();
        await Wachten.TotStilAsync(zorg);
        await zorg.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "plantermijnen.png"), FullPage = true });
    }
}
