using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Leerlingzorg.Web.Infrastructure.LocalPostgres;

/// <summary>
/// Starts a throwaway PostgreSQL cluster from the system binaries (initdb, pg_ctl) in a data folder on a
/// free loopback port, for development and tests on machines without Docker. As root it runs the server
/// as the <c>postgres</c> user (initdb refuses root). It recovers from a killed earlier run (stale pid or
/// running orphan) and creates the two roles the application needs: an owner that runs the migrations and
/// an application role that is neither superuser, nor BYPASSRLS, nor owner of any table.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    public const string OwnerRole = "leerlingzorg_owner";
    public const string AppRole = "leerlingzorg_app";
    private const string Superuser = "postgres";

    private readonly string binDirectory;
    private readonly string dataDirectory;
    private readonly string secretsFile;
    private readonly bool asPostgresUser;
    private Secrets secrets = null!;

    public int Port { get; private set; }

    private LocalPostgres(string binDirectory, string baseDirectory, string name)
    {
        this.binDirectory = binDirectory;
        dataDirectory = Path.Combine(baseDirectory, name);
        secretsFile = Path.Combine(baseDirectory, name + ".secrets");
        asPostgresUser = Environment.IsPrivilegedProcess;
    }

    /// <summary>The default folder for clusters: the temp folder, which the postgres user can reach.</summary>
    public static string DefaultBaseDirectory => Path.Combine(Path.GetTempPath(), "leerlingzorg-pg");

    /// <summary>Starts (initialising when needed) the cluster <paramref name="name"/>.</summary>
    public static async Task<LocalPostgres> StartAsync(string name, string? baseDirectory = null, bool fresh = false,
        CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is niet gevonden: installeer het met 'sudo apt-get install -y postgresql' of stel " +
            "ConnectionStrings:Leerlingzorg in. / PostgreSQL binaries (initdb, pg_ctl) were not found: install " +
            "them with 'sudo apt-get install -y postgresql' or configure ConnectionStrings:Leerlingzorg.");
        var instance = new LocalPostgres(bin, baseDirectory ?? DefaultBaseDirectory, name);
        await instance.StartAsync(fresh, cancellationToken);
        return instance;
    }

    public string ConnectionString(string database, string role) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = role,
        Password = role switch
        {
            OwnerRole => secrets.Owner,
            AppRole => secrets.App,
            _ => secrets.Superuser,
        },
    }.ConnectionString;

    /// <summary>Creates (if missing) a database owned by the owner role, with the extensions the schema needs.</summary>
    public async Task CreateDatabaseAsync(string database, bool recreate = false, CancellationToken cancellationToken = default)
    {
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres", Superuser)))
        {
            await admin.OpenAsync(cancellationToken);
            if (recreate)
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", cancellationToken);
            }
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @d", admin);
            exists.Parameters.AddWithValue("d", database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\" OWNER {OwnerRole} ENCODING 'UTF8'", cancellationToken);
            }
        }
        await using var db = new NpgsqlConnection(ConnectionString(database, Superuser));
        await db.OpenAsync(cancellationToken);
        // Extensions need a superuser to install; the migrations then find them present.
        await ExecuteAsync(db, """
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
            CREATE EXTENSION IF NOT EXISTS unaccent;
            CREATE EXTENSION IF NOT EXISTS btree_gin;
            """, cancellationToken);
        await ExecuteAsync(db, $"GRANT CONNECT ON DATABASE \"{database}\" TO {AppRole}", cancellationToken);
    }

    public async Task StopAsync()
    {
        if (Directory.Exists(dataDirectory))
        {
            await RunAsync("pg_ctl", ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "30"], allowFailure: true);
        }
    }

    /// <summary>Stops the server and removes its data folder: for throwaway test clusters.</summary>
    public async Task StopAndDeleteAsync()
    {
        await StopAsync();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        File.Delete(secretsFile);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task StartAsync(bool fresh, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(dataDirectory)!);
        if (fresh || !File.Exists(Path.Combine(dataDirectory, "PG_VERSION")) || !File.Exists(secretsFile))
        {
            await StopOrphanAsync(cancellationToken);
            await InitialiseAsync(cancellationToken);
        }
        else
        {
            secrets = Secrets.Read(secretsFile);
            await StopOrphanAsync(cancellationToken);
        }

        await StartServerAsync(cancellationToken);
        await EnsureRolesAsync(cancellationToken);
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port.</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default) => StartServerAsync(cancellationToken);

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        if (Port == 0)
        {
            Port = FreePort();
        }
        var options = string.Join(' ',
            $"-p {Port}",
            "-c listen_addresses=127.0.0.1",
            $"-c unix_socket_directories='{dataDirectory}'",
            // A throwaway cluster: durability is traded for speed.
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=200 -c shared_buffers=128MB");
        await RunAsync("pg_ctl", ["start", "-D", dataDirectory, "-w", "-t", "60", "-l",
            Path.Combine(dataDirectory, "server.log"), "-o", options], cancellationToken: cancellationToken);
    }

    /// <summary>A server left running by a killed run is stopped; a stale pid file of a dead one is removed.</summary>
    private async Task StopOrphanAsync(CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }
        var status = await RunAsync("pg_ctl", ["status", "-D", dataDirectory], allowFailure: true, cancellationToken: cancellationToken);
        if (status == 0)
        {
            await RunAsync("pg_ctl", ["stop", "-D", dataDirectory, "-m", "immediate", "-w"], allowFailure: true, cancellationToken: cancellationToken);
        }
        File.Delete(pidFile);
        foreach (var lockFile in Directory.EnumerateFiles(dataDirectory, ".s.PGSQL.*"))
        {
            File.Delete(lockFile);
        }
    }

    private async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        Directory.CreateDirectory(dataDirectory);
        secrets = Secrets.Create();
        secrets.Write(secretsFile);
        var passwordFile = Path.Combine(Path.GetDirectoryName(dataDirectory)!, Path.GetFileName(dataDirectory) + ".pw");
        await File.WriteAllTextAsync(passwordFile, secrets.Superuser, cancellationToken);
        try
        {
            if (asPostgresUser)
            {
                await RunRawAsync("chown", ["postgres:postgres", dataDirectory, passwordFile], cancellationToken);
            }
            var args = new List<string>
            {
                "-D", dataDirectory, "-U", Superuser, "--pwfile", passwordFile, "-E", "UTF8",
                "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "--no-instructions",
                "--locale-provider=icu", "--icu-locale=nl-NL", "--locale=C.UTF-8",
            };
            if (await RunAsync("initdb", args, allowFailure: true, cancellationToken: cancellationToken) != 0)
            {
                // Without ICU: a plain UTF-8 cluster.
                Directory.Delete(dataDirectory, recursive: true);
                Directory.CreateDirectory(dataDirectory);
                if (asPostgresUser)
                {
                    await RunRawAsync("chown", ["postgres:postgres", dataDirectory], cancellationToken);
                }
                await RunAsync("initdb", args.Take(args.Count - 3).Append("--locale=C.UTF-8"), cancellationToken: cancellationToken);
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(ConnectionString("postgres", Superuser));
        await admin.OpenAsync(cancellationToken);
        await ExecuteAsync(admin, $"""
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OwnerRole}') THEN
                CREATE ROLE {OwnerRole} LOGIN NOSUPERUSER NOBYPASSRLS CREATEROLE PASSWORD '{secrets.Owner}';
              END IF;
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{AppRole}') THEN
                CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '{secrets.App}';
              END IF;
            END $$;
            """, cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private Task<int> RunAsync(string tool, IEnumerable<string> args, bool allowFailure = false, CancellationToken cancellationToken = default)
    {
        var executable = Path.Combine(binDirectory, tool);
        return asPostgresUser
            ? RunProcessAsync("runuser", ["-u", "postgres", "--", executable, .. args], allowFailure, cancellationToken)
            : RunProcessAsync(executable, args, allowFailure, cancellationToken);
    }

    private static Task<int> RunRawAsync(string file, IEnumerable<string> args, CancellationToken cancellationToken) =>
        RunProcessAsync(file, args, allowFailure: false, cancellationToken);

    private static async Task<int> RunProcessAsync(string file, IEnumerable<string> args, bool allowFailure, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Kan {file} niet starten.");
        // pg_ctl start leaves the server holding stdout open: read asynchronously and do not wait for EOF.
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && !allowFailure)
        {
            await Task.WhenAny(Task.WhenAll(stderr, stdout), Task.Delay(2000, cancellationToken));
            var output = (stderr.IsCompletedSuccessfully ? stderr.Result : "") + (stdout.IsCompletedSuccessfully ? stdout.Result : "");
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', info.ArgumentList)} faalde ({process.ExitCode}): {output}");
        }
        return process.ExitCode;
    }

    private sealed record Secrets(string Superuser, string Owner, string App)
    {
        public static Secrets Create() => new(NewPassword(), NewPassword(), NewPassword());

        private static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

        public static Secrets Read(string file)
        {
            var lines = File.ReadAllLines(file);
            return new Secrets(lines[0], lines[1], lines[2]);
        }

        public void Write(string file)
        {
            File.WriteAllLines(file, [Superuser, Owner, App]);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }
}
