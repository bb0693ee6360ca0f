using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Leerlingzorg.Web.Infrastructure.Localization;
using MudBlazor;

namespace Leerlingzorg.Web.ComponentTests;

public sealed partial class DutchMudLocalizerTests
{
    private const string EnglishResourceName = "MudBlazor.Resources.LanguageResource.resources";

    [Fact]
    public void Every_MudBlazor_key_has_a_Dutch_translation()
    {
        var localizer = new DutchMudLocalizer();

        var missing = EnglishResources()
            .Keys
            .Where(key =>
            {
                var translation = localizer[key];
                return translation.ResourceNotFound || string.IsNullOrWhiteSpace(translation.Value);
            })
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Dutch_translations_keep_the_placeholders_of_the_English_text()
    {
        var mismatches = new List<string>();
        foreach (var (key, english) in EnglishResources())
        {
            if (!DutchMudLocalizer.Vertalingen.TryGetValue(key, out var dutch))
            {
                continue; // reported by Every_MudBlazor_key_has_a_Dutch_translation
            }

            var englishPlaceholders = Placeholders(english);
            var dutchPlaceholders = Placeholders(dutch);
            if (!englishPlaceholders.SetEquals(dutchPlaceholders))
            {
                mismatches.Add($"{key}: '{english}' -> '{dutch}'");
                continue;
            }

            // The Dutch text must format with as many arguments as MudBlazor passes for the English one.
            var arguments = Enumerable.Range(0, englishPlaceholders.Count).Select(i => (object)$"arg{i}").ToArray();
            try
            {
                _ = string.Format(CultureInfo.InvariantCulture, dutch, arguments);
            }
            catch (FormatException)
            {
                mismatches.Add($"{key}: '{dutch}' is not a valid format string");
            }
        }

        Assert.Empty(mismatches);
    }

    private static Dictionary<string, string> EnglishResources()
    {
        var assembly = typeof(MudLocalizer).Assembly;
        using var stream = assembly.GetManifestResourceStream(EnglishResourceName)
            ?? throw new InvalidOperationException(
                $"Embedded resource '{EnglishResourceName}' not found in {assembly.GetName().Name}; "
                + $"it has: {string.Join(", ", assembly.GetManifestResourceNames())}");
        using var reader = new ResourceReader(stream);

        var resources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in reader)
        {
            resources[(string)entry.Key] = entry.Value as string ?? "";
        }

        Assert.NotEmpty(resources);
        return resources;
    }

    private static HashSet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
