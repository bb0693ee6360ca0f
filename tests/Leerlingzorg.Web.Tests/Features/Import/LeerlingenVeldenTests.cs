using System.Text;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Features.Import;

namespace Leerlingzorg.Web.Tests.Features.Import;

/// <summary>Linking headers to fields, and checking rows with Dutch messages. No database.</summary>
public sealed class LeerlingenVeldenTests
{
    private static readonly DateOnly Vandaag = new(2026, 11, 23);
    private static readonly Dictionary<string, Guid> Klassen = new() { ["1A"] = Guid.NewGuid(), ["2B"] = Guid.NewGuid() };

    [Fact]
    public void Magister_headers_link_automatically_including_both_parents()
    {
        string[] koppen =
        [
            "Stamnummer", "Roepnaam", "Voorvoegsel", "Achternaam", "Geb. datum", "Klas", "Profiel",
            "Roepnaam ouder/verzorger 1", "Voorvoegsel ouder/verzorger 1", "Achternaam ouder/verzorger 1", "E-mail ouder/verzorger 1",
            "Telefoon ouder/verzorger 1", "Relatie ouder/verzorger 1",
            "Roepnaam ouder/verzorger 2", "Achternaam ouder/verzorger 2", "E-mail ouder/verzorger 2", "Mobiel ouder/verzorger 2",
        ];
        var koppeling = LeerlingenVelden.AutomatischKoppelen(koppen);

        Assert.Equal("Stamnummer", koppeling[LeerlingenVelden.Leerlingnummer]);
        Assert.Equal("Roepnaam", koppeling[LeerlingenVelden.Voornaam]);
        Assert.Equal("Voorvoegsel", koppeling[LeerlingenVelden.Tussenvoegsel]);
        Assert.Equal("Achternaam", koppeling[LeerlingenVelden.Achternaam]);
        Assert.Equal("Geb. datum", koppeling[LeerlingenVelden.Geboortedatum]);
        Assert.Equal("Klas", koppeling[LeerlingenVelden.Klas]);
        Assert.Equal("Roepnaam ouder/verzorger 1", koppeling["Ouder1Voornaam"]);
        Assert.Equal("Voorvoegsel ouder/verzorger 1", koppeling["Ouder1Tussenvoegsel"]);
        Assert.Equal("Achternaam ouder/verzorger 1", koppeling["Ouder1Achternaam"]);
        Assert.Equal("E-mail ouder/verzorger 1", koppeling["Ouder1Email"]);
        Assert.Equal("Telefoon ouder/verzorger 1", koppeling["Ouder1Telefoon"]);
        Assert.Equal("Relatie ouder/verzorger 1", koppeling["Ouder1Relatie"]);
        Assert.Equal("Roepnaam ouder/verzorger 2", koppeling["Ouder2Voornaam"]);
        Assert.Equal("E-mail ouder/verzorger 2", koppeling["Ouder2Email"]);
        Assert.Equal("Mobiel ouder/verzorger 2", koppeling["Ouder2Telefoon"]);
        Assert.DoesNotContain("Profiel", koppeling.Values);
        Assert.Empty(LeerlingenVelden.Controleer(koppeling, koppen));
    }

    [Fact]
    public void SOMtoday_style_headers_link_too_and_Roepnaam_wins_over_Voornamen()
    {
        string[] koppen = ["Lln nr", "Voornamen", "Roepnaam", "Tussenvoegsel", "Achternaam", "Geboortedatum", "Stamgroep", "Ouder 1 e-mail", "Verzorger 2 Telefoon"];
        var koppeling = LeerlingenVelden.AutomatischKoppelen(koppen);

        Assert.Equal("Lln nr", koppeling[LeerlingenVelden.Leerlingnummer]);
        Assert.Equal("Roepnaam", koppeling[LeerlingenVelden.Voornaam]);
        Assert.Equal("Stamgroep", koppeling[LeerlingenVelden.Klas]);
        Assert.Equal("Ouder 1 e-mail", koppeling["Ouder1Email"]);
        Assert.Equal("Verzorger 2 Telefoon", koppeling["Ouder2Telefoon"]);
    }

    [Fact]
    public void Fields_the_headers_do_not_name_are_taken_from_the_last_linking_when_that_column_exists()
    {
        string[] koppen = ["Stamnummer", "Naam1", "Familie", "Dag van geboorte", "Klas", "Extra"];
        var vorige = new Dictionary<string, string>
        {
            [LeerlingenVelden.Voornaam] = "Naam1", [LeerlingenVelden.Achternaam] = "Familie",
            [LeerlingenVelden.Geboortedatum] = "Dag van geboorte", [LeerlingenVelden.Leerlingnummer] = "Oud nummer",
            ["Ouder1Email"] = "Bestaat niet meer",
        };
        var voorstel = LeerlingenVelden.Voorstel(koppen, vorige);

        Assert.Equal("Stamnummer", voorstel[LeerlingenVelden.Leerlingnummer]);
        Assert.Equal("Naam1", voorstel[LeerlingenVelden.Voornaam]);
        Assert.Equal("Familie", voorstel[LeerlingenVelden.Achternaam]);
        Assert.Equal("Dag van geboorte", voorstel[LeerlingenVelden.Geboortedatum]);
        Assert.False(voorstel.ContainsKey("Ouder1Email"));
    }

    [Fact]
    public void A_linking_without_a_required_field_says_which_one_in_Dutch()
    {
        var meldingen = LeerlingenVelden.Controleer(new Dictionary<string, string> { [LeerlingenVelden.Leerlingnummer] = "Nr" }, ["Nr"]);
        Assert.Contains("Kies een kolom voor 'Geboortedatum'.", meldingen);
        Assert.Contains("Kies een kolom voor 'Klas'.", meldingen);
    }

    private static LeerlingRegels Controleer(string csv)
    {
        var tabel = ImportBestandLezer.Lees(Encoding.UTF8.GetBytes(csv), "test.csv").Waarde!;
        return LeerlingRegels.Controleer(tabel, LeerlingenVelden.AutomatischKoppelen(tabel.Kolommen), Klassen, Vandaag);
    }

    [Fact]
    public void Every_bad_row_gets_a_Dutch_message_with_its_row_number_and_good_rows_stay_valid()
    {
        var regels = Controleer("""
            Stamnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;E-mail ouder/verzorger 1;Achternaam ouder/verzorger 1
            12345;Daan;de;Vries;5-3-2012;1a;m.devries@example.nl;de Vries
            ;Sem;;Bakker;5-3-2012;1A;;
            12347;Noor;;Visser;31-02-2012;1A;;
            12348;Evi;;Smit;5-3-2012;2Z;;
            12345;Daan;de;Vries;5-3-2012;1A;;
            12349;Mila;;Bos;5-3-2012;2B;geen-adres;Bos
            12350;Finn;;Kok;5-3-2030;2B;;
            12351;Lotte;;;5-3-2012;2B;lotte@example;
            """);

        Assert.Equal(8, regels.Totaal);
        var fouten = regels.Rijen.Where(r => r.HeeftFouten).SelectMany(r => r.Meldingen).ToList();
        Assert.Contains("Rij 3: leerlingnummer ontbreekt", fouten);
        Assert.Contains("Rij 4: ongeldige geboortedatum '31-02-2012'", fouten);
        Assert.Contains("Rij 5: onbekende klas '2Z'", fouten);
        Assert.Contains("Rij 6: dubbele rij: leerlingnummer 12345 staat ook in rij 2", fouten);
        Assert.Contains("Rij 7: ongeldig e-mailadres 'geen-adres' bij ouder 1", fouten);
        Assert.Contains("Rij 8: ongeldige geboortedatum '5-3-2030'", fouten);
        Assert.Contains("Rij 9: achternaam ontbreekt", fouten);
        Assert.Contains("Rij 9: achternaam van ouder 1 ontbreekt", fouten);
        Assert.Contains("Rij 9: ongeldig e-mailadres 'lotte@example' bij ouder 1", fouten);

        var daan = Assert.Single(regels.Geldig);
        Assert.Equal("1A", daan.Klas);
        Assert.Equal(Klassen["1A"], daan.KlasId);
        Assert.Equal(new DateOnly(2012, 3, 5), daan.Geboortedatum);
        var ouder = Assert.Single(daan.Ouders);
        Assert.Equal("m.devries@example.nl", ouder.Email);
        Assert.Null(ouder.Relatie);
        Assert.Contains("12347", regels.AlleLeerlingnummers);
    }

    [Theory]
    [InlineData("Moeder", OuderRelatie.Moeder)]
    [InlineData("vader", OuderRelatie.Vader)]
    [InlineData("Voogd", OuderRelatie.Voogd)]
    [InlineData("Nidos-voogd", OuderRelatie.NidosVoogd)]
    [InlineData("Pleegouder", OuderRelatie.Verzorger)]
    public void Relations_are_read_as_the_SIS_names_them(string tekst, OuderRelatie relatie) =>
        Assert.Equal(relatie, LeerlingRegels.Relatie(tekst));
}
