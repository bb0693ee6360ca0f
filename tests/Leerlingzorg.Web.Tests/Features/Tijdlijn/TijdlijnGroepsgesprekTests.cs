using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Tijdlijn;

/// <summary>A groepsgesprek is recognisable on the timeline of each of its students: it carries how many students it was about.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class TijdlijnGroepsgesprekTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    [Fact]
    public async Task A_groepsgesprek_carries_its_number_of_students_and_an_ordinary_gesprek_one()
    {
        var leerlingen = fixture.A.Leerlingen.Select(l => l.Id).ToArray();
        var groep = await new Dossierdata(fixture.App, fixture.A.School.Id)
            .GesprekAsync(leerlingen[0], fixture.A.Mentor.Id, Dossierdata.Vandaag.AddDays(-5), samenvatting: "Groepsgesprek over het werkstuk");
        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            db.GesprekLeerlingen.AddRange(leerlingen.Skip(1).Select(l => new GesprekLeerling { GesprekId = groep.Id, LeerlingId = l }));
            await db.SaveChangesAsync();
        }
        var alleen = await new Dossierdata(fixture.App, fixture.A.School.Id)
            .GesprekAsync(leerlingen[1], fixture.A.Mentor.Id, Dossierdata.Vandaag.AddDays(-4), samenvatting: "Gesprek met één leerling");

        await using var scope = fixture.App.ScopeAs(fixture.A.Mentor, Rollen.Mentor);
        var handler = scope.ServiceProvider.GetRequiredService<TijdlijnHandler>();
        foreach (var leerling in leerlingen)
        {
            var items = (await handler.HandleAsync(new TijdlijnVraag(leerling, Filter: TijdlijnFilterSoort.Gesprekken))).Waarde!.Items;
            Assert.Equal(leerlingen.Length, items.Single(i => i.Id == groep.Id).AantalLeerlingen);
        }
        var eigen = (await handler.HandleAsync(new TijdlijnVraag(leerlingen[1]))).Waarde!.Items;
        Assert.Equal(1, eigen.Single(i => i.Id == alleen.Id).AantalLeerlingen);
    }
}
