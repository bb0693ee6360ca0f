using FluentValidation.Results;
using Leerlingzorg.Web.Features;

namespace Leerlingzorg.Web.Tests.Features;

/// <summary>The result type without a database: Match and Switch give each outcome what it holds.</summary>
public sealed class ResultTests
{
    [Fact]
    public void Match_gives_the_value_of_a_success_and_the_error_of_a_failure()
    {
        Result<int> gelukt = 42;
        Result<int> mislukt = Fout.GeenToegang;
        Assert.Equal("42", gelukt.Match(w => w.ToString(System.Globalization.CultureInfo.InvariantCulture), f => f.Melding));
        Assert.Equal(Fout.GeenToegang.Melding, mislukt.Match(w => w.ToString(System.Globalization.CultureInfo.InvariantCulture), f => f.Melding));
    }

    [Fact]
    public void Switch_runs_exactly_one_branch()
    {
        var gezien = new List<string>();
        Result<string> gelukt = "ja";
        gelukt.Switch(w => gezien.Add("gelukt " + w), f => gezien.Add("mislukt " + f.Soort));
        Result<string> mislukt = Fout.NietGevonden("De leerling");
        mislukt.Switch(w => gezien.Add("gelukt " + w), f => gezien.Add("mislukt " + f.Soort));
        Assert.Equal(["gelukt ja", "mislukt NietGevonden"], gezien);
    }

    [Fact]
    public void Ongeldig_joins_the_distinct_messages_of_a_validation()
    {
        var fout = Fout.Ongeldig(new ValidationResult(
        [
            new ValidationFailure("Naam", "Vul de naam in."),
            new ValidationFailure("Naam", "Vul de naam in."),
            new ValidationFailure("Datum", "De datum ligt in de toekomst."),
        ]));
        Assert.Equal(new Fout(FoutSoort.Ongeldig, "Vul de naam in. De datum ligt in de toekomst."), fout);
    }
}
