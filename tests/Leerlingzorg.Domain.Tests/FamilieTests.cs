using Leerlingzorg.Domain.Leerlingen;

namespace Leerlingzorg.Domain.Tests;

public sealed class FamilieTests
{
    private static readonly DateOnly Vandaag = new(2026, 12, 1);

    private static Leerling Kind(int leeftijd, bool amv = false) => new()
    {
        Leerlingnummer = "1", Voornaam = "Sam", Achternaam = "de Vries", IsAmv = amv,
        Geboortedatum = Vandaag.AddYears(-leeftijd).AddDays(-10),
    };

    private static LeerlingOuder Relatie(Leerling kind, OuderRelatie relatie, bool gezag, Guid? gebruiker = null)
    {
        var ouder = new Ouder { Voornaam = "Ouder", Achternaam = "de Vries", GebruikerId = gebruiker ?? Guid.NewGuid() };
        var lo = new LeerlingOuder { LeerlingId = kind.Id, OuderId = ouder.Id, Ouder = ouder, Relatie = relatie, Gezag = gezag };
        kind.Ouders.Add(lo);
        return lo;
    }

    [Fact]
    public void An_ouder_with_gezag_is_informed_reads_the_dossier_consents_and_approves()
    {
        var kind = Kind(12);
        var rechten = kind.RechtenVan(Relatie(kind, OuderRelatie.Moeder, gezag: true), Vandaag);
        Assert.Equal(new Ouderrechten(Informatie: true, Inzage: true, Toestemming: true, Goedkeuring: true), rechten);
        Assert.True(rechten.MagBeslissen);
    }

    [Fact]
    public void An_ouder_without_gezag_is_only_informed()
    {
        var kind = Kind(12);
        var vader = Relatie(kind, OuderRelatie.Vader, gezag: false);
        Assert.False(kind.HeeftGezag(vader, Vandaag));
        var rechten = kind.RechtenVan(vader, Vandaag);
        Assert.Equal(new Ouderrechten(Informatie: true, Inzage: false, Toestemming: false, Goedkeuring: false), rechten);
        Assert.False(rechten.MagBeslissen);
    }

    [Fact]
    public void From_16_the_student_consents_himself_and_has_inzage_instead_of_his_parents()
    {
        var kind = Kind(16);
        var moeder = Relatie(kind, OuderRelatie.Moeder, gezag: true);
        Assert.Equal(new Leerlingrechten(EigenToestemming: true, EigenInzage: true, Meerderjarig: false), kind.Rechten(Vandaag));
        Assert.Equal(new Ouderrechten(Informatie: true, Inzage: false, Toestemming: true, Goedkeuring: true), kind.RechtenVan(moeder, Vandaag));
        Assert.Equal(new Leerlingrechten(false, false, false), Kind(15).Rechten(Vandaag));
    }

    [Fact]
    public void The_day_before_his_16th_birthday_the_student_does_not_decide_himself()
    {
        var kind = new Leerling { Leerlingnummer = "1", Voornaam = "Sam", Achternaam = "Jansen", Geboortedatum = new DateOnly(2010, 12, 2) };
        Assert.False(kind.Rechten(Vandaag).EigenToestemming);
        Assert.True(kind.Rechten(Vandaag.AddDays(1)).EigenToestemming);
    }

    [Fact]
    public void Nobody_holds_gezag_over_an_adult_student()
    {
        var kind = Kind(18);
        var moeder = Relatie(kind, OuderRelatie.Moeder, gezag: true);
        Assert.False(kind.HeeftGezag(moeder, Vandaag));
        Assert.Equal(Ouderrechten.Geen, kind.RechtenVan(moeder, Vandaag));
        Assert.True(kind.Rechten(Vandaag).Meerderjarig);
    }

    [Fact]
    public void For_an_AMVer_the_Nidos_voogd_holds_gezag_and_takes_the_parents_place()
    {
        var kind = Kind(14, amv: true);
        // Even when the flag was left off (an import knows no gezag column): the voogdij comes with the Nidos relation.
        var voogd = Relatie(kind, OuderRelatie.NidosVoogd, gezag: false);
        var verzorger = Relatie(kind, OuderRelatie.Verzorger, gezag: true);
        Assert.True(kind.RechtenVan(voogd, Vandaag).MagBeslissen);
        Assert.True(kind.RechtenVan(voogd, Vandaag).Inzage);
        Assert.False(kind.RechtenVan(verzorger, Vandaag).MagBeslissen);
        Assert.Equal([voogd], kind.GezagdragersOp(Vandaag));
    }

    [Fact]
    public void The_gezag_holders_are_the_parents_with_gezag()
    {
        var kind = Kind(10);
        var moeder = Relatie(kind, OuderRelatie.Moeder, gezag: true);
        Relatie(kind, OuderRelatie.Vader, gezag: false);
        var voogd = Relatie(kind, OuderRelatie.Voogd, gezag: true);
        Assert.Equal([moeder, voogd], kind.GezagdragersOp(Vandaag));
    }

    [Fact]
    public void A_relation_of_another_student_gives_no_rights()
    {
        var kind = Kind(10);
        var ander = Kind(10);
        Assert.Equal(Ouderrechten.Geen, kind.RechtenVan(Relatie(ander, OuderRelatie.Moeder, gezag: true), Vandaag));
    }

    /// <summary>The database predicate and the in-memory rule are one rule: every case, including the birthdays.</summary>
    [Fact]
    public void The_gezag_predicate_agrees_with_the_rule_in_every_case()
    {
        var gebruiker = Guid.NewGuid();
        var dagen = new[] { new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 1), new DateOnly(2028, 2, 28), new DateOnly(2028, 2, 29), Vandaag };
        var geboortedata = new[]
        {
            new DateOnly(2008, 2, 29), new DateOnly(2008, 3, 1), new DateOnly(2008, 2, 28), new DateOnly(2010, 2, 28),
            new DateOnly(2010, 3, 1), new DateOnly(2010, 2, 27), new DateOnly(2012, 2, 29), new DateOnly(2014, 6, 1), new DateOnly(2008, 12, 1),
        };
        var gevallen = 0;
        foreach (var dag in dagen)
        {
            var predicaat = Familie.KindMetGezagVan(gebruiker, dag).Compile();
            foreach (var geboren in geboortedata)
            {
                foreach (var amv in new[] { false, true })
                {
                    foreach (var relatie in Enum.GetValues<OuderRelatie>())
                    {
                        foreach (var gezag in new[] { false, true })
                        {
                            var kind = new Leerling { Leerlingnummer = "1", Voornaam = "A", Achternaam = "B", Geboortedatum = geboren, IsAmv = amv };
                            var lo = Relatie(kind, relatie, gezag, gebruiker);
                            Assert.Equal(kind.HeeftGezag(lo, dag), predicaat(kind));
                            lo.Ouder!.GebruikerId = Guid.NewGuid();
                            Assert.False(predicaat(kind));
                            gevallen++;
                        }
                    }
                }
            }
        }
        Assert.Equal(dagen.Length * geboortedata.Length * 2 * Enum.GetValues<OuderRelatie>().Length * 2, gevallen);
    }

    [Fact]
    public void GeborenUiterlijk_matches_the_age_count_around_29_February()
    {
        for (var datum = new DateOnly(2027, 1, 1); datum < new DateOnly(2029, 1, 1); datum = datum.AddDays(1))
        {
            foreach (var geboren in new[] { new DateOnly(2012, 2, 29), new DateOnly(2011, 2, 28), new DateOnly(2011, 3, 1), new DateOnly(2010, 12, 31) })
            {
                Assert.Equal(Leeftijd.Op(geboren, datum) >= 16, geboren <= Leeftijd.GeborenUiterlijk(16, datum));
            }
        }
    }
}
