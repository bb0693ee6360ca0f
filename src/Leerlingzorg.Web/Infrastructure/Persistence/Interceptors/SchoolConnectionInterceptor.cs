using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Sets the PostgreSQL settings <c>app.school_id</c> and <c>app.swv_id</c> that the row-level security policies read,
/// every time a context opens a connection; an empty value (no school, no samenwerkingsverband) makes the policies on it
/// return nothing.
/// </summary>
public sealed class SchoolConnectionInterceptor : DbConnectionInterceptor
{
    private const string Sql = "SELECT set_config('app.school_id', @school, false), set_config('app.swv_id', @swv, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = Command(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, ConnectionEndEventData eventData)
    {
        var context = eventData.Context as LeerlingzorgDbContext;
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        Add(command, "school", context?.SchoolId);
        Add(command, "swv", context?.SwvId);
        return command;
    }

    private static void Add(DbCommand command, string name, Guid? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value?.ToString() ?? "";
        command.Parameters.Add(parameter);
    }
}
