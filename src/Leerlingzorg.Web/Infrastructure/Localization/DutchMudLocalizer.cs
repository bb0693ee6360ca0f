using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Leerlingzorg.Web.Infrastructure.Localization;

/// <summary>
/// Dutch translations of MudBlazor's built-in UI strings (pagers, data grid filters, dialogs, pickers, file upload
/// and so on). MudBlazor ships English strings only and asks its <see cref="MudLocalizer"/> for every other UI
/// culture; without this class the otherwise Dutch UI would show "Rows per page:" and "Add filter".
/// The keys are those of MudBlazor's embedded <c>MudBlazor.Resources.LanguageResource</c> resource; a key that is
/// not translated here falls back to the base class (<see cref="LocalizedString.ResourceNotFound"/> is
/// <see langword="true"/>), so MudBlazor shows its English text. <c>DutchMudLocalizerTests</c> checks that every key
/// of the referenced MudBlazor version is translated, so an upgrade that adds keys shows up as a failing test.
/// </summary>
public sealed class DutchMudLocalizer : MudLocalizer
{
    private static readonly FrozenDictionary<string, string> Translations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Converters (validation messages of inputs)
        ["Converter_ConversionError"] = "Conversiefout: {0}",
        ["Converter_ConversionFailed"] = "Conversie van {0} naar {1} is mislukt: {2}",
        ["Converter_ConversionNotImplemented"] = "Conversie naar type {0} wordt niet ondersteund",
        ["Converter_InvalidBoolean"] = "Geen geldige ja/nee-waarde",
        ["Converter_InvalidDateTime"] = "Geen geldige datum: typ dag-maand-jaar, bijvoorbeeld 12-1-2027",
        ["Converter_InvalidGUID"] = "Geen geldige GUID",
        ["Converter_InvalidNumber"] = "Geen geldig getal",
        ["Converter_InvalidTimeSpan"] = "Geen geldige tijdsduur",
        ["Converter_InvalidType"] = "Geen geldige waarde van type {0}",
        ["Converter_NotValueOf"] = "Geen waarde van {0}",
        ["Converter_UnableToConvert"] = "Kan niet converteren van type {1} naar {0}",

        // Heat map
        ["HeatMap_Less"] = "Minder",
        ["HeatMap_More"] = "Meer",

        // Alert, breadcrumbs, carousel, chip
        ["MudAlert_Close"] = "Sluiten",
        ["MudBreadcrumbs_Label"] = "Kruimelpad",
        ["MudCarousel_Index"] = "Dia {0}",
        ["MudCarousel_Next"] = "Volgende",
        ["MudCarousel_Previous"] = "Vorige",
        ["MudChip_Close"] = "Verwijderen",

        // Date pickers
        ["MudBaseDatePicker_NextMonth"] = "Volgende maand {0}",
        ["MudBaseDatePicker_NextYear"] = "Volgend jaar {0}",
        ["MudBaseDatePicker_Open"] = "Kalender openen",
        ["MudBaseDatePicker_PrevMonth"] = "Vorige maand {0}",
        ["MudBaseDatePicker_PrevYear"] = "Vorig jaar {0}",
        ["MudDateRangePicker_End"] = "Einddatum",
        ["MudDateRangePicker_Start"] = "Begindatum",
        ["MudTimePicker_Open"] = "Tijdkiezer openen",

        // Color picker
        ["MudColorPicker_AlphaSlider"] = "Schuifregelaar voor transparantie",
        ["MudColorPicker_Close"] = "Sluiten",
        ["MudColorPicker_GridView"] = "Raster",
        ["MudColorPicker_HideSwatches"] = "Kleurstalen verbergen",
        ["MudColorPicker_HueSlider"] = "Schuifregelaar voor tint",
        ["MudColorPicker_ModeSwitch"] = "Modus wisselen",
        ["MudColorPicker_Open"] = "Kleurkiezer openen",
        ["MudColorPicker_PaletteView"] = "Palet",
        ["MudColorPicker_ShowSwatches"] = "Kleurstalen tonen",
        ["MudColorPicker_SpectrumView"] = "Spectrum",

        // Data grid pager
        ["MudDataGridPager_AllItems"] = "Alle",
        ["MudDataGridPager_FirstPage"] = "Eerste pagina",
        ["MudDataGridPager_InfoFormat"] = "{0}-{1} van {2}",
        ["MudDataGridPager_LastPage"] = "Laatste pagina",
        ["MudDataGridPager_NextPage"] = "Volgende pagina",
        ["MudDataGridPager_PreviousPage"] = "Vorige pagina",
        ["MudDataGridPager_RowsPerPage"] = "Rijen per pagina:",

        // Data grid
        ["MudDataGrid_AddFilter"] = "Filter toevoegen",
        ["MudDataGrid_Apply"] = "Toepassen",
        ["MudDataGrid_Cancel"] = "Annuleren",
        ["MudDataGrid_Clear"] = "Wissen",
        ["MudDataGrid_ClearFilter"] = "Filter wissen",
        ["MudDataGrid_CollapseAllGroups"] = "Alle groepen samenvouwen",
        ["MudDataGrid_CollapseGroup"] = "Groep samenvouwen",
        ["MudDataGrid_Column"] = "Kolom",
        ["MudDataGrid_Columns"] = "Kolommen",
        ["MudDataGrid_ExpandAllGroups"] = "Alle groepen uitvouwen",
        ["MudDataGrid_ExpandGroup"] = "Groep uitvouwen",
        ["MudDataGrid_Filter"] = "Filter",
        ["MudDataGrid_FilterValue"] = "Filterwaarde",
        ["MudDataGrid_Group"] = "Groeperen",
        ["MudDataGrid_Hide"] = "Verbergen",
        ["MudDataGrid_HideAll"] = "Alles verbergen",
        ["MudDataGrid_Loading"] = "Laden…",
        ["MudDataGrid_MoveDown"] = "Omlaag verplaatsen",
        ["MudDataGrid_MoveUp"] = "Omhoog verplaatsen",
        ["MudDataGrid_OpenFilters"] = "Filters openen",
        ["MudDataGrid_Operator"] = "Operator",
        ["MudDataGrid_RefreshData"] = "Gegevens vernieuwen",
        ["MudDataGrid_RemoveFilter"] = "Filter verwijderen",
        ["MudDataGrid_ReorderColumn"] = "Kolom verplaatsen",
        ["MudDataGrid_Save"] = "Opslaan",
        ["MudDataGrid_SelectAllRows"] = "Alle rijen selecteren",
        ["MudDataGrid_SelectRow"] = "Rij selecteren",
        ["MudDataGrid_ShowAll"] = "Alles tonen",
        ["MudDataGrid_ShowColumnOptions"] = "Kolomopties",
        ["MudDataGrid_Sort"] = "Sorteren",
        ["MudDataGrid_ToggleGroupExpansion"] = "Groep uitvouwen of samenvouwen",
        ["MudDataGrid_Ungroup"] = "Groepering opheffen",
        ["MudDataGrid_Unsort"] = "Sortering opheffen",
        ["MudDataGrid_Value"] = "Waarde",

        // Data grid filter operators (lower case, as MudBlazor shows them in the operator list)
        ["MudDataGrid_Contains"] = "bevat",
        ["MudDataGrid_EndsWith"] = "eindigt op",
        ["MudDataGrid_EqualSign"] = "=",
        ["MudDataGrid_Equals"] = "is gelijk aan",
        ["MudDataGrid_False"] = "nee",
        ["MudDataGrid_GreaterThanOrEqualSign"] = ">=",
        ["MudDataGrid_GreaterThanSign"] = ">",
        ["MudDataGrid_Is"] = "is",
        ["MudDataGrid_IsAfter"] = "is na",
        ["MudDataGrid_IsAnyOf"] = "is een van",
        ["MudDataGrid_IsBefore"] = "is vóór",
        ["MudDataGrid_IsEmpty"] = "is leeg",
        ["MudDataGrid_IsNot"] = "is niet",
        ["MudDataGrid_IsNotEmpty"] = "is niet leeg",
        ["MudDataGrid_IsOnOrAfter"] = "is op of na",
        ["MudDataGrid_IsOnOrBefore"] = "is op of vóór",
        ["MudDataGrid_LessThanOrEqualSign"] = "<=",
        ["MudDataGrid_LessThanSign"] = "<",
        ["MudDataGrid_NotContains"] = "bevat niet",
        ["MudDataGrid_NotEqualSign"] = "!=",
        ["MudDataGrid_NotEquals"] = "is niet gelijk aan",
        ["MudDataGrid_StartsWith"] = "begint met",
        ["MudDataGrid_True"] = "ja",

        // Dialog and exit prompt
        ["MudDialog_Close"] = "Sluiten",
        ["MudExitPrompt_Cancel"] = "Annuleren",
        ["MudExitPrompt_Exit"] = "OK",
        ["MudExitPrompt_Text"] = "Deze pagina verlaten? Wijzigingen die nog niet zijn opgeslagen, gaan mogelijk verloren.",
        ["MudExitPrompt_Title"] = "Pagina verlaten",

        // File upload
        ["MudFileUpload_Button"] = "Bestanden kiezen",
        ["MudFileUpload_DragAndDrop"] = "Sleep bestanden hierheen of klik om te kiezen",
        ["MudFileUpload_FileSizeError"] = "Het bestand '{0}' is groter dan de maximaal toegestane {1} bytes.",
        ["MudFileUpload_MaximumFileCountExceeded"] = "{0} bestanden geselecteerd; het maximum is {1}",

        // Form inputs
        ["MudFormComponent_Required"] = "Verplicht",
        ["MudInput_Clear"] = "Wissen",
        ["MudInput_Decrement"] = "Verlagen",
        ["MudInput_Increment"] = "Verhogen",
        ["MudRangeInput_End"] = "Einde",
        ["MudRangeInput_Start"] = "Begin",
        ["MudSelect_SelectAll"] = "Alles selecteren",

        // Navigation
        ["MudNavGroup_ToggleExpand"] = "{0} uitvouwen of samenvouwen",
        ["MudPageContentNavigation_NavMenu"] = "Inhoud",

        // Pagination
        ["MudPagination_CurrentPage"] = "Huidige pagina {0}",
        ["MudPagination_FirstPage"] = "Eerste pagina",
        ["MudPagination_LastPage"] = "Laatste pagina",
        ["MudPagination_NextPage"] = "Volgende pagina",
        ["MudPagination_PageIndex"] = "Pagina {0}",
        ["MudPagination_PreviousPage"] = "Vorige pagina",

        // Rating
        ["MudRatingItem_Label"] = "Waardering {0}",
        ["MudRating_Label"] = "Waardering",

        // Snackbar, split panel
        ["MudSnackbar_Close"] = "Sluiten",
        ["MudSplitPanel_ResizePanels"] = "Grootte van panelen aanpassen",

        // Stepper
        ["MudStepper_Complete"] = "Voltooien",
        ["MudStepper_Next"] = "Volgende",
        ["MudStepper_Previous"] = "Vorige",
        ["MudStepper_Reset"] = "Opnieuw beginnen",
        ["MudStepper_Skip"] = "Overslaan",

        // Table and table pager
        ["MudTablePager_FirstPage"] = "Eerste pagina",
        ["MudTablePager_LastPage"] = "Laatste pagina",
        ["MudTablePager_NextPage"] = "Volgende pagina",
        ["MudTablePager_PreviousPage"] = "Vorige pagina",
        ["MudTable_CancelEditRow"] = "Bewerken annuleren",
        ["MudTable_CollapseGroup"] = "Groep samenvouwen",
        ["MudTable_CommitRow"] = "Wijzigingen opslaan",
        ["MudTable_EditRow"] = "Rij bewerken",
        ["MudTable_ExpandGroup"] = "Groep uitvouwen",
        ["MudTable_Loading"] = "Laden…",
        ["MudTable_SelectAllRows"] = "Alle rijen selecteren",
        ["MudTable_SelectGroup"] = "Groep selecteren",
        ["MudTable_SelectRow"] = "Rij selecteren",

        // Tabs
        ["MudTabs_AddTab"] = "Tabblad toevoegen",
        ["MudTabs_CloseTab"] = "Tabblad sluiten",
        ["MudTabs_ScrollDown"] = "Tabbladen omlaag scrollen",
        ["MudTabs_ScrollLeft"] = "Tabbladen naar links scrollen",
        ["MudTabs_ScrollRight"] = "Tabbladen naar rechts scrollen",
        ["MudTabs_ScrollUp"] = "Tabbladen omhoog scrollen",

        // Tree view
        ["MudTreeView_CollapseItem"] = "Samenvouwen",
        ["MudTreeView_ExpandItem"] = "Uitvouwen",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The Dutch text per MudBlazor resource key; exposed for the tests.</summary>
    internal static IReadOnlyDictionary<string, string> Vertalingen => Translations;

    /// <inheritdoc />
    public override LocalizedString this[string key] =>
        Translations.TryGetValue(key, out var value) ? new LocalizedString(key, value) : base[key];

    /// <inheritdoc />
    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(arguments);
            if (!Translations.TryGetValue(key, out var value))
            {
                return base[key, arguments];
            }

            return arguments.Length == 0
                ? new LocalizedString(key, value)
                : new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, value, arguments));
        }
    }
}
