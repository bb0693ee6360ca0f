using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>
/// Issue 10: the zorgcoördinator prepares and chairs Vallei 1K's next leerlingbespreking at tablet size — evaluates the
/// earlier afspraak of the PM II student, answers the four questions, adds an afspraak for the mentor and raises him to
/// PM III through the ladder dialog, and closes the meeting from its verslag; the mentor then sees the level, the afspraak
/// and the verslag on the student's page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class BesprekingVoerenTests(AppHost host)
{
    [Fact]
    public async Task The_zorgcoordinator_prepares_and_chairs_the_leerlingbespreking_on_a_tablet_and_the_mentor_sees_the_outcome()
    {
        var page = await host.LoginAsync("zorgcoordinator@vallei.example");
        await Wachten.OpBreedteAsync(page, 768, 1024);
        await page.GotoAsync("/besprekingen/voeren");
        await page.GetByTestId("tevoeren-bespreking").Filter(new() { HasText = "Leerlingbespreking 1K" }).First.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(VoerenUrl());

        // The agenda: not yet prepared; the chair prepares it, concerns first (the PM II student has an afspraak to evaluate).
        await page.GetByTestId("agenda-voorbereiden").ClickAsync();
        await Expect(page.GetByTestId("agenda-voorbereiden")).ToHaveCountAsync(0);
        var regels = page.GetByTestId("agenda-regel");
        await Expect(regels.First).ToHaveAttributeAsync("data-zorg", "ja");
        await Expect(regels.First.GetByTestId("agenda-te-evalueren")).ToContainTextAsync("weekplanning");
        await Expect(regels.First).ToContainTextAsync("PM II");
        var aantal = await regels.CountAsync();
        Assert.True(aantal > 5, $"Heel de klas hoort op de agenda, niet {aantal}.");
        await SluitMeldingenAsync(page);
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "bespreking-agenda.png"), FullPage = true });

        // Chairing: open the meeting; at 768 px the students are a select, the first one is chosen.
        await page.GetByTestId("voeren-openen").ClickAsync();
        await Expect(page.GetByTestId("voeren-status")).ToHaveTextAsync("Bezig");
        await page.GetByTestId("voeren-agenda").Locator(".mud-expand-panel-header").ClickAsync();
        await Expect(page.GetByTestId("agendakaart")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("voeren-kies")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("voeren-lijst")).ToBeHiddenAsync();
        var deel = page.GetByTestId("agendapunt");
        await Expect(deel.GetByTestId("agendapunt-pm")).ToHaveTextAsync("PM II");
        var dossier = await deel.GetByTestId("agendapunt-dossier").GetAttributeAsync("href");

        // The afspraak of the previous bespreking: its owner is the mentor; evaluated through the afspraak's own dialog.
        var vorige = deel.Locator("[data-testid='afspraak'][data-vorige='ja']");
        await Expect(vorige).ToContainTextAsync("weekplanning");
        var mentor = EigenaarUit().Match((await vorige.TextContentAsync())!).Groups["naam"].Value.Trim();
        Assert.False(string.IsNullOrEmpty(mentor));
        await vorige.GetByTestId("afspraak-evalueren").ClickAsync();
        await page.GetByTestId("afronden-evaluatie").FillAsync("De weekplanning helpt: het huiswerk is vaker af.");
        await page.GetByTestId("afronden-opslaan").ClickAsync();
        await Expect(page.GetByTestId("afronden-dialoog")).ToHaveCountAsync(0);
        await Expect(vorige).ToHaveCountAsync(0);

        // The four questions, saved as typed.
        await deel.GetByTestId("vraag-goed").FillAsync("Hij plant beter en helpt klasgenoten.");
        await deel.GetByTestId("vraag-probleem").FillAsync("De concentratie in de les blijft zwak.");
        await deel.GetByTestId("vraag-oorzaak").FillAsync("Thuis weinig rust; mogelijk meer aan de hand.");
        await deel.GetByTestId("vraag-aanpak").FillAsync("Het ondersteuningsteam kijkt mee; mentor spreekt de ouders.");
        await deel.GetByTestId("vraag-aanpak").BlurAsync();
        await Expect(deel.GetByTestId("agendapunt-status")).ToContainTextAsync("Opgeslagen");

        // A new afspraak for the mentor; the deadline is the next bespreking if there is one.
        await deel.GetByTestId("afspraak-wat").FillAsync("Gesprek met de ouders over de thuissituatie.");
        await deel.GetByTestId("afspraak-eigenaar").ClickAsync();
        await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = mentor, Exact = true }));
        await deel.GetByTestId("afspraak-toevoegen").ClickAsync();
        var nieuw = deel.Locator("[data-testid='afspraak']").Filter(new() { HasText = "Gesprek met de ouders" });
        await Expect(nieuw).ToContainTextAsync("Uit deze bespreking");
        await Expect(nieuw).ToContainTextAsync(mentor);

        // The ladder decision, through the ladder's own dialog and rules.
        await deel.GetByTestId("agendapunt-ladder").ClickAsync();
        await page.GetByTestId("pm-naar").ClickAsync();
        await Wachten.KiesAsync(page, page.GetByRole(AriaRole.Option, new() { Name = "PM III · Ondersteuningsteam" }));
        await page.GetByTestId("pm-reden").FillAsync("Leerlingbespreking: de concentratie blijft zwak ondanks de weekplanning; door naar het ondersteuningsteam.");
        await page.GetByTestId("pm-geprobeerd").FillAsync("Weekplanning met de mentor en een vaste plek voorin de klas.");
        await page.GetByTestId("pm-opslaan").ClickAsync();
        await Expect(page.GetByTestId("pm-dialoog")).ToHaveCountAsync(0);
        await Expect(deel.GetByTestId("agendapunt-pm")).ToHaveTextAsync("PM III");

        // Reloading keeps what was typed: it was saved.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("agendapunt").GetByTestId("vraag-aanpak")).ToHaveValueAsync("Het ondersteuningsteam kijkt mee; mentor spreekt de ouders.");
        await SluitMeldingenAsync(page);
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "bespreking-voeren.png"), FullPage = true });

        // The verslag: the chair closes the meeting, and each student's part goes into his dossier.
        await page.GetByTestId("voeren-verslag").ClickAsync();
        await Expect(page.GetByTestId("verslag-status")).ToContainTextAsync("Concept");
        await Expect(page.GetByTestId("verslag-deel").Filter(new() { HasText = "Het ondersteuningsteam kijkt mee" })).ToContainTextAsync("Gesprek met de ouders");
        await page.GetByTestId("verslag-afsluiten").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Afsluiten", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("verslag-status")).ToContainTextAsync("Afgesloten");
        await Expect(page.GetByTestId("verslag-afsluiten")).ToHaveCountAsync(0);
        await SluitMeldingenAsync(page);
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "bespreking-verslag.png"), FullPage = true });

        // The mentor sees it on the student's page, the verslag on his timeline.
        var mentorPage = await host.LoginAsync("mentor@vallei.example");
        await mentorPage.GotoAsync("/" + dossier);
        await Expect(mentorPage.GetByTestId("pm-niveau")).ToContainTextAsync("PM III");
        await Expect(mentorPage.GetByTestId("open-afspraken")).ToContainTextAsync("Gesprek met de ouders over de thuissituatie.");
        await Expect(mentorPage.GetByTestId("open-afspraken")).Not.ToContainTextAsync("Elke maandag samen met de mentor");
        await mentorPage.GetByTestId("tijdlijn-filter-besprekingen").ClickAsync();
        await Expect(mentorPage.GetByTestId("tijdlijn").Locator("[data-testid='tijdlijn-item'][data-soort='Besproken']")
            .Filter(new() { HasText = "Het ondersteuningsteam kijkt mee" })).ToHaveCountAsync(1);
    }

    private static async Task SluitMeldingenAsync(IPage page)
    {
        foreach (var sluit in await page.Locator(".mud-snackbar button").AllAsync())
        {
            await sluit.ClickAsync();
        }
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/besprekingen/[0-9a-f-]+/voeren")]
    private static partial Regex VoerenUrl();

    [GeneratedRegex("Uit de vorige bespreking · (?<naam>[^·]+)")]
    private static partial Regex EigenaarUit();
}
