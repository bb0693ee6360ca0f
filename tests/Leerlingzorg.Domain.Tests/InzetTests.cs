using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;

namespace Leerlingzorg.Domain.Tests;

public sealed class InzetTests
{
    private static readonly DateOnly Vandaag = new(2026, 12, 1);
    private static readonly DateTimeOffset Nu = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Eigenaar = Guid.NewGuid();

    private static Ondersteuningsaanbod Ib() => Ondersteuningsaanbod.Nieuw("Intern begeleider", Ondersteuningscategorie.Gedrag, PmNiveau.PmIII,
        Aanbiedersoort.Intern, "Intern begeleider", null, ToestemmingDoel.IbBegeleiding, null);

    private static Ondersteuningsaanbod Stoer() => Ondersteuningsaanbod.Nieuw("STOER-training", Ondersteuningscategorie.SociaalEmotioneel,
        PmNiveau.PmII, Aanbiedersoort.Intern, "Trainer", 12, null, null);

    private static Leerling Kind(int leeftijd = 13) => new()
    {
        Leerlingnummer = "1", Voornaam = "Sam", Achternaam = "de Vries", Geboortedatum = Vandaag.AddYears(-leeftijd).AddDays(-10),
    };

    private static Ouder Ouder(Leerling kind, string voornaam, bool gezag = true)
    {
        var ouder = new Ouder { Voornaam = voornaam, Achternaam = "de Vries" };
        kind.Ouders.Add(new LeerlingOuder { LeerlingId = kind.Id, OuderId = ouder.Id, Ouder = ouder, Relatie = OuderRelatie.Moeder, Gezag = gezag });
        return ouder;
    }

    private static Toestemming Gegeven(Leerling kind, Ouder? ouder, ToestemmingDoel doel = ToestemmingDoel.IbBegeleiding) => new()
    {
        LeerlingId = kind.Id, OuderId = ouder?.Id, Doel = doel, Wijze = ToestemmingWijze.Schriftelijk, GegevenOp = Vandaag.AddDays(-5),
    };

    private static InzetPlan Plan(Guid aanbodId, string? doel = "Rust in de les", DateOnly? start = null, DateOnly? einde = null,
        Guid? eigenaar = null, DateOnly? evaluatie = null) =>
        new(aanbodId, doel, start ?? Vandaag, einde ?? Vandaag.AddMonths(3), eigenaar ?? Eigenaar, "wekelijks", evaluatie ?? Vandaag.AddMonths(1));

    private static Inzet Actief(Ondersteuningsaanbod? aanbod = null)
    {
        aanbod ??= Stoer();
        return Inzet.Starten(aanbod, Kind(), Plan(aanbod.Id, start: Vandaag.AddDays(-30), evaluatie: Vandaag.AddDays(-2)), [], 0, Eigenaar, Nu).Inzet!;
    }

    [Fact]
    public void Starten_without_consent_need_and_with_room_is_active()
    {
        var aanbod = Stoer();
        var start = Inzet.Starten(aanbod, Kind(), Plan(aanbod.Id, doel: "  Weerbaarder worden \n"), [], 11, Eigenaar, Nu);
        Assert.True(start.IsGelukt);
        Assert.False(start.OpWachtlijst);
        var inzet = start.Inzet!;
        Assert.Equal((InzetStatus.Actief, "Weerbaarder worden", (DateTimeOffset?)null, Eigenaar, "wekelijks"),
            (inzet.Status, inzet.Doel, inzet.WachtlijstSinds, inzet.EigenaarId, inzet.Frequentie));
    }

    [Fact]
    public void Starten_when_the_group_is_full_goes_on_the_waiting_list()
    {
        var aanbod = Stoer();
        var start = Inzet.Starten(aanbod, Kind(), Plan(aanbod.Id), [], 12, Eigenaar, Nu);
        Assert.True(start.OpWachtlijst);
        Assert.Equal(InzetStatus.Wachtlijst, start.Inzet!.Status);
        Assert.Equal(Nu, start.Inzet.WachtlijstSinds);
        Assert.Equal("Groep vol: op de wachtlijst geplaatst.", start.Melding);
    }

    [Theory]
    [InlineData("Doel")]
    [InlineData("Start")]
    [InlineData("GeplandEinde")]
    [InlineData("EigenaarId")]
    [InlineData("VolgendeEvaluatie")]
    [InlineData("VolgendeEvaluatieNaEinde")]
    public void Starten_refuses_bad_input_next_to_its_field(string geval)
    {
        var aanbod = Stoer();
        var plan = geval switch
        {
            "Doel" => Plan(aanbod.Id, doel: "  "),
            "Start" => Plan(aanbod.Id) with { Start = null },
            "GeplandEinde" => Plan(aanbod.Id, einde: Vandaag.AddDays(-1), evaluatie: Vandaag),
            "EigenaarId" => Plan(aanbod.Id) with { EigenaarId = Guid.Empty },
            "VolgendeEvaluatie" => Plan(aanbod.Id, evaluatie: Vandaag.AddDays(-1)),
            _ => Plan(aanbod.Id, evaluatie: Vandaag.AddMonths(4)),
        };
        var start = Inzet.Starten(aanbod, Kind(), plan, [], 0, Eigenaar, Nu);
        Assert.False(start.IsGelukt);
        Assert.Equal(geval == "VolgendeEvaluatieNaEinde" ? "VolgendeEvaluatie" : geval, start.Fout!.Veld);
        Assert.False(string.IsNullOrWhiteSpace(start.Fout.Melding));
    }

    [Fact]
    public void An_end_on_the_start_day_is_allowed()
    {
        var aanbod = Stoer();
        Assert.True(Inzet.Starten(aanbod, Kind(), Plan(aanbod.Id, einde: Vandaag, evaluatie: Vandaag), [], 0, Eigenaar, Nu).IsGelukt);
    }

    [Fact]
    public void An_archived_offer_does_not_start()
    {
        var aanbod = Stoer();
        aanbod.Archiveer();
        Assert.Equal("AanbodId", Inzet.Starten(aanbod, Kind(), Plan(aanbod.Id), [], 0, Eigenaar, Nu).Fout?.Veld);
    }

    [Fact]
    public void An_offer_that_needs_consent_names_the_gezagdrager_who_is_missing()
    {
        var kind = Kind();
        var moeder = Ouder(kind, "Anna");
        Ouder(kind, "Bert");
        var aanbod = Ib();
        var start = Inzet.Starten(aanbod, kind, Plan(aanbod.Id), [Gegeven(kind, moeder)], 0, Eigenaar, Nu);
        Assert.False(start.IsGelukt);
        Assert.Equal("AanbodId", start.Fout!.Veld);
        Assert.Contains("Bert de Vries", start.Fout.Melding, StringComparison.Ordinal);
        Assert.DoesNotContain("Anna", start.Fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void An_offer_that_needs_consent_starts_with_valid_consent_of_every_gezagdrager()
    {
        var kind = Kind();
        var moeder = Ouder(kind, "Anna");
        var vader = Ouder(kind, "Bert");
        Ouder(kind, "Stiefouder", gezag: false);
        var aanbod = Ib();
        var start = Inzet.Starten(aanbod, kind, Plan(aanbod.Id), [Gegeven(kind, moeder), Gegeven(kind, vader)], 0, Eigenaar, Nu);
        Assert.True(start.IsGelukt);
    }

    [Fact]
    public void Consent_for_another_purpose_or_withdrawn_consent_does_not_count()
    {
        var kind = Kind();
        var moeder = Ouder(kind, "Anna");
        var ingetrokken = Gegeven(kind, moeder);
        ingetrokken.TrekIn(Vandaag.AddDays(-1), "moeder", Guid.NewGuid());
        var aanbod = Ib();
        Assert.False(Inzet.Starten(aanbod, kind, Plan(aanbod.Id), [Gegeven(kind, moeder, ToestemmingDoel.AmbulanteBegeleiding)], 0, Eigenaar, Nu).IsGelukt);
        Assert.False(Inzet.Starten(aanbod, kind, Plan(aanbod.Id), [ingetrokken], 0, Eigenaar, Nu).IsGelukt);
    }

    [Fact]
    public void A_student_of_16_must_consent_himself_as_well()
    {
        var kind = Kind(16);
        var moeder = Ouder(kind, "Anna");
        var aanbod = Ib();
        var zonder = Inzet.Starten(aanbod, kind, Plan(aanbod.Id), [Gegeven(kind, moeder)], 0, Eigenaar, Nu);
        Assert.Contains("de leerling zelf", zonder.Fout!.Melding, StringComparison.Ordinal);
        Assert.True(Inzet.Starten(aanbod, kind, Plan(aanbod.Id), [Gegeven(kind, moeder), Gegeven(kind, null)], 0, Eigenaar, Nu).IsGelukt);
    }

    [Fact]
    public void Evalueer_ends_it_as_afgerond_with_outcome_and_text()
    {
        var inzet = Actief();
        Assert.Null(inzet.Evalueer(InzetUitkomst.DeelsBereikt, " Beter, nog niet zelfstandig ", Vandaag, Vandaag));
        Assert.Equal((InzetStatus.Afgerond, (InzetUitkomst?)InzetUitkomst.DeelsBereikt, "Beter, nog niet zelfstandig", (DateOnly?)Vandaag, 2),
            (inzet.Status, inzet.Uitkomst, inzet.Evaluatie, inzet.BeeindigdOp, inzet.Versie));
        Assert.NotNull(inzet.Evalueer(InzetUitkomst.DoelBereikt, "Nog eens", Vandaag, Vandaag));
    }

    [Fact]
    public void Evalueer_needs_a_text_and_a_date_from_the_start_to_today()
    {
        var inzet = Actief();
        Assert.Equal("Evaluatie", inzet.Evalueer(InzetUitkomst.DoelBereikt, "  ", Vandaag, Vandaag)?.Veld);
        Assert.Equal("BeeindigdOp", inzet.Evalueer(InzetUitkomst.DoelBereikt, "Goed", inzet.Start.AddDays(-1), Vandaag)?.Veld);
        Assert.Equal("BeeindigdOp", inzet.Evalueer(InzetUitkomst.DoelBereikt, "Goed", Vandaag.AddDays(1), Vandaag)?.Veld);
        Assert.Equal(InzetStatus.Actief, inzet.Status);
        Assert.Equal(1, inzet.Versie);
    }

    [Fact]
    public void Stop_ends_it_with_the_reason_and_a_waiting_list_place_can_be_stopped_too()
    {
        var inzet = Actief();
        Assert.Equal("Evaluatie", inzet.Stop("", Vandaag, Vandaag)?.Veld);
        Assert.Null(inzet.Stop("Leerling verhuisd", Vandaag, Vandaag));
        Assert.Equal((InzetStatus.Gestopt, "Leerling verhuisd", (DateOnly?)Vandaag), (inzet.Status, inzet.Evaluatie, inzet.BeeindigdOp));
        Assert.NotNull(inzet.Stop("Nog eens", Vandaag, Vandaag));

        var aanbod = Stoer();
        var wachtend = Inzet.Starten(aanbod, Kind(), Plan(aanbod.Id, start: Vandaag.AddDays(7), evaluatie: Vandaag.AddDays(20)), [], 12, Eigenaar, Nu).Inzet!;
        Assert.Null(wachtend.Stop("Niet meer nodig", Vandaag, Vandaag));
        Assert.Equal(InzetStatus.Gestopt, wachtend.Status);
    }

    [Fact]
    public void PlanEvaluatie_stays_within_the_period()
    {
        var inzet = Actief();
        Assert.Equal("VolgendeEvaluatie", inzet.PlanEvaluatie(inzet.Start.AddDays(-1))?.Veld);
        Assert.Equal("VolgendeEvaluatie", inzet.PlanEvaluatie(inzet.GeplandEinde!.Value.AddDays(1))?.Veld);
        Assert.Null(inzet.PlanEvaluatie(Vandaag.AddDays(14)));
        Assert.Equal(Vandaag.AddDays(14), inzet.VolgendeEvaluatie);
        Assert.Equal(2, inzet.Versie);
        inzet.Evalueer(InzetUitkomst.DoelBereikt, "Klaar", Vandaag, Vandaag);
        Assert.NotNull(inzet.PlanEvaluatie(Vandaag.AddDays(20)));
    }

    [Fact]
    public void The_first_on_the_waiting_list_starts_when_a_place_frees_up()
    {
        var aanbod = Stoer();
        var eerste = Inzet.Starten(aanbod, Kind(), Plan(aanbod.Id, start: Vandaag.AddDays(-10), evaluatie: Vandaag.AddDays(-5)), [], 12, Eigenaar, Nu.AddDays(-10)).Inzet!;
        var tweede = Inzet.Starten(aanbod, Kind(), Plan(aanbod.Id), [], 12, Eigenaar, Nu).Inzet!;
        Assert.Same(eerste, Inzet.EersteOpWachtlijst([tweede, eerste, Actief(aanbod)]));

        Assert.NotNull(eerste.HaalVanWachtlijst(Vandaag, 12, Kind(), []));
        Assert.Equal(InzetStatus.Wachtlijst, eerste.Status);
        Assert.Null(eerste.HaalVanWachtlijst(Vandaag, 11, Kind(), []));
        Assert.Equal((InzetStatus.Actief, Vandaag, (DateTimeOffset?)null), (eerste.Status, eerste.Start, eerste.WachtlijstSinds));
        // Its review lay before the day it really started.
        Assert.Null(eerste.VolgendeEvaluatie);
        Assert.NotNull(eerste.HaalVanWachtlijst(Vandaag, 0, Kind(), []));
    }

    [Fact]
    public void From_the_waiting_list_the_consent_is_checked_again()
    {
        var kind = Kind();
        var moeder = Ouder(kind, "Anna");
        var toestemming = Gegeven(kind, moeder);
        var aanbod = Ondersteuningsaanbod.Nieuw("IB-groep", Ondersteuningscategorie.Gedrag, PmNiveau.PmIII, Aanbiedersoort.Intern, "IB", 1,
            ToestemmingDoel.IbBegeleiding, null);
        var wachtend = Inzet.Starten(aanbod, kind, Plan(aanbod.Id), [toestemming], 1, Eigenaar, Nu).Inzet!;
        toestemming.TrekIn(Vandaag, "moeder", Guid.NewGuid());
        Assert.Equal("AanbodId", wachtend.HaalVanWachtlijst(Vandaag, 0, kind, [toestemming])?.Veld);
    }

    [Theory]
    [InlineData(-1, InzetStatus.Actief, true)]
    [InlineData(0, InzetStatus.Actief, false)]
    [InlineData(3, InzetStatus.Actief, false)]
    [InlineData(-1, InzetStatus.Wachtlijst, false)]
    [InlineData(-1, InzetStatus.Afgerond, false)]
    [InlineData(-1, InzetStatus.Gestopt, false)]
    public void A_review_is_overdue_only_for_a_running_intervention_after_its_day(int dagen, InzetStatus status, bool verlopen)
    {
        var inzet = Actief();
        inzet.VolgendeEvaluatie = Vandaag.AddDays(dagen);
        inzet.Status = status;
        Assert.Equal(verlopen, inzet.IsEvaluatieVerlopen(Vandaag));
        Assert.Equal(verlopen, Inzet.EvaluatieVerlopen(Vandaag).Compile()(inzet));
    }

    [Fact]
    public void Without_a_next_review_nothing_is_overdue()
    {
        var inzet = Actief();
        inzet.VolgendeEvaluatie = null;
        Assert.False(inzet.IsEvaluatieVerlopen(Vandaag));
        Assert.False(Inzet.EvaluatieVerlopen(Vandaag).Compile()(inzet));
    }

    [Theory]
    [InlineData("zorgcoordinator", PmNiveau.PmIV, true)]
    [InlineData("zorgrol", PmNiveau.PmIII, true)]
    [InlineData("mentor", PmNiveau.PmII, true)]
    [InlineData("mentor", PmNiveau.PmIII, false)]
    [InlineData("coordinator", PmNiveau.PmI, true)]
    [InlineData("coordinator", PmNiveau.PmIII, false)]
    [InlineData("docent", PmNiveau.PmI, false)]
    [InlineData("schoolleiding", PmNiveau.PmI, false)]
    public void MagStarten_care_roles_everything_mentor_and_coordinator_up_to_PM_II(string wie, PmNiveau niveau, bool mag)
    {
        var lezer = wie switch
        {
            "zorgcoordinator" => new Lezer(IsZorgcoordinator: true, IsZorgrol: true),
            "zorgrol" => new Lezer(IsZorgrol: true),
            "mentor" => new Lezer(IsMentorVanLeerling: true),
            "coordinator" => new Lezer(IsCoordinatorVanLeerling: true),
            "docent" => new Lezer(IsDocentVanLeerling: true),
            _ => new Lezer(IsSchoolleiding: true),
        };
        Assert.Equal(mag, Inzet.MagStarten(lezer, niveau));
    }

    [Fact]
    public void MagBeheren_the_owner_or_the_zorgcoordinator()
    {
        var inzet = Actief();
        Assert.True(inzet.MagBeheren(Eigenaar, isZorgcoordinator: false));
        Assert.True(inzet.MagBeheren(Guid.NewGuid(), isZorgcoordinator: true));
        Assert.False(inzet.MagBeheren(Guid.NewGuid(), isZorgcoordinator: false));
    }
}
