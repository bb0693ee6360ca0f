using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Organisatie;

/// <summary>Classes per schooljaar, with their mentors: created, changed and removed by the school's Beheerder.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class KlassenBeheerTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);
    private SchoolScenario A => fixture.A;

    private async Task<AsyncServiceScope> AlsBeheerderAsync(SchoolScenario school) =>
        fixture.App.ScopeAs(await Data.UserAsync(school.School.Id, Rollen.Beheerder), Rollen.Beheerder);

    private async Task<Guid> AfdelingAsync(SchoolScenario school)
    {
        await using var db = fixture.App.ContextFor(school.School.Id);
        return await db.Afdelingen.Select(a => a.Id).FirstAsync();
    }

    private async Task<KlasGegevens> NieuweKlasAsync(string naam, int startjaar, params Guid[] mentoren) => new()
    {
        Schooljaar = new Schooljaar(startjaar),
        Naam = naam,
        Leerjaar = 2,
        AfdelingId = await AfdelingAsync(A),
        LocatieId = A.Locatie.Id,
        MentorIds = mentoren.Length == 0 ? [A.Mentor.Id] : mentoren,
    };

    private static string UniekeNaam() => "K" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_Beheerder_creates_a_class_with_two_mentors_and_the_creation_is_audited()
    {
        var tweedeMentor = await Data.UserAsync(A.School.Id, Rollen.Mentor);
        var naam = UniekeNaam();
        Guid klasId;
        await using (var scope = await AlsBeheerderAsync(A))
        {
            var result = await scope.ServiceProvider.GetRequiredService<KlasOpslaanHandler>()
                .HandleAsync(await NieuweKlasAsync(naam, 2030, A.Mentor.Id, tweedeMentor.Id));
            Assert.True(result.IsGelukt, result.Fout?.Melding);
            klasId = result.Waarde;
        }
        await using var db = fixture.App.ContextFor(A.School.Id);
        var klas = await db.Klassen.Include(k => k.Mentoren).SingleAsync(k => k.Id == klasId);
        Assert.Equal((naam, 2, new Schooljaar(2030), A.Locatie.Id), (klas.Naam, klas.Leerjaar, klas.Schooljaar, klas.LocatieId));
        Assert.Equal(new[] { A.Mentor.Id, tweedeMentor.Id }.Order(), klas.Mentoren.Select(m => m.MedewerkerId).Order());
        var audit = await db.AuditEntries.Where(e => e.Detail == $"klas {naam} (2030-2031) aangemaakt").SingleAsync();
        Assert.Equal(AuditActie.Aanmaken, audit.Actie);
        Assert.Equal(Rollen.Beheerder, audit.Rol);
    }

    [Fact]
    public async Task Editing_a_class_renames_it_and_replaces_its_mentors()
    {
        var nieuweMentor = await Data.UserAsync(A.School.Id, Rollen.Mentor);
        await using var scope = await AlsBeheerderAsync(A);
        var handler = scope.ServiceProvider.GetRequiredService<KlasOpslaanHandler>();
        var gegevens = await NieuweKlasAsync(UniekeNaam(), 2030);
        gegevens.Id = (await handler.HandleAsync(gegevens)).Waarde;

        var nieuweNaam = UniekeNaam();
        var gewijzigd = await handler.HandleAsync(gegevens with { Naam = nieuweNaam, Leerjaar = 3, MentorIds = [nieuweMentor.Id] });

        Assert.True(gewijzigd.IsGelukt, gewijzigd.Fout?.Melding);
        await using var db = fixture.App.ContextFor(A.School.Id);
        var klas = await db.Klassen.Include(k => k.Mentoren).SingleAsync(k => k.Id == gegevens.Id);
        Assert.Equal((nieuweNaam, 3), (klas.Naam, klas.Leerjaar));
        Assert.Equal([nieuweMentor.Id], klas.Mentoren.Select(m => m.MedewerkerId));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actie == AuditActie.Wijzigen && e.Detail.Contains(nieuweNaam)));
    }

    [Fact]
    public async Task A_class_name_is_unique_within_a_schooljaar_ignoring_case_but_may_return_in_another_year()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var handler = scope.ServiceProvider.GetRequiredService<KlasOpslaanHandler>();
        var naam = UniekeNaam();
        Assert.True((await handler.HandleAsync(await NieuweKlasAsync(naam, 2031))).IsGelukt);

        var dubbel = await handler.HandleAsync(await NieuweKlasAsync(naam.ToLowerInvariant(), 2031));
        Assert.Equal(FoutSoort.Conflict, dubbel.Fout?.Soort);
        Assert.Equal($"Er is in schooljaar 2031-2032 al een klas {naam.ToLowerInvariant()}.", dubbel.Fout?.Melding);

        Assert.True((await handler.HandleAsync(await NieuweKlasAsync(naam, 2032))).IsGelukt);
    }

    [Fact]
    public async Task Renaming_a_class_to_the_name_of_another_class_of_the_year_is_refused()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var handler = scope.ServiceProvider.GetRequiredService<KlasOpslaanHandler>();
        var eerste = await NieuweKlasAsync(UniekeNaam(), 2033);
        var tweede = await NieuweKlasAsync(UniekeNaam(), 2033);
        Assert.True((await handler.HandleAsync(eerste)).IsGelukt);
        tweede.Id = (await handler.HandleAsync(tweede)).Waarde;

        var result = await handler.HandleAsync(tweede with { Naam = eerste.Naam });

        Assert.Equal(FoutSoort.Conflict, result.Fout?.Soort);
    }

    [Fact]
    public async Task A_mentor_must_hold_the_Mentor_role_be_active_and_belong_to_the_school()
    {
        var gedeactiveerd = await Data.UserAsync(A.School.Id, Rollen.Mentor);
        await using (var users = fixture.App.Services.CreateAsyncScope())
        {
            var manager = users.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            var user = (await manager.FindByIdAsync(gedeactiveerd.Id.ToString()))!;
            user.Actief = false;
            await manager.UpdateAsync(user);
        }
        await using var scope = await AlsBeheerderAsync(A);
        var handler = scope.ServiceProvider.GetRequiredService<KlasOpslaanHandler>();
        foreach (var geen in new[] { A.Docent.Id, fixture.B.Mentor.Id, gedeactiveerd.Id, Guid.NewGuid() })
        {
            var result = await handler.HandleAsync(await NieuweKlasAsync(UniekeNaam(), 2030, A.Mentor.Id, geen));
            Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
            Assert.Equal("Een gekozen mentor is geen actieve medewerker van deze school met de rol Mentor.", result.Fout?.Melding);
        }
    }

    [Fact]
    public async Task A_mentor_who_lost_the_role_may_stay_on_his_class_when_it_is_edited()
    {
        var mentor = await Data.UserAsync(A.School.Id, Rollen.Mentor, Rollen.Docent);
        await using var scope = await AlsBeheerderAsync(A);
        var handler = scope.ServiceProvider.GetRequiredService<KlasOpslaanHandler>();
        var gegevens = await NieuweKlasAsync(UniekeNaam(), 2030, mentor.Id);
        gegevens.Id = (await handler.HandleAsync(gegevens)).Waarde;
        await using (var users = fixture.App.Services.CreateAsyncScope())
        {
            var manager = users.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            await manager.RemoveFromRoleAsync((await manager.FindByIdAsync(mentor.Id.ToString()))!, Rollen.Mentor);
        }

        var result = await handler.HandleAsync(gegevens with { Leerjaar = 3 });

        Assert.True(result.IsGelukt, result.Fout?.Melding);
        var opnieuw = await handler.HandleAsync(await NieuweKlasAsync(UniekeNaam(), 2030, mentor.Id));
        Assert.Equal(FoutSoort.Ongeldig, opnieuw.Fout?.Soort);
    }

    [Fact]
    public async Task The_handler_validates_again_whatever_the_form_let_through()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var result = await scope.ServiceProvider.GetRequiredService<KlasOpslaanHandler>()
            .HandleAsync(await NieuweKlasAsync("", 2030) with { Leerjaar = 8, MentorIds = [] });
        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        Assert.Equal("Vul de naam van de klas in. Het leerjaar ligt tussen 1 en 6. Kies minstens één mentor.", result.Fout?.Melding);
    }

    [Fact]
    public async Task The_schooljaar_of_an_existing_class_cannot_change()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var handler = scope.ServiceProvider.GetRequiredService<KlasOpslaanHandler>();
        var gegevens = await NieuweKlasAsync(UniekeNaam(), 2030);
        gegevens.Id = (await handler.HandleAsync(gegevens)).Waarde;
        var result = await handler.HandleAsync(gegevens with { Schooljaar = new Schooljaar(2031) });
        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
    }

    [Fact]
    public async Task Removing_an_empty_class_removes_its_mentors_and_lesopdrachten_too()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var gegevens = await NieuweKlasAsync(UniekeNaam(), 2030);
        var klasId = (await scope.ServiceProvider.GetRequiredService<KlasOpslaanHandler>().HandleAsync(gegevens)).Waarde;
        Assert.True((await scope.ServiceProvider.GetRequiredService<LesopdrachtOpslaanHandler>()
            .HandleAsync(new LesopdrachtGegevens { KlasId = klasId, MedewerkerId = A.Docent.Id, Vak = "aardrijkskunde" })).IsGelukt);

        var result = await scope.ServiceProvider.GetRequiredService<KlasVerwijderenHandler>().HandleAsync(klasId);

        Assert.True(result.IsGelukt, result.Fout?.Melding);
        Assert.Equal(gegevens.Naam, result.Waarde);
        await using var db = fixture.App.ContextFor(A.School.Id);
        Assert.False(await db.Klassen.AnyAsync(k => k.Id == klasId));
        Assert.False(await db.KlasMentoren.AnyAsync(m => m.KlasId == klasId));
        Assert.False(await db.Lesopdrachten.AnyAsync(l => l.KlasId == klasId));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Actie == AuditActie.Verwijderen && e.Detail.StartsWith($"klas {gegevens.Naam} (2030-2031) verwijderd")));
    }

    [Fact]
    public async Task A_class_with_students_cannot_be_removed_and_says_so_in_Dutch()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var result = await scope.ServiceProvider.GetRequiredService<KlasVerwijderenHandler>().HandleAsync(A.Klas.Id);

        Assert.Equal(FoutSoort.Conflict, result.Fout?.Soort);
        Assert.Equal("Klas 1A heeft leerlingen en kan niet worden verwijderd. Plaats de leerlingen eerst in een andere klas.", result.Fout?.Melding);
        await using var db = fixture.App.ContextFor(A.School.Id);
        Assert.True(await db.Klassen.AnyAsync(k => k.Id == A.Klas.Id));
    }

    [Fact]
    public async Task The_class_list_is_paged_sorted_and_searched_in_the_database()
    {
        const int jaar = 2041;
        await using var scope = await AlsBeheerderAsync(A);
        var opslaan = scope.ServiceProvider.GetRequiredService<KlasOpslaanHandler>();
        foreach (var (naam, leerjaar) in new[] { ("P1", 3), ("P2", 1), ("P3", 2) })
        {
            Assert.True((await opslaan.HandleAsync(await NieuweKlasAsync(naam, jaar) with { Leerjaar = leerjaar })).IsGelukt);
        }
        var lijst = scope.ServiceProvider.GetRequiredService<KlassenBeheerHandler>();
        async Task<Pagina<KlasBeheerRegel>> Lijst(PaginaVerzoek pagina, string? zoek = null) =>
            (await lijst.HandleAsync(new KlassenZoekopdracht(new Schooljaar(jaar), zoek, pagina))).Waarde!;

        var eerste = await Lijst(new PaginaVerzoek(0, 2));
        Assert.Equal(3, eerste.Totaal);
        Assert.Equal(["P2", "P3"], eerste.Items.Select(k => k.Naam));
        Assert.Equal(["P1"], (await Lijst(new PaginaVerzoek(1, 2))).Items.Select(k => k.Naam));
        Assert.Equal(["P3", "P2", "P1"], (await Lijst(new PaginaVerzoek(0, 10, KlassenBeheerHandler.OpNaam, Aflopend: true))).Items.Select(k => k.Naam));
        var gezocht = await Lijst(new PaginaVerzoek(), "p2");
        Assert.Equal(1, gezocht.Totaal);
        var regel = Assert.Single(gezocht.Items);
        Assert.Equal([A.Mentor.Id], regel.Mentoren.Select(m => m.Id));
        Assert.Equal(0, regel.AantalLeerlingen);
    }

    [Fact]
    public async Task The_list_counts_the_students_of_a_class()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var pagina = (await scope.ServiceProvider.GetRequiredService<KlassenBeheerHandler>()
            .HandleAsync(new KlassenZoekopdracht(TestData.HuidigSchooljaar, "1A"))).Waarde!;
        var klas = Assert.Single(pagina.Items, k => k.Id == A.Klas.Id);
        Assert.Equal(A.Leerlingen.Count, klas.AantalLeerlingen);
    }
}
