using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Voortgangsgesprekken;
using Leerlingzorg.Web.Tests.Features.Tijdlijn;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Voortgangsgesprekken;

/// <summary>The voortgangsgesprekken per class: 0–3 per student within the class's schooljaar, existence only, for who sees the class.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class VoortgangTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    [Fact]
    public async Task The_overview_counts_the_voortgangsgesprekken_of_this_schooljaar_per_student()
    {
        var s = await Data.SchoolAsync("Voortgangschool", aantalLeerlingen: 4);
        var data = new Dossierdata(fixture.App, s.School.Id);
        var begin = s.Klas.Schooljaar.Begin;
        var (l0, l1, l2) = (s.Leerlingen[0].Id, s.Leerlingen[1].Id, s.Leerlingen[2].Id);
        var ander = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        await data.GesprekAsync(l0, s.Mentor.Id, begin.AddDays(30), soort: "Voortgangsgesprek");
        await data.GesprekAsync(l0, s.Mentor.Id, begin.AddDays(120), soort: "Voortgangsgesprek");
        // Counted although the mentor may not read it; its content is not part of the overview.
        await data.GesprekAsync(l0, ander.Id, begin.AddDays(200), Vertrouwelijkheid.Vertrouwelijk, soort: "Voortgangsgesprek", samenvatting: "Geheim");
        await data.GesprekAsync(l0, s.Mentor.Id, begin.AddDays(-20), soort: "Voortgangsgesprek"); // last schooljaar
        await data.GesprekAsync(l1, s.Mentor.Id, begin.AddDays(60), soort: "Voortgangsgesprek");
        await data.GesprekAsync(l1, s.Mentor.Id, begin.AddDays(70), soort: "Voortgangsgesprek", verwijderd: true);
        await data.GesprekAsync(l1, s.Mentor.Id, begin.AddDays(80), soort: "Mentorgesprek");
        await data.GesprekAsync(l2, s.Mentor.Id, s.Klas.Schooljaar.Einde.AddDays(1), soort: "Voortgangsgesprek"); // next schooljaar

        await using var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor);
        var result = await scope.ServiceProvider.GetRequiredService<VoortgangsgesprekkenHandler>().HandleAsync(s.Klas.Id);
        Assert.True(result.IsGelukt);
        var overzicht = result.Waarde!;
        var perLeerling = overzicht.Leerlingen.ToDictionary(r => r.LeerlingId);
        Assert.Equal(4, perLeerling.Count);
        Assert.Equal((3, (DateOnly?)begin.AddDays(200)), (perLeerling[l0].Aantal, perLeerling[l0].Laatste));
        Assert.Equal((1, (DateOnly?)begin.AddDays(60)), (perLeerling[l1].Aantal, perLeerling[l1].Laatste));
        Assert.Equal((0, (DateOnly?)null), (perLeerling[l2].Aantal, perLeerling[l2].Laatste));
        Assert.Equal(0, perLeerling[s.Leerlingen[3].Id].Aantal);
        Assert.Equal([2, 1, 1], new[] { overzicht.AantalMetRonde(1), overzicht.AantalMetRonde(2), overzicht.AantalMetRonde(3) });
    }

    [Fact]
    public async Task A_docent_of_the_class_sees_the_overview_and_a_user_without_the_class_does_not()
    {
        await using (var scope = fixture.App.ScopeAs(fixture.A.Docent, Rollen.Docent))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<VoortgangsgesprekkenHandler>().HandleAsync(fixture.A.Klas.Id)).IsGelukt);
        }
        var andereMentor = await Data.UserAsync(fixture.A.School.Id, Rollen.Mentor);
        await using (var scope = fixture.App.ScopeAs(andereMentor, Rollen.Mentor))
        {
            var result = await scope.ServiceProvider.GetRequiredService<VoortgangsgesprekkenHandler>().HandleAsync(fixture.A.Klas.Id);
            Assert.Equal(FoutSoort.NietGevonden, result.Fout?.Soort);
        }
    }

    [Fact]
    public async Task A_user_of_school_B_sees_nothing_of_a_class_of_school_A()
    {
        var zorgB = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        await using var scope = fixture.App.ScopeAs(zorgB, Rollen.Zorgcoordinator);
        var result = await scope.ServiceProvider.GetRequiredService<VoortgangsgesprekkenHandler>().HandleAsync(fixture.A.Klas.Id);
        Assert.Equal(FoutSoort.NietGevonden, result.Fout?.Soort);
    }
}
