using Leerlingzorg.Web.Infrastructure.LocalPostgres;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Leerlingzorg.Web.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL for the whole test run: <c>LEERLINGZORG_TEST_DB</c> (an admin connection string) when set,
/// else a Testcontainers postgres:15 when a Docker engine answers, else the local launcher that the app
/// uses in Development. Each <see cref="CreateDatabaseAsync"/> gives a fresh, migrated database with the
/// owner and application roles, so that test classes do not share rows.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private const string OwnerPassword = "owner-test-password";
    private const string AppPassword = "app-test-password";

    private static TestDatabase? current;

    /// <summary>
    /// The run's database server, for class fixtures (xunit 2 cannot inject a collection fixture into them;
    /// the collection fixture is created first).
    /// </summary>
    public static TestDatabase Current => current ?? throw new InvalidOperationException("Test class is not in the database collection.");

    private LocalPostgres? local;
    private PostgreSqlContainer? container;
    private string adminConnectionString = "";

    public async Task InitializeAsync()
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
        await EnsureRolesAsync();
        current = this;
    }

    public async Task DisposeAsync()
    {
        if (local is not null)
        {
            await local.StopAndDeleteAsync();
        }
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }

    public string AdminConnectionString => adminConnectionString;

    /// <summary>Creates and migrates a database; returns the configuration the app needs to use it.</summary>
    public async Task<TestDatabaseInfo> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await Execute(admin, $"CREATE DATABASE \"{name}\" OWNER {LocalPostgres.OwnerRole}");
        }
        var dbAdmin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        await using (var admin = new NpgsqlConnection(dbAdmin))
        {
            await admin.OpenAsync();
            await Execute(admin, "CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS btree_gin;");
        }
        var info = new TestDatabaseInfo(
            name,
            With(name, LocalPostgres.OwnerRole, OwnerPassword),
            With(name, LocalPostgres.AppRole, AppPassword),
            dbAdmin);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{Database.OwnerConnection}"] = info.OwnerConnectionString,
            [$"ConnectionStrings:{Database.AppConnection}"] = info.AppConnectionString,
        }).Build();
        await Database.MigrateAsync(configuration);
        return info;
    }

    private string With(string database, string user, string password) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString)
        {
            Database = database, Username = user, Password = password,
        }.ConnectionString;

    private async Task EnsureRolesAsync()
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

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<TestDatabase>
{
    public const string Name = "database";
}
