using System.Net.Sockets;
using Npgsql;

namespace Leerlingzorg.Web.Infrastructure.Operations;

/// <summary>
/// When PostgreSQL cannot be reached, the user gets a calm Dutch page (503) that retries by itself, instead
/// of a stack trace. Npgsql's pool reconnects on its own once the database is back: no restart needed.
/// </summary>
public sealed partial class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsDatabaseUnavailable(ex) && !context.Response.HasStarted)
        {
            LogUnavailable(context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "15";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page);
        }
    }

    public static bool IsDatabaseUnavailable(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is NpgsqlException { IsTransient: true } or SocketException
                || (ex is NpgsqlException && ex.InnerException is SocketException or TimeoutException or IOException)
                // Shutting down, starting up, too many connections, or the database not (yet) created.
                || ex is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" or "3D000" })
            {
                return true;
            }
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Database niet bereikbaar bij {Path}")]
    private partial void LogUnavailable(PathString path);

    private const string Page = """
        <!DOCTYPE html>
        <html lang="nl">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta http-equiv="refresh" content="15" />
          <title>Even geduld – Leerlingzorg</title>
          <style>
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f4f6f8; color: #1f2933; display: grid; place-items: center; min-height: 100vh; margin: 0; }
            main { background: #fff; padding: 2.5rem 3rem; border-radius: 12px; box-shadow: 0 2px 12px rgba(0,0,0,.08); max-width: 32rem; }
            h1 { font-size: 1.4rem; margin-top: 0; color: #1b5e7a; }
            a { color: #1b5e7a; }
          </style>
        </head>
        <body>
          <main>
            <h1>Leerlingzorg is even niet bereikbaar</h1>
            <p>De database reageert op dit moment niet. Er gaan geen gegevens verloren: probeer het over een paar seconden opnieuw.</p>
            <p>Deze pagina probeert het elke 15 seconden vanzelf opnieuw. <a href="">Nu opnieuw proberen</a></p>
          </main>
        </body>
        </html>
        """;
}
