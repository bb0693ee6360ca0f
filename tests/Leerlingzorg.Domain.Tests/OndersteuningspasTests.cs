using Leerlingzorg.Domain.Ondersteuning;

namespace Leerlingzorg.Domain.Tests;

public sealed class OndersteuningspasTests
{
    private static readonly DateOnly Vanaf = new(2026, 9, 1);
    private static readonly DateTimeOffset Nu = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid School = Guid.NewGuid();
    private static readonly Guid Leerling = Guid.NewGuid();
    private static readonly Guid Door = Guid.NewGuid();

    private static PasFaciliteit F(Faciliteit soort, string? toelichting = null) => new() { Soort = soort, Toelichting = toelichting };

    private static Ondersteuningspas Pas(DateOnly? tot = null) =>
        Ondersteuningspas.Nieuw(School, Leerling, "  Dyslexie  ", [F(Faciliteit.ExtraTijd, " 25 % bij toetsen "), F(Faciliteit.Voorleessoftware)],
            Vanaf, tot, Door, Nu);

    [Fact]
    public void A_new_pass_is_version_1_current_with_cleaned_text()
    {
        var pas = Pas();
        Assert.Equal((1, true, "Dyslexie"), (pas.Versie, pas.IsHuidig, pas.Diagnose));
        Assert.Equal((School, Leerling, Door, Nu), (pas.SchoolId, pas.LeerlingId, pas.AangemaaktDoor, pas.AangemaaktOp));
        Assert.Equal(["Extra tijd (25 % bij toetsen)", "Voorleessoftware"], pas.Faciliteiten.Select(f => f.Weergave));
    }

    [Fact]
    public void A_pass_without_facilities_is_refused_in_Dutch()
    {
        var e = Assert.Throws<ArgumentException>(() => Ondersteuningspas.Nieuw(School, Leerling, "Dyslexie", [], Vanaf, null, Door, Nu));
        Assert.Contains("Een pas zonder faciliteiten kan niet", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_pass_needs_a_diagnosis(string? diagnose) =>
        Assert.Equal([Ondersteuningspas.DiagnoseVerplicht], Ondersteuningspas.Controleer(diagnose, [F(Faciliteit.Laptop)], Vanaf, null));

    [Fact]
    public void A_facility_kind_appears_once() =>
        Assert.Equal([Ondersteuningspas.DubbeleFaciliteit],
            Ondersteuningspas.Controleer("Dyslexie", [F(Faciliteit.Laptop), F(Faciliteit.Laptop, "eigen laptop")], Vanaf, null));

    [Fact]
    public void Anders_needs_a_toelichting()
    {
        Assert.Equal([Ondersteuningspas.AndersZonderToelichting], Ondersteuningspas.Controleer("Dyslexie", [F(Faciliteit.Anders, " ")], Vanaf, null));
        Assert.Empty(Ondersteuningspas.Controleer("Dyslexie", [F(Faciliteit.Anders, "Koptelefoon bij zelfstandig werken")], Vanaf, null));
    }

    [Fact]
    public void Geldig_tot_is_not_before_geldig_vanaf()
    {
        Assert.Equal([Ondersteuningspas.TotVoorVanaf], Ondersteuningspas.Controleer("Dyslexie", [F(Faciliteit.Laptop)], Vanaf, Vanaf.AddDays(-1)));
        Assert.Empty(Ondersteuningspas.Controleer("Dyslexie", [F(Faciliteit.Laptop)], Vanaf, Vanaf));
    }

    [Fact]
    public void Too_long_texts_are_refused()
    {
        var fouten = Ondersteuningspas.Controleer(new string('d', 2001), [F(Faciliteit.Laptop, new string('t', 301))], Vanaf, null);
        Assert.Equal([Ondersteuningspas.DiagnoseTeLang, Ondersteuningspas.ToelichtingTeLang], fouten);
    }

    [Fact]
    public void A_new_version_replaces_the_current_one()
    {
        var oud = Pas();
        var later = Nu.AddMonths(2);
        var nieuw = oud.Vervang("Dyslexie en dyscalculie", [F(Faciliteit.Rekenkaart)], Vanaf.AddMonths(2), null, Door, later);
        Assert.Equal((later, false), (oud.VervallenOp, oud.IsHuidig));
        Assert.Equal((2, true, Leerling, School), (nieuw.Versie, nieuw.IsHuidig, nieuw.LeerlingId, nieuw.SchoolId));
        Assert.NotEqual(oud.Id, nieuw.Id);
        Assert.Throws<InvalidOperationException>(() => oud.Vervang("x", [F(Faciliteit.Laptop)], Vanaf, null, Door, later));
    }

    [Fact]
    public void A_refused_new_version_leaves_the_current_pass_current()
    {
        var oud = Pas();
        Assert.Throws<ArgumentException>(() => oud.Vervang("Dyslexie", [], Vanaf, null, Door, Nu));
        Assert.True(oud.IsHuidig);
    }

    [Fact]
    public void A_withdrawn_pass_is_no_longer_valid_and_is_not_withdrawn_twice()
    {
        var pas = Pas();
        Assert.True(pas.IsGeldigOp(Vanaf));
        pas.TrekIn(Nu.AddDays(3));
        Assert.False(pas.IsGeldigOp(Vanaf));
        Assert.Throws<InvalidOperationException>(() => pas.TrekIn(Nu.AddDays(4)));
    }

    [Fact]
    public void Valid_from_the_first_to_the_last_day()
    {
        var pas = Pas(new DateOnly(2027, 7, 17));
        Assert.False(pas.IsGeldigOp(Vanaf.AddDays(-1)));
        Assert.True(pas.IsGeldigOp(Vanaf));
        Assert.True(pas.IsGeldigOp(new DateOnly(2027, 7, 17)));
        Assert.False(pas.IsGeldigOp(new DateOnly(2027, 7, 18)));
        Assert.True(Pas().IsGeldigOp(new DateOnly(2035, 1, 1)));
    }

    [Fact]
    public void Every_facility_has_a_Dutch_name()
    {
        Assert.Equal(Enum.GetValues<Faciliteit>().Order(), FaciliteitWeergave.Alle.Order());
        Assert.Equal(["Extra tijd", "Vergrote opgaven", "Voorleessoftware", "Laptop", "Rustige ruimte", "Time-outkaart", "Rekenkaart", "Mondeling toetsen", "Anders"],
            FaciliteitWeergave.Alle.Select(f => f.Naam()));
    }
}
