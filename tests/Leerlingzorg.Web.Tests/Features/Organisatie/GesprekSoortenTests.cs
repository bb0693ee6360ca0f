using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Organisatie;

/// <summary>The school's gesprekssoorten: added, changed and (de)activated by a Beheerder of that school, never removed.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class GesprekSoortenTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);
    private SchoolScenario A => fixture.A;
    private SchoolScenario B => fixture.B;

    private async Task<AsyncServiceScope> AlsBeheerderAsync(SchoolScenario school) =>
        fixture.App.ScopeAs(await Data.UserAsync(school.School.Id, Rollen.Beheerder), Rollen.Beheerder);

    private static T Handler<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private async Task<Guid> SoortAsync(SchoolScenario school)
    {
        await using var db = fixture.App.ContextFor(school.School.Id);
        return await db.GesprekSoorten.Where(s => s.Naam == "Mentorgesprek").Select(s => s.Id).SingleAsync();
    }

    private static string Uniek(string voorvoegsel) => voorvoegsel + " " + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_gesprekssoort_is_added_changed_and_listed_in_order()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var naam = Uniek("Loopbaangesprek");
        var toegevoegd = await Handler<GesprekSoortOpslaanHandler>(scope).HandleAsync(new GesprekSoortGegevens { Naam = "  " + naam + " ", Volgorde = 5 });
        Assert.True(toegevoegd.IsGelukt, toegevoegd.Fout?.Melding);

        var gewijzigd = await Handler<GesprekSoortOpslaanHandler>(scope).HandleAsync(new GesprekSoortGegevens
        {
            Id = toegevoegd.Waarde, Naam = naam + " 2", Volgorde = 0, IsVoortgangsgesprek = true,
        });
        Assert.True(gewijzigd.IsGelukt, gewijzigd.Fout?.Melding);

        var lijst = (await Handler<GesprekSoortenOverzichtHandler>(scope).HandleAsync()).Waarde!;
        Assert.Equal(new GesprekSoortRegel(toegevoegd.Waarde, naam + " 2", true, 0, true), Assert.Single(lijst, s => s.Id == toegevoegd.Waarde));
        Assert.Equal(lijst.Select(s => s.Volgorde).Order(), lijst.Select(s => s.Volgorde));
        Assert.Equal(["Mentorgesprek", "Voortgangsgesprek", "Oudergesprek", "Leerlinggesprek"],
            lijst.Where(s => s.Volgorde is >= 1 and <= 4).Select(s => s.Naam));
        await using var db = fixture.App.ContextFor(A.School.Id);
        Assert.Equal(
            [AuditActie.Aanmaken, AuditActie.Wijzigen],
            await db.AuditEntries.Where(e => e.Detail.StartsWith("gesprekssoort " + naam)).OrderBy(e => e.Id).Select(e => e.Actie).ToListAsync());
    }

    [Fact]
    public async Task A_gesprekssoort_name_is_unique_in_the_school()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var result = await Handler<GesprekSoortOpslaanHandler>(scope).HandleAsync(new GesprekSoortGegevens { Naam = "OUDERGESPREK" });
        Assert.Equal(FoutSoort.Conflict, result.Fout?.Soort);
        Assert.Equal("Er is al een gesprekssoort met de naam OUDERGESPREK.", result.Fout?.Melding);

        var hernoemd = await Handler<GesprekSoortOpslaanHandler>(scope).HandleAsync(new GesprekSoortGegevens { Id = await SoortAsync(A), Naam = "Oudergesprek" });
        Assert.Equal(FoutSoort.Conflict, hernoemd.Fout?.Soort);
    }

    [Fact]
    public async Task A_gesprekssoort_needs_a_name_of_at_most_60_characters()
    {
        await using var scope = await AlsBeheerderAsync(A);
        foreach (var naam in new[] { " ", new string('x', 61) })
        {
            var result = await Handler<GesprekSoortOpslaanHandler>(scope).HandleAsync(new GesprekSoortGegevens { Naam = naam });
            Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        }
    }

    [Fact]
    public async Task A_deactivated_gesprekssoort_keeps_its_row_and_can_be_reactivated()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var naam = Uniek("Tijdelijk");
        var id = (await Handler<GesprekSoortOpslaanHandler>(scope).HandleAsync(new GesprekSoortGegevens { Naam = naam, Volgorde = 50 })).Waarde;

        var uit = await Handler<GesprekSoortActiverenHandler>(scope).HandleAsync(id, actief: false);

        Assert.True(uit.IsGelukt, uit.Fout?.Melding);
        Assert.Contains((await Handler<GesprekSoortenOverzichtHandler>(scope).HandleAsync()).Waarde!, s => s.Id == id && !s.Actief);
        await using (var db = fixture.App.ContextFor(A.School.Id))
        {
            var soort = await db.GesprekSoorten.SingleAsync(s => s.Id == id);
            Assert.False(soort.Actief);
        }

        Assert.True((await Handler<GesprekSoortActiverenHandler>(scope).HandleAsync(id, actief: true)).IsGelukt);
        await using var na = fixture.App.ContextFor(A.School.Id);
        Assert.True(await na.GesprekSoorten.Where(s => s.Id == id).Select(s => s.Actief).SingleAsync());
        Assert.Equal(
            [$"gesprekssoort {naam} gedeactiveerd", $"gesprekssoort {naam} geactiveerd"],
            await na.AuditEntries.Where(e => e.Detail.StartsWith("gesprekssoort " + naam) && e.Actie == AuditActie.Wijzigen)
                .OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync());
    }

    [Fact]
    public async Task The_standard_soorten_are_only_added_to_a_school_without_any()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var result = await Handler<GesprekSoortenStandaardHandler>(scope).HandleAsync();
        Assert.Equal(FoutSoort.Conflict, result.Fout?.Soort);
    }

    public static TheoryData<string> GeenBeheerder => [Rollen.Mentor, Rollen.Zorgcoordinator, Rollen.Docent, Rollen.Schoolleiding];

    [Theory]
    [MemberData(nameof(GeenBeheerder))]
    public async Task Only_a_Beheerder_manages_the_gesprekssoorten(string rol)
    {
        var user = await Data.UserAsync(A.School.Id, rol);
        await using var scope = fixture.App.ScopeAs(user, rol);
        var soort = await SoortAsync(A);
        var pogingen = new Dictionary<string, Func<Task<Fout?>>>
        {
            ["overzicht"] = async () => (await Handler<GesprekSoortenOverzichtHandler>(scope).HandleAsync()).Fout,
            ["opslaan"] = async () => (await Handler<GesprekSoortOpslaanHandler>(scope).HandleAsync(new GesprekSoortGegevens { Naam = "X" })).Fout,
            ["wijzigen"] = async () => (await Handler<GesprekSoortOpslaanHandler>(scope).HandleAsync(new GesprekSoortGegevens { Id = soort, Naam = "X" })).Fout,
            ["deactiveren"] = async () => (await Handler<GesprekSoortActiverenHandler>(scope).HandleAsync(soort, actief: false)).Fout,
            ["standaard"] = async () => (await Handler<GesprekSoortenStandaardHandler>(scope).HandleAsync()).Fout,
        };
        foreach (var (wat, poging) in pogingen)
        {
            Assert.True((await poging())?.Soort == FoutSoort.GeenToegang, $"{rol} kreeg toegang tot: {wat}");
        }
        await using var db = fixture.App.ContextFor(A.School.Id);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.GebruikerId == user.Id));
        Assert.True(await db.GesprekSoorten.Where(s => s.Id == soort).Select(s => s.Actief).SingleAsync());
    }

    [Fact]
    public async Task A_Beheerder_of_school_B_neither_sees_nor_changes_the_gesprekssoorten_of_school_A()
    {
        var soortA = await SoortAsync(A);
        await using var scope = await AlsBeheerderAsync(B);

        Assert.DoesNotContain((await Handler<GesprekSoortenOverzichtHandler>(scope).HandleAsync()).Waarde!, s => s.Id == soortA);
        Assert.Equal(FoutSoort.NietGevonden, (await Handler<GesprekSoortOpslaanHandler>(scope)
            .HandleAsync(new GesprekSoortGegevens { Id = soortA, Naam = Uniek("Overgenomen") })).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await Handler<GesprekSoortActiverenHandler>(scope).HandleAsync(soortA, actief: false)).Fout?.Soort);

        // The same name in another school is allowed.
        var naam = Uniek("Gedeeld");
        await using (var a = await AlsBeheerderAsync(A))
        {
            Assert.True((await Handler<GesprekSoortOpslaanHandler>(a).HandleAsync(new GesprekSoortGegevens { Naam = naam })).IsGelukt);
        }
        Assert.True((await Handler<GesprekSoortOpslaanHandler>(scope).HandleAsync(new GesprekSoortGegevens { Naam = naam })).IsGelukt);

        await using var db = fixture.App.ContextFor(A.School.Id);
        var soort = await db.GesprekSoorten.SingleAsync(s => s.Id == soortA);
        Assert.Equal(("Mentorgesprek", true), (soort.Naam, soort.Actief));
    }
}
