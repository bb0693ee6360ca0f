namespace Leerlingzorg.Domain.Besprekingen;

/// <summary>A docent's quick judgement of one aspect of a student on the inventarisatieformulier.</summary>
public enum Oordeel
{
    Goed = 1,
    Aandacht = 2,
    Zorg = 3,
}

/// <summary>The four aspects of the inventarisatieformulier (seed 002).</summary>
public enum Aspect
{
    Werkhouding = 1,
    Gedrag = 2,
    Resultaten = 3,
    Welbevinden = 4,
}

public static class Oordelen
{
    public static string Weergave(this Oordeel oordeel) => oordeel switch
    {
        Oordeel.Goed => "goed",
        Oordeel.Aandacht => "aandacht",
        Oordeel.Zorg => "zorg",
        _ => oordeel.ToString(),
    };

    public static string Weergave(this Aspect aspect) => aspect switch
    {
        Aspect.Werkhouding => "werkhouding",
        Aspect.Gedrag => "gedrag",
        Aspect.Resultaten => "resultaten",
        Aspect.Welbevinden => "welbevinden",
        _ => aspect.ToString(),
    };
}
