namespace Leerlingzorg.Web.Features.Ouderportaal;

/// <summary>The NL/EN switch of the portal: remembers the choice in a cookie and goes back to the page (a full load, so the new circuit reads it).</summary>
public static class PortaaltaalEndpoint
{
    public static void MapPortaaltaal(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/mijn-kinderen/taal/{taal}", (string taal, string? terug, HttpContext context) =>
        {
            var keuze = string.Equals(taal, "en", StringComparison.OrdinalIgnoreCase) ? "en" : "nl";
            context.Response.Cookies.Append(Portaaltaal.Cookie, keuze, new CookieOptions
            {
                HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365), Path = "/",
            });
            var doel = terug is { Length: > 1 } && terug[0] == '/' && terug[1] != '/' && terug[1] != '\\' ? terug : "/mijn-kinderen";
            return Results.LocalRedirect(doel);
        }).RequireAuthorization();
    }
}
