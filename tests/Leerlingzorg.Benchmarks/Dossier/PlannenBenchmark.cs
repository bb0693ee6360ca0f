using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Leerlingzorg.Benchmarks.Bench;
using Leerlingzorg.Benchmarks.Generate;
using static Leerlingzorg.Benchmarks.Generate.BinaryCopy;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features.MijnKinderen;
using Leerlingzorg.Web.Features.Ouderportaal;
using Leerlingzorg.Web.Features.Plannen;
using Leerlingzorg.Web.Features.Planversies;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Leerlingzorg.Benchmarks.Dossier;

/// <summary>
/// <c>bench plannen</c> (issue 11): a zorgcoördinator opening an OPP with five versions (the plan page
/// <see cref="PlannenBekijkenHandler.PlanAsync"/>, the plans card, one version <see cref="PlanversieLezenHandler.HandleAsync"/> and
/// the comparison of the version in force with the newest), and a parent's portal start page (<see cref="MijnKinderenHandler"/>,
/// with what waits for him) and his child's plan and consent pages (<see cref="PortaalPlanHandler"/>,
/// <see cref="PortaalToestemmingHandler"/>), through the real handlers as the app role under RLS, audit writes included.
/// Before measuring it fills the region with OPPs, once (<see cref="OppGenerator"/>).
/// </summary>
internal static class PlannenBenchmark
{
    private const int PerSchool = 3;

    public static async Task RunAsync(BenchTarget target, AppPath app, int rounds, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(app);
        await OppGenerator.VulAsync(target.Superuser, seed, cancellationToken);
        var (zorg, ouders) = await CasesAsync(target.Superuser, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== bench plannen: {zorg.Count} OPPs (5 versions) opened by their school's zorgcoördinator, {ouders.Count} parents with gezag over an OPP student, {zorg.Select(z => z.School).Distinct().Count()} schools, {rounds} rounds =="));
        var plan = new Latencies("OPP plan page (5 versions, decisions)");
        var kaart = new Latencies("plans card on the student page");
        var versie = new Latencies("read one version (the newest)");
        var vergelijk = new Latencies("compare in force with newest");
        var start = new Latencies("parent: mijn-kinderen (what waits)");
        var portaalPlan = new Latencies("parent: portal plan page");
        var portaalToestemming = new Latencies("parent: portal consent page");
        long wachtend = 0, verzoeken = 0, portaalVersies = 0;
        for (var round = -2; round < rounds; round++)
        {
            foreach (var c in zorg)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(Principal(c.School, c.Zorgcoordinator, Rollen.Zorgcoordinator));
                var bekijken = scope.ServiceProvider.GetRequiredService<PlannenBekijkenHandler>();
                var lezen = scope.ServiceProvider.GetRequiredService<PlanversieLezenHandler>();
                var detail = await Time(plan, round, () => bekijken.PlanAsync(c.Leerling, c.Plan, cancellationToken));
                if (!detail.IsGelukt || detail.Waarde!.Versies.Count != 5)
                {
                    throw new InvalidOperationException($"The zorgcoördinator does not see the five versions of plan {c.Plan}.");
                }
                var lijst = await Time(kaart, round, () => bekijken.LijstAsync(c.Leerling, cancellationToken));
                if (!lijst.IsGelukt || lijst.Waarde!.Plannen.Count == 0)
                {
                    throw new InvalidOperationException($"The plans card of {c.Leerling} is empty.");
                }
                var nieuwste = detail.Waarde.Laatste.Id;
                var gelezen = await Time(versie, round, () => lezen.HandleAsync(nieuwste, cancellationToken));
                if (!gelezen.IsGelukt)
                {
                    throw new InvalidOperationException($"The zorgcoördinator cannot read version {nieuwste}.");
                }
                var naast = await Time(vergelijk, round, () => lezen.VergelijkAsync(c.Plan, null, null, cancellationToken));
                if (!naast.IsGelukt)
                {
                    throw new InvalidOperationException($"The zorgcoördinator cannot compare the versions of plan {c.Plan}.");
                }
            }
            foreach (var o in ouders)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(Principal(o.School, o.Gebruiker, Rollen.Ouder));
                var kinderen = await Time(start, round, () => scope.ServiceProvider.GetRequiredService<MijnKinderenHandler>().HandleAsync(cancellationToken));
                if (kinderen.FirstOrDefault(k => k.Id == o.Leerling) is not { } kind)
                {
                    throw new InvalidOperationException($"The parent {o.Gebruiker} does not see his child {o.Leerling}.");
                }
                var plannen = await Time(portaalPlan, round, () => scope.ServiceProvider.GetRequiredService<PortaalPlanHandler>().HandleAsync(o.Leerling, cancellationToken));
                if (!plannen.IsGelukt || plannen.Waarde!.Plannen.Count == 0)
                {
                    throw new InvalidOperationException($"The parent {o.Gebruiker} does not see the OPP of {o.Leerling}.");
                }
                var toestemmingen = await Time(portaalToestemming, round, () => scope.ServiceProvider.GetRequiredService<PortaalToestemmingHandler>().HandleAsync(o.Leerling, cancellationToken));
                if (!toestemmingen.IsGelukt)
                {
                    throw new InvalidOperationException($"The parent {o.Gebruiker} does not see the consent page of {o.Leerling}.");
                }
                if (round >= 0)
                {
                    wachtend += kind.PlannenTerInstemming;
                    verzoeken += kind.OpenVerzoeken;
                    portaalVersies += plannen.Waarde.Plannen.Sum(p => p.Versies.Count);
                }
            }
        }
        var n = Math.Max(1, start.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Per parent on average: {(double)wachtend / n:F2} OPP versions and {(double)verzoeken / n:F2} consent requests waiting for him; {(double)portaalVersies / n:F1} versions on the portal plan page."));
        Console.WriteLine(Latencies.Header(40));
        foreach (var l in new[] { plan, kaart, versie, vergelijk, start, portaalPlan, portaalToestemming })
        {
            Console.WriteLine(l.Row(40));
        }
        await ExplainAsync(app, zorg[0], ouders[0], cancellationToken);
    }

    private static async Task<T> Time<T>(Latencies latencies, int round, Func<Task<T>> operation)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await operation();
        if (round >= 0)
        {
            latencies.Add(Stopwatch.GetElapsedTime(started));
        }
        return result;
    }

    /// <summary>The plans of the two heaviest reads, with the handlers' own LINQ: the parent's "what waits" and the portal's plans with their versions.</summary>
    private static async Task ExplainAsync(AppPath app, ZorgCase zorg, OuderCase ouder, CancellationToken cancellationToken)
    {
        await using (var db = await app.ForSchoolAsync(ouder.School, cancellationToken))
        {
            var ids = new List<Guid> { ouder.Leerling };
            var gebruiker = (Guid?)ouder.Gebruiker;
            var wacht = db.Instemmingen.AsNoTracking()
                .Where(i => ids.Contains(i.LeerlingId) && i.Status == InstemmingStatus.Open && i.OuderId != null
                    && db.Ouders.Any(o => o.Id == i.OuderId && o.GebruikerId == gebruiker)
                    && db.PlanVersies.Any(v => v.Id == i.VersieId && v.Status == PlanStatus.TerInstemming))
                .GroupBy(i => i.LeerlingId).Select(g => new { g.Key, Aantal = g.Count() });
            Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of mijn-kinderen's \"OPP versions waiting for me\"", await Explain.RunAsync(db, wacht, cancellationToken), withSql: true);
        }
        await using (var db = await app.ForSchoolAsync(ouder.School, cancellationToken))
        {
            var plannen = db.Plannen.AsNoTracking().Include(p => p.Versies)
                .Where(p => p.LeerlingId == ouder.Leerling).OrderBy(p => p.Soort).ThenBy(p => p.AangemaaktOp);
            Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of the portal plan page's plans with their versions", await Explain.RunAsync(db, plannen, cancellationToken), withSql: false);
        }
        await using (var db = await app.ForSchoolAsync(zorg.School, cancellationToken))
        {
            var versieIds = await db.PlanVersies.Where(v => v.PlanId == zorg.Plan).Select(v => v.Id).ToListAsync(cancellationToken);
            var instemmingen = db.Instemmingen.Where(i => versieIds.Contains(i.VersieId)).OrderBy(i => i.GevraagdOp);
            Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of the plan page's decisions on five versions", await Explain.RunAsync(db, instemmingen, cancellationToken), withSql: false);
        }
    }

    private static ClaimsPrincipal Principal(Guid school, Guid gebruiker, string rol) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, gebruiker.ToString()),
        new Claim(LeerlingzorgClaims.SchoolId, school.ToString()),
        new Claim(LeerlingzorgClaims.Naam, $"{rol} (bench)"),
        new Claim(ClaimTypes.Role, rol),
    ], "bench"));

    private sealed record ZorgCase(Guid School, Guid Zorgcoordinator, Guid Leerling, Guid Plan);

    private sealed record OuderCase(Guid School, Guid Gebruiker, Guid Leerling);

    /// <summary>
    /// Per school up to <see cref="PerSchool"/> OPPs with the school's zorgcoördinator, and up to <see cref="PerSchool"/>
    /// parents with a login and gezag over an OPP student (those asked to decide on the newest version first).
    /// </summary>
    private static async Task<(List<ZorgCase> Zorg, List<OuderCase> Ouders)> CasesAsync(string superuser, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(cancellationToken);
        var zorg = new List<ZorgCase>();
        await using (var command = new NpgsqlCommand("""
            WITH zorg AS (SELECT DISTINCT ON (g.school_id) g.school_id, g.id FROM gebruikers g
                          JOIN gebruiker_rollen gr ON gr.user_id = g.id JOIN rollen r ON r.id = gr.role_id AND r.name = 'Zorgcoordinator'
                          ORDER BY g.school_id, g.id),
                 opp AS (SELECT p.school_id, p.leerling_id, p.id, row_number() OVER (PARTITION BY p.school_id ORDER BY p.id) AS nr
                         FROM plannen p WHERE p.soort = 'Opp' AND (SELECT count(*) FROM plan_versies v WHERE v.plan_id = p.id) = 5)
            SELECT o.school_id, z.id, o.leerling_id, o.id FROM opp o JOIN zorg z ON z.school_id = o.school_id
            WHERE o.nr <= @per ORDER BY o.school_id, o.nr
            """, connection))
        {
            command.Parameters.AddWithValue("per", PerSchool);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                zorg.Add(new ZorgCase(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3)));
            }
        }
        var ouders = new List<OuderCase>();
        await using (var command = new NpgsqlCommand("""
            WITH kandidaat AS (
                SELECT p.school_id, o.gebruiker_id, p.leerling_id,
                       row_number() OVER (PARTITION BY p.school_id
                           ORDER BY EXISTS (SELECT 1 FROM instemmingen i WHERE i.ouder_id = o.id AND i.status = 'Open') DESC, o.gebruiker_id) AS nr
                FROM plannen p
                JOIN leerling_ouders lo ON lo.school_id = p.school_id AND lo.leerling_id = p.leerling_id AND lo.gezag
                JOIN ouders o ON o.id = lo.ouder_id AND o.gebruiker_id IS NOT NULL
                JOIN leerlingen l ON l.id = p.leerling_id AND NOT l.is_amv
                WHERE p.soort = 'Opp')
            SELECT school_id, gebruiker_id, leerling_id FROM kandidaat WHERE nr <= @per ORDER BY school_id, nr
            """, connection))
        {
            command.Parameters.AddWithValue("per", PerSchool);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ouders.Add(new OuderCase(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2)));
            }
        }
        if (zorg.Count == 0 || ouders.Count == 0)
        {
            throw new InvalidOperationException("The region has no OPP with five versions, or no parent with a login over an OPP student.");
        }
        return (zorg, ouders);
    }
}

/// <summary>
/// Fills the region with OPPs, with binary COPY as the superuser (not bound by RLS; ADR 0004), once: <see cref="Aandeel"/> of
/// the students get an OPP with five versions, about half a year apart, each with a filled text (jsonb, ~4 KB), every
/// version after the first differing in its goals and handelingsdeel. Versions 1–3 are replaced; in 40 % of the plans
/// version 4 is in force (evaluated) and version 5 lies ter instemming with the parents (one parent in three already
/// agreed), else version 4 is replaced too and version 5 in uitvoering. Every version has an instemming per ouder with
/// gezag (agreed, in the portal or on paper, except the open ones). A third of the OPP students' parents have an open
/// consent request. A development tool only.
/// </summary>
internal static class OppGenerator
{
    private const double Aandeel = 0.03;
    private const int Versies = 5;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static async Task VulAsync(string superuser, int seed, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuser) { CommandTimeout = 3600 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var check = new NpgsqlCommand("SELECT (SELECT count(*) FROM plannen WHERE soort = 'Opp'), (SELECT count(*) FROM plan_versies), (SELECT count(*) FROM leerlingen)", connection))
        await using (var reader = await check.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            var (aantalPlannen, aantalVersies, aantalLeerlingen) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            if (aantalPlannen >= aantalLeerlingen * Aandeel * 0.8 && aantalVersies >= aantalPlannen * Versies)
            {
                Console.WriteLine($"The region has {aantalPlannen:N0} OPPs with {aantalVersies:N0} versions: not generating more.");
                return;
            }
        }
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var leeg = new NpgsqlCommand("DELETE FROM plan_overleggen; DELETE FROM instemmingen; DELETE FROM plan_versies; DELETE FROM plannen; DELETE FROM toestemmingsverzoeken;", connection, transaction))
        {
            await leeg.ExecuteNonQueryAsync(cancellationToken);
        }
        var leerlingen = new List<(Guid School, Guid Leerling, Guid Door, Guid[] Gezag)>();
        await using (var command = new NpgsqlCommand("""
            WITH zorg AS (SELECT DISTINCT ON (g.school_id) g.school_id, g.id FROM gebruikers g
                          JOIN gebruiker_rollen gr ON gr.user_id = g.id JOIN rollen r ON r.id = gr.role_id AND r.name = 'Zorgcoordinator'
                          ORDER BY g.school_id, g.id)
            SELECT l.school_id, l.id, z.id,
                   ARRAY(SELECT lo.ouder_id FROM leerling_ouders lo WHERE lo.school_id = l.school_id AND lo.leerling_id = l.id AND lo.gezag ORDER BY lo.ouder_id)
            FROM leerlingen l JOIN zorg z ON z.school_id = l.school_id
            ORDER BY l.school_id, l.id
            """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                leerlingen.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<Guid[]>(3)));
            }
        }
        var random = new Random(seed + 11);
        var vandaag = Leerlingzorg.Domain.Schoolkalender.Vandaag(TimeProvider.System);
        var nu = TimeProvider.System.GetUtcNow();
        var plannen = new List<(Guid Id, Guid School, Guid Leerling, DateOnly NodigSinds, DateTimeOffset Aangemaakt, Guid Door)>();
        var versies = new List<Versierij>();
        var instemmingen = new List<(Guid School, Guid Versie, Guid Leerling, Guid Ouder, int Revisie, string Status, DateTimeOffset Gevraagd, DateTimeOffset? Beslist, string? Wijze, Guid? Door)>();
        var verzoeken = new List<(Guid School, Guid Leerling, Guid Ouder, string Doel, DateTimeOffset Gevraagd, Guid Door)>();
        foreach (var (school, leerling, door, gezag) in leerlingen)
        {
            if (gezag.Length == 0 || random.NextDouble() >= Aandeel)
            {
                continue;
            }
            var planId = Guid.CreateVersion7();
            // Five versions about half a year apart; the newest made a few weeks ago.
            var eerste = nu.AddDays(-(Versies - 1) * 180 - random.Next(20, 60));
            plannen.Add((planId, school, leerling, Leerlingzorg.Domain.Schoolkalender.DatumVan(eerste).AddDays(-30), eerste, door));
            var laatsteTerInstemming = random.NextDouble() < 0.4;
            for (var nummer = 1; nummer <= Versies; nummer++)
            {
                var aangemaakt = eerste.AddDays((nummer - 1) * 180);
                var voorgelegd = aangemaakt.AddDays(random.Next(7, 15));
                var besluit = voorgelegd.AddDays(random.Next(3, 14));
                var volgendeIngang = Leerlingzorg.Domain.Schoolkalender.DatumVan(eerste.AddDays(nummer * 180 + 21));
                var laatste = nummer == Versies;
                var status = laatste
                    ? laatsteTerInstemming ? PlanStatus.TerInstemming : PlanStatus.InUitvoering
                    : nummer == Versies - 1 && laatsteTerInstemming ? PlanStatus.Geevalueerd : PlanStatus.Vervangen;
                var terInstemming = status == PlanStatus.TerInstemming;
                var ingang = terInstemming ? (DateOnly?)null : Leerlingzorg.Domain.Schoolkalender.DatumVan(besluit);
                var geevalueerd = status is PlanStatus.Vervangen or PlanStatus.Geevalueerd ? Leerlingzorg.Domain.Schoolkalender.DatumVan(eerste.AddDays(nummer * 180 - 7)) : (DateOnly?)null;
                var revisie = random.Next(2, 7);
                var id = Guid.CreateVersion7();
                versies.Add(new Versierij(id, school, planId, leerling, nummer, status.ToString(),
                    JsonSerializer.Serialize(Inhoud(random, nummer, ingang ?? Leerlingzorg.Domain.Schoolkalender.DatumVan(besluit)), Json),
                    revisie, aangemaakt, door, voorgelegd.AddDays(-1), voorgelegd, terInstemming ? null : (DateTimeOffset?)besluit, ingang, geevalueerd,
                    geevalueerd is null ? null : Evaluatie(random, nummer),
                    status == PlanStatus.Vervangen ? volgendeIngang : (DateOnly?)null));
                foreach (var (ouder, i) in gezag.Select((o, i) => (o, i)))
                {
                    var open = terInstemming && (i > 0 || random.NextDouble() >= 1.0 / 3);
                    var portaal = random.NextDouble() < 0.7;
                    instemmingen.Add((school, id, leerling, ouder, revisie, open ? nameof(InstemmingStatus.Open) : nameof(InstemmingStatus.Ingestemd), voorgelegd,
                        open ? null : (DateTimeOffset?)besluit.AddHours(-random.Next(0, 48)), open ? null : portaal ? nameof(InstemmingWijze.Portaal) : nameof(InstemmingWijze.Schriftelijk),
                        open || portaal ? null : (Guid?)door));
                }
            }
            if (random.NextDouble() < 1.0 / 3)
            {
                var doel = random.NextDouble() < 0.5 ? nameof(ToestemmingDoel.ObservatieOrthopedagoog) : nameof(ToestemmingDoel.BesprekingZat);
                foreach (var ouder in gezag)
                {
                    verzoeken.Add((school, leerling, ouder, doel, nu.AddDays(-random.Next(1, 20)), door));
                }
            }
        }
        await CopyAsync(connection, "plannen (id, school_id, leerling_id, soort, nodig_sinds, aangemaakt_op, aangemaakt_door, versie)", plannen, (w, p) =>
        {
            w.Write(p.Id, NpgsqlDbType.Uuid);
            w.Write(p.School, NpgsqlDbType.Uuid);
            w.Write(p.Leerling, NpgsqlDbType.Uuid);
            w.Write(nameof(PlanSoort.Opp), NpgsqlDbType.Varchar);
            w.Write(p.NodigSinds, NpgsqlDbType.Date);
            w.Write(p.Aangemaakt, NpgsqlDbType.TimestampTz);
            w.Write(p.Door, NpgsqlDbType.Uuid);
            w.Write(Versies + 1, NpgsqlDbType.Integer);
        }, cancellationToken);
        await CopyAsync(connection, "plan_versies (id, school_id, plan_id, leerling_id, nummer, status, inhoud, evaluatie_gepland, revisie, aangemaakt_op, aangemaakt_door, bijgewerkt_op, bijgewerkt_door, voorgelegd_op, voorgelegd_door, besluit_op, ingang, laatst_geevalueerd, evaluatie, vervangen_op, versie)",
            versies, (w, v) =>
            {
                w.Write(v.Id, NpgsqlDbType.Uuid);
                w.Write(v.School, NpgsqlDbType.Uuid);
                w.Write(v.Plan, NpgsqlDbType.Uuid);
                w.Write(v.Leerling, NpgsqlDbType.Uuid);
                w.Write(v.Nummer, NpgsqlDbType.Integer);
                w.Write(v.Status, NpgsqlDbType.Varchar);
                w.Write(v.Inhoud, NpgsqlDbType.Jsonb);
                w.Date(JsonSerializer.Deserialize<PlanInhoud>(v.Inhoud, Json)!.Evaluatiedatum);
                w.Write(v.Revisie, NpgsqlDbType.Integer);
                w.Write(v.Aangemaakt, NpgsqlDbType.TimestampTz);
                w.Write(v.Door, NpgsqlDbType.Uuid);
                w.Write(v.Bijgewerkt, NpgsqlDbType.TimestampTz);
                w.Write(v.Door, NpgsqlDbType.Uuid);
                w.Write(v.Voorgelegd, NpgsqlDbType.TimestampTz);
                w.Write(v.Door, NpgsqlDbType.Uuid);
                Tijd(w, v.Besluit);
                w.Date(v.Ingang);
                w.Date(v.Geevalueerd);
                if (v.Evaluatie is { } e)
                {
                    w.Write(e, NpgsqlDbType.Varchar);
                }
                else
                {
                    w.WriteNull();
                }
                w.Date(v.Vervangen);
                w.Write(v.Revisie + 2, NpgsqlDbType.Integer);
            }, cancellationToken);
        await CopyAsync(connection, "instemmingen (id, school_id, versie_id, leerling_id, ouder_id, revisie, status, gevraagd_op, beslist_op, wijze, vastgelegd_door, versie)", instemmingen, (w, i) =>
        {
            w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            w.Write(i.School, NpgsqlDbType.Uuid);
            w.Write(i.Versie, NpgsqlDbType.Uuid);
            w.Write(i.Leerling, NpgsqlDbType.Uuid);
            w.Write(i.Ouder, NpgsqlDbType.Uuid);
            w.Write(i.Revisie, NpgsqlDbType.Integer);
            w.Write(i.Status, NpgsqlDbType.Varchar);
            w.Write(i.Gevraagd, NpgsqlDbType.TimestampTz);
            Tijd(w, i.Beslist);
            if (i.Wijze is { } wijze)
            {
                w.Write(wijze, NpgsqlDbType.Varchar);
            }
            else
            {
                w.WriteNull();
            }
            w.Uuid(i.Door);
            w.Write(i.Beslist is null ? 1 : 2, NpgsqlDbType.Integer);
        }, cancellationToken);
        await CopyAsync(connection, "toestemmingsverzoeken (id, school_id, leerling_id, ouder_id, doel, toelichting, gevraagd_op, gevraagd_door, status, versie)", verzoeken, (w, v) =>
        {
            w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            w.Write(v.School, NpgsqlDbType.Uuid);
            w.Write(v.Leerling, NpgsqlDbType.Uuid);
            w.Write(v.Ouder, NpgsqlDbType.Uuid);
            w.Write(v.Doel, NpgsqlDbType.Varchar);
            w.Write("We willen graag dat de orthopedagoog uw kind in de klas observeert, zodat we de ondersteuning in het OPP beter kunnen afstemmen.", NpgsqlDbType.Varchar);
            w.Write(v.Gevraagd, NpgsqlDbType.TimestampTz);
            w.Write(v.Door, NpgsqlDbType.Uuid);
            w.Write(nameof(VerzoekStatus.Open), NpgsqlDbType.Varchar);
            w.Write(1, NpgsqlDbType.Integer);
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await using (var analyze = new NpgsqlCommand("ANALYZE plannen, plan_versies, instemmingen, toestemmingsverzoeken", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
        var bytes = versies.Count == 0 ? 0 : versies.Average(v => v.Inhoud.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {plannen.Count:N0} OPPs ({(double)plannen.Count / Math.Max(1, leerlingen.Count):P1} of the students) with {versies.Count:N0} versions (text {bytes / 1024:F1} KB of JSON on average), {instemmingen.Count:N0} instemmingen ({instemmingen.Count(i => i.Beslist is null):N0} open) and {verzoeken.Count:N0} open consent requests in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s."));
    }

    private sealed record Versierij(Guid Id, Guid School, Guid Plan, Guid Leerling, int Nummer, string Status, string Inhoud, int Revisie,
        DateTimeOffset Aangemaakt, Guid Door, DateTimeOffset Bijgewerkt, DateTimeOffset Voorgelegd, DateTimeOffset? Besluit, DateOnly? Ingang,
        DateOnly? Geevalueerd, string? Evaluatie, DateOnly? Vervangen);

    private static void Tijd(NpgsqlBinaryImporter w, DateTimeOffset? tijd)
    {
        if (tijd is { } t)
        {
            w.Write(t, NpgsqlDbType.TimestampTz);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static readonly string[] Bestemmingen = ["vmbo-kb, dan mbo", "havo", "mbo niveau 2", "vmbo-gt", "praktijkonderwijs, dan arbeid"];
    private static readonly string[] Doelen =
    [
        "Plant zijn huiswerk zelf in zijn agenda en houdt die elke week bij met de mentor.",
        "Leest een tekst van niveau 2F en beantwoordt er vragen over.",
        "Vraagt om hulp als hij vastloopt, in plaats van te stoppen.",
        "Beheerst de rekenvaardigheden van niveau 1F: breuken, procenten en verhoudingen.",
        "Werkt twintig minuten zelfstandig aan een taak zonder de les te verstoren.",
        "Gaat met klasgenoten om zonder ruzie in de pauze; benoemt wat hij voelt.",
        "Komt elke dag op tijd op school; ziekmelding gaat via ouders voor 8.00 uur.",
    ];
    private static readonly (string Wat, string Wie, string HoeVaak)[] Ondersteuning =
    [
        ("Remedial teaching lezen en spelling", "RT'er", "2× per week 30 minuten"),
        ("Begeleiding bij plannen en organiseren", "mentor", "wekelijks 15 minuten"),
        ("Ambulante begeleiding", "ambulant begeleider van het samenwerkingsverband", "1× per twee weken"),
        ("Time-outplek bij overprikkeling", "zorgcoördinator", "zo nodig, met afspraakkaart"),
        ("Extra tijd bij toetsen (25 %) en toetsen in een aparte ruimte", "docenten en examensecretaris", "bij elke toets"),
        ("Sociale-vaardigheidstraining", "orthopedagoog", "8 bijeenkomsten"),
        ("Gesprek met ouders over de voortgang", "mentor en zorgcoördinator", "elke 6 weken"),
        ("Rekenondersteuning in kleine groep", "rekencoach", "1× per week"),
    ];

    /// <summary>A filled OPP text of about 4 KB; the goals and the support shift a little from version to version.</summary>
    private static PlanInhoud Inhoud(Random random, int nummer, DateOnly ingang) => new()
    {
        BeginsituatieLeerling = $"Versie {nummer}. De leerling heeft een vastgestelde dyslexie en kenmerken van ADHD (diagnose 2022). Hij is sociaal, "
            + "behulpzaam en werkt graag met zijn handen. In de klas raakt hij snel afgeleid, vooral bij lange instructies en in drukke lessen. "
            + "Zijn cijfers voor de talen liggen onder het niveau van de klas; voor praktische vakken haalt hij ruime voldoendes. Thuis is er "
            + "structuur, maar huiswerk lukt alleen met hulp. Het verzuim is het afgelopen jaar gestegen (vooral het eerste uur).",
        BeginsituatieDocent = "Docenten merken dat korte, concrete opdrachten met een duidelijk eindpunt het beste werken. Hij heeft baat bij een vaste plek "
            + "vooraan, een time-timer en een korte check na de instructie. Bij onverwachte wijzigingen in het rooster reageert hij boos.",
        Onderwijsbehoeften = "Heeft nodig: instructie in kleine stappen met voorbeelden; een vaste plek; gesproken teksten (voorleessoftware); extra tijd bij "
            + "toetsen; een mentor die wekelijks de planning met hem doorneemt; een rustige plek als het hem te veel wordt; vooraf weten wat er verandert.",
        BelemmerendeFactoren = "Concentratieproblemen, trage leesvaardigheid (AVI-niveau E5), faalangst bij toetsen, wisselende motivatie na tegenslag, "
            + "weinig overzicht over zijn taken.",
        BevorderendeFactoren = "Betrokken ouders, goede relatie met de mentor, sterk in praktische vakken, humor, wil graag slagen en een opleiding in de techniek volgen.",
        Uitstroombestemming = Bestemmingen[random.Next(Bestemmingen.Length)],
        Uitstroomniveau = "basisberoepsgerichte leerweg",
        UitstroomOnderbouwing = "De toetsresultaten (NIO, drempelonderzoek) en de ontwikkeling van de afgelopen twee jaar wijzen op een praktische "
            + "leerweg. Zijn interesse en talent liggen in de techniek; met ondersteuning bij lezen en plannen is het diploma haalbaar. "
            + "Ouders en leerling onderschrijven dit perspectief.",
        Doelen = [.. Enumerable.Range(0, 4).Select(i => new Onderwijsdoel(Doelen[(nummer + i) % Doelen.Length],
            i % 2 == 0 ? "Wekelijks gesprek met de mentor; voortgang in het leerlingvolgsysteem; evaluatie na zes weken." : null))],
        Handelingsdeel = [.. Enumerable.Range(0, 5).Select(i => Ondersteuning[(nummer + i * 2) % Ondersteuning.Length])
            .Select(o => new Ondersteuningsregel(o.Wat, o.Wie, o.HoeVaak, null))],
        Afwijkingen = nummer >= 3 ? "Vrijstelling voor de tweede moderne vreemde taal; in die uren RT en huiswerkbegeleiding." : null,
        VisieLeerling = "Ik wil graag naar het mbo, iets met auto's. Het helpt als ik weet wat ik moet doen en als ik even weg mag als het te druk is.",
        OpgesteldDoor = "mentor, zorgcoördinator, ouders en leerling",
        Evaluatiedatum = ingang.AddMonths(6),
    };

    private static string Evaluatie(Random random, int nummer) =>
        $"Evaluatie van versie {nummer} met ouders en leerling. De planning met de mentor werkt; het verzuim in het eerste uur is gedaald. "
        + (random.NextDouble() < 0.5 ? "Lezen blijft moeilijk: de RT wordt voortgezet. " : "De time-outplek is minder nodig dan verwacht. ")
        + "Afgesproken: de doelen bijstellen in een nieuwe versie.";
}
