using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

[Collection(AppCollection.Name)]
public sealed class MentorJourneyTests(AppHost host)
{
    [Fact]
    public async Task The_login_page_is_Dutch_and_tidy()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inloggen" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "01-inloggen.png") });
        await AssertNoSeriousAccessibilityViolationsAsync(page);
    }

    [Fact]
    public async Task A_demo_mentor_logs_in_and_sees_his_class()
    {
        var page = await host.LoginAsync("mentor@vallei.example");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn klassen", Level = 1 })).ToBeVisibleAsync();
        var klas = page.GetByTestId("klas-1K");
        await Expect(klas.GetByRole(AriaRole.Heading, new() { Name = "Klas 1K" })).ToBeVisibleAsync();
        await Expect(klas.Locator("tbody tr")).ToHaveCountAsync(15);
        await Expect(page.GetByTestId("organisatie")).ToHaveTextAsync("Vallei Lyceum");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "02-mijn-klassen-mentor.png"), FullPage = true });
        await AssertNoSeriousAccessibilityViolationsAsync(page);

        // Into a student's page: his mentor and parents.
        await klas.Locator("tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ouders en verzorgers" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "03-leerling-mentor.png"), FullPage = true });
    }

    [Fact]
    public async Task A_zorgcoordinator_starts_on_the_classes_of_the_school()
    {
        var page = await host.LoginAsync("zorgcoordinator@rijnland.example");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Klassen", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(4);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "04-klassen-zorgcoordinator.png"), FullPage = true });
    }

    [Fact]
    public async Task A_parent_sees_only_his_own_child()
    {
        var page = await host.LoginAsync("ouder@vallei.example");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mijn kinderen", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "05-mijn-kinderen-ouder.png"), FullPage = true });
    }

    private static async Task AssertNoSeriousAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})")));
    }
}
