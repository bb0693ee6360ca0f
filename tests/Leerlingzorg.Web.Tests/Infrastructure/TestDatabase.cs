using Leerlingzorg.Web.Infrastructure.LocalPostgres;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Leerlingzorg.Web.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL for the whole test run: <c>LEERLINGZORG_TEST_DB</c> (an admin connection string) when set,
/// else a Testcontainers postgres:15 when a Docker engine answers, else the local launcher that the app
/// uses in Development. The schema is migrated once, into a template database; each
/// <see cref="CreateDatabaseAsync"/> clones it (<c>CREATE DATABASE … TEMPLATE</c>), so that test classes do not
/// share rows and do not each pay for the migrations. Tables, grants, policies and functions live in the database
/// and are copied; the owner and application roles are cluster-wide.
/// </summary>
/// <remarks>
/// Every database collection (<see cref="DatabaseCollection"/>, <see cref="BulkDatabaseCollection"/>) holds an instance
/// as its collection fixture; the server behind them is one, started by the first and stopped by the last.
/// </remarks>
public sealed class TestDatabase : IAsyncLifetime
{
    private const string OwnerPassword = "owner-test-password";
    private const string AppPassword = "app-test-password";

    private static readonly SemaphoreSlim Lock = new(1, 1);
    private static TestDatabase? current;
    private static int users;
    private static LocalPostgres? local;
    private static PostgreSqlContainer? container;
    private static string adminConnectionString = "";
    private static string? template;

    /// <summary>
    /// The run's database server, for class fixtures (xunit 2 cannot inject a collection fixture into them;
    /// the collection fixture is created first).
    /// </summary>
    public static TestDatabase Current => current ?? throw new InvalidOperationException("Test class is not in a database collection.");

    public async Task InitializeAsync()
    {
        await Lock.WaitAsync();
        try
        {
            if (users++ == 0)
            {
                await StartAsync();
            }
            current = this;
        }
        finally
        {
            Lock.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await Lock.WaitAsync();
        try
        {
            if (--users == 0)
            {
                current = null;
                await StopAsync();
            }
        }
        finally
        {
            Lock.Release();
        }
    }

    private static async Task StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("LEERLINGZORG_TEST_DB");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            adminConnectionString = configured;
        }
        else if (DockerAnswers())
        {
            container = new PostgreSqlBuilder("postgres:15").Build();
            await container.StartAsync();
            adminConnectionString = container.GetConnectionString();
        }
        else
        {
            local = await LocalPostgres.StartAsync("tests-" + Environment.ProcessId, fresh: true);
            adminConnectionString = local.ConnectionString("postgres", "postgres");
        }
        template = null;
        await EnsureRolesAsync();
    }

    private static async Task StopAsync()
    {
        if (template is not null && local is null && container is null)
        {
            // A configured server outlives the run: leave no template behind.
            await using var admin = new NpgsqlConnection(Unpooled(adminConnectionString));
            await admin.OpenAsync();
            await Execute(admin, $"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)");
        }
        template = null;
        if (local is not null)
        {
            await local.StopAndDeleteAsync();
            local = null;
        }
        if (container is not null)
        {
            await container.DisposeAsync();
            container = null;
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Reached through the collection fixture or Current, not statically.")]
    public string AdminConnectionString => adminConnectionString;

    /// <summary>A fresh database with the migrated schema (a clone of the template); the configuration the app needs to use it.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Reached through the collection fixture or Current, not statically.")]
    public async Task<TestDatabaseInfo> CreateDatabaseAsync(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var name = Name(prefix);
        await Lock.WaitAsync();
        try
        {
            template ??= await CreateTemplateAsync();
            // Serialised: a clone needs a template without other sessions, and this lock also keeps two clones apart.
            await using var admin = new NpgsqlConnection(Unpooled(adminConnectionString));
            await admin.OpenAsync();
            await Execute(admin, $"CREATE DATABASE \"{name}\" OWNER {LocalPostgres.OwnerRole} TEMPLATE \"{template}\"");
        }
        finally
        {
            Lock.Release();
        }
        return Info(name);
    }

    /// <summary>Creates and migrates the template, once per server; no session stays connected to it.</summary>
    private static async Task<string> CreateTemplateAsync()
    {
        var name = Name("template");
        await using (var admin = new NpgsqlConnection(Unpooled(adminConnectionString)))
        {
            await admin.OpenAsync();
            await Execute(admin, $"CREATE DATABASE \"{name}\" OWNER {LocalPostgres.OwnerRole}");
        }
        var info = Info(name);
        await using (var admin = new NpgsqlConnection(Unpooled(info.AdminConnectionString)))
        {
            await admin.OpenAsync();
            await Execute(admin, "CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS btree_gin;");
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{Database.OwnerConnection}"] = Unpooled(info.OwnerConnectionString),
            [$"ConnectionStrings:{Database.AppConnection}"] = Unpooled(info.AppConnectionString),
        }).Build();
        await Database.MigrateAsync(configuration);
        return name;
    }

    private static string Name(string prefix) =>
        $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();

    private static TestDatabaseInfo Info(string name) => new(
        name,
        With(name, LocalPostgres.OwnerRole, OwnerPassword),
        With(name, LocalPostgres.AppRole, AppPassword),
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString);

    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static string With(string database, string user, string password) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString)
        {
            Database = database, Username = user, Password = password,
        }.ConnectionString;

    private static async Task EnsureRolesAsync()
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await Execute(admin, $"""
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{LocalPostgres.OwnerRole}') THEN
                CREATE ROLE {LocalPostgres.OwnerRole} LOGIN NOSUPERUSER NOBYPASSRLS CREATEROLE;
              END IF;
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{LocalPostgres.AppRole}') THEN
                CREATE ROLE {LocalPostgres.AppRole} LOGIN NOSUPERUSER NOBYPASSRLS;
              END IF;
            END $$;
            ALTER ROLE {LocalPostgres.OwnerRole} PASSWORD '{OwnerPassword}';
            ALTER ROLE {LocalPostgres.AppRole} PASSWORD '{AppPassword}';
            """);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static bool DockerAnswers() =>
        File.Exists("/var/run/docker.sock") || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST"));
}

public sealed record TestDatabaseInfo(string Name, string OwnerConnectionString, string AppConnectionString, string AdminConnectionString);

/// <summary>The test classes on the shared server: each class has its own database (its class fixture), none shares rows.</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabase>
{
    public const string Name = "database";
}

/// <summary>
/// A second collection on the same server, run in parallel with <see cref="DatabaseCollection"/>: the classes with their
/// own bulk-data fixtures (import, fuzzing, search, students, gesprekken). xunit runs collections side by side, the
/// classes within one in turn; two on a 2-core machine keeps the timing tests (sign-in, search) meaningful.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BulkDatabaseCollection : ICollectionFixture<TestDatabase>
{
    public const string Name = "database (bulk data)";
}
