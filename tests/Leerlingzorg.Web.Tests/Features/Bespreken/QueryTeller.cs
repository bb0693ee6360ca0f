using System.Diagnostics;

namespace Leerlingzorg.Web.Tests.Features.Bespreken;

/// <summary>
/// Counts the database commands EF Core runs in the current async flow (not those of tests running alongside), to show
/// that a read takes a fixed number of queries rather than one per student.
/// </summary>
internal sealed class QueryTeller : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<QueryTeller?> Huidig = new();
    private readonly List<IDisposable> abonnementen = [];
    private int aantal;

    public int Aantal => Volatile.Read(ref aantal);

    public static QueryTeller Start()
    {
        var teller = new QueryTeller();
        Huidig.Value = teller;
        teller.abonnementen.Add(DiagnosticListener.AllListeners.Subscribe(teller));
        return teller;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (abonnementen)
            {
                abonnementen.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting" && Huidig.Value == this)
        {
            Interlocked.Increment(ref aantal);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        Huidig.Value = null;
        lock (abonnementen)
        {
            abonnementen.ForEach(a => a.Dispose());
        }
    }
}
