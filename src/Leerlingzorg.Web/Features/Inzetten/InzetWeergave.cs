using Leerlingzorg.Domain.Ondersteuning;

namespace Leerlingzorg.Web.Features.Inzetten;

public static class InzetWeergave
{
    public static string Weergave(this InzetUitkomst uitkomst) => uitkomst switch
    {
        InzetUitkomst.DoelBereikt => "Doel bereikt",
        InzetUitkomst.DeelsBereikt => "Doel deels bereikt",
        InzetUitkomst.NietBereikt => "Doel niet bereikt",
        _ => uitkomst.ToString(),
    };

    public static string Weergave(this InzetStatus status) => status switch
    {
        InzetStatus.Wachtlijst => "Wachtlijst",
        InzetStatus.Actief => "Actief",
        InzetStatus.Afgerond => "Afgerond",
        InzetStatus.Gestopt => "Gestopt",
        _ => status.ToString(),
    };

    public static string Datum(DateOnly datum) => datum.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    public static string Periode(InzetRegel regel)
    {
        ArgumentNullException.ThrowIfNull(regel);
        return regel.GeplandEinde is { } einde ? $"{Datum(regel.Start)} – {Datum(einde)}" : $"vanaf {Datum(regel.Start)}";
    }
}
