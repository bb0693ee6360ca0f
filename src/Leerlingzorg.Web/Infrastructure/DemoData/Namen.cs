namespace Leerlingzorg.Web.Infrastructure.DemoData;

/// <summary>Common Dutch names (and some of the names of Dutch students with roots elsewhere) for demo data.</summary>
internal static class Namen
{
    private static readonly string[] Voornamen =
    [
        "Daan", "Sem", "Lucas", "Levi", "Finn", "Milan", "Noah", "Jesse", "Thijs", "Bram", "Luuk", "Ruben", "Mohammed",
        "Yusuf", "Emma", "Julia", "Tess", "Sophie", "Zoë", "Mila", "Sara", "Anna", "Evi", "Lotte", "Noor", "Fleur",
        "Fatima", "Aya", "Lieke", "Isa", "Jayden", "Mees", "Sanne", "Romy", "Ilse", "Chloë", "Ömer", "Björn",
    ];

    private static readonly string[] Vrouwen = ["Marieke", "Linda", "Esther", "Saskia", "Petra", "Nadia", "Anouk", "Karin"];
    private static readonly string[] Mannen = ["Mark", "Erik", "Jeroen", "Ahmed", "Bas", "Pieter", "Marco", "Hans"];

    private static readonly (string? Tussenvoegsel, string Achternaam)[] Achternamen =
    [
        (null, "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), (null, "Bakker"), (null, "Visser"),
        (null, "Smit"), (null, "Meijer"), ("de", "Boer"), (null, "Mulder"), ("de", "Groot"), (null, "Bos"),
        (null, "Vos"), (null, "Peters"), (null, "Hendriks"), ("van", "Leeuwen"), (null, "Dekker"), (null, "Brouwer"),
        ("de", "Wit"), (null, "Dijkstra"), (null, "Yılmaz"), (null, "El Amrani"), (null, "Öztürk"), ("van der", "Linden"),
        (null, "Kok"), (null, "Jacobs"), ("de", "Haan"), (null, "Vermeulen"), ("van den", "Heuvel"), ("van der", "Veen"),
    ];

    public static (string Voornaam, string? Tussenvoegsel, string Achternaam) Persoon(Random random)
    {
        var (tussenvoegsel, achternaam) = Achternamen[random.Next(Achternamen.Length)];
        return (Voornamen[random.Next(Voornamen.Length)], tussenvoegsel, achternaam);
    }

    private static readonly string[] Vakken = ["Nederlands", "Engels", "wiskunde", "geschiedenis", "biologie", "lichamelijke opvoeding"];

    public static string Vak(Random random) => Vakken[random.Next(Vakken.Length)];

    /// <summary>Most parents are addressed in Dutch; a few prefer another language.</summary>
    public static string? Voorkeurstaal(string achternaam) => achternaam switch
    {
        "Yılmaz" or "Öztürk" => "Turks",
        "El Amrani" => "Arabisch",
        _ => null,
    };

    public static string Volwassene(Random random, bool vrouw) =>
        vrouw ? Vrouwen[random.Next(Vrouwen.Length)] : Mannen[random.Next(Mannen.Length)];
}
