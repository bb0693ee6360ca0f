using Leerlingzorg.Domain.Ondersteuningsprofielen;

namespace Leerlingzorg.Domain.Tests;

public sealed class OndersteuningsprofielTests
{
    private static readonly DateTimeOffset Nu = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Door = Guid.NewGuid();

    private static ProfielTeksten Teksten(string structuur = "Mentor, zorgcoördinator en ondersteuningsteam.", string? telefoon = "0317 123 456",
        string? website = "https://www.school.example", string? email = "info@school.example", params ProfielExpertise[] expertises) =>
        new(structuur, "Anti-pestprotocol.", "Jaarlijkse evaluatie.", "Sportklas", "Dijkstraat 12, Wageningen", telefoon, website, email,
            expertises.Length == 0 ? [new(Expertise.Dyslexie, "Voorleessoftware en extra tijd.")] : expertises);

    [Fact]
    public void Wijzig_cleans_the_texts_sorts_the_expertise_and_marks_the_draft_unpublished()
    {
        var profiel = new Ondersteuningsprofiel();
        Assert.True(profiel.Wijzig(Teksten("  Mentor\u0000 en zorgcoördinator  ", expertises:
            [new(Expertise.Nt2Isk, " ISK "), new(Expertise.Dyslexie, "Kurzweil")]), Nu, Door));
        Assert.Equal("Mentor en zorgcoördinator", profiel.Ondersteuningsstructuur);
        Assert.Equal([Expertise.Dyslexie, Expertise.Nt2Isk], profiel.Expertises.Select(e => e.Expertise));
        Assert.Equal("ISK", profiel.Expertises[1].Omschrijving);
        Assert.True(profiel.HeeftOngepubliceerdeWijzigingen);
        Assert.Equal(Nu, profiel.GewijzigdOp);
        Assert.False(profiel.Wijzig(Teksten("Mentor en zorgcoördinator", expertises: [new(Expertise.Dyslexie, "Kurzweil"), new(Expertise.Nt2Isk, "ISK")]), Nu, Door));
    }

    [Fact]
    public void A_text_longer_than_its_section_is_refused_with_a_Dutch_message()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Ondersteuningsprofiel().Wijzig(Teksten(new string('a', 100_000)), Nu, Door));
        Assert.StartsWith("De ondersteuningsstructuur is 100.000 tekens; hoogstens 4.000", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bel de zorgcoördinator op 06 12345678.")]
    [InlineData("Mail j.jansen@school.example voor een afspraak.")]
    public void Public_text_holds_no_email_address_or_phone_number(string structuur)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Ondersteuningsprofiel().Wijzig(Teksten(structuur), Nu, Door));
        Assert.Contains("Het profiel is openbaar", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bel ons", null, null)]
    [InlineData(null, "www.school.example", null)]
    [InlineData(null, "javascript:alert(1)", null)]
    [InlineData(null, null, "geen-adres")]
    public void Contact_details_have_their_form(string? telefoon, string? website, string? email) =>
        Assert.Throws<ArgumentException>(() => new Ondersteuningsprofiel().Wijzig(
            Teksten(telefoon: telefoon ?? "0317 123 456", website: website ?? "https://www.school.example", email: email ?? "info@school.example"), Nu, Door));

    [Fact]
    public void The_same_expertise_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => new Ondersteuningsprofiel().Wijzig(
            Teksten(expertises: [new(Expertise.Dyslexie, "a"), new(Expertise.Dyslexie, "b")]), Nu, Door));

    [Fact]
    public void Publiceer_copies_the_profile_with_the_schools_places_for_the_filter()
    {
        var schoolId = Guid.NewGuid();
        var profiel = new Ondersteuningsprofiel { SchoolId = schoolId };
        profiel.Wijzig(Teksten(), Nu, Door);
        var swv = Guid.NewGuid();
        var gepubliceerd = profiel.Publiceer(null, swv, "Rijnland College",
            [new("Rijnland College Wageningen", "Wageningen"), new("Rijnland Rhenen", "Rhenen"), new("Bijgebouw", "Wageningen")], ["havo"],
            [new("STOER-training", "Sociaal-emotioneel", "PM II", "")], Nu);
        Assert.Equal(schoolId, gepubliceerd.SchoolId);
        Assert.Equal(swv, gepubliceerd.SamenwerkingsverbandId);
        Assert.Equal(["Rhenen", "Wageningen"], gepubliceerd.Plaatsen);
        Assert.Equal(["Dyslexie"], gepubliceerd.ExpertiseCodes);
        Assert.Contains("stoer-training", gepubliceerd.Zoektekst, StringComparison.Ordinal);
        Assert.Contains("zorgcoordinator", GepubliceerdProfiel.Zoekbaar("Zorgcoördinator"), StringComparison.Ordinal);
        Assert.False(profiel.HeeftOngepubliceerdeWijzigingen);
        Assert.Equal(Nu, profiel.GepubliceerdOp);
        // Publishing again replaces the same row; another school's row is never overwritten.
        Assert.Same(gepubliceerd, profiel.Publiceer(gepubliceerd, swv, "Rijnland College", [], [], [], Nu.AddDays(1)));
        var ander = new GepubliceerdProfiel { SchoolId = Guid.NewGuid(), SchoolNaam = "B", Inhoud = new() };
        Assert.Throws<InvalidOperationException>(() => profiel.Publiceer(ander, swv, "Rijnland College", [], [], [], Nu));
    }

    [Fact]
    public void A_profile_without_a_support_structure_or_expertise_is_not_published()
    {
        var profiel = new Ondersteuningsprofiel();
        profiel.Wijzig(Teksten("", expertises: [new(Expertise.Dyslexie, "")]), Nu, Door);
        Assert.NotNull(profiel.WaaromNietPubliceerbaar());
        Assert.Throws<InvalidOperationException>(() => profiel.Publiceer(null, Guid.NewGuid(), "School", [], [], [], Nu));
    }
}
