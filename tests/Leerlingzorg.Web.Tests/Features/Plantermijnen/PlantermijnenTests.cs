using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Plantermijnen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Features.Planversies;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Plantermijnen;

/// <summary>
/// The deadline lists of <c>/zorg/plannen</c> (issue 11): their queries hold to <see cref="Plan.Termijnen"/>, in memory over
/// many states and days and in PostgreSQL; the zorgoverzicht's access rule; every student shown is audited.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class PlantermijnenTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly DateOnly Vandaag = Schooldag.Vandaag;

    private TestData Data => new(fixture.App);

    private static Leerling NieuweLeerling() => new()
    {
        SchoolId = Guid.NewGuid(), Leerlingnummer = "1", Voornaam = "Sam", Achternaam = "Termijn", Geboortedatum = new DateOnly(2012, 1, 1),
    };

    private static DateTimeOffset Om(DateOnly dag, int uur = 9) => Schoolkalender.BeginVan(dag).AddHours(uur).ToUniversalTime();

    /// <summary>Plans in every state that has a deadline (and some that have none), built through the Domain from day <paramref name="b"/>.</summary>
    private static List<Plan> Gevallen(DateOnly b, Guid? medewerker = null)
    {
        var door = medewerker ?? Guid.NewGuid();
        var ouder = Guid.NewGuid();
        var gevallen = new List<Plan>();
        Plan Nieuw(DateOnly nodig, PlanSoort soort = PlanSoort.Opp, PlanInhoud? inhoud = null)
        {
            var plan = Planmaker.Start(NieuweLeerling(), nodig, nodig.AddDays(400), door, soort, inhoud);
            gevallen.Add(plan);
            return plan;
        }
        Plan InWerking(DateOnly ingang, DateOnly gepland)
        {
            var plan = Nieuw(ingang.AddDays(-30), inhoud: Planmaker.Volledig(evaluatie: gepland));
            var instemmingen = new List<Instemming>();
            Planmaker.LegVoor(plan, ouder, instemmingen, Om(ingang.AddDays(-5)), door);
            Assert.Equal(Instemmingsuitkomst.Ingestemd, Planmaker.Beslis(plan, ouder, true, instemmingen, Om(ingang), door));
            Assert.Equal(ingang, plan.InWerking!.Ingang);
            return plan;
        }
        // An OPP concept, and one with the parents (sent late in the evening: the school's date counts).
        Nieuw(b);
        var verstuurd = Nieuw(b);
        Planmaker.LegVoor(verstuurd, ouder, [], Om(b.AddDays(3), 22), door);
        // In force: a planned evaluation before the year is up, one far away (the year counts), an evaluated one.
        InWerking(b.AddDays(10), b.AddDays(100));
        InWerking(b.AddDays(10), new DateOnly(2099, 1, 1));
        var geevalueerd = InWerking(b.AddDays(10), b.AddDays(100));
        Assert.Null(geevalueerd.InWerking!.Evalueer("Goed verlopen", b.AddDays(200), b.AddDays(200)));
        var geevalueerdVer = InWerking(b.AddDays(10), new DateOnly(2099, 1, 1));
        Assert.Null(geevalueerdVer.InWerking!.Evalueer("Goed verlopen", b.AddDays(150), b.AddDays(150)));
        // In force with a new version with the parents: an evaluation and a request at once.
        var beide = InWerking(b.AddDays(20), new DateOnly(2099, 1, 1));
        var beideInstemmingen = new List<Instemming>();
        Planmaker.NieuweVersie(beide, beideInstemmingen, Om(b.AddDays(40)), door, Planmaker.Volledig("Huiswerkbegeleiding"));
        Planmaker.LegVoor(beide, ouder, beideInstemmingen, Om(b.AddDays(41)), door);
        // Not agreed: no version in force, the six weeks still run.
        var afgewezen = Nieuw(b.AddDays(5));
        var afwijzing = new List<Instemming>();
        Planmaker.LegVoor(afgewezen, ouder, afwijzing, Om(b.AddDays(8)), door);
        Assert.Equal(Instemmingsuitkomst.NietIngestemd, Planmaker.Beslis(afgewezen, ouder, false, afwijzing, Om(b.AddDays(9)), door, "Te weinig uren"));
        // A second version after an agreed one, itself rejected: the first stays in force.
        var tweede = InWerking(b.AddDays(15), b.AddDays(300));
        var tweedeInstemmingen = new List<Instemming>();
        Planmaker.NieuweVersie(tweede, tweedeInstemmingen, Om(b.AddDays(30)), door, Planmaker.Volledig("Faalangsttraining"));
        Planmaker.LegVoor(tweede, ouder, tweedeInstemmingen, Om(b.AddDays(31)), door);
        Assert.Equal(Instemmingsuitkomst.NietIngestemd, Planmaker.Beslis(tweede, ouder, false, tweedeInstemmingen, Om(b.AddDays(32)), door, "Nee"));
        // A version replaced by an agreed later one.
        var vervangen = InWerking(b.AddDays(12), new DateOnly(2099, 1, 1));
        var vervangenInstemmingen = new List<Instemming>();
        Planmaker.NieuweVersie(vervangen, vervangenInstemmingen, Om(b.AddDays(50)), door, Planmaker.Volledig("Sova-training"));
        Planmaker.LegVoor(vervangen, ouder, vervangenInstemmingen, Om(b.AddDays(51)), door);
        Assert.Equal(Instemmingsuitkomst.Ingestemd, Planmaker.Beslis(vervangen, ouder, true, vervangenInstemmingen, Om(b.AddDays(60)), door));
        // A handelingsplan adopted (no six weeks, an evaluation), and an ended OPP (no deadline at all).
        var handelingsplan = Nieuw(b, PlanSoort.Handelingsplan, Planmaker.Volledig(evaluatie: b.AddDays(70)));
        Assert.Empty(handelingsplan.Laatste.StelVast(handelingsplan, Om(b.AddDays(2))));
        var beeindigd = Nieuw(b);
        Assert.Null(beeindigd.Beeindig("Verhuisd", b.AddDays(1), b.AddDays(1), [], Om(b.AddDays(1))));
        return gevallen;
    }

    [Fact]
    public void The_list_queries_agree_with_Plan_Termijnen_for_every_case_and_day()
    {
        // One ordinary start and one whose year after the start of a version crosses 29 February.
        foreach (var b in new[] { new DateOnly(2025, 9, 1), new DateOnly(2024, 2, 19) })
        {
            var gevallen = Gevallen(b);
            var q = gevallen.AsQueryable();
            for (var vandaag = b.AddDays(-10); vandaag <= b.AddDays(500); vandaag = vandaag.AddDays(1))
            {
                var termijnen = gevallen.ToDictionary(p => p.Id, p => p.Termijnen(vandaag));
                foreach (var uiterlijk in new[] { vandaag.AddDays(-1), vandaag.AddDays(PlantermijnenHandler.VooruitDagen) })
                {
                    Verwacht(termijnen, t => t.VaststellenUiterlijk, uiterlijk, Termijnregels.Vaststellen(q, uiterlijk), TermijnLijst.Vaststellen, vandaag);
                    Verwacht(termijnen, t => t.EvaluerenUiterlijk, uiterlijk, Termijnregels.Evalueren(q, uiterlijk, vandaag), TermijnLijst.Evalueren, vandaag);
                    Verwacht(termijnen, t => t.InstemmingOpenTot, uiterlijk, Termijnregels.Instemming(q, uiterlijk), TermijnLijst.Instemming, vandaag);
                }
            }
        }
    }

    private static void Verwacht(Dictionary<Guid, Domain.Plannen.Plantermijnen> termijnen, Func<Domain.Plannen.Plantermijnen, DateOnly?> termijn,
        DateOnly uiterlijk, IQueryable<PlanTermijnRij> rijen, TermijnLijst lijst, DateOnly vandaag)
    {
        var verwacht = termijnen.Where(t => termijn(t.Value) <= uiterlijk).Select(t => (t.Key, termijn(t.Value)!.Value)).OrderBy(x => x.Key).ToList();
        var gevonden = rijen.ToList().Select(r => (r.PlanId, Termijnregels.Uiterlijk(lijst, r))).OrderBy(x => x.PlanId).ToList();
        Assert.True(verwacht.SequenceEqual(gevonden), $"{lijst} on {vandaag} up to {uiterlijk}: expected {string.Join(", ", verwacht)}, found {string.Join(", ", gevonden)}");
    }

    [Fact]
    public async Task The_lists_in_PostgreSQL_agree_with_Plan_Termijnen()
    {
        var s = await Data.SchoolAsync("Termijnen sql");
        var zorg = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var gevallen = Gevallen(Vandaag.AddDays(-400), zorg.Id);
        gevallen.AddRange(Gevallen(Vandaag.AddDays(-60), zorg.Id));
        var leerlingen = new List<Leerling>();
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            foreach (var (plan, i) in gevallen.Select((p, i) => (p, i)))
            {
                var leerling = new Leerling
                {
                    Leerlingnummer = $"9{i:D4}", Voornaam = $"Geval{i}", Achternaam = "Termijn", Geboortedatum = new DateOnly(2012, 1, 1), KlasId = s.Klas.Id,
                };
                leerlingen.Add(leerling);
                plan.LeerlingId = leerling.Id;
                foreach (var versie in plan.Versies)
                {
                    versie.LeerlingId = leerling.Id;
                }
                plan.SchoolId = s.School.Id;
                plan.Versies.ForEach(v => v.SchoolId = s.School.Id);
            }
            db.Leerlingen.AddRange(leerlingen);
            db.Plannen.AddRange(gevallen);
            await db.SaveChangesAsync();
        }
        await using var scope = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator);
        var handler = scope.ServiceProvider.GetRequiredService<PlantermijnenHandler>();
        var alle = gevallen.Append(await LaadPlanAsync(s.School.Id, s.Leerlingen[0].Id)).ToList();
        foreach (var (lijst, termijn, uiterlijk) in new (TermijnLijst, Func<Domain.Plannen.Plantermijnen, DateOnly?>, DateOnly)[]
        {
            (TermijnLijst.Vaststellen, t => t.VaststellenUiterlijk, Vandaag.AddDays(PlantermijnenHandler.VooruitDagen)),
            (TermijnLijst.Evalueren, t => t.EvaluerenUiterlijk, Vandaag.AddDays(PlantermijnenHandler.VooruitDagen)),
            (TermijnLijst.Instemming, t => t.InstemmingOpenTot, Vandaag.AddDays(-1)),
        })
        {
            var pagina = await handler.HandleAsync(lijst, 0, 100);
            Assert.True(pagina.IsGelukt, pagina.Fout?.Melding);
            var verwacht = alle.Select(p => (p.Id, Uiterlijk: termijn(p.Termijnen(Vandaag)))).Where(x => x.Uiterlijk <= uiterlijk)
                .OrderBy(x => x.Uiterlijk).ThenBy(x => x.Id).Select(x => (x.Id, x.Uiterlijk!.Value)).ToList();
            Assert.NotEmpty(verwacht);
            Assert.Equal(verwacht.Count, pagina.Waarde.Totaal);
            Assert.Equal(verwacht.OrderBy(x => x.Id), pagina.Waarde.Regels.Select(r => (r.PlanId, r.Uiterlijk)).OrderBy(x => x.PlanId));
            Assert.All(pagina.Waarde.Regels, r => Assert.Equal(r.Uiterlijk < Vandaag, r.Verlopen));
            Assert.All(pagina.Waarde.Regels, r => Assert.StartsWith("Geval", r.Naam, StringComparison.Ordinal));
        }
        var telling = await handler.TellingAsync();
        Assert.True(telling.Waarde!.Vaststellen > 0 && telling.Waarde.Evalueren > 0 && telling.Waarde.Instemming > 0);
        // Paged on the server.
        var eerste = await handler.HandleAsync(TermijnLijst.Evalueren, 0, 1);
        Assert.Single(eerste.Waarde!.Regels);

        // Every student shown is a read in the audit log.
        await using var controle = fixture.App.ContextFor(s.School.Id);
        var gelezen = await controle.AuditEntries.Where(a => a.GebruikerId == zorg.Id && a.LeerlingId != null)
            .ToListAsync();
        gelezen = [.. gelezen.Where(a => a.Detail.StartsWith("plantermijnen", StringComparison.Ordinal))];
        Assert.Superset(eerste.Waarde.Regels.Select(r => r.LeerlingId).ToHashSet(), gelezen.Select(a => a.LeerlingId!.Value).ToHashSet());
    }

    private async Task<Plan> LaadPlanAsync(Guid schoolId, Guid leerlingId)
    {
        await using var db = fixture.App.ContextFor(schoolId);
        return await db.Plannen.Include(p => p.Versies).SingleAsync(p => p.LeerlingId == leerlingId);
    }

    [Fact]
    public async Task The_care_roles_and_the_coordinator_of_the_students_see_the_lists_a_mentor_docent_or_parent_does_not()
    {
        var s = await Data.SchoolAsync("Termijnen toegang");
        var zorg = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var coordinator1 = await Data.UserAsync(s.School.Id, Rollen.Leerjaarcoordinator);
        var coordinator2 = await Data.UserAsync(s.School.Id, Rollen.Leerjaarcoordinator);
        var plan = Planmaker.Start(s.Leerlingen[1], Vandaag.AddDays(-40), Vandaag, s.Mentor.Id);
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Coordinatoren.AddRange(new Coordinator { MedewerkerId = coordinator1.Id, Leerjaar = 1 }, new Coordinator { MedewerkerId = coordinator2.Id, Leerjaar = 2 });
            db.Plannen.Add(plan);
            await db.SaveChangesAsync();
        }
        async Task<Result<TermijnPagina>> Lijst(Gebruiker user, string rol)
        {
            await using var scope = fixture.App.ScopeAs(user, rol);
            return await scope.ServiceProvider.GetRequiredService<PlantermijnenHandler>().HandleAsync(TermijnLijst.Vaststellen);
        }
        Assert.Equal([plan.Id], (await Lijst(zorg, Rollen.Zorgcoordinator)).Waarde!.Regels.Select(r => r.PlanId));
        Assert.Equal([plan.Id], (await Lijst(coordinator1, Rollen.Leerjaarcoordinator)).Waarde!.Regels.Select(r => r.PlanId));
        Assert.Empty((await Lijst(coordinator2, Rollen.Leerjaarcoordinator)).Waarde!.Regels);
        Assert.Equal(FoutSoort.GeenToegang, (await Lijst(s.Mentor, Rollen.Mentor)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await Lijst(s.Docent, Rollen.Docent)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await Lijst(s.OuderGebruiker, Rollen.Ouder)).Fout?.Soort);
        // Another school's zorgcoördinator sees none of these plans.
        var ander = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        Assert.DoesNotContain(plan.Id, (await Lijst(ander, Rollen.Zorgcoordinator)).Waarde!.Regels.Select(r => r.PlanId));
    }
}
