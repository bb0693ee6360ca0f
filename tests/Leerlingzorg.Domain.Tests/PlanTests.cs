using PartnerFunctie = Leerlingzorg.Domain.Besprekingen.PartnerFunctie;
using PartnerFuncties = Leerlingzorg.Domain.Besprekingen.PartnerFuncties;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;

namespace Leerlingzorg.Domain.Tests;

/// <summary>The OPP and handelingsplan rules of issue 11: the workflow, who decides, one or all parents, 16+, new versions, deadlines.</summary>
public sealed class PlanTests
{
    private static readonly DateOnly Vandaag = new(2026, 12, 1);
    private static readonly DateTimeOffset Nu = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid Zorgcoordinator = Guid.NewGuid();

    private static readonly PlanInhoud Volledig = new()
    {
        BeginsituatieLeerling = "Sam leest op niveau groep 6.",
        Onderwijsbehoeften = "Korte instructie, extra tijd.",
        Uitstroombestemming = "mbo",
        Uitstroomniveau = "niveau 2",
        UitstroomOnderbouwing = "Capaciteitenonderzoek 2026.",
        Doelen = [new Onderwijsdoel("Zelfstandig een weekplanning maken", "Wekelijks met de mentor")],
        Handelingsdeel = [new Ondersteuningsregel("Remedial teaching lezen", "intern begeleider", "2× per week", null)],
        Evaluatiedatum = Vandaag.AddMonths(6),
    };

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

    private static Plan Opp(Leerling kind, PlanInhoud? inhoud = null, PlanSoort soort = PlanSoort.Opp)
    {
        var (plan, fout) = Plan.Start(kind, soort, Vandaag.AddDays(-10), inhoud ?? Volledig, lopend: false, Vandaag, Nu, Zorgcoordinator);
        Assert.Null(fout);
        return plan!;
    }

    private static List<Instemming> LegVoor(Plan plan, Leerling kind)
    {
        var (verzoeken, fouten) = plan.Laatste.LegVoor(plan, Instemmingsregel.WieBeslist(kind, Vandaag), Nu, Zorgcoordinator);
        Assert.Empty(fouten);
        return [.. verzoeken];
    }

    private static (Instemmingsuitkomst Uitkomst, Planfout? Fout) Beslis(Plan plan, List<Instemming> instemmingen, Guid? ouderId, bool ja,
        string? reden = null, Instemmingsbeleid beleid = Instemmingsbeleid.AlleOuders, int? revisie = null) =>
        plan.Laatste.Beslis(plan, instemmingen, new Instemmer(ouderId, "x"), ja, reden, revisie ?? plan.Laatste.Revisie, beleid,
            InstemmingWijze.Portaal, Nu, Guid.NewGuid());

    // ---- Who decides ----

    [Fact]
    public void Every_ouder_with_gezag_is_asked_and_an_ouder_without_gezag_is_not()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var vader = Ouder(kind, "Bram", OuderRelatie.Vader);
        Ouder(kind, "Carla", OuderRelatie.Verzorger, gezag: false);
        var wie = Instemmingsregel.WieBeslist(kind, Vandaag);
        Assert.Equal([moeder.OuderId, vader.OuderId], wie.Select(w => w.OuderId!.Value));
    }

    [Fact]
    public void For_an_amv_student_only_the_Nidos_guardian_is_asked()
    {
        var kind = Kind(15, amv: true);
        Ouder(kind, "Moeder");
        var voogd = Ouder(kind, "Sanne", OuderRelatie.NidosVoogd);
        Assert.Equal([voogd.OuderId], Instemmingsregel.WieBeslist(kind, Vandaag).Select(w => w.OuderId!.Value));
    }

    [Fact]
    public void From_16_the_student_is_asked_too_and_from_18_he_alone()
    {
        var zestien = Kind(16);
        Ouder(zestien, "Aylin");
        var wie16 = Instemmingsregel.WieBeslist(zestien, Vandaag);
        Assert.Equal(2, wie16.Count);
        Assert.Single(wie16, w => w.IsLeerling);

        var achttien = Kind(18);
        Ouder(achttien, "Aylin");
        var wie18 = Instemmingsregel.WieBeslist(achttien, Vandaag);
        Assert.True(Assert.Single(wie18).IsLeerling);
    }

    // ---- Sending and deciding ----

    [Fact]
    public void An_incomplete_opp_is_not_sent_and_names_what_is_missing()
    {
        var kind = Kind(13);
        Ouder(kind, "Aylin");
        var plan = Opp(kind, new PlanInhoud { Onderwijsbehoeften = "Rust" });
        var (verzoeken, fouten) = plan.Laatste.LegVoor(plan, Instemmingsregel.WieBeslist(kind, Vandaag), Nu, Zorgcoordinator);
        Assert.Empty(verzoeken);
        Assert.Contains(fouten, f => f.Veld == nameof(PlanInhoud.Handelingsdeel));
        Assert.Contains(fouten, f => f.Veld == nameof(PlanInhoud.Uitstroombestemming));
        Assert.Equal(PlanStatus.Concept, plan.Laatste.Status);
    }

    [Fact]
    public void Sending_freezes_the_text_and_asks_one_request_per_person()
    {
        var kind = Kind(13);
        Ouder(kind, "Aylin");
        Ouder(kind, "Bram", OuderRelatie.Vader);
        var plan = Opp(kind);
        var verzoeken = LegVoor(plan, kind);
        Assert.Equal(2, verzoeken.Count);
        Assert.All(verzoeken, v => Assert.Equal(plan.Laatste.Revisie, v.Revisie));
        Assert.Equal(PlanStatus.TerInstemming, plan.Laatste.Status);
        var fouten = plan.Laatste.Bewerk(Volledig with { Afwijkingen = "Geen Frans" }, plan.Laatste.Revisie, Nu, Zorgcoordinator);
        Assert.Equal(Planfoutcode.VerkeerdeStatus, Assert.Single(fouten).Code);
    }

    [Fact]
    public void With_all_parents_one_yes_waits_for_the_other_and_a_no_rejects()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var vader = Ouder(kind, "Bram", OuderRelatie.Vader);
        var plan = Opp(kind);
        var verzoeken = LegVoor(plan, kind);
        Assert.Equal(Instemmingsuitkomst.Open, Beslis(plan, verzoeken, moeder.OuderId, true).Uitkomst);
        Assert.Equal(PlanStatus.TerInstemming, plan.Laatste.Status);
        var (uitkomst, fout) = Beslis(plan, verzoeken, vader.OuderId, false, "Te weinig uren bijles");
        Assert.Null(fout);
        Assert.Equal(Instemmingsuitkomst.NietIngestemd, uitkomst);
        Assert.Equal(PlanStatus.NietIngestemd, plan.Laatste.Status);
        Assert.Null(plan.InWerking);
    }

    [Fact]
    public void With_one_parent_enough_the_first_yes_puts_it_in_force_and_a_later_no_is_kept_without_undoing_it()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var vader = Ouder(kind, "Bram", OuderRelatie.Vader);
        var plan = Opp(kind);
        var verzoeken = LegVoor(plan, kind);
        Assert.Equal(Instemmingsuitkomst.Ingestemd, Beslis(plan, verzoeken, moeder.OuderId, true, beleid: Instemmingsbeleid.EenOuder).Uitkomst);
        Assert.Equal(PlanStatus.Ingestemd, plan.Laatste.Status);
        Assert.Equal(Vandaag, plan.Laatste.Ingang);
        var (_, fout) = Beslis(plan, verzoeken, vader.OuderId, false, "Niet mee eens", Instemmingsbeleid.EenOuder);
        Assert.Null(fout);
        Assert.Equal(InstemmingStatus.NietIngestemd, verzoeken.Single(v => v.OuderId == vader.OuderId).Status);
        Assert.Equal(PlanStatus.Ingestemd, plan.Laatste.Status);
    }

    [Fact]
    public void The_student_of_16_must_agree_too_and_his_no_rejects_even_with_one_parent_enough()
    {
        var kind = Kind(16);
        var moeder = Ouder(kind, "Aylin");
        var plan = Opp(kind);
        var verzoeken = LegVoor(plan, kind);
        Assert.Equal(Instemmingsuitkomst.Open, Beslis(plan, verzoeken, moeder.OuderId, true, beleid: Instemmingsbeleid.EenOuder).Uitkomst);
        Assert.Equal(Instemmingsuitkomst.NietIngestemd, Beslis(plan, verzoeken, null, false, "Ik wil geen bijles", Instemmingsbeleid.EenOuder).Uitkomst);
    }

    [Fact]
    public void A_rejection_needs_a_reason_an_ouder_not_asked_is_refused_and_nobody_decides_twice()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var zonderGezag = Ouder(kind, "Carla", OuderRelatie.Verzorger, gezag: false);
        var plan = Opp(kind);
        var verzoeken = LegVoor(plan, kind);
        Assert.Equal(Planfoutcode.RedenOntbreekt, Beslis(plan, verzoeken, moeder.OuderId, false, "  \0 ").Fout!.Code);
        Assert.Equal(Planfoutcode.NietGevraagd, Beslis(plan, verzoeken, zonderGezag.OuderId, true).Fout!.Code);
        Assert.Null(Beslis(plan, verzoeken, moeder.OuderId, true).Fout);
        Assert.Equal(Planfoutcode.AlBeslist, Beslis(plan, verzoeken, moeder.OuderId, false, "toch niet").Fout!.Code);
    }

    [Fact]
    public void A_decision_on_a_revision_the_parent_did_not_see_is_refused()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var plan = Opp(kind);
        var verzoeken = LegVoor(plan, kind);
        var gezien = plan.Laatste.Revisie;
        Assert.Null(plan.Laatste.NeemTerug(verzoeken, Nu));
        Assert.All(verzoeken, v => Assert.Equal(InstemmingStatus.Vervallen, v.Status));
        Assert.Empty(plan.Laatste.Bewerk(Volledig with { Afwijkingen = "Geen Frans" }, gezien, Nu, Zorgcoordinator));
        var opnieuw = LegVoor(plan, kind);
        var alle = verzoeken.Concat(opnieuw).ToList();
        Assert.Equal(Planfoutcode.Gewijzigd, Beslis(plan, alle, moeder.OuderId, true, revisie: gezien).Fout!.Code);
        Assert.Equal(Instemmingsuitkomst.Ingestemd, Beslis(plan, alle, moeder.OuderId, true).Uitkomst);
    }

    [Fact]
    public void Two_writers_of_one_concept_conflict_instead_of_overwriting()
    {
        var plan = Opp(Kind(13));
        var versie = plan.Laatste;
        var gelezen = versie.Revisie;
        Assert.Empty(versie.Bewerk(Volledig with { Afwijkingen = "A" }, gelezen, Nu, Zorgcoordinator));
        var fout = Assert.Single(versie.Bewerk(Volledig with { Afwijkingen = "B" }, gelezen, Nu, Guid.NewGuid()));
        Assert.Equal(Planfoutcode.Gewijzigd, fout.Code);
        Assert.Equal("A", versie.Inhoud.Afwijkingen);
    }

    [Fact]
    public void Text_is_cleaned_of_control_characters_and_a_100k_paste_is_refused_with_a_Dutch_message()
    {
        var plan = Opp(Kind(13));
        Assert.Empty(plan.Laatste.Bewerk(new PlanInhoud { Onderwijsbehoeften = "Rust\0 en\u0007 structuur ", Doelen = [new("", null)] },
            plan.Laatste.Revisie, Nu, Zorgcoordinator));
        Assert.Equal("Rust en structuur", plan.Laatste.Inhoud.Onderwijsbehoeften);
        Assert.Empty(plan.Laatste.Inhoud.Doelen);
        var fouten = plan.Laatste.Bewerk(new PlanInhoud { Onderwijsbehoeften = new string('a', 100_000) }, plan.Laatste.Revisie, Nu, Zorgcoordinator);
        Assert.Contains("hoogstens", Assert.Single(fouten).Melding, StringComparison.Ordinal);
        Assert.Equal("Rust en structuur", plan.Laatste.Inhoud.Onderwijsbehoeften);
    }

    // ---- Versions ----

    [Fact]
    public void A_change_to_an_agreed_plan_is_a_new_version_and_the_old_one_stays_in_force_until_the_new_one_is_agreed()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var plan = Opp(kind);
        var eerste = LegVoor(plan, kind);
        Beslis(plan, eerste, moeder.OuderId, true);
        var v1 = plan.Laatste;
        Assert.Equal(PlanStatus.Ingestemd, v1.Status);

        var (v2, fout) = plan.NieuweVersie(eerste, Nu, Zorgcoordinator);
        Assert.Null(fout);
        Assert.Equal(2, v2!.Nummer);
        Assert.Equal(v1.Inhoud.Handelingsdeel, v2.Inhoud.Handelingsdeel);
        Assert.Empty(v2.Bewerk(v2.Inhoud with { Handelingsdeel = [new("Bijles wiskunde", "vakdocent", "1× per week", null)] }, v2.Revisie, Nu, Zorgcoordinator));
        Assert.True(v2.Inhoud.HandelingsdeelVerschiltVan(v1.Inhoud));
        Assert.Same(v1, plan.InWerking);

        var tweede = LegVoor(plan, kind);
        Assert.Same(v1, plan.InWerking);
        Beslis(plan, eerste.Concat(tweede).ToList(), moeder.OuderId, true);
        Assert.Same(v2, plan.InWerking);
        Assert.Equal(PlanStatus.Vervangen, v1.Status);
        Assert.Equal(Vandaag, v1.VervangenOp);
    }

    [Fact]
    public void Only_one_version_is_open_at_a_time_and_a_rejected_one_is_followed_by_a_new_version()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var plan = Opp(kind);
        Assert.Equal(Planfoutcode.VerkeerdeStatus, plan.NieuweVersie([], Nu, Zorgcoordinator).Fout!.Code);
        var verzoeken = LegVoor(plan, kind);
        Assert.Equal(Planfoutcode.VerkeerdeStatus, plan.NieuweVersie(verzoeken, Nu, Zorgcoordinator).Fout!.Code);
        Beslis(plan, verzoeken, moeder.OuderId, false, "Niet eens");
        var (v2, fout) = plan.NieuweVersie(verzoeken, Nu, Zorgcoordinator);
        Assert.Null(fout);
        Assert.Equal(PlanStatus.Concept, v2!.Status);
    }

    [Fact]
    public void An_agreed_version_goes_in_uitvoering_is_evaluated_and_stays_in_force_until_the_plan_ends()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var plan = Opp(kind);
        var verzoeken = LegVoor(plan, kind);
        Beslis(plan, verzoeken, moeder.OuderId, true);
        var versie = plan.Laatste;
        Assert.Null(versie.StartUitvoering());
        Assert.Equal(PlanStatus.InUitvoering, versie.Status);
        Assert.NotNull(versie.Evalueer("", Vandaag, Vandaag));
        Assert.NotNull(versie.Evalueer("Goed", Vandaag.AddDays(1), Vandaag));
        Assert.Null(versie.Evalueer("Doelen deels bereikt; ouders en Sam tevreden.", Vandaag, Vandaag));
        Assert.Equal(PlanStatus.Geevalueerd, versie.Status);
        Assert.Same(versie, plan.InWerking);
        Assert.Equal(Planfoutcode.RedenOntbreekt, plan.Beeindig("", Vandaag, Vandaag, verzoeken, Nu)!.Code);
        Assert.Null(plan.Beeindig("Sam heeft geen extra ondersteuning meer nodig.", Vandaag, Vandaag, verzoeken, Nu));
        Assert.Null(plan.InWerking);
        Assert.Equal(PlanStatus.Beeindigd, versie.Status);
    }

    [Fact]
    public void A_handelingsplan_is_adopted_without_instemming_and_cannot_be_sent()
    {
        var kind = Kind(13);
        Ouder(kind, "Aylin");
        var plan = Opp(kind, new PlanInhoud
        {
            Doelen = [new Onderwijsdoel("Op tijd komen", "Dagelijks melden bij de mentor")],
            Handelingsdeel = [new Ondersteuningsregel("Melden", "mentor", "dagelijks", null)],
            Evaluatiedatum = Vandaag.AddMonths(2),
        }, PlanSoort.Handelingsplan);
        var (_, fouten) = plan.Laatste.LegVoor(plan, Instemmingsregel.WieBeslist(kind, Vandaag), Nu, Zorgcoordinator);
        Assert.Equal(Planfoutcode.VerkeerdeStatus, Assert.Single(fouten).Code);
        Assert.Empty(plan.Laatste.StelVast(plan, Nu));
        Assert.Equal(PlanStatus.InUitvoering, plan.Laatste.Status);
        Assert.Same(plan.Laatste, plan.InWerking);
    }

    [Fact]
    public void A_student_has_one_running_plan_of_a_kind()
    {
        var (plan, fout) = Plan.Start(Kind(13), PlanSoort.Opp, Vandaag, Volledig, lopend: true, Vandaag, Nu, Zorgcoordinator);
        Assert.Null(plan);
        Assert.Equal(Planfoutcode.VerkeerdeStatus, fout!.Code);
        Assert.NotNull(Plan.Start(Kind(13), PlanSoort.Opp, Vandaag.AddDays(1), Volledig, lopend: false, Vandaag, Nu, Zorgcoordinator).Fout);
    }

    // ---- Deadlines ----

    [Fact]
    public void An_opp_is_due_six_weeks_after_it_became_necessary_until_a_version_takes_effect()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var plan = Opp(kind);
        Assert.Equal(plan.NodigSinds.AddDays(42), plan.Termijnen(Vandaag).VaststellenUiterlijk);
        Assert.False(plan.Termijnen(Vandaag).IsVerlopen(Vandaag));
        Assert.True(plan.Termijnen(Vandaag).IsVerlopen(plan.NodigSinds.AddDays(43)));
        var verzoeken = LegVoor(plan, kind);
        Assert.Equal(Vandaag.AddDays(14), plan.Termijnen(Vandaag).InstemmingOpenTot);
        Beslis(plan, verzoeken, moeder.OuderId, true);
        var termijnen = plan.Termijnen(Vandaag);
        Assert.Null(termijnen.VaststellenUiterlijk);
        Assert.Null(termijnen.InstemmingOpenTot);
        Assert.Equal(Volledig.Evaluatiedatum, termijnen.EvaluerenUiterlijk);
    }

    [Fact]
    public void The_evaluation_is_due_at_the_latest_a_year_after_the_version_took_effect_or_was_last_evaluated()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var plan = Opp(kind, Volledig with { Evaluatiedatum = Vandaag.AddYears(3) });
        Beslis(plan, LegVoor(plan, kind), moeder.OuderId, true);
        Assert.Equal(Vandaag.AddYears(1), plan.Termijnen(Vandaag).EvaluerenUiterlijk);
        plan.Laatste.Evalueer("Goed verlopen", Vandaag, Vandaag);
        Assert.Equal(Vandaag.AddYears(1), plan.Termijnen(Vandaag).EvaluerenUiterlijk);
    }

    [Fact]
    public void An_evaluation_after_the_planned_date_moves_the_next_deadline_to_a_year_later()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var plan = Opp(kind, Volledig with { Evaluatiedatum = Vandaag.AddDays(-1) });
        Beslis(plan, LegVoor(plan, kind), moeder.OuderId, true);
        Assert.True(plan.Termijnen(Vandaag).IsVerlopen(Vandaag.AddDays(1)));
        Assert.Null(plan.Laatste.Evalueer("Besproken met ouders en leerling.", Vandaag, Vandaag));
        Assert.Equal(Vandaag.AddYears(1), plan.Termijnen(Vandaag).EvaluerenUiterlijk);
        Assert.False(plan.Termijnen(Vandaag).IsVerlopen(Vandaag.AddDays(1)));
    }

    // ---- Overleg ----

    [Fact]
    public void A_rejection_opens_an_overleg_that_is_closed_with_its_report()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var plan = Opp(kind);
        var verzoeken = LegVoor(plan, kind);
        Beslis(plan, verzoeken, moeder.OuderId, false, "Te weinig bijles");
        var overleg = Planoverleg.Open(verzoeken.Single(), Nu);
        Assert.Equal("Te weinig bijles", overleg.Aanleiding);
        Assert.NotNull(overleg.SluitAf(Vandaag, " ", Vandaag, Nu, Zorgcoordinator));
        Assert.NotNull(overleg.SluitAf(Vandaag.AddDays(1), "Gesprek", Vandaag, Nu, Zorgcoordinator));
        Assert.Null(overleg.SluitAf(Vandaag, "Moeder, mentor en zorgcoördinator: bijles naar 2× per week.", Vandaag, Nu, Zorgcoordinator));
        Assert.True(overleg.IsAfgesloten);
        Assert.Contains("Geschillencommissie Passend Onderwijs", Planoverleg.Geschillenroute, StringComparison.Ordinal);
    }

    // ---- Consent through the portal ----

    [Fact]
    public void A_consent_request_goes_to_an_ouder_with_gezag_and_giving_it_records_a_portal_consent()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var zonderGezag = Ouder(kind, "Carla", OuderRelatie.Verzorger, gezag: false);
        var (geweigerd, fouten) = Toestemmingsverzoek.Vraag(kind, zonderGezag.OuderId, ToestemmingDoel.IbBegeleiding, null, "Begeleiding", null, Vandaag, Nu, Zorgcoordinator);
        Assert.Null(geweigerd);
        Assert.Contains(fouten, f => f.Veld == ToestemmingVeld.Wie);
        var (verzoek, _) = Toestemmingsverzoek.Vraag(kind, moeder.OuderId, ToestemmingDoel.IbBegeleiding, null, "Begeleiding door de IB'er", null, Vandaag, Nu, Zorgcoordinator);
        var (toestemming, geen) = verzoek!.Geef(kind, Vandaag, Nu, Guid.NewGuid());
        Assert.Empty(geen);
        Assert.Equal(ToestemmingWijze.Portaal, toestemming!.Wijze);
        Assert.Equal(moeder.OuderId, toestemming.OuderId);
        Assert.True(toestemming.IsGeldigOp(Vandaag));
        Assert.Equal(VerzoekStatus.Gegeven, verzoek.Status);
        Assert.NotNull(verzoek.Weiger("toch niet", Nu));
    }

    [Fact]
    public void A_refused_request_keeps_the_optional_reason_and_is_not_answered_again()
    {
        var kind = Kind(13);
        var moeder = Ouder(kind, "Aylin");
        var (verzoek, _) = Toestemmingsverzoek.Vraag(kind, moeder.OuderId, ToestemmingDoel.DelenMetPartner, "GGD", "Delen met de GGD", null, Vandaag, Nu, Zorgcoordinator);
        Assert.Null(verzoek!.Weiger(null, Nu));
        Assert.Equal(VerzoekStatus.Geweigerd, verzoek.Status);
        Assert.NotEmpty(verzoek.Geef(kind, Vandaag, Nu, Guid.NewGuid()).Fouten);
    }

    [Fact]
    public void An_integrated_plan_cleans_its_jeugdhulp_part_and_needs_the_partner_the_help_and_how_they_work_together()
    {
        var (leeg, _) = (Volledig with { Jeugdhulp = new Jeugdhulpdeel { Hulp = "  ", Regie = "\0" } }).Schoon();
        Assert.Null(leeg.Jeugdhulp);

        var (schoon, fouten) = (Volledig with { Jeugdhulp = new Jeugdhulpdeel { Organisatie = " Wijkteam Ede\0 ", Hulp = "Opvoedondersteuning\u0007 thuis" } }).Schoon();
        Assert.Empty(fouten);
        Assert.Equal("Wijkteam Ede", schoon.Jeugdhulp!.Organisatie);
        Assert.Equal("Opvoedondersteuning thuis", schoon.Jeugdhulp.Hulp);
        var onvolledig = schoon.Onvolledig(PlanSoort.Opp);
        Assert.Equal([nameof(Jeugdhulpdeel.Afstemming)], onvolledig.Select(f => f.Veld));
        Assert.Contains("school en jeugdhulp elkaar versterken", onvolledig[0].Melding, StringComparison.Ordinal);
        Assert.Empty((schoon with { Jeugdhulp = schoon.Jeugdhulp with { Afstemming = "Elke zes weken overleg met de brugfunctionaris." } }).Onvolledig(PlanSoort.Opp));

        var (_, teLang) = (Volledig with { Jeugdhulp = new Jeugdhulpdeel { Hulp = new string('x', 100_000) } }).Schoon();
        Assert.Contains(teLang, f => f.Veld == nameof(Jeugdhulpdeel.Hulp) && f.Melding.Contains("hoogstens 8.000 tekens", StringComparison.Ordinal));
        // The jeugdhulp part is not what the parents consent to: changing it alone keeps the handelingsdeel the same.
        Assert.False((Volledig with { Jeugdhulp = new Jeugdhulpdeel { Hulp = "Gezinscoach" } }).HandelingsdeelVerschiltVan(Volledig));
    }

    [Theory]
    [InlineData(PartnerFunctie.Brugfunctionaris, true)]
    [InlineData(PartnerFunctie.Jeugdhulp, true)]
    [InlineData(PartnerFunctie.Schoolmaatschappelijkwerker, true)]
    [InlineData(PartnerFunctie.Ggz, true)]
    [InlineData(PartnerFunctie.Leerplichtambtenaar, false)]
    [InlineData(PartnerFunctie.Preventiemedewerker, false)]
    [InlineData(PartnerFunctie.OrthopedagoogSwv, false)]
    public void Help_at_home_comes_from_the_wijkteam_jeugdhulp_smw_ggz_and_the_youth_nurse_not_from_leerplicht(PartnerFunctie functie, bool jeugdhulp)
    {
        Assert.Equal(jeugdhulp, PartnerFuncties.IsJeugdhulp(functie));
        Assert.DoesNotMatch("^[A-Z][a-z]+[A-Z]", PartnerFuncties.Weergave(functie));
    }
}
