using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features.MijnKlassen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Leerlingzorg.Benchmarks.Bench;

/// <summary>
/// <c>bench mijnklassen</c>: the mentor's start page. Measured three ways: the real
/// <see cref="MijnKlassenHandler"/> as a signed-in mentor (compiled query plus one audit insert per class, as
/// the app role under RLS); the compiled query alone as the app role; and the compiled query alone as the
/// superuser (RLS off).
/// </summary>
internal static class MijnKlassenBenchmark
{
    private const int Mentoren = 50;

    // The handler's compiled query, repeated here to time it without the audit writes (the handler keeps it
    // private); Linq below is the same expression, for EXPLAIN. Keep both in step with MijnKlassen.cs.
    private static readonly Func<LeerlingzorgDbContext, Guid, Schooljaar, IAsyncEnumerable<MijnKlas>> Query =
        EF.CompileAsyncQuery((LeerlingzorgDbContext db, Guid mentor, Schooljaar jaar) =>
            db.Klassen
                .Where(k => k.Schooljaar == jaar && k.Mentoren.Any(m => m.MedewerkerId == mentor))
                .OrderBy(k => k.Leerjaar).ThenBy(k => k.Naam)
                .Select(k => new MijnKlas(k.Id, k.Naam, k.Leerjaar, k.Afdeling!.Naam, k.Locatie!.Naam,
                    k.Leerlingen
                        .OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam)
                        .Select(l => new KlasLeerling(l.Id, l.Leerlingnummer, l.Voornaam, l.Tussenvoegsel, l.Achternaam, l.Geboortedatum, l.IsAmv))
                        .ToList())));

    private static IQueryable<MijnKlas> Linq(LeerlingzorgDbContext db, Guid mentor, Schooljaar jaar) =>
        db.Klassen
            .Where(k => k.Schooljaar == jaar && k.Mentoren.Any(m => m.MedewerkerId == mentor))
            .OrderBy(k => k.Leerjaar).ThenBy(k => k.Naam)
            .Select(k => new MijnKlas(k.Id, k.Naam, k.Leerjaar, k.Afdeling!.Naam, k.Locatie!.Naam,
                k.Leerlingen
                    .OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam)
                    .Select(l => new KlasLeerling(l.Id, l.Leerlingnummer, l.Voornaam, l.Tussenvoegsel, l.Achternaam, l.Geboortedatum, l.IsAmv))
                    .ToList()));

    public static async Task RunAsync(BenchTarget target, AppPath app, AppPath superuser, int rounds, int seed, CancellationToken cancellationToken)
    {
        var jaar = Leerlingzorg.Domain.Schoolkalender.HuidigSchooljaar(TimeProvider.System);
        var mentoren = await LoadMentorsAsync(target.Superuser, jaar, seed, cancellationToken);
        Console.WriteLine();
        Console.WriteLine($"== bench mijnklassen: {mentoren.Count} mentors (schooljaar {jaar}), {rounds} rounds per path ==");
        if (mentoren.Count == 0)
        {
            Console.WriteLine("No mentors in this schooljaar: nothing to measure.");
            return;
        }

        var handler = new Latencies("MijnKlassenHandler (app role, RLS, audit)");
        var queryRls = new Latencies("compiled query, app role, RLS on");
        var queryGeen = new Latencies("compiled query, superuser, RLS off");
        var klassen = 0;
        var leerlingen = 0;
        for (var round = -1; round < rounds; round++)
        {
            // Round -1 warms up: compiled queries, prepared statements, pools.
            foreach (var mentor in mentoren)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                var result = await HandlerAsync(app, mentor, cancellationToken);
                var viaHandler = Stopwatch.GetElapsedTime(started);
                started = Stopwatch.GetTimestamp();
                await QueryAsync(app, mentor, jaar, cancellationToken);
                var viaApp = Stopwatch.GetElapsedTime(started);
                started = Stopwatch.GetTimestamp();
                await QueryAsync(superuser, mentor, jaar, cancellationToken);
                var viaSuperuser = Stopwatch.GetElapsedTime(started);
                if (round < 0)
                {
                    klassen += result.Count;
                    leerlingen += result.Sum(k => k.Leerlingen.Count);
                    continue;
                }
                handler.Add(viaHandler);
                queryRls.Add(viaApp);
                queryGeen.Add(viaSuperuser);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A mentor's page holds on average {(double)klassen / mentoren.Count:F2} classes and {(double)leerlingen / mentoren.Count:F1} students."));
        Console.WriteLine(Latencies.Header(42));
        Console.WriteLine(handler.Row(42));
        Console.WriteLine(queryRls.Row(42));
        Console.WriteLine(queryGeen.Row(42));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  RLS cost on the query: p50 × {queryRls.Percentile(50) / queryGeen.Percentile(50):F2}; audit writes add {handler.Percentile(50) - queryRls.Percentile(50):F2} ms at p50."));

        var (school, medewerker) = mentoren[0];
        await using var db = await app.ForSchoolAsync(school, cancellationToken);
        Explain.Print("EXPLAIN (ANALYZE, BUFFERS) of the mijn-klassen query", await Explain.RunAsync(db, Linq(db, medewerker, jaar), cancellationToken), withSql: true);
    }

    private static async Task<IReadOnlyList<MijnKlas>> HandlerAsync(AppPath app, (Guid School, Guid Medewerker) mentor, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, mentor.Medewerker.ToString()),
            new Claim(LeerlingzorgClaims.SchoolId, mentor.School.ToString()),
            new Claim(ClaimTypes.Role, Rollen.Mentor),
            new Claim(ClaimTypes.Role, Rollen.Docent),
        ], "bench")));
        return await scope.ServiceProvider.GetRequiredService<MijnKlassenHandler>().HandleAsync(cancellationToken);
    }

    private static async Task<List<MijnKlas>> QueryAsync(AppPath path, (Guid School, Guid Medewerker) mentor, Schooljaar jaar, CancellationToken cancellationToken)
    {
        await using var db = await path.ForSchoolAsync(mentor.School, cancellationToken);
        var klassen = new List<MijnKlas>();
        await foreach (var klas in Query(db, mentor.Medewerker, jaar).WithCancellation(cancellationToken))
        {
            klassen.Add(klas);
        }
        return klassen;
    }

    private static async Task<List<(Guid School, Guid Medewerker)>> LoadMentorsAsync(string superuser, Schooljaar jaar, int seed, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT km.school_id, km.medewerker_id
            FROM klas_mentoren km JOIN klassen k ON k.school_id = km.school_id AND k.id = km.klas_id
            WHERE k.schooljaar = @jaar
            ORDER BY km.medewerker_id
            """, connection);
        command.Parameters.AddWithValue("jaar", jaar.Startjaar);
        var alle = new List<(Guid, Guid)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                alle.Add((reader.GetGuid(0), reader.GetGuid(1)));
            }
        }
        var random = new Random(seed);
        return [.. alle.OrderBy(_ => random.Next()).Take(Mentoren)];
    }
}
