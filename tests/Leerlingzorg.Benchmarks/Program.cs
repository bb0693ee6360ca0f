// Region data generator and benchmarks (issue 3 part 6): see docs/benchmarks.md.
// A development and benchmark tool: it writes as the PostgreSQL superuser and must never point at production.
using System.Globalization;
using Leerlingzorg.Benchmarks.Bench;
using Leerlingzorg.Benchmarks.Cli;
using Leerlingzorg.Benchmarks.Generate;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop cleanly, so that the command's own cluster is stopped and deleted.
    e.Cancel = true;
    cancel.Cancel();
};

const string Usage = """
    Leerlingzorg region generator and benchmarks (development only; see docs/benchmarks.md)

      generate [--schools 30] [--leerlingen 45000] [--seed 42] [--connection "<superuser or owner>"] [--keep]
      bench <search|mijnklassen|plannen|import|all> [--rounds N] [--schools …] [--leerlingen …] [--seed …]
            [--reuse | --connection "<superuser>" --app-connection "<leerlingzorg_app>"] [--keep]
      leerlingpagina [--rounds N] [same database options as bench]   the student page against raw Npgsql
      zorgoverzicht [--rounds N] [same database options as bench]    the zorgcoördinator's overview and PM III/IV headers
      agenda [--rounds N] [same database options as bench]           a leerlingbespreking's prepared agenda and saving a student's part
      publiek [--rounds N] [--readers 64] [--seconds 10] [same database options as bench]  the public overview (30 profiles) and its page over loopback HTTP
      swvstart [--rounds N] [--jaren 1] [same database options as bench]  the SWV's start page, list and application page (a year of applications)
      bdn [same database options as bench] [-- <BenchmarkDotNet arguments>]
      stop      stops and deletes the cluster kept by --keep

    Without --connection (or --reuse) a command starts its own PostgreSQL cluster 'bench', and deletes it
    when done unless --keep is given.
    """;

var arguments = Arguments.Parse(args);
if (arguments.Positional.Count == 0 || arguments.Has("help"))
{
    Console.WriteLine(Usage);
    return arguments.Has("help") ? 0 : 1;
}
try
{
    return arguments.Positional[0] switch
    {
        "generate" => await GenerateCommand.RunAsync(arguments, cancel.Token),
        "bench" => await BenchCommand.RunAsync(arguments, cancel.Token),
        "leerlingpagina" => await Leerlingzorg.Benchmarks.Dossier.LeerlingPaginaCommand.RunAsync(arguments, cancel.Token),
        "zorgoverzicht" => await Leerlingzorg.Benchmarks.Dossier.ZorgoverzichtCommand.RunAsync(arguments, cancel.Token),
        "agenda" => await Leerlingzorg.Benchmarks.Dossier.AgendaCommand.RunAsync(arguments, cancel.Token),
        "publiek" => await Leerlingzorg.Benchmarks.Publiek.PubliekCommand.RunAsync(arguments, cancel.Token),
        "swvstart" => await Leerlingzorg.Benchmarks.Swv.SwvStartCommand.RunAsync(arguments, cancel.Token),
        "bdn" => await BenchCommand.RunBenchmarkDotNetAsync(arguments, cancel.Token),
        "stop" => await BenchCommand.StopKeptClusterAsync(cancel.Token),
        _ => throw new ArgumentException($"Unknown command '{arguments.Positional[0]}'.\n\n{Usage}"),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
catch (Npgsql.PostgresException e)
{
    Console.Error.WriteLine($"PostgreSQL refused: {e.MessageText}{(e.Detail is { } detail ? $" ({detail})" : "")} [{e.SqlState}{(e.TableName is { } table ? $", table {table}" : "")}]");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
