namespace Leerlingzorg.Domain.Ondersteuningsprofielen;

/// <summary>
/// The kinds of expertise a school can name in its ondersteuningsprofiel, the headings parents and schools search the
/// public overview by. Stored by name: the numbers are no contract.
/// </summary>
public enum Expertise
{
    Dyslexie = 1,
    Dyscalculie = 2,
    LerenLeren = 3,
    SociaalEmotioneel = 4,
    Gedrag = 5,
    Faalangst = 6,
    Hoogbegaafdheid = 7,
    Autisme = 8,
    Adhd = 9,
    Nt2Isk = 10,
    FysiekeBeperking = 11,
    ChronischZiek = 12,
    VeiligeOmgeving = 13,
}

public static class Expertises
{
    public static readonly IReadOnlyList<Expertise> Alle = Enum.GetValues<Expertise>();

    /// <summary>The name on every page, in Dutch.</summary>
    public static string Weergave(this Expertise expertise) => expertise switch
    {
        Expertise.Dyslexie => "Dyslexie",
        Expertise.Dyscalculie => "Dyscalculie",
        Expertise.LerenLeren => "Leren leren",
        Expertise.SociaalEmotioneel => "Sociaal-emotioneel",
        Expertise.Gedrag => "Gedrag",
        Expertise.Faalangst => "Faalangst en examenvrees",
        Expertise.Hoogbegaafdheid => "Hoogbegaafdheid",
        Expertise.Autisme => "Autisme",
        Expertise.Adhd => "AD(H)D en concentratie",
        Expertise.Nt2Isk => "NT2 en ISK (nieuwkomers)",
        Expertise.FysiekeBeperking => "Fysieke beperking",
        Expertise.ChronischZiek => "Chronisch ziek",
        Expertise.VeiligeOmgeving => "Veilige omgeving en pesten",
        _ => expertise.ToString(),
    };

    /// <summary>What a school with this expertise typically offers: the form's hint and the default text.</summary>
    public static string Uitleg(this Expertise expertise) => expertise switch
    {
        Expertise.Dyslexie => "Dyslexiebeleid, voorleessoftware, extra tijd en aangepaste toetsen.",
        Expertise.Dyscalculie => "Rekenbeleid, rekenmachine en extra tijd bij toetsen.",
        Expertise.LerenLeren => "Hulp bij plannen, organiseren en studievaardigheden.",
        Expertise.SociaalEmotioneel => "Trainingen en begeleiding bij weerbaarheid en welbevinden.",
        Expertise.Gedrag => "Begeleiding bij gedrag, een time-outvoorziening, heldere afspraken.",
        Expertise.Faalangst => "Faalangstreductietraining en begeleiding rond toetsen.",
        Expertise.Hoogbegaafdheid => "Verrijking, versnellen en begeleiding voor (hoog)begaafde leerlingen.",
        Expertise.Autisme => "Voorspelbaarheid, een rustige plek en een vast aanspreekpunt.",
        Expertise.Adhd => "Structuur, concentratieplekken en coaching.",
        Expertise.Nt2Isk => "Nederlands als tweede taal en een internationale schakelklas.",
        Expertise.FysiekeBeperking => "Een toegankelijk gebouw, lift en aangepast meubilair.",
        Expertise.ChronischZiek => "Afspraken over ziekteverzuim, rust en onderwijs op afstand.",
        Expertise.VeiligeOmgeving => "Anti-pestbeleid, vertrouwenspersoon en een veilig schoolklimaat.",
        _ => "",
    };
}
