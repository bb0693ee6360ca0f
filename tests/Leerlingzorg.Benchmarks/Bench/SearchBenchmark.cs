using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Leerlingzorg.Benchmarks.Generate;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Zoeken;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Leerlingzorg.Benchmarks.Bench;

/// <summary>One search as a user types it: in a school, a kind of term, the term.</summary>
internal sealed record SearchCase(Guid School, string SchoolNaam, string Soort, string Term);

/// <summary>A reader of the search: a care role (every student of the school) or a mentor (his classes only).</summary>
internal sealed record SearchReader(string Soort, Guid School, Guid Gebruiker, string[] Rollen);

/// <summary>
/// <c>bench search</c>: latency of the real <see cref="LeerlingZoekenHandler"/> (need-to-know, the query, the audit
/// line per student shown), for a care role and for a mentor, as the application role under row-level security,
/// against the same handler as the superuser (RLS bypassed; the EF Core query filter still limits it to the
/// school), so that the difference is what RLS costs. Terms are drawn from the region's own students: exact
/// names, typos, accents left out, leerlingnummers, and a term that matches nothing.
/// </summary>
internal static class SearchBenchmark
{
    private const int Scholen = 5;
    public const string Zorg = "zorgcoördinator";
    public const string Mentor = "mentor";

    public static async Task RunAsync(BenchTarget target, AppPath app, AppPath superuser, int rounds, int seed, CancellationToken cancellationToken)
    {
        var cases = await LoadCasesAsync(target.Superuser, seed, cancellationToken);
        var readers = await LoadReadersAsync(target.Superuser, cases.Select(c => c.School).Distinct().ToList(), cancellationToken);
        Console.WriteLine();
        Console.WriteLine($"== bench search: {cases.Count} terms in {cases.Select(c => c.School).Distinct().Count()} schools, {rounds} rounds per path and reader ==");
        Console.WriteLine("Schools: " + string.Join("; ", cases.DistinctBy(c => c.School).Select(c => c.SchoolNaam)));
        Console.WriteLine("The real LeerlingZoekenHandler, as a " + Zorg + " and as a mentor of the school; each call writes its audit lines.");
        await CheckRowLevelSecurityAsync(app, cases[0].School, cancellationToken);

        Console.WriteLine();
        Console.WriteLine($"Sample results in {cases[0].SchoolNaam} (app role, {Zorg} / mentor hits):");
        foreach (var searchCase in cases.Where(c => c.School == cases[0].School))
        {
            var results = await SearchAsync(app, readers[(searchCase.School, Zorg)], searchCase, cancellationToken);
            var mentorHits = readers.TryGetValue((searchCase.School, Mentor), out var mentor)
                ? (await SearchAsync(app, mentor, searchCase, cancellationToken)).Count : 0;
            var top = results.Count == 0 ? "(no match)" : $"{results[0].Naam} ({results[0].Leerlingnummer})";
            Console.WriteLine($"  {searchCase.Soort,-28} {Quote(searchCase.Term),-30} {results.Count,2} / {mentorHits,2} hits, top: {top}");
        }

        var soorten = new[] { Zorg, Mentor };
        // Warm-up: every statement prepared, plans cached, pools filled, on both paths.
        for (var i = 0; i < 2; i++)
        {
            foreach (var searchCase in cases)
            {
                foreach (var soort in soorten)
                {
                    if (readers.TryGetValue((searchCase.School, soort), out var reader))
                    {
                        await SearchAsync(app, reader, searchCase, cancellationToken);
                        await SearchAsync(superuser, reader, searchCase, cancellationToken);
                    }
                }
            }
        }

        var totaal = soorten.ToDictionary(s => s, s => (Rls: new Latencies($"{s}, app role, RLS on"), Geen: new Latencies($"{s}, superuser, RLS off")));
        var perSoort = cases.Select(c => c.Soort).Distinct().ToDictionary(s => s, s => (Rls: new Latencies(s), Geen: new Latencies(s)));
        var perSchool = cases.Select(c => c.SchoolNaam).Distinct().ToDictionary(s => s, s => (Rls: new Latencies(s), Geen: new Latencies(s)));
        for (var round = 0; round < rounds; round++)
        {
            foreach (var searchCase in cases)
            {
                foreach (var soort in soorten)
                {
                    if (!readers.TryGetValue((searchCase.School, soort), out var reader))
                    {
                        continue;
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                    // Alternate which path goes first, so that neither always finds the other's pages warm.
                    var (first, second) = round % 2 == 0 ? (app, superuser) : (superuser, app);
                    foreach (var path in new[] { first, second })
                    {
                        var started = Stopwatch.GetTimestamp();
                        await SearchAsync(path, reader, searchCase, cancellationToken);
                        var elapsed = Stopwatch.GetElapsedTime(started);
                        (path == app ? totaal[soort].Rls : totaal[soort].Geen).Add(elapsed);
                        if (soort == Zorg)
                        {
                            var perKind = perSoort[searchCase.Soort];
                            var school = perSchool[searchCase.SchoolNaam];
                            (path == app ? perKind.Rls : perKind.Geen).Add(elapsed);
                            (path == app ? school.Rls : school.Geen).Add(elapsed);
                        }
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("Search latency (the handler: a pooled context bound to the school, query, materialise, audit; end to end in this process):");
        Console.WriteLine(Latencies.Header(40));
        foreach (var soort in soorten)
        {
            Console.WriteLine(totaal[soort].Rls.Row(40));
            Console.WriteLine(totaal[soort].Geen.Row(40));
        }
        foreach (var soort in soorten)
        {
            var (rls, geen) = totaal[soort];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  RLS cost, {soort}: p50 × {rls.Percentile(50) / geen.Percentile(50):F2}, p95 × {rls.Percentile(95) / geen.Percentile(95):F2}"));
        }

        Console.WriteLine();
        Console.WriteLine($"  {"per kind of term, " + Zorg + " (p50 / p95 ms)",-32} {"RLS on",15} {"RLS off",15}");
        foreach (var (soort, (rls, geen)) in perSoort)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {soort,-32} {rls.Percentile(50),7:F2} /{rls.Percentile(95),6:F2} {geen.Percentile(50),7:F2} /{geen.Percentile(95),6:F2}"));
        }

        Console.WriteLine();
        Console.WriteLine($"  {"per school, " + Zorg + " (p50 / p95 ms)",-50} {"RLS on",15} {"RLS off",15}");
        foreach (var (naam, (rls, geen)) in perSchool)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {naam,-50} {rls.Percentile(50),7:F2} /{rls.Percentile(95),6:F2} {geen.Percentile(50),7:F2} /{geen.Percentile(95),6:F2}"));
        }

        var explained = cases.First(c => c.Soort == "typo: swapped letters");
        foreach (var soort in soorten)
        {
            if (!readers.TryGetValue((explained.School, soort), out var reader))
            {
                continue;
            }
            await using var scope = Scope(app, reader);
            var handler = scope.ServiceProvider.GetRequiredService<LeerlingZoekenHandler>();
            await using (var db = await app.ForSchoolAsync(explained.School, cancellationToken))
            {
                Explain.Print($"EXPLAIN (ANALYZE, BUFFERS) of the search for {Quote(explained.Term)} by a {soort}",
                    await Explain.RunAsync(db, await handler.QueryAsync(db, explained.Term, cancellationToken), cancellationToken), withSql: true);
            }
            await using (var db = await superuser.ForSchoolAsync(explained.School, cancellationToken))
            {
                Explain.Print($"The same search by a {soort} with RLS off",
                    await Explain.RunAsync(db, await handler.QueryAsync(db, explained.Term, cancellationToken), cancellationToken), withSql: false);
            }
        }
    }

    /// <summary>One search through the real handler, as <paramref name="reader"/> signed in, on <paramref name="path"/>'s database role.</summary>
    public static async Task<IReadOnlyList<ZoekResultaat>> SearchAsync(AppPath path, SearchReader reader, SearchCase searchCase, CancellationToken cancellationToken)
    {
        await using var scope = Scope(path, reader);
        return await scope.ServiceProvider.GetRequiredService<LeerlingZoekenHandler>().HandleAsync(searchCase.Term, cancellationToken);
    }

    private static AsyncServiceScope Scope(AppPath path, SearchReader reader)
    {
        var scope = path.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, reader.Gebruiker.ToString()),
            new Claim(LeerlingzorgClaims.SchoolId, reader.School.ToString()),
            .. reader.Rollen.Select(r => new Claim(ClaimTypes.Role, r)),
        ], "bench")));
        return scope;
    }

    /// <summary>
    /// Per school a mentor of one of its classes (who, like most mentors, also teaches), and a care reader (the zorgcoördinator role; the handler checks
    /// the role claim, so the mentor's account with only that role stands in for one).
    /// </summary>
    public static async Task<Dictionary<(Guid School, string Soort), SearchReader>> LoadReadersAsync(
        string superuser, IReadOnlyList<Guid> scholen, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT ON (km.school_id) km.school_id, km.medewerker_id
            FROM klas_mentoren km JOIN klassen k ON k.school_id = km.school_id AND k.id = km.klas_id
            WHERE km.school_id = ANY(@scholen)
            ORDER BY km.school_id, k.schooljaar DESC, km.medewerker_id
            """, connection);
        command.Parameters.AddWithValue("scholen", scholen.ToArray());
        var readers = new Dictionary<(Guid, string), SearchReader>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (school, medewerker) = (reader.GetGuid(0), reader.GetGuid(1));
                readers[(school, Mentor)] = new SearchReader(Mentor, school, medewerker, [Rollen.Mentor, Rollen.Docent]);
                readers[(school, Zorg)] = new SearchReader(Zorg, school, medewerker, [Rollen.Zorgcoordinator]);
            }
        }
        foreach (var school in scholen.Where(s => !readers.ContainsKey((s, Zorg))))
        {
            // A school without mentors still gets the care reader (the audit log takes any id).
            readers[(school, Zorg)] = new SearchReader(Zorg, school, Guid.CreateVersion7(), [Rollen.Zorgcoordinator]);
        }
        return readers;
    }

    /// <summary>Shows that the application role really is under RLS: bound to a school it sees that school's students, unbound none.</summary>
    private static async Task CheckRowLevelSecurityAsync(AppPath app, Guid school, CancellationToken cancellationToken)
    {
        // Raw SQL on purpose: no EF Core query filter, so only row-level security limits what comes back.
        const string Count = "SELECT count(*) FROM leerlingen";
        string bound, unbound;
        await using (var db = await app.ForSchoolAsync(school, cancellationToken))
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            bound = await Explain.ScalarAsync(db, Count, cancellationToken);
            await db.Database.CloseConnectionAsync();
        }
        await using (var db = await app.ForSchoolAsync(null, cancellationToken))
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            unbound = await Explain.ScalarAsync(db, Count, cancellationToken);
            await db.Database.CloseConnectionAsync();
        }
        Console.WriteLine($"RLS check, `{Count}` as the app role: bound to one school {bound} rows, bound to none {unbound} rows.");
    }

    /// <summary>Terms from real students of <see cref="Scholen"/> schools spread over the region, the same for the same seed.</summary>
    public static async Task<List<SearchCase>> LoadCasesAsync(string superuser, int seed, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(cancellationToken);
        var scholen = new List<(Guid Id, string Naam)>();
        await using (var command = new NpgsqlCommand(
            "SELECT s.id, s.naam || ' (' || count(*) || ' leerlingen)' FROM scholen s JOIN leerlingen l ON l.school_id = s.id GROUP BY s.id ORDER BY s.brinnummer", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                scholen.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }
        var gekozen = Enumerable.Range(0, Math.Min(Scholen, scholen.Count)).Select(i => scholen[i * scholen.Count / Math.Min(Scholen, scholen.Count)]).ToList();
        var cases = new List<SearchCase>();
        for (var s = 0; s < gekozen.Count; s++)
        {
            var (id, naam) = gekozen[s];
            var leerlingen = new List<(string Voornaam, string? Tussenvoegsel, string Achternaam, string Nummer)>();
            await using (var command = new NpgsqlCommand(
                "SELECT voornaam, tussenvoegsel, achternaam, leerlingnummer FROM leerlingen WHERE school_id = @s ORDER BY leerlingnummer", connection))
            {
                command.Parameters.AddWithValue("s", id);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    leerlingen.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                }
            }
            var random = new Random(seed + s);
            (string Voornaam, string? Tussenvoegsel, string Achternaam, string Nummer) Kies(Func<(string Voornaam, string? Tussenvoegsel, string Achternaam, string Nummer), bool>? filter = null)
            {
                var kandidaten = filter is null ? leerlingen : leerlingen.Where(filter).ToList();
                if (kandidaten.Count == 0)
                {
                    kandidaten = leerlingen;
                }
                return kandidaten[random.Next(kandidaten.Count)];
            }
            static bool Lang((string Voornaam, string? Tussenvoegsel, string Achternaam, string Nummer) l) => l.Achternaam.Length >= 5 && l.Voornaam.Length >= 4;
            static bool MetAccent((string Voornaam, string? Tussenvoegsel, string Achternaam, string Nummer) l) =>
                (l.Voornaam + l.Achternaam).Any(c => c > 127);

            var a = Kies();
            var b = Kies();
            var c = Kies(Lang);
            var d = Kies(Lang);
            var e = Kies(Lang);
            var f = Kies(MetAccent);
            var g = Kies(l => l.Tussenvoegsel is not null);
            var h = Kies();
            void Add(string soort, string term) => cases.Add(new SearchCase(id, naam, soort, term));
            Add("surname", Domain.Naam.Volledig("", a.Tussenvoegsel, a.Achternaam).Trim());
            Add("full name", Domain.Naam.Volledig(b.Voornaam, b.Tussenvoegsel, b.Achternaam));
            Add("first name", a.Voornaam);
            Add("surname prefix (4)", c.Achternaam[..4]);
            Add("typo: swapped letters", Swap(c.Achternaam, random));
            Add("typo: missing letter", Drop(d.Voornaam, random) + " " + d.Achternaam);
            Add("typo in both names", Swap(e.Voornaam, random) + " " + Drop(e.Achternaam, random));
            Add("accents left out", DutchNames.ZonderAccenten(f.Voornaam + " " + f.Achternaam));
            Add("lower case with tussenvoegsel", Domain.Naam.Volledig(g.Voornaam, g.Tussenvoegsel, g.Achternaam).ToLowerInvariant());
            Add("leerlingnummer", h.Nummer);
            Add("leerlingnummer prefix (4)", h.Nummer[..4]);
            Add("no match", "Xqzvw");
        }
        return cases;
    }

    private static string Swap(string text, Random random)
    {
        if (text.Length < 3)
        {
            return text;
        }
        var chars = text.ToCharArray();
        var p = random.Next(1, chars.Length - 1);
        (chars[p], chars[p + 1]) = (chars[p + 1], chars[p]);
        return new string(chars);
    }

    private static string Drop(string text, Random random) =>
        text.Length < 4 ? text : text.Remove(random.Next(1, text.Length), 1);

    private static string Quote(string term) => $"'{term}'";
}
