using System.Net;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Features.Planversies;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Planversies;

/// <summary>
/// Reading and comparing the versions of a plan, and its PDF (issue 11): Zorg level (mentor, coördinator, care roles), never a
/// docent or a parent; the compare page's default versions; the decisions with names; audited. And the school's instemming
/// setting, only for the beheerder.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class PlanversiesTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly DateOnly Vandaag = Schooldag.Vandaag;

    private TestData Data => new(fixture.App);

    private sealed record School(SchoolScenario S, Gebruiker Zorg, Plan Plan, Plan Enkel);

    /// <summary>A school whose second student has an OPP with two versions (1 agreed, 2 concept) and whose third an OPP with one.</summary>
    private async Task<School> SchoolAsync(string naam)
    {
        var s = await Data.SchoolAsync(naam);
        var zorg = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var (plan, instemmingen) = Planmaker.TweeVersies(s.Leerlingen[1], s.Ouder.Id, s.OuderGebruiker.Id, Vandaag, s.Mentor.Id);
        var enkel = Planmaker.Start(s.Leerlingen[2], Vandaag.AddDays(-3), Vandaag, s.Mentor.Id);
        await using var db = fixture.App.ContextFor(s.School.Id);
        db.Plannen.AddRange(plan, enkel);
        db.Instemmingen.AddRange(instemmingen);
        await db.SaveChangesAsync();
        return new School(s, zorg, plan, enkel);
    }

    private async Task<Result<PlanVergelijking>> VergelijkAsync(Gebruiker user, string rol, Guid planId, int? links = null, int? rechts = null)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<PlanversieLezenHandler>().VergelijkAsync(planId, links, rechts);
    }

    private async Task<Result<PlanversieWeergave>> LeesAsync(Gebruiker user, string rol, Guid versieId)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<PlanversieLezenHandler>().HandleAsync(versieId);
    }

    [Fact]
    public async Task The_compare_page_defaults_to_the_version_in_force_against_the_newest_and_marks_what_changed()
    {
        var school = await SchoolAsync("Vergelijk standaard");
        var result = await VergelijkAsync(school.Zorg, Rollen.Zorgcoordinator, school.Plan.Id);
        Assert.True(result.IsGelukt, result.Fout?.Melding);
        var v = result.Waarde;
        Assert.Equal((1, 2), (v.Links.Nummer, v.Rechts.Nummer));
        Assert.Equal(1, v.InWerking);
        Assert.Equal(PlanStatus.Ingestemd, v.Links.Status);
        Assert.Equal(PlanStatus.Concept, v.Rechts.Status);
        Assert.True(v.HandelingsdeelGewijzigd);
        // The changed line is marked on both sides, the unchanged one on neither.
        Assert.Equal([true, false], v.HandelingsdeelLinks.Select(r => r.Gewijzigd));
        Assert.Equal([true, false], v.HandelingsdeelRechts.Select(r => r.Gewijzigd));
        Assert.Contains("Begeleiding door de orthopedagoog", v.HandelingsdeelRechts[0].Tekst, StringComparison.Ordinal);
        Assert.Equal(["Visie van de leerling"], v.Secties.Where(x => x.Gewijzigd).Select(x => x.Naam));
        // The decision on version 1, with the name of the ouder.
        var besluit = Assert.Single(v.Links.Besluiten);
        Assert.Equal(InstemmingStatus.Ingestemd, besluit.Status);
        Assert.Equal(school.S.Ouder.VolledigeNaam, besluit.Wie);
        Assert.Empty(v.Rechts.Besluiten);
        Assert.Equal([1, 2], v.Versies.Select(x => x.Nummer));
    }

    [Fact]
    public async Task The_compare_page_takes_the_versions_asked_for_and_a_plan_of_one_version_against_itself()
    {
        var school = await SchoolAsync("Vergelijk gekozen");
        var gekozen = await VergelijkAsync(school.Zorg, Rollen.Zorgcoordinator, school.Plan.Id, 2, 1);
        Assert.Equal((2, 1), (gekozen.Waarde!.Links.Nummer, gekozen.Waarde.Rechts.Nummer));
        var gelijk = await VergelijkAsync(school.Zorg, Rollen.Zorgcoordinator, school.Plan.Id, 2, 2);
        Assert.False(gelijk.Waarde!.HandelingsdeelGewijzigd);
        Assert.DoesNotContain(gelijk.Waarde.Secties, x => x.Gewijzigd);
        var enkel = await VergelijkAsync(school.Zorg, Rollen.Zorgcoordinator, school.Enkel.Id);
        Assert.Equal((1, 1), (enkel.Waarde!.Links.Nummer, enkel.Waarde.Rechts.Nummer));
        var onbekend = await VergelijkAsync(school.Zorg, Rollen.Zorgcoordinator, school.Plan.Id, 9, 2);
        Assert.Equal(FoutSoort.NietGevonden, onbekend.Fout?.Soort);
    }

    [Fact]
    public async Task Only_readers_at_Zorg_level_read_a_version_and_the_read_is_audited()
    {
        var school = await SchoolAsync("Vergelijk toegang");
        var versie1 = school.Plan.Versies.Single(x => x.Nummer == 1).Id;
        Assert.True((await LeesAsync(school.Zorg, Rollen.Zorgcoordinator, versie1)).IsGelukt);
        Assert.True((await LeesAsync(school.S.Mentor, Rollen.Mentor, versie1)).IsGelukt);
        Assert.True((await VergelijkAsync(school.S.Mentor, Rollen.Mentor, school.Plan.Id)).IsGelukt);
        Assert.Equal(FoutSoort.GeenToegang, (await LeesAsync(school.S.Docent, Rollen.Docent, versie1)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await VergelijkAsync(school.S.Docent, Rollen.Docent, school.Plan.Id)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await LeesAsync(school.S.OuderGebruiker, Rollen.Ouder, versie1)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await VergelijkAsync(school.S.OuderGebruiker, Rollen.Ouder, school.Plan.Id)).Fout?.Soort);
        // Another school's zorgcoördinator does not find it.
        var ander = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        Assert.Equal(FoutSoort.NietGevonden, (await LeesAsync(ander, Rollen.Zorgcoordinator, versie1)).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await VergelijkAsync(ander, Rollen.Zorgcoordinator, school.Plan.Id)).Fout?.Soort);

        await using var db = fixture.App.ContextFor(school.S.School.Id);
        var gelezen = await db.AuditEntries.Where(a => a.GebruikerId == school.Zorg.Id && a.Actie == AuditActie.Lezen).ToListAsync();
        Assert.Contains(gelezen, a => a.LeerlingId == school.S.Leerlingen[1].Id && a.Detail.StartsWith("planversie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_print_page_holds_every_section_the_dates_and_the_decisions_encoded()
    {
        var school = await SchoolAsync("Vergelijk afdruk");
        var versie = await LeesAsync(school.Zorg, Rollen.Zorgcoordinator, school.Plan.Versies.Single(x => x.Nummer == 1).Id);
        var html = PlanversieAfdruk.Html(versie.Waarde!);
        Assert.Contains("Handelingsdeel", html, StringComparison.Ordinal);
        Assert.Contains("Remedial teaching", html, StringComparison.Ordinal);
        Assert.Contains("Onderwijsbehoeften", html, StringComparison.Ordinal);
        Assert.Contains("Ter instemming voorgelegd", html, StringComparison.Ordinal);
        Assert.Contains("In werking", html, StringComparison.Ordinal);
        Assert.Contains("ingestemd op", html, StringComparison.Ordinal);
        Assert.Contains(school.S.Ouder.VolledigeNaam, html, StringComparison.Ordinal);
        var kwaad = PlanversieAfdruk.Html(versie.Waarde! with { Inhoud = versie.Waarde!.Inhoud with { VisieLeerling = "<script>alert(1)</script>" } });
        Assert.DoesNotContain("<script>alert", kwaad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_PDF_endpoint_answers_a_PDF_or_the_Dutch_503_page_and_refuses_a_docent()
    {
        var school = await SchoolAsync("Vergelijk pdf");
        var versieId = school.Plan.Versies.Single(x => x.Nummer == 2).Id;
        using (var client = Client())
        {
            Assert.True(LoginClient.IsSignedIn(await LoginClient.LoginAsync(client, school.Zorg.Email!, TestData.Wachtwoord)));
            using var antwoord = await client.GetAsync($"/plannen/versies/{versieId}.pdf");
            if (antwoord.StatusCode == HttpStatusCode.OK)
            {
                Assert.Equal("application/pdf", antwoord.Content.Headers.ContentType?.MediaType);
                Assert.Equal("%PDF"u8.ToArray(), (await antwoord.Content.ReadAsByteArrayAsync()).Take(4));
            }
            else
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, antwoord.StatusCode);
                Assert.Contains("kan niet worden afgedrukt", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            using var onbekend = await client.GetAsync($"/plannen/versies/{Guid.NewGuid()}.pdf");
            Assert.Equal(HttpStatusCode.NotFound, onbekend.StatusCode);
        }
        using (var client = Client())
        {
            Assert.True(LoginClient.IsSignedIn(await LoginClient.LoginAsync(client, school.S.Docent.Email!, TestData.Wachtwoord)));
            using var antwoord = await client.GetAsync($"/plannen/versies/{versieId}.pdf");
            Assert.NotEqual(HttpStatusCode.OK, antwoord.StatusCode);
            Assert.NotEqual("application/pdf", antwoord.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Only_the_beheerder_sets_the_instemming_policy_and_the_change_is_audited()
    {
        var s = await Data.SchoolAsync("Instemming instelling");
        var beheerder = await Data.UserAsync(s.School.Id, Rollen.Beheerder);
        var zorg = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        await using (var scope = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator))
        {
            var handler = scope.ServiceProvider.GetRequiredService<OppInstemmingInstellenHandler>();
            Assert.Equal(FoutSoort.GeenToegang, (await handler.HandleAsync(Instemmingsbeleid.EenOuder)).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await handler.LeesAsync()).Fout?.Soort);
        }
        await using (var scope = fixture.App.ScopeAs(s.OuderGebruiker, Rollen.Ouder))
        {
            Assert.Equal(FoutSoort.GeenToegang, (await scope.ServiceProvider.GetRequiredService<OppInstemmingInstellenHandler>().HandleAsync(Instemmingsbeleid.EenOuder)).Fout?.Soort);
        }
        await using (var scope = fixture.App.ScopeAs(beheerder, Rollen.Beheerder))
        {
            var handler = scope.ServiceProvider.GetRequiredService<OppInstemmingInstellenHandler>();
            Assert.Equal(Instemmingsbeleid.AlleOuders, (await handler.LeesAsync()).Waarde);
            Assert.Equal(Instemmingsbeleid.EenOuder, (await handler.HandleAsync(Instemmingsbeleid.EenOuder)).Waarde);
            Assert.Equal(Instemmingsbeleid.EenOuder, (await handler.LeesAsync()).Waarde);
            Assert.Equal(FoutSoort.Ongeldig, (await handler.HandleAsync((Instemmingsbeleid)99)).Fout?.Soort);
        }
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.Equal(Instemmingsbeleid.EenOuder, (await db.Scholen.SingleAsync(x => x.Id == s.School.Id)).OppInstemming);
        Assert.Single(await db.AuditEntries.Where(a => a.GebruikerId == beheerder.Id && a.Actie == AuditActie.Wijzigen).ToListAsync(),
            a => a.Detail.StartsWith("instemming OPP", StringComparison.Ordinal));
        // The other school keeps its own setting.
        await using var dbB = fixture.App.ContextFor(fixture.B.School.Id);
        Assert.Equal(Instemmingsbeleid.AlleOuders, (await dbB.Scholen.SingleAsync(x => x.Id == fixture.B.School.Id)).OppInstemming);
    }

    private HttpClient Client() => fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
    });
}
