using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

[Collection(AppCollection.Name)]
public sealed class ShellTests(AppHost host)
{
    [Fact]
    public async Task The_theme_follows_a_dark_operating_system()
    {
        var page = await host.LoginAsync("zorgcoordinator@vallei.example", colorScheme: ColorScheme.Dark);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Klassen", Level = 1 })).ToBeVisibleAsync();
        // MudBlazor applies the dark palette after the first render: the page background turns dark.
        await page.WaitForFunctionAsync("() => getComputedStyle(document.body).backgroundColor === 'rgb(17, 26, 32)'");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "06-klassen-donker.png") });
    }

    [Fact]
    public async Task A_user_finds_his_account_settings_in_Dutch()
    {
        var page = await host.LoginAsync("mentor@vallei.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn account" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tweestapsverificatie" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "07-mijn-account.png") });
    }

    [Fact]
    public async Task The_start_page_works_on_a_tablet()
    {
        var context = await host.Browser.NewContextAsync(new() { BaseURL = host.BaseUrl, Locale = "nl-NL", ViewportSize = new() { Width = 820, Height = 1180 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mailadres").FillAsync("mentor@vallei.example");
        await page.GetByLabel("Wachtwoord").FillAsync("Leerlingzorg-demo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn klassen", Level = 1 })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "08-mijn-klassen-tablet.png") });
    }
}
