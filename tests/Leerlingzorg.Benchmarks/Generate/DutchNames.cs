using System.Globalization;
using System.Text;
using Bogus;
using Bogus.DataSets;

namespace Leerlingzorg.Benchmarks.Generate;

/// <summary>
/// Names as a Dutch school's student list has them. Bogus' "nl" locale gives the core (first names, surnames
/// and the tussenvoegsels "van", "de", "van den"…), but it holds only fifty of each: on 45,000 students that
/// would make every name occur dozens of times per school and flatter (or punish) the trigram search. So half the
/// first names and a third of the surnames come from the wider lists below, which also carry the accents (Zoë,
/// Öztürk) and the names of students with roots elsewhere that a real school has, and another third of the
/// surnames are toponymic, built from Bogus' Dutch place-name endings. Every draw goes through the one seeded faker.
/// </summary>
internal sealed class DutchNames
{
    private readonly Faker faker;
    private readonly DutchNameSet bogusNl;
    private readonly DutchAddressSet bogusAdres;

    public DutchNames(Faker faker)
    {
        this.faker = faker;
        bogusNl = new DutchNameSet { Random = faker.Random };
        bogusAdres = new DutchAddressSet { Random = faker.Random };
    }

    public (string Voornaam, string? Tussenvoegsel, string Achternaam) Persoon()
    {
        var voornaam = Voornaam();
        var (tussenvoegsel, achternaam) = Achternaam();
        return (voornaam, tussenvoegsel, achternaam);
    }

    public string Voornaam() => faker.Random.Bool(0.45f) ? faker.Name.FirstName() : faker.PickRandom(ExtraVoornamen);

    public string Volwassene(bool vrouw) => vrouw ? faker.PickRandom(Vrouwen) : faker.PickRandom(Mannen);

    public (string? Tussenvoegsel, string Achternaam) Achternaam()
    {
        var soort = faker.Random.Double();
        if (soort < 0.35)
        {
            return faker.PickRandom(ExtraAchternamen);
        }
        if (soort < 0.65)
        {
            // Toponymic surnames, the long tail of Dutch names: a root and one of Bogus' Dutch place-name endings
            // ("Hoogeveen", "Steenbergen", "van Rozendaal").
            string einde;
            do
            {
                einde = bogusAdres.Plaatsachtervoegsel();
            }
            while (!Plaatsachtervoegsels.Contains(einde));
            return (faker.Random.Bool(0.15f) ? "van" : null, faker.PickRandom(Stammen) + einde);
        }
        string achternaam;
        do
        {
            achternaam = faker.Name.LastName();
        }
        // The nl list has an organisation word among the surnames.
        while (achternaam == "Stichting");
        if (Gebruikelijk.TryGetValue(achternaam, out var tussenvoegsel))
        {
            return (tussenvoegsel, achternaam);
        }
        // Some families carry one where most do not ("van Bakker", "de Klein").
        return (faker.Random.Bool(0.06f) ? bogusNl.Tussenvoegsel() : null, achternaam);
    }

    /// <summary>Lower case, without accents, letters and digits only: for e-mail addresses.</summary>
    public static string Slug(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c == 'ı')
            {
                builder.Append('i');
            }
        }
        return builder.ToString();
    }

    /// <summary>The name as someone types it without accents ("Zoë Öztürk" → "Zoe Ozturk").</summary>
    public static string ZonderAccenten(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c == 'ı' ? 'i' : c);
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The usual tussenvoegsel of the nl locale's surnames that (nearly) always carry one.</summary>
    private static readonly Dictionary<string, string> Gebruikelijk = new(StringComparer.Ordinal)
    {
        ["Beek"] = "van", ["Berg"] = "van den", ["Boer"] = "de", ["Bosch"] = "van den", ["Brink"] = "van den",
        ["Broek"] = "van den", ["Bruin"] = "de", ["Dam"] = "van", ["Dijk"] = "van", ["Graaf"] = "de", ["Groot"] = "de",
        ["Haan"] = "de", ["Heuvel"] = "van den", ["Hoek"] = "van", ["Jong"] = "de", ["Koning"] = "de",
        ["Leeuwen"] = "van", ["Linden"] = "van der", ["Meer"] = "van der", ["Ruiter"] = "de", ["Veen"] = "van der",
        ["Ven"] = "van de", ["Vliet"] = "van", ["Vries"] = "de", ["Wal"] = "van der", ["Wit"] = "de",
    };

    private static readonly string[] ExtraVoornamen =
    [
        "Noah", "Liam", "Luca", "Levi", "Mees", "Boaz", "Olivier", "Siem", "Adam", "Hugo", "Otis", "Gijs", "Morris",
        "Jens", "Teun", "Koen", "Floris", "Tijn", "Hidde", "Joep", "Pepijn", "Wessel", "Ties", "Jurre", "Sam", "Vince",
        "Dex", "Ravi", "Stan", "Job", "Quinten", "Wout", "Melle", "Rens", "Daniël", "Joël", "Raphaël", "Noël", "René",
        "José", "Björn", "Ömer", "Yusuf", "Mohammed", "Mohamed", "Ayoub", "Bilal", "Hamza", "Ibrahim", "Emir", "Yiğit",
        "Mert", "Kerem", "Amir", "Rayan", "Senna", "Nova", "Yara", "Mila", "Zoë", "Chloë", "Noëlle", "Esmée", "Anaïs",
        "Loïs", "Maëlle", "Fenna", "Saar", "Liv", "Nina", "Olivia", "Elin", "Jasmijn", "Roos", "Hanna", "Lynn", "Fay",
        "Puck", "Jill", "Merel", "Floor", "Isabel", "Vera", "Linde", "Romy", "Ilse", "Demi", "Sterre", "Veerle",
        "Marit", "Lieke", "Evi", "Tess", "Nora", "Elif", "Ayşe", "Kübra", "Çağla", "Meryem", "Fatima", "Aya", "Salma",
        "Amira", "Malak", "Hiba", "Yasmina", "Senay", "Helen", "Rahwa", "Semhar", "Natalia", "Zofia", "Oliwia",
        "Kacper", "Jakub", "Dmytro", "Sofiia", "Anh", "Minh", "Priya", "Arjun", "Shanti", "Gaël", "Inès",
    ];

    private static readonly (string? Tussenvoegsel, string Achternaam)[] ExtraAchternamen =
    [
        (null, "Jansen"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"), (null, "Bakker"), ("van der", "Linden"),
        (null, "Visser"), (null, "Smit"), (null, "Meijer"), ("de", "Boer"), (null, "Mulder"), ("de", "Groot"),
        (null, "Bos"), (null, "Vos"), (null, "Peters"), (null, "Hendriks"), ("van", "Leeuwen"), (null, "Dekker"),
        (null, "Brouwer"), ("de", "Wit"), (null, "Dijkstra"), (null, "Smits"), ("de", "Graaf"), (null, "Sanders"),
        ("van der", "Meer"), ("van der", "Heijden"), (null, "Kok"), ("de", "Jong"), (null, "Vermeulen"),
        ("van der", "Veen"), ("van den", "Bosch"), (null, "Kuipers"), (null, "Verhoeven"), (null, "Huisman"),
        (null, "Post"), (null, "Kuiper"), ("van", "Beek"), (null, "Veenstra"), (null, "Timmermans"), ("de", "Lange"),
        (null, "Prins"), (null, "Postma"), (null, "Wijnen"), (null, "Koster"), (null, "Willemsen"), ("van der", "Wal"),
        (null, "Goossens"), (null, "Bosman"), (null, "Hermans"), (null, "Verbeek"), (null, "Kramer"), (null, "Hoekstra"),
        (null, "Maas"), (null, "Schouten"), ("van", "Vliet"), ("van der", "Horst"), ("van", "Wijk"), (null, "Scholten"),
        (null, "Mertens"), (null, "Jonker"), (null, "Evers"), (null, "Pieters"), (null, "Gerritsen"), (null, "Claassen"),
        ("van", "Rooij"), ("van 't", "Hof"), ("in 't", "Veld"), ("ter", "Horst"), ("te", "Velde"), ("van", "Es"),
        ("op den", "Kamp"), (null, "Oosterhuis"), (null, "Zwart"), (null, "Wouters"), (null, "Martens"),
        (null, "Boersma"), (null, "Hofman"), (null, "Bruins"), (null, "Terpstra"), (null, "Kaya"), (null, "Yılmaz"),
        (null, "Öztürk"), (null, "Şahin"), (null, "Çelik"), (null, "Doğan"), (null, "Kılıç"), (null, "Aydın"),
        (null, "El Amrani"), (null, "El Idrissi"), (null, "Bouzid"), (null, "Ben Ali"), (null, "Haddouchi"),
        (null, "Azzouzi"), (null, "Benali"), (null, "Tahiri"), (null, "Amrani"), (null, "Tesfay"), (null, "Gebremedhin"),
        (null, "Haile"), (null, "Nguyen"), (null, "Tran"), (null, "Kowalski"), (null, "Nowak"), (null, "Wiśniewski"),
        (null, "Kowalczyk"), (null, "Shevchenko"), (null, "Kovalenko"), (null, "Müller"), (null, "Schäfer"),
        (null, "Peña"), (null, "González"), (null, "da Silva"), (null, "Sardjoe"), (null, "Ramdin"), (null, "Balesar"),
        (null, "Wong"), (null, "Chen"), (null, "Patel"), (null, "Mahabier"), (null, "Pinas"), (null, "Martina"),
    ];

    private static readonly string[] Vrouwen =
    [
        "Marieke", "Linda", "Esther", "Saskia", "Petra", "Nadia", "Anouk", "Karin", "Monique", "Ingrid", "Mirjam",
        "Sandra", "Kim", "Wendy", "Judith", "Annemiek", "Yvonne", "Fatima", "Samira", "Hatice", "Emine", "Agnieszka",
        "Daniëlle", "Inge", "Marloes", "Ellen", "Janneke", "Nicole", "Sabine", "Chantal",
    ];

    private static readonly string[] Mannen =
    [
        "Mark", "Erik", "Jeroen", "Ahmed", "Bas", "Pieter", "Marco", "Hans", "Michiel", "Arjan", "Dennis", "Remco",
        "Wouter", "Frank", "Ronald", "Martijn", "Sander", "Jasper", "Mustafa", "Hasan", "Khalid", "Tomasz", "Rob",
        "Maarten", "Joost", "Edwin", "Ruud", "Gert-Jan", "Bart", "Niels",
    ];

    private static readonly string[] Stammen =
    [
        "Groen", "Hooge", "Ooster", "Wester", "Noorder", "Zuider", "Berk", "Eiken", "Bloem", "Rozen", "Molen", "Steen",
        "Zand", "Kerk", "Lange", "Breed", "Linde", "Elzen", "Haver", "Brug", "Velde", "Ham", "Nieuwen", "Oude", "Heuvel",
        "Vlas", "Beuken", "Wolf", "Valken", "Hazen", "Kool", "Hof", "Riet", "Schoon", "Water", "Wit", "Zwart", "Kamp",
    ];

    private static readonly HashSet<string> Plaatsachtervoegsels =
    [
        "beek", "berg", "bergen", "bosch", "broek", "burg", "dam", "dijk", "donk", "dorp", "hoek", "horst", "hout",
        "hoven", "huizen", "kerk", "laar", "land", "meer", "veen", "veld", "vliet", "woud", "woude", "wijk",
    ];

    /// <summary>Bogus' Dutch address data, for its place-name endings.</summary>
    [DataCategory("address")]
    private sealed class DutchAddressSet : Address
    {
        public DutchAddressSet() : base("nl")
        {
        }

        public string Plaatsachtervoegsel() => GetRandomArrayItem("city_suffix");
    }

    /// <summary>Bogus' Dutch name data, with access to its tussenvoegsel list.</summary>
    [DataCategory("name")]
    private sealed class DutchNameSet : Name
    {
        public DutchNameSet() : base("nl")
        {
        }

        public string Tussenvoegsel() => GetRandomArrayItem("tussenvoegsel");
    }
}
