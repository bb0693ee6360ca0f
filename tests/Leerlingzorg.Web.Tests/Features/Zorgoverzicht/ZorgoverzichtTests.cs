using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Features.Zorgoverzicht;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Zorgoverzicht;

/// <summary>
/// The zorgcoördinator's overview (issue 9, Deliver 6): the counts per level and leerjaar and the four lists, server-paged,
/// for the care roles (every student) and the coördinator (his students), never for a mentor or docent; every student shown
/// is audited; nothing of another school.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ZorgoverzichtTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    private sealed record School(SchoolScenario S, Gebruiker Zorgcoordinator, Gebruiker Coordinator2, Guid Leerling2Id);

    /// <summary>
    /// A school whose first student is on PM III without an active intervention, the second on PM II with an intervention whose
    /// review is overdue, the third on PM I with a consent expiring in a week; and one student of leerjaar 2 on PM III.
    /// </summary>
    private async Task<School> SchoolAsync(string naam)
    {
        var s = await Data.SchoolAsync(naam);
        var zorg = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var coordinator2 = await Data.UserAsync(s.School.Id, Rollen.Leerjaarcoordinator);
        var vandaag = Schooldag.Vandaag;
        var klas2 = new Klas { Naam = "2A", Leerjaar = 2, AfdelingId = s.Klas.AfdelingId, LocatieId = s.Locatie.Id, Schooljaar = s.Klas.Schooljaar };
        var leerling2 = new Domain.Leerlingen.Leerling
        {
            Leerlingnummer = "20001", Voornaam = "Tweede", Achternaam = naam, Geboortedatum = new DateOnly(2012, 5, 1), KlasId = klas2.Id,
            PmNiveau = PmNiveau.PmIII, PmSinds = vandaag.AddDays(-30),
        };
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Klassen.Add(klas2);
            db.Leerlingen.Add(leerling2);
            db.Coordinatoren.Add(new Coordinator { MedewerkerId = coordinator2.Id, Leerjaar = 2 });
            var leerlingen = await db.Leerlingen.AsTracking().Where(l => s.Leerlingen.Select(x => x.Id).Contains(l.Id)).ToListAsync();
            leerlingen.Single(l => l.Id == s.Leerlingen[0].Id).PmNiveau = PmNiveau.PmIII;
            leerlingen.Single(l => l.Id == s.Leerlingen[0].Id).PmSinds = vandaag.AddDays(-10);
            leerlingen.Single(l => l.Id == s.Leerlingen[1].Id).PmNiveau = PmNiveau.PmII;
            var aanbod = await db.Ondersteuningsaanbod.FirstAsync();
            // The seed's intervention of the first student is active: stop it, so that he stands on PM III without one.
            var seed = await db.Inzetten.AsTracking().SingleAsync(i => i.LeerlingId == s.Leerlingen[0].Id);
            seed.Status = InzetStatus.Afgerond;
            seed.BeeindigdOp = vandaag.AddDays(-1);
            db.Inzetten.Add(new Inzet
            {
                LeerlingId = s.Leerlingen[1].Id, AanbodId = aanbod.Id, Doel = "Plannen", Start = vandaag.AddDays(-60), EigenaarId = zorg.Id,
                VolgendeEvaluatie = vandaag.AddDays(-3), Status = InzetStatus.Actief, AangemaaktOp = DateTimeOffset.UtcNow, AangemaaktDoor = zorg.Id,
            });
            db.Toestemmingen.Add(new Toestemming
            {
                LeerlingId = s.Leerlingen[2].Id, Doel = ToestemmingDoel.ObservatieOrthopedagoog, Wijze = ToestemmingWijze.Schriftelijk,
                GegevenOp = vandaag.AddDays(-100), GeldigTot = vandaag.AddDays(7), VastgelegdOp = DateTimeOffset.UtcNow, VastgelegdDoor = zorg.Id,
                OuderId = s.Ouder.Id,
            });
            await db.SaveChangesAsync();
        }
        return new School(s, zorg, coordinator2, leerling2.Id);
    }

    private async Task<ZorgPagina> LijstAsync(Gebruiker user, string rol, ZorgoverzichtVraag vraag)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        var resultaat = await scope.ServiceProvider.GetRequiredService<ZorgoverzichtHandler>().HandleAsync(vraag);
        Assert.True(resultaat.IsGelukt, resultaat.Fout?.Melding);
        return resultaat.Waarde;
    }

    [Fact]
    public async Task The_zorgcoordinator_sees_counts_per_level_and_leerjaar_and_the_four_lists()
    {
        var school = await SchoolAsync("Zorgoverzichtschool");
        var s = school.S;
        await using (var scope = fixture.App.ScopeAs(school.Zorgcoordinator, Rollen.Zorgcoordinator))
        {
            var telling = await scope.ServiceProvider.GetRequiredService<ZorgoverzichtHandler>().TellingAsync();
            Assert.True(telling.IsGelukt);
            Assert.Equal(
                [new NiveauTelling(1, PmNiveau.PmI, 1), new NiveauTelling(1, PmNiveau.PmII, 1), new NiveauTelling(1, PmNiveau.PmIII, 1), new NiveauTelling(2, PmNiveau.PmIII, 1)],
                telling.Waarde);
        }
        var pm3 = await LijstAsync(school.Zorgcoordinator, Rollen.Zorgcoordinator, new ZorgoverzichtVraag(ZorgLijst.PerNiveau, PmNiveau.PmIII));
        Assert.Equal(2, pm3.Totaal);
        var leerjaar2 = await LijstAsync(school.Zorgcoordinator, Rollen.Zorgcoordinator, new ZorgoverzichtVraag(ZorgLijst.PerNiveau, PmNiveau.PmIII, Leerjaar: 2));
        Assert.Equal([school.Leerling2Id], leerjaar2.Regels.Select(r => r.LeerlingId));

        var inzet = await LijstAsync(school.Zorgcoordinator, Rollen.Zorgcoordinator, new ZorgoverzichtVraag(ZorgLijst.InzetAflopend));
        var regel = Assert.Single(inzet.Regels);
        Assert.Equal((s.Leerlingen[1].Id, true, Schooldag.Vandaag.AddDays(-3)), (regel.LeerlingId, regel.Verlopen, regel.Datum));

        var toestemming = await LijstAsync(school.Zorgcoordinator, Rollen.Zorgcoordinator, new ZorgoverzichtVraag(ZorgLijst.ToestemmingVerloopt));
        Assert.Equal([(s.Leerlingen[2].Id, "Observatie door de orthopedagoog")], toestemming.Regels.Select(r => (r.LeerlingId, r.Onderwerp)));

        var zonder = await LijstAsync(school.Zorgcoordinator, Rollen.Zorgcoordinator, new ZorgoverzichtVraag(ZorgLijst.ZonderInzet));
        Assert.Equal(new[] { s.Leerlingen[0].Id, school.Leerling2Id }.Order(), zonder.Regels.Select(r => r.LeerlingId).Order());
        Assert.All(zonder.Regels, r => Assert.Equal(PmNiveau.PmIII, r.Niveau));

        // Every student shown is a read line of the zorgcoördinator.
        await using var db = fixture.App.ContextFor(s.School.Id);
        var gelezen = await db.AuditEntries.Where(a => a.GebruikerId == school.Zorgcoordinator.Id && a.LeerlingId != null).Select(a => a.LeerlingId!.Value).Distinct().ToListAsync();
        Assert.Equal(new[] { s.Leerlingen[0].Id, s.Leerlingen[1].Id, s.Leerlingen[2].Id, school.Leerling2Id }.Order(), gelezen.Order());
    }

    [Fact]
    public async Task The_list_is_paged_in_the_database()
    {
        var school = await SchoolAsync("Zorgpaginaschool");
        var eerste = await LijstAsync(school.Zorgcoordinator, Rollen.Zorgcoordinator, new ZorgoverzichtVraag(ZorgLijst.PerNiveau, PaginaGrootte: 2));
        var tweede = await LijstAsync(school.Zorgcoordinator, Rollen.Zorgcoordinator, new ZorgoverzichtVraag(ZorgLijst.PerNiveau, Pagina: 1, PaginaGrootte: 2));
        Assert.Equal((4, 2, 2), (eerste.Totaal, eerste.Regels.Count, tweede.Regels.Count));
        Assert.Empty(eerste.Regels.Select(r => r.LeerlingId).Intersect(tweede.Regels.Select(r => r.LeerlingId)));
        // Highest level first.
        Assert.Equal(PmNiveau.PmIII, eerste.Regels[0].Niveau);
    }

    [Fact]
    public async Task A_coordinator_sees_only_the_students_he_coordinates()
    {
        var school = await SchoolAsync("Zorgcoordinatorschool");
        var lijst = await LijstAsync(school.Coordinator2, Rollen.Leerjaarcoordinator, new ZorgoverzichtVraag(ZorgLijst.PerNiveau));
        Assert.Equal([school.Leerling2Id], lijst.Regels.Select(r => r.LeerlingId));
    }

    [Theory]
    [InlineData(Rollen.Mentor)]
    [InlineData(Rollen.Docent)]
    [InlineData(Rollen.Schoolleiding)]
    [InlineData(Rollen.Beheerder)]
    public async Task Other_roles_are_refused_by_the_handler(string rol)
    {
        var school = await SchoolAsync("Zorgweigerschool " + rol);
        var user = rol switch { Rollen.Mentor => school.S.Mentor, Rollen.Docent => school.S.Docent, _ => await Data.UserAsync(school.S.School.Id, rol) };
        await using var scope = fixture.App.ScopeAs(user, rol);
        var handler = scope.ServiceProvider.GetRequiredService<ZorgoverzichtHandler>();
        Assert.Equal(Fout.GeenToegang, (await handler.HandleAsync(new ZorgoverzichtVraag())).Fout);
        Assert.Equal(Fout.GeenToegang, (await handler.TellingAsync()).Fout);
    }

    [Fact]
    public async Task A_zorgcoordinator_of_another_school_sees_none_of_these_students()
    {
        var school = await SchoolAsync("Zorgisolatieschool");
        var ander = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        foreach (var lijst in Enum.GetValues<ZorgLijst>())
        {
            var pagina = await LijstAsync(ander, Rollen.Zorgcoordinator, new ZorgoverzichtVraag(lijst, PaginaGrootte: 100));
            Assert.DoesNotContain(pagina.Regels, r => r.LeerlingId == school.Leerling2Id || school.S.Leerlingen.Any(l => l.Id == r.LeerlingId));
        }
    }
}
