using Leerlingzorg.Domain.Ondersteuning;

namespace Leerlingzorg.Domain.Tests;

public sealed class OndersteuningsaanbodTests
{
    private static Ondersteuningsaanbod Stoer() => Ondersteuningsaanbod.Nieuw("  STOER-training ", Ondersteuningscategorie.SociaalEmotioneel,
        PmNiveau.PmII, Aanbiedersoort.Intern, " STOER-trainer ", 12, null, "Weerbaarheid\r\n");

    [Fact]
    public void Nieuw_cleans_the_texts_and_keeps_the_details()
    {
        var aanbod = Stoer();
        Assert.Equal(("STOER-training", "STOER-trainer", (int?)12, "Weerbaarheid", true), (aanbod.Naam, aanbod.Aanbieder, aanbod.Capaciteit, aanbod.Omschrijving, aanbod.Actief));
    }

    [Theory]
    [InlineData("", "Trainer", 12, "naam")]
    [InlineData("   ", "Trainer", null, "naam")]
    [InlineData("STOER", "", null, "aanbieder")]
    [InlineData("STOER", "Trainer", 0, "capaciteit")]
    [InlineData("STOER", "Trainer", -3, "capaciteit")]
    public void Nieuw_refuses_a_missing_name_or_provider_and_a_capacity_below_one(string naam, string aanbieder, int? capaciteit, string veld)
    {
        var fout = Assert.Throws<ArgumentException>(() => Ondersteuningsaanbod.Nieuw(naam, Ondersteuningscategorie.Leren, PmNiveau.PmI,
            Aanbiedersoort.Intern, aanbieder, capaciteit, null, null));
        Assert.Equal(veld, fout.ParamName);
    }

    [Fact]
    public void A_name_longer_than_the_column_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Ondersteuningsaanbod.Nieuw(new string('a', 101), Ondersteuningscategorie.Leren, PmNiveau.PmI,
            Aanbiedersoort.Intern, "Mentor", null, null, null));
    }

    [Fact]
    public void Wijzig_says_whether_anything_changed()
    {
        var aanbod = Stoer();
        Assert.False(aanbod.Wijzig("STOER-training", aanbod.Categorie, aanbod.Niveau, aanbod.Aanbiedersoort, "STOER-trainer", 12, null, "Weerbaarheid", 0));
        Assert.True(aanbod.Wijzig("STOER-training", aanbod.Categorie, aanbod.Niveau, aanbod.Aanbiedersoort, "STOER-trainer", 14, null, "Weerbaarheid", 0));
        Assert.Equal(14, aanbod.Capaciteit);
    }

    [Fact]
    public void Archiveer_and_Heractiveer_only_flip_the_flag_and_report_a_change()
    {
        var aanbod = Stoer();
        Assert.True(aanbod.Archiveer());
        Assert.False(aanbod.Actief);
        Assert.False(aanbod.Archiveer());
        Assert.True(aanbod.Heractiveer());
        Assert.True(aanbod.Actief);
        Assert.False(aanbod.Heractiveer());
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(13, true)]
    public void IsVolMet_counts_the_capacity(int actief, bool vol) => Assert.Equal(vol, Stoer().IsVolMet(actief));

    [Fact]
    public void Without_a_capacity_the_offer_is_never_full() =>
        Assert.False(Ondersteuningsaanbod.Nieuw("Bijles", Ondersteuningscategorie.Leren, PmNiveau.PmI, Aanbiedersoort.Intern, "Docent", null, null, null).IsVolMet(1000));

    [Fact]
    public void Standaard_holds_the_offer_of_seed_001()
    {
        var standaard = Ondersteuningsaanbod.Standaard();
        Assert.Equal(14, standaard.Count);
        Assert.Equal(standaard.Count, standaard.Select(a => a.Naam).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(standaard, a => Assert.True(a.Actief));
        Assert.All(standaard.Where(a => a.Naam.StartsWith("STOER", StringComparison.Ordinal)), a => Assert.Equal(12, a.Capaciteit));
        Assert.Equal(ToestemmingDoel.IbBegeleiding, standaard.Single(a => a.Naam == "Intern begeleider").ToestemmingNodig);
        Assert.Equal(ToestemmingDoel.AmbulanteBegeleiding, standaard.Single(a => a.Naam == "Ambulant begeleider").ToestemmingNodig);
        Assert.Contains("2 lesuren per week", standaard.Single(a => a.Naam.Contains("VSD", StringComparison.Ordinal)).Omschrijving, StringComparison.Ordinal);
        Assert.Contains("thuishavenpas", standaard.Single(a => a.Naam == "Thuishaven").Omschrijving, StringComparison.Ordinal);
        Assert.Equal(2, standaard.Count(a => a.ToestemmingNodig is not null));
        // Fresh rows each call: two schools never share an entity.
        Assert.NotEqual(standaard[0].Id, Ondersteuningsaanbod.Standaard()[0].Id);
    }
}
