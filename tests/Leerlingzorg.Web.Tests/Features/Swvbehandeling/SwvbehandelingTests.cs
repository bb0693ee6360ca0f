using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Swvaanvragen;
using Leerlingzorg.Web.Features.Swvbehandeling;
using Leerlingzorg.Web.Tests.Features.Swvaanvragen;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Swvbehandeling;

/// <summary>
/// The samenwerkingsverband handles what a school sent (issue 12): only SWV staff, each in its own part — the orthopedagoog
/// and the manager assess, the manager decides within the budget, the CTO advises — and the decision lands at the school.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class SwvbehandelingTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly DateOnly Vandaag = Schooldag.Vandaag;

    private TestData Data => new(fixture.App);

    private async Task<T> AlsAsync<T>(Gebruiker user, string rol, Func<SwvbehandelingHandler, Task<T>> actie)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await actie(scope.ServiceProvider.GetRequiredService<SwvbehandelingHandler>());
    }

    /// <summary>A school whose zorgcoördinator sent an arrangement (€ 12.500) or CTO referral, and the SWV's three staff.</summary>
    private async Task<Scenario> IngediendAsync(string naam, Aanvraagsoort soort = Aanvraagsoort.Individueel)
    {
        var (s, leerling) = await AanvraagIndienenTests.ScenarioAsync(fixture.App, naam, metToestemming: true);
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var invoer = AanvraagIndienenTests.Invoer(leerling.Id);
        invoer.Soort = soort;
        Guid id;
        await using (var scope = fixture.App.ScopeAs(zco, Rollen.Zorgcoordinator))
        {
            var result = await scope.ServiceProvider.GetRequiredService<AanvraagIndienenHandler>().HandleAsync(invoer);
            Assert.True(result.IsGelukt, result.Fout?.Melding);
            id = result.Waarde;
        }
        return new Scenario(s, leerling.Id, zco, id,
            await Data.SwvUserAsync(s.Swv.Id, Rollen.SwvMedewerker),
            await Data.SwvUserAsync(s.Swv.Id, Rollen.SwvOrthopedagoog),
            await Data.SwvUserAsync(s.Swv.Id, Rollen.SwvManager));
    }

    private sealed record Scenario(SchoolScenario S, Guid LeerlingId, Gebruiker Zco, Guid AanvraagId, Gebruiker Medewerker, Gebruiker Orthopedagoog, Gebruiker Manager);

    private async Task<SwvDetail> DetailAsync(Gebruiker user, string rol, Guid id)
    {
        var detail = await AlsAsync(user, rol, h => h.DetailAsync(id));
        Assert.True(detail.IsGelukt, detail.Fout?.Melding);
        return detail.Waarde;
    }

    [Fact]
    public async Task School_staff_and_parents_never_reach_the_swv_handling()
    {
        var sc = await IngediendAsync("Swv behandeling rollen");
        foreach (var (user, rol) in new[] { (sc.Zco, Rollen.Zorgcoordinator), (sc.S.Mentor, Rollen.Mentor), (sc.S.OuderGebruiker, Rollen.Ouder) })
        {
            Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync(user, rol, h => h.StartAsync())).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync(user, rol, h => h.DetailAsync(sc.AanvraagId))).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync(user, rol, h => h.LijstAsync(Aanvraagfilter.Alle, null, null))).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync(user, rol, h => h.BeoordeelAsync(sc.AanvraagId, 0, true, "ja"))).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync(user, rol, h => h.BudgetVaststellenAsync(Schooljaar.Op(Vandaag), 1_000m))).Fout?.Soort);
        }
        // A medewerker neither assesses nor decides nor sets the budget.
        var versie = (await DetailAsync(sc.Medewerker, Rollen.SwvMedewerker, sc.AanvraagId)).Aanvraag.Versie;
        Assert.Equal(FoutSoort.Ongeldig, (await AlsAsync(sc.Medewerker, Rollen.SwvMedewerker, h => h.BeoordeelAsync(sc.AanvraagId, versie, true, "ja"))).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync(sc.Medewerker, Rollen.SwvMedewerker, h => h.BudgetVaststellenAsync(Schooljaar.Op(Vandaag), 1_000m))).Fout?.Soort);
        await using var db = fixture.App.ContextForSwv(sc.S.Swv.Id);
        Assert.Empty(await db.Beoordelingen.Where(b => b.AanvraagId == sc.AanvraagId).ToListAsync());
    }

    [Fact]
    public async Task Another_swv_sees_nothing_of_the_application()
    {
        var sc = await IngediendAsync("Swv behandeling eigen");
        var ander = await Data.SchoolAsync("Swv behandeling ander");
        var vreemde = await Data.SwvUserAsync(ander.Swv.Id, Rollen.SwvManager);
        Assert.Equal(FoutSoort.NietGevonden, (await AlsAsync(vreemde, Rollen.SwvManager, h => h.DetailAsync(sc.AanvraagId))).Fout?.Soort);
        var lijst = await AlsAsync(vreemde, Rollen.SwvManager, h => h.LijstAsync(Aanvraagfilter.Alle, null, null));
        Assert.DoesNotContain(lijst.Waarde!.Regels, r => r.Id == sc.AanvraagId);
        Assert.Equal(FoutSoort.NietGevonden, (await AlsAsync(vreemde, Rollen.SwvManager, h => h.NeemInBehandelingAsync(sc.AanvraagId, 0))).Fout?.Soort);
    }

    [Fact]
    public async Task Orthopedagoog_and_manager_assess_the_manager_grants_within_the_budget_and_the_school_sees_it()
    {
        var sc = await IngediendAsync("Swv behandeling arrangement");
        var jaar = Schooljaar.Op(Vandaag);

        // The medewerker takes it up; it waits for the orthopedagoog.
        var start = (await AlsAsync(sc.Medewerker, Rollen.SwvMedewerker, h => h.StartAsync())).Waarde!;
        Assert.Contains(start.VoorMij, r => r.Id == sc.AanvraagId);
        var detail = await DetailAsync(sc.Medewerker, Rollen.SwvMedewerker, sc.AanvraagId);
        Assert.True(detail.MagInBehandelingNemen);
        Assert.Equal("Korte instructie, rust en structuur.", detail.Aanvraag.Snapshot.Opp!.Onderwijsbehoeften);
        Assert.True((await AlsAsync(sc.Medewerker, Rollen.SwvMedewerker, h => h.NeemInBehandelingAsync(sc.AanvraagId, detail.Aanvraag.Versie))).IsGelukt);
        // A stale form is a conflict, nothing changes.
        Assert.Equal(FoutSoort.Conflict, (await AlsAsync(sc.Medewerker, Rollen.SwvMedewerker, h => h.NeemInBehandelingAsync(sc.AanvraagId, detail.Aanvraag.Versie))).Fout?.Soort);

        Assert.Contains((await AlsAsync(sc.Orthopedagoog, Rollen.SwvOrthopedagoog, h => h.StartAsync())).Waarde!.VoorMij, r => r.Id == sc.AanvraagId);
        detail = await DetailAsync(sc.Orthopedagoog, Rollen.SwvOrthopedagoog, sc.AanvraagId);
        Assert.Equal(Beoordelaarsrol.Orthopedagoog, detail.BeoordeeltAls);
        // An empty toelichting (only control characters) is refused in Dutch; a paste far too long too.
        var leeg = await AlsAsync(sc.Orthopedagoog, Rollen.SwvOrthopedagoog, h => h.BeoordeelAsync(sc.AanvraagId, detail.Aanvraag.Versie, true, " \0\u0007 "));
        Assert.Equal("Geef een toelichting bij uw beoordeling.", leeg.Fout?.Melding);
        var lang = await AlsAsync(sc.Orthopedagoog, Rollen.SwvOrthopedagoog, h => h.BeoordeelAsync(sc.AanvraagId, detail.Aanvraag.Versie, true, new string('x', 100_000)));
        Assert.Contains("te lang", lang.Fout?.Melding, StringComparison.Ordinal);
        var ja = await AlsAsync(sc.Orthopedagoog, Rollen.SwvOrthopedagoog, h => h.BeoordeelAsync(sc.AanvraagId, detail.Aanvraag.Versie, true, "Onderbouwd en passend."));
        Assert.True(ja.IsGelukt, ja.Fout?.Melding);
        // He cannot assess twice.
        var nogmaals = await AlsAsync(sc.Orthopedagoog, Rollen.SwvOrthopedagoog, h => h.BeoordeelAsync(sc.AanvraagId, ja.Waarde!.Versie, true, "Nog eens."));
        Assert.Equal(FoutSoort.Ongeldig, nogmaals.Fout?.Soort);

        // The manager: his assessment first; the decision needs a budget, and fits in what is left.
        Assert.Contains((await AlsAsync(sc.Manager, Rollen.SwvManager, h => h.StartAsync())).Waarde!.VoorMij, r => r.Id == sc.AanvraagId);
        detail = await DetailAsync(sc.Manager, Rollen.SwvManager, sc.AanvraagId);
        Assert.Equal(Beoordelaarsrol.Manager, detail.BeoordeeltAls);
        var besluit = new Besluit(Besluituitkomst.Toegekend, null, Vandaag, Vandaag.AddMonths(6), Vandaag.AddMonths(3), null, "Toegekend voor een half jaar.");
        var tevroeg = await AlsAsync(sc.Manager, Rollen.SwvManager, h => h.BeslisAsync(sc.AanvraagId, detail.Aanvraag.Versie, besluit));
        Assert.Contains("Eerst beoordelen", tevroeg.Fout?.Melding, StringComparison.Ordinal);
        var beoordeeld = await AlsAsync(sc.Manager, Rollen.SwvManager, h => h.BeoordeelAsync(sc.AanvraagId, detail.Aanvraag.Versie, true, "Past in het beleid."));
        Assert.True(beoordeeld.IsGelukt, beoordeeld.Fout?.Melding);
        var versie = beoordeeld.Waarde!.Versie;
        var zonderBudget = await AlsAsync(sc.Manager, Rollen.SwvManager, h => h.BeslisAsync(sc.AanvraagId, versie, besluit));
        Assert.Contains("nog geen budget", zonderBudget.Fout?.Melding, StringComparison.Ordinal);
        Assert.True((await AlsAsync(sc.Manager, Rollen.SwvManager, h => h.BudgetVaststellenAsync(jaar, 10_000m))).IsGelukt);
        var teVeel = await AlsAsync(sc.Manager, Rollen.SwvManager, h => h.BeslisAsync(sc.AanvraagId, versie, besluit));
        Assert.Contains("hoger dan het budget dat over is", teVeel.Fout?.Melding, StringComparison.Ordinal);
        Assert.True((await AlsAsync(sc.Manager, Rollen.SwvManager, h => h.BudgetVaststellenAsync(jaar, 50_000m))).IsGelukt);
        var toegekend = await AlsAsync(sc.Manager, Rollen.SwvManager, h => h.BeslisAsync(sc.AanvraagId, versie, besluit));
        Assert.True(toegekend.IsGelukt, toegekend.Fout?.Melding);
        // Not below what was granted.
        var omlaag = await AlsAsync(sc.Manager, Rollen.SwvManager, h => h.BudgetVaststellenAsync(jaar, 5_000m));
        Assert.Contains("niet lager", omlaag.Fout?.Melding, StringComparison.Ordinal);

        // Spending within the grant; the start page shows the year's budget per school.
        var besteed = await AlsAsync(sc.Medewerker, Rollen.SwvMedewerker, h => h.BesteedAsync(sc.AanvraagId, toegekend.Waarde!.Versie, 2_500m, Vandaag, "Eerste termijn"));
        Assert.True(besteed.IsGelukt, besteed.Fout?.Melding);
        var teveelBesteed = await AlsAsync(sc.Medewerker, Rollen.SwvMedewerker, h => h.BesteedAsync(sc.AanvraagId, besteed.Waarde!.Versie, 20_000m, Vandaag, "Te veel"));
        Assert.Contains("meer dan er over is", teveelBesteed.Fout?.Melding, StringComparison.Ordinal);
        start = (await AlsAsync(sc.Manager, Rollen.SwvManager, h => h.StartAsync())).Waarde!;
        Assert.Equal((50_000m, 12_500m, 2_500m, 37_500m), (start.Budget.Budget!.Value, start.Budget.Toegekend, start.Budget.Besteed, start.Budget.Over));
        var school = Assert.Single(start.PerSchool);
        Assert.Equal((sc.S.School.Naam, 1, 12_500m, 2_500m), (school.School, school.Aanvragen, school.Toegekend, school.Besteed));
        Assert.DoesNotContain(start.VoorMij, r => r.Id == sc.AanvraagId);

        // The school reads the decision; never the assessments.
        await using (var scope = fixture.App.ScopeAs(sc.Zco, Rollen.Zorgcoordinator))
        {
            var lijst = await scope.ServiceProvider.GetRequiredService<AanvragenBekijkenHandler>().HandleAsync(sc.LeerlingId);
            var regel = Assert.Single(lijst.Waarde!.Aanvragen);
            Assert.Equal((Besluituitkomst.Toegekend, 12_500m), (regel.Uitkomst!.Value, regel.ToegekendBedrag!.Value));
        }
        await using (var db = fixture.App.ContextFor(sc.S.School.Id))
        {
            Assert.Empty(await db.Beoordelingen.ToListAsync());
        }
        // Every step and read is in the SWV's audit trail, with the student.
        await using (var db = fixture.App.ContextForSwv(sc.S.Swv.Id))
        {
            var regels = await db.AuditEntries.Where(a => a.LeerlingId == sc.LeerlingId && a.SwvId == sc.S.Swv.Id).Select(a => a.Detail).ToListAsync();
            Assert.Contains(regels, d => d.Contains("besluit: Toegekend", StringComparison.Ordinal));
            Assert.Contains(regels, d => d.Contains("bekeken", StringComparison.Ordinal));
            Assert.Contains(regels, d => d.StartsWith("startpagina samenwerkingsverband", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_cto_is_planned_then_advises_and_the_school_reads_the_advice()
    {
        var sc = await IngediendAsync("Swv behandeling cto", Aanvraagsoort.CtoAdvies);
        var detail = await DetailAsync(sc.Medewerker, Rollen.SwvMedewerker, sc.AanvraagId);
        Assert.True(detail.MagCto);
        Assert.Null(detail.BeoordeeltAls);
        var verleden = await AlsAsync(sc.Medewerker, Rollen.SwvMedewerker, h => h.PlanCtoAsync(sc.AanvraagId, detail.Aanvraag.Versie, DateTimeOffset.UtcNow.AddDays(-1)));
        Assert.Contains("verleden", verleden.Fout?.Melding, StringComparison.Ordinal);
        var gepland = await AlsAsync(sc.Medewerker, Rollen.SwvMedewerker,
            h => h.PlanCtoAsync(sc.AanvraagId, detail.Aanvraag.Versie, new DateTimeOffset(DateTime.UtcNow.AddDays(7), TimeSpan.Zero).ToOffset(TimeSpan.FromHours(1))));
        Assert.True(gepland.IsGelukt, gepland.Fout?.Melding);
        var start = (await AlsAsync(sc.Medewerker, Rollen.SwvMedewerker, h => h.StartAsync())).Waarde!;
        Assert.Contains(start.Termijnen, t => t.AanvraagId == sc.AanvraagId && t.Wat.StartsWith("CTO-overleg", StringComparison.Ordinal));
        var advies = await AlsAsync(sc.Orthopedagoog, Rollen.SwvOrthopedagoog,
            h => h.AdviesAsync(sc.AanvraagId, gepland.Waarde!.Versie, "Onderzoek naar een plaatsing in het VSO; tot dan een ambulant begeleider."));
        Assert.True(advies.IsGelukt, advies.Fout?.Melding);
        Assert.Equal(Aanvraagstatus.Besloten, advies.Waarde!.Status);

        await using var scope = fixture.App.ScopeAs(sc.Zco, Rollen.Zorgcoordinator);
        var lijst = await scope.ServiceProvider.GetRequiredService<AanvragenBekijkenHandler>().HandleAsync(sc.LeerlingId);
        var regel = Assert.Single(lijst.Waarde!.Aanvragen);
        Assert.Equal(Besluituitkomst.Geadviseerd, regel.Uitkomst);
        Assert.StartsWith("Onderzoek naar een plaatsing", regel.Besluittekst, StringComparison.Ordinal);
    }
}
