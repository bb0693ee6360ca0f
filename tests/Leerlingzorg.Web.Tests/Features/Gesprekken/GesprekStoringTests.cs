using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Gesprekken;

/// <summary>
/// The database goes away while the mentor saves a gesprek: the handler answers with a Dutch result instead of
/// an exception that would end the circuit, and the same input saves once PostgreSQL is back. A cluster of its
/// own, so that stopping it does not disturb the other tests.
/// </summary>
public sealed class GesprekStoringTests() : EigenClusterTests("storing")
{
    [Fact]
    public async Task Saving_a_gesprek_while_the_database_is_down_gives_a_Dutch_result_and_succeeds_when_it_is_back()
    {
        var school = await new TestData(App).SchoolAsync("Storingschool");
        Guid soort;
        await using (var db = App.ContextFor(school.School.Id))
        {
            soort = await db.GesprekSoorten.Where(s => !s.IsVoortgangsgesprek).Select(s => s.Id).FirstAsync();
        }
        var invoer = new GesprekInvoer
        {
            SoortId = soort, Datum = Schooldag.Picker, LeerlingIds = [school.Leerlingen[1].Id], Samenvatting = "Gesprek tijdens een storing.",
        };
        await using var scope = App.ScopeAs(school.Mentor, Rollen.Mentor);
        var vastleggen = scope.ServiceProvider.GetRequiredService<GesprekVastleggenHandler>();
        var wijzigen = scope.ServiceProvider.GetRequiredService<GesprekWijzigenHandler>();

        await Postgres.StopAsync();
        var tijdensStoring = await vastleggen.HandleAsync(invoer);
        var openenTijdensStoring = await vastleggen.NieuwAsync(school.Leerlingen[1].Id, null);
        var wijzigenTijdensStoring = await wijzigen.HandleAsync(new GesprekInvoer
        {
            Id = Guid.NewGuid(), Versie = 1, SoortId = soort, Datum = Schooldag.Picker, LeerlingIds = [school.Leerlingen[1].Id], Samenvatting = "x",
        });

        Assert.Equal(FoutSoort.Onbereikbaar, tijdensStoring.Fout?.Soort);
        Assert.Equal("De database is even niet bereikbaar. Je invoer is bewaard; probeer het zo opnieuw.", tijdensStoring.Fout?.Melding);
        Assert.Equal(FoutSoort.Onbereikbaar, openenTijdensStoring.Fout?.Soort);
        Assert.Equal(FoutSoort.Onbereikbaar, wijzigenTijdensStoring.Fout?.Soort);
        Assert.Equal("Gesprek tijdens een storing.", invoer.Samenvatting);

        await Postgres.RestartAsync();
        // Connections broken by the restart leave the pool as they are found: a few tries at most.
        Result<Guid> daarna = default;
        for (var poging = 0; poging < 10; poging++)
        {
            daarna = await vastleggen.HandleAsync(invoer);
            if (daarna.Fout?.Soort != FoutSoort.Onbereikbaar)
            {
                break;
            }
            await Task.Delay(300);
        }
        Assert.True(daarna.IsGelukt, daarna.Fout?.Melding);
        await using var check = App.ContextFor(school.School.Id);
        Assert.Equal("Gesprek tijdens een storing.", (await check.Gesprekken.SingleAsync(g => g.Id == daarna.Waarde)).Samenvatting);
    }
}
