using Microsoft.Playwright;

namespace Leerlingzorg.E2E;

/// <summary>Waits for a state instead of a fixed time: a sleep is too short on a busy machine and too long on an idle one.</summary>
internal static class Wachten
{
    /// <summary>
    /// No finite animation or transition running (a drawer sliding, a list fading in), a closed responsive drawer below
    /// MudBlazor's md breakpoint (where the breakpoint listener closes it), and at least one frame rendered since the
    /// call: the page as a user sees it at rest.
    /// </summary>
    public static async Task TotStilAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForFunctionAsync(Stil, null, new() { Timeout = 15_000 });
    }

    /// <summary>After a resize: the window has the new width and the layout has come to rest.</summary>
    public static async Task OpBreedteAsync(IPage page, int breedte, int hoogte)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.SetViewportSizeAsync(breedte, hoogte);
        await page.WaitForFunctionAsync("w => window.innerWidth === w", breedte);
        await TotStilAsync(page);
    }

    /// <summary>
    /// Chooses an option of an open MudSelect and waits until its list has closed: a click or a fill while the list's
    /// overlay is still fading out can land on the overlay and be lost.
    /// </summary>
    public static async Task KiesAsync(IPage page, ILocator optie)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(optie);
        await optie.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
    }

    private const string Stil = """
        () => document.getAnimations().every(a => {
                // Spinners and indeterminate progress bars never end; a UI transition takes well under two seconds.
                const t = a.playState === 'running' ? a.effect?.getComputedTiming() : null;
                return !t || t.endTime === Infinity || t.endTime > 2000;
            })
            && (window.innerWidth >= 960 || !document.querySelector('.mud-drawer-responsive.mud-drawer--open'))
        """;
}
