using Leerlingzorg.Web.Infrastructure.LocalPostgres;
using Microsoft.Extensions.Configuration;

namespace Leerlingzorg.Web.Tests.Infrastructure;

/// <summary>
/// Tests that stop and start PostgreSQL: a migrated cluster of their own (named <paramref name="naam"/>), so that
/// an outage does not disturb the other tests, and the real application against it.
/// </summary>
public abstract class EigenClusterTests(string naam) : IAsyncLifetime
{
    protected LocalPostgres Postgres { get; private set; } = null!;
    protected TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = await LocalPostgres.StartAsync(naam + "-" + Environment.ProcessId, fresh: true);
        await Postgres.CreateDatabaseAsync("leerlingzorg");
        var info = new TestDatabaseInfo("leerlingzorg",
            Postgres.ConnectionString("leerlingzorg", LocalPostgres.OwnerRole),
            Postgres.ConnectionString("leerlingzorg", LocalPostgres.AppRole),
            Postgres.ConnectionString("leerlingzorg", "postgres"));
        await Web.Infrastructure.Persistence.Database.MigrateAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:LeerlingzorgOwner"] = info.OwnerConnectionString,
        }).Build());
        App = new TestApp(info);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Postgres.StopAndDeleteAsync();
    }
}
