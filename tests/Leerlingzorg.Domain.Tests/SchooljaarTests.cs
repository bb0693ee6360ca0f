using Leerlingzorg.Domain.Organisatie;

namespace Leerlingzorg.Domain.Tests;

public sealed class SchooljaarTests
{
    [Theory]
    [InlineData("2026-07-31", 2025)]
    [InlineData("2026-08-01", 2026)]
    [InlineData("2026-11-23", 2026)]
    [InlineData("2027-01-05", 2026)]
    public void The_schooljaar_turns_on_the_first_of_August(string datum, int startjaar) =>
        Assert.Equal(new Schooljaar(startjaar), Schooljaar.Op(DateOnly.Parse(datum, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_schooljaar_is_written_as_two_years_and_runs_from_August_to_July()
    {
        var jaar = new Schooljaar(2026);
        Assert.Equal("2026-2027", jaar.ToString());
        Assert.Equal(new DateOnly(2026, 8, 1), jaar.Begin);
        Assert.Equal(new DateOnly(2027, 7, 31), jaar.Einde);
        Assert.True(jaar.Bevat(new DateOnly(2027, 7, 31)));
        Assert.False(jaar.Bevat(new DateOnly(2027, 8, 1)));
        Assert.Equal(new Schooljaar(2027), jaar.Volgend);
        Assert.True(jaar < jaar.Volgend);
    }

    [Theory]
    [InlineData("2026-2027", true)]
    [InlineData(" 2026/2027 ", true)]
    [InlineData("2026-2028", false)]
    [InlineData("2026", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("abcd-efgh", false)]
    public void Parsing_accepts_only_consecutive_years(string? tekst, bool geldig)
    {
        Assert.Equal(geldig, Schooljaar.TryParse(tekst, out var jaar));
        if (geldig)
        {
            Assert.Equal(2026, jaar.Startjaar);
        }
    }
}
