using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Leerlingzorg.Benchmarks.Bench;
using Leerlingzorg.Domain.Ondersteuningsprofielen;
using Leerlingzorg.Web.Features.Ondersteuningsprofielen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Leerlingzorg.Benchmarks.Publiek;

/// <summary>
/// <c>publiek [--rounds N] [--readers 64] [--seconds 10] [same database options as bench]</c> (issue 12): publishes a profile
/// for every school of the region (30), times the public overview's query (<see cref="PubliekOverzichtHandler"/>, as an
/// anonymous reader: no school bound), then starts the real app on loopback and measures requests per second of
/// <c>/scholen</c> with many concurrent anonymous readers, from the output cache and with the cache bypassed.
/// </summary>
internal static class PubliekBenchmark
{
    public static async Task RunAsync(BenchTarget target, AppPath app, int rounds, int readers, int seconds, CancellationToken cancellationToken)
    {
        var scholen = await PubliceerAllesAsync(target, app, cancellationToken);
        Console.WriteLine();
        Console.WriteLine($"== publiek: {scholen} published profiles, {rounds} rounds ==");
        var plaats = await FirstPlaceAsync(app, cancellationToken);
        var filters = new (string Naam, PubliekFilter Filter)[]
        {
            ("all schools", new PubliekFilter()),
            ("expertise Dyslexie", new PubliekFilter(Expertise: Expertise.Dyslexie)),
            ($"plaats {plaats}", new PubliekFilter(Plaats: plaats)),
            ("text 'training'", new PubliekFilter(Zoek: "training")),
            ("Dyslexie + plaats + text", new PubliekFilter("havo", Expertise.Dyslexie, plaats)),
        };
        var latencies = filters.Select(f => new Latencies("query: " + f.Naam)).ToArray();
        for (var round = -2; round < rounds; round++)
        {
            for (var i = 0; i < filters.Length; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService<PubliekOverzichtHandler>();
                var start = Stopwatch.GetTimestamp();
                var overzicht = await handler.HandleAsync(filters[i].Filter, cancellationToken);
                if (round >= 0)
                {
                    latencies[i].Add(Stopwatch.GetElapsedTime(start));
                }
                if (i == 0 && overzicht.AantalGepubliceerd != scholen)
                {
                    throw new InvalidOperationException($"The overview shows {overzicht.AantalGepubliceerd} of {scholen} schools.");
                }
            }
        }
        Console.WriteLine(Latencies.Header(44));
        foreach (var l in latencies)
        {
            Console.WriteLine(l.Row(44));
        }

        await using var server = await AppProcess.StartAsync(target, cancellationToken);
        Console.WriteLine();
        Console.WriteLine($"== publiek over HTTP (loopback, {readers} anonymous readers, {seconds} s each) ==");
        foreach (var (naam, pad) in new[]
                 {
                     ("/scholen (output cache)", "/scholen"),
                     ("/scholen?expertise=Dyslexie (output cache)", "/scholen?expertise=Dyslexie"),
                     ("/scholen, cache bypassed (unique query)", "/scholen?r={0}"),
                 })
        {
            await LoadAsync(server.BaseUrl, naam, pad, readers, seconds, cancellationToken);
        }
    }

    private static async Task LoadAsync(string baseUrl, string naam, string pad, int readers, int seconds, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = readers, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        // Warm up, and check that the page is what a visitor gets: 200, no cookie.
        using (var eerste = await http.GetAsync(string.Format(CultureInfo.InvariantCulture, pad, -1), cancellationToken))
        {
            if (eerste.StatusCode != HttpStatusCode.OK || eerste.Headers.Contains("Set-Cookie"))
            {
                throw new InvalidOperationException($"{pad}: {(int)eerste.StatusCode}, Set-Cookie {eerste.Headers.Contains("Set-Cookie")}");
            }
        }
        long bytes = 0, teller = 0, fouten = 0;
        var stop = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        var gestart = Stopwatch.GetTimestamp();
        var perLezer = await Task.WhenAll(Enumerable.Range(0, readers).Select(async _ =>
        {
            var eigen = new List<TimeSpan>();
            while (Stopwatch.GetTimestamp() < stop && !cancellationToken.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref teller);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    var body = await http.GetByteArrayAsync(string.Format(CultureInfo.InvariantCulture, pad, n), cancellationToken);
                    Interlocked.Add(ref bytes, body.Length);
                    eigen.Add(Stopwatch.GetElapsedTime(start));
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref fouten);
                }
            }
            return eigen;
        }));
        var duur = Stopwatch.GetElapsedTime(gestart).TotalSeconds;
        var alle = new Latencies(naam);
        foreach (var tijd in perLezer.SelectMany(l => l))
        {
            alle.Add(tijd);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {naam,-46} {alle.Count / duur,8:F0} req/s  p50 {alle.Percentile(50),7:F1} ms  p95 {alle.Percentile(95),7:F1} ms  {bytes / Math.Max(1, alle.Count) / 1024.0,6:F1} KB/page  errors {fouten}"));
    }

    private static async Task<string> FirstPlaceAsync(AppPath app, CancellationToken cancellationToken)
    {
        await using var db = await app.ForSchoolAsync(null, cancellationToken);
        var plaatsen = await db.GepubliceerdeProfielen.Select(p => p.Plaatsen).FirstAsync(cancellationToken);
        return plaatsen[0];
    }

    /// <summary>A profile for every school, through the Domain as the app role bound to that school (RLS applies).</summary>
    private static async Task<int> PubliceerAllesAsync(BenchTarget target, AppPath app, CancellationToken cancellationToken)
    {
        var scholen = new List<(Guid Id, Guid Swv, string Naam)>();
        await using (var connection = new NpgsqlConnection(target.Superuser))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT id, samenwerkingsverband_id, naam FROM scholen ORDER BY naam", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                scholen.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2)));
            }
        }
        var alle = Expertises.Alle;
        var nu = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < scholen.Count; i++)
        {
            var (id, swv, naam) = scholen[i];
            await using var db = await app.ForSchoolAsync(id, cancellationToken);
            var profiel = await db.Ondersteuningsprofielen.AsTracking().FirstOrDefaultAsync(cancellationToken);
            if (profiel is null)
            {
                profiel = new Ondersteuningsprofiel { SchoolId = id };
                db.Ondersteuningsprofielen.Add(profiel);
            }
            var gekozen = new[] { alle[i % alle.Count], alle[(i * 5 + 3) % alle.Count], alle[(i * 7 + 1) % alle.Count] }
                .Concat(i % 3 == 0 ? [Expertise.Dyslexie] : []).Distinct()
                .Select(e => new ProfielExpertise(e, e.Uitleg())).ToList();
            profiel.Wijzig(new ProfielTeksten(
                $"De mentor is het eerste aanspreekpunt. De zorgcoördinator van {naam} coördineert de extra ondersteuning en het ondersteuningsteam.\n"
                + "Eens per zes weken overlegt het zorg- en adviesteam met de GGD, leerplicht en het wijkteam.",
                "Anti-pestprotocol, vertrouwenspersonen en een mentoraat met aandacht voor de groep.",
                "Jaarlijkse evaluatie met leerlingen, ouders en het samenwerkingsverband.",
                "Sportklas en tweetalig onderwijs.", "Schoolstraat 1", "030 123 4567", "https://www.school.example", "info@school.example", gekozen),
                nu, Guid.Empty);
            var locaties = await db.Locaties.OrderBy(l => l.Naam).Select(l => new PubliekeLocatie(l.Naam, l.Plaats)).ToListAsync(cancellationToken);
            var afdelingen = await db.Afdelingen.OrderBy(a => a.Naam).Select(a => a.Naam).ToListAsync(cancellationToken);
            var aanbod = (await db.Ondersteuningsaanbod.Where(a => a.Actief).OrderBy(a => a.Volgorde).Select(a => new { a.Naam, a.Categorie, a.Niveau, a.Omschrijving })
                    .ToListAsync(cancellationToken))
                .Select(a => new PubliekAanbod(a.Naam, a.Categorie.ToString(), a.Niveau.ToString(), a.Omschrijving)).ToList();
            if (aanbod.Count == 0)
            {
                aanbod = [.. Domain.Ondersteuning.Ondersteuningsaanbod.Standaard().Select(a => new PubliekAanbod(a.Naam, a.Categorie.ToString(), a.Niveau.ToString(), a.Omschrijving))];
            }
            var bestaand = await db.GepubliceerdeProfielen.AsTracking().FirstOrDefaultAsync(p => p.SchoolId == id, cancellationToken);
            var gepubliceerd = profiel.Publiceer(bestaand, swv, naam, locaties, afdelingen, aanbod, nu);
            if (bestaand is null)
            {
                db.GepubliceerdeProfielen.Add(gepubliceerd);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return scholen.Count;
    }
}

/// <summary>The real app (the Release build of Leerlingzorg.Web) on a free loopback port against the benchmark database.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;

    private AppProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<AppProcess> StartAsync(BenchTarget target, CancellationToken cancellationToken)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Leerlingzorg.sln")))
        {
            root = root.Parent;
        }
        var web = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Leerlingzorg.sln not found"), "src", "Leerlingzorg.Web");
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "Leerlingzorg.Web.dll");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var baseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = web, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = baseUrl;
        info.Environment["ConnectionStrings__Leerlingzorg"] = target.App;
        info.Environment["ConnectionStrings__LeerlingzorgOwner"] = target.Superuser;
        info.Environment["DemoData__Enabled"] = "false";
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        info.Environment["Logging__Directory"] = Path.Combine(Path.GetTempPath(), "leerlingzorg-bench-logs");
        var process = Process.Start(info) ?? throw new InvalidOperationException("Leerlingzorg did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        var deadline = Stopwatch.GetTimestamp() + 120 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Leerlingzorg stopped with exit code {process.ExitCode}.");
            }
            try
            {
                if ((await http.GetAsync(baseUrl + "/health", cancellationToken)).IsSuccessStatusCode)
                {
                    return new AppProcess(process, baseUrl);
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500, cancellationToken);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("Leerlingzorg did not become healthy within 120 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}

internal static class PubliekCommand
{
    public static async Task<int> RunAsync(Cli.Arguments args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.AllowOnly([.. BenchTarget.Options, "readers", "seconds"]);
        var rounds = args.GetInt("rounds", 20, minimum: 1);
        var readers = args.GetInt("readers", 64, minimum: 1);
        var seconds = args.GetInt("seconds", 10, minimum: 1);
        await using var target = await BenchTarget.OpenAsync(args, cancellationToken);
        await using var app = AppPath.Create("app role", target.App);
        await PubliekBenchmark.RunAsync(target, app, rounds, readers, seconds, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(BenchTarget.LoadAverage());
        return 0;
    }
}
