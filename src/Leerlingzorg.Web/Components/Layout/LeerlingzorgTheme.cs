using MudBlazor;

namespace Leerlingzorg.Web.Components.Layout;

/// <summary>Calm colours with enough contrast (WCAG AA) in light and dark; the system font of the device.</summary>
public static class LeerlingzorgTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b5e7a",
            Secondary = "#7a4b1b",
            Tertiary = "#2e7d5b",
            AppbarBackground = "#1b5e7a",
            Background = "#f4f6f8",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2933",
            TextSecondary = "#52606d",
            // MudBlazor's default status colours fail WCAG AA as text on white (error red is 3.7:1).
            Error = "#b3261e",
            Warning = "#8a5300",
            Info = "#0b5c85",
            Success = "#1e6b43",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7cc4e4",
            Secondary = "#e0b27c",
            Tertiary = "#7fd1ad",
            AppbarBackground = "#16242c",
            Background = "#111a20",
            Surface = "#1a262e",
            DrawerBackground = "#16242c",
            Error = "#ff8a80",
            Warning = "#ffcc80",
            Info = "#81d4fa",
            Success = "#a5d6a7",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
