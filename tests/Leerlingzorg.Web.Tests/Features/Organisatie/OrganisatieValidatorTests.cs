using FluentValidation;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features.Organisatie;

namespace Leerlingzorg.Web.Tests.Features.Organisatie;

/// <summary>The domain rules of the organisation forms; the handlers run the same validators again.</summary>
public sealed class OrganisatieValidatorTests
{
    private static KlasGegevens GeldigeKlas() => new()
    {
        Schooljaar = new Schooljaar(2026),
        Naam = "2B",
        Leerjaar = 2,
        AfdelingId = Guid.NewGuid(),
        LocatieId = Guid.NewGuid(),
        MentorIds = [Guid.NewGuid()],
    };

    private static string[] Fouten<T>(IValidator<T> validator, T model) => [.. validator.Validate(model).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void A_complete_class_is_valid() => Assert.Empty(Fouten(new KlasValidator(), GeldigeKlas()));

    [Theory]
    [InlineData("", "Vul de naam van de klas in.")]
    [InlineData("   ", "Vul de naam van de klas in.")]
    [InlineData("een veel te lange klasnaam", "De naam van de klas is hoogstens 20 tekens.")]
    public void A_class_needs_a_short_name(string naam, string melding) =>
        Assert.Equal([melding], Fouten(new KlasValidator(), GeldigeKlas() with { Naam = naam }));

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(-1)]
    public void The_leerjaar_of_a_class_lies_between_1_and_6(int leerjaar) =>
        Assert.Equal(["Het leerjaar ligt tussen 1 en 6."], Fouten(new KlasValidator(), GeldigeKlas() with { Leerjaar = leerjaar }));

    [Fact]
    public void A_class_needs_a_leerjaar_an_afdeling_a_locatie_and_at_least_one_mentor()
    {
        var fouten = Fouten(new KlasValidator(), GeldigeKlas() with { Leerjaar = null, AfdelingId = null, LocatieId = Guid.Empty, MentorIds = [] });
        Assert.Equal(["Kies het leerjaar.", "Kies de afdeling.", "Kies de locatie.", "Kies minstens één mentor."], fouten);
    }

    [Fact]
    public void A_class_may_have_several_mentors() =>
        Assert.Empty(Fouten(new KlasValidator(), GeldigeKlas() with { MentorIds = [Guid.NewGuid(), Guid.NewGuid()] }));

    [Fact]
    public void A_leerjaarcoordinator_needs_a_leerjaar_and_no_afdeling()
    {
        var validator = new CoordinatorValidator();
        Assert.Empty(Fouten(validator, new CoordinatorGegevens { MedewerkerId = Guid.NewGuid(), Soort = CoordinatorSoort.Leerjaar, Leerjaar = 1 }));
        Assert.Equal(["Kies het leerjaar."], Fouten(validator, new CoordinatorGegevens { MedewerkerId = Guid.NewGuid(), Soort = CoordinatorSoort.Leerjaar }));
        Assert.Equal(["Het leerjaar ligt tussen 1 en 6."],
            Fouten(validator, new CoordinatorGegevens { MedewerkerId = Guid.NewGuid(), Soort = CoordinatorSoort.Leerjaar, Leerjaar = 9 }));
    }

    [Fact]
    public void An_afdelingscoordinator_needs_an_afdeling_and_may_have_one_leerjaar()
    {
        var validator = new CoordinatorValidator();
        var afdeling = Guid.NewGuid();
        Assert.Empty(Fouten(validator, new CoordinatorGegevens { MedewerkerId = Guid.NewGuid(), Soort = CoordinatorSoort.Afdeling, AfdelingId = afdeling }));
        Assert.Empty(Fouten(validator, new CoordinatorGegevens { MedewerkerId = Guid.NewGuid(), Soort = CoordinatorSoort.Afdeling, AfdelingId = afdeling, Leerjaar = 3 }));
        Assert.Equal(["Kies de afdeling."], Fouten(validator, new CoordinatorGegevens { MedewerkerId = Guid.NewGuid(), Soort = CoordinatorSoort.Afdeling, Leerjaar = 3 }));
    }

    [Fact]
    public void A_coordinator_is_a_staff_member() =>
        Assert.Equal(["Kies de medewerker."], Fouten(new CoordinatorValidator(), new CoordinatorGegevens { Soort = CoordinatorSoort.Leerjaar, Leerjaar = 1 }));

    [Fact]
    public void A_lesopdracht_needs_a_class_a_docent_and_a_vak()
    {
        var validator = new LesopdrachtValidator();
        Assert.Empty(Fouten(validator, new LesopdrachtGegevens { KlasId = Guid.NewGuid(), MedewerkerId = Guid.NewGuid(), Vak = "wiskunde B" }));
        Assert.Equal(["Kies de klas.", "Kies de docent.", "Vul het vak in."], Fouten(validator, new LesopdrachtGegevens()));
        Assert.Equal(["Het vak is hoogstens 60 tekens."],
            Fouten(validator, new LesopdrachtGegevens { KlasId = Guid.NewGuid(), MedewerkerId = Guid.NewGuid(), Vak = new string('x', 61) }));
    }

    [Fact]
    public void A_locatie_needs_a_name_and_a_place()
    {
        Assert.Empty(Fouten(new LocatieValidator(), new LocatieGegevens { Naam = "Hoofdgebouw", Plaats = "Wageningen" }));
        Assert.Equal(["Vul de naam van de locatie in.", "Vul de plaats in."], Fouten(new LocatieValidator(), new LocatieGegevens()));
    }

    [Fact]
    public void An_afdeling_needs_a_name_of_at_most_50_characters()
    {
        Assert.Empty(Fouten(new AfdelingValidator(), new AfdelingGegevens { Naam = "havo/vwo" }));
        Assert.Equal(["Vul de naam van de afdeling in."], Fouten(new AfdelingValidator(), new AfdelingGegevens()));
        Assert.Equal(["De naam van de afdeling is hoogstens 50 tekens."], Fouten(new AfdelingValidator(), new AfdelingGegevens { Naam = new string('a', 51) }));
    }

    [Fact]
    public async Task The_form_validation_checks_only_the_field_that_changed()
    {
        var validatie = new KlasValidator().VoorFormulier();
        Assert.Equal(["Vul de naam van de klas in."], await validatie(new KlasGegevens(), nameof(KlasGegevens.Naam)));
        Assert.Empty(await validatie(new KlasGegevens { Naam = "1A" }, nameof(KlasGegevens.Naam)));
    }
}
