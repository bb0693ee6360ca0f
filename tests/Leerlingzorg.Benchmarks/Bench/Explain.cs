using System.Data.Common;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Benchmarks.Bench;

/// <summary>Runs EF Core's own SQL for a query under EXPLAIN (ANALYZE, BUFFERS), on the context's connection.</summary>
internal static class Explain
{
    /// <summary>The SQL as EF Core sends it, and PostgreSQL's plan as executed, for the role and school of <paramref name="db"/>.</summary>
    public static async Task<(string Sql, string Plan, string Role)> RunAsync<T>(LeerlingzorgDbContext db, IQueryable<T> query, CancellationToken cancellationToken)
    {
        // Opening through EF Core runs the connection interceptor, which sets app.school_id for RLS.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var role = await ScalarAsync(db, "SELECT current_user || ' (app.school_id = ' || coalesce(nullif(current_setting('app.school_id', true), ''), 'unset') || ')'", cancellationToken);
            await using var command = query.CreateDbCommand();
            var sql = command.CommandText;
            command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + sql;
            var lines = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    lines.Add(reader.GetString(0));
                }
            }
            var parameters = string.Join(", ", command.Parameters.Cast<DbParameter>().Select(p => $"{p.ParameterName} = '{p.Value}'"));
            return (sql + (parameters.Length > 0 ? $"\n-- {parameters}" : ""), string.Join('\n', lines), role);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static async Task<string> ScalarAsync(LeerlingzorgDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public static void Print(string title, (string Sql, string Plan, string Role) explained, bool withSql)
    {
        Console.WriteLine();
        Console.WriteLine($"{title} — as {explained.Role}:");
        if (withSql)
        {
            Console.WriteLine(Indent(explained.Sql));
            Console.WriteLine();
        }
        Console.WriteLine(Indent(explained.Plan));
    }

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "    " + l));
}
