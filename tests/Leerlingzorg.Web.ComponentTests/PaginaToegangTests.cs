using System.Reflection;
using Bunit;
using Leerlingzorg.Domain.Gebruikers;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor.Services;

namespace Leerlingzorg.Web.ComponentTests;

/// <summary>
/// Inside the app the router refuses a page the user may not open before the page exists: no heading, no handler
/// call, only the refusal. One way for every page: its [Authorize(Roles = …)] attribute.
/// </summary>
public sealed class PaginaToegangTests : BunitContext
{
    private const string Geweigerd = "U heeft geen toegang tot deze pagina.";

    public PaginaToegangTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public static TheoryData<string, string> Weigeringen => new()
    {
        { "/beheer/schooljaar", Rollen.Mentor },
        { "/beheer/organisatie", Rollen.Zorgcoordinator },
        { "/beheer/medewerkers", Rollen.Schoolleiding },
        { "/beheer/import", Rollen.Docent },
        { "/beheer/schooljaar", Rollen.Ouder },
        { "/leerlingen", Rollen.Ouder },
        { "/leerlingen/{Id:guid}", Rollen.Ouder },
        { "/klassen", Rollen.Ouder },
        { "/klassen/{Id:guid}", Rollen.Ouder },
        { "/klassen/{KlasId:guid}/voortgangsgesprekken", Rollen.Ouder },
        { "/gesprekken/{Id:guid}", Rollen.Ouder },
        { "/mijn-klassen", Rollen.Ouder },
        { "/mijn-afspraken", Rollen.Ouder },
        { "/leerlingen/{Id:guid}", Rollen.SwvOrthopedagoog },
        { "/mijn-kinderen", Rollen.Mentor },
        { "/mijn-kinderen/{LeerlingId:guid}/plan", Rollen.Zorgcoordinator },
        { "/mijn-kinderen/{LeerlingId:guid}/toestemming", Rollen.Mentor },
        { "/mijn-kinderen/{LeerlingId:guid}/wie-keek", Rollen.Zorgcoordinator },
        { "/samenwerkingsverband", Rollen.Ouder },
        { "/leerlingen/{LeerlingId:guid}/plannen/{PlanId:guid}", Rollen.Ouder },
        { "/swv/aanvragen/{Id:guid}", Rollen.Zorgcoordinator },
        { "/swv/aanvragen/{Id:guid}", Rollen.Ouder },
        { "/zorg/aanmeldingen", Rollen.Mentor },
        { "/zorg/samenwerkingsverband", Rollen.Mentor },
        { "/zorg/samenwerkingsverband", Rollen.SwvManager },
        { "/zorg/samenwerkingsverband", Rollen.Ouder },
        { "/zorg/aanmeldingen/{Id:guid}", Rollen.SwvManager },
        { "/school/ondersteuningsprofiel", Rollen.SwvMedewerker },
        { "/school/ondersteuningsprofiel", Rollen.Ouder },
    };

    [Theory]
    [MemberData(nameof(Weigeringen))]
    public void A_page_refuses_a_user_without_its_role_before_rendering_anything_of_it(string route, string rol)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Test Gebruiker");
        auth.SetRoles(rol);

        var cut = Render<AuthorizeRouteView>(p => p
            .Add(v => v.RouteData, new RouteData(Pagina(route), new Dictionary<string, object?>()))
            .Add(v => v.NotAuthorized, (RenderFragment<AuthenticationState>)(_ => b => b.AddContent(0, Geweigerd))));

        Assert.Equal(Geweigerd, cut.Markup.Trim());
        Assert.Empty(cut.FindAll("h1"));
    }

    [Fact]
    public void Every_page_under_Features_names_the_roles_that_may_open_it_except_the_start_page()
    {
        var zonderRollen = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Leerlingzorg.Web.Features", StringComparison.Ordinal) == true
                && t.GetCustomAttributes<RouteAttribute>().Any())
            .Where(t => string.IsNullOrEmpty(t.GetCustomAttributes<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().FirstOrDefault(a => a.Roles is not null)?.Roles))
            .Select(t => t.GetCustomAttribute<RouteAttribute>()!.Template)
            .ToList();
        Assert.Equal(["/"], zonderRollen);
    }

    private static Type Pagina(string route) =>
        typeof(Program).Assembly.GetTypes().Single(t => t.GetCustomAttributes<RouteAttribute>().Any(r => r.Template == route));
}
