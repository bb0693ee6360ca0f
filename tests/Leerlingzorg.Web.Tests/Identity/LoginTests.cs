using System.Net;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Identity;

[Collection(DatabaseCollection.Name)]
public sealed class LoginTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private const string Mislukt = "Inloggen is niet gelukt";

    [Fact]
    public async Task A_user_signs_in_with_email_and_password_and_gets_the_auth_cookie()
    {
        var user = await new TestData(fixture.App).UserAsync(fixture.A.School.Id, "Mentor");
        var response = await LoginAsync(user.Email!, TestData.Wachtwoord);
        Assert.True(LoginClient.IsSignedIn(response));
        var location = response.Headers.Location!;
        Assert.Equal("/", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_a_correct_sixth_is_refused()
    {
        var user = await new TestData(fixture.App).UserAsync(fixture.A.School.Id, "Mentor");
        var client = LoginClient.Create(fixture.App);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await LoginClient.LoginAsync(client, user.Email!, "fout-wachtwoord-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains(Mislukt, await wrong.Content.ReadAsStringAsync());
        }
        var sixth = await LoginClient.LoginAsync(client, user.Email!, TestData.Wachtwoord);
        Assert.False(LoginClient.IsSignedIn(sixth));
        Assert.Contains(Mislukt, await sixth.Content.ReadAsStringAsync());

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var end = await users.GetLockoutEndDateAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        Assert.NotNull(end);
        Assert.InRange(end.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task An_unknown_address_gets_exactly_the_same_answer_as_a_wrong_password()
    {
        var user = await new TestData(fixture.App).UserAsync(fixture.A.School.Id, "Mentor");
        var wrongPassword = await (await LoginAsync(user.Email!, "niet-het-wachtwoord")).Content.ReadAsStringAsync();
        var unknown = await (await LoginAsync("bestaat-niet@test.example", "niet-het-wachtwoord")).Content.ReadAsStringAsync();
        Assert.Equal(Message(wrongPassword), Message(unknown));
        Assert.Contains(Mislukt, Message(unknown));
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        var user = await new TestData(fixture.App).UserAsync(fixture.A.School.Id, "Docent");
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
            stored.Actief = false;
            await users.UpdateAsync(stored);
        }
        var response = await LoginAsync(user.Email!, TestData.Wachtwoord);
        Assert.False(LoginClient.IsSignedIn(response));
    }

    [Fact]
    public async Task A_password_shorter_than_twelve_characters_is_refused_in_Dutch()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var result = await users.CreateAsync(new Gebruiker { Voornaam = "K", Achternaam = "Kort", SchoolId = fixture.A.School.Id, Email = "kort@test.example", UserName = "kort@test.example" }, "kort-ww");
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Description.Contains("minstens 12 tekens", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_password_without_digits_or_capitals_is_accepted()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var result = await users.CreateAsync(new Gebruiker { Voornaam = "Z", Achternaam = "Zin", SchoolId = fixture.A.School.Id, Email = "zin@test.example", UserName = "zin@test.example" }, "een lange zin als wachtwoord");
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Revalidation_of_open_sessions_happens_within_five_minutes()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>();
        Assert.True(options.Value.ValidationInterval <= TimeSpan.FromMinutes(5));
        Assert.True(IdentitySetup.RevalidationInterval <= TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Passkey_sign_in_options_do_not_reveal_whether_an_address_has_an_account()
    {
        var user = await new TestData(fixture.App).UserAsync(fixture.A.School.Id, "Mentor");
        var client = LoginClient.Create(fixture.App);
        var token = await LoginClient.TokenAsync(client);
        async Task<string> OptionsFor(string email)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/Account/PasskeyRequestOptions?username={Uri.EscapeDataString(email)}");
            request.Headers.Add("RequestVerificationToken", token);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.TryGetProperty("allowCredentials", out var allowed) ? allowed.GetRawText() : "[]";
        }
        Assert.Equal(await OptionsFor("bestaat-niet@test.example"), await OptionsFor(user.Email!));
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        LoginClient.LoginAsync(LoginClient.Create(fixture.App), email, password);

    private static string Message(string html)
    {
        var start = html.IndexOf("data-testid=\"login-fout\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "geen foutmelding op de pagina");
        start = html.IndexOf('>', start) + 1;
        return html[start..html.IndexOf('<', start)];
    }
}
