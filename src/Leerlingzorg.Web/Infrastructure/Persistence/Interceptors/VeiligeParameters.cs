using System.Data.Common;
using Leerlingzorg.Domain;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Cleans the text parameters of every command (<see cref="Tekst.Veilig"/>): a NUL makes PostgreSQL refuse the
/// statement and a lone surrogate makes Npgsql's strict UTF-8 throw, so a search or a sign-in lookup with pasted
/// garbage would fail instead of finding nothing. Stored text never holds these characters (VeiligeTekstGuard),
/// so a lookup without them finds the same rows.
/// </summary>
public sealed class VeiligeParameters : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Schoon(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Schoon(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Schoon(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Schoon(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Schoon(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Schoon(command);
        return ValueTask.FromResult(result);
    }

    private static void Schoon(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter.Value is string tekst && !Tekst.IsVeilig(tekst))
            {
                parameter.Value = Tekst.Veilig(tekst);
            }
        }
    }
}
