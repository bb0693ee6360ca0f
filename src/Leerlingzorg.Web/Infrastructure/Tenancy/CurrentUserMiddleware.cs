using System.Security.Claims;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Leerlingzorg.Web.Infrastructure.Tenancy;

/// <summary>Sets <see cref="CurrentUser"/> from the authenticated request.</summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser currentUser)
    {
        currentUser.Set(context.User);
        return next(context);
    }
}

/// <summary>
/// Sets <see cref="CurrentUser"/> for an interactive circuit before its components render, and again
/// whenever the authentication state changes (revalidation may sign a deactivated user out). Registers the
/// circuit in <see cref="OpenCircuits"/>, so that deactivating the account signs it out at once.
/// </summary>
public sealed class CurrentUserCircuitHandler(
        AuthenticationStateProvider authenticationStateProvider, CurrentUser currentUser, OpenCircuits openCircuits)
    : CircuitHandler, IDisposable
{
    private static readonly ClaimsPrincipal Anoniem = new(new ClaimsIdentity());
    private Guid? registered;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationStateProvider.AuthenticationStateChanged += OnAuthenticationChanged;
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        currentUser.Set(state.User);
        if (currentUser.Id is { } id)
        {
            registered = id;
            openCircuits.Add(id, this, SignOut);
        }
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Unregister();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Handlers refuse from now on; the components see an anonymous user and send him to the login page.
    /// </summary>
    private void SignOut()
    {
        currentUser.Set(Anoniem);
        if (authenticationStateProvider is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(Anoniem)));
        }
    }

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                currentUser.Set(t.Result.User);
            }
        }, TaskScheduler.Default);

    private void Unregister()
    {
        if (registered is { } id)
        {
            openCircuits.Remove(id, this);
            registered = null;
        }
    }

    public void Dispose()
    {
        Unregister();
        authenticationStateProvider.AuthenticationStateChanged -= OnAuthenticationChanged;
    }
}
