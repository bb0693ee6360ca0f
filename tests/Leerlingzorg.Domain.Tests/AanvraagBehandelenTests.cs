using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Organisatie;

namespace Leerlingzorg.Domain.Tests;

public sealed class AanvraagBehandelenTests
{
    private static readonly DateTimeOffset Nu = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Ortho = Guid.NewGuid();
    private static readonly Guid Manager = Guid.NewGuid();
    private static readonly Budgetstand Ruim = new(new Schooljaar(2026), 100_000m, 20_000m, 0m);

    private static Swvaanvraag Aanvraag(Aanvraagsoort soort = Aanvraagsoort.Individueel) => new()
    {
        SwvId = Guid.NewGuid(), SchoolId = Guid.NewGuid(), Soort = soort, Vraag = "Hulp",
        Gevraagd = new GevraagdeOndersteuning("Begeleiding", "2 uur per week", new DateOnly(2027, 1, 1), new DateOnly(2027, 7, 1), 8_000m),
    };

    private static Besluit Toekennen(decimal? bedrag = null) =>
        new(Besluituitkomst.Toegekend, bedrag, new DateOnly(2027, 1, 1), new DateOnly(2027, 7, 1), new DateOnly(2027, 4, 1), null, null);

    private static List<Beoordeling> Beoordeeld(Swvaanvraag aanvraag)
    {
        var lijst = new List<Beoordeling>();
        lijst.Add(aanvraag.Beoordeel(lijst, Beoordelaarsrol.Orthopedagoog, Ortho, "Ortho", true, "Passend", Nu).Beoordeling!);
        lijst.Add(aanvraag.Beoordeel(lijst, Beoordelaarsrol.Manager, Manager, "Manager", true, "Akkoord", Nu).Beoordeling!);
        return lijst;
    }

    [Fact]
    public void An_arrangement_needs_an_orthopedagoog_and_a_manager_assessment_by_two_persons()
    {
        var aanvraag = Aanvraag();
        var lijst = new List<Beoordeling>();
        var (eerste, fout) = aanvraag.Beoordeel(lijst, Beoordelaarsrol.Orthopedagoog, Ortho, "Ortho", true, "Passend", Nu);
        Assert.Null(fout);
        Assert.Equal(Aanvraagstatus.InBehandeling, aanvraag.Status);
        lijst.Add(eerste!);
        Assert.False(aanvraag.IsBeoordeeld(lijst));
        Assert.NotNull(aanvraag.Beslis(lijst, Toekennen(), Manager, "Manager", Ruim, Nu));

        var (_, zelfde) = aanvraag.Beoordeel(lijst, Beoordelaarsrol.Manager, Ortho, "Ortho", true, "Ook akkoord", Nu);
        Assert.Contains("niet twee keer", zelfde, StringComparison.Ordinal);
        var (_, tweedeOrtho) = aanvraag.Beoordeel(lijst, Beoordelaarsrol.Psycholoog, Guid.NewGuid(), "Psych", true, "Ja", Nu);
        Assert.NotNull(tweedeOrtho);
        var (_, deskundige) = aanvraag.Beoordeel(lijst, Beoordelaarsrol.Deskundige, Guid.NewGuid(), "D", true, "Ja", Nu);
        Assert.NotNull(deskundige);
        var (_, leeg) = aanvraag.Beoordeel(lijst, Beoordelaarsrol.Manager, Manager, "Manager", true, "  ", Nu);
        Assert.NotNull(leeg);

        lijst.Add(aanvraag.Beoordeel(lijst, Beoordelaarsrol.Manager, Manager, "Manager", true, "Akkoord", Nu).Beoordeling!);
        Assert.True(aanvraag.IsBeoordeeld(lijst));
    }

    [Fact]
    public void A_full_grant_is_the_amount_asked_with_a_period_and_an_evaluation()
    {
        var aanvraag = Aanvraag();
        var lijst = Beoordeeld(aanvraag);
        Assert.Null(aanvraag.Beslis(lijst, Toekennen(), Manager, "Manager", Ruim, Nu));
        Assert.Equal((Aanvraagstatus.Besloten, Besluituitkomst.Toegekend, 8_000m, new DateOnly(2027, 4, 1)),
            (aanvraag.Status, aanvraag.Uitkomst!.Value, aanvraag.ToegekendBedrag!.Value, aanvraag.EvaluatieOp!.Value));
        Assert.Equal("Deze aanvraag is al afgehandeld.", aanvraag.Beslis(lijst, Toekennen(), Manager, "Manager", Ruim, Nu));
    }

    [Fact]
    public void A_grant_above_the_budget_left_is_refused_with_what_is_left_and_nothing_changes()
    {
        var aanvraag = Aanvraag();
        var lijst = Beoordeeld(aanvraag);
        var krap = new Budgetstand(new Schooljaar(2026), 25_000m, 20_000m, 1_000m);
        var versie = aanvraag.Versie;
        var fout = aanvraag.Beslis(lijst, Toekennen(), Manager, "Manager", krap, Nu);
        Assert.Equal("Dit bedrag (€ 8.000,00) is hoger dan het budget dat over is voor schooljaar 2026-2027: € 5.000,00.", fout);
        Assert.Equal((Aanvraagstatus.InBehandeling, (Besluituitkomst?)null, versie), (aanvraag.Status, aanvraag.Uitkomst, aanvraag.Versie));
        Assert.Contains("nog geen budget", aanvraag.Beslis(lijst, Toekennen(), Manager, "Manager", new Budgetstand(new Schooljaar(2026), null, 0, 0), Nu), StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_grant_is_lower_than_asked_and_needs_a_reason()
    {
        var aanvraag = Aanvraag();
        var lijst = Beoordeeld(aanvraag);
        var zonderReden = Toekennen(5_000m) with { Uitkomst = Besluituitkomst.DeelsToegekend };
        Assert.Contains("reden", aanvraag.Beslis(lijst, zonderReden, Manager, "M", Ruim, Nu), StringComparison.Ordinal);
        Assert.Contains("lager dan gevraagd", aanvraag.Beslis(lijst, zonderReden with { Bedrag = 9_000m, Toelichting = "x" }, Manager, "M", Ruim, Nu), StringComparison.Ordinal);
        Assert.Null(aanvraag.Beslis(lijst, zonderReden with { Toelichting = "Minder uren nodig" }, Manager, "M", Ruim, Nu));
        Assert.Equal((Besluituitkomst.DeelsToegekend, 5_000m, "Minder uren nodig"), (aanvraag.Uitkomst!.Value, aanvraag.ToegekendBedrag!.Value, aanvraag.Besluittekst));
    }

    [Fact]
    public void A_refusal_needs_a_reason()
    {
        var aanvraag = Aanvraag();
        var lijst = Beoordeeld(aanvraag);
        var afwijzen = new Besluit(Besluituitkomst.Afgewezen, null, null, null, null, null, " ");
        Assert.Equal("Geef de reden van de afwijzing; de school leest die.", aanvraag.Beslis(lijst, afwijzen, Manager, "M", Ruim, Nu));
        Assert.Null(aanvraag.Beslis(lijst, afwijzen with { Toelichting = "Past binnen de basisondersteuning" }, Manager, "M", Ruim, Nu));
        Assert.Equal((Besluituitkomst.Afgewezen, (decimal?)null), (aanvraag.Uitkomst!.Value, aanvraag.ToegekendBedrag));
    }

    [Fact]
    public void A_tlv_needs_two_different_deskundigen_who_do_not_decide_and_a_category()
    {
        var aanvraag = Aanvraag(Aanvraagsoort.Tlv);
        var lijst = new List<Beoordeling>();
        Assert.NotNull(aanvraag.Beoordeel(lijst, Beoordelaarsrol.Manager, Manager, "M", true, "Ja", Nu).Fout);
        lijst.Add(aanvraag.Beoordeel(lijst, Beoordelaarsrol.Orthopedagoog, Ortho, "O", true, "Ja", Nu).Beoordeling!);
        Assert.NotNull(aanvraag.Beoordeel(lijst, Beoordelaarsrol.Deskundige, Ortho, "O", true, "Nog eens", Nu).Fout);
        var tlv = new Besluit(Besluituitkomst.Toegekend, null, new DateOnly(2027, 8, 1), new DateOnly(2029, 7, 31), null, null, null);
        Assert.Contains("twee deskundigen", aanvraag.Beslis(lijst, tlv with { Categorie = "laag" }, Manager, "M", null, Nu), StringComparison.Ordinal);
        var tweede = Guid.NewGuid();
        lijst.Add(aanvraag.Beoordeel(lijst, Beoordelaarsrol.Psycholoog, tweede, "P", true, "Ja", Nu).Beoordeling!);
        Assert.NotNull(aanvraag.Beoordeel(lijst, Beoordelaarsrol.Deskundige, Guid.NewGuid(), "D", true, "Derde", Nu).Fout);
        Assert.Contains("categorie", aanvraag.Beslis(lijst, tlv, Manager, "M", null, Nu), StringComparison.Ordinal);
        Assert.Contains("het besluit neemt een ander", aanvraag.Beslis(lijst, tlv with { Categorie = "laag" }, tweede, "P", null, Nu), StringComparison.Ordinal);
        Assert.Null(aanvraag.Beslis(lijst, tlv with { Categorie = "midden" }, Manager, "M", null, Nu));
        Assert.Equal(("midden", new DateOnly(2029, 7, 31), (decimal?)null), (aanvraag.TlvCategorie, aanvraag.ToegekendTot!.Value, aanvraag.ToegekendBedrag));
    }

    [Fact]
    public void A_cto_referral_is_planned_and_then_advised()
    {
        var aanvraag = Aanvraag(Aanvraagsoort.CtoAdvies);
        Assert.NotNull(aanvraag.Beoordeel([], Beoordelaarsrol.Orthopedagoog, Ortho, "O", true, "Ja", Nu).Fout);
        Assert.Equal("Plan eerst het CTO-overleg.", aanvraag.LegAdviesVast("Advies", "O", Nu));
        Assert.NotNull(aanvraag.PlanCto(Nu.AddDays(-1), Nu));
        Assert.Null(aanvraag.PlanCto(Nu.AddDays(7), Nu));
        Assert.Equal(Aanvraagstatus.InBehandeling, aanvraag.Status);
        Assert.NotNull(aanvraag.LegAdviesVast("  ", "O", Nu));
        Assert.Null(aanvraag.LegAdviesVast("Onderzoek naar dyslexie; daarna opnieuw bespreken.", "O", Nu));
        Assert.Equal((Aanvraagstatus.Besloten, Besluituitkomst.Geadviseerd), (aanvraag.Status, aanvraag.Uitkomst!.Value));
    }

    [Fact]
    public void Spending_stays_within_the_amount_granted()
    {
        var aanvraag = Aanvraag();
        Assert.NotNull(aanvraag.Besteed(100, new DateOnly(2027, 2, 1), "Factuur", 0, Manager, Nu).Fout);
        aanvraag.Beslis(Beoordeeld(aanvraag), Toekennen(), Manager, "M", Ruim, Nu);
        Assert.Contains("€ 1.000,00", aanvraag.Besteed(1_500, new DateOnly(2027, 2, 1), "Factuur", 7_000, Manager, Nu).Fout, StringComparison.Ordinal);
        var (besteding, fout) = aanvraag.Besteed(1_000, new DateOnly(2027, 2, 1), "Factuur januari", 7_000, Manager, Nu);
        Assert.Null(fout);
        Assert.Equal((aanvraag.SchoolId, 1_000m), (besteding!.OntvangendeSchoolId, besteding.Bedrag));
    }

    [Fact]
    public void A_budget_is_not_set_below_what_was_granted()
    {
        var budget = new Swvbudget { Schooljaar = new Schooljaar(2026), Bedrag = 50_000 };
        Assert.NotNull(budget.StelVast(10_000, 20_000));
        Assert.Equal(50_000, budget.Bedrag);
        Assert.Null(budget.StelVast(30_000, 20_000));
        Assert.Equal(30_000, budget.Bedrag);
    }
}
