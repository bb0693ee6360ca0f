using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;

namespace Leerlingzorg.Domain.Tests;

public sealed class LeerlingTests
{
    private static readonly Schooljaar Dit = new(2026);
    private static readonly Guid KlasA = Guid.NewGuid();
    private static readonly Guid KlasB = Guid.NewGuid();
    private static readonly Guid KlasVolgend = Guid.NewGuid();

    private static Leerling Ingeschreven()
    {
        var leerling = new Leerling { Leerlingnummer = "1", Voornaam = "Sam", Achternaam = "Jansen", SchoolId = Guid.NewGuid() };
        leerling.SchrijfIn(new DateOnly(2026, 8, 20));
        leerling.Plaats(KlasA, Dit);
        return leerling;
    }

    [Fact]
    public void Plaats_keeps_one_placement_per_schooljaar_and_a_move_within_the_year_changes_it()
    {
        var leerling = Ingeschreven();
        var plaatsing = Assert.Single(leerling.Plaatsingen);
        Assert.Equal((leerling.SchoolId, leerling.Id, KlasA, Dit, (Jaaruitkomst?)null),
            (plaatsing.SchoolId, plaatsing.LeerlingId, plaatsing.KlasId, plaatsing.Schooljaar, plaatsing.Uitkomst));
        Assert.Equal(KlasA, leerling.KlasId);

        Assert.False(leerling.Plaats(KlasA, Dit));
        Assert.True(leerling.Plaats(KlasB, Dit));
        Assert.Equal(KlasB, Assert.Single(leerling.Plaatsingen).KlasId);
        Assert.Equal(KlasB, leerling.KlasId);

        Assert.True(leerling.Plaats(KlasVolgend, Dit.Volgend));
        Assert.Equal([Dit, Dit.Volgend], leerling.Plaatsingen.Select(p => p.Schooljaar));
    }

    [Fact]
    public void SchrijfUit_ends_the_enrolment_and_closes_the_placement_of_that_year_and_later_as_Vertrokken()
    {
        var leerling = Ingeschreven();
        leerling.Plaatsingen.Add(new KlasPlaatsing { KlasId = KlasA, Schooljaar = new Schooljaar(2025), Uitkomst = Jaaruitkomst.Bevorderd });
        leerling.Plaats(KlasVolgend, Dit.Volgend);
        leerling.Plaats(KlasA, Dit);

        leerling.SchrijfUit(new DateOnly(2027, 2, 1), "  Verhuisd ");

        Assert.Equal((LeerlingStatus.Uitgeschreven, (DateOnly?)new DateOnly(2027, 2, 1), "Verhuisd", (Guid?)null),
            (leerling.Status, leerling.Uitschrijfdatum, leerling.Uitschrijfreden, leerling.KlasId));
        Assert.Equal(
            [(new Schooljaar(2025), (Jaaruitkomst?)Jaaruitkomst.Bevorderd), (Dit, Jaaruitkomst.Vertrokken), (Dit.Volgend, Jaaruitkomst.Vertrokken)],
            leerling.Plaatsingen.OrderBy(p => p.Schooljaar).Select(p => (p.Schooljaar, p.Uitkomst)));
    }

    [Fact]
    public void SchrijfUit_refuses_a_date_before_the_enrolment_and_a_second_time()
    {
        var leerling = Ingeschreven();
        Assert.Throws<ArgumentOutOfRangeException>(() => leerling.SchrijfUit(new DateOnly(2026, 8, 19), null));
        Assert.Equal(LeerlingStatus.Ingeschreven, leerling.Status);
        Assert.Null(Assert.Single(leerling.Plaatsingen).Uitkomst);

        leerling.SchrijfUit(new DateOnly(2026, 9, 1), null);
        Assert.Null(leerling.Uitschrijfreden);
        Assert.Throws<InvalidOperationException>(() => leerling.SchrijfUit(new DateOnly(2026, 9, 2), null));
        Assert.Equal(new DateOnly(2026, 9, 1), leerling.Uitschrijfdatum);
    }

    [Fact]
    public void An_uitgeschreven_student_is_placed_nowhere_until_he_is_enrolled_again_and_then_his_year_opens_again()
    {
        var leerling = Ingeschreven();
        leerling.SchrijfUit(new DateOnly(2026, 10, 1), "Buitenland");
        Assert.Throws<InvalidOperationException>(() => leerling.Plaats(KlasB, Dit));

        leerling.SchrijfIn(new DateOnly(2027, 1, 5));
        Assert.Equal((LeerlingStatus.Ingeschreven, (DateOnly?)new DateOnly(2027, 1, 5), (DateOnly?)null, (string?)null, (Guid?)null),
            (leerling.Status, leerling.Inschrijfdatum, leerling.Uitschrijfdatum, leerling.Uitschrijfreden, leerling.KlasId));
        Assert.Equal(Jaaruitkomst.Vertrokken, Assert.Single(leerling.Plaatsingen).Uitkomst);

        Assert.True(leerling.Plaats(KlasB, Dit));
        var plaatsing = Assert.Single(leerling.Plaatsingen);
        Assert.Equal((KlasB, (Jaaruitkomst?)null), (plaatsing.KlasId, plaatsing.Uitkomst));
        Assert.Throws<InvalidOperationException>(() => leerling.SchrijfIn(new DateOnly(2027, 1, 6)));
    }

    [Fact]
    public void A_year_the_rollover_closed_keeps_its_history_when_the_student_is_placed_in_it_again()
    {
        var leerling = Ingeschreven();
        leerling.RondSchooljaarAf(Dit, Jaaruitkomst.Bevorderd, KlasVolgend, null);
        Assert.True(leerling.Plaats(KlasB, Dit));
        var dit = leerling.Plaatsingen.Single(p => p.Schooljaar == Dit);
        Assert.Equal((KlasA, (Jaaruitkomst?)Jaaruitkomst.Bevorderd), (dit.KlasId, dit.Uitkomst));
        Assert.Equal(KlasB, leerling.KlasId);
    }

    [Theory]
    [InlineData(Jaaruitkomst.Bevorderd)]
    [InlineData(Jaaruitkomst.Gedoubleerd)]
    public void The_rollover_closes_the_year_and_places_the_student_in_the_next(Jaaruitkomst uitkomst)
    {
        var leerling = Ingeschreven();
        leerling.RondSchooljaarAf(Dit, uitkomst, KlasVolgend, null);
        Assert.Equal(
            [(Dit, KlasA, (Jaaruitkomst?)uitkomst), (Dit.Volgend, KlasVolgend, null)],
            leerling.Plaatsingen.Select(p => (p.Schooljaar, p.KlasId, p.Uitkomst)));
        Assert.Equal((LeerlingStatus.Ingeschreven, (Guid?)KlasVolgend), (leerling.Status, leerling.KlasId));
    }

    [Fact]
    public void A_leaver_at_the_rollover_is_uitgeschreven_on_the_last_day_like_on_every_other_path()
    {
        // Placed before placements were kept: his year is written down now.
        var leerling = new Leerling { Leerlingnummer = "2", Voornaam = "Eva", Achternaam = "Smit", KlasId = KlasA, Inschrijfdatum = new DateOnly(2022, 8, 1) };
        leerling.RondSchooljaarAf(Dit, Jaaruitkomst.Vertrokken, null, "Diploma");
        Assert.Equal((LeerlingStatus.Uitgeschreven, (DateOnly?)Dit.Einde, "Diploma", (Guid?)null),
            (leerling.Status, leerling.Uitschrijfdatum, leerling.Uitschrijfreden, leerling.KlasId));
        var plaatsing = Assert.Single(leerling.Plaatsingen);
        Assert.Equal((KlasA, Dit, (Jaaruitkomst?)Jaaruitkomst.Vertrokken), (plaatsing.KlasId, plaatsing.Schooljaar, plaatsing.Uitkomst));
    }

    [Fact]
    public void A_student_who_stays_needs_a_klas_for_next_year()
    {
        var leerling = Ingeschreven();
        Assert.Throws<ArgumentNullException>(() => leerling.RondSchooljaarAf(Dit, Jaaruitkomst.Bevorderd, null, null));
    }
}
