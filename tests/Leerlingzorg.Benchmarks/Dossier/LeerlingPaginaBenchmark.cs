using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Leerlingzorg.Benchmarks.Bench;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Leerlingzorg.Benchmarks.Dossier;

/// <summary>
/// <c>bench leerlingpagina</c>: the student page as a mentor opens it (header: <see cref="LeerlingBekijkenHandler"/>;
/// first timeline page: <see cref="TijdlijnHandler"/> with its kinds), through the handlers, as the app role under RLS,
/// audit writes included. Before measuring it fills the region with gesprekken (about 22 per student: ~1,000,000 for
/// 45,000 students) and afspraken with binary COPY as the superuser, once (skipped when the region already has them).
/// </summary>
internal static class LeerlingPaginaBenchmark
{
    private const int Leerlingen = 50;
    private const int GesprekkenPerLeerling = 22;

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
        var pagina = new Latencies("page: header + kinds + timeline page 1");
        var kop = new Latencies("header (LeerlingBekijkenHandler)");
        var tijdlijn = new Latencies("timeline page 1 (TijdlijnHandler)");
        var items = 0L;
        for (var round = -1; round < rounds; round++)
        {
            foreach (var geval in gevallen)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, geval.Mentor.ToString()),
                    new Claim(LeerlingzorgClaims.SchoolId, geval.School.ToString()),
                    new Claim(ClaimTypes.Role, Rollen.Mentor),
                    new Claim(ClaimTypes.Role, Rollen.Docent),
                ], "bench")));
                var start = Stopwatch.GetTimestamp();
                var k = await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(geval.Leerling, cancellationToken);
                var naKop = Stopwatch.GetTimestamp();
                var handler = scope.ServiceProvider.GetRequiredService<TijdlijnHandler>();
                await handler.SoortenAsync(cancellationToken);
                var t = await handler.HandleAsync(new TijdlijnVraag(geval.Leerling), cancellationToken);
                var eind = Stopwatch.GetTimestamp();
                if (!k.IsGelukt || !t.IsGelukt)
                {
                    throw new InvalidOperationException($"The mentor does not see student {geval.Leerling}.");
                }
                if (round < 0)
                {
                    items += t.Waarde!.Items.Count;
                    continue;
                }
                pagina.Add(Stopwatch.GetElapsedTime(start, eind));
                kop.Add(Stopwatch.GetElapsedTime(start, naKop));
                tijdlijn.Add(Stopwatch.GetElapsedTime(naKop, eind));
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"First timeline page holds on average {(double)items / gevallen.Count:F1} items."));
        Console.WriteLine(Latencies.Header(42));
        Console.WriteLine(pagina.Row(42));
        Console.WriteLine(kop.Row(42));
        Console.WriteLine(tijdlijn.Row(42));

        var eerste = gevallen[0];
        await using var db = await app.ForSchoolAsync(eerste.School, cancellationToken);
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, eerste.Mentor.ToString()), new Claim(LeerlingzorgClaims.SchoolId, eerste.School.ToString()),
             new Claim(ClaimTypes.Role, Rollen.Mentor)], "bench")));
        // The gesprekken part of the timeline, as the handler builds it, for the plan.
        var leerling = db.ZichtbareLeerlingen(user).Where(l => l.Id == eerste.Leerling);
        var query = db.LeesbareGesprekken(user)
            .Where(g => g.Leerlingen.Any(gl => gl.LeerlingId == eerste.Leerling) && leerling.Any())
            .OrderByDescending(g => g.Datum).ThenByDescending(g => g.AangemaaktOp).Take(21)
            .Select(g => new { g.Id, g.Datum, Tekst = g.Samenvatting.Substring(0, 280) });
        Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of the timeline's gesprekken part", await Explain.RunAsync(db, query, cancellationToken), withSql: false);
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
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(cancellationToken);
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM gesprekken", connection))
        {
            var bestaand = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            if (bestaand >= 100_000)
            {
                Console.WriteLine($"The region already has {bestaand:N0} gesprekken: not generating more.");
                return;
            }
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
        var vandaag = DateOnly.FromDateTime(DateTime.Today);
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
        await using (var analyze = new NpgsqlCommand("ANALYZE gesprek_soorten, gesprekken, gesprek_leerlingen, afspraken", connection))
        {
            analyze.CommandTimeout = 600;
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {gesprekken.Count:N0} gesprekken and {afspraken.Count:N0} afspraken for {leerlingen.Count:N0} students in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s."));
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string tableAndColumns, IEnumerable<T> rows,
        Action<NpgsqlBinaryImporter, T> write, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {tableAndColumns} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }
        await importer.CompleteAsync(cancellationToken);
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
