using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;

namespace Leerlingzorg.Domain.Tests;

public sealed class BesprekingTests
{
    // Tuesday 1 December 2026.
    private static readonly DateOnly Vandaag = new(2026, 12, 1);
    private static readonly DateTimeOffset Nu = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid Zoco = Guid.NewGuid();
    private static readonly Guid Klas = Guid.NewGuid();

    private static BesprekingPlan PlanVoor(BesprekingSoort soort = BesprekingSoort.Leerlingbespreking, DateOnly? datum = null,
        IReadOnlyList<Guid>? klassen = null, DateOnly? deadline = null, TimeOnly? einde = null) =>
        new(soort, null, datum ?? Vandaag.AddDays(13), new TimeOnly(15, 30), einde, "Lokaal 2.14", Zoco, klassen ?? [Klas], [], [], deadline);

    // ---- Planning ----

    [Fact]
    public void A_leerlingbespreking_gets_the_chair_as_participant_and_the_forms_due_two_school_days_before()
    {
        // Monday 14 December: the forms are due on Thursday 10 December.
        var b = Bespreking.Plan(PlanVoor(), Vandaag, Zoco, Nu);
        Assert.Equal(new DateOnly(2026, 12, 10), b.InventarisatieDeadline);
        Assert.Equal(BesprekingStatus.Gepland, b.Status);
        Assert.Single(b.Deelnemers, d => d.GebruikerId == Zoco);
        Assert.Single(b.Klassen, k => k.KlasId == Klas);
        Assert.Equal("Lokaal 2.14", b.Plaats);
        Assert.Equal("Leerlingbespreking", b.Naam);
    }

    [Fact]
    public void Only_a_leerlingbespreking_asks_for_inventarisatieformulieren()
    {
        Assert.Null(Bespreking.Plan(PlanVoor(BesprekingSoort.Klassenbespreking), Vandaag, Zoco, Nu).InventarisatieDeadline);
        Assert.Null(Bespreking.Plan(PlanVoor(BesprekingSoort.Ondersteuningsteam, klassen: []), Vandaag, Zoco, Nu).InventarisatieDeadline);
        Assert.All(Enum.GetValues<BesprekingSoort>(), s => Assert.Equal(s == BesprekingSoort.Leerlingbespreking, s.VraagtInventarisatie()));
    }

    [Fact]
    public void The_default_deadline_is_never_before_today()
    {
        Assert.Equal(Vandaag, Bespreking.StandaardDeadline(Vandaag.AddDays(1), Vandaag));
        // Monday 7 December: two school days before is Thursday 3 December.
        Assert.Equal(new DateOnly(2026, 12, 3), Bespreking.StandaardDeadline(new DateOnly(2026, 12, 7), Vandaag));
    }

    [Fact]
    public void A_meeting_in_the_past_is_refused_with_a_Dutch_message_on_the_date()
    {
        var fouten = Bespreking.Controleer(PlanVoor(datum: Vandaag.AddDays(-1)), Vandaag);
        var fout = Assert.Single(fouten);
        Assert.Equal(nameof(BesprekingPlan.Datum), fout.Veld);
        Assert.Contains("verleden", fout.Melding);
        Assert.Throws<ArgumentException>(() => Bespreking.Plan(PlanVoor(datum: Vandaag.AddDays(-1)), Vandaag, Zoco, Nu));
        Assert.Empty(Bespreking.Controleer(PlanVoor(datum: Vandaag), Vandaag));
    }

    [Fact]
    public void A_meeting_per_class_needs_a_class_and_an_end_after_the_start()
    {
        var fouten = Bespreking.Controleer(PlanVoor(klassen: [], einde: new TimeOnly(15, 0)), Vandaag);
        Assert.Contains(fouten, f => f.Veld == nameof(BesprekingPlan.KlasIds) && f.Melding.Contains("klas"));
        Assert.Contains(fouten, f => f.Veld == nameof(BesprekingPlan.Einde));
        Assert.Empty(Bespreking.Controleer(PlanVoor(BesprekingSoort.TdoZat, klassen: []), Vandaag));
    }

    [Fact]
    public void The_forms_deadline_lies_between_today_and_the_meeting()
    {
        Assert.Contains(Bespreking.Controleer(PlanVoor(deadline: Vandaag.AddDays(20)), Vandaag),
            f => f.Veld == nameof(BesprekingPlan.InventarisatieDeadline) && f.Melding.Contains("na de bespreking"));
        Assert.Contains(Bespreking.Controleer(PlanVoor(deadline: Vandaag.AddDays(-1)), Vandaag),
            f => f.Veld == nameof(BesprekingPlan.InventarisatieDeadline) && f.Melding.Contains("verleden"));
        Assert.Equal(Vandaag.AddDays(5), Bespreking.Plan(PlanVoor(deadline: Vandaag.AddDays(5)), Vandaag, Zoco, Nu).InventarisatieDeadline);
    }

    [Fact]
    public void Titles_and_places_are_cleaned_and_bounded()
    {
        var plan = PlanVoor() with { Titel = "  Leerlingbespreking\0 2B  ", Plaats = new string('x', Bespreking.MaxPlaats + 1) };
        Assert.Contains(Bespreking.Controleer(plan, Vandaag), f => f.Veld == nameof(BesprekingPlan.Plaats));
        var b = Bespreking.Plan(plan with { Plaats = "  " }, Vandaag, Zoco, Nu);
        Assert.Equal("Leerlingbespreking 2B", b.Titel?.Replace("  ", " "));
        Assert.Null(b.Plaats);
    }

    [Fact]
    public void The_care_teams_meetings_are_planned_by_the_zorgcoordinator_only()
    {
        Assert.True(Bespreking.MagPlannen(BesprekingSoort.TdoZat, isZorgcoordinator: true, isCoordinator: false));
        Assert.False(Bespreking.MagPlannen(BesprekingSoort.TdoZat, isZorgcoordinator: false, isCoordinator: true));
        Assert.False(Bespreking.MagPlannen(BesprekingSoort.Ondersteuningsteam, isZorgcoordinator: false, isCoordinator: true));
        Assert.True(Bespreking.MagPlannen(BesprekingSoort.Leerlingbespreking, isZorgcoordinator: false, isCoordinator: true));
        Assert.False(Bespreking.MagPlannen(BesprekingSoort.Leerlingbespreking, isZorgcoordinator: false, isCoordinator: false));
    }

    [Fact]
    public void A_series_repeats_every_n_weeks_within_the_schooljaar()
    {
        var dagen = Bespreking.Serie(new DateOnly(2026, 12, 14), 8, new DateOnly(2027, 12, 31));
        Assert.Equal([new(2026, 12, 14), new(2027, 2, 8), new(2027, 4, 5), new(2027, 5, 31), new(2027, 7, 26)], dagen);
        Assert.Single(Bespreking.Serie(new DateOnly(2026, 12, 14), 8, new DateOnly(2026, 12, 14)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bespreking.Serie(Vandaag, 0, Vandaag));
        Assert.True(Bespreking.Serie(new DateOnly(2026, 8, 3), 1, new DateOnly(2027, 7, 31)).Count <= Bespreking.MaxSerie);
    }

    [Fact]
    public void A_meeting_is_opened_closed_once_and_cancelled_only_before_it_opens()
    {
        var b = Bespreking.Plan(PlanVoor(), Vandaag, Zoco, Nu);
        b.Open();
        Assert.Throws<InvalidOperationException>(b.Open);
        Assert.Throws<InvalidOperationException>(b.Annuleer);
        b.SluitAf(Nu);
        Assert.Equal(BesprekingStatus.Afgesloten, b.Status);
        Assert.Throws<InvalidOperationException>(() => b.SluitAf(Nu));
        var c = Bespreking.Plan(PlanVoor(), Vandaag, Zoco, Nu);
        c.Annuleer();
        Assert.False(c.IsOpen);
    }

    // ---- The four questions, concurrency ----

    [Fact]
    public void Two_participants_editing_the_same_student_the_second_gets_a_conflict_and_nothing_is_overwritten()
    {
        var b = Bespreking.Plan(PlanVoor(), Vandaag, Zoco, Nu);
        var punt = new Agendapunt { BesprekingId = b.Id, LeerlingId = Guid.NewGuid() };
        var versie = punt.Versie;
        Assert.Equal(Bewerking.Opgeslagen, punt.Bewerk(b, new("Sociaal sterk", "Huiswerk", null, null), versie, Zoco, Nu));
        Assert.Equal(Bewerking.Conflict, punt.Bewerk(b, new("Anders", null, null, null), versie, Guid.NewGuid(), Nu));
        Assert.Equal("Sociaal sterk", punt.WatGaatGoed);
        Assert.Equal("Huiswerk", punt.Probleem);
        Assert.True(punt.Besproken);
        Assert.Equal(Bewerking.Ongewijzigd, punt.Bewerk(b, new(" Sociaal sterk ", "Huiswerk\0", null, null), punt.Versie, Zoco, Nu));
    }

    [Fact]
    public void A_closed_meeting_takes_no_more_edits()
    {
        var b = Bespreking.Plan(PlanVoor(), Vandaag, Zoco, Nu);
        var punt = new Agendapunt { BesprekingId = b.Id, LeerlingId = Guid.NewGuid() };
        b.SluitAf(Nu);
        Assert.Equal(Bewerking.Gesloten, punt.Bewerk(b, new("x", null, null, null), punt.Versie, Zoco, Nu));
        Assert.Null(punt.WatGaatGoed);
    }

    // ---- TDO/ZAT consent ----

    [Fact]
    public void In_the_ZAT_a_student_is_discussed_by_name_only_with_consent_of_every_ouder_with_gezag()
    {
        var kind = new Leerling { Leerlingnummer = "1", Voornaam = "Sam", Achternaam = "de Vries", Geboortedatum = Vandaag.AddYears(-14) };
        var ouder = new Ouder { Voornaam = "Ans", Achternaam = "de Vries" };
        kind.Ouders.Add(new LeerlingOuder { LeerlingId = kind.Id, OuderId = ouder.Id, Ouder = ouder, Relatie = OuderRelatie.Moeder, Gezag = true });
        Assert.False(Agendapunt.MagBijNaam(BesprekingSoort.TdoZat, kind, [], Vandaag));
        Assert.True(Agendapunt.MagBijNaam(BesprekingSoort.Ondersteuningsteam, kind, [], Vandaag));
        var toestemming = Toestemming.Geef(kind,
            new Toestemmingsgegevens(ToestemmingDoel.BesprekingZat, ouder.Id, ToestemmingWijze.Schriftelijk, Vandaag.AddDays(-3), null, null), Vandaag, Nu, Zoco);
        Assert.True(Agendapunt.MagBijNaam(BesprekingSoort.TdoZat, kind, [toestemming], Vandaag));
    }

    // ---- Agenda order ----

    [Fact]
    public void The_prepared_agenda_puts_students_with_concerns_first_most_concerns_first_then_the_rest_by_name()
    {
        Agendakandidaat K(string naam, int zorg = 0, int aandacht = 0, bool vraag = false, int afspraken = 0) =>
            new(Guid.NewGuid(), naam, "X", zorg, aandacht, vraag, afspraken);
        var volgorde = Agendavolgorde.Voorstel([
            K("Aydin"), K("Bakker", aandacht: 3), K("de Wit", zorg: 1), K("Jansen", zorg: 4), K("Meijer", vraag: true), K("Visser", afspraken: 1),
        ]).Select(k => k.Achternaam);
        Assert.Equal(["Meijer", "Jansen", "de Wit", "Visser", "Bakker", "Aydin"], volgorde);
    }

    [Fact]
    public void The_chair_reorders_and_the_agenda_is_numbered_again()
    {
        var agenda = Enumerable.Range(1, 4).Select(i => new Agendapunt { LeerlingId = Guid.NewGuid(), Volgorde = i }).ToList();
        var laatste = agenda[3];
        Agendavolgorde.Verplaats(agenda, 3, 0);
        Assert.Same(laatste, agenda[0]);
        Assert.Equal([1, 2, 3, 4], agenda.Select(a => a.Volgorde));
        Assert.Throws<ArgumentOutOfRangeException>(() => Agendavolgorde.Verplaats(agenda, 0, 4));
    }

    // ---- Inventarisatie ----

    [Fact]
    public void A_form_after_its_deadline_is_accepted_and_marked_late()
    {
        var op = new Inventarisatie { Deadline = Vandaag };
        Assert.False(op.IsVerlopen(Vandaag));
        Assert.False(op.LeverIn(Vandaag, Nu));
        var laat = new Inventarisatie { Deadline = Vandaag.AddDays(-1) };
        Assert.True(laat.IsVerlopen(Vandaag));
        Assert.True(laat.LeverIn(Vandaag, Nu));
        Assert.True(laat.IsIngeleverd);
        Assert.False(laat.IsVerlopen(Vandaag));
        // Handing in again changes nothing: the first moment counts.
        Assert.True(laat.LeverIn(Vandaag.AddDays(3), Nu.AddDays(3)));
        Assert.Equal(Nu, laat.IngeleverdOp);
    }

    [Fact]
    public void The_chair_reminds_a_docent_once_a_day_and_not_after_he_handed_in()
    {
        var form = new Inventarisatie { Deadline = Vandaag };
        Assert.True(form.MagHerinneren(Nu));
        form.Herinner(Nu);
        Assert.False(form.MagHerinneren(Nu.AddHours(3)));
        Assert.Throws<InvalidOperationException>(() => form.Herinner(Nu.AddHours(3)));
        Assert.True(form.MagHerinneren(Nu.AddDays(1)));
        form.LeverIn(Vandaag, Nu.AddDays(1));
        Assert.False(form.MagHerinneren(Nu.AddDays(2)));
    }

    [Fact]
    public void A_row_sets_and_clears_judgements_and_keeps_a_clean_bounded_remark()
    {
        var regel = new InventarisatieRegel();
        Assert.False(regel.IsIngevuld);
        Assert.True(regel.Zet(Aspect.Gedrag, Oordeel.Aandacht, Nu));
        Assert.False(regel.Zet(Aspect.Gedrag, Oordeel.Aandacht, Nu));
        Assert.Equal(Oordeel.Aandacht, regel.Van(Aspect.Gedrag));
        Assert.True(regel.Zet(Aspect.Gedrag, null, Nu));
        Assert.False(regel.IsIngevuld);
        Assert.Throws<ArgumentOutOfRangeException>(() => regel.Zet(Aspect.Werkhouding, (Oordeel)9, Nu));
        Assert.True(regel.Noteer(" Vaak\0 moe ", Nu));
        Assert.Equal("Vaak moe", regel.Opmerking);
        Assert.Throws<ArgumentException>(() => regel.Noteer(new string('x', InventarisatieRegel.MaxOpmerking + 1), Nu));
        Assert.Equal("Vaak moe", regel.Opmerking);
    }

    [Fact]
    public void The_forms_of_one_student_read_at_a_glance()
    {
        InventarisatieRegel R(Oordeel? werkhouding = null, Oordeel? gedrag = null, Oordeel? resultaten = null) =>
            new() { Werkhouding = werkhouding, Gedrag = gedrag, Resultaten = resultaten };
        var beeld = Inventarisatiebeeld.Van([
            R(Oordeel.Zorg), R(Oordeel.Zorg, Oordeel.Aandacht), R(Oordeel.Zorg, resultaten: Oordeel.Aandacht), R(Oordeel.Zorg, Oordeel.Zorg), R(),
        ]);
        Assert.Equal(4, beeld.AantalDocenten);
        Assert.Equal(5, beeld.AantalZorg);
        Assert.Equal("4 docenten: zorg over werkhouding (4), gedrag (1); aandacht voor gedrag (1), resultaten (1)", beeld.Samenvatting());
        Assert.Equal("1 docent: geen zorgen", Inventarisatiebeeld.Van([R(Oordeel.Goed)]).Samenvatting());
        Assert.Equal("Nog geen formulieren", Inventarisatiebeeld.Van([]).Samenvatting());
    }

    // ---- Who takes part ----

    [Fact]
    public void The_chair_planner_and_zorgcoordinator_organise_participants_take_part_and_others_see_nothing()
    {
        var deelnemer = Guid.NewGuid();
        var planner = Guid.NewGuid();
        var b = Bespreking.Plan(PlanVoor() with { DeelnemerIds = [deelnemer] }, Vandaag, planner, Nu);
        Assert.Equal(Besprekingsrol.Organisator, b.RolVan(Zoco, isZorgcoordinator: false));
        Assert.Equal(Besprekingsrol.Organisator, b.RolVan(planner, isZorgcoordinator: false));
        Assert.Equal(Besprekingsrol.Organisator, b.RolVan(Guid.NewGuid(), isZorgcoordinator: true));
        Assert.Equal(Besprekingsrol.Deelnemer, b.RolVan(deelnemer, isZorgcoordinator: false));
        Assert.Equal(Besprekingsrol.Geen, b.RolVan(Guid.NewGuid(), isZorgcoordinator: false));
        var zichtbaar = Bespreking.ZichtbaarVoor(deelnemer, false).Compile();
        Assert.True(zichtbaar(b));
        Assert.False(Bespreking.ZichtbaarVoor(Guid.NewGuid(), false).Compile()(b));
    }

    [Fact]
    public void Planning_a_leerlingbespreking_asks_one_form_of_every_docent_of_its_classes()
    {
        var b = Bespreking.Plan(PlanVoor(), Vandaag, Zoco, Nu);
        var (docent, ander, andereKlas) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var formulieren = Inventarisatie.Uitzetten(b, [(Klas, docent), (Klas, docent), (Klas, ander), (andereKlas, Guid.NewGuid())]);
        Assert.Equal(2, formulieren.Count);
        Assert.All(formulieren, f => Assert.Equal(b.InventarisatieDeadline, f.Deadline));
        Assert.Equal([docent, ander], formulieren.Select(f => f.DocentId));
        Assert.Empty(Inventarisatie.Uitzetten(Bespreking.Plan(PlanVoor(BesprekingSoort.Klassenbespreking), Vandaag, Zoco, Nu), [(Klas, docent)]));
    }

    [Fact]
    public void The_chair_marks_a_part_vertrouwelijk_while_the_meeting_is_open_zorg_by_default()
    {
        var b = Bespreking.Plan(PlanVoor(), Vandaag, Zoco, Nu);
        var punt = new Agendapunt { BesprekingId = b.Id, LeerlingId = Guid.NewGuid() };
        Assert.Equal(Vertrouwelijkheid.Zorg, punt.Vertrouwelijkheid);
        var versie = punt.Versie;
        Assert.True(punt.Markeer(b, Vertrouwelijkheid.Vertrouwelijk));
        Assert.False(punt.Markeer(b, Vertrouwelijkheid.Vertrouwelijk));
        Assert.Equal(versie + 1, punt.Versie);
        b.SluitAf(Nu);
        Assert.Throws<InvalidOperationException>(() => punt.Markeer(b, Vertrouwelijkheid.Zorg));
        Assert.Equal(Vertrouwelijkheid.Vertrouwelijk, punt.Vertrouwelijkheid);
    }

    [Fact]
    public void A_klassenbespreking_keeps_clean_bounded_notes_on_the_class_until_it_closes()
    {
        var b = Bespreking.Plan(PlanVoor(BesprekingSoort.Klassenbespreking), Vandaag, Zoco, Nu);
        Assert.True(b.NoteerKlas(" Rustige klas;\0 twee leerlingen vallen stil. "));
        Assert.Equal("Rustige klas; twee leerlingen vallen stil.", b.Klasnotities);
        Assert.False(b.NoteerKlas("Rustige klas; twee leerlingen vallen stil."));
        Assert.Throws<ArgumentException>(() => b.NoteerKlas(new string('x', Bespreking.MaxKlasnotities + 1)));
        b.SluitAf(Nu);
        Assert.Throws<InvalidOperationException>(() => b.NoteerKlas("later"));
        Assert.Throws<InvalidOperationException>(() => Bespreking.Plan(PlanVoor(), Vandaag, Zoco, Nu).NoteerKlas("x"));
    }
}
