using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Security.Claims;
using System.Text.Json;
using Leerlingzorg.Benchmarks.Bench;
using static Leerlingzorg.Benchmarks.Generate.BinaryCopy;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Leerlingzorg.Benchmarks.Dossier;

/// <summary>
/// <c>bench leerlingpagina</c>: the student page as a mentor opens it (header: <see cref="LeerlingBekijkenHandler"/>;
/// first timeline page: <see cref="TijdlijnHandler"/> with its kinds), through the handlers, as the app role under RLS,
/// audit writes included; side by side with raw Npgsql sending the same SQL (captured from the handlers, per student,
/// with the same parameters, connections and set_config) on the same data source. Before measuring it fills the region
/// with gesprekken (about 22 per student: ~1,000,000 for 45,000 students) and afspraken with binary COPY as the superuser,
/// once (skipped only when every table of the fill is complete).
/// </summary>
internal static class LeerlingPaginaBenchmark
{
    private const int Leerlingen = 50;
    private const int GesprekkenPerLeerling = 22;
    private const int WarmUp = 3;

    public static async Task RunAsync(BenchTarget target, AppPath app, int rounds, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(app);
        await GesprekkenGenerator.VulAsync(target.Superuser, GesprekkenPerLeerling, seed, cancellationToken);
        var gevallen = await GevallenAsync(target.Superuser, seed, cancellationToken);
        Console.WriteLine();
        Console.WriteLine($"== bench leerlingpagina: {gevallen.Count} students of their mentor, {rounds} rounds ==");
        if (gevallen.Count == 0)
        {
            Console.WriteLine("No students with a mentor: nothing to measure.");
            return;
        }
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        var opnames = new Dictionary<Geval, List<List<Opname.Statement>>>();
        foreach (var geval in gevallen)
        {
            opnames[geval] = await Opname.NeemOpAsync(dataSource, geval.School, Principal(geval), geval.Leerling, cancellationToken);
        }
        var pagina = new Latencies("page: header + kinds + timeline page 1");
        var kop = new Latencies("header (LeerlingBekijkenHandler)");
        var tijdlijn = new Latencies("kinds + timeline page 1 (TijdlijnHandler)");
        var rauw = new Latencies("raw Npgsql, same SQL: page");
        var rauwKop = new Latencies("raw Npgsql: header (1st connection)");
        var rauwTijdlijn = new Latencies("raw Npgsql: kinds + timeline (the rest)");
        var eindeVerbinding = new long[opnames.Values.Max(o => o.Count)];
        var items = 0L;
        var rijen = 0L;
        var statements = opnames.Values.Average(o => o.Sum(g => g.Count));
        long toegewezen = 0;
        using var vertalingen = new Vertalingen();
        // Three rounds of warm-up (150 calls per path): the JIT's tiered compilation and the prepared statements settle first.
        for (var round = -WarmUp; round < rounds; round++)
        {
            foreach (var geval in gevallen)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(Principal(geval));
                var voor = GC.GetTotalAllocatedBytes();
                var start = Stopwatch.GetTimestamp();
                var k = await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(geval.Leerling, cancellationToken);
                var naKop = Stopwatch.GetTimestamp();
                var handler = scope.ServiceProvider.GetRequiredService<TijdlijnHandler>();
                await handler.SoortenAsync(cancellationToken);
                var t = await handler.HandleAsync(new TijdlijnVraag(geval.Leerling), cancellationToken);
                var eind = Stopwatch.GetTimestamp();
                var na = GC.GetTotalAllocatedBytes();
                if (!k.IsGelukt || !t.IsGelukt)
                {
                    throw new InvalidOperationException($"The mentor does not see student {geval.Leerling}.");
                }
                var startRauw = Stopwatch.GetTimestamp();
                var r = await Opname.SpeelAfAsync(dataSource, geval.School, opnames[geval], cancellationToken, eindeVerbinding);
                var eindRauw = Stopwatch.GetTimestamp();
                if (round < 0)
                {
                    if (round == -1)
                    {
                        items += t.Waarde!.Items.Count;
                        rijen += r;
                    }
                    continue;
                }
                if (round == 0 && geval == gevallen[0])
                {
                    vertalingen.Begin();
                }
                toegewezen += na - voor;
                pagina.Add(Stopwatch.GetElapsedTime(start, eind));
                kop.Add(Stopwatch.GetElapsedTime(start, naKop));
                tijdlijn.Add(Stopwatch.GetElapsedTime(naKop, eind));
                rauw.Add(Stopwatch.GetElapsedTime(startRauw, eindRauw));
                rauwKop.Add(Stopwatch.GetElapsedTime(startRauw, eindeVerbinding[0]));
                rauwTijdlijn.Add(Stopwatch.GetElapsedTime(eindeVerbinding[0], eindRauw));
            }
        }
        Console.WriteLine($"EF query compilations while measuring (cache misses): {vertalingen.Aantal}.");
        if (items == 0)
        {
            Console.WriteLine("WARNING: every first timeline page is empty: the fill is missing, the numbers below measure nothing.");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"First timeline page holds on average {(double)items / gevallen.Count:F1} items; the page sends {statements:F1} statements ({(double)rijen / gevallen.Count:F1} rows)."));
        Console.WriteLine(Latencies.Header(42));
        Console.WriteLine(pagina.Row(42));
        Console.WriteLine(kop.Row(42));
        Console.WriteLine(tijdlijn.Row(42));
        Console.WriteLine(rauw.Row(42));
        Console.WriteLine(rauwKop.Row(42));
        Console.WriteLine(rauwTijdlijn.Row(42));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  handlers / raw: p50 × {pagina.Percentile(50) / rauw.Percentile(50):F2}, p95 × {pagina.Percentile(95) / rauw.Percentile(95):F2}, mean × {pagina.Mean / rauw.Mean:F2} (target ≤ 1.3); {toegewezen / 1024.0 / Math.Max(1, pagina.Count):F0} KB allocated per page."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  header / raw header: p50 × {kop.Percentile(50) / rauwKop.Percentile(50):F2}; kinds + timeline / raw rest: p50 × {tijdlijn.Percentile(50) / rauwTijdlijn.Percentile(50):F2}."));

        var eerste = gevallen[0];
        Console.WriteLine();
        Console.WriteLine("The SQL of one page (captured from the handlers):");
        foreach (var sql in opnames[eerste].SelectMany(g => g))
        {
            Console.WriteLine("---");
            Console.WriteLine(sql.Tekst);
        }
        await using var db = await app.ForSchoolAsync(eerste.School, cancellationToken);
        var user = new CurrentUser();
        user.Set(Principal(eerste));
        var lezer = await db.DossierlezerAsync(user, eerste.Leerling, cancellationToken)
            ?? throw new InvalidOperationException("The mentor does not see the student.");
        // The gesprekken part of the timeline, as the handler builds it, for the plan.
        var query = db.LeesbareGesprekken(lezer)
            .OrderByDescending(g => g.Datum).ThenByDescending(g => g.AangemaaktOp).Take(21)
            .Select(g => new { g.Id, g.Datum, Tekst = g.Samenvatting.Substring(0, 280) });
        Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of the timeline's gesprekken part", await Explain.RunAsync(db, query, cancellationToken), withSql: false);
    }

    private static ClaimsPrincipal Principal(Geval geval) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, geval.Mentor.ToString()),
        new Claim(LeerlingzorgClaims.SchoolId, geval.School.ToString()),
        new Claim(ClaimTypes.Role, Rollen.Mentor),
        new Claim(ClaimTypes.Role, Rollen.Docent),
    ], "bench"));

    /// <summary>Counts EF Core's query compilations (a miss of its query cache) from <see cref="Begin"/> on.</summary>
    private sealed class Vertalingen : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> abonnementen = [];
        private int aantal;
        private bool actief;

        public Vertalingen() => abonnementen.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public int Aantal => aantal;

        public void Begin() => actief = true;

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                abonnementen.Add(value.Subscribe(this, naam => naam == CoreEventId.QueryCompilationStarting.Name));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (actief && value.Key == CoreEventId.QueryCompilationStarting.Name)
            {
                Interlocked.Increment(ref aantal);
            }
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose() => abonnementen.ForEach(a => a.Dispose());
    }

    private sealed record Geval(Guid School, Guid Leerling, Guid Mentor);

    private static async Task<List<Geval>> GevallenAsync(string superuser, int seed, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT ON (l.id) l.school_id, l.id, km.medewerker_id
            FROM leerlingen l JOIN klas_mentoren km ON km.school_id = l.school_id AND km.klas_id = l.klas_id
            ORDER BY l.id, km.medewerker_id
            """, connection);
        var alle = new List<Geval>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                alle.Add(new Geval(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2)));
            }
        }
        var random = new Random(seed);
        return [.. alle.OrderBy(_ => random.Next()).Take(Leerlingen)];
    }
}

/// <summary>
/// Fills the region with gesprekken, their students and afspraken, with binary COPY as the superuser (not bound by
/// RLS; see ADR 0004). A development and benchmark tool, never for production.
/// </summary>
internal static class GesprekkenGenerator
{
    private static readonly string[] Zinnen =
    [
        "Gesproken over de planning van het huiswerk en de toetsweek.",
        "De leerling geeft aan dat het in de klas goed gaat, maar thuis is het onrustig.",
        "Afgesproken dat de leerling de planner dagelijks bijhoudt en na twee weken terugkomt.",
        "Ouders zijn telefonisch op de hoogte gebracht en denken mee over extra ondersteuning.",
        "Cijfers voor wiskunde en Frans blijven achter; bijles is besproken.",
        "De leerling voelt zich beter op zijn plek sinds de wissel van tafelgroep.",
    ];

    public static async Task VulAsync(string superuser, int perLeerling, int seed, CancellationToken cancellationToken)
    {
        // Bulk writes under load take minutes: Npgsql's default of 30 s cut the COPY off half way (issue 8, Deliver 10).
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuser) { CommandTimeout = 3600 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        switch (await StaatAsync(connection, perLeerling, cancellationToken))
        {
            case Vulling.Compleet:
                return;
            case Vulling.Half:
                // A fill that broke off (gesprekken without their students or afspraken) would be measured as empty timelines.
                Console.WriteLine("WARNING: the region holds an incomplete fill of gesprekken; removing it and filling again.");
                await using (var leeg = new NpgsqlCommand("TRUNCATE afspraken, gesprek_revisies, gesprek_leerlingen, gesprekken CASCADE", connection))
                {
                    await leeg.ExecuteNonQueryAsync(cancellationToken);
                }
                break;
        }
        var started = Stopwatch.GetTimestamp();
        // The standard kinds per school, where a school has none.
        foreach (var soort in GesprekSoort.Standaard())
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO gesprek_soorten (id, school_id, naam, is_voortgangsgesprek, volgorde, actief)
                SELECT gen_random_uuid(), s.id, @naam, @voortgang, @volgorde, true FROM scholen s
                WHERE NOT EXISTS (SELECT 1 FROM gesprek_soorten g WHERE g.school_id = s.id AND g.naam = @naam)
                """, connection);
            insert.Parameters.AddWithValue("naam", soort.Naam);
            insert.Parameters.AddWithValue("voortgang", soort.IsVoortgangsgesprek);
            insert.Parameters.AddWithValue("volgorde", soort.Volgorde);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        var soorten = new Dictionary<Guid, List<(Guid Id, bool Voortgang)>>();
        await using (var command = new NpgsqlCommand("SELECT school_id, id, is_voortgangsgesprek FROM gesprek_soorten ORDER BY school_id, volgorde", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var school = reader.GetGuid(0);
                if (!soorten.TryGetValue(school, out var lijst))
                {
                    soorten[school] = lijst = [];
                }
                lijst.Add((reader.GetGuid(1), reader.GetBoolean(2)));
            }
        }
        // Students with a staff member to author their gesprekken: a mentor of the class (else any staff of the school).
        var leerlingen = new List<(Guid School, Guid Leerling, Guid Auteur)>();
        await using (var command = new NpgsqlCommand("""
            SELECT l.school_id, l.id, coalesce(
                (SELECT km.medewerker_id FROM klas_mentoren km WHERE km.school_id = l.school_id AND km.klas_id = l.klas_id LIMIT 1),
                (SELECT g.id FROM gebruikers g WHERE g.school_id = l.school_id LIMIT 1))
            FROM leerlingen l ORDER BY l.school_id, l.id
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(2))
                {
                    leerlingen.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2)));
                }
            }
        }
        var random = new Random(seed);
        var vandaag = Leerlingzorg.Domain.Schoolkalender.Vandaag(TimeProvider.System);
        var gesprekken = new List<(Guid Id, Guid School, Guid Soort, DateOnly Datum, Guid Auteur, string Tekst, string Niveau, string? Voortgang, Guid Leerling)>();
        var afspraken = new List<(Guid School, Guid Leerling, Guid Gesprek, string Wat, Guid Eigenaar, DateOnly Deadline, DateTimeOffset Aangemaakt, bool Afgerond)>();
        var voortgangJson = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["WatGaatGoed"] = "Plannen", ["WatKanBeter"] = "Huiswerk maken", ["WatWilIk"] = "Naar de havo",
        });
        foreach (var (school, leerling, auteur) in leerlingen)
        {
            if (!soorten.TryGetValue(school, out var schoolSoorten))
            {
                continue;
            }
            var aantal = random.Next(perLeerling / 2, perLeerling * 3 / 2 + 1);
            for (var i = 0; i < aantal; i++)
            {
                var (soortId, voortgang) = schoolSoorten[random.Next(schoolSoorten.Count)];
                var datum = vandaag.AddDays(-random.Next(0, 3 * 365));
                var kans = random.NextDouble();
                var niveau = kans < 0.80 ? nameof(Vertrouwelijkheid.Normaal) : kans < 0.95 ? nameof(Vertrouwelijkheid.Zorg) : nameof(Vertrouwelijkheid.Vertrouwelijk);
                var tekst = string.Join(' ', Enumerable.Range(0, random.Next(2, 12)).Select(_ => Zinnen[random.Next(Zinnen.Length)]));
                var id = Guid.CreateVersion7(datum.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                gesprekken.Add((id, school, soortId, datum, auteur, tekst, niveau, voortgang ? voortgangJson : null, leerling));
                if (random.NextDouble() < 0.25)
                {
                    afspraken.Add((school, leerling, id, "Planner bijhouden en terugkoppelen", auteur, datum.AddDays(random.Next(7, 60)),
                        new DateTimeOffset(datum.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), datum.AddDays(60) < vandaag));
                }
            }
        }
        // One transaction: the fill is there entirely or not at all.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await CopyAsync(connection,
            "gesprekken (id, school_id, soort_id, datum, auteur_id, samenvatting, vertrouwelijkheid, met_ouders, aangemaakt_op, versie, voortgang)",
            gesprekken, (w, g) =>
            {
                w.Write(g.Id, NpgsqlDbType.Uuid);
                w.Write(g.School, NpgsqlDbType.Uuid);
                w.Write(g.Soort, NpgsqlDbType.Uuid);
                w.Write(g.Datum, NpgsqlDbType.Date);
                w.Write(g.Auteur, NpgsqlDbType.Uuid);
                w.Write(g.Tekst, NpgsqlDbType.Varchar);
                w.Write(g.Niveau, NpgsqlDbType.Varchar);
                w.Write(false, NpgsqlDbType.Boolean);
                w.Write(new DateTimeOffset(g.Datum.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero), NpgsqlDbType.TimestampTz);
                w.Write(1, NpgsqlDbType.Integer);
                if (g.Voortgang is null)
                {
                    w.WriteNull();
                }
                else
                {
                    w.Write(g.Voortgang, NpgsqlDbType.Jsonb);
                }
            }, cancellationToken);
        await CopyAsync(connection, "gesprek_leerlingen (school_id, gesprek_id, leerling_id)", gesprekken, (w, g) =>
        {
            w.Write(g.School, NpgsqlDbType.Uuid);
            w.Write(g.Id, NpgsqlDbType.Uuid);
            w.Write(g.Leerling, NpgsqlDbType.Uuid);
        }, cancellationToken);
        await CopyAsync(connection, "afspraken (id, school_id, leerling_id, gesprek_id, wat, eigenaar_id, deadline, aangemaakt_op, afgerond_op, evaluatie)",
            afspraken, (w, a) =>
            {
                w.Write(Guid.CreateVersion7(a.Aangemaakt), NpgsqlDbType.Uuid);
                w.Write(a.School, NpgsqlDbType.Uuid);
                w.Write(a.Leerling, NpgsqlDbType.Uuid);
                w.Write(a.Gesprek, NpgsqlDbType.Uuid);
                w.Write(a.Wat, NpgsqlDbType.Varchar);
                w.Write(a.Eigenaar, NpgsqlDbType.Uuid);
                w.Write(a.Deadline, NpgsqlDbType.Date);
                w.Write(a.Aangemaakt, NpgsqlDbType.TimestampTz);
                if (a.Afgerond)
                {
                    w.Write(a.Aangemaakt.AddDays(30), NpgsqlDbType.TimestampTz);
                    w.Write("Gaat beter", NpgsqlDbType.Varchar);
                }
                else
                {
                    w.WriteNull();
                    w.WriteNull();
                }
            }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await using (var analyze = new NpgsqlCommand("ANALYZE gesprek_soorten, gesprekken, gesprek_leerlingen, afspraken", connection))
        {
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {gesprekken.Count:N0} gesprekken and {afspraken.Count:N0} afspraken for {leerlingen.Count:N0} students in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s."));
    }

    private enum Vulling { Leeg, Half, Compleet }

    /// <summary>Every table of the fill is checked: gesprekken, their students, afspraken; "complete" only when all are there.</summary>
    private static async Task<Vulling> StaatAsync(NpgsqlConnection connection, int perLeerling, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM leerlingen), (SELECT count(*) FROM gesprekken),
                   (SELECT count(*) FROM gesprekken g WHERE NOT EXISTS (SELECT 1 FROM gesprek_leerlingen gl WHERE gl.gesprek_id = g.id)),
                   (SELECT count(*) FROM afspraken)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (leerlingen, gesprekken, zonderLeerling, afspraken) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        if (gesprekken == 0 && afspraken == 0)
        {
            return Vulling.Leeg;
        }
        // About perLeerling gesprekken per student (at least half), each with its student, and an afspraak for ~1 in 4.
        var compleet = gesprekken >= leerlingen * perLeerling / 2 && zonderLeerling == 0 && afspraken >= gesprekken / 10;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The region has {gesprekken:N0} gesprekken ({zonderLeerling:N0} without a student) and {afspraken:N0} afspraken for {leerlingen:N0} students{(compleet ? ": not generating more." : ".")}"));
        return compleet ? Vulling.Compleet : Vulling.Half;
    }
}

/// <summary>
/// <c>leerlingpagina [--rounds N] [--reuse | --connection … --app-connection …] [--schools …] [--leerlingen …] [--seed …]</c>:
/// the same targets as <c>bench</c>.
/// </summary>
internal static class LeerlingPaginaCommand
{
    public static async Task<int> RunAsync(Cli.Arguments args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.AllowOnly(BenchTarget.Options);
        var rounds = args.GetInt("rounds", 10, minimum: 1);
        var seed = args.GetInt("seed", Generate.GenerateCommand.DefaultSeed);
        await using var target = await BenchTarget.OpenAsync(args, cancellationToken);
        await using var app = AppPath.Create("app role", target.App);
        await LeerlingPaginaBenchmark.RunAsync(target, app, rounds, seed, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(BenchTarget.LoadAverage());
        return 0;
    }
}

/// <summary>
/// The SQL the page's handlers send, captured per connection they open (each opening sets app.school_id), and replayed
/// with raw Npgsql: the baseline of "the same SQL" without EF Core's query building and materialisation.
/// </summary>
internal static partial class Opname
{
    internal sealed record Parameter(string Naam, NpgsqlDbType? Type, object? Waarde);

    internal sealed record Statement(string Tekst, IReadOnlyList<Parameter> Parameters, bool GeeftRijen);

    private sealed class Opnemer : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public List<List<Statement>> Verbindingen { get; } = [];

        private void Neem(DbCommand command, bool rijen)
        {
            if (Verbindingen.Count == 0)
            {
                Verbindingen.Add([]);
            }
            Verbindingen[^1].Add(new Statement(command.CommandText,
                [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => new Parameter(p.ParameterName,
                    p.NpgsqlDbType == NpgsqlDbType.Unknown ? null : p.NpgsqlDbType, p.Value))],
                rijen));
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Neem(command, rijen: true);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Neem(command, rijen: false);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Neem(command, rijen: true);
            return ValueTask.FromResult(result);
        }

        public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Verbindingen.Add([]);
            return Task.CompletedTask;
        }
    }

    /// <summary>Runs the page's handlers once on a context with the recorder, as the app does (same options, same data source).</summary>
    public static async Task<List<List<Statement>>> NeemOpAsync(NpgsqlDataSource dataSource, Guid school, ClaimsPrincipal principal, Guid leerling,
        CancellationToken cancellationToken)
    {
        var opnemer = new Opnemer();
        var options = new DbContextOptionsBuilder<LeerlingzorgDbContext>();
        Database.Configure(options, dataSource);
        options.AddInterceptors(opnemer);
        var pool = new PooledDbContextFactory<LeerlingzorgDbContext>(options.Options);
        var user = new CurrentUser();
        user.Set(principal);
        var factory = new SchoolDbContextFactory(pool, user);
        var audit = new AuditLog(factory, user, TimeProvider.System);
        await new LeerlingBekijkenHandler(factory, user, audit).HandleAsync(leerling, cancellationToken);
        var tijdlijn = new TijdlijnHandler(factory, user, audit);
        await tijdlijn.SoortenAsync(cancellationToken);
        await tijdlijn.HandleAsync(new TijdlijnVraag(leerling), cancellationToken);
        return [.. opnemer.Verbindingen.Where(v => v.Count > 0)];
    }

    /// <summary>
    /// Sends the captured statements: per connection set_config first, every row and column read; returns the rows.
    /// <paramref name="eindeVerbinding"/>, when given, gets the time each connection but the last was done with.
    /// </summary>
    public static async Task<long> SpeelAfAsync(NpgsqlDataSource dataSource, Guid school, List<List<Statement>> verbindingen, CancellationToken cancellationToken,
        long[]? eindeVerbinding = null)
    {
        long rijen = 0;
        for (var v = 0; v < verbindingen.Count; v++)
        {
            var statements = verbindingen[v];
            if (v > 0 && eindeVerbinding is not null)
            {
                eindeVerbinding[v - 1] = Stopwatch.GetTimestamp();
            }
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using (var set = new NpgsqlCommand("SELECT set_config('app.school_id', @school, false)", connection))
            {
                set.Parameters.AddWithValue("school", school.ToString());
                await set.ExecuteNonQueryAsync(cancellationToken);
            }
            foreach (var statement in statements)
            {
                await using var command = new NpgsqlCommand(statement.Tekst, connection);
                var nieuwId = NieuwId(statement);
                foreach (var p in statement.Parameters)
                {
                    var waarde = p.Naam.TrimStart('@') == nieuwId ? Guid.CreateVersion7() : p.Waarde;
                    command.Parameters.Add(p.Type is { } type
                        ? new NpgsqlParameter(p.Naam, type) { Value = waarde ?? DBNull.Value }
                        : new NpgsqlParameter(p.Naam, waarde ?? DBNull.Value));
                }
                if (!statement.GeeftRijen)
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                    continue;
                }
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                do
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rijen++;
                        for (var i = 0; i < reader.FieldCount; i++)
                        {
                            _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
                        }
                    }
                }
                while (await reader.NextResultAsync(cancellationToken));
            }
        }
        return rijen;
    }

    /// <summary>An INSERT of an audit line carries its client-made id: a replay needs a fresh one (the parameter of column id).</summary>
    private static string? NieuwId(Statement statement)
    {
        var match = InsertPattern().Match(statement.Tekst);
        if (!match.Success)
        {
            return null;
        }
        var kolommen = match.Groups[1].Value.Split(',').Select(k => k.Trim().Trim('"')).ToList();
        var waarden = match.Groups[2].Value.Split(',').Select(w => w.Trim().TrimStart('@')).ToList();
        var index = kolommen.IndexOf("id");
        return index >= 0 && index < waarden.Count ? waarden[index] : null;
    }

    [GeneratedRegex(@"INSERT INTO\s+\S+\s*\(([^)]*)\)\s*VALUES\s*\(([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex InsertPattern();
}
