using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;

namespace Leerlingzorg.Domain.Tests;

public sealed class ToestemmingTests
{
    private static readonly DateOnly Vandaag = new(2026, 12, 1);
    private static readonly DateTimeOffset Nu = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid Medewerker = Guid.NewGuid();

    private static Leerling Kind(int leeftijd, bool amv = false) => new()
    {
        Leerlingnummer = "1", Voornaam = "Sam", Achternaam = "de Vries", IsAmv = amv,
        Geboortedatum = Vandaag.AddYears(-leeftijd).AddDays(-60),
    };

    private static LeerlingOuder Ouder(Leerling kind, string voornaam, OuderRelatie relatie = OuderRelatie.Moeder, bool gezag = true)
    {
        var ouder = new Ouder { Voornaam = voornaam, Achternaam = "de Vries" };
        var lo = new LeerlingOuder { LeerlingId = kind.Id, OuderId = ouder.Id, Ouder = ouder, Relatie = relatie, Gezag = gezag };
        kind.Ouders.Add(lo);
        return lo;
    }

    private static Toestemming Geef(Leerling kind, Guid? ouderId, ToestemmingDoel doel = ToestemmingDoel.IbBegeleiding,
        DateOnly? op = null, DateOnly? tot = null, string? partner = null) =>
        Toestemming.Geef(kind, new Toestemmingsgegevens(doel, ouderId, ToestemmingWijze.Schriftelijk, op ?? Vandaag.AddDays(-30), tot, partner),
            Vandaag, Nu, Medewerker);

    private static Toestemming Los(DateOnly gegeven, DateOnly? tot = null) => new()
    {
        LeerlingId = Guid.NewGuid(), Doel = ToestemmingDoel.IbBegeleiding, OuderId = Guid.NewGuid(), Wijze = ToestemmingWijze.Mondeling,
        GegevenOp = gegeven, GeldigTot = tot,
    };

    // ---- Geldigheid ----

    [Fact]
    public void A_consent_is_valid_from_the_day_it_was_given_through_its_last_day()
    {
        var t = Los(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31));
        Assert.False(t.IsGeldigOp(new DateOnly(2026, 8, 31)));
        Assert.True(t.IsGeldigOp(new DateOnly(2026, 9, 1)));
        Assert.True(t.IsGeldigOp(new DateOnly(2027, 7, 31)));
        Assert.False(t.IsGeldigOp(new DateOnly(2027, 8, 1)));
    }

    [Fact]
    public void A_consent_without_an_end_stays_valid_until_withdrawn_and_not_on_the_withdrawal_day()
    {
        var t = Los(new DateOnly(2026, 9, 1));
        Assert.True(t.IsGeldigOp(new DateOnly(2030, 1, 1)));
        t.TrekIn(new DateOnly(2026, 11, 15), "moeder, telefonisch", Medewerker, Vandaag);
        Assert.True(t.IsGeldigOp(new DateOnly(2026, 11, 14)));
        Assert.False(t.IsGeldigOp(new DateOnly(2026, 11, 15)));
        Assert.False(t.IsGeldigOp(new DateOnly(2026, 11, 16)));
        Assert.True(t.IsIngetrokken);
        Assert.Equal("moeder, telefonisch", t.IngetrokkenDoor);
        Assert.Equal(Medewerker, t.IntrekkingVastgelegdDoor);
    }

    [Fact]
    public void A_consent_withdrawn_on_the_day_it_was_given_was_never_valid()
    {
        var t = Los(Vandaag);
        t.TrekIn(Vandaag, "vader", Medewerker);
        Assert.False(t.IsGeldigOp(Vandaag));
    }

    [Fact]
    public void Withdrawing_twice_before_the_given_day_in_the_future_or_without_who_is_refused()
    {
        var t = Los(new DateOnly(2026, 9, 1));
        Assert.Equal("door", Assert.Throws<ArgumentException>(() => t.TrekIn(Vandaag, "  \u0000 ", Medewerker)).ParamName);
        Assert.Equal("datum", Assert.Throws<ArgumentException>(() => t.TrekIn(new DateOnly(2026, 8, 31), "moeder", Medewerker)).ParamName);
        var toekomst = Assert.Throws<ArgumentException>(() => t.TrekIn(Vandaag.AddDays(1), "moeder", Medewerker, Vandaag));
        Assert.Contains("toekomst", toekomst.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => t.TrekIn(Vandaag, new string('x', 201), Medewerker));
        Assert.False(t.IsIngetrokken);
        t.TrekIn(Vandaag, "  moeder ", Medewerker, Vandaag);
        Assert.Equal("moeder", t.IngetrokkenDoor);
        var twee = Assert.Throws<InvalidOperationException>(() => t.TrekIn(Vandaag, "vader", Medewerker));
        Assert.Equal("Deze toestemming is al ingetrokken.", twee.Message);
        Assert.Equal("moeder", t.IngetrokkenDoor);
    }

    // ---- Geef ----

    [Fact]
    public void An_ouder_with_gezag_gives_consent_which_is_recorded_with_who_when_how_and_by_whom()
    {
        var kind = Kind(12);
        var moeder = Ouder(kind, "Anna");
        var t = Toestemming.Geef(kind, new Toestemmingsgegevens(ToestemmingDoel.IbBegeleiding, moeder.OuderId, ToestemmingWijze.Mondeling,
            Vandaag, Vandaag.AddYears(1), Partner: "Genegeerd", Opmerking: "  na het oudergesprek \u0000"), Vandaag, Nu, Medewerker);
        Assert.Equal(kind.Id, t.LeerlingId);
        Assert.Equal(kind.SchoolId, t.SchoolId);
        Assert.Equal(moeder.OuderId, t.OuderId);
        Assert.False(t.DoorLeerling);
        Assert.Equal(ToestemmingWijze.Mondeling, t.Wijze);
        Assert.Equal(Vandaag, t.GegevenOp);
        Assert.Equal(Vandaag.AddYears(1), t.GeldigTot);
        Assert.Null(t.Partner);
        Assert.Equal("na het oudergesprek", t.Opmerking);
        Assert.Equal(Nu, t.VastgelegdOp);
        Assert.Equal(Medewerker, t.VastgelegdDoor);
        Assert.True(t.IsGeldigOp(Vandaag));
    }

    [Fact]
    public void An_ouder_without_gezag_cannot_consent_and_the_message_names_him()
    {
        var kind = Kind(12);
        var vader = Ouder(kind, "Bram", OuderRelatie.Vader, gezag: false);
        var e = Assert.Throws<ToestemmingOngeldigException>(() => Geef(kind, vader.OuderId));
        var fout = Assert.Single(e.Fouten);
        Assert.Equal(ToestemmingVeld.Wie, fout.Veld);
        Assert.Equal("Bram de Vries had op die dag geen gezag over de leerling en kan geen toestemming geven.", fout.Melding);
    }

    [Fact]
    public void An_ouder_of_another_student_cannot_consent()
    {
        var kind = Kind(12);
        Ouder(kind, "Anna");
        var fout = Assert.Single(Toestemming.Controleer(kind, new Toestemmingsgegevens(ToestemmingDoel.IbBegeleiding, Guid.NewGuid(),
            ToestemmingWijze.Mondeling, Vandaag), Vandaag));
        Assert.Equal(ToestemmingVeld.Wie, fout.Veld);
        Assert.Contains("hoort niet bij de leerling", fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void The_student_consents_himself_only_from_16_on_the_day_it_was_given()
    {
        var vijftien = Kind(15);
        var fout = Assert.Single(Assert.Throws<ToestemmingOngeldigException>(() => Geef(vijftien, null)).Fouten);
        Assert.Equal(ToestemmingVeld.Wie, fout.Veld);
        Assert.Contains("jonger dan 16", fout.Melding, StringComparison.Ordinal);

        var zestien = new Leerling { Leerlingnummer = "2", Voornaam = "Noor", Achternaam = "Bakker", Geboortedatum = Vandaag.AddYears(-16) };
        Assert.True(Geef(zestien, null, op: Vandaag).DoorLeerling);
        // The day before his birthday he was 15: a consent dated then is not his to give.
        Assert.Throws<ToestemmingOngeldigException>(() => Geef(zestien, null, op: Vandaag.AddDays(-1)));
    }

    [Fact]
    public void For_an_adult_student_only_he_consents()
    {
        var kind = Kind(18);
        var moeder = Ouder(kind, "Anna");
        var fout = Assert.Single(Assert.Throws<ToestemmingOngeldigException>(() => Geef(kind, moeder.OuderId)).Fouten);
        Assert.Contains("meerderjarig", fout.Melding, StringComparison.Ordinal);
        Assert.True(Geef(kind, null).DoorLeerling);
    }

    [Fact]
    public void For_an_amv_student_the_nidos_voogd_consents_and_a_parent_does_not()
    {
        var kind = Kind(14, amv: true);
        var voogd = Ouder(kind, "Nidos", OuderRelatie.NidosVoogd, gezag: false);
        var moeder = Ouder(kind, "Anna", OuderRelatie.Moeder, gezag: true);
        Assert.Equal(voogd.OuderId, Geef(kind, voogd.OuderId).OuderId);
        var fout = Assert.Single(Assert.Throws<ToestemmingOngeldigException>(() => Geef(kind, moeder.OuderId)).Fouten);
        Assert.Contains("Nidos-voogd", fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partner_is_required_for_sharing_and_referral_and_kept_cleaned()
    {
        var kind = Kind(12);
        var moeder = Ouder(kind, "Anna");
        foreach (var doel in new[] { ToestemmingDoel.DelenMetPartner, ToestemmingDoel.ExterneVerwijzing })
        {
            var fout = Assert.Single(Assert.Throws<ToestemmingOngeldigException>(() => Geef(kind, moeder.OuderId, doel, partner: "  ")).Fouten);
            Assert.Equal(ToestemmingVeld.Partner, fout.Veld);
            Assert.Equal("Jeugdteam Noord", Geef(kind, moeder.OuderId, doel, partner: "  Jeugdteam Noord ").Partner);
        }
        Assert.Equal(ToestemmingVeld.Partner,
            Assert.Single(Assert.Throws<ToestemmingOngeldigException>(() => Geef(kind, moeder.OuderId, ToestemmingDoel.DelenMetPartner,
                partner: new string('p', 151))).Fouten).Veld);
    }

    [Fact]
    public void A_consent_is_not_dated_in_the_future_and_does_not_end_before_it_was_given()
    {
        var kind = Kind(12);
        var moeder = Ouder(kind, "Anna");
        var morgen = Assert.Single(Assert.Throws<ToestemmingOngeldigException>(() => Geef(kind, moeder.OuderId, op: Vandaag.AddDays(1))).Fouten);
        Assert.Equal(ToestemmingVeld.GegevenOp, morgen.Veld);
        Assert.Equal("De datum van de toestemming ligt in de toekomst.", morgen.Melding);
        var voor = Assert.Single(Assert.Throws<ToestemmingOngeldigException>(() =>
            Geef(kind, moeder.OuderId, op: Vandaag.AddDays(-3), tot: Vandaag.AddDays(-4))).Fouten);
        Assert.Equal(ToestemmingVeld.GeldigTot, voor.Veld);
        // Valid for that one day only: allowed.
        Assert.True(Geef(kind, moeder.OuderId, op: Vandaag, tot: Vandaag).IsGeldigOp(Vandaag));
    }

    [Fact]
    public void An_unknown_purpose_or_way_and_a_too_long_remark_are_named_per_field()
    {
        var kind = Kind(12);
        var moeder = Ouder(kind, "Anna");
        var fouten = Toestemming.Controleer(kind, new Toestemmingsgegevens((ToestemmingDoel)99, moeder.OuderId, (ToestemmingWijze)0,
            Vandaag, Opmerking: new string('o', 2001)), Vandaag);
        Assert.Equal([ToestemmingVeld.Doel, ToestemmingVeld.Wijze, ToestemmingVeld.Opmerking], fouten.Select(f => f.Veld));
        Assert.All(fouten, f => Assert.False(string.IsNullOrWhiteSpace(f.Melding)));
    }

    // ---- Dekking ----

    [Fact]
    public void With_two_ouders_with_gezag_one_consent_does_not_cover_and_the_missing_one_is_named()
    {
        var kind = Kind(12);
        var moeder = Ouder(kind, "Anna");
        var vader = Ouder(kind, "Bram", OuderRelatie.Vader);
        var alleenMoeder = new[] { Geef(kind, moeder.OuderId) };
        var dekking = Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, alleenMoeder, Vandaag);
        Assert.False(dekking.IsGedekt);
        Assert.Equal([vader.OuderId], dekking.OntbrekendeOuders);
        Assert.False(dekking.LeerlingOntbreekt);
        var namen = kind.Ouders.ToDictionary(o => o.OuderId, o => o.Ouder!.VolledigeNaam);
        Assert.Equal("Geldige toestemming ontbreekt van: Bram de Vries.", dekking.Uitleg(namen));
        Assert.Equal("Geldige toestemming ontbreekt van: een ouder met gezag.", dekking.Uitleg());

        var beide = alleenMoeder.Append(Geef(kind, vader.OuderId)).ToList();
        var gedekt = Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, beide, Vandaag);
        Assert.True(gedekt.IsGedekt);
        Assert.Equal("Er is geldige toestemming.", gedekt.Uitleg(namen));
        // Another purpose is not covered by it.
        Assert.False(Toestemmingsregel.Dekking(kind, ToestemmingDoel.BesprekingZat, beide, Vandaag).IsGedekt);
    }

    [Fact]
    public void An_ouder_without_gezag_does_not_count_and_is_not_asked()
    {
        var kind = Kind(12);
        var moeder = Ouder(kind, "Anna");
        var vader = Ouder(kind, "Bram", OuderRelatie.Vader, gezag: false);
        var vanVader = new Toestemming
        {
            LeerlingId = kind.Id, Doel = ToestemmingDoel.IbBegeleiding, OuderId = vader.OuderId, GegevenOp = Vandaag.AddDays(-2),
        };
        var dekking = Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [vanVader], Vandaag);
        Assert.Equal([moeder.OuderId], dekking.OntbrekendeOuders);
        Assert.True(Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [Geef(kind, moeder.OuderId)], Vandaag).IsGedekt);
        Assert.False(Toestemmingsregel.MagToestemmen(kind, vader.OuderId, Vandaag));
        Assert.True(Toestemmingsregel.MagToestemmen(kind, moeder.OuderId, Vandaag));
    }

    [Fact]
    public void Without_any_ouder_with_gezag_nothing_covers_a_minor()
    {
        var kind = Kind(12);
        Ouder(kind, "Bram", OuderRelatie.Vader, gezag: false);
        var dekking = Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [], Vandaag);
        Assert.True(dekking.GeenGezagdrager);
        Assert.False(dekking.IsGedekt);
        Assert.Contains("geen ouder met gezag", dekking.Uitleg(), StringComparison.Ordinal);
    }

    [Fact]
    public void From_16_the_student_must_consent_himself_as_well_as_the_ouders_with_gezag()
    {
        var kind = Kind(16);
        var moeder = Ouder(kind, "Anna");
        var vanMoeder = Geef(kind, moeder.OuderId);
        var dekking = Toestemmingsregel.Dekking(kind, ToestemmingDoel.BesprekingZat, [Geef(kind, moeder.OuderId, ToestemmingDoel.BesprekingZat)], Vandaag);
        Assert.True(dekking.LeerlingOntbreekt);
        Assert.Empty(dekking.OntbrekendeOuders);
        Assert.Equal("Geldige toestemming ontbreekt van: de leerling zelf.", dekking.Uitleg());
        var alleenLeerling = Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [Geef(kind, null)], Vandaag);
        Assert.Equal([moeder.OuderId], alleenLeerling.OntbrekendeOuders);
        Assert.True(Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [vanMoeder, Geef(kind, null)], Vandaag).IsGedekt);
    }

    [Fact]
    public void Under_16_the_student_is_not_asked()
    {
        var kind = Kind(15);
        var moeder = Ouder(kind, "Anna");
        var dekking = Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [Geef(kind, moeder.OuderId)], Vandaag);
        Assert.True(dekking.IsGedekt);
        Assert.False(dekking.LeerlingOntbreekt);
    }

    [Fact]
    public void From_18_only_the_student_consents_and_his_parents_consent_does_not_count()
    {
        var kind = Kind(18);
        var moeder = Ouder(kind, "Anna");
        var vanMoederToen = new Toestemming
        {
            LeerlingId = kind.Id, Doel = ToestemmingDoel.IbBegeleiding, OuderId = moeder.OuderId, GegevenOp = Vandaag.AddYears(-1),
        };
        var dekking = Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [vanMoederToen], Vandaag);
        Assert.False(dekking.IsGedekt);
        Assert.True(dekking.LeerlingOntbreekt);
        Assert.Empty(dekking.OntbrekendeOuders);
        Assert.False(dekking.GeenGezagdrager);
        Assert.True(Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [Geef(kind, null)], Vandaag).IsGedekt);
        Assert.False(Toestemmingsregel.MagToestemmen(kind, moeder.OuderId, Vandaag));
    }

    [Fact]
    public void For_an_amv_student_the_nidos_voogd_alone_covers()
    {
        var kind = Kind(14, amv: true);
        var voogd = Ouder(kind, "Nidos", OuderRelatie.NidosVoogd, gezag: false);
        var moeder = Ouder(kind, "Anna", OuderRelatie.Moeder, gezag: true);
        var zonder = Toestemmingsregel.Dekking(kind, ToestemmingDoel.BesprekingZat, [], Vandaag);
        Assert.Equal([voogd.OuderId], zonder.OntbrekendeOuders);
        var vanMoeder = new Toestemming
        {
            LeerlingId = kind.Id, Doel = ToestemmingDoel.BesprekingZat, OuderId = moeder.OuderId, GegevenOp = Vandaag.AddDays(-1),
        };
        Assert.False(Toestemmingsregel.Dekking(kind, ToestemmingDoel.BesprekingZat, [vanMoeder], Vandaag).IsGedekt);
        Assert.True(Toestemmingsregel.Dekking(kind, ToestemmingDoel.BesprekingZat,
            [vanMoeder, Geef(kind, voogd.OuderId, ToestemmingDoel.BesprekingZat)], Vandaag).IsGedekt);
    }

    [Fact]
    public void Expired_withdrawn_not_yet_given_and_other_students_consents_do_not_count()
    {
        var kind = Kind(12);
        var moeder = Ouder(kind, "Anna");
        var verlopen = Geef(kind, moeder.OuderId, op: Vandaag.AddDays(-60), tot: Vandaag.AddDays(-1));
        Assert.False(Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [verlopen], Vandaag).IsGedekt);
        Assert.True(Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [verlopen], Vandaag.AddDays(-1)).IsGedekt);

        var ingetrokken = Geef(kind, moeder.OuderId);
        ingetrokken.TrekIn(Vandaag, "moeder", Medewerker, Vandaag);
        Assert.False(Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [ingetrokken], Vandaag).IsGedekt);
        Assert.True(Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [ingetrokken], Vandaag.AddDays(-1)).IsGedekt);

        var vandaagGegeven = Geef(kind, moeder.OuderId, op: Vandaag);
        Assert.False(Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [vandaagGegeven], Vandaag.AddDays(-1)).IsGedekt);

        var ander = Geef(kind, moeder.OuderId);
        ander.LeerlingId = Guid.NewGuid();
        Assert.False(Toestemmingsregel.Dekking(kind, ToestemmingDoel.IbBegeleiding, [ander], Vandaag).IsGedekt);
    }

    [Fact]
    public void Sharing_is_covered_only_for_the_partner_it_names_whatever_the_case_and_spaces()
    {
        var kind = Kind(12);
        var moeder = Ouder(kind, "Anna");
        var delen = new[] { Geef(kind, moeder.OuderId, ToestemmingDoel.DelenMetPartner, partner: "Jeugdteam Noord") };
        Assert.True(Toestemmingsregel.Dekking(kind, ToestemmingDoel.DelenMetPartner, delen, Vandaag, " jeugdteam noord ").IsGedekt);
        Assert.False(Toestemmingsregel.Dekking(kind, ToestemmingDoel.DelenMetPartner, delen, Vandaag, "GGD").IsGedekt);
        Assert.False(Toestemmingsregel.Dekking(kind, ToestemmingDoel.ExterneVerwijzing, delen, Vandaag, "Jeugdteam Noord").IsGedekt);
    }

    [Fact]
    public void Covered_until_the_earliest_end_among_the_needed_persons_latest_consents()
    {
        var kind = Kind(16);
        var moeder = Ouder(kind, "Anna");
        var vader = Ouder(kind, "Bram", OuderRelatie.Vader);
        var einde = Vandaag.AddDays(40);
        var moederKort = Geef(kind, moeder.OuderId, tot: Vandaag.AddDays(10));
        var moederLang = Geef(kind, moeder.OuderId, tot: einde);
        var vaderOpen = Geef(kind, vader.OuderId);
        var leerling = Geef(kind, null, tot: Vandaag.AddDays(90));
        Assert.Equal(einde, Toestemmingsregel.GedektTot(kind, ToestemmingDoel.IbBegeleiding, [moederKort, moederLang, vaderOpen, leerling], Vandaag));
        // Without an end for anyone: covered without end.
        var open = new[] { Geef(kind, moeder.OuderId), vaderOpen, Geef(kind, null) };
        Assert.Null(Toestemmingsregel.GedektTot(kind, ToestemmingDoel.IbBegeleiding, open, Vandaag));
        // Not covered (the student is missing): no end either.
        Assert.Null(Toestemmingsregel.GedektTot(kind, ToestemmingDoel.IbBegeleiding, [moederLang, vaderOpen], Vandaag));
    }
}
