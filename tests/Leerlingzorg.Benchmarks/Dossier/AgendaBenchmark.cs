using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Leerlingzorg.Benchmarks.Bench;
using static Leerlingzorg.Benchmarks.Generate.BinaryCopy;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Bespreken;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Leerlingzorg.Benchmarks.Dossier;

/// <summary>
/// <c>agenda [--rounds N] [--reuse | …]</c> (issue 10): the prepared agenda of a leerlingbespreking of a whole class with
/// twelve docents' inventarisatieformulieren (<see cref="AgendaHandler"/>), preparing it again (<see cref="AgendaVoorbereidenHandler"/>,
/// nothing new: the read and the check) and saving one student's four questions (<see cref="AgendapuntOpslaanHandler"/>, a
/// real UPDATE on the version the agenda showed), through the real handlers as the app role under RLS, audit writes
/// included. Before measuring it fills the region with the meetings, once (<see cref="AgendaGenerator"/>).
/// </summary>
internal static class AgendaBenchmark
{
    public static async Task RunAsync(BenchTarget target, AppPath app, int rounds, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(app);
        await AgendaGenerator.VulAsync(target.Superuser, seed, cancellationToken);
        var besprekingen = await AgendaGenerator.BesprekingenAsync(target.Superuser, cancellationToken);
        if (besprekingen.Count == 0)
        {
            throw new InvalidOperationException("The region has no class with enough students for a leerlingbespreking.");
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"== agenda: {besprekingen.Count} leerlingbesprekingen in {besprekingen.Select(b => b.School).Distinct().Count()} schools, {rounds} rounds =="));
        var agenda = new Latencies("prepared agenda (class, 12 forms)");
        var voorbereiden = new Latencies("prepare again (nothing new)");
        var opslaan = new Latencies("save one student's four questions");
        // A different text in every run and round, so that every save is a real UPDATE (never "unchanged").
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        long regels = 0, afspraken = 0, teEvalueren = 0;
        for (var round = -2; round < rounds; round++)
        {
            foreach (var b in besprekingen)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Leerlingzorg.Web.Infrastructure.Tenancy.CurrentUser>().Set(Principal(b.School, b.Voorzitter));
                var lezen = scope.ServiceProvider.GetRequiredService<AgendaHandler>();
                var start = Stopwatch.GetTimestamp();
                var gelezen = await lezen.HandleAsync(b.Id, cancellationToken);
                var na = Stopwatch.GetTimestamp();
                if (!gelezen.IsGelukt || gelezen.Waarde is not { } a || !a.IsOrganisator || a.NogToeTeVoegen != 0)
                {
                    throw new InvalidOperationException($"The chair does not see the prepared agenda of {b.Id}.");
                }
                if (round >= 0)
                {
                    agenda.Add(Stopwatch.GetElapsedTime(start, na));
                    regels += a.Regels.Count;
                    afspraken += a.Regels.Sum(r => r.Afspraken.Count);
                    teEvalueren += a.Regels.Sum(r => r.Afspraken.Count(x => x.UitVorigeBespreking));
                }

                var voorbereid = scope.ServiceProvider.GetRequiredService<AgendaVoorbereidenHandler>();
                start = Stopwatch.GetTimestamp();
                var nieuw = await voorbereid.HandleAsync(b.Id, cancellationToken);
                na = Stopwatch.GetTimestamp();
                if (!nieuw.IsGelukt || nieuw.Waarde != 0)
                {
                    throw new InvalidOperationException($"Preparing the agenda of {b.Id} again added students.");
                }
                if (round >= 0)
                {
                    voorbereiden.Add(Stopwatch.GetElapsedTime(start, na));
                }

                // One student's part, a different one each round, on the version the agenda just showed.
                var op = a.OpDeAgenda.ToList();
                var regel = op[(round + 2) % op.Count];
                var tekst = $"{run}, ronde {round}";
                var invoer = new VierslagInvoer(regel.AgendapuntId!.Value,
                    $"Werkt goed samen in de les en maakt zijn huiswerk ({tekst}).",
                    $"Haalt onvoldoendes voor wiskunde en Engels, komt vaak te laat ({tekst}).",
                    "Slaapt slecht sinds de verhuizing; de planning thuis ontbreekt.",
                    $"Mentor plant een gesprek met ouders; bijles wiskunde via het ondersteuningsaanbod ({tekst}).",
                    regel.Versie);
                var bewaar = scope.ServiceProvider.GetRequiredService<AgendapuntOpslaanHandler>();
                start = Stopwatch.GetTimestamp();
                var opgeslagen = await bewaar.HandleAsync(invoer, cancellationToken);
                na = Stopwatch.GetTimestamp();
                if (!opgeslagen.IsGelukt || opgeslagen.Waarde!.Bewerking != Bewerking.Opgeslagen || opgeslagen.Waarde.Deel.Versie != regel.Versie + 1)
                {
                    throw new InvalidOperationException($"Saving the part of agenda item {regel.AgendapuntId} came to {(opgeslagen.IsGelukt ? opgeslagen.Waarde!.Bewerking.ToString() : "an error")}.");
                }
                if (round >= 0)
                {
                    opslaan.Add(Stopwatch.GetElapsedTime(start, na));
                }
            }
        }
        var n = Math.Max(1, agenda.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Per agenda on average: {(double)regels / n:F1} students, {(double)afspraken / n:F1} open afspraken of which {(double)teEvalueren / n:F1} to evaluate from the previous bespreking."));
        Console.WriteLine(Latencies.Header(40));
        Console.WriteLine(agenda.Row(40));
        Console.WriteLine(voorbereiden.Row(40));
        Console.WriteLine(opslaan.Row(40));
    }

    private static ClaimsPrincipal Principal(Guid school, Guid zorgcoordinator) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, zorgcoordinator.ToString()),
        new Claim(LeerlingzorgClaims.SchoolId, school.ToString()),
        new Claim(LeerlingzorgClaims.Naam, "Zorgcoördinator (bench)"),
        new Claim(ClaimTypes.Role, Rollen.Zorgcoordinator),
    ], "bench"));
}

/// <summary>
/// Fills the region with leerlingbesprekingen, with binary COPY as the superuser (not bound by RLS; ADR 0004), once: per
/// school up to <see cref="KlassenPerSchool"/> of its largest classes (at least <see cref="MinLeerlingen"/> students), per
/// class a meeting being chaired (status Bezig, the school's zorgcoördinator in the chair) with twelve docents'
/// inventarisatieformulieren (a row per student, random judgements), its agenda prepared (a row per student), and the
/// class's previous leerlingbespreking, closed, with afspraken made in it, some still open (to evaluate now). A
/// development tool only.
/// </summary>
internal static class AgendaGenerator
{
    public const string Titel = "Leerlingbespreking (bench agenda)";
    public const string VorigeTitel = "Vorige leerlingbespreking (bench agenda)";
    private const int KlassenPerSchool = 5;
    private const int MinLeerlingen = 25;
    private const int Formulieren = 12;

    public static async Task VulAsync(string superuser, int seed, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(superuser) { CommandTimeout = 3600 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var check = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM besprekingen WHERE titel = @titel),
                   (SELECT count(*) FROM inventarisaties i JOIN besprekingen b ON b.id = i.bespreking_id WHERE b.titel = @titel),
                   (SELECT count(*) FROM afspraken a JOIN agendapunten p ON p.id = a.agendapunt_id JOIN besprekingen b ON b.id = p.bespreking_id WHERE b.titel = @vorige)
            """, connection))
        {
            check.Parameters.AddWithValue("titel", Titel);
            check.Parameters.AddWithValue("vorige", VorigeTitel);
            await using var reader = await check.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var (aantal, formulieren, vorigeAfspraken) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            if (aantal > 0 && formulieren == aantal * Formulieren && vorigeAfspraken > 0)
            {
                Console.WriteLine($"The region has {aantal:N0} bench leerlingbesprekingen with {formulieren:N0} forms and {vorigeAfspraken:N0} afspraken from the previous ones: not generating more.");
                return;
            }
        }
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A fill that broke off is removed first (it is one transaction, so only an older, different fill could be partial).
        await using (var leeg = new NpgsqlCommand("""
            DELETE FROM afspraken WHERE agendapunt_id IN (SELECT p.id FROM agendapunten p JOIN besprekingen b ON b.id = p.bespreking_id WHERE b.titel IN (@titel, @vorige));
            DELETE FROM inventarisatie_regels WHERE inventarisatie_id IN (SELECT i.id FROM inventarisaties i JOIN besprekingen b ON b.id = i.bespreking_id WHERE b.titel IN (@titel, @vorige));
            DELETE FROM inventarisaties WHERE bespreking_id IN (SELECT id FROM besprekingen WHERE titel IN (@titel, @vorige));
            DELETE FROM agendapunten WHERE bespreking_id IN (SELECT id FROM besprekingen WHERE titel IN (@titel, @vorige));
            DELETE FROM besprekingen WHERE titel IN (@titel, @vorige);
            """, connection, transaction))
        {
            leeg.Parameters.AddWithValue("titel", Titel);
            leeg.Parameters.AddWithValue("vorige", VorigeTitel);
            await leeg.ExecuteNonQueryAsync(cancellationToken);
        }
        // Per school its zorgcoördinator and staff; per class (the largest of each school) its students and docents.
        var zorg = new Dictionary<Guid, Guid>();
        var personeel = new Dictionary<Guid, List<Guid>>();
        await using (var command = new NpgsqlCommand("""
            SELECT g.school_id, g.id, bool_or(r.name = 'Zorgcoordinator')
            FROM gebruikers g JOIN gebruiker_rollen gr ON gr.user_id = g.id JOIN rollen r ON r.id = gr.role_id
            WHERE g.school_id IS NOT NULL AND r.name <> 'Ouder'
            GROUP BY g.school_id, g.id ORDER BY g.school_id, g.id
            """, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (school, id) = (reader.GetGuid(0), reader.GetGuid(1));
                if (reader.GetBoolean(2))
                {
                    zorg.TryAdd(school, id);
                }
                if (!personeel.TryGetValue(school, out var lijst))
                {
                    personeel[school] = lijst = [];
                }
                lijst.Add(id);
            }
        }
        var klassen = new List<(Guid School, Guid Klas, Guid[] Leerlingen, Guid[] Docenten)>();
        await using (var command = new NpgsqlCommand("""
            WITH grootte AS (
                SELECT l.school_id, l.klas_id, array_agg(l.id ORDER BY l.id) AS leerlingen,
                       row_number() OVER (PARTITION BY l.school_id ORDER BY count(*) DESC, l.klas_id) AS nr
                FROM leerlingen l WHERE l.klas_id IS NOT NULL AND l.status = 'Ingeschreven'
                GROUP BY l.school_id, l.klas_id HAVING count(*) >= @min)
            SELECT g.school_id, g.klas_id, g.leerlingen,
                   ARRAY(SELECT DISTINCT lo.medewerker_id FROM lesopdrachten lo WHERE lo.school_id = g.school_id AND lo.klas_id = g.klas_id)
            FROM grootte g WHERE g.nr <= @per ORDER BY g.school_id, g.nr
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("min", MinLeerlingen);
            command.Parameters.AddWithValue("per", KlassenPerSchool);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                klassen.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<Guid[]>(2), reader.GetFieldValue<Guid[]>(3)));
            }
        }
        var random = new Random(seed);
        var vandaag = Leerlingzorg.Domain.Schoolkalender.Vandaag(TimeProvider.System);
        var nu = DateTimeOffset.UtcNow;
        var besprekingen = new List<(Guid Id, Guid School, string Titel, DateOnly Datum, string Status, Guid Voorzitter, DateTimeOffset? Afgesloten)>();
        var besprekingKlassen = new List<(Guid School, Guid Bespreking, Guid Klas)>();
        var deelnemers = new List<(Guid School, Guid Bespreking, Guid Gebruiker)>();
        var inventarisaties = new List<(Guid Id, Guid School, Guid Bespreking, Guid Klas, Guid Docent, DateOnly Deadline, DateTimeOffset Ingeleverd)>();
        var regels = new List<(Guid School, Guid Inventarisatie, Guid Leerling, string?[] Oordelen, string? Opmerking)>();
        var punten = new List<(Guid Id, Guid School, Guid Bespreking, Guid Leerling, int Volgorde, string? Vraag, string?[] Antwoorden, bool Besproken)>();
        var afspraken = new List<(Guid School, Guid Leerling, Guid Agendapunt, string Wat, Guid Eigenaar, DateOnly Deadline, DateTimeOffset Aangemaakt, DateTimeOffset? Afgerond)>();
        foreach (var (school, klas, leerlingen, lesgevers) in klassen)
        {
            if (!zorg.TryGetValue(school, out var voorzitter))
            {
                continue;
            }
            // Twelve docents: the class's own, topped up with other staff of the school.
            var docenten = lesgevers.Concat(personeel[school].Where(p => p != voorzitter && !lesgevers.Contains(p))).Distinct().Take(Formulieren).ToList();
            if (docenten.Count < Formulieren)
            {
                continue;
            }
            var vorige = Guid.CreateVersion7();
            var huidige = Guid.CreateVersion7();
            besprekingen.Add((vorige, school, VorigeTitel, vandaag.AddDays(-60), nameof(BesprekingStatus.Afgesloten), voorzitter, nu.AddDays(-60)));
            besprekingen.Add((huidige, school, Titel, vandaag, nameof(BesprekingStatus.Bezig), voorzitter, null));
            foreach (var b in new[] { vorige, huidige })
            {
                besprekingKlassen.Add((school, b, klas));
                deelnemers.AddRange(docenten.Select(d => (school, b, d)));
            }
            foreach (var docent in docenten)
            {
                var formulier = Guid.CreateVersion7();
                inventarisaties.Add((formulier, school, huidige, klas, docent, vandaag.AddDays(-2), nu.AddDays(-random.Next(2, 10))));
                foreach (var leerling in leerlingen)
                {
                    regels.Add((school, formulier, leerling, [Willekeurig(random), Willekeurig(random), Willekeurig(random), Willekeurig(random)],
                        random.NextDouble() < 0.1 ? "Is de laatste weken stil en haalt zijn cijfers niet." : null));
                }
            }
            var volgorde = 0;
            foreach (var leerling in leerlingen)
            {
                var vorigPunt = Guid.CreateVersion7();
                punten.Add((vorigPunt, school, vorige, leerling, ++volgorde, null,
                    ["Doet goed mee in de les.", "Plant zijn werk niet.", "Weet niet hoe hij moet leren.", "Mentor helpt met een planner."], true));
                punten.Add((Guid.CreateVersion7(), school, huidige, leerling, volgorde, random.NextDouble() < 0.1 ? "Hoe gaat het met zijn planning?" : null,
                    [null, null, null, null], false));
            }
            // Afspraken of the previous meeting for about a fifth of the class: most still open (to evaluate now).
            foreach (var (leerling, i) in leerlingen.Select((l, i) => (l, i)).Where(_ => random.NextDouble() < 0.2))
            {
                var punt = punten.First(p => p.Bespreking == vorige && p.Leerling == leerling).Id;
                var afgerond = random.NextDouble() < 0.25 ? nu.AddDays(-random.Next(1, 30)) : (DateTimeOffset?)null;
                afspraken.Add((school, leerling, punt, "Planner bijhouden en elke week met de mentor doornemen", docenten[i % docenten.Count],
                    vandaag.AddDays(random.Next(-20, 20)), nu.AddDays(-60), afgerond));
            }
        }
        await CopyAsync(connection, "besprekingen (id, school_id, soort, titel, datum, begin, voorzitter_id, status, inventarisatie_deadline, aangemaakt_door, aangemaakt_op, afgesloten_op, versie)",
            besprekingen, (w, b) =>
            {
                w.Write(b.Id, NpgsqlDbType.Uuid);
                w.Write(b.School, NpgsqlDbType.Uuid);
                w.Write(nameof(BesprekingSoort.Leerlingbespreking), NpgsqlDbType.Varchar);
                w.Write(b.Titel, NpgsqlDbType.Varchar);
                w.Write(b.Datum, NpgsqlDbType.Date);
                w.Write(new TimeOnly(14, 30), NpgsqlDbType.Time);
                w.Write(b.Voorzitter, NpgsqlDbType.Uuid);
                w.Write(b.Status, NpgsqlDbType.Varchar);
                w.Write(b.Datum.AddDays(-2), NpgsqlDbType.Date);
                w.Write(b.Voorzitter, NpgsqlDbType.Uuid);
                w.Write(nu.AddDays(-90), NpgsqlDbType.TimestampTz);
                if (b.Afgesloten is { } a)
                {
                    w.Write(a, NpgsqlDbType.TimestampTz);
                }
                else
                {
                    w.WriteNull();
                }
                w.Write(1, NpgsqlDbType.Integer);
            }, cancellationToken);
        await CopyAsync(connection, "bespreking_klassen (school_id, bespreking_id, klas_id)", besprekingKlassen, (w, k) =>
        {
            w.Write(k.School, NpgsqlDbType.Uuid);
            w.Write(k.Bespreking, NpgsqlDbType.Uuid);
            w.Write(k.Klas, NpgsqlDbType.Uuid);
        }, cancellationToken);
        await CopyAsync(connection, "bespreking_deelnemers (school_id, bespreking_id, gebruiker_id)", deelnemers, (w, d) =>
        {
            w.Write(d.School, NpgsqlDbType.Uuid);
            w.Write(d.Bespreking, NpgsqlDbType.Uuid);
            w.Write(d.Gebruiker, NpgsqlDbType.Uuid);
        }, cancellationToken);
        await CopyAsync(connection, "inventarisaties (id, school_id, bespreking_id, klas_id, docent_id, deadline, ingeleverd_op, te_laat)", inventarisaties, (w, i) =>
        {
            w.Write(i.Id, NpgsqlDbType.Uuid);
            w.Write(i.School, NpgsqlDbType.Uuid);
            w.Write(i.Bespreking, NpgsqlDbType.Uuid);
            w.Write(i.Klas, NpgsqlDbType.Uuid);
            w.Write(i.Docent, NpgsqlDbType.Uuid);
            w.Write(i.Deadline, NpgsqlDbType.Date);
            w.Write(i.Ingeleverd, NpgsqlDbType.TimestampTz);
            w.Write(false, NpgsqlDbType.Boolean);
        }, cancellationToken);
        await CopyAsync(connection, "inventarisatie_regels (id, school_id, inventarisatie_id, leerling_id, werkhouding, gedrag, resultaten, welbevinden, opmerking, bijgewerkt_op)", regels, (w, r) =>
        {
            w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            w.Write(r.School, NpgsqlDbType.Uuid);
            w.Write(r.Inventarisatie, NpgsqlDbType.Uuid);
            w.Write(r.Leerling, NpgsqlDbType.Uuid);
            foreach (var oordeel in r.Oordelen)
            {
                NullableVarchar(w, oordeel);
            }
            NullableVarchar(w, r.Opmerking);
            w.Write(nu.AddDays(-3), NpgsqlDbType.TimestampTz);
        }, cancellationToken);
        await CopyAsync(connection, "agendapunten (id, school_id, bespreking_id, leerling_id, volgorde, vraag, anoniem, wat_gaat_goed, probleem, oorzaak, aanpak, vertrouwelijkheid, besproken, versie)", punten, (w, p) =>
        {
            w.Write(p.Id, NpgsqlDbType.Uuid);
            w.Write(p.School, NpgsqlDbType.Uuid);
            w.Write(p.Bespreking, NpgsqlDbType.Uuid);
            w.Write(p.Leerling, NpgsqlDbType.Uuid);
            w.Write(p.Volgorde, NpgsqlDbType.Integer);
            NullableVarchar(w, p.Vraag);
            w.Write(false, NpgsqlDbType.Boolean);
            foreach (var antwoord in p.Antwoorden)
            {
                NullableVarchar(w, antwoord);
            }
            w.Write(nameof(Vertrouwelijkheid.Zorg), NpgsqlDbType.Varchar);
            w.Write(p.Besproken, NpgsqlDbType.Boolean);
            w.Write(1, NpgsqlDbType.Integer);
        }, cancellationToken);
        await CopyAsync(connection, "afspraken (id, school_id, leerling_id, agendapunt_id, wat, eigenaar_id, deadline, aangemaakt_op, afgerond_op)", afspraken, (w, a) =>
        {
            w.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            w.Write(a.School, NpgsqlDbType.Uuid);
            w.Write(a.Leerling, NpgsqlDbType.Uuid);
            w.Write(a.Agendapunt, NpgsqlDbType.Uuid);
            w.Write(a.Wat, NpgsqlDbType.Varchar);
            w.Write(a.Eigenaar, NpgsqlDbType.Uuid);
            w.Write(a.Deadline, NpgsqlDbType.Date);
            w.Write(a.Aangemaakt, NpgsqlDbType.TimestampTz);
            if (a.Afgerond is { } af)
            {
                w.Write(af, NpgsqlDbType.TimestampTz);
            }
            else
            {
                w.WriteNull();
            }
        }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await using (var analyze = new NpgsqlCommand("ANALYZE besprekingen, bespreking_klassen, bespreking_deelnemers, inventarisaties, inventarisatie_regels, agendapunten, afspraken", connection))
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {besprekingen.Count / 2:N0} leerlingbesprekingen (and as many previous ones) with {inventarisaties.Count:N0} forms, {regels.Count:N0} form rows, {punten.Count:N0} agenda rows and {afspraken.Count:N0} afspraken in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s."));
    }

    /// <summary>The bench's meetings being chaired, with their school and chair.</summary>
    public static async Task<List<(Guid Id, Guid School, Guid Voorzitter)>> BesprekingenAsync(string superuser, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, school_id, voorzitter_id FROM besprekingen WHERE titel = @titel ORDER BY school_id, id", connection);
        command.Parameters.AddWithValue("titel", Titel);
        var lijst = new List<(Guid, Guid, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lijst.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2)));
        }
        return lijst;
    }

    /// <summary>A docent's judgement: mostly good, some attention, a few concerns, now and then not filled in.</summary>
    private static string? Willekeurig(Random random) => random.NextDouble() switch
    {
        < 0.62 => nameof(Oordeel.Goed),
        < 0.82 => nameof(Oordeel.Aandacht),
        < 0.90 => nameof(Oordeel.Zorg),
        _ => null,
    };

    private static void NullableVarchar(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Varchar);
        }
    }
}

/// <summary><c>agenda [--rounds N] [--reuse | --connection … --app-connection …]</c>: the same targets as <c>bench</c>.</summary>
internal static class AgendaCommand
{
    public static async Task<int> RunAsync(Cli.Arguments args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.AllowOnly(BenchTarget.Options);
        var rounds = args.GetInt("rounds", 10, minimum: 1);
        var seed = args.GetInt("seed", Generate.GenerateCommand.DefaultSeed);
        await using var target = await BenchTarget.OpenAsync(args, cancellationToken);
        await using var app = AppPath.Create("app role", target.App);
        await AgendaBenchmark.RunAsync(target, app, rounds, seed, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(BenchTarget.LoadAverage());
        return 0;
    }
}
