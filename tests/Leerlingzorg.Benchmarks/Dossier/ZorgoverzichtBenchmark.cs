using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Leerlingzorg.Benchmarks.Bench;
using static Leerlingzorg.Benchmarks.Generate.BinaryCopy;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Features.Zorgoverzicht;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Leerlingzorg.Benchmarks.Dossier;

/// <summary>
/// <c>zorgoverzicht [--rounds N] [--reuse | …]</c>: the zorgcoördinator's overview (counts and the four lists, page 1) and the
/// student header of students on PM III/IV, through the real handlers as the app role under RLS, audit writes included.
/// Before measuring it fills the region with the support structure, once (about 15 % of the students above PM I, with
/// their ladder history, interventions from the school's offer and consents).
/// </summary>
internal static class ZorgoverzichtBenchmark
{
    public static async Task RunAsync(BenchTarget target, AppPath app, int rounds, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(app);
        await OndersteuningGenerator.VulAsync(target.Superuser, seed, cancellationToken);
        var scholen = await ZorgcoordinatorenAsync(target.Superuser, cancellationToken);
        Console.WriteLine();
        Console.WriteLine($"== bench zorgoverzicht: {scholen.Count} schools' zorgcoördinator, {rounds} rounds ==");
        var telling = new Latencies("counts per level × leerjaar");
        var lijsten = Enum.GetValues<ZorgLijst>().ToDictionary(l => l, l => new Latencies($"list {l}, page 1 of 25"));
        var kop = new Latencies("student header, PM III/IV student");
        long regels = 0;
        for (var round = -2; round < rounds; round++)
        {
            foreach (var (school, zorgcoordinator, leerlingen) in scholen)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(Principal(school, zorgcoordinator));
                var handler = scope.ServiceProvider.GetRequiredService<ZorgoverzichtHandler>();
                var start = Stopwatch.GetTimestamp();
                var t = await handler.TellingAsync(cancellationToken);
                var na = Stopwatch.GetTimestamp();
                if (!t.IsGelukt)
                {
                    throw new InvalidOperationException("The zorgcoördinator has no overview.");
                }
                if (round >= 0)
                {
                    telling.Add(Stopwatch.GetElapsedTime(start, na));
                }
                foreach (var lijst in lijsten.Keys)
                {
                    start = Stopwatch.GetTimestamp();
                    var pagina = await handler.HandleAsync(new ZorgoverzichtVraag(lijst), cancellationToken);
                    na = Stopwatch.GetTimestamp();
                    if (round >= 0)
                    {
                        lijsten[lijst].Add(Stopwatch.GetElapsedTime(start, na));
                        regels += pagina.Waarde?.Regels.Count ?? 0;
                    }
                }
                var kaart = scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>();
                foreach (var leerling in leerlingen)
                {
                    start = Stopwatch.GetTimestamp();
                    var k = await kaart.HandleAsync(leerling, cancellationToken);
                    na = Stopwatch.GetTimestamp();
                    if (!k.IsGelukt)
                    {
                        throw new InvalidOperationException("The zorgcoördinator does not see a student of his school.");
                    }
                    if (round >= 0)
                    {
                        kop.Add(Stopwatch.GetElapsedTime(start, na));
                    }
                }
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Rows shown per list page on average: {(double)regels / Math.Max(1, lijsten.Values.Sum(l => l.Count)):F1}."));
        Console.WriteLine(Latencies.Header(44));
        Console.WriteLine(telling.Row(44));
        foreach (var l in lijsten.Values)
        {
            Console.WriteLine(l.Row(44));
        }
        Console.WriteLine(kop.Row(44));
    }

    private static ClaimsPrincipal Principal(Guid school, Guid zorgcoordinator) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, zorgcoordinator.ToString()),
        new Claim(LeerlingzorgClaims.SchoolId, school.ToString()),
        new Claim(ClaimTypes.Role, Rollen.Zorgcoordinator),
    ], "bench"));

    /// <summary>Per school its (first) zorgcoördinator and up to 5 of its students on PM III/IV.</summary>
    private static async Task<List<(Guid School, Guid Zorgcoordinator, List<Guid> Leerlingen)>> ZorgcoordinatorenAsync(string superuser, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT ON (g.school_id) g.school_id, g.id,
                   ARRAY(SELECT l.id FROM leerlingen l WHERE l.school_id = g.school_id AND l.pm_niveau >= 3 ORDER BY l.id LIMIT 5)
            FROM gebruikers g
            JOIN gebruiker_rollen gr ON gr.user_id = g.id
            JOIN rollen r ON r.id = gr.role_id AND r.name = 'Zorgcoordinator'
            WHERE g.school_id IS NOT NULL
            ORDER BY g.school_id, g.id
            """, connection);
        var lijst = new List<(Guid, Guid, List<Guid>)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lijst.Add((reader.GetGuid(0), reader.GetGuid(1), [.. reader.GetFieldValue<Guid[]>(2)]));
        }
        return lijst;
    }
}

/// <summary>
/// Fills the region with the support structure, with binary COPY as the superuser (not bound by RLS; ADR 0004), once:
/// the standard offer per school, ~15 % of the students above PM I with their steps up the ladder, an intervention for
/// most of them (some ended, some with a review overdue) and consents (some expiring soon). A development tool only.
/// </summary>
internal static class OndersteuningGenerator
{
    public static async Task VulAsync(string superuser, int seed, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuser) { CommandTimeout = 3600 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var check = new NpgsqlCommand("SELECT (SELECT count(*) FROM pm_stappen), (SELECT count(*) FROM inzetten), (SELECT count(*) FROM toestemmingen), (SELECT count(*) FROM leerlingen)", connection))
        await using (var reader = await check.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            var (aantalStappen, aantalInzetten, aantalToestemmingen, aantalLeerlingen) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            if (aantalStappen >= aantalLeerlingen / 10 && aantalInzetten >= aantalLeerlingen / 20 && aantalToestemmingen >= aantalLeerlingen / 40)
            {
                Console.WriteLine($"The region has {aantalStappen:N0} ladder steps, {aantalInzetten:N0} interventions and {aantalToestemmingen:N0} consents: not generating more.");
                return;
            }
        }
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var leeg = new NpgsqlCommand("TRUNCATE inzetten, toestemmingen, pm_stappen, ondersteuningspassen; UPDATE leerlingen SET pm_niveau = 1, pm_sinds = NULL", connection, transaction))
        {
            await leeg.ExecuteNonQueryAsync(cancellationToken);
        }
        // The standard offer per school, where a school has none.
        foreach (var aanbod in Ondersteuningsaanbod.Standaard())
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO ondersteuningsaanbod (id, school_id, naam, categorie, niveau, aanbiedersoort, aanbieder, capaciteit, toestemming_nodig, omschrijving, actief, volgorde)
                SELECT gen_random_uuid(), s.id, @naam, @categorie, @niveau, @soort, @aanbieder, @capaciteit, @toestemming, @omschrijving, true, @volgorde FROM scholen s
                WHERE NOT EXISTS (SELECT 1 FROM ondersteuningsaanbod a WHERE a.school_id = s.id AND a.naam = @naam)
                """, connection, transaction);
            insert.Parameters.AddWithValue("naam", aanbod.Naam);
            insert.Parameters.AddWithValue("categorie", aanbod.Categorie.ToString());
            insert.Parameters.AddWithValue("niveau", (int)aanbod.Niveau);
            insert.Parameters.AddWithValue("soort", aanbod.Aanbiedersoort.ToString());
            insert.Parameters.AddWithValue("aanbieder", aanbod.Aanbieder);
            insert.Parameters.AddWithValue("capaciteit", (object?)aanbod.Capaciteit ?? DBNull.Value);
            insert.Parameters.AddWithValue("toestemming", (object?)aanbod.ToestemmingNodig?.ToString() ?? DBNull.Value);
            insert.Parameters.AddWithValue("omschrijving", aanbod.Omschrijving);
            insert.Parameters.AddWithValue("volgorde", aanbod.Volgorde);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        var aanbodPerSchool = new Dictionary<Guid, List<Guid>>();
        await using (var command = new NpgsqlCommand("SELECT school_id, id FROM ondersteuningsaanbod ORDER BY school_id, volgorde, naam", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var school = reader.GetGuid(0);
                if (!aanbodPerSchool.TryGetValue(school, out var lijst))
                {
                    aanbodPerSchool[school] = lijst = [];
                }
                lijst.Add(reader.GetGuid(1));
            }
        }
        // Per student a staff member of the school (the first zorgcoördinator, else anyone) and the first ouder.
        var leerlingen = new List<(Guid School, Guid Leerling, Guid Door, Guid? Ouder)>();
        await using (var command = new NpgsqlCommand("""
            WITH zorg AS (SELECT DISTINCT ON (g.school_id) g.school_id, g.id FROM gebruikers g
                          JOIN gebruiker_rollen gr ON gr.user_id = g.id JOIN rollen r ON r.id = gr.role_id AND r.name = 'Zorgcoordinator'
                          ORDER BY g.school_id, g.id)
            SELECT l.school_id, l.id, z.id,
                   (SELECT lo.ouder_id FROM leerling_ouders lo WHERE lo.school_id = l.school_id AND lo.leerling_id = l.id AND lo.gezag LIMIT 1)
            FROM leerlingen l JOIN zorg z ON z.school_id = l.school_id
            ORDER BY l.school_id, l.id
            """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                leerlingen.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetGuid(3)));
            }
        }
        var random = new Random(seed);
        var vandaag = Leerlingzorg.Domain.Schoolkalender.Vandaag(TimeProvider.System);
        var nu = DateTimeOffset.UtcNow;
        var stappen = new List<(Guid School, Guid Leerling, int Van, int Naar, DateOnly Datum, Guid Door)>();
        var niveaus = new List<(Guid Leerling, int Niveau, DateOnly Sinds)>();
        var inzetten = new List<(Guid School, Guid Leerling, Guid Aanbod, DateOnly Start, DateOnly? Einde, DateOnly? Evaluatie, string Status, DateOnly? Beeindigd, Guid Door)>();
        var toestemmingen = new List<(Guid School, Guid Leerling, Guid Ouder, string Doel, DateOnly Gegeven, DateOnly? Tot, Guid Door)>();
        foreach (var (school, leerling, door, ouder) in leerlingen)
        {
            if (random.NextDouble() >= 0.15 || !aanbodPerSchool.TryGetValue(school, out var aanbod))
            {
                continue;
            }
            // Up the ladder one step at a time: II for most, III for a third of those, IV for a few.
            var doel = random.NextDouble() switch { < 0.6 => 2, < 0.9 => 3, _ => 4 };
            var datum = vandaag.AddDays(-random.Next(30, 400));
            for (var n = 2; n <= doel; n++)
            {
                stappen.Add((school, leerling, n - 1, n, datum, door));
                datum = datum.AddDays(random.Next(14, 90));
                if (datum > vandaag)
                {
                    datum = vandaag;
                }
            }
            niveaus.Add((leerling, doel, stappen[^1].Datum));
            if (random.NextDouble() < 0.8)
            {
                var start = stappen[^1].Datum;
                var einde = start.AddDays(random.Next(30, 200));
                var afgerond = einde < vandaag && random.NextDouble() < 0.5;
                inzetten.Add((school, leerling, aanbod[random.Next(aanbod.Count)], start, einde, start.AddDays(random.Next(20, 120)),
                    afgerond ? nameof(InzetStatus.Afgerond) : nameof(InzetStatus.Actief), afgerond ? einde : null, door));
            }
            if (ouder is { } o && random.NextDouble() < 0.5)
            {
                var gegeven = stappen[0].Datum;
                toestemmingen.Add((school, leerling, o, random.NextDouble() < 0.5 ? nameof(ToestemmingDoel.IbBegeleiding) : nameof(ToestemmingDoel.BesprekingZat),
                    gegeven, random.NextDouble() < 0.3 ? vandaag.AddDays(random.Next(0, 30)) : null, door));
            }
        }
        await CopyAsync(connection, "pm_stappen (id, school_id, leerling_id, van, naar, datum, vastgelegd_op, door_id, reden, geprobeerd)", stappen, (w, s) =>
        {
            w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            w.Write(s.School, NpgsqlDbType.Uuid);
            w.Write(s.Leerling, NpgsqlDbType.Uuid);
            w.Write(s.Van, NpgsqlDbType.Integer);
            w.Write(s.Naar, NpgsqlDbType.Integer);
            w.Write(s.Datum, NpgsqlDbType.Date);
            w.Write(nu, NpgsqlDbType.TimestampTz);
            w.Write(s.Door, NpgsqlDbType.Uuid);
            w.Write("Besproken in de leerlingbespreking: de ondersteuning in de klas is niet genoeg.", NpgsqlDbType.Varchar);
            w.Write("Extra uitleg, planning met de mentor, gesprek met ouders.", NpgsqlDbType.Varchar);
        }, cancellationToken);
        await CopyAsync(connection, "inzetten (id, school_id, leerling_id, aanbod_id, doel, start, gepland_einde, eigenaar_id, volgende_evaluatie, status, aangemaakt_op, aangemaakt_door, beeindigd_op, versie)", inzetten, (w, i) =>
        {
            w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            w.Write(i.School, NpgsqlDbType.Uuid);
            w.Write(i.Leerling, NpgsqlDbType.Uuid);
            w.Write(i.Aanbod, NpgsqlDbType.Uuid);
            w.Write("De leerling plant zijn huiswerk zelf en haalt zijn achterstand in.", NpgsqlDbType.Varchar);
            w.Write(i.Start, NpgsqlDbType.Date);
            w.Write(i.Einde, NpgsqlDbType.Date);
            w.Write(i.Door, NpgsqlDbType.Uuid);
            w.Write(i.Evaluatie, NpgsqlDbType.Date);
            w.Write(i.Status, NpgsqlDbType.Varchar);
            w.Write(nu, NpgsqlDbType.TimestampTz);
            w.Write(i.Door, NpgsqlDbType.Uuid);
            if (i.Beeindigd is { } b)
            {
                w.Write(b, NpgsqlDbType.Date);
            }
            else
            {
                w.WriteNull();
            }
            w.Write(1, NpgsqlDbType.Integer);
        }, cancellationToken);
        await CopyAsync(connection, "toestemmingen (id, school_id, leerling_id, doel, ouder_id, wijze, gegeven_op, geldig_tot, vastgelegd_op, vastgelegd_door)", toestemmingen, (w, t) =>
        {
            w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            w.Write(t.School, NpgsqlDbType.Uuid);
            w.Write(t.Leerling, NpgsqlDbType.Uuid);
            w.Write(t.Doel, NpgsqlDbType.Varchar);
            w.Write(t.Ouder, NpgsqlDbType.Uuid);
            w.Write(nameof(ToestemmingWijze.Schriftelijk), NpgsqlDbType.Varchar);
            w.Write(t.Gegeven, NpgsqlDbType.Date);
            if (t.Tot is { } tot)
            {
                w.Write(tot, NpgsqlDbType.Date);
            }
            else
            {
                w.WriteNull();
            }
            w.Write(nu, NpgsqlDbType.TimestampTz);
            w.Write(t.Door, NpgsqlDbType.Uuid);
        }, cancellationToken);
        await using (var temp = new NpgsqlCommand("CREATE TEMP TABLE niveaus (leerling_id uuid, niveau int, sinds date) ON COMMIT DROP", connection, transaction))
        {
            await temp.ExecuteNonQueryAsync(cancellationToken);
        }
        await CopyAsync(connection, "niveaus (leerling_id, niveau, sinds)", niveaus, (w, n) =>
        {
            w.Write(n.Leerling, NpgsqlDbType.Uuid);
            w.Write(n.Niveau, NpgsqlDbType.Integer);
            w.Write(n.Sinds, NpgsqlDbType.Date);
        }, cancellationToken);
        await using (var update = new NpgsqlCommand("UPDATE leerlingen l SET pm_niveau = n.niveau, pm_sinds = n.sinds FROM niveaus n WHERE l.id = n.leerling_id", connection, transaction))
        {
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        await using (var analyze = new NpgsqlCommand("ANALYZE leerlingen, pm_stappen, inzetten, toestemmingen, ondersteuningsaanbod", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {niveaus.Count:N0} students above PM I ({(double)niveaus.Count / Math.Max(1, leerlingen.Count):P0}), {stappen.Count:N0} ladder steps, {inzetten.Count:N0} interventions and {toestemmingen.Count:N0} consents in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s."));
    }
}

/// <summary><c>zorgoverzicht [--rounds N] [--reuse | --connection … --app-connection …]</c>: the same targets as <c>bench</c>.</summary>
internal static class ZorgoverzichtCommand
{
    public static async Task<int> RunAsync(Cli.Arguments args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.AllowOnly(BenchTarget.Options);
        var rounds = args.GetInt("rounds", 10, minimum: 1);
        var seed = args.GetInt("seed", Generate.GenerateCommand.DefaultSeed);
        await using var target = await BenchTarget.OpenAsync(args, cancellationToken);
        await using var app = AppPath.Create("app role", target.App);
        await ZorgoverzichtBenchmark.RunAsync(target, app, rounds, seed, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(BenchTarget.LoadAverage());
        return 0;
    }
}
