using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using LocalPostgresServer = Leerlingzorg.Web.Infrastructure.LocalPostgres.LocalPostgres;

namespace Leerlingzorg.Benchmarks.Cli;

/// <summary>
/// The throwaway PostgreSQL the commands start when no <c>--connection</c> is given: the application's own
/// embedded launcher, cluster "bench", database "leerlingzorg", migrated by the owner role as the app does it.
/// </summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    public const string Name = "bench";
    public const string DatabaseName = "leerlingzorg";
    private const string Superuser = "postgres";

    private readonly LocalPostgresServer server;
    private bool keep;

    private BenchCluster(LocalPostgresServer server) => this.server = server;

    /// <summary>The superuser: the generator needs it for COPY into tables with forced row-level security.</summary>
    public string SuperuserConnection => server.ConnectionString(DatabaseName, Superuser);
    public string OwnerConnection => server.ConnectionString(DatabaseName, LocalPostgresServer.OwnerRole);
    public string AppConnection => server.ConnectionString(DatabaseName, LocalPostgresServer.AppRole);

    public static bool KeptClusterExists =>
        File.Exists(Path.Combine(LocalPostgresServer.DefaultBaseDirectory, Name, "PG_VERSION"))
        && File.Exists(Path.Combine(LocalPostgresServer.DefaultBaseDirectory, Name + ".secrets"));

    /// <summary>Starts the cluster (a fresh one, or the one kept by an earlier <c>--keep</c>) and migrates the database.</summary>
    public static async Task<BenchCluster> StartAsync(bool fresh, CancellationToken cancellationToken)
    {
        var server = await LocalPostgresServer.StartAsync(Name, fresh: fresh, cancellationToken: cancellationToken);
        var cluster = new BenchCluster(server);
        try
        {
            await server.CreateDatabaseAsync(DatabaseName, cancellationToken: cancellationToken);
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    [$"ConnectionStrings:{Database.OwnerConnection}"] = cluster.OwnerConnection,
                })
                .Build();
            await Database.MigrateAsync(configuration, cancellationToken);
            return cluster;
        }
        catch
        {
            // A fresh cluster is ours to delete; a kept one only stops, so that its region survives a failed start.
            if (fresh)
            {
                await cluster.DisposeAsync();
            }
            else
            {
                await server.StopAsync();
            }
            throw;
        }
    }

    /// <summary>Leaves the cluster running after the command, and says how to reach and remove it.</summary>
    public void Keep()
    {
        keep = true;
        Console.WriteLine();
        Console.WriteLine($"The '{Name}' cluster keeps running (port {server.Port}); a development database, never production:");
        Console.WriteLine($"  superuser: {SuperuserConnection}");
        Console.WriteLine($"  owner:     {OwnerConnection}");
        Console.WriteLine($"  app:       {AppConnection}");
        Console.WriteLine("Benchmark it with `bench <search|mijnklassen> --reuse`; stop and delete it with `stop`.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!keep)
        {
            await server.StopAndDeleteAsync();
        }
    }
}
