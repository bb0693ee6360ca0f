using System.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>Issue 9, the ondersteuningspas: the zorgcoördinator records it; a docent sees the facilities, never the diagnosis; the PDF.</summary>
[Collection(AppCollection.Name)]
public sealed class OndersteuningspasTests(AppHost host)
{
    private const string Diagnose = "Dyslexie, vastgesteld in groep 7";

    [Fact]
    public async Task A_care_role_records_a_pass_and_a_docent_sees_its_facilities_but_not_the_diagnosis()
    {
        // The zorgcoördinator opens a student of 1K ...
        var zorg = await host.LoginAsync("zorgcoordinator@vallei.example");
        await zorg.GetByRole(AriaRole.Link, new() { Name = "1K" }).ClickAsync();
        await Expect(zorg.GetByRole(AriaRole.Heading, new() { Name = "Klas 1K", Level = 1 })).ToBeVisibleAsync();
        var klasUrl = zorg.Url;
        var link = zorg.Locator("tbody tr").Nth(8).GetByRole(AriaRole.Link).First;
        var naam = (await link.InnerTextAsync()).Trim();
        await link.ClickAsync();
        await Expect(zorg.GetByTestId("faciliteitenkop")).ToContainTextAsync("Geen ondersteuningspas");
        var leerlingUrl = zorg.Url;
        await zorg.GetByRole(AriaRole.Tab, new() { Name = "Ondersteuningspas" }).ClickAsync();
        await zorg.GetByTestId("pas-vastleggen").ClickAsync();

        // ... saving without facilities or diagnosis: the messages next to the fields, the dialog stays open.
        var dialoog = zorg.GetByTestId("pas-dialoog");
        await zorg.GetByTestId("pas-opslaan").ClickAsync();
        await Expect(zorg.GetByTestId("pas-faciliteiten-fout")).ToContainTextAsync("Een pas zonder faciliteiten kan niet");
        await Expect(dialoog).ToContainTextAsync("Vul de diagnose in");

        await dialoog.GetByText("Extra tijd", new() { Exact = true }).ClickAsync();
        await zorg.GetByTestId("pas-toelichting-ExtraTijd").FillAsync("25 % bij toetsen");
        await Expect(zorg.GetByTestId("pas-faciliteiten-fout")).ToHaveCountAsync(0);
        await Wachten.TotStilAsync(zorg);
        await zorg.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "ondersteuningspas-dialoog.png") });
        await dialoog.GetByText("Voorleessoftware", new() { Exact = true }).ClickAsync();
        await dialoog.GetByText("Rustige ruimte", new() { Exact = true }).ClickAsync();
        await Expect(zorg.GetByTestId("pas-faciliteiten-fout")).ToHaveCountAsync(0);
        await zorg.GetByTestId("pas-diagnose").FillAsync(Diagnose);
        await zorg.GetByTestId("pas-opslaan").ClickAsync();
        await Expect(zorg.GetByText("De ondersteuningspas is vastgelegd.")).ToBeVisibleAsync();

        var kaart = zorg.GetByTestId("paskaart");
        await Expect(kaart.GetByTestId("pas-lijst")).ToContainTextAsync("Extra tijd: 25 % bij toetsen");
        await Expect(kaart.GetByTestId("pas-diagnose-tekst")).ToHaveTextAsync(Diagnose);
        await Expect(zorg.GetByTestId("faciliteitenkop")).ToContainTextAsync("Rustige ruimte");
        await Wachten.TotStilAsync(zorg);
        await zorg.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "ondersteuningspas.png"), FullPage = true });

        // The printable pass: a PDF, rendered to an image to look at.
        // Chromium prints on the server; on a busy machine that can take a while.
        var pdf = await zorg.APIRequest.GetAsync(leerlingUrl.TrimEnd('/') + "/ondersteuningspas.pdf", new() { Timeout = 120_000 });
        Assert.Equal(200, pdf.Status);
        var bytes = await pdf.BodyAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes.Take(4));
        await RenderAsync(bytes, Path.Combine(AppHost.Screenshots, "ondersteuningspas-pdf.png"));

        // A docent of 1K: the icon on the class list, the facilities on the student page, nowhere the diagnosis.
        var docent = await host.LoginAsync("docent@vallei.example");
        await docent.GotoAsync(klasUrl);
        var rij = docent.Locator("tbody tr").Filter(new() { Has = docent.GetByRole(AriaRole.Link, new() { Name = naam, Exact = true }) });
        await Expect(rij.GetByTestId("pas-icoon")).ToHaveAttributeAsync("aria-label", "Ondersteuningspas: Extra tijd (25 % bij toetsen), Voorleessoftware, Rustige ruimte");
        await Expect(docent.GetByTestId("pas-icoon")).ToHaveCountAsync(1);
        await rij.GetByRole(AriaRole.Link, new() { Name = naam, Exact = true }).ClickAsync();
        await Expect(docent.GetByTestId("faciliteitenkop")).ToContainTextAsync("Extra tijd");
        await docent.GetByRole(AriaRole.Tab, new() { Name = "Ondersteuningspas" }).ClickAsync();
        await Expect(docent.GetByTestId("pas-lijst")).ToContainTextAsync("Voorleessoftware");
        await Expect(docent.GetByTestId("pas-diagnose-blok")).ToHaveCountAsync(0);
        await Expect(docent.GetByTestId("pas-vastleggen")).ToHaveCountAsync(0);
        // The level and the pass are his; the interventions and the consent register are not even a tab.
        await Expect(docent.GetByRole(AriaRole.Tab, new() { Name = "Zorgladder" })).ToBeVisibleAsync();
        await Expect(docent.GetByRole(AriaRole.Tab, new() { Name = "Inzet" })).ToHaveCountAsync(0);
        await Expect(docent.GetByRole(AriaRole.Tab, new() { Name = "Toestemming" })).ToHaveCountAsync(0);
        await Expect(docent.Locator("body")).Not.ToContainTextAsync("Dyslexie");
        Assert.DoesNotContain("Dyslexie", await docent.ContentAsync(), StringComparison.Ordinal);
        await Wachten.TotStilAsync(docent);
        await docent.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "ondersteuningspas-docent.png"), FullPage = true });
    }

    private static readonly string[] Pdftoppm = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"];

    /// <summary>Page 1 of the PDF as PNG with pdftoppm (poppler-utils), when it is installed.</summary>
    internal static async Task RenderAsync(byte[] pdf, string png)
    {
        var pdftoppm = Pdftoppm.FirstOrDefault(File.Exists);
        if (pdftoppm is null)
        {
            return;
        }
        var map = Directory.CreateTempSubdirectory("lz-pas-pdf-");
        try
        {
            var bestand = Path.Combine(map.FullName, "pas.pdf");
            await File.WriteAllBytesAsync(bestand, pdf);
            var start = new ProcessStartInfo(pdftoppm) { UseShellExecute = false };
            foreach (var a in new List<string> { "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", bestand, png[..^4] })
            {
                start.ArgumentList.Add(a);
            }
            using var proces = Process.Start(start)!;
            await proces.WaitForExitAsync();
            Assert.Equal(0, proces.ExitCode);
            Assert.True(File.Exists(png));
        }
        finally
        {
            map.Delete(recursive: true);
        }
    }
}
