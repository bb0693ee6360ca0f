using System.Net;
using Leerlingzorg.Web.Tests.Infrastructure;

namespace Leerlingzorg.Web.Tests.Operations;

/// <summary>
/// The database goes away and comes back while the application keeps running: the user sees a Dutch 503
/// page meanwhile, and the application recovers by itself. Uses a cluster of its own, so that stopping it
/// does not disturb the other tests.
/// </summary>
public sealed class DatabaseOutageTests() : EigenClusterTests("outage")
{
    [Fact]
    public async Task While_the_database_is_down_users_get_a_Dutch_page_and_the_app_recovers_when_it_returns()
    {
        var client = LoginClient.Create(App);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await Postgres.StopAsync();
        var down = await LoginClient.LoginAsync(client, "iemand@test.example", "een-wachtwoord-123");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var html = await down.Content.ReadAsStringAsync();
        Assert.Contains("Leerlingzorg is even niet bereikbaar", html);
        Assert.Contains("Er gaan geen gegevens verloren", html);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);

        await Postgres.RestartAsync();
        // Connections broken by the restart are dropped from the pool as they are found; a few tries at most.
        HttpResponseMessage back = null!;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            back = await LoginClient.LoginAsync(client, "iemand@test.example", "een-wachtwoord-123");
            if (back.StatusCode == HttpStatusCode.OK)
            {
                break;
            }
            await Task.Delay(300);
        }
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains("Inloggen is niet gelukt", await back.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_gets_the_stylesheet_without_a_database_lookup_also_while_it_is_down()
    {
        var school = await new TestData(App).SchoolAsync("Stijlschool");
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
        });
        Assert.True(LoginClient.IsSignedIn(await LoginClient.LoginAsync(client, school.Mentor.Email!, TestData.Wachtwoord)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);

        await Postgres.StopAsync();
        try
        {
            // The cookie is checked against the database on every page request, but not for a static asset.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/Account/Manage")).StatusCode);
        }
        finally
        {
            await Postgres.RestartAsync();
        }
    }
}
