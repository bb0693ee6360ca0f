using Leerlingzorg.Benchmarks.Cli;
using Leerlingzorg.Benchmarks.Generate;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Leerlingzorg.Benchmarks.Bench;

/// <summary>
/// The database a benchmark runs against: given connection strings, the cluster kept by <c>generate --keep</c>
/// (<c>--reuse</c>), or a fresh cluster with a freshly generated region.
/// </summary>
internal sealed class BenchTarget : IAsyncDisposable
{
    private readonly BenchCluster? cluster;
    private readonly bool keep;

    private BenchTarget(string superuser, string app, BenchCluster? cluster, bool keep)
    {
        Superuser = superuser;
        App = app;
        this.cluster = cluster;
        this.keep = keep;
    }

    /// <summary>A role that bypasses row-level security: reads the region's shape, and is the "RLS off" comparison.</summary>
    public string Superuser { get; }

    /// <summary>The application's role: no superuser, no BYPASSRLS, owner of nothing.</summary>
    public string App { get; }

    public static readonly string[] Options = ["schools", "leerlingen", "seed", "connection", "app-connection", "reuse", "keep", "rounds"];

    public static async Task<BenchTarget> OpenAsync(Arguments args, CancellationToken cancellationToken)
    {
        BenchTarget target;
        if (args.Get("connection") is { } superuser)
        {
            var app = args.Get("app-connection")
                ?? throw new ArgumentException("With --connection (a superuser) also give --app-connection (the leerlingzorg_app role).");
            target = new BenchTarget(superuser, app, null, keep: true);
        }
        else if (args.Has("reuse"))
        {
            if (!BenchCluster.KeptClusterExists)
            {
                throw new ArgumentException($"No kept '{BenchCluster.Name}' cluster: run `generate --keep` first.");
            }
            Console.WriteLine($"Restarting the kept '{BenchCluster.Name}' cluster…");
            var kept = await BenchCluster.StartAsync(fresh: false, cancellationToken);
            target = new BenchTarget(kept.SuperuserConnection, kept.AppConnection, kept, keep: true);
        }
        else
        {
            Console.WriteLine($"Starting a fresh local PostgreSQL cluster '{BenchCluster.Name}' and generating the region…");
            var fresh = await BenchCluster.StartAsync(fresh: true, cancellationToken);
            target = new BenchTarget(fresh.SuperuserConnection, fresh.AppConnection, fresh, args.Has("keep"));
            try
            {
                await GenerateCommand.GenerateAsync(GenerateCommand.Spec(args), fresh.SuperuserConnection, cancellationToken);
            }
            catch
            {
                await target.DisposeAsync();
                throw;
            }
        }
        await target.DescribeAsync(cancellationToken);
        return target;
    }

    private async Task DescribeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Superuser);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM scholen), (SELECT count(*) FROM leerlingen), version()", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (scholen, leerlingen, version) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2));
        if (leerlingen == 0)
        {
            throw new ArgumentException("This database has no students: generate a region first.");
        }
        Console.WriteLine();
        Console.WriteLine($"Region: {scholen} schools, {leerlingen:N0} leerlingen. {version.Split(" on ")[0]}; {Environment.ProcessorCount} cores, .NET {Environment.Version}.");
        Console.WriteLine(LoadAverage());
    }

    /// <summary>The machine is shared: the load average says how much else ran beside the benchmark.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg")
        ? $"Load average (1/5/15 min): {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}"
        : "";

    public async ValueTask DisposeAsync()
    {
        if (cluster is null)
        {
            return;
        }
        if (keep)
        {
            cluster.Keep();
        }
        await cluster.DisposeAsync();
    }
}

/// <summary>
/// The application's own data path for one database role: the services Program.cs registers
/// (<see cref="Database.AddLeerlingzorgDatabase"/>: an Npgsql data source with auto-prepare, the pooled context
/// factory built with <see cref="Database.Configure(DbContextOptionsBuilder, NpgsqlDataSource)"/>, the
/// school-bound factory), the current user, the audit log and the feature handlers.
/// </summary>
internal sealed class AppPath : IAsyncDisposable
{
    private AppPath(string name, ServiceProvider services)
    {
        Name = name;
        Services = services;
        Pool = services.GetRequiredService<PooledDbContextFactory<LeerlingzorgDbContext>>();
    }

    public string Name { get; }
    public ServiceProvider Services { get; }
    public PooledDbContextFactory<LeerlingzorgDbContext> Pool { get; }

    public static AppPath Create(string name, string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{Database.AppConnection}"] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLeerlingzorgDatabase(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditLog>();
        services.AddFeatureHandlers();
        return new AppPath(name, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    /// <summary>A pooled context bound to one school, as <see cref="SchoolDbContextFactory"/> leases them.</summary>
    public async Task<LeerlingzorgDbContext> ForSchoolAsync(Guid? school, CancellationToken cancellationToken)
    {
        var db = await Pool.CreateDbContextAsync(cancellationToken);
        db.BindToSchool(school);
        return db;
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
