using Leerlingzorg.Domain.Ondersteuningsprofielen;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Leerlingzorg.Web.Features.Ondersteuningsprofielen;

/// <summary>
/// <c>GET /scholen</c>: the public ondersteuningsoverzicht of the samenwerkingsverband, without login. Rendered with the
/// <see cref="HtmlRenderer"/> rather than as a Blazor page: a static Blazor page carries an antiforgery cookie and persisted
/// component state, which no shared cache may store. Output-cached per query for a minute; publishing clears the tag.
/// </summary>
public static class PubliekOverzichtEndpoint
{
    public static void MapPubliekOverzicht(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/scholen", HandleAsync)
            .AllowAnonymous()
            .CacheOutput(p => p.Expire(TimeSpan.FromSeconds(60)).SetVaryByQuery("*").Tag(PubliekOverzichtHandler.CacheTag));
    }

    private static async Task<IResult> HandleAsync(HttpContext context, PubliekOverzichtHandler handler, ILoggerFactory loggers,
        string? zoek, string? expertise, string? plaats, string? swv)
    {
        // Unknown or oversized values are no error on a public page: they filter nothing.
        Expertise? gekozen = Enum.TryParse<Expertise>(expertise, ignoreCase: true, out var e) && Enum.IsDefined(e) && !int.TryParse(expertise, out _) ? e : null;
        zoek = zoek is { Length: > PubliekFilter.ZoekMaxLengte } ? zoek[..PubliekFilter.ZoekMaxLengte] : zoek;
        plaats = plaats is { Length: > 100 } ? null : plaats;
        Guid? swvId = Guid.TryParse(swv, out var id) ? id : null;
        var overzicht = await handler.HandleAsync(new PubliekFilter(zoek, gekozen, plaats, swvId), context.RequestAborted);
        await using var renderer = new HtmlRenderer(context.RequestServices, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(PubliekOverzichtView.Overzicht)] = overzicht,
                [nameof(PubliekOverzichtView.Zoek)] = zoek,
                [nameof(PubliekOverzichtView.GekozenExpertise)] = gekozen,
                [nameof(PubliekOverzichtView.Plaats)] = plaats,
            });
            return (await renderer.RenderComponentAsync<PubliekOverzichtView>(parameters)).ToHtmlString();
        });
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
