using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;

namespace Leerlingzorg.Domain.Tests;

public sealed class LadderregelsTests
{
    private static readonly DateOnly Vandaag = new(2027, 1, 12);
    private static readonly DateTimeOffset Nu = new(2027, 1, 12, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid Door = Guid.NewGuid();

    private static readonly Lezer Mentor = new(IsMentorVanLeerling: true);
    private static readonly Lezer Coordinator = new(IsCoordinatorVanLeerling: true);
    private static readonly Lezer Zorgcoordinator = new(IsZorgcoordinator: true, IsZorgrol: true);
    private static readonly Lezer Docent = new(IsDocentVanLeerling: true);
    private static readonly Lezer InternBegeleider = new(IsZorgrol: true);

    private static Leerling Kind(PmNiveau niveau = PmNiveau.PmI, int leeftijd = 13, DateOnly? sinds = null) => new()
    {
        Leerlingnummer = "1", Voornaam = "Sam", Achternaam = "de Vries", PmNiveau = niveau, PmSinds = sinds,
        Geboortedatum = Vandaag.AddYears(-leeftijd).AddDays(-10),
    };

    private static LeerlingOuder Ouder(Leerling kind, OuderRelatie relatie = OuderRelatie.Moeder, bool gezag = true)
    {
        var lo = new LeerlingOuder { LeerlingId = kind.Id, OuderId = Guid.NewGuid(), Relatie = relatie, Gezag = gezag };
        kind.Ouders.Add(lo);
        return lo;
    }

    private static Toestemming Zat(Leerling kind, Guid? ouderId, DateOnly? gegeven = null, DateOnly? tot = null) => new()
    {
        LeerlingId = kind.Id, OuderId = ouderId, Doel = ToestemmingDoel.BesprekingZat, Wijze = ToestemmingWijze.Schriftelijk,
        GegevenOp = gegeven ?? Vandaag.AddDays(-7), GeldigTot = tot,
    };

    private static PmWijziging Naar(PmNiveau naar, string? reden = "Zorgen over gedrag", string? geprobeerd = "Gesprekken met de mentor",
        string? rechtvaardiging = null, DateOnly? datum = null) => new(naar, datum ?? Vandaag, reden, geprobeerd, rechtvaardiging);

    private static Ladderbesluit Zet(Leerling kind, PmWijziging wijziging, Lezer lezer, params Toestemming[] toestemmingen) =>
        kind.ZetOpNiveau(wijziging, lezer, Door, Vandaag, Nu, toestemmingen);

    [Fact]
    public void A_step_up_with_a_reason_and_what_was_tried_sets_the_level_and_returns_the_step()
    {
        var kind = Kind(PmNiveau.PmI);
        var besluit = Zet(kind, Naar(PmNiveau.PmII, reden: "  Zorgen over gedrag  ", geprobeerd: "Gesprekken met de mentor"), Mentor);
        var stap = Assert.IsType<PmStap>(besluit.Stap);
        Assert.Equal((PmNiveau?)PmNiveau.PmI, stap.Van);
        Assert.Equal(PmNiveau.PmII, stap.Naar);
        Assert.Equal("Zorgen over gedrag", stap.Reden);
        Assert.Equal("Gesprekken met de mentor", stap.Geprobeerd);
        Assert.Null(stap.Rechtvaardiging);
        Assert.Equal((Vandaag, Nu, Door, kind.Id), (stap.Datum, stap.VastgelegdOp, stap.DoorId, stap.LeerlingId));
        Assert.True(stap.IsOmhoog);
        Assert.Equal(PmNiveau.PmII, kind.PmNiveau);
        Assert.Equal(Vandaag, kind.PmSinds);
    }

    [Fact]
    public void A_step_up_needs_a_reason_and_what_was_tried()
    {
        var kind = Kind(PmNiveau.PmI);
        var besluit = Zet(kind, Naar(PmNiveau.PmII, reden: " ", geprobeerd: null), Mentor);
        Assert.False(besluit.IsGelukt);
        Assert.Equal([Ladderregels.Velden.Reden, Ladderregels.Velden.Geprobeerd], besluit.Fouten.Select(f => f.Veld));
        Assert.Contains("PM I al is geprobeerd", besluit.Melding, StringComparison.Ordinal);
        Assert.Equal(PmNiveau.PmI, kind.PmNiveau);
        Assert.Null(kind.PmSinds);
    }

    [Fact]
    public void A_step_down_needs_an_evaluation_kept_as_the_reason_and_asks_nothing_tried()
    {
        var kind = Kind(PmNiveau.PmII);
        var zonder = Zet(kind, Naar(PmNiveau.PmI, reden: null, geprobeerd: null), Mentor);
        Assert.Equal(Ladderregels.Velden.Reden, Assert.Single(zonder.Fouten).Veld);
        Assert.Contains("evaluatie", zonder.Melding, StringComparison.Ordinal);

        var besluit = Zet(kind, Naar(PmNiveau.PmI, reden: "Doelen bereikt, gaat goed in de klas", geprobeerd: "niet gevraagd"), Mentor);
        var stap = Assert.IsType<PmStap>(besluit.Stap);
        Assert.True(stap.IsOmlaag);
        Assert.Equal("Doelen bereikt, gaat goed in de klas", stap.Reden);
        Assert.Null(stap.Geprobeerd);
        Assert.Equal(PmNiveau.PmI, kind.PmNiveau);
    }

    [Fact]
    public void A_skip_of_a_level_needs_a_justification()
    {
        var kind = Kind(PmNiveau.PmI);
        var zonder = Zet(kind, Naar(PmNiveau.PmIII), Zorgcoordinator);
        var fout = Assert.Single(zonder.Fouten);
        Assert.Equal(Ladderregels.Velden.Rechtvaardiging, fout.Veld);
        Assert.Equal("Van PM I naar PM III slaat een niveau over: leg uit waarom (bijvoorbeeld een crisis).", fout.Melding);

        var met = Zet(kind, Naar(PmNiveau.PmIII, rechtvaardiging: "Crisis: acute veiligheidszorg"), Zorgcoordinator);
        Assert.True(Assert.IsType<PmStap>(met.Stap).IsSprong);
        Assert.Equal("Crisis: acute veiligheidszorg", met.Stap!.Rechtvaardiging);
        Assert.Equal(PmNiveau.PmIII, kind.PmNiveau);
    }

    [Fact]
    public void A_skip_down_needs_a_justification_too()
    {
        var kind = Kind(PmNiveau.PmIII);
        var besluit = Zet(kind, Naar(PmNiveau.PmI, reden: "Ondersteuning afgerond"), Zorgcoordinator);
        Assert.Equal(Ladderregels.Velden.Rechtvaardiging, Assert.Single(besluit.Fouten).Veld);
    }

    [Fact]
    public void The_same_level_is_refused()
    {
        var kind = Kind(PmNiveau.PmII);
        var besluit = Zet(kind, Naar(PmNiveau.PmII), Mentor);
        var fout = Assert.Single(besluit.Fouten);
        Assert.Equal((Ladderregels.Velden.Naar, "De leerling staat al op PM II. Kies een ander niveau."), (fout.Veld, fout.Melding));
    }

    [Fact]
    public void A_date_in_the_future_or_before_the_current_level_began_is_refused()
    {
        var kind = Kind(PmNiveau.PmI, sinds: Vandaag.AddDays(-30));
        Assert.Equal(Ladderregels.Velden.Datum, Assert.Single(Zet(kind, Naar(PmNiveau.PmII, datum: Vandaag.AddDays(1)), Mentor).Fouten).Veld);
        Assert.Equal(Ladderregels.Velden.Datum, Assert.Single(Zet(kind, Naar(PmNiveau.PmII, datum: Vandaag.AddDays(-31)), Mentor).Fouten).Veld);
        Assert.True(Zet(kind, Naar(PmNiveau.PmII, datum: Vandaag.AddDays(-3)), Mentor).IsGelukt);
        Assert.Equal(Vandaag.AddDays(-3), kind.PmSinds);
    }

    [Theory]
    [InlineData(PmNiveau.PmI, PmNiveau.PmII, true, true, true)]
    [InlineData(PmNiveau.PmII, PmNiveau.PmI, true, true, true)]
    [InlineData(PmNiveau.Pm0, PmNiveau.PmI, true, true, true)]
    [InlineData(PmNiveau.PmII, PmNiveau.PmIII, false, false, true)]
    [InlineData(PmNiveau.PmIII, PmNiveau.PmII, false, false, true)]
    [InlineData(PmNiveau.PmIII, PmNiveau.PmIV, false, false, true)]
    [InlineData(PmNiveau.PmIV, PmNiveau.PmIII, false, false, true)]
    public void The_mentor_and_the_coordinator_decide_up_to_PM_II_the_zorgcoordinator_also_III_and_IV(
        PmNiveau van, PmNiveau naar, bool mentor, bool coordinator, bool zorgcoordinator)
    {
        Assert.Equal(mentor, Ladderregels.MagBeslissen(Mentor, van, naar));
        Assert.Equal(coordinator, Ladderregels.MagBeslissen(Coordinator, van, naar));
        Assert.Equal(zorgcoordinator, Ladderregels.MagBeslissen(Zorgcoordinator, van, naar));
        Assert.False(Ladderregels.MagBeslissen(Docent, van, naar));
        Assert.False(Ladderregels.MagBeslissen(InternBegeleider, van, naar));
    }

    [Fact]
    public void A_mentor_raising_to_PM_III_is_told_the_zorgcoordinator_decides_and_nothing_changes()
    {
        var kind = Kind(PmNiveau.PmII);
        var besluit = Zet(kind, Naar(PmNiveau.PmIII), Mentor);
        Assert.True(besluit.Onbevoegd);
        Assert.Contains("zorgcoördinator", Assert.Single(besluit.Fouten).Melding, StringComparison.Ordinal);
        Assert.Equal(PmNiveau.PmII, kind.PmNiveau);
    }

    [Fact]
    public void A_docent_changes_no_level()
    {
        var besluit = Zet(Kind(PmNiveau.PmI), Naar(PmNiveau.PmII), Docent);
        Assert.True(besluit.Onbevoegd);
        Assert.Empty(Ladderregels.Bereikbaar(Docent, PmNiveau.PmI));
    }

    [Fact]
    public void The_reachable_levels_follow_the_role()
    {
        Assert.Equal([PmNiveau.Pm0, PmNiveau.PmII], Ladderregels.Bereikbaar(Mentor, PmNiveau.PmI));
        Assert.Empty(Ladderregels.Bereikbaar(Mentor, PmNiveau.PmIII));
        Assert.Equal([PmNiveau.Pm0, PmNiveau.PmI, PmNiveau.PmIII, PmNiveau.PmIV], Ladderregels.Bereikbaar(Zorgcoordinator, PmNiveau.PmII));
    }

    [Fact]
    public void PM_IV_is_refused_without_consent_and_names_who_is_missing()
    {
        var kind = Kind(PmNiveau.PmIII);
        var moeder = Ouder(kind);
        var vader = Ouder(kind, OuderRelatie.Vader);
        var namen = new Dictionary<Guid, string> { [moeder.OuderId] = "Anna de Vries", [vader.OuderId] = "Bert de Vries" };
        var besluit = kind.ZetOpNiveau(Naar(PmNiveau.PmIV), Zorgcoordinator, Door, Vandaag, Nu, [Zat(kind, moeder.OuderId)], namen);
        var fout = Assert.Single(besluit.Fouten);
        Assert.Equal(Ladderregels.Velden.Toestemming, fout.Veld);
        Assert.Contains("Bert de Vries", fout.Melding, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna de Vries", fout.Melding, StringComparison.Ordinal);
        Assert.Equal(PmNiveau.PmIII, kind.PmNiveau);
    }

    [Fact]
    public void PM_IV_is_allowed_with_the_consent_of_every_ouder_with_gezag()
    {
        var kind = Kind(PmNiveau.PmIII);
        var moeder = Ouder(kind);
        Ouder(kind, OuderRelatie.Vader, gezag: false);
        var besluit = Zet(kind, Naar(PmNiveau.PmIV), Zorgcoordinator, Zat(kind, moeder.OuderId));
        Assert.True(besluit.IsGelukt);
        Assert.Equal(PmNiveau.PmIV, kind.PmNiveau);
    }

    [Fact]
    public void PM_IV_is_refused_when_the_consent_was_withdrawn_or_has_expired()
    {
        var kind = Kind(PmNiveau.PmIII);
        var moeder = Ouder(kind);
        var ingetrokken = Zat(kind, moeder.OuderId);
        ingetrokken.TrekIn(Vandaag.AddDays(-1), "moeder, telefonisch", Door);
        Assert.Equal(Ladderregels.Velden.Toestemming, Assert.Single(Zet(kind, Naar(PmNiveau.PmIV), Zorgcoordinator, ingetrokken).Fouten).Veld);

        var verlopen = Zat(kind, moeder.OuderId, gegeven: Vandaag.AddYears(-1), tot: Vandaag.AddDays(-1));
        Assert.Equal(Ladderregels.Velden.Toestemming, Assert.Single(Zet(kind, Naar(PmNiveau.PmIV), Zorgcoordinator, verlopen).Fouten).Veld);
        Assert.Equal(PmNiveau.PmIII, kind.PmNiveau);
    }

    [Fact]
    public void PM_IV_for_a_student_of_16_needs_his_own_consent_as_well()
    {
        var kind = Kind(PmNiveau.PmIII, leeftijd: 16);
        var moeder = Ouder(kind);
        var zonder = Zet(kind, Naar(PmNiveau.PmIV), Zorgcoordinator, Zat(kind, moeder.OuderId));
        Assert.Contains("de leerling zelf", Assert.Single(zonder.Fouten).Melding, StringComparison.Ordinal);

        var met = Zet(kind, Naar(PmNiveau.PmIV), Zorgcoordinator, Zat(kind, moeder.OuderId), Zat(kind, null));
        Assert.True(met.IsGelukt);
    }

    [Fact]
    public void Leaving_PM_IV_needs_no_consent()
    {
        var kind = Kind(PmNiveau.PmIV);
        Ouder(kind);
        Assert.True(Zet(kind, Naar(PmNiveau.PmIII, reden: "ZAT heeft advies gegeven"), Zorgcoordinator).IsGelukt);
    }

    [Fact]
    public void An_uitgeschreven_student_gets_no_new_level()
    {
        var kind = Kind(PmNiveau.PmI);
        kind.SchrijfUit(Vandaag, "verhuisd");
        Assert.False(Zet(kind, Naar(PmNiveau.PmII), Mentor).IsGelukt);
        Assert.Equal(PmNiveau.PmI, kind.PmNiveau);
    }
}
