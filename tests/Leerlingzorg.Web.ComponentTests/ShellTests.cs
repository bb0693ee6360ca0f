using System.Security.Claims;
using Bunit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Components.Layout;
using Leerlingzorg.Web.Components.Shared;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Leerlingzorg.Web.Features.Ouderportaal;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Leerlingzorg.Web.ComponentTests;

/// <summary>The shell's navigation follows the user's roles; labels and landmarks are there for a screen reader.</summary>
public sealed class ShellTests : BunitContext
{
    public ShellTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private IRenderedComponent<NavMenu> RenderNavFor(Guid? school, Guid? swv, params string[] rollen)
    {
        var user = new CurrentUser();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(LeerlingzorgClaims.Naam, "Test Gebruiker") };
        if (school is { } s)
        {
            claims.Add(new Claim(LeerlingzorgClaims.SchoolId, s.ToString()));
        }
        if (swv is { } w)
        {
            claims.Add(new Claim(LeerlingzorgClaims.SamenwerkingsverbandId, w.ToString()));
        }
        claims.AddRange(rollen.Select(r => new Claim(ClaimTypes.Role, r)));
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")));
        Services.AddSingleton(user);
        return Render<NavMenu>();
    }

    [Fact]
    public void A_parent_who_chose_English_gets_the_menu_in_English()
    {
        var user = new CurrentUser();
        user.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(LeerlingzorgClaims.SchoolId, Guid.NewGuid().ToString()), new(ClaimTypes.Role, Rollen.Ouder)], "Test")));
        Services.AddSingleton(user);
        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)
            .Create(typeof(Portaaltekst));
        var taal = new Portaaltaal(new StringLocalizer<Portaaltekst>(new LocalizerFactory(localizer)), new HttpContextAccessor(), null!, user);
        taal.Kies(true);
        var nav = Render<NavMenu>(p => p.Add(n => n.Taal, taal));
        Assert.Equal(["Home", "My children", "My account"], Links(nav));
        Assert.Equal("Main menu", nav.Find("nav").GetAttribute("aria-label"));
    }

    private sealed class LocalizerFactory(IStringLocalizer localizer) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => localizer;
        public IStringLocalizer Create(string baseName, string location) => localizer;
    }

    private static List<string> Links(IRenderedComponent<NavMenu> nav) =>
        nav.FindAll("a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public void A_mentor_gets_Mijn_klassen_and_not_the_class_list()
    {
        var links = Links(RenderNavFor(Guid.NewGuid(), null, Rollen.Mentor));
        Assert.Contains("Mijn klassen", links);
        Assert.DoesNotContain("Klassen", links);
        Assert.Contains("Mijn account", links);
    }

    [Fact]
    public void A_mentor_who_also_teaches_gets_the_classes_he_teaches_too()
    {
        var links = Links(RenderNavFor(Guid.NewGuid(), null, Rollen.Mentor, Rollen.Docent));
        Assert.Contains("Mijn klassen", links);
        Assert.Contains("Klassen", links);
    }

    [Fact]
    public void A_zorgcoordinator_gets_the_classes_of_the_school()
    {
        var links = Links(RenderNavFor(Guid.NewGuid(), null, Rollen.Zorgcoordinator));
        Assert.Contains("Klassen", links);
        Assert.DoesNotContain("Mijn klassen", links);
    }

    [Fact]
    public void A_parent_gets_his_children_only()
    {
        var links = Links(RenderNavFor(Guid.NewGuid(), null, Rollen.Ouder));
        Assert.Equal(["Start", "Mijn kinderen", "Mijn account"], links);
    }

    [Fact]
    public void Partnership_staff_get_the_schools_of_the_partnership()
    {
        var links = Links(RenderNavFor(null, Guid.NewGuid(), Rollen.SwvManager));
        Assert.Contains("Scholen", links);
        Assert.DoesNotContain("Klassen", links);
    }

    [Fact]
    public void The_navigation_is_a_labelled_landmark()
    {
        var nav = RenderNavFor(Guid.NewGuid(), null, Rollen.Mentor);
        Assert.Equal("Hoofdmenu", nav.Find("nav").GetAttribute("aria-label"));
    }

    [Fact]
    public void An_expected_failure_is_shown_in_Dutch_with_a_way_back()
    {
        var melding = Render<Foutmelding>(p => p.Add(f => f.Fout, Fout.NietGevonden("De leerling")));
        Assert.Contains("De leerling is niet gevonden.", melding.Markup, StringComparison.Ordinal);
        Assert.Contains("Terug naar de startpagina", melding.Markup, StringComparison.Ordinal);
    }
}
