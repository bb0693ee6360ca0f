using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Sets the PostgreSQL setting <c>app.school_id</c> that the row-level security policies read, every time
/// a context opens a connection; an empty value (no school) makes every policy return nothing.
/// </summary>
public sealed class SchoolConnectionInterceptor : DbConnectionInterceptor
{
    private const string Sql = "SELECT set_config('app.school_id', @school, false)";

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
        var school = (eventData.Context as LeerlingzorgDbContext)?.SchoolId;
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "school";
        parameter.Value = school?.ToString() ?? "";
        command.Parameters.Add(parameter);
        return command;
    }
}
