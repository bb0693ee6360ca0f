using System.Globalization;
using System.Security.Claims;
using Leerlingzorg.Benchmarks.Bench;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Swvbehandeling;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Leerlingzorg.Benchmarks.Swv;

/// <summary>
/// <c>swvstart [--rounds N] [same database options as bench]</c> (issue 12): the samenwerkingsverband's start page, its
/// paged list and one application, for 30 schools and a year of applications (<see cref="SwvJaarGenerator"/>), through the
/// real <see cref="SwvbehandelingHandler"/> as the app role bound to the SWV (RLS on), audit writes included.
/// </summary>
internal static class SwvStartBenchmark
{
    public static async Task RunAsync(BenchTarget target, AppPath app, int rounds, int jaren, int seed, CancellationToken cancellationToken)
    {
        var swv = await SwvJaarGenerator.VulAsync(target.Superuser, app, jaren, seed, cancellationToken);
        // A fixed spread over every kind and status, and the schools by name.
        var aanvragen = await IdsAsync(target.Superuser, "SELECT id FROM swv_aanvragen ORDER BY md5(id::text)", cancellationToken);
        var scholen = await IdsAsync(target.Superuser, "SELECT id FROM scholen ORDER BY naam", cancellationToken);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== swvstart: {aanvragen.Count:N0} applications from {scholen.Count} schools over {jaren} year(s), {rounds} rounds of {scholen.Count} cases =="));

        var cases = new (string Naam, Latencies Tijden)[]
        {
            ("start page: medewerker", new Latencies("start page: medewerker")),
            ("start page: orthopedagoog", new Latencies("start page: orthopedagoog")),
            ("start page: manager", new Latencies("start page: manager")),
        };
        var lijstOpen = new Latencies("list: open, first page");
        var lijstAlle = new Latencies("list: all, page 6 (of ~100)");
        var lijstGefilterd = new Latencies("list: one school, arrangements");
        var detailManager = new Latencies("application page: manager");
        var detailOrtho = new Latencies("application page: orthopedagoog");
        long voorMij = 0, termijnen = 0;
        for (var round = -2; round < rounds; round++)
        {
            for (var i = 0; i < scholen.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var meten = round >= 0;
                for (var r = 0; r < Rollen.SwvRollen.Count; r++)
                {
                    var rol = Rollen.SwvRollen[r];
                    var start = await AlsAsync(app, swv, rol, h => h.StartAsync(cancellationToken), meten ? cases[r].Tijden : null);
                    voorMij += start.VoorMij.Count;
                    termijnen += start.Termijnen.Count;
                }
                await AlsAsync(app, swv, Rollen.SwvMedewerker, h => h.LijstAsync(Aanvraagfilter.Open, null, null, 0, 25, cancellationToken), meten ? lijstOpen : null);
                await AlsAsync(app, swv, Rollen.SwvManager, h => h.LijstAsync(Aanvraagfilter.Alle, null, null, 5, 25, cancellationToken), meten ? lijstAlle : null);
                var pagina = await AlsAsync(app, swv, Rollen.SwvManager,
                    h => h.LijstAsync(Aanvraagfilter.Alle, Aanvraagsoort.Individueel, scholen[i], 0, 25, cancellationToken), meten ? lijstGefilterd : null);
                if (pagina.Totaal == 0)
                {
                    throw new InvalidOperationException("A school without individual arrangements: the generator did not run.");
                }
                var id = aanvragen[((round + 2) * scholen.Count + i * 7) % aanvragen.Count];
                await AlsAsync(app, swv, Rollen.SwvManager, h => h.DetailAsync(id, cancellationToken), meten ? detailManager : null);
                await AlsAsync(app, swv, Rollen.SwvOrthopedagoog, h => h.DetailAsync(id, cancellationToken), meten ? detailOrtho : null);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  (on average {voorMij / (double)((rounds + 2) * scholen.Count * 3):F1} applications 'voor mij' and {termijnen / (double)((rounds + 2) * scholen.Count * 3):F1} deadlines per start page)"));
        Console.WriteLine(Latencies.Header(40));
        foreach (var l in cases.Select(c => c.Tijden).Concat([lijstOpen, lijstAlle, lijstGefilterd, detailManager, detailOrtho]))
        {
            Console.WriteLine(l.Row(40));
        }
        await ExplainAsync(app, swv, scholen[0], cancellationToken);
    }

    /// <summary>Runs one handler call as an SWV user of this role, in its own scope, timed when <paramref name="tijden"/> is given.</summary>
    private static async Task<T> AlsAsync<T>(AppPath app, SwvGebruikers swv, string rol, Func<SwvbehandelingHandler, Task<Result<T>>> stap,
        Latencies? tijden)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(Principal(swv.Id, swv.Gebruikers[rol], rol));
        var handler = scope.ServiceProvider.GetRequiredService<SwvbehandelingHandler>();
        var resultaat = tijden is null ? await stap(handler) : await tijden.TimeAsync(() => stap(handler));
        if (!resultaat.IsGelukt)
        {
            throw new InvalidOperationException($"{rol}: {resultaat.Fout?.Melding}");
        }
        return resultaat.Waarde;
    }

    private static async Task ExplainAsync(AppPath app, SwvGebruikers swv, Guid school, CancellationToken cancellationToken)
    {
        var jaar = Schooljaar.Op(Schoolkalender.Vandaag(TimeProvider.System));
        var (begin, einde) = (jaar.Begin, jaar.Einde);
        await using (var db = await app.Pool.CreateDbContextAsync(cancellationToken))
        {
            db.BindToSwv(swv.Id);
            var open = db.Swvaanvragen.Where(a => a.Status == Aanvraagstatus.Ingediend || a.Status == Aanvraagstatus.InBehandeling)
                .OrderBy(a => a.IngediendOp).ThenBy(a => a.Id).Take(25);
            Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of the open applications (list and 'voor mij')", await Explain.RunAsync(db, open, cancellationToken), withSql: true);
        }
        await using (var db = await app.Pool.CreateDbContextAsync(cancellationToken))
        {
            // The manager's "voor mij", as SwvbehandelingHandler asks it.
            db.BindToSwv(swv.Id);
            var deskundig = new[] { Beoordelaarsrol.Orthopedagoog, Beoordelaarsrol.Psycholoog };
            var voorMij = db.Swvaanvragen.Where(a => a.Status == Aanvraagstatus.Ingediend || a.Status == Aanvraagstatus.InBehandeling)
                .Where(a => ((a.Soort == Aanvraagsoort.Individueel || a.Soort == Aanvraagsoort.Groep)
                        && db.Beoordelingen.Count(b => b.AanvraagId == a.Id && deskundig.Contains(b.Rol)) > 0)
                    || (a.Soort == Aanvraagsoort.Tlv && db.Beoordelingen.Where(b => b.AanvraagId == a.Id).Select(b => b.DoorId).Distinct().Count() >= 2))
                .OrderBy(a => a.IngediendOp).ThenBy(a => a.Id).Take(SwvbehandelingHandler.AantalVoorMij);
            Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of the manager's 'voor mij'", await Explain.RunAsync(db, voorMij, cancellationToken), withSql: false);
        }
        await using (var db = await app.Pool.CreateDbContextAsync(cancellationToken))
        {
            db.BindToSwv(swv.Id);
            var pagina = db.Swvaanvragen.OrderByDescending(a => a.IngediendOp).ThenBy(a => a.Id).Skip(125).Take(25);
            Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of all applications, page 6", await Explain.RunAsync(db, pagina, cancellationToken), withSql: false);
        }
        await using (var db = await app.Pool.CreateDbContextAsync(cancellationToken))
        {
            db.BindToSwv(swv.Id);
            var alle = db.Swvaanvragen.Where(a => a.SchoolId == school && a.Soort == Aanvraagsoort.Individueel)
                .OrderByDescending(a => a.IngediendOp).ThenBy(a => a.Id).Take(25);
            Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of one school's arrangements, newest first", await Explain.RunAsync(db, alle, cancellationToken), withSql: false);
        }
        await using (var db = await app.Pool.CreateDbContextAsync(cancellationToken))
        {
            db.BindToSwv(swv.Id);
            var toegekend = db.Swvaanvragen.Where(a => a.ToegekendBedrag != null && a.ToegekendVan >= begin && a.ToegekendVan <= einde)
                .GroupBy(a => a.SchoolId).Select(g => new { SchoolId = g.Key, Aantal = g.Count(), Bedrag = g.Sum(a => a.ToegekendBedrag ?? 0) });
            Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of the year's budget per school", await Explain.RunAsync(db, toegekend, cancellationToken), withSql: false);
        }
        await using (var db = await app.Pool.CreateDbContextAsync(cancellationToken))
        {
            db.BindToSwv(swv.Id);
            var besteed = db.Bestedingen
                .Where(b => db.Swvaanvragen.Any(a => a.Id == b.AanvraagId && a.ToegekendVan >= begin && a.ToegekendVan <= einde))
                .GroupBy(b => b.OntvangendeSchoolId).Select(g => new { SchoolId = g.Key, Bedrag = g.Sum(b => b.Bedrag) });
            Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of the year's spending per school", await Explain.RunAsync(db, besteed, cancellationToken), withSql: false);
        }
        await using (var db = await app.Pool.CreateDbContextAsync(cancellationToken))
        {
            db.BindToSwv(swv.Id);
            var vandaag = Schoolkalender.Vandaag(TimeProvider.System);
            var tot = vandaag.AddDays(SwvbehandelingHandler.VooruitDagen);
            var evaluaties = db.Swvaanvragen
                .Where(a => a.Status == Aanvraagstatus.Besloten && a.EvaluatieOp != null && a.EvaluatieOp <= tot && a.ToegekendTot >= vandaag)
                .OrderBy(a => a.EvaluatieOp).Take(SwvbehandelingHandler.AantalTermijnen).Select(a => new { a.Id, a.LeerlingId, a.EvaluatieOp, a.Leerling, a.SchoolId });
            Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of the evaluations due (running arrangements)", await Explain.RunAsync(db, evaluaties, cancellationToken), withSql: false);
        }
    }

    private static ClaimsPrincipal Principal(Guid swv, Guid gebruiker, string rol) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, gebruiker.ToString()),
        new Claim(LeerlingzorgClaims.SamenwerkingsverbandId, swv.ToString()),
        new Claim(LeerlingzorgClaims.Naam, $"{rol} (bench)"),
        new Claim(ClaimTypes.Role, rol),
    ], "bench"));

    /// <summary>The ids a superuser query returns, in its order.</summary>
    private static async Task<List<Guid>> IdsAsync(string superuser, string sql, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }
}

/// <summary>The region's samenwerkingsverband and its one user per SWV role.</summary>
internal sealed record SwvGebruikers(Guid Id, IReadOnlyDictionary<string, Guid> Gebruikers, IReadOnlyDictionary<string, string> Namen);

/// <summary>
/// A year (or <c>--jaren</c> years) of the SWV's work, deterministic from the seed: per school and year 80 applications (35 % individual arrangements, 10 %
/// group arrangements, 30 % CTO referrals, 25 % TLVs) sent over the last 365 days (per year), moved through the Domain's own steps by
/// age — new, taken up and assessed, decided (granted, partly, refused) with spending per month, CTO planned and advised —
/// and a budget for every schooljaar it spans. Written through EF Core as the app role bound to the SWV (RLS on),
/// once: skipped when the applications are there.
/// </summary>
internal static class SwvJaarGenerator
{
    public const int PerSchool = 80;

    public static async Task<SwvGebruikers> VulAsync(string superuser, AppPath app, int jaren, int seed, CancellationToken cancellationToken)
    {
        var swv = await GebruikersAsync(superuser, cancellationToken);
        var leerlingen = await LeerlingenAsync(superuser, PerSchool * jaren, cancellationToken);
        await using (var telling = await app.Pool.CreateDbContextAsync(cancellationToken))
        {
            telling.BindToSwv(swv.Id);
            var bestaand = await telling.Swvaanvragen.CountAsync(cancellationToken);
            if (bestaand == leerlingen.Count)
            {
                Console.WriteLine($"swvstart: {bestaand:N0} applications already there.");
                return swv;
            }
        }
        await using (var connection = new NpgsqlConnection(superuser))
        {
            await connection.OpenAsync(cancellationToken);
            await using var leeg = new NpgsqlCommand("TRUNCATE swv_bestedingen, swv_beoordelingen, swv_aanvragen, swv_budgetten", connection);
            await leeg.ExecuteNonQueryAsync(cancellationToken);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var random = new Random(seed);
        var time = TimeProvider.System;
        var vandaag = Schoolkalender.Vandaag(time);
        var nu = time.GetUtcNow();
        var budget = Enumerable.Range(Schooljaar.Op(vandaag.AddDays(-365 * jaren)).Startjaar, jaren + 1).ToDictionary(j => new Schooljaar(j), _ => 14_000_000m);
        var toegekend = budget.Keys.ToDictionary(j => j, _ => 0m);
        var (ortho, manager, medewerker) = (swv.Gebruikers[Rollen.SwvOrthopedagoog], swv.Gebruikers[Rollen.SwvManager], swv.Gebruikers[Rollen.SwvMedewerker]);
        var (orthoNaam, managerNaam) = (swv.Namen[Rollen.SwvOrthopedagoog], swv.Namen[Rollen.SwvManager]);
        var psycholoog = Guid.CreateVersion7();

        var aanvragen = new List<Swvaanvraag>();
        var beoordelingen = new List<Beoordeling>();
        var bestedingen = new List<Besteding>();
        foreach (var l in leerlingen)
        {
            var dagen = random.Next(0, 365 * jaren);
            var op = nu.AddDays(-dagen).AddMinutes(-random.Next(0, 600));
            var kans = random.NextDouble();
            var soort = kans switch { < 0.35 => Aanvraagsoort.Individueel, < 0.45 => Aanvraagsoort.Groep, < 0.75 => Aanvraagsoort.CtoAdvies, _ => Aanvraagsoort.Tlv };
            var ingediend = Schoolkalender.DatumVan(op);
            var van = ingediend.AddDays(14 + random.Next(0, 21));
            var kosten = soort == Aanvraagsoort.Tlv ? 20_000m + random.Next(0, 8) * 1_000m : 3_000m + random.Next(0, 30) * 500m;
            var aanvraag = new Swvaanvraag
            {
                SwvId = swv.Id, SchoolId = l.School, LeerlingId = l.Id, Soort = soort,
                Vraag = soort switch
                {
                    Aanvraagsoort.CtoAdvies => "De school kan niet verder: wat is passend voor deze leerling, en wat kan het samenwerkingsverband bieden?",
                    Aanvraagsoort.Tlv => "Wij vragen een toelaatbaarheidsverklaring voor het VSO, cluster 4.",
                    _ => "Kan het samenwerkingsverband ambulante begeleiding toekennen naast onze eigen basisondersteuning?",
                },
                Leerling = new Leerlinggegevens(l.Naam, l.Geboren, $"leerjaar {l.Leerjaar}", l.Niveau),
                Snapshot = Snapshot(soort, random, vandaag),
                Gevraagd = soort == Aanvraagsoort.CtoAdvies ? null
                    : new GevraagdeOndersteuning(soort == Aanvraagsoort.Tlv ? "VSO cluster 4" : "Ambulante begeleiding gedrag en planning",
                        soort == Aanvraagsoort.Tlv ? null : $"{1 + random.Next(0, 4)} uur per week", van,
                        soort == Aanvraagsoort.Tlv ? van.AddYears(2).AddDays(-1) : van.AddMonths(3 + random.Next(0, 9)), kosten),
                IngediendOp = op, IngediendDoor = l.Zorgcoordinator, IngediendDoorNaam = "zorgcoördinator (bench)",
            };
            aanvragen.Add(aanvraag);
            var eigen = new List<Beoordeling>();
            void Beoordeel(Beoordelaarsrol rol, Guid door, string naam, int dag)
            {
                var (b, fout) = aanvraag.Beoordeel(eigen, rol, door, naam, true, "Onderbouwd; past bij de onderwijsbehoeften van de leerling.", op.AddDays(dag));
                eigen.Add(b ?? throw new InvalidOperationException(fout));
            }
            if ((dagen < 12 && random.NextDouble() < 0.8) || (dagen >= 12 && random.NextDouble() < 0.02))
            {
                // New, or (a few) still waiting to be taken up after the two weeks.
            }
            else if (soort == Aanvraagsoort.CtoAdvies)
            {
                Nee(aanvraag.NeemInBehandeling());
                var gepland = Schoolkalender.BeginVan(ingediend.AddDays(21 + random.Next(0, 21))).AddHours(15.5).ToUniversalTime();
                Nee(aanvraag.PlanCto(gepland, op.AddDays(2)));
                if (gepland < nu.AddDays(-1))
                {
                    Nee(aanvraag.LegAdviesVast("Advies: ambulante begeleiding vanuit het samenwerkingsverband en een gesprek met de jeugdarts.", orthoNaam, gepland.AddHours(2)));
                }
            }
            else if (dagen < 40)
            {
                Nee(aanvraag.NeemInBehandeling());
                var stap = random.Next(0, 3);
                if (stap >= 1)
                {
                    Beoordeel(Beoordelaarsrol.Orthopedagoog, ortho, orthoNaam, 5);
                }
                if (stap >= 2)
                {
                    Beoordeel(soort == Aanvraagsoort.Tlv ? Beoordelaarsrol.Psycholoog : Beoordelaarsrol.Manager,
                        soort == Aanvraagsoort.Tlv ? psycholoog : manager, soort == Aanvraagsoort.Tlv ? "M. Jansen, psycholoog" : managerNaam, 8);
                }
            }
            else
            {
                Beoordeel(Beoordelaarsrol.Orthopedagoog, ortho, orthoNaam, 5);
                Beoordeel(soort == Aanvraagsoort.Tlv ? Beoordelaarsrol.Psycholoog : Beoordelaarsrol.Manager,
                    soort == Aanvraagsoort.Tlv ? psycholoog : manager, soort == Aanvraagsoort.Tlv ? "M. Jansen, psycholoog" : managerNaam, 8);
                var tot = aanvraag.Gevraagd!.Tot;
                var uitkomst = random.NextDouble() switch { < 0.7 => Besluituitkomst.Toegekend, < 0.9 => Besluituitkomst.DeelsToegekend, _ => Besluituitkomst.Afgewezen };
                var besluit = uitkomst == Besluituitkomst.Afgewezen
                    ? new Besluit(uitkomst, null, null, null, null, null, "De school heeft haar basisondersteuning nog niet benut.")
                    : soort == Aanvraagsoort.Tlv
                        ? new Besluit(uitkomst, null, van, tot, null, Tlvcategorie.Alle[random.Next(0, 3)],
                            uitkomst == Besluituitkomst.DeelsToegekend ? "Voor één jaar; daarna opnieuw bekijken." : null)
                        : new Besluit(uitkomst, uitkomst == Besluituitkomst.DeelsToegekend ? kosten * 0.6m : null, van, tot,
                            van.AddDays((tot.DayNumber - van.DayNumber) / 2), null,
                            uitkomst == Besluituitkomst.DeelsToegekend ? "Deels: de school zet haar eigen begeleider in." : null);
                var jaar = Swvaanvraag.BudgetjaarVan(besluit, vandaag);
                var stand = new Budgetstand(jaar, budget.GetValueOrDefault(jaar), toegekend.GetValueOrDefault(jaar), 0);
                Nee(aanvraag.Beslis(eigen, besluit, manager, managerNaam, aanvraag.IsArrangement ? stand : null, op.AddDays(12)));
                if (aanvraag.IsArrangement && aanvraag.ToegekendBedrag is { } bedrag)
                {
                    toegekend[jaar] = toegekend.GetValueOrDefault(jaar) + bedrag;
                    var maanden = Math.Max(1, (tot.Year - van.Year) * 12 + tot.Month - van.Month);
                    var termijn = decimal.Round(bedrag / maanden, 2);
                    decimal besteed = 0;
                    for (var m = 1; m <= maanden && van.AddMonths(m) <= vandaag; m++)
                    {
                        var (besteding, fout) = aanvraag.Besteed(Math.Min(termijn, bedrag - besteed), van.AddMonths(m), $"Begeleiding maand {m}", besteed, medewerker,
                            Schoolkalender.BeginVan(van.AddMonths(m)).ToUniversalTime());
                        bestedingen.Add(besteding ?? throw new InvalidOperationException(fout));
                        besteed += besteding.Bedrag;
                    }
                }
            }
            beoordelingen.AddRange(eigen);
        }

        await using (var db = await app.Pool.CreateDbContextAsync(cancellationToken))
        {
            db.BindToSwv(swv.Id);
            db.Swvbudgetten.AddRange(budget.Select(b => new Swvbudget { SwvId = swv.Id, Schooljaar = b.Key, Bedrag = b.Value }));
            await db.SaveChangesAsync(cancellationToken);
        }
        await OpslaanAsync(app, swv.Id, aanvragen, (db, batch) => db.Swvaanvragen.AddRange(batch), cancellationToken);
        await OpslaanAsync(app, swv.Id, beoordelingen, (db, batch) => db.Beoordelingen.AddRange(batch), cancellationToken);
        await OpslaanAsync(app, swv.Id, bestedingen, (db, batch) => db.Bestedingen.AddRange(batch), cancellationToken);
        await using (var connection = new NpgsqlConnection(superuser))
        {
            await connection.OpenAsync(cancellationToken);
            await using var analyze = new NpgsqlCommand("ANALYZE swv_aanvragen, swv_beoordelingen, swv_bestedingen, swv_budgetten", connection);
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"swvstart: wrote {aanvragen.Count:N0} applications ({string.Join(", ", aanvragen.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}), {beoordelingen.Count:N0} assessments, {bestedingen.Count:N0} payments in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s"));
        return swv;
    }

    private static void Nee(string? fout)
    {
        if (fout is not null)
        {
            throw new InvalidOperationException(fout);
        }
    }

    private static Aanvraagsnapshot Snapshot(Aanvraagsoort soort, Random random, DateOnly vandaag) => new()
    {
        Samenvatting = "Basisondersteuning en extra ondersteuning zijn een half jaar ingezet (mentorgesprekken, faalangsttraining, time-outplek); "
            + "het verzuim en het gedrag in de klas verbeteren niet genoeg. Ouders en leerling zijn betrokken.",
        OppVersie = soort == Aanvraagsoort.CtoAdvies ? null : 1 + random.Next(0, 3),
        OppVanKrachtSinds = soort == Aanvraagsoort.CtoAdvies ? null : vandaag.AddDays(-random.Next(60, 400)),
        Opp = soort == Aanvraagsoort.CtoAdvies ? null : new PlanInhoud
        {
            BeginsituatieLeerling = "Leerling heeft moeite met plannen en met de overgang tussen lessen; thuis veel spanning.",
            Onderwijsbehoeften = "Voorspelbare structuur, een vast aanspreekpunt en korte, haalbare opdrachten.",
            BelemmerendeFactoren = "Faalangst; verzuim in de ochtend.",
            BevorderendeFactoren = "Goede band met de mentor; sterk in praktische vakken.",
            Uitstroombestemming = "mbo", Uitstroomniveau = "mbo niveau 3",
            UitstroomOnderbouwing = "Capaciteiten passen bij de kaderberoepsgerichte leerweg.",
            Doelen = [new Onderwijsdoel("Plant zijn huiswerk zelf in de agenda.", "Dagelijks vijf minuten met de mentor."),
                new Onderwijsdoel("Is op tijd in het eerste uur.", "Afspraken met ouders en leerplicht.")],
            Handelingsdeel = [new Ondersteuningsregel("Faalangstreductietraining", "orthopedagoog", "wekelijks", null),
                new Ondersteuningsregel("Time-outkaart", "mentor", "zo nodig", null)],
            VisieLeerling = "Ik wil mijn diploma halen en minder stress hebben.",
            OpgesteldDoor = "mentor, zorgcoördinator, ouders",
        },
    };

    private static async Task OpslaanAsync<T>(AppPath app, Guid swv, List<T> rijen, Action<Leerlingzorg.Web.Infrastructure.Persistence.LeerlingzorgDbContext, IEnumerable<T>> voegToe,
        CancellationToken cancellationToken)
    {
        foreach (var batch in rijen.Chunk(500))
        {
            await using var db = await app.Pool.CreateDbContextAsync(cancellationToken);
            db.BindToSwv(swv);
            voegToe(db, batch);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private sealed record Leerlingrij(Guid Id, Guid School, Guid Zorgcoordinator, string Naam, DateOnly Geboren, int Leerjaar, string Niveau);

    private static async Task<SwvGebruikers> GebruikersAsync(string superuser, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT g.samenwerkingsverband_id, g.id, r.name, g.voornaam || ' ' || g.achternaam
            FROM gebruikers g JOIN gebruiker_rollen gr ON gr.user_id = g.id JOIN rollen r ON r.id = gr.role_id
            WHERE g.samenwerkingsverband_id IS NOT NULL AND g.school_id IS NULL
            ORDER BY g.id
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Guid? swv = null;
        var gebruikers = new Dictionary<string, Guid>();
        var namen = new Dictionary<string, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            swv ??= reader.GetGuid(0);
            var rol = reader.GetString(2);
            if (gebruikers.TryAdd(rol, reader.GetGuid(1)))
            {
                namen[rol] = $"{reader.GetString(3)}, {Rollen.Weergave(rol).ToLowerInvariant()}";
            }
        }
        if (swv is null || Rollen.SwvRollen.Any(r => !gebruikers.ContainsKey(r)))
        {
            throw new ArgumentException("The region has no SWV user for every SWV role: generate it again.");
        }
        return new SwvGebruikers(swv.Value, gebruikers, namen);
    }

    /// <summary>Per school <paramref name="per"/> students with a class, a fixed spread, with the school's zorgcoördinator as sender.</summary>
    private static async Task<List<Leerlingrij>> LeerlingenAsync(string superuser, int per, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            WITH zorg AS (SELECT DISTINCT ON (g.school_id) g.school_id, g.id FROM gebruikers g
                          JOIN gebruiker_rollen gr ON gr.user_id = g.id JOIN rollen r ON r.id = gr.role_id AND r.name = 'Zorgcoordinator'
                          ORDER BY g.school_id, g.id),
                 l AS (SELECT l.*, row_number() OVER (PARTITION BY l.school_id ORDER BY md5(l.id::text)) AS nr
                       FROM leerlingen l WHERE l.klas_id IS NOT NULL)
            SELECT l.id, l.school_id, z.id, l.voornaam, l.tussenvoegsel, l.achternaam, l.geboortedatum, k.leerjaar, a.naam
            FROM l JOIN zorg z ON z.school_id = l.school_id
                   JOIN klassen k ON k.id = l.klas_id JOIN afdelingen a ON a.id = k.afdeling_id
            WHERE l.nr <= @per
            ORDER BY l.school_id, l.nr
            """, connection);
        command.Parameters.AddWithValue("per", per);
        var rijen = new List<Leerlingrij>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rijen.Add(new Leerlingrij(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2),
                Naam.Volledig(reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)),
                reader.GetFieldValue<DateOnly>(6), reader.GetInt32(7), reader.GetString(8)));
        }
        return rijen;
    }
}

/// <summary><c>swvstart</c>: see <see cref="SwvStartBenchmark"/>.</summary>
internal static class SwvStartCommand
{
    public static async Task<int> RunAsync(Cli.Arguments args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.AllowOnly([.. BenchTarget.Options, "jaren"]);
        var rounds = args.GetInt("rounds", 10, minimum: 1);
        var jaren = args.GetInt("jaren", 1, minimum: 1);
        var seed = args.GetInt("seed", Generate.GenerateCommand.DefaultSeed);
        await using var target = await BenchTarget.OpenAsync(args, cancellationToken);
        await using var app = AppPath.Create("app role", target.App);
        await SwvStartBenchmark.RunAsync(target, app, rounds, jaren, seed, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(BenchTarget.LoadAverage());
        return 0;
    }
}
