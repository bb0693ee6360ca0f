using System.Text;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Medewerkers;
using Leerlingzorg.Web.Features.Ontwikkeling;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Medewerkers;

/// <summary>Staff accounts of a school: invited, given and taken roles, deactivated — by its Beheerder only.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class MedewerkersTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private const string NieuwWachtwoord = "Een-eigen-wachtwoord-2026";
    private static readonly Uri Basis = new("https://leerlingzorg.test/");

    private TestData Data => new(fixture.App);
    private SchoolScenario A => fixture.A;
    private SchoolScenario B => fixture.B;
    private MailOutbox Outbox => fixture.App.Services.GetRequiredService<MailOutbox>();

    private static T Handler<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private async Task<(Gebruiker Beheerder, AsyncServiceScope Scope)> AlsBeheerderAsync(SchoolScenario school)
    {
        var beheerder = await Data.UserAsync(school.School.Id, Rollen.Beheerder);
        return (beheerder, fixture.App.ScopeAs(beheerder, Rollen.Beheerder));
    }

    private static Uitnodiging Uitnodiging(string achternaam, params string[] rollen) => new()
    {
        Voornaam = "Anna",
        Tussenvoegsel = "van",
        Achternaam = achternaam,
        Email = $"{achternaam.ToLowerInvariant()}@school.example",
        Rollen = rollen.Length == 0 ? [Rollen.Mentor, Rollen.Docent] : rollen,
    };

    private static string Uniek(string voorvoegsel) => voorvoegsel + Guid.NewGuid().ToString("N")[..8];

    private async Task<Gebruiker> LaadAsync(Guid id)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>().FindByIdAsync(id.ToString()))!;
    }

    private async Task<IList<string>> RollenVanAsync(Guid id)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(id.ToString()))!);
    }

    private static string Token(OutboxMail mail)
    {
        var code = QueryHelpers.ParseQuery(new Uri(mail.Link!).Query)["code"].ToString();
        return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
    }

    [Fact]
    public async Task An_invited_staff_member_gets_an_account_of_the_school_with_his_roles_and_a_mail_with_a_working_link()
    {
        var (_, scope) = await AlsBeheerderAsync(A);
        var achternaam = Uniek("Dijk");
        var uitnodiging = Uitnodiging(achternaam, Rollen.Mentor, Rollen.Docent);
        Result<Guid> result;
        await using (scope)
        {
            result = await Handler<MedewerkerUitnodigenHandler>(scope).HandleAsync(uitnodiging, Basis);
        }

        Assert.True(result.IsGelukt, result.Fout?.Melding);
        var user = await LaadAsync(result.Waarde);
        Assert.Equal((A.School.Id, "Anna", "van", achternaam, uitnodiging.Email), (user.SchoolId, user.Voornaam, user.Tussenvoegsel, user.Achternaam, user.Email));
        Assert.True(user.EmailConfirmed);
        Assert.True(user.Actief);
        Assert.Null(user.PasswordHash);
        Assert.Equal([Rollen.Docent, Rollen.Mentor], (await RollenVanAsync(user.Id)).Order());

        var mail = Assert.Single((await fixture.App.BezorgdeMailAsync()), m => m.Aan == uitnodiging.Email);
        Assert.Equal("Uitnodiging voor Leerlingzorg", mail.Onderwerp);
        Assert.Equal(A.School.Id, mail.SchoolId);
        Assert.StartsWith("https://leerlingzorg.test/Account/ResetPassword?code=", mail.Link, StringComparison.Ordinal);

        await using (var s = fixture.App.Services.CreateAsyncScope())
        {
            var users = s.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            var reset = await users.ResetPasswordAsync((await users.FindByIdAsync(user.Id.ToString()))!, Token(mail), NieuwWachtwoord);
            Assert.True(reset.Succeeded, string.Join(" ", reset.Errors.Select(e => e.Description)));
        }
        var client = LoginClient.Create(fixture.App);
        Assert.True(LoginClient.IsSignedIn(await LoginClient.LoginAsync(client, uitnodiging.Email, NieuwWachtwoord)));

        await using var db = fixture.App.ContextFor(A.School.Id);
        var audit = await db.AuditEntries.SingleAsync(e => e.Detail.StartsWith($"medewerker {user.Id} uitgenodigd"));
        Assert.Equal(AuditActie.Aanmaken, audit.Actie);
        Assert.DoesNotContain(achternaam, audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(uitnodiging.Email, audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reset_password_page_accepts_the_link_of_the_invitation()
    {
        var (_, scope) = await AlsBeheerderAsync(A);
        var uitnodiging = Uitnodiging(Uniek("Link"));
        await using (scope)
        {
            Assert.True((await Handler<MedewerkerUitnodigenHandler>(scope).HandleAsync(uitnodiging, Basis)).IsGelukt);
        }
        var mail = Assert.Single((await fixture.App.BezorgdeMailAsync()), m => m.Aan == uitnodiging.Email);
        var response = await LoginClient.Create(fixture.App).GetAsync(new Uri(mail.Link!).PathAndQuery);
        // The page redirects to "invalid link" when it cannot decode the code.
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_anywhere_is_refused_in_Dutch()
    {
        var (_, scope) = await AlsBeheerderAsync(A);
        await using (scope)
        {
            var handler = Handler<MedewerkerUitnodigenHandler>(scope);
            var uitnodiging = Uitnodiging(Uniek("Dubbel"));
            Assert.True((await handler.HandleAsync(uitnodiging, Basis)).IsGelukt);

            var nogmaals = await handler.HandleAsync(uitnodiging with { Email = uitnodiging.Email.ToUpperInvariant() }, Basis);
            Assert.Equal(FoutSoort.Conflict, nogmaals.Fout?.Soort);
            Assert.StartsWith("Er is al een account met het e-mailadres", nogmaals.Fout?.Melding, StringComparison.Ordinal);

            var vanB = await handler.HandleAsync(Uitnodiging("x") with { Email = B.Mentor.Email! }, Basis);
            Assert.Equal(FoutSoort.Conflict, vanB.Fout?.Soort);
        }
        Assert.Equal(B.School.Id, (await LaadAsync(B.Mentor.Id)).SchoolId);
    }

    [Fact]
    public async Task An_invitation_with_a_parent_role_is_refused_by_the_handler()
    {
        var (_, scope) = await AlsBeheerderAsync(A);
        await using (scope)
        {
            var result = await Handler<MedewerkerUitnodigenHandler>(scope).HandleAsync(Uitnodiging(Uniek("Ouder"), Rollen.Ouder), Basis);
            Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        }
    }

    [Fact]
    public async Task Roles_are_given_and_taken_and_taking_one_renews_the_security_stamp()
    {
        var medewerker = await Data.UserAsync(A.School.Id, Rollen.Docent);
        var (_, scope) = await AlsBeheerderAsync(A);
        await using (scope)
        {
            var handler = Handler<MedewerkerRollenWijzigenHandler>(scope);
            var stamp = (await LaadAsync(medewerker.Id)).SecurityStamp;
            Assert.True((await handler.HandleAsync(new MedewerkerRollen { MedewerkerId = medewerker.Id, Rollen = [Rollen.Docent, Rollen.Mentor] })).IsGelukt);
            Assert.Equal([Rollen.Docent, Rollen.Mentor], (await RollenVanAsync(medewerker.Id)).Order());

            var genomen = await handler.HandleAsync(new MedewerkerRollen { MedewerkerId = medewerker.Id, Rollen = [Rollen.Mentor, Rollen.Zorgcoordinator] });
            Assert.True(genomen.IsGelukt, genomen.Fout?.Melding);
            Assert.Equal([Rollen.Mentor, Rollen.Zorgcoordinator], (await RollenVanAsync(medewerker.Id)).Order());
            Assert.NotEqual(stamp, (await LaadAsync(medewerker.Id)).SecurityStamp);
        }
        await using var db = fixture.App.ContextFor(A.School.Id);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Detail == $"rollen van medewerker {medewerker.Id} gewijzigd; gegeven: Zorgcoordinator; afgenomen: Docent"));
    }

    [Fact]
    public async Task A_parent_role_is_left_alone_when_staff_roles_change()
    {
        var ouderEnDocent = await Data.UserAsync(A.School.Id, Rollen.Ouder, Rollen.Docent);
        var (_, scope) = await AlsBeheerderAsync(A);
        await using (scope)
        {
            Assert.True((await Handler<MedewerkerRollenWijzigenHandler>(scope)
                .HandleAsync(new MedewerkerRollen { MedewerkerId = ouderEnDocent.Id, Rollen = [Rollen.Mentor] })).IsGelukt);
        }
        Assert.Equal([Rollen.Mentor, Rollen.Ouder], (await RollenVanAsync(ouderEnDocent.Id)).Order());
    }

    [Fact]
    public async Task A_Beheerder_cannot_take_his_own_Beheerder_role_nor_deactivate_himself()
    {
        var (beheerder, scope) = await AlsBeheerderAsync(A);
        await using (scope)
        {
            var rollen = await Handler<MedewerkerRollenWijzigenHandler>(scope)
                .HandleAsync(new MedewerkerRollen { MedewerkerId = beheerder.Id, Rollen = [Rollen.Docent] });
            Assert.Equal(FoutSoort.Ongeldig, rollen.Fout?.Soort);
            var deactiveren = await Handler<MedewerkerDeactiverenHandler>(scope).HandleAsync(beheerder.Id);
            Assert.Equal(FoutSoort.Ongeldig, deactiveren.Fout?.Soort);
            Assert.Equal("U kunt uw eigen account niet deactiveren. Vraag dat zo nodig een andere beheerder.", deactiveren.Fout?.Melding);
        }
        var user = await LaadAsync(beheerder.Id);
        Assert.True(user.Actief);
        Assert.Equal([Rollen.Beheerder], await RollenVanAsync(beheerder.Id));
    }

    [Fact]
    public async Task Deactivating_renews_the_security_stamp_and_stops_signing_in_until_reactivated()
    {
        var medewerker = await Data.UserAsync(A.School.Id, Rollen.Mentor);
        var stamp = (await LaadAsync(medewerker.Id)).SecurityStamp;
        var (_, scope) = await AlsBeheerderAsync(A);
        await using (scope)
        {
            var result = await Handler<MedewerkerDeactiverenHandler>(scope).HandleAsync(medewerker.Id);
            Assert.True(result.IsGelukt, result.Fout?.Melding);
        }
        var gedeactiveerd = await LaadAsync(medewerker.Id);
        Assert.False(gedeactiveerd.Actief);
        Assert.NotEqual(stamp, gedeactiveerd.SecurityStamp);
        await using (var s = fixture.App.Services.CreateAsyncScope())
        {
            Assert.False(await s.ServiceProvider.GetRequiredService<SignInManager<Gebruiker>>().CanSignInAsync(gedeactiveerd));
        }
        Assert.False(LoginClient.IsSignedIn(await LoginClient.LoginAsync(LoginClient.Create(fixture.App), medewerker.Email!, TestData.Wachtwoord)));

        var (_, tweede) = await AlsBeheerderAsync(A);
        await using (tweede)
        {
            Assert.True((await Handler<MedewerkerHeractiverenHandler>(tweede).HandleAsync(medewerker.Id)).IsGelukt);
        }
        var weerActief = await LaadAsync(medewerker.Id);
        Assert.True(weerActief.Actief);
        await using (var s = fixture.App.Services.CreateAsyncScope())
        {
            Assert.True(await s.ServiceProvider.GetRequiredService<SignInManager<Gebruiker>>().CanSignInAsync(weerActief));
        }
        await using var db = fixture.App.ContextFor(A.School.Id);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Detail == $"medewerker {medewerker.Id} gedeactiveerd" || e.Detail == $"medewerker {medewerker.Id} geheractiveerd"));
    }

    [Fact]
    public async Task A_new_invitation_sends_a_fresh_working_link_but_not_to_a_deactivated_member()
    {
        var (_, scope) = await AlsBeheerderAsync(A);
        await using (scope)
        {
            var uitnodiging = Uitnodiging(Uniek("Opnieuw"));
            var id = (await Handler<MedewerkerUitnodigenHandler>(scope).HandleAsync(uitnodiging, Basis)).Waarde;
            var opnieuw = await Handler<UitnodigingOpnieuwVersturenHandler>(scope).HandleAsync(id, Basis);
            Assert.Equal(uitnodiging.Email, opnieuw.Waarde);
            var mails = (await fixture.App.BezorgdeMailAsync()).Where(m => m.Aan == uitnodiging.Email).ToList();
            Assert.Equal(2, mails.Count);

            await using (var s = fixture.App.Services.CreateAsyncScope())
            {
                var users = s.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
                Assert.True((await users.ResetPasswordAsync((await users.FindByIdAsync(id.ToString()))!, Token(mails[0]), NieuwWachtwoord)).Succeeded);
            }

            Assert.True((await Handler<MedewerkerDeactiverenHandler>(scope).HandleAsync(id)).IsGelukt);
            var gedeactiveerd = await Handler<UitnodigingOpnieuwVersturenHandler>(scope).HandleAsync(id, Basis);
            Assert.Equal(FoutSoort.Ongeldig, gedeactiveerd.Fout?.Soort);
        }
    }

    [Fact]
    public async Task Deactivating_voids_an_outstanding_invitation_link()
    {
        var (_, scope) = await AlsBeheerderAsync(A);
        var uitnodiging = Uitnodiging(Uniek("Vervallen"));
        Guid id;
        await using (scope)
        {
            id = (await Handler<MedewerkerUitnodigenHandler>(scope).HandleAsync(uitnodiging, Basis)).Waarde;
            Assert.True((await Handler<MedewerkerDeactiverenHandler>(scope).HandleAsync(id)).IsGelukt);
        }
        await using var s = fixture.App.Services.CreateAsyncScope();
        var users = s.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var mail = Assert.Single((await fixture.App.BezorgdeMailAsync()), m => m.Aan == uitnodiging.Email);
        Assert.False((await users.ResetPasswordAsync((await users.FindByIdAsync(id.ToString()))!, Token(mail), NieuwWachtwoord)).Succeeded);
    }

    [Fact]
    public async Task The_staff_list_is_searched_sorted_and_paged_and_holds_no_parents()
    {
        var (_, scope) = await AlsBeheerderAsync(A);
        await using (scope)
        {
            var familie = Uniek("Zoek");
            foreach (var voornaam in new[] { "Bram", "Carla", "Anouk" })
            {
                Assert.True((await Handler<MedewerkerUitnodigenHandler>(scope).HandleAsync(
                    Uitnodiging(familie) with { Voornaam = voornaam, Email = $"{voornaam}.{familie}@school.example".ToLowerInvariant() }, Basis)).IsGelukt);
            }
            var handler = Handler<MedewerkersOverzichtHandler>(scope);

            var eerste = (await handler.HandleAsync(new MedewerkersZoekopdracht(familie, new PaginaVerzoek(0, 2)))).Waarde!;
            Assert.Equal(3, eerste.Totaal);
            Assert.Equal(["Anouk", "Bram"], eerste.Items.Select(m => m.Voornaam));
            var tweede = (await handler.HandleAsync(new MedewerkersZoekopdracht(familie, new PaginaVerzoek(1, 2)))).Waarde!;
            Assert.Equal(["Carla"], tweede.Items.Select(m => m.Voornaam));
            var opEmail = (await handler.HandleAsync(new MedewerkersZoekopdracht(familie, new PaginaVerzoek(0, 5, MedewerkersOverzichtHandler.OpEmail, Aflopend: true)))).Waarde!;
            Assert.Equal(["Carla", "Bram", "Anouk"], opEmail.Items.Select(m => m.Voornaam));

            var gezocht = (await handler.HandleAsync(new MedewerkersZoekopdracht($"carla van {familie}"))).Waarde!;
            var carla = Assert.Single(gezocht.Items);
            Assert.Equal([Rollen.Mentor, Rollen.Docent], carla.Rollen);
            Assert.True(carla.Actief);
            Assert.False(carla.HeeftWachtwoord);
            Assert.Equal($"{familie}, Carla van", carla.Sorteernaam);

            var alleen = (await handler.HandleAsync(new MedewerkersZoekopdracht(null, new PaginaVerzoek(0, 100)))).Waarde!;
            Assert.Contains(alleen.Items, m => m.Id == A.Mentor.Id);
            Assert.DoesNotContain(alleen.Items, m => m.Id == A.OuderGebruiker.Id);
            Assert.DoesNotContain(alleen.Items, m => m.Id == B.Mentor.Id);
            var perEmail = (await handler.HandleAsync(new MedewerkersZoekopdracht(A.Mentor.Email))).Waarde!;
            Assert.Equal([A.Mentor.Id], perEmail.Items.Select(m => m.Id));
        }
    }

    [Fact]
    public async Task A_Beheerder_of_school_B_can_neither_list_nor_change_the_staff_of_school_A()
    {
        var medewerkerA = await Data.UserAsync(A.School.Id, Rollen.Docent);
        var stamp = (await LaadAsync(medewerkerA.Id)).SecurityStamp;
        var (_, scope) = await AlsBeheerderAsync(B);
        await using (scope)
        {
            var lijst = (await Handler<MedewerkersOverzichtHandler>(scope).HandleAsync(new MedewerkersZoekopdracht(null, new PaginaVerzoek(0, 100)))).Waarde!;
            Assert.DoesNotContain(lijst.Items, m => m.Id == medewerkerA.Id || m.Id == A.Mentor.Id);
            Assert.Equal(0, (await Handler<MedewerkersOverzichtHandler>(scope).HandleAsync(new MedewerkersZoekopdracht(medewerkerA.Email))).Waarde!.Totaal);

            Assert.Equal(FoutSoort.NietGevonden, (await Handler<MedewerkerDeactiverenHandler>(scope).HandleAsync(medewerkerA.Id)).Fout?.Soort);
            Assert.Equal(FoutSoort.NietGevonden, (await Handler<MedewerkerHeractiverenHandler>(scope).HandleAsync(medewerkerA.Id)).Fout?.Soort);
            Assert.Equal(FoutSoort.NietGevonden, (await Handler<MedewerkerRollenWijzigenHandler>(scope)
                .HandleAsync(new MedewerkerRollen { MedewerkerId = medewerkerA.Id, Rollen = [Rollen.Beheerder] })).Fout?.Soort);
            Assert.Equal(FoutSoort.NietGevonden, (await Handler<UitnodigingOpnieuwVersturenHandler>(scope).HandleAsync(medewerkerA.Id, Basis)).Fout?.Soort);
        }
        var ongewijzigd = await LaadAsync(medewerkerA.Id);
        Assert.True(ongewijzigd.Actief);
        Assert.Equal(stamp, ongewijzigd.SecurityStamp);
        Assert.Equal([Rollen.Docent], await RollenVanAsync(medewerkerA.Id));
        Assert.DoesNotContain((await fixture.App.BezorgdeMailAsync()), m => m.Aan == medewerkerA.Email);
    }

    [Fact]
    public async Task Parent_accounts_and_partnership_staff_are_not_staff_of_the_school()
    {
        var swv = await Data.SwvUserAsync(A.Swv.Id, Rollen.SwvMedewerker);
        var (_, scope) = await AlsBeheerderAsync(A);
        await using (scope)
        {
            Assert.Equal(FoutSoort.NietGevonden, (await Handler<MedewerkerDeactiverenHandler>(scope).HandleAsync(A.OuderGebruiker.Id)).Fout?.Soort);
            Assert.Equal(FoutSoort.NietGevonden, (await Handler<MedewerkerDeactiverenHandler>(scope).HandleAsync(swv.Id)).Fout?.Soort);
        }
    }

    public static TheoryData<string> GeenBeheerder => [Rollen.Mentor, Rollen.Zorgcoordinator, Rollen.Schoolleiding];

    [Theory]
    [MemberData(nameof(GeenBeheerder))]
    public async Task Only_a_Beheerder_manages_staff(string rol)
    {
        var user = await Data.UserAsync(A.School.Id, rol);
        var doel = await Data.UserAsync(A.School.Id, Rollen.Docent);
        await using var scope = fixture.App.ScopeAs(user, rol);
        var pogingen = new Dictionary<string, Func<Task<Fout?>>>
        {
            ["lijst"] = async () => (await Handler<MedewerkersOverzichtHandler>(scope).HandleAsync(new MedewerkersZoekopdracht())).Fout,
            ["uitnodigen"] = async () => (await Handler<MedewerkerUitnodigenHandler>(scope).HandleAsync(Uitnodiging(Uniek("Geen")), Basis)).Fout,
            ["rollen"] = async () => (await Handler<MedewerkerRollenWijzigenHandler>(scope)
                .HandleAsync(new MedewerkerRollen { MedewerkerId = user.Id, Rollen = [Rollen.Beheerder] })).Fout,
            ["deactiveren"] = async () => (await Handler<MedewerkerDeactiverenHandler>(scope).HandleAsync(doel.Id)).Fout,
            ["heractiveren"] = async () => (await Handler<MedewerkerHeractiverenHandler>(scope).HandleAsync(doel.Id)).Fout,
            ["opnieuw uitnodigen"] = async () => (await Handler<UitnodigingOpnieuwVersturenHandler>(scope).HandleAsync(doel.Id, Basis)).Fout,
        };
        foreach (var (wat, poging) in pogingen)
        {
            Assert.True((await poging())?.Soort == FoutSoort.GeenToegang, $"{rol} kreeg toegang tot: {wat}");
        }
        Assert.Equal([rol], await RollenVanAsync(user.Id));
        Assert.True((await LaadAsync(doel.Id)).Actief);
    }

    [Fact]
    public async Task The_outbox_page_exists_only_in_Development()
    {
        var (_, scope) = await AlsBeheerderAsync(A);
        await using (scope)
        {
            // The test host runs as "Testing".
            Assert.Equal(FoutSoort.NietGevonden, Handler<OutboxHandler>(scope).Handle().Fout?.Soort);
        }
    }

    [Fact]
    public async Task In_Development_a_Beheerder_sees_the_mails_of_his_own_school_only()
    {
        var outbox = new MailOutbox(TimeProvider.System);
        outbox.Add(new Gebruiker { Voornaam = "T", Achternaam = "A", SchoolId = A.School.Id }, "a@a.example", "voor A", "tekst", "https://x.example/a");
        outbox.Add(new Gebruiker { Voornaam = "T", Achternaam = "B", SchoolId = B.School.Id }, "b@b.example", "voor B", "tekst", null);
        var development = new Omgeving(Microsoft.Extensions.Hosting.Environments.Development);

        var beheerder = new Leerlingzorg.Web.Infrastructure.Tenancy.CurrentUser();
        beheerder.Set(TestPrincipal.For(await Data.UserAsync(A.School.Id, Rollen.Beheerder), [Rollen.Beheerder]));
        Assert.Equal(["voor A"], new OutboxHandler(outbox, beheerder, development).Handle().Waarde!.Select(m => m.Onderwerp));

        var mentor = new Leerlingzorg.Web.Infrastructure.Tenancy.CurrentUser();
        mentor.Set(TestPrincipal.For(A.Mentor, [Rollen.Mentor]));
        Assert.Equal(FoutSoort.GeenToegang, new OutboxHandler(outbox, mentor, development).Handle().Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, new OutboxHandler(outbox, beheerder, new Omgeving("Production")).Handle().Fout?.Soort);
    }

    private sealed class Omgeving(string naam) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = naam;
        public string ApplicationName { get; set; } = "Leerlingzorg.Web";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    [Fact]
    public void The_outbox_keeps_the_last_200_mails_newest_first()
    {
        var outbox = new MailOutbox(TimeProvider.System);
        var user = new Gebruiker { Voornaam = "Test", Achternaam = "Outbox", SchoolId = A.School.Id };
        for (var i = 0; i < MailOutbox.Capaciteit + 5; i++)
        {
            outbox.Add(user, "a@b.example", $"mail {i}", "tekst", null);
        }
        var mails = outbox.Alle();
        Assert.Equal(MailOutbox.Capaciteit, mails.Count);
        Assert.Equal($"mail {MailOutbox.Capaciteit + 4}", mails[0].Onderwerp);
        Assert.Equal("mail 5", mails[^1].Onderwerp);
    }
}
