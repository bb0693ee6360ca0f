using System.Text;
using Npgsql;
using Serilog.Core;
using Serilog.Events;

namespace Leerlingzorg.Web.Infrastructure.Logging;

/// <summary>
/// Keeps dossier text, names and other free text out of the log files: every sink gets the event with its exception
/// replaced by a <see cref="GeredigeerdeException"/> (types, SQLSTATE and stack traces, no messages that may quote data),
/// and any property that repeats an exception's message redacted too. PostgreSQL's messages quote rows (a 22P05 quotes
/// the draft's JSON, a unique violation the key); many .NET messages quote the value that was wrong.
/// </summary>
public sealed class GeenDossierInLogs(ILogEventSink volgende) : ILogEventSink, IDisposable
{
    public static ILogEventSink Om(ILogEventSink sink) => new GeenDossierInLogs(sink);

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Exception is not { } origineel)
        {
            volgende.Emit(logEvent);
            return;
        }
        var fout = GeredigeerdeException.Van(origineel);
        var meldingen = Keten(origineel).Select(e => e.Message).Where(m => m.Length >= 8).ToList();
        var properties = logEvent.Properties.Select(p => IsVerdacht(p.Value, meldingen)
            ? new LogEventProperty(p.Key, new ScalarValue(fout.Message))
            : new LogEventProperty(p.Key, p.Value));
        volgende.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, fout, logEvent.MessageTemplate, properties,
            logEvent.TraceId ?? default, logEvent.SpanId ?? default));
    }

    public void Dispose() => (volgende as IDisposable)?.Dispose();

    internal static IEnumerable<Exception> Keten(Exception e)
    {
        for (Exception? huidig = e; huidig is not null; huidig = huidig.InnerException)
        {
            yield return huidig;
        }
    }

    private static bool IsVerdacht(LogEventPropertyValue waarde, List<string> meldingen) => waarde is ScalarValue { Value: var v }
        && (v is Exception || (v is string s && meldingen.Exists(m => s.Contains(m, StringComparison.Ordinal))));
}

/// <summary>An exception as it may be logged: the chain of types with their stack traces; messages only where they cannot hold data.</summary>
public sealed class GeredigeerdeException : Exception
{
    private readonly string? volledig;

    public GeredigeerdeException()
    {
    }

    public GeredigeerdeException(string message) : base(message)
    {
    }

    public GeredigeerdeException(string message, Exception innerException) : base(message, innerException)
    {
    }

    private GeredigeerdeException(string samenvatting, string volledig) : base(samenvatting) => this.volledig = volledig;

    public static GeredigeerdeException Van(Exception origineel)
    {
        ArgumentNullException.ThrowIfNull(origineel);
        var tekst = new StringBuilder();
        var eerste = true;
        foreach (var e in GeenDossierInLogs.Keten(origineel))
        {
            if (!eerste)
            {
                tekst.Append(" ---> ");
            }
            tekst.Append(e.GetType().FullName).Append(": ").AppendLine(Melding(e));
            if (e.StackTrace is { } stack)
            {
                tekst.AppendLine(stack);
            }
            eerste = false;
        }
        var samenvatting = string.Join(" ---> ", GeenDossierInLogs.Keten(origineel).Select(e => $"{e.GetType().Name}: {Melding(e)}"));
        return new GeredigeerdeException(samenvatting, tekst.ToString().TrimEnd());
    }

    public override string ToString() => volledig ?? base.ToString();

    /// <summary>
    /// PostgreSQL errors by SQLSTATE and the schema names involved (never the row); messages of our own code and of
    /// network, time-out and cancellation errors as they are (they name no data); every other message left out.
    /// </summary>
    private static string Melding(Exception e) => e switch
    {
        PostgresException p => $"SQLSTATE {p.SqlState}" + string.Concat(
            new[] { ("tabel", p.TableName), ("kolom", p.ColumnName), ("constraint", p.ConstraintName) }
                .Where(d => !string.IsNullOrEmpty(d.Item2)).Select(d => $", {d.Item1} {d.Item2}")),
        NpgsqlException or TimeoutException or OperationCanceledException or IOException or System.Net.Sockets.SocketException
            or ObjectDisposedException or NullReferenceException => e.Message,
        _ when e.GetType().Namespace?.StartsWith("Leerlingzorg.", StringComparison.Ordinal) == true => e.Message,
        _ => "(melding weggelaten: kan persoonsgegevens bevatten)",
    };
}
