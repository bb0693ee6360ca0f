using Npgsql;
using Launcher = Leerlingzorg.Web.Infrastructure.LocalPostgres.LocalPostgres;

namespace Leerlingzorg.Web.Tests.Embedded;

/// <summary>The embedded PostgreSQL survives what a killed `./run.sh` leaves behind.</summary>
public sealed class LocalPostgresTests
{
    [Fact]
    public async Task A_server_left_running_by_a_killed_run_is_replaced_and_the_data_kept()
    {
        var name = "orphan-" + Guid.NewGuid().ToString("N")[..8];
        var first = await Launcher.StartAsync(name);
        try
        {
            await first.CreateDatabaseAsync("blijft");
            // The process "dies" here: nobody stops the server. The next run starts over the orphan.
            var second = await Launcher.StartAsync(name);
            await using var connection = new NpgsqlConnection(second.ConnectionString("blijft", Launcher.OwnerRole));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_database()", connection);
            Assert.Equal("blijft", await command.ExecuteScalarAsync());
            await second.StopAndDeleteAsync();
        }
        finally
        {
            await first.StopAndDeleteAsync();
        }
    }

    [Fact]
    public async Task A_stale_pid_file_of_a_dead_server_does_not_block_the_start()
    {
        var name = "stale-" + Guid.NewGuid().ToString("N")[..8];
        var first = await Launcher.StartAsync(name);
        await first.StopAsync();
        var pidFile = Path.Combine(Launcher.DefaultBaseDirectory, name, "postmaster.pid");
        await File.WriteAllTextAsync(pidFile, "999999\n/tmp/x\n0\n5432\n");
        var second = await Launcher.StartAsync(name);
        try
        {
            await using var connection = new NpgsqlConnection(second.ConnectionString("postgres", Launcher.AppRole));
            await connection.OpenAsync();
            Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        }
        finally
        {
            await second.StopAndDeleteAsync();
        }
    }
}
