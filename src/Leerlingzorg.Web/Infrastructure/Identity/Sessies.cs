using System.Collections.Concurrent;
using System.Security.Claims;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Leerlingzorg.Web.Infrastructure.Identity;

/// <summary>
/// Ends a user's sessions at once when his account is deactivated or its security stamp changes (OWASP ASVS 7.4):
/// the cookie is checked against the stored stamp on every request, and his open circuits are signed out.
/// </summary>
public static class Sessies
{
    private static readonly Func<LeerlingzorgDbContext, Guid, Task<Stempel?>> StempelVan = EF.CompileAsyncQuery(
        (LeerlingzorgDbContext db, Guid id) => db.Users.Where(u => u.Id == id).Select(u => new Stempel(u.SecurityStamp, u.Actief)).FirstOrDefault());

    private sealed record Stempel(string? SecurityStamp, bool Actief);

    /// <summary>
    /// One key lookup per request: a cookie whose stamp no longer matches, or of a deactivated account, is refused.
    /// Identity's own validator then refreshes the claims at its interval.
    /// </summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A stylesheet or script is public and shows no dossier: no lookup for the handful of them on every page load,
        // and they still load while the database is away (the 503 page and the reconnect dialog need them).
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            return;
        }
        var principal = context.Principal;
        if (principal?.Identity?.IsAuthenticated == true)
        {
            var services = context.HttpContext.RequestServices;
            var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            var geldig = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
                && await StempelVan(services.GetRequiredService<LeerlingzorgDbContext>(), id) is { Actief: true } stempel
                && stempel.SecurityStamp == principal.FindFirstValue(stampClaim);
            if (!geldig)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}

/// <summary>
/// The open interactive circuits per user, fed by the circuit handler, so that deactivating an account signs his
/// circuits out at once instead of at the next revalidation. Only circuits of this server instance; others
/// follow at their revalidation (<see cref="IdentitySetup.RevalidationInterval"/>).
/// </summary>
public sealed class OpenCircuits
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<object, Action>> perGebruiker = new();

    /// <summary>Registers a circuit of <paramref name="userId"/>; <paramref name="signOut"/> ends its session.</summary>
    public void Add(Guid userId, object circuit, Action signOut) =>
        perGebruiker.GetOrAdd(userId, _ => new()).TryAdd(circuit, signOut);

    public void Remove(Guid userId, object circuit)
    {
        if (perGebruiker.TryGetValue(userId, out var circuits))
        {
            circuits.TryRemove(circuit, out _);
        }
    }

    /// <summary>Signs every open circuit of the user out; returns how many there were.</summary>
    public int SignOut(Guid userId)
    {
        if (!perGebruiker.TryRemove(userId, out var circuits))
        {
            return 0;
        }
        foreach (var signOut in circuits.Values)
        {
            signOut();
        }
        return circuits.Count;
    }
}
