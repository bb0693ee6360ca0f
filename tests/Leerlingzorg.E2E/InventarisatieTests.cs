using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Leerlingzorg.E2E;

/// <summary>
/// Issue 10, Deliver 2: the docent finds his inventarisatieformulier on his start page and fills it in from the keyboard
/// only; everything is kept over a reload; he hands it in. Klas 1A of Rijnland only (its docent's form).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InventarisatieTests(AppHost host)
{
    [Fact]
    public async Task The_docent_fills_in_his_form_for_1A_from_the_keyboard_it_survives_a_reload_and_he_hands_it_in()
    {
        var page = await host.LoginAsync("docent@rijnland.example");
        var taak = page.GetByTestId("mijn-inventarisaties").GetByTestId("inventarisatie-taak").Filter(new() { HasText = "Klas 1A" });
        await Expect(taak).ToHaveCountAsync(1);
        await Expect(taak).ToContainTextAsync("vóór");
        await taak.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(new Regex("/inventarisaties/"));

        var rijen = page.GetByTestId("inventarisatie-rij");
        await Expect(rijen.First).ToBeVisibleAsync();
        Assert.True(await rijen.CountAsync() >= 3);
        ILocator Cel(int rij, int kol) => rijen.Nth(rij).GetByTestId("oordeel").Nth(kol);

        // Row 1: four judgements typed, each moving on; then the remark, and Enter to the next student.
        await Cel(0, 0).FocusAsync();
        foreach (var (toets, kol) in new[] { ("1", 0), ("1", 1), ("2", 2), ("1", 3) })
        {
            await Expect(Cel(0, kol)).ToBeFocusedAsync();
            await page.Keyboard.PressAsync(toets);
        }
        var opmerking = rijen.Nth(0).GetByTestId("opmerking");
        await Expect(opmerking).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Werkt goed mee, cijfers wisselend");
        await page.Keyboard.PressAsync("Enter");
        // Row 2: zorg over gedrag; a wrong key corrected with Backspace; arrow keys between the cells.
        await Expect(Cel(1, 0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("1");
        await Expect(Cel(1, 1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("3");
        await Expect(Cel(1, 2)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("Backspace");
        await Expect(Cel(1, 1)).ToHaveAttributeAsync("data-waarde", "");
        await page.Keyboard.PressAsync("3");
        await Expect(Cel(1, 2)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("2");
        await Expect(Cel(1, 3)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        // Row 3, Welbevinden (from Welbevinden of row 2): aandacht.
        await Expect(Cel(2, 3)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("2");

        // The last key shown means every key before it reached the server; "Opgeslagen om" only once all are saved.
        await Expect(Cel(2, 3)).ToHaveAttributeAsync("data-waarde", "aandacht");
        await Expect(Cel(0, 2)).ToHaveAttributeAsync("data-waarde", "aandacht");
        await Expect(Cel(1, 1)).ToHaveAttributeAsync("data-waarde", "zorg");
        await Expect(page.GetByTestId("opslaan-status")).ToContainTextAsync("Opgeslagen om");

        await page.ReloadAsync();
        await Expect(Cel(0, 0)).ToHaveAttributeAsync("data-waarde", "goed");
        await Expect(Cel(0, 1)).ToHaveAttributeAsync("data-waarde", "goed");
        await Expect(Cel(0, 2)).ToHaveAttributeAsync("data-waarde", "aandacht");
        await Expect(Cel(0, 3)).ToHaveAttributeAsync("data-waarde", "goed");
        await Expect(rijen.Nth(0).GetByTestId("opmerking")).ToHaveValueAsync("Werkt goed mee, cijfers wisselend");
        await Expect(Cel(1, 0)).ToHaveAttributeAsync("data-waarde", "goed");
        await Expect(Cel(1, 1)).ToHaveAttributeAsync("data-waarde", "zorg");
        await Expect(Cel(1, 2)).ToHaveAttributeAsync("data-waarde", "aandacht");
        await Expect(Cel(1, 3)).ToHaveAttributeAsync("data-waarde", "");
        await Expect(Cel(2, 3)).ToHaveAttributeAsync("data-waarde", "aandacht");
        await Expect(page.GetByTestId("opslaan-status")).ToContainTextAsync("Laatst opgeslagen om");

        await page.GetByTestId("formulier-inleveren").ClickAsync();
        await Expect(page.GetByText("Het formulier is ingeleverd.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("formulier-status")).ToContainTextAsync("ingeleverd");
        await Wachten.TotStilAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "inventarisatieformulier.png"), FullPage = true });

        // On a tablet the form fits: the page does not stick out sideways and the cells stay usable.
        await Wachten.OpBreedteAsync(page, 768, 1024);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "De pagina steekt op 768 px uit.");
        var vak = (await Cel(0, 3).BoundingBoxAsync())!;
        Assert.True(vak.Width >= 80, $"Een oordeelvakje is op 768 px maar {vak.Width} px breed.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppHost.Screenshots, "inventarisatieformulier-768.png"), FullPage = true });

        // Handed in, it is on his start page as such and may still be changed.
        await page.GotoAsync(host.BaseUrl);
        await Expect(page.GetByTestId("inventarisatie-ingeleverd").Filter(new() { HasText = "1A" })).ToHaveCountAsync(1);
    }
}
