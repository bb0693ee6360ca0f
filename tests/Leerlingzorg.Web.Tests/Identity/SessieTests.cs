using System.Net;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Afspraken;
using Leerlingzorg.Web.Features.Medewerkers;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Identity;

/// <summary>Deactivating an account ends its sessions at once: its cookie and its open circuits (OWASP ASVS 7.4.2).</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SessieTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    private async Task DeactiveerAsync(Guid medewerkerId)
    {
        var beheerder = await Data.UserAsync(fixture.A.School.Id, Rollen.Beheerder);
        await using var scope = fixture.App.ScopeAs(beheerder, Rollen.Beheerder);
        var result = await scope.ServiceProvider.GetRequiredService<MedewerkerDeactiverenHandler>().HandleAsync(medewerkerId);
        Assert.True(result.IsGelukt, result.Fout?.Melding);
    }

    // The auth cookie is Secure outside Development: the client must speak https to send it back.
    private HttpClient Https() => fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
    });

    [Fact]
    public async Task The_cookie_of_a_deactivated_account_is_refused_on_the_next_request()
    {
        var docent = await Data.UserAsync(fixture.A.School.Id, Rollen.Docent);
        var client = Https();
        Assert.True(LoginClient.IsSignedIn(await LoginClient.LoginAsync(client, docent.Email!, TestData.Wachtwoord)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);

        await DeactiveerAsync(docent.Id);

        var after = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cookie_of_another_user_stays_valid_when_one_account_is_deactivated()
    {
        var blijft = await Data.UserAsync(fixture.A.School.Id, Rollen.Docent);
        var gaat = await Data.UserAsync(fixture.A.School.Id, Rollen.Docent);
        var client = Https();
        Assert.True(LoginClient.IsSignedIn(await LoginClient.LoginAsync(client, blijft.Email!, TestData.Wachtwoord)));
        await DeactiveerAsync(gaat.Id);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task Turning_off_two_step_verification_keeps_the_own_session_signed_in()
    {
        var docent = await Data.UserAsync(fixture.A.School.Id, Rollen.Docent);
        var client = Https();
        Assert.True(LoginClient.IsSignedIn(await LoginClient.LoginAsync(client, docent.Email!, TestData.Wachtwoord)));
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            // Without a new stamp, as if it was turned on in an earlier session.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            var stored = (await users.FindByIdAsync(docent.Id.ToString()))!;
            stored.TwoFactorEnabled = true;
            await users.UpdateAsync(stored);
        }
        var page = await client.GetStringAsync("/Account/Manage/Disable2fa");
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "disable-2fa", ["__RequestVerificationToken"] = token });
        var disabled = await client.PostAsync("/Account/Manage/Disable2fa", form);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("TwoFactorAuthentication", disabled.Headers.Location!.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task An_open_circuit_of_a_deactivated_account_loses_its_user_at_once_and_its_handlers_refuse()
    {
        var mentor = fixture.A.Mentor;
        // A circuit's scope, as Blazor opens it: the authentication state from the cookie, then the circuit handlers.
        await using var circuit = fixture.App.Services.CreateAsyncScope();
        var authentication = circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(
            Task.FromResult(new AuthenticationState(TestPrincipal.For(mentor, [Rollen.Mentor]))));
        foreach (var handler in circuit.ServiceProvider.GetServices<CircuitHandler>())
        {
            await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        }
        var currentUser = circuit.ServiceProvider.GetRequiredService<CurrentUser>();
        var afspraken = circuit.ServiceProvider.GetRequiredService<MijnAfsprakenHandler>();
        Assert.True(currentUser.IsAuthenticated);
        Assert.NotEmpty(await afspraken.OpenAsync());

        await DeactiveerAsync(mentor.Id);

        Assert.False(currentUser.IsAuthenticated);
        Assert.Null(currentUser.SchoolId);
        Assert.Empty(await afspraken.OpenAsync());
        Assert.False((await authentication.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }
}
