using Leerlingzorg.Web.Infrastructure.LocalPostgres;
using Leerlingzorg.Web.Infrastructure.Persistence.Interceptors;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Leerlingzorg.Web.Infrastructure.Persistence;

/// <summary>
/// Wires the database: which PostgreSQL (configured, or the embedded local one in Development), the pooled
/// context factory bound to the current school, migrations with the owner role at start-up.
/// Configuration: <c>ConnectionStrings:Leerlingzorg</c> (the application role) and
/// <c>ConnectionStrings:LeerlingzorgOwner</c> (the owner, for migrations; defaults to the first).
/// </summary>
public static class Database
{
    public const string AppConnection = "Leerlingzorg";
    public const string OwnerConnection = "LeerlingzorgOwner";
    private const string LocalDatabaseName = "leerlingzorg";

    private static readonly SchoolConnectionInterceptor ConnectionInterceptor = new();
    private static readonly SchoolSaveGuard SaveGuard = new();
    private static readonly VeiligeTekstGuard TekstGuard = new();
    private static readonly VeiligeParameters Parameters = new();

    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        Configure(builder, new NpgsqlDataSourceBuilder(connectionString).Build());

    public static void Configure(DbContextOptionsBuilder builder, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(ConnectionInterceptor, SaveGuard, TekstGuard, Parameters)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
    }

    /// <summary>
    /// In Development without a configured connection string, starts the embedded PostgreSQL and puts its
    /// connection strings into the configuration. Elsewhere a missing connection string is an operator's mistake:
    /// the message alone goes to standard error, the exit code is set, and false tells the caller to stop.
    /// </summary>
    public static async Task<bool> UseLocalPostgresWhenUnconfiguredAsync(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(AppConnection)))
        {
            return true;
        }
        if (!builder.Environment.IsDevelopment())
        {
            await Console.Error.WriteLineAsync(
                $"ConnectionStrings:{AppConnection} ontbreekt. / ConnectionStrings:{AppConnection} is not configured.");
            Environment.ExitCode = 1;
            return false;
        }
        var name = builder.Configuration["LocalPostgres:Name"] ?? "dev";
        var fresh = builder.Configuration.GetValue<bool>("LocalPostgres:Fresh");
        var local = await LocalPostgres.LocalPostgres.StartAsync(name, builder.Configuration["LocalPostgres:BaseDirectory"], fresh);
        await local.CreateDatabaseAsync(LocalDatabaseName);
        builder.Configuration[$"ConnectionStrings:{AppConnection}"] = local.ConnectionString(LocalDatabaseName, LocalPostgres.LocalPostgres.AppRole);
        builder.Configuration[$"ConnectionStrings:{OwnerConnection}"] = local.ConnectionString(LocalDatabaseName, LocalPostgres.LocalPostgres.OwnerRole);
        builder.Services.AddSingleton(local);
        builder.Services.AddHostedService<LocalPostgresLifetime>();
        return true;
    }

    public static void AddLeerlingzorgDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(AppConnection)
            ?? throw new InvalidOperationException($"ConnectionStrings:{AppConnection} ontbreekt.");
        var dataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            // Fail fast when the database is down, so that the user sees the Dutch error page quickly.
            Timeout = 5,
            // Npgsql's default, made explicit: PostgreSQL's DETAIL holds row values (names, dossier text), and
            // exception messages end up in logs.
            IncludeErrorDetail = false,
        }.ConnectionString).Build();
        services.AddSingleton(dataSource);

        var options = new DbContextOptionsBuilder<LeerlingzorgDbContext>();
        Configure(options, dataSource);
        services.AddSingleton(new PooledDbContextFactory<LeerlingzorgDbContext>(options.Options, poolSize: 256));
        services.AddScoped<IDbContextFactory<LeerlingzorgDbContext>, SchoolDbContextFactory>();
        // Identity's stores and the data-protection key ring use a scoped context that is bound to no
        // school: they only touch tables outside the tenancy (users, roles, keys).
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<PooledDbContextFactory<LeerlingzorgDbContext>>().CreateDbContext();
            context.BindToSchool(null);
            return context;
        });
    }

    /// <summary>Applies the migrations as the owner role.</summary>
    public static async Task MigrateAsync(IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var owner = configuration.GetConnectionString(OwnerConnection) ?? configuration.GetConnectionString(AppConnection)!;
        var options = new DbContextOptionsBuilder<LeerlingzorgDbContext>();
        await using var dataSource = new NpgsqlDataSourceBuilder(owner).Build();
        Configure(options, dataSource);
        await using var context = new LeerlingzorgDbContext(options.Options);
        await context.Database.MigrateAsync(cancellationToken);
    }
}

/// <summary>Stops the embedded PostgreSQL when the application stops.</summary>
internal sealed class LocalPostgresLifetime(LocalPostgres.LocalPostgres local) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => local.StopAsync();
}
