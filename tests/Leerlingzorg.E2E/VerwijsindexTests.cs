using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>Issue 12, the Verwijsindex: the zorgcoördinator registers a signal, records that a parent was told, sees the deadline.</summary>
[Collection(AppCollection.Name)]
public sealed class VerwijsindexTests(AppHost host)
{
    [Fact]
    public async Task The_zorgcoordinator_registers_a_signal_records_the_parent_informed_and_sees_the_two_year_deadline()
    {
        var page = await host.LoginAsync("zorgcoordinator@rijnland.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "3H", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Klas 3H", Level = 1 })).ToBeVisibleAsync();
        await page.Locator("tbody tr").Nth(6).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Verwijsindex" }).ClickAsync();
        var kaart = page.GetByTestId("verwijsindexkaart");
        await Expect(kaart.GetByText("De leerling staat niet in de Verwijsindex.")).ToBeVisibleAsync();

        await kaart.GetByTestId("verwijsindex-registreren").ClickAsync();
        var dialoog = page.GetByTestId("verwijsindex-dialoog");
        await Expect(dialoog.GetByTestId("verwijsindex-geen-inhoud")).ToContainTextAsync("Alleen dát er zorg is wordt gemeld, geen inhoud.");
        // Saved without a way to reach the contact: a Dutch message, and the name stays.
        await page.GetByTestId("verwijsindex-contact").FillAsync("bel maar");
        await page.GetByTestId("verwijsindex-opslaan").ClickAsync();
        await Expect(dialoog.GetByText("Vul een telefoonnummer (10 cijfers) of een e-mailadres in, geen andere tekst.")).ToBeVisibleAsync();
        await page.GetByTestId("verwijsindex-contact").FillAsync("zorg@rijnland.example");
        await page.GetByTestId("verwijsindex-opslaan").ClickAsync();
        await Expect(dialoog).ToBeHiddenAsync();
        await Expect(page.GetByText("De signalering is geregistreerd.", new() { Exact = false }).Last).ToBeVisibleAsync();

        var signalering = kaart.GetByTestId("signalering");
        await Expect(signalering).ToHaveCountAsync(1);
        await Expect(signalering.GetByTestId("signalering-termijn")).ToContainTextAsync("Afmelden uiterlijk");
        var nog = signalering.GetByTestId("signalering-informeren");
        var voor = await nog.CountAsync();
        Assert.True(voor >= 1);
        await nog.First.ClickAsync();
        await Expect(page.GetByTestId("informeren-dialoog")).ToBeVisibleAsync();
        await page.GetByTestId("informeren-opslaan").ClickAsync();
        await Expect(page.GetByTestId("informeren-dialoog")).ToBeHiddenAsync();
        await Expect(signalering.GetByTestId("signalering-geinformeerd")).ToContainTextAsync("(mondeling)");
        await Expect(signalering.GetByTestId("signalering-informeren")).ToHaveCountAsync(voor - 1);
        await Expect(kaart.GetByTestId("verwijsindex-registreren")).ToHaveCountAsync(0);

        await page.GetByTestId("ondersteuning-sectie").ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "verwijsindex.png") });
    }
}
