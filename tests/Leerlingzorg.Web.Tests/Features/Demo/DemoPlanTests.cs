using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Tests.Features.Import;
using Leerlingzorg.Web.Infrastructure.DemoData;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Tests.Features.Demo;

/// <summary>The demo promises an OPP waiting for both parents of the Vallei demo parents' child (README, issue 11).</summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class DemoPlanTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    [Fact]
    public async Task Vallei_demo_parents_find_version_2_of_their_childs_OPP_waiting_and_version_1_in_force()
    {
        Guid schoolId;
        Guid[] ouderGebruikers;
        await using (var db = fixture.App.ContextFor(null))
        {
            var school = await db.Scholen.SingleAsync(s => s.Naam == DemoDataSeeder.Vallei.Naam);
            Assert.Equal(Instemmingsbeleid.EenOuder, school.OppInstemming);
            schoolId = school.Id;
            ouderGebruikers = await db.Users
                .Where(u => u.Email == "ouder@" + DemoDataSeeder.Vallei.Domein || u.Email == "ouder2@" + DemoDataSeeder.Vallei.Domein)
                .Select(u => u.Id).ToArrayAsync();
        }
        Assert.Equal(2, ouderGebruikers.Length);
        await using var vallei = fixture.App.ContextFor(schoolId);
        var ouders = await vallei.Ouders.Where(o => o.GebruikerId != null && ouderGebruikers.Contains(o.GebruikerId.Value)).Select(o => o.Id).ToListAsync();
        var plan = await vallei.Plannen.Include(p => p.Versies).SingleAsync();
        Assert.Equal([PlanStatus.InUitvoering, PlanStatus.TerInstemming], plan.Versies.OrderBy(v => v.Nummer).Select(v => v.Status));
        var open = await vallei.Instemmingen.Where(i => i.Status == InstemmingStatus.Open).ToListAsync();
        Assert.Equal(ouders.Order(), open.Select(i => i.OuderId!.Value).Order());
        Assert.All(open, i => Assert.Equal(plan.Laatste.Id, i.VersieId));
        Assert.Equal(2, await vallei.Instemmingen.CountAsync(i => i.Status == InstemmingStatus.Ingestemd));
        Assert.Equal(VerzoekStatus.Open, (await vallei.Toestemmingsverzoeken.SingleAsync()).Status);

        Guid rijnlandId;
        await using (var db = fixture.App.ContextFor(null))
        {
            rijnlandId = (await db.Scholen.SingleAsync(s => s.Naam == DemoDataSeeder.Rijnland.Naam)).Id;
        }
        await using var rijnland = fixture.App.ContextFor(rijnlandId);
        Assert.False(await rijnland.Plannen.AnyAsync());
    }
}
