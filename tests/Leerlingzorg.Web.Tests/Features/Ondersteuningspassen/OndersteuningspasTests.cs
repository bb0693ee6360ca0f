using System.Net;
using System.Text.Json;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Ondersteuningspassen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Ondersteuningspassen;

/// <summary>
/// The ondersteuningspas per role: every staff member who sees the student reads the facilities, only the Zorg level the
/// diagnosis; only the care roles record or withdraw it; the class-list query; the printable PDF.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class OndersteuningspasTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private const string Diagnose = "Dyslexie (vastgesteld door orthopedagoog)";

    private TestData Data => new(fixture.App);

    private static PasInvoer Invoer(Guid leerlingId, int? versie = null, string? diagnose = Diagnose, params Faciliteit[] faciliteiten)
    {
        var invoer = new PasInvoer
        {
            LeerlingId = leerlingId, HuidigeVersie = versie, Diagnose = diagnose,
            GeldigVanaf = Schooldag.Vandaag.ToDateTime(TimeOnly.MinValue),
        };
        foreach (var keuze in invoer.Faciliteiten.Where(k => faciliteiten.Contains(k.Soort)))
        {
            keuze.Gekozen = true;
            keuze.Toelichting = keuze.Soort == Faciliteit.ExtraTijd ? "25 % bij toetsen" : null;
        }
        return invoer;
    }

    private async Task<(SchoolScenario S, Gebruiker Zorg)> SchoolMetPasAsync(string naam)
    {
        var s = await Data.SchoolAsync(naam);
        var zorg = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        await using var scope = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator);
        // The seed gave leerling 1 a pass (version 1); leerling 2 gets its first one here.
        var result = await scope.ServiceProvider.GetRequiredService<PasVastleggenHandler>()
            .HandleAsync(Invoer(s.Leerlingen[1].Id, null, Diagnose, Faciliteit.ExtraTijd, Faciliteit.Laptop));
        Assert.Equal(1, result.Waarde);
        return (s, zorg);
    }

    private async Task<Result<PasOverzicht>> LeesAsync(Gebruiker user, string rol, Guid leerlingId)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<PasBekijkenHandler>().HandleAsync(leerlingId);
    }

    [Fact]
    public async Task The_docent_of_the_student_sees_the_facilities_and_never_the_diagnosis()
    {
        var (s, _) = await SchoolMetPasAsync("Pas docentschool");
        var result = await LeesAsync(s.Docent, Rollen.Docent, s.Leerlingen[1].Id);
        Assert.True(result.IsGelukt);
        var pas = result.Waarde;
        Assert.Equal(["Extra tijd (25 % bij toetsen)", "Laptop"], pas.Huidig!.Faciliteiten.Select(f => f.Weergave));
        Assert.True(pas.IsGeldig);
        Assert.False(pas.MagDiagnoseLezen);
        Assert.False(pas.MagBeheren);
        Assert.Null(pas.Huidig.Diagnose);
        Assert.Empty(pas.Historie);
        // Not anywhere in what the docent receives.
        Assert.DoesNotContain("Dyslexie", JsonSerializer.Serialize(pas), StringComparison.OrdinalIgnoreCase);
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == s.Docent.Id && a.LeerlingId == s.Leerlingen[1].Id
            && a.Actie == AuditActie.Lezen && a.Detail == "ondersteuningspas (faciliteiten)"));
    }

    [Fact]
    public async Task The_mentor_reads_the_Zorg_level_and_so_the_diagnosis_but_does_not_manage_the_pass()
    {
        var (s, _) = await SchoolMetPasAsync("Pas mentorschool");
        var pas = (await LeesAsync(s.Mentor, Rollen.Mentor, s.Leerlingen[1].Id)).Waarde!;
        Assert.Equal([Faciliteit.ExtraTijd, Faciliteit.Laptop], pas.Huidig!.Faciliteiten.Select(f => f.Soort));
        Assert.Equal(Diagnose, pas.Huidig.Diagnose);
        Assert.True(pas.MagDiagnoseLezen);
        Assert.False(pas.MagBeheren);
    }

    [Fact]
    public async Task A_docent_of_another_class_and_staff_of_another_school_do_not_find_the_student()
    {
        var anderDocent = await Data.UserAsync(fixture.A.School.Id, Rollen.Docent);
        Assert.Equal(FoutSoort.NietGevonden, (await LeesAsync(anderDocent, Rollen.Docent, fixture.A.Leerlingen[0].Id)).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await LeesAsync(fixture.B.Mentor, Rollen.Mentor, fixture.A.Leerlingen[0].Id)).Fout?.Soort);
        var zorgB = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        Assert.Equal(FoutSoort.NietGevonden, (await LeesAsync(zorgB, Rollen.Zorgcoordinator, fixture.A.Leerlingen[0].Id)).Fout?.Soort);
        await using var scope = fixture.App.ScopeAs(zorgB, Rollen.Zorgcoordinator);
        var schrijven = await scope.ServiceProvider.GetRequiredService<PasVastleggenHandler>()
            .HandleAsync(Invoer(fixture.A.Leerlingen[0].Id, 1, Diagnose, Faciliteit.Laptop));
        Assert.Equal(FoutSoort.NietGevonden, schrijven.Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await LeesAsync(fixture.A.OuderGebruiker, Rollen.Ouder, fixture.A.Leerlingen[0].Id)).Fout?.Soort);
    }

    [Theory]
    [InlineData(Rollen.Docent)]
    [InlineData(Rollen.Mentor)]
    public async Task Only_care_roles_record_or_withdraw_a_pass(string rol)
    {
        var s = fixture.A;
        var user = rol == Rollen.Docent ? s.Docent : s.Mentor;
        await using var scope = fixture.App.ScopeAs(user, rol);
        var vastleggen = await scope.ServiceProvider.GetRequiredService<PasVastleggenHandler>()
            .HandleAsync(Invoer(s.Leerlingen[2].Id, null, Diagnose, Faciliteit.Laptop));
        Assert.Equal(FoutSoort.GeenToegang, vastleggen.Fout?.Soort);
        var intrekken = await scope.ServiceProvider.GetRequiredService<PasIntrekkenHandler>().HandleAsync(s.Leerlingen[0].Id, 1);
        Assert.Equal(FoutSoort.GeenToegang, intrekken.Fout?.Soort);
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.False(await db.Ondersteuningspassen.AnyAsync(p => p.LeerlingId == s.Leerlingen[2].Id));
        Assert.True(await db.Ondersteuningspassen.AnyAsync(p => p.LeerlingId == s.Leerlingen[0].Id && p.VervallenOp == null));
    }

    [Fact]
    public async Task A_pass_without_facilities_is_refused_with_a_Dutch_message()
    {
        var (s, zorg) = await SchoolMetPasAsync("Pas leegschool");
        await using var scope = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator);
        var result = await scope.ServiceProvider.GetRequiredService<PasVastleggenHandler>().HandleAsync(Invoer(s.Leerlingen[2].Id));
        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        Assert.Contains("Een pas zonder faciliteiten kan niet", result.Fout!.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_replaces_the_pass_keeps_history_for_Zorg_and_is_audited_then_it_is_withdrawn()
    {
        var (s, zorg) = await SchoolMetPasAsync("Pas versieschool");
        var leerling = s.Leerlingen[1].Id;
        await using (var scope = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator))
        {
            var handler = scope.ServiceProvider.GetRequiredService<PasVastleggenHandler>();
            // Started from an outdated version: refused, nothing changes.
            Assert.Equal(FoutSoort.Conflict, (await handler.HandleAsync(Invoer(leerling, null, Diagnose, Faciliteit.Rekenkaart))).Fout?.Soort);
            Assert.Equal(2, (await handler.HandleAsync(Invoer(leerling, 1, "Dyscalculie", Faciliteit.Rekenkaart))).Waarde);
        }
        var pas = (await LeesAsync(zorg, Rollen.Zorgcoordinator, leerling)).Waarde!;
        Assert.Equal((2, "Dyscalculie"), (pas.Huidig!.Versie, pas.Huidig.Diagnose));
        Assert.Equal([2, 1], pas.Historie.Select(v => v.Versie));
        Assert.NotNull(pas.Historie[1].VervallenOp);
        Assert.True(pas.MagBeheren);
        var docent = (await LeesAsync(s.Docent, Rollen.Docent, leerling)).Waarde!;
        Assert.Equal([Faciliteit.Rekenkaart], docent.Huidig!.Faciliteiten.Select(f => f.Soort));
        Assert.Empty(docent.Historie);

        await using (var scope = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<PasIntrekkenHandler>().HandleAsync(leerling, 2)).IsGelukt);
        }
        Assert.Null((await LeesAsync(s.Docent, Rollen.Docent, leerling)).Waarde!.Huidig);
        await using var db = fixture.App.ContextFor(s.School.Id);
        var regels = await db.AuditEntries.Where(a => a.GebruikerId == zorg.Id && a.LeerlingId == leerling && a.Actie != AuditActie.Lezen)
            .OrderBy(a => a.Tijdstip).Select(a => a.Detail).ToListAsync();
        Assert.Equal(3, regels.Count);
        Assert.StartsWith("ondersteuningspas versie 2 ingetrokken", regels[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_class_list_query_says_which_visible_students_have_a_valid_pass()
    {
        var (s, zorg) = await SchoolMetPasAsync("Pas klaslijstschool");
        // Leerling 3: a pass that starts next month is not valid yet.
        await using (var scope = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator))
        {
            var later = Invoer(s.Leerlingen[2].Id, null, Diagnose, Faciliteit.RustigeRuimte);
            later.GeldigVanaf = Schooldag.Vandaag.AddMonths(1).ToDateTime(TimeOnly.MinValue);
            Assert.True((await scope.ServiceProvider.GetRequiredService<PasVastleggenHandler>().HandleAsync(later)).IsGelukt);
        }
        var ids = s.Leerlingen.Select(l => l.Id).Append(fixture.B.Leerlingen[0].Id).ToList();
        await using (var scope = fixture.App.ScopeAs(s.Docent, Rollen.Docent))
        {
            var passen = await scope.ServiceProvider.GetRequiredService<FaciliteitenVanLeerlingenHandler>().HandleAsync(ids);
            Assert.Equal(new[] { s.Leerlingen[0].Id, s.Leerlingen[1].Id }.Order(), passen.Keys.Order());
            Assert.Equal([Faciliteit.ExtraTijd, Faciliteit.Laptop], passen[s.Leerlingen[1].Id].Select(f => f.Soort));
        }
        var anderDocent = await Data.UserAsync(s.School.Id, Rollen.Docent);
        await using (var scope = fixture.App.ScopeAs(anderDocent, Rollen.Docent))
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<FaciliteitenVanLeerlingenHandler>().HandleAsync(ids));
        }
    }

    [MetChromiumFact]
    public async Task The_printed_pass_is_a_PDF_without_the_diagnosis()
    {
        var (s, _) = await SchoolMetPasAsync("Pas pdfschool");
        await using var scope = fixture.App.ScopeAs(s.Docent, Rollen.Docent);
        var result = await scope.ServiceProvider.GetRequiredService<PasAfdrukkenHandler>().HandleAsync(s.Leerlingen[1].Id);
        Assert.True(result.IsGelukt, result.Fout?.Melding);
        Assert.Equal("%PDF"u8.ToArray(), result.Waarde.Take(4));
        // The HTML it was printed from carries the facilities, never the diagnosis.
        var html = PasAfdruk.Van((await LeesAsync(s.Mentor, Rollen.Mentor, s.Leerlingen[1].Id)).Waarde!,
            (await LeesAsync(s.Mentor, Rollen.Mentor, s.Leerlingen[1].Id)).Waarde!.Huidig!).Html();
        Assert.Contains("Extra tijd", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Dyslexie", html, StringComparison.Ordinal);
    }

    [MetChromiumFact]
    public async Task The_PDF_endpoint_applies_need_to_know()
    {
        // Over https, as the browser: the sign-in cookie is Secure.
        using var client = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost"),
        });
        Assert.True(LoginClient.IsSignedIn(await LoginClient.LoginAsync(client, fixture.A.Docent.Email!, TestData.Wachtwoord)));
        using var eigen = await client.GetAsync($"/leerlingen/{fixture.A.Leerlingen[0].Id}/ondersteuningspas.pdf");
        Assert.Equal(HttpStatusCode.OK, eigen.StatusCode);
        Assert.Equal("application/pdf", eigen.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await eigen.Content.ReadAsByteArrayAsync()).Take(4));
        using var ander = await client.GetAsync($"/leerlingen/{fixture.B.Leerlingen[0].Id}/ondersteuningspas.pdf");
        Assert.Equal(HttpStatusCode.NotFound, ander.StatusCode);
    }
}

/// <summary>A fact that is skipped, with the reason, where the server has no Chromium to print with.</summary>
public sealed class MetChromiumFactAttribute : FactAttribute
{
    public MetChromiumFactAttribute()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            Skip = "Chromium is not installed at /usr/bin/chromium: the PDF cannot be printed here.";
        }
    }
}
