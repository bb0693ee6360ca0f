namespace Leerlingzorg.Domain;

/// <summary>Dutch names: "Jan van der Berg" in text, sorted and listed as "Berg, Jan van der".</summary>
public static class Naam
{
    public static string Volledig(string voornaam, string? tussenvoegsel, string achternaam) =>
        string.IsNullOrWhiteSpace(tussenvoegsel)
            ? $"{voornaam.Trim()} {achternaam.Trim()}"
            : $"{voornaam.Trim()} {tussenvoegsel.Trim()} {achternaam.Trim()}";

    public static string Sorteer(string voornaam, string? tussenvoegsel, string achternaam) =>
        string.IsNullOrWhiteSpace(tussenvoegsel)
            ? $"{achternaam.Trim()}, {voornaam.Trim()}"
            : $"{achternaam.Trim()}, {voornaam.Trim()} {tussenvoegsel.Trim()}";
}
