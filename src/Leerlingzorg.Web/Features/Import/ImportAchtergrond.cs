using System.Collections.Concurrent;
using System.Threading.Channels;
using Leerlingzorg.Domain.Import;

namespace Leerlingzorg.Web.Features.Import;

/// <summary>How far a run is: "Importeren", 4,500 of 10,000 rows.</summary>
public sealed record ImportStand(Guid RunId, Guid SchoolId, string Fase, int Verwerkt, int Totaal, bool Klaar, ImportStatus Status)
{
    public int Procent => Totaal == 0 ? (Klaar ? 100 : 0) : (int)Math.Round(100.0 * Verwerkt / Totaal);
}

/// <summary>
/// The progress of the runs of this process, in memory, for the page to poll. It holds no personal data, only
/// counts; a run that is not here (after a restart) is read from its <see cref="ImportRun"/> row.
/// </summary>
public sealed class ImportVoortgang
{
    private const int Bewaren = 200;
    private readonly ConcurrentDictionary<Guid, (ImportStand Stand, long Tijd)> standen = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> klaar = new();

    public void Meld(ImportStand stand)
    {
        ArgumentNullException.ThrowIfNull(stand);
        standen[stand.RunId] = (stand, Environment.TickCount64);
        if (stand.Klaar)
        {
            Afgerond(stand.RunId).TrySetResult();
        }
        if (standen.Count > Bewaren)
        {
            foreach (var oud in standen.Where(s => s.Value.Stand.Klaar).OrderBy(s => s.Value.Tijd).Take(standen.Count - Bewaren))
            {
                standen.TryRemove(oud.Key, out _);
                klaar.TryRemove(oud.Key, out _);
            }
        }
    }

    public ImportStand? Stand(Guid runId) => standen.TryGetValue(runId, out var s) ? s.Stand : null;

    /// <summary>Whether a run of this school is queued or running in this process.</summary>
    public bool IsBezig(Guid schoolId) => standen.Values.Any(s => s.Stand.SchoolId == schoolId && !s.Stand.Klaar);

    /// <summary>Completes when the run has finished (successfully or not).</summary>
    public Task WachtOpAsync(Guid runId, CancellationToken cancellationToken = default) =>
        Afgerond(runId).Task.WaitAsync(cancellationToken);

    private TaskCompletionSource Afgerond(Guid runId) =>
        klaar.GetOrAdd(runId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>The runs waiting for the background service, one at a time, in order.</summary>
public sealed class ImportWachtrij
{
    private readonly Channel<ImportOpdracht> kanaal = Channel.CreateUnbounded<ImportOpdracht>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask ZetAsync(ImportOpdracht opdracht, CancellationToken cancellationToken = default) =>
        kanaal.Writer.WriteAsync(opdracht, cancellationToken);

    public IAsyncEnumerable<ImportOpdracht> LeesAsync(CancellationToken cancellationToken) => kanaal.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>Processes queued runs outside the circuit, so that a user may leave the page while 10,000 rows import.</summary>
public sealed partial class ImportAchtergrondDienst(ImportWachtrij wachtrij, ImportVerwerker verwerker, ILogger<ImportAchtergrondDienst> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var opdracht in wachtrij.LeesAsync(stoppingToken))
            {
                try
                {
                    await verwerker.VerwerkAsync(opdracht, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFout(e, opdracht.RunId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The application stops; a queued run stays Bezig in its row and shows as interrupted.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {RunId}: onverwachte fout in de achtergronddienst")]
    private partial void LogFout(Exception exception, Guid runId);
}

public static class ImportRegistratie
{
    /// <summary>The import's queue, progress, processor and background service (the handlers register themselves).</summary>
    public static IServiceCollection AddLeerlingenImport(this IServiceCollection services)
    {
        services.AddSingleton<ImportVoortgang>();
        services.AddSingleton<ImportWachtrij>();
        services.AddSingleton<ImportVerwerker>();
        services.AddHostedService<ImportAchtergrondDienst>();
        return services;
    }
}

/// <summary>How a message on the import page looks: an error, a caution, or information.</summary>
public enum ImportMeldingSoort
{
    Info,
    LetOp,
    Fout,
}
