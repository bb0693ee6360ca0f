using Leerlingzorg.Domain.Leerlingen;

namespace Leerlingzorg.Domain.Tests;

public sealed class NaamTests
{
    [Fact]
    public void A_name_with_a_tussenvoegsel_reads_naturally_and_sorts_on_the_surname()
    {
        Assert.Equal("Jan van der Berg", Naam.Volledig("Jan", "van der", "Berg"));
        Assert.Equal("Berg, Jan van der", Naam.Sorteer("Jan", "van der", "Berg"));
    }

    [Fact]
    public void A_name_without_a_tussenvoegsel_has_no_double_spaces()
    {
        Assert.Equal("Aya El Amrani", Naam.Volledig("Aya", null, "El Amrani"));
        Assert.Equal("El Amrani, Aya", Naam.Sorteer(" Aya ", "  ", "El Amrani "));
    }

    [Theory]
    [InlineData("2013-11-24", "2026-11-23", 12)]
    [InlineData("2013-11-23", "2026-11-23", 13)]
    [InlineData("2012-02-29", "2026-02-28", 13)]
    [InlineData("2012-02-29", "2026-03-01", 14)]
    public void Age_counts_whole_years_including_leap_day_birthdays(string geboren, string op, int leeftijd)
    {
        var leerling = new Leerling
        {
            Leerlingnummer = "1", Voornaam = "A", Achternaam = "B",
            Geboortedatum = DateOnly.Parse(geboren, System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(leeftijd, leerling.LeeftijdOp(DateOnly.Parse(op, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
