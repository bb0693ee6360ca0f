using System.Net;
using System.Text.RegularExpressions;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Tests.Features;

/// <summary>
/// Pages refuse one way: the route's [Authorize] attribute, before any content of the page (its heading included) is
/// rendered. Opened by URL the endpoint's authorization sends the user to the "Geen toegang" page; navigating inside the
/// app the router shows the same words (the NotAuthorized view of Routes.razor). Checked over HTTP, signed in through
/// the real login form.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed partial class PaginaToegangTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private const string GeenToegang = "U heeft geen toegang tot deze pagina.";

    public static TheoryData<string> Medewerkerpaginas => new()
    {
        "/leerlingen", "/leerlingen/{leerling}", "/klassen", "/klassen/{klas}", "/klassen/{klas}/voortgangsgesprekken",
        "/gesprekken/{gesprek}", "/mijn-klassen", "/mijn-afspraken", "/mijn-inzetten", "/zorg/overzicht", "/ondersteuning/aanbod",
        "/besprekingen", "/besprekingen/partners", "/besprekingen/{id}", "/besprekingen/{id}/verslag", "/inventarisaties/{id}",
        "/zorg/plannen", "/plannen/{id}/vergelijken",
    };

    public static TheoryData<string> Beheerpaginas => new()
    {
        "/beheer/schooljaar", "/beheer/organisatie", "/beheer/medewerkers", "/beheer/import", "/beheer/mail", "/ontwikkeling/outbox",
    };

    [Theory]
    [MemberData(nameof(Medewerkerpaginas))]
    public async Task A_parent_who_opens_a_staff_page_gets_the_refusal_and_nothing_of_the_page(string pagina)
    {
        var html = await PaginaAsync(fixture.A.OuderGebruiker, pagina);
        Assert.Contains(GeenToegang, html, StringComparison.Ordinal);
        Assert.Equal(["Geen toegang"], Koppen(html));
        // His own child's name appears nowhere on the staff pages.
        Assert.DoesNotContain($"Leerling1 {fixture.A.School.Naam}", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Beheerpaginas))]
    public async Task A_mentor_who_opens_a_beheer_page_gets_the_refusal_without_its_heading(string pagina)
    {
        var html = await PaginaAsync(fixture.A.Mentor, pagina);
        Assert.Contains(GeenToegang, html, StringComparison.Ordinal);
        Assert.Equal(["Geen toegang"], Koppen(html));
    }

    [Fact]
    public async Task A_mentor_opens_the_page_of_a_student_of_his_class_and_a_parent_his_children()
    {
        var leerling = await PaginaAsync(fixture.A.Mentor, "/leerlingen/{leerling}");
        Assert.DoesNotContain(GeenToegang, leerling, StringComparison.Ordinal);
        Assert.DoesNotContain("Geen toegang", Koppen(leerling));
        var kinderen = await PaginaAsync(fixture.A.OuderGebruiker, "/mijn-kinderen");
        Assert.DoesNotContain("Geen toegang", Koppen(kinderen));
        Assert.Equal(["Geen toegang"], Koppen(await PaginaAsync(fixture.A.Mentor, "/mijn-kinderen")));
        var plan = await PaginaAsync(fixture.A.OuderGebruiker, $"/mijn-kinderen/{fixture.A.Leerlingen[0].Id}/plan");
        Assert.DoesNotContain("Geen toegang", Koppen(plan));
        Assert.Equal(["Geen toegang"], Koppen(await PaginaAsync(fixture.A.Mentor, $"/mijn-kinderen/{fixture.A.Leerlingen[0].Id}/plan")));
    }

    private async Task<string> PaginaAsync(Gebruiker user, string pagina)
    {
        // Over https, as the browser: the sign-in cookie is Secure and would not travel over http.
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
        });
        Assert.True(LoginClient.IsSignedIn(await LoginClient.LoginAsync(client, user.Email!, TestData.Wachtwoord)));
        Guid gesprek;
        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            gesprek = await db.Gesprekken.Where(g => g.AuteurId == fixture.A.Mentor.Id).Select(g => g.Id).FirstAsync();
        }
        var url = pagina.Replace("{leerling}", fixture.A.Leerlingen[0].Id.ToString(), StringComparison.Ordinal)
            .Replace("{klas}", fixture.A.Klas.Id.ToString(), StringComparison.Ordinal)
            .Replace("{gesprek}", gesprek.ToString(), StringComparison.Ordinal)
            .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/Account/AccessDenied")
        {
            response = await client.GetAsync(response.Headers.Location);
        }
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The text of every h1 of the page.</summary>
    private static List<string> Koppen(string html) =>
        Kop().Matches(html).Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim()).ToList();

    [GeneratedRegex("<h1[^>]*>(.*?)</h1>", RegexOptions.Singleline)]
    private static partial Regex Kop();
}
