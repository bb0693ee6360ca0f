using Leerlingzorg.Domain.Aanmeldingen;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;

namespace Leerlingzorg.Domain.Tests;

/// <summary>PM 0, the zorgplicht (issue 12): six weeks, once four more with a reason, the decision and the first step on the ladder.</summary>
public sealed class AanmeldingTests
{
    private static readonly Guid School = Guid.NewGuid();
    private static readonly Guid Door = Guid.NewGuid();
    private static readonly DateOnly Ontvangen = new(2026, 3, 2);
    private static readonly DateTimeOffset Nu = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    private static Aanmelding Nieuw(DateOnly? ontvangen = null)
    {
        var (aanmelding, fout) = Aanmelding.Registreer(School,
            new NieuweAanmelding("Sem", "de", "Vries", new DateOnly(2014, 5, 1), "Basisschool De Wilg", "Moeder: A. de Vries, 06-12345678",
                "Dyslexie; vraagt om extra tijd bij toetsen.", ontvangen ?? Ontvangen), Ontvangen.AddDays(100), Nu, Door);
        Assert.Null(fout);
        return aanmelding!;
    }

    [Fact]
    public void The_deadline_is_six_calendar_weeks_after_receipt_weekends_and_holidays_included()
    {
        var aanmelding = Nieuw();
        Assert.Equal(new DateOnly(2026, 4, 13), aanmelding.Beslistermijn);
        Assert.Equal(42, aanmelding.DagenTot(Ontvangen));
        Assert.False(aanmelding.IsTermijnVerlopen(new DateOnly(2026, 4, 13)));
        Assert.True(aanmelding.IsTermijnVerlopen(new DateOnly(2026, 4, 14)));
        Assert.Equal(-1, aanmelding.DagenTot(new DateOnly(2026, 4, 14)));
    }

    [Fact]
    public void Close_and_overdue_open_aanmeldingen_are_urgent()
    {
        var aanmelding = Nieuw();
        Assert.False(aanmelding.IsDringend(new DateOnly(2026, 4, 5)));
        Assert.True(aanmelding.IsDringend(new DateOnly(2026, 4, 6)));
        Assert.True(aanmelding.IsDringend(new DateOnly(2026, 5, 1)));
    }

    [Fact]
    public void One_extension_adds_four_weeks_and_needs_a_reason()
    {
        var aanmelding = Nieuw();
        var zonder = aanmelding.Verleng("  ", new DateOnly(2026, 4, 1), Door);
        Assert.NotNull(zonder);
        Assert.Contains("reden", zonder.Melding, StringComparison.Ordinal);
        Assert.False(aanmelding.IsVerlengd);

        Assert.Null(aanmelding.Verleng("Wachten op het onderzoeksverslag van de orthopedagoog.", new DateOnly(2026, 4, 1), Door));
        Assert.True(aanmelding.IsVerlengd);
        Assert.Equal(new DateOnly(2026, 5, 11), aanmelding.Beslistermijn);
        Assert.Equal("Wachten op het onderzoeksverslag van de orthopedagoog.", aanmelding.Verlengingsreden);
    }

    [Fact]
    public void A_second_extension_is_refused_in_Dutch_and_the_first_stays()
    {
        var aanmelding = Nieuw();
        Assert.Null(aanmelding.Verleng("Verslag komt later.", new DateOnly(2026, 4, 1), Door));
        var fout = aanmelding.Verleng("Nog meer tijd nodig.", new DateOnly(2026, 4, 20), Door);
        Assert.NotNull(fout);
        Assert.Contains("maar één verlenging", fout.Melding, StringComparison.Ordinal);
        Assert.Contains("11 mei 2026", fout.Melding, StringComparison.Ordinal);
        Assert.Equal("Verslag komt later.", aanmelding.Verlengingsreden);
        Assert.Equal(new DateOnly(2026, 4, 1), aanmelding.VerlengdOp);
        Assert.Equal(new DateOnly(2026, 5, 11), aanmelding.Beslistermijn);
    }

    [Fact]
    public void An_extension_after_the_six_weeks_is_refused()
    {
        var aanmelding = Nieuw();
        var fout = aanmelding.Verleng("Te laat bedacht.", new DateOnly(2026, 4, 14), Door);
        Assert.NotNull(fout);
        Assert.Contains("verstreken", fout.Melding, StringComparison.Ordinal);
        Assert.False(aanmelding.IsVerlengd);
    }

    [Fact]
    public void Not_placed_requires_the_other_school_agreed_with_parents_and_SWV()
    {
        var aanmelding = Nieuw();
        var vandaag = new DateOnly(2026, 4, 1);
        var zonderSchool = aanmelding.Beslis(new Besluitinvoer(Aanmeldingsbesluit.NietGeplaatst, vandaag, null, null, " ", "Met ouders en SWV besproken"), vandaag, Door);
        Assert.Equal(nameof(Aanmelding.AndereSchool), zonderSchool?.Veld);
        var zonderAfspraak = aanmelding.Beslis(new Besluitinvoer(Aanmeldingsbesluit.NietGeplaatst, vandaag, null, null, "SO De Brug", null), vandaag, Door);
        Assert.Equal(nameof(Aanmelding.AfspraakAndereSchool), zonderAfspraak?.Veld);
        Assert.True(aanmelding.IsOpen);

        Assert.Null(aanmelding.Beslis(new Besluitinvoer(Aanmeldingsbesluit.NietGeplaatst, vandaag, null, "Past niet bij ons aanbod", "SO De Brug",
            "Overleg met ouders en SWV op 30 maart; TLV aangevraagd."), vandaag, Door));
        Assert.Equal(AanmeldingStatus.Besloten, aanmelding.Status);
        Assert.Equal("SO De Brug", aanmelding.AndereSchool);
        Assert.Null(aanmelding.Plaatsingsdatum);
    }

    [Fact]
    public void A_decision_after_the_deadline_is_allowed_but_flagged()
    {
        var aanmelding = Nieuw();
        var laat = new DateOnly(2026, 4, 20);
        Assert.Null(aanmelding.Beslis(new Besluitinvoer(Aanmeldingsbesluit.GeplaatstZonderOpp, laat, null, null, null, null), laat, Door));
        Assert.True(aanmelding.IsBesluitNaTermijn);
        Assert.Equal(laat, aanmelding.Plaatsingsdatum);

        var optijd = Nieuw();
        Assert.Null(optijd.Beslis(new Besluitinvoer(Aanmeldingsbesluit.GeplaatstZonderOpp, new DateOnly(2026, 4, 13), null, null, null, null), laat, Door));
        Assert.False(optijd.IsBesluitNaTermijn);
    }

    [Fact]
    public void After_the_decision_nothing_changes_any_more()
    {
        var aanmelding = Nieuw();
        var dag = new DateOnly(2026, 3, 20);
        Assert.Null(aanmelding.Beslis(new Besluitinvoer(Aanmeldingsbesluit.GeplaatstZonderOpp, dag, null, null, null, null), dag, Door));
        Assert.NotNull(aanmelding.Verleng("reden", dag, Door));
        Assert.NotNull(aanmelding.LegIntakeVast(dag, "Zorgcoördinator", null, dag));
        Assert.NotNull(aanmelding.Beslis(new Besluitinvoer(Aanmeldingsbesluit.NietGeplaatst, dag, null, null, "X", "Y"), dag, Door));
        Assert.Equal(Aanmeldingsbesluit.GeplaatstZonderOpp, aanmelding.Besluit);
    }

    [Fact]
    public void Intake_and_onderzoek_put_it_in_onderzoek()
    {
        var aanmelding = Nieuw();
        var dag = new DateOnly(2026, 3, 10);
        Assert.NotNull(aanmelding.LegIntakeVast(new DateOnly(2026, 3, 1), "Mw. Bakker", null, dag));
        Assert.NotNull(aanmelding.LegIntakeVast(dag.AddDays(1), "Mw. Bakker", null, dag));
        Assert.Null(aanmelding.LegIntakeVast(dag, "Mw. Bakker", "Gesprek met ouders en leerling.", dag));
        Assert.Equal(AanmeldingStatus.InOnderzoek, aanmelding.Status);
        Assert.Null(aanmelding.LegOnderzoekVast("Dossier basisschool en observatie", "Past bij basisondersteuning plus"));
        Assert.Equal("Past bij basisondersteuning plus", aanmelding.OnderzoekUitkomst);
    }

    [Fact]
    public void A_placement_with_OPP_starts_the_student_on_PM_0_with_the_OPP_due_six_weeks_after_placement()
    {
        var aanmelding = Nieuw();
        var dag = new DateOnly(2026, 4, 1);
        Assert.Null(aanmelding.Beslis(new Besluitinvoer(Aanmeldingsbesluit.GeplaatstMetOpp, dag, new DateOnly(2026, 4, 6), null, null, null), dag, Door));
        Assert.Equal(new DateOnly(2026, 4, 6).AddDays(Plan.VaststellenBinnenDagen), aanmelding.OppUiterlijk);
        Assert.Equal(new DateOnly(2026, 5, 18), aanmelding.OppUiterlijk);

        var leerling = new Leerling { SchoolId = School, Leerlingnummer = "1", Voornaam = "Sem", Achternaam = "Vries" };
        var (stap, fout) = aanmelding.Koppel(leerling, heeftStappen: false, new DateOnly(2026, 4, 8), Nu, Door);
        Assert.Null(fout);
        Assert.NotNull(stap);
        Assert.Null(stap.Van);
        Assert.Equal(PmNiveau.Pm0, stap.Naar);
        Assert.Equal(new DateOnly(2026, 4, 6), stap.Datum);
        Assert.Contains("18 mei 2026", stap.Reden, StringComparison.Ordinal);
        Assert.Equal(PmNiveau.Pm0, leerling.PmNiveau);
        Assert.Equal(leerling.Id, aanmelding.LeerlingId);

        var tweede = aanmelding.Koppel(leerling, heeftStappen: true, new DateOnly(2026, 4, 8), Nu, Door);
        Assert.NotNull(tweede.Fout);
    }

    [Fact]
    public void A_placement_without_OPP_continues_at_PM_I_and_not_placed_is_never_linked()
    {
        var dag = new DateOnly(2026, 4, 1);
        var geplaatst = Nieuw();
        Assert.Null(geplaatst.Beslis(new Besluitinvoer(Aanmeldingsbesluit.GeplaatstZonderOpp, dag, null, null, null, null), dag, Door));
        Assert.Null(geplaatst.OppUiterlijk);
        var leerling = new Leerling { SchoolId = School, Leerlingnummer = "1", Voornaam = "Sem", Achternaam = "Vries" };
        var (stap, _) = geplaatst.Koppel(leerling, heeftStappen: false, dag, Nu, Door);
        Assert.Equal(PmNiveau.PmI, stap?.Naar);

        var niet = Nieuw();
        Assert.Null(niet.Beslis(new Besluitinvoer(Aanmeldingsbesluit.NietGeplaatst, dag, null, null, "SO De Brug", "Met ouders en SWV"), dag, Door));
        Assert.NotNull(niet.Koppel(leerling, heeftStappen: false, dag, Nu, Door).Fout);
    }

    [Fact]
    public void Registration_checks_the_form_in_Dutch()
    {
        var (_, fout) = Aanmelding.Registreer(School, new NieuweAanmelding("Sem", null, "Vries", new DateOnly(2014, 5, 1), null, null, " ", Ontvangen), Ontvangen, Nu, Door);
        Assert.Equal(nameof(Aanmelding.Ondersteuningsvraag), fout?.Veld);
        (_, fout) = Aanmelding.Registreer(School, new NieuweAanmelding("Sem", null, "Vries", new DateOnly(2014, 5, 1), null, null, "Vraag", Ontvangen.AddDays(1)), Ontvangen, Nu, Door);
        Assert.Equal(nameof(Aanmelding.OntvangenOp), fout?.Veld);
    }
}
