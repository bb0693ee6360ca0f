using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Leerlingen;

/// <summary>The student list: paged, sorted and filtered in the database, need-to-know, audited.</summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class LeerlingenLijstTests(LeerlingenFixture fixture) : IClassFixture<LeerlingenFixture>
{
    private TestData Data => new(fixture.App);

    private async Task<LeerlingenPagina> LijstAsync(Gebruiker user, string rol, LeerlingenVraag vraag)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<LeerlingenLijstHandler>().HandleAsync(vraag);
    }

    private async Task<Gebruiker> BeheerderAsync() => await Data.UserAsync(fixture.A.School.Id, Rollen.Beheerder);

    [Fact]
    public async Task Pages_of_ten_sorted_by_name_together_hold_the_whole_class_once()
    {
        var beheerder = await BeheerderAsync();
        var paginas = new List<LeerlingenPagina>();
        for (var pagina = 0; pagina < 3; pagina++)
        {
            paginas.Add(await LijstAsync(beheerder, Rollen.Beheerder, new LeerlingenVraag(pagina, 10, KlasId: fixture.Lijstklas.Id)));
        }
        Assert.All(paginas, p => Assert.Equal(LeerlingenFixture.InLijstklas, p.Totaal));
        Assert.Equal([10, 10, 8], paginas.Select(p => p.Regels.Count));
        var namen = paginas.SelectMany(p => p.Regels).Select(r => r.Voornaam).ToList();
        Assert.Equal(namen.Order(StringComparer.Ordinal), namen);
        Assert.Equal(LeerlingenFixture.InLijstklas, namen.Distinct().Count());
        Assert.All(paginas.SelectMany(p => p.Regels), r => Assert.Equal("2L", r.Klas));
    }

    [Fact]
    public async Task Sorting_by_leerlingnummer_descending_is_done_in_the_database()
    {
        var pagina = await LijstAsync(await BeheerderAsync(), Rollen.Beheerder,
            new LeerlingenVraag(0, 5, LeerlingSortering.Leerlingnummer, Aflopend: true, KlasId: fixture.Lijstklas.Id));
        Assert.Equal(["L099", "L098", "L097", "L096", "L095"], pagina.Regels.Select(r => r.Leerlingnummer));
    }

    [Theory]
    [InlineData(StatusFilter.Ingeschreven, LeerlingenFixture.InLijstklas)]
    [InlineData(StatusFilter.Uitgeschreven, LeerlingenFixture.Uitgeschreven)]
    [InlineData(StatusFilter.Alle, LeerlingenFixture.InLijstklas + LeerlingenFixture.Uitgeschreven)]
    public async Task The_status_filter_shows_enrolled_students_by_default_and_the_others_on_request(StatusFilter status, int aantal)
    {
        var pagina = await LijstAsync(await BeheerderAsync(), Rollen.Beheerder, new LeerlingenVraag(0, 100, Status: status, Naam: "lijsttest"));
        Assert.Equal(aantal, pagina.Totaal);
        Assert.All(pagina.Regels, r => Assert.Equal("Lijsttest", r.Achternaam));
        if (status == StatusFilter.Uitgeschreven)
        {
            Assert.All(pagina.Regels, r => Assert.Equal(new DateOnly(2026, 1, 31), r.Uitschrijfdatum));
        }
    }

    [Fact]
    public async Task The_default_query_lists_only_enrolled_students()
    {
        Assert.Equal(StatusFilter.Ingeschreven, new LeerlingenVraag().Status);
        var pagina = await LijstAsync(await BeheerderAsync(), Rollen.Beheerder, new LeerlingenVraag(0, 100));
        Assert.All(pagina.Regels, r => Assert.Equal(LeerlingStatus.Ingeschreven, r.Status));
    }

    [Fact]
    public async Task The_klas_filter_and_the_name_search_narrow_the_list()
    {
        var beheerder = await BeheerderAsync();
        var klas1A = await LijstAsync(beheerder, Rollen.Beheerder, new LeerlingenVraag(0, 100, KlasId: fixture.A.Klas.Id));
        Assert.All(klas1A.Regels, r => Assert.Equal(fixture.A.Klas.Id, r.KlasId));
        Assert.Contains(klas1A.Regels, r => r.Id == fixture.A.Leerlingen[0].Id);

        // A typo in the name still finds the students, listed in name order; a number finds its student.
        var opNaam = await LijstAsync(beheerder, Rollen.Beheerder, new LeerlingenVraag(0, 100, Naam: "lijstest"));
        Assert.Equal(LeerlingenFixture.InLijstklas, opNaam.Totaal);
        var opNummer = await LijstAsync(beheerder, Rollen.Beheerder, new LeerlingenVraag(0, 100, Naam: "l093"));
        Assert.Contains(opNummer.Regels, r => r.Id == fixture.Lijstleerlingen[6].Id);
        Assert.DoesNotContain(opNummer.Regels, r => r.Id == fixture.A.Leerlingen[0].Id);
    }

    [Fact]
    public async Task The_name_filter_of_the_list_is_stricter_than_the_quick_search()
    {
        var beheerder = await BeheerderAsync();
        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            db.Leerlingen.AddRange(
                new Leerling { Leerlingnummer = "J1", Voornaam = "Anna", Achternaam = "Jansen", Geboortedatum = new DateOnly(2012, 2, 2) },
                new Leerling { Leerlingnummer = "J2", Voornaam = "Jan", Tussenvoegsel = "de", Achternaam = "Vries", Geboortedatum = new DateOnly(2012, 2, 2) });
            await db.SaveChangesAsync();
        }
        var lijst = await LijstAsync(beheerder, Rollen.Beheerder, new LeerlingenVraag(0, 100, Naam: "jansne"));
        Assert.Contains(lijst.Regels, r => r.Leerlingnummer == "J1");
        Assert.DoesNotContain(lijst.Regels, r => r.Leerlingnummer == "J2");
    }

    [Fact]
    public async Task A_page_size_above_one_hundred_is_capped()
    {
        var pagina = await LijstAsync(await BeheerderAsync(), Rollen.Beheerder, new LeerlingenVraag(-3, 5000, Status: StatusFilter.Alle));
        Assert.True(pagina.Regels.Count <= LeerlingenLijstHandler.MaximalePaginaGrootte);
    }

    [Fact]
    public async Task A_mentor_lists_only_the_students_of_his_classes()
    {
        var mentor = await Data.UserAsync(fixture.A.School.Id, Rollen.Mentor);
        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            db.KlasMentoren.Add(new KlasMentor { KlasId = fixture.Lijstklas.Id, MedewerkerId = mentor.Id });
            await db.SaveChangesAsync();
        }
        var pagina = await LijstAsync(mentor, Rollen.Mentor, new LeerlingenVraag(0, 100));
        Assert.Equal(LeerlingenFixture.InLijstklas, pagina.Totaal);
        Assert.All(pagina.Regels, r => Assert.Equal(fixture.Lijstklas.Id, r.KlasId));
    }

    [Fact]
    public async Task A_docent_without_lessons_lists_nobody_and_school_B_lists_nobody_of_school_A()
    {
        var docent = await Data.UserAsync(fixture.A.School.Id, Rollen.Docent);
        Assert.Equal(0, (await LijstAsync(docent, Rollen.Docent, new LeerlingenVraag(Status: StatusFilter.Alle))).Totaal);

        var beheerderB = await Data.UserAsync(fixture.B.School.Id, Rollen.Beheerder);
        var lijstB = await LijstAsync(beheerderB, Rollen.Beheerder, new LeerlingenVraag(0, 100, Status: StatusFilter.Alle));
        var vanA = fixture.A.Leerlingen.Select(l => l.Id).Concat(fixture.Lijstleerlingen.Select(l => l.Id)).ToHashSet();
        Assert.DoesNotContain(lijstB.Regels, r => vanA.Contains(r.Id));
        Assert.Contains(lijstB.Regels, r => r.Id == fixture.B.Leerlingen[0].Id);
        Assert.Equal(0, (await LijstAsync(beheerderB, Rollen.Beheerder, new LeerlingenVraag(KlasId: fixture.Lijstklas.Id))).Totaal);
    }

    [Fact]
    public async Task Showing_a_page_is_one_read_per_student_shown_in_the_audit_log_without_names()
    {
        var beheerder = await BeheerderAsync();
        var pagina = await LijstAsync(beheerder, Rollen.Beheerder, new LeerlingenVraag(0, 10, Naam: "lijsttest"));
        Assert.NotEmpty(pagina.Regels);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        var regels = await db.AuditEntries.Where(a => a.GebruikerId == beheerder.Id).ToListAsync();
        Assert.Equal(pagina.Regels.Select(r => r.Id).Order(), regels.Select(r => r.LeerlingId ?? Guid.Empty).Order());
        Assert.All(regels, regel =>
        {
            Assert.Equal(AuditActie.Lezen, regel.Actie);
            Assert.StartsWith("leerlingenlijst", regel.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("ijsttest", regel.Detail, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task The_klas_filter_offers_the_classes_of_this_schooljaar()
    {
        await using var scope = fixture.App.ScopeAs(await BeheerderAsync(), Rollen.Beheerder);
        var klassen = await scope.ServiceProvider.GetRequiredService<LeerlingenLijstHandler>().KlassenAsync();
        Assert.Equal(["1A", "2L"], klassen.Select(k => k.Naam));
    }
}
