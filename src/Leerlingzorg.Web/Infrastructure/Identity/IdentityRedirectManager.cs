using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace Leerlingzorg.Web.Infrastructure.Identity;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri) => navigationManager.NavigateTo(Local(uri, navigationManager.BaseUri));

    /// <summary>
    /// Prevents open redirects: an address of this application stays, anything else (another host, "//host",
    /// "/\\host", a scheme, encoded slashes, control characters that browsers drop) becomes the start page.
    /// </summary>
    internal static string Local(string? uri, string baseUri)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        if (string.IsNullOrEmpty(uri))
        {
            return "";
        }
        if (uri.StartsWith(baseUri, StringComparison.OrdinalIgnoreCase))
        {
            uri = "/" + uri[baseUri.Length..];
        }
        var end = uri.IndexOfAny(['?', '#']);
        var path = end < 0 ? uri : uri[..end];
        return IsLocalPath(path) && IsLocalPath(Uri.UnescapeDataString(path)) && Uri.IsWellFormedUriString(uri, UriKind.Relative)
            ? uri
            : "";
    }

    private static bool IsLocalPath(string path)
    {
        var colon = path.IndexOf(':', StringComparison.Ordinal);
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return !path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
            && !path.StartsWith("//", StringComparison.Ordinal)
            // A colon before the first slash is a scheme ("https:", "javascript:").
            && !(colon >= 0 && (slash < 0 || colon < slash));
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<Gebruiker> userManager, HttpContext context)
        => RedirectToWithStatus("Account/InvalidUser", "Fout: uw account kon niet worden geladen. Log opnieuw in.", context);
}
