using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>Issue 11, Deliver 5: the beheerder finds the school's mail queue (waiting and failed mail) from the menu.</summary>
[Collection(AppCollection.Name)]
public sealed class MailbeheerTests(AppHost host)
{
    [Fact]
    public async Task The_beheerder_opens_the_mail_queue_from_the_menu()
    {
        var page = await host.LoginAsync("beheerder@rijnland.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "E-mail" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/beheer/mail$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "E-mail", Level = 1 })).ToBeVisibleAsync();
        var tabel = page.GetByTestId("mail-tabel");
        await Expect(tabel).ToBeVisibleAsync();
        // The demo's mail has been delivered by the worker: nothing waits, or only rows with a masked address.
        await Expect(tabel.Locator("td[data-label='Aan']").First.Or(page.GetByTestId("mail-leeg"))).ToBeVisibleAsync();
        foreach (var aan in await tabel.Locator("td[data-label='Aan']").AllInnerTextsAsync())
        {
            Assert.Contains("***@", aan, StringComparison.Ordinal);
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "mailbeheer.png"), FullPage = true });
    }
}
