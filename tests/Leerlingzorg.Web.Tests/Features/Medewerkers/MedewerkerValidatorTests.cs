using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Medewerkers;

namespace Leerlingzorg.Web.Tests.Features.Medewerkers;

public sealed class MedewerkerValidatorTests
{
    private static Uitnodiging Geldig() => new()
    {
        Voornaam = "Anna", Tussenvoegsel = "van", Achternaam = "Dijk", Email = "a.vandijk@school.example", Rollen = [Rollen.Mentor],
    };

    private static string[] Fouten(Uitnodiging u) => [.. new UitnodigingValidator().Validate(u).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void A_complete_invitation_is_valid() => Assert.Empty(Fouten(Geldig()));

    [Fact]
    public void An_invitation_needs_names_an_address_and_a_role() =>
        Assert.Equal(["Vul de voornaam in.", "Vul de achternaam in.", "Vul het e-mailadres in.", "Kies minstens één rol."], Fouten(new Uitnodiging()));

    [Theory]
    [InlineData("geen-adres")]
    [InlineData("twee@@apenstaartjes")]
    public void An_invitation_needs_a_valid_address(string email) =>
        Assert.Equal(["Dit is geen geldig e-mailadres."], Fouten(Geldig() with { Email = email }));

    [Fact]
    public void Staff_get_every_school_role_except_Ouder_and_no_partnership_roles()
    {
        Assert.Equal(Rollen.SchoolRollen.Where(r => r != Rollen.Ouder), Personeelszaken.Medewerkerrollen);
        Assert.Equal(["Kies alleen rollen voor medewerkers."], Fouten(Geldig() with { Rollen = [Rollen.Mentor, Rollen.Ouder] }));
        Assert.Equal(["Kies alleen rollen voor medewerkers."], Fouten(Geldig() with { Rollen = [Rollen.SwvManager] }));
    }

    [Fact]
    public void Changing_roles_leaves_at_least_one_staff_role()
    {
        var validator = new MedewerkerRollenValidator();
        Assert.True(validator.Validate(new MedewerkerRollen { MedewerkerId = Guid.NewGuid(), Rollen = [Rollen.Docent, Rollen.Beheerder] }).IsValid);
        Assert.StartsWith("Kies minstens één rol.",
            validator.Validate(new MedewerkerRollen { MedewerkerId = Guid.NewGuid(), Rollen = [] }).Errors.Single().ErrorMessage, StringComparison.Ordinal);
        Assert.False(validator.Validate(new MedewerkerRollen { MedewerkerId = Guid.NewGuid(), Rollen = [Rollen.Ouder] }).IsValid);
    }

    [Fact]
    public void Parents_are_not_staff_but_a_parent_who_works_at_the_school_is()
    {
        Assert.False(Personeelszaken.IsMedewerker([Rollen.Ouder]));
        Assert.True(Personeelszaken.IsMedewerker([Rollen.Ouder, Rollen.Docent]));
        Assert.True(Personeelszaken.IsMedewerker([]));
    }
}
