using System.Net;
using System.Text.RegularExpressions;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.DemoData;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Identity;

/// <summary>OWASP ASVS 6.2.4, 6.2.11 and 6.3.1: no guessable password, and no unlimited guessing of the current one.</summary>
[Collection(DatabaseCollection.Name)]
public sealed partial class WachtwoordBeleidTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    private async Task<IdentityResult> MaakAsync(string email, string wachtwoord, Guid? schoolId = null)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        return await users.CreateAsync(new Gebruiker
        {
            Voornaam = "W", Achternaam = "Woord", SchoolId = schoolId ?? fixture.A.School.Id, Email = email, UserName = email,
        }, wachtwoord);
    }

    private static string Adres() => $"w{Guid.NewGuid():N}@test.example";

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("123456789012")]
    [InlineData("wachtwoord12")]
    [InlineData("Wachtwoord2026!")]
    [InlineData("WELKOM123456")]
    [InlineData("voetbal12345")]
    [InlineData("qwertyuiop123")]
    [InlineData("Leerlingzorg-demo-2026")]
    public async Task A_common_or_published_password_is_refused_in_Dutch(string wachtwoord)
    {
        var result = await MaakAsync(Adres(), wachtwoord);
        Assert.False(result.Succeeded, wachtwoord);
        Assert.All(result.Errors, e => Assert.DoesNotContain("password", e.Description, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(result.Errors, e => e.Description.Contains("wachtwoord", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_users_own_email_address_or_its_local_part_is_refused()
    {
        var lokaal = "marieke.jansen" + Guid.NewGuid().ToString("N")[..4];
        var email = lokaal + "@school.example";
        Assert.False((await MaakAsync(email, email)).Succeeded);
        var metLokaal = await MaakAsync(lokaal + "@andere.example", lokaal + "-2026!");
        Assert.False(metLokaal.Succeeded);
        Assert.Contains(metLokaal.Errors, e => e.Description.Contains("e-mailadres", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_name_of_the_school_or_of_the_application_is_refused()
    {
        var school = new School { Naam = "Rijnland College", Brinnummer = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), SamenwerkingsverbandId = fixture.A.Swv.Id };
        await using (var db = fixture.App.ContextFor(null))
        {
            db.Scholen.Add(school);
            await db.SaveChangesAsync();
        }
        Assert.False((await MaakAsync(Adres(), "RijnlandCollege!", school.Id)).Succeeded);
        Assert.False((await MaakAsync(Adres(), "ik werk op rijnland", school.Id)).Succeeded);
        Assert.False((await MaakAsync(Adres(), "mijn leerlingzorg wachtwoord", school.Id)).Succeeded);
        // A generic word of the name alone is not the school's name.
        Assert.True((await MaakAsync(Adres(), "naar het college van vanavond", school.Id)).Succeeded);
    }

    [Fact]
    public async Task A_long_passphrase_with_a_common_word_in_it_is_accepted()
    {
        Assert.True((await MaakAsync(Adres(), "welkom in de groene fietsenstalling")).Succeeded);
        Assert.True((await MaakAsync(Adres(), "paarse olifant danst op het dak")).Succeeded);
    }

    [Fact]
    public async Task The_demo_accounts_still_sign_in_with_the_published_demo_password()
    {
        // The seeder stores the hash itself: the policy guards what people choose, not the demo.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            var demo = new Gebruiker { Voornaam = "Demo", Achternaam = "Mentor", SchoolId = fixture.A.School.Id, Email = Adres(), UserName = "" };
            demo.UserName = demo.Email;
            demo.PasswordHash = users.PasswordHasher.HashPassword(demo, DemoDataSeeder.Wachtwoord);
            Assert.True((await users.CreateAsync(demo)).Succeeded);
            Assert.True(await users.CheckPasswordAsync(demo, DemoDataSeeder.Wachtwoord));
        }
    }

    [Fact]
    public async Task Five_wrong_current_passwords_on_the_change_password_page_block_the_account_and_sign_out()
    {
        var user = await Data.UserAsync(fixture.A.School.Id, "Mentor");
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
        });
        Assert.True(LoginClient.IsSignedIn(await LoginClient.LoginAsync(client, user.Email!, TestData.Wachtwoord)));

        HttpResponseMessage response = null!;
        for (var poging = 1; poging <= 5; poging++)
        {
            response = await ChangeAsync(client, "geraden-wachtwoord-" + poging, "een nieuw lang wachtwoord");
            if (poging < 5)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("Uw huidige wachtwoord klopt niet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Account/Lockout", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        // Signed out: the next page asks for a login, and the right password does not sign in for now.
        var manage = await client.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, manage.StatusCode);
        Assert.Contains("/Account/Login", manage.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(LoginClient.IsSignedIn(await LoginClient.LoginAsync(LoginClient.Create(fixture.App), user.Email!, TestData.Wachtwoord)));
    }

    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, string oud, string nieuw)
    {
        var token = WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync("/Account/Manage/ChangePassword")).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = token,
            ["Input.OldPassword"] = oud,
            ["Input.NewPassword"] = nieuw,
            ["Input.ConfirmPassword"] = nieuw,
        });
        return await client.PostAsync("/Account/Manage/ChangePassword", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
