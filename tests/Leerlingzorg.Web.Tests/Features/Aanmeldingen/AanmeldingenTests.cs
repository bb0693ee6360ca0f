using Leerlingzorg.Domain.Aanmeldingen;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Aanmeldingen;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Aanmeldingen;

/// <summary>
/// The aanmeldingen (issue 12, PM 0) against PostgreSQL: who may use them, the deadline on the list, the one extension,
/// the decision that needs the other school, the link to the student that starts his ladder and timeline, the audit lines.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class AanmeldingenTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly DateOnly Vandaag = Schooldag.Vandaag;

    private TestData Data => new(fixture.App);

    private static NieuweAanmelding Formulier(string achternaam, int dagenGeleden) => new("Sem", null, achternaam, new DateOnly(2014, 5, 1),
        "Basisschool De Wilg", "Moeder: A. Vries, 06-12345678", "Dyslexie; extra tijd bij toetsen.", Vandaag.AddDays(-dagenGeleden));

    private async Task<T> AlsAsync<T>(Gebruiker user, string rol, Func<AanmeldingenHandler, Task<T>> actie)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await actie(scope.ServiceProvider.GetRequiredService<AanmeldingenHandler>());
    }

    [Fact]
    public async Task A_mentor_a_docent_and_a_parent_are_refused_every_use()
    {
        var s = await Data.SchoolAsync("Aanmelding toegang");
        var zorg = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var id = (await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.RegistreerAsync(Formulier("Toegang", 1)))).Waarde;
        foreach (var (user, rol) in new[] { (s.Mentor, Rollen.Mentor), (s.Docent, Rollen.Docent), (s.OuderGebruiker, Rollen.Ouder) })
        {
            Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync(user, rol, h => h.LijstAsync(AanmeldingFilter.Alle))).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync(user, rol, h => h.DetailAsync(id))).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync(user, rol, h => h.RegistreerAsync(Formulier("Mag niet", 1)))).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync(user, rol, h => h.VerlengAsync(id, 1, "reden"))).Fout?.Soort);
        }
        // The intake roles do.
        foreach (var rol in new[] { Rollen.InternBegeleider, Rollen.Orthopedagoog, Rollen.Schoolleiding })
        {
            var user = await Data.UserAsync(s.School.Id, rol);
            Assert.True((await AlsAsync(user, rol, h => h.DetailAsync(id))).IsGelukt);
        }
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.Equal(1, await db.Aanmeldingen.CountAsync(a => a.Achternaam == "Toegang"));
        Assert.Equal(0, await db.Aanmeldingen.CountAsync(a => a.Achternaam == "Mag niet"));
    }

    [Fact]
    public async Task The_list_shows_open_ones_first_by_deadline_with_the_days_left_and_flags_the_urgent_ones()
    {
        var s = await Data.SchoolAsync("Aanmelding lijst");
        var zorg = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var ver = (await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.RegistreerAsync(Formulier("Ver", 2)))).Waarde;
        var dichtbij = (await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.RegistreerAsync(Formulier("Dichtbij", 40)))).Waarde;
        var verlopen = (await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.RegistreerAsync(Formulier("Verlopen", 45)))).Waarde;
        var verlengd = (await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.RegistreerAsync(Formulier("Verlengd", 41)))).Waarde;
        Assert.True((await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.VerlengAsync(verlengd, 1, "Verslag komt later."))).IsGelukt);

        var pagina = (await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.LijstAsync(AanmeldingFilter.Open, "Sem"))).Waarde!;
        Assert.Equal([verlopen, dichtbij, verlengd, ver], pagina.Regels.Select(r => r.Id));
        var rij = pagina.Regels.Single(r => r.Id == dichtbij);
        Assert.Equal(2, rij.DagenTot);
        Assert.True(rij.Dringend);
        Assert.False(rij.Verlopen);
        Assert.True(pagina.Regels.Single(r => r.Id == verlopen).Verlopen);
        Assert.Equal(Vandaag.AddDays(-41 + 70), pagina.Regels.Single(r => r.Id == verlengd).Beslistermijn);

        var dringend = (await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.DringendAsync(10))).Waarde!;
        Assert.Equal([verlopen, dichtbij], dringend.Regels.Select(r => r.Id));

        // Server-paged.
        var eerste = (await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.LijstAsync(AanmeldingFilter.Open, "Sem", 0, 1))).Waarde!;
        Assert.Single(eerste.Regels);
        Assert.Equal(4, eerste.Totaal);
    }

    [Fact]
    public async Task A_second_extension_is_refused_with_a_Dutch_message_and_the_first_stays()
    {
        var s = await Data.SchoolAsync("Aanmelding verlengen");
        var zorg = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var id = (await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.RegistreerAsync(Formulier("Twee keer", 10)))).Waarde;
        var zonderReden = await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.VerlengAsync(id, 1, " "));
        Assert.Equal(FoutSoort.Ongeldig, zonderReden.Fout?.Soort);
        var eerste = await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.VerlengAsync(id, 1, "Wachten op het verslag van de orthopedagoog."));
        Assert.True(eerste.IsGelukt, eerste.Fout?.Melding);
        var tweede = await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.VerlengAsync(id, eerste.Waarde.Versie, "Nog meer tijd."));
        Assert.Equal(FoutSoort.Ongeldig, tweede.Fout?.Soort);
        Assert.Contains("maar één verlenging", tweede.Fout!.Melding, StringComparison.Ordinal);

        await using var db = fixture.App.ContextFor(s.School.Id);
        var opgeslagen = await db.Aanmeldingen.SingleAsync(a => a.Id == id);
        Assert.Equal("Wachten op het verslag van de orthopedagoog.", opgeslagen.Verlengingsreden);
        Assert.Equal(Vandaag.AddDays(-10 + 70), opgeslagen.Beslistermijn);
        Assert.Equal(2, opgeslagen.Versie);
    }

    [Fact]
    public async Task Not_placed_requires_the_other_school_and_nothing_is_saved_without_it()
    {
        var s = await Data.SchoolAsync("Aanmelding niet geplaatst");
        var zorg = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var id = (await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.RegistreerAsync(Formulier("Elders", 20)))).Waarde;
        var zonder = await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.BeslisAsync(id, 1,
            new Besluitinvoer(Aanmeldingsbesluit.NietGeplaatst, Vandaag, null, "Past niet", null, null)));
        Assert.Equal(FoutSoort.Ongeldig, zonder.Fout?.Soort);
        Assert.Contains("andere school", zonder.Fout!.Melding, StringComparison.Ordinal);
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            Assert.Equal(AanmeldingStatus.Ontvangen, (await db.Aanmeldingen.SingleAsync(a => a.Id == id)).Status);
        }
        var met = await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.BeslisAsync(id, 1,
            new Besluitinvoer(Aanmeldingsbesluit.NietGeplaatst, Vandaag, null, "Past niet", "VSO De Brug", "Met ouders en SWV afgesproken; TLV aangevraagd.")));
        Assert.True(met.IsGelukt, met.Fout?.Melding);
        Assert.Equal("VSO De Brug", met.Waarde.AndereSchool);
    }

    [Fact]
    public async Task A_placement_with_OPP_linked_to_a_student_starts_PM_0_an_OPP_due_in_six_weeks_and_shows_on_his_timeline_all_audited()
    {
        var s = await Data.SchoolAsync("Aanmelding plaatsen");
        var zorg = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var leerling = s.Leerlingen[1];
        var id = (await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.RegistreerAsync(Formulier("Geplaatst", 20)))).Waarde;
        var intake = await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.IntakeAsync(id, 1, Vandaag.AddDays(-10), "Zorgcoördinator", "Gesprek met ouders."));
        Assert.Equal(AanmeldingStatus.InOnderzoek, intake.Waarde!.Status);
        var besluit = await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.BeslisAsync(id, 2,
            new Besluitinvoer(Aanmeldingsbesluit.GeplaatstMetOpp, Vandaag, Vandaag, "Extra ondersteuning nodig.", null, null)));
        Assert.True(besluit.IsGelukt, besluit.Fout?.Melding);
        Assert.Equal(Vandaag.AddDays(Plan.VaststellenBinnenDagen), besluit.Waarde.OppUiterlijk);

        var keuzes = await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.ZoekLeerlingenAsync(leerling.Voornaam));
        Assert.Contains(keuzes.Waarde!, k => k.LeerlingId == leerling.Id);
        var gekoppeld = await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.KoppelAsync(id, 3, leerling.Id));
        Assert.True(gekoppeld.IsGelukt, gekoppeld.Fout?.Melding);
        // Once only.
        Assert.Equal(FoutSoort.Ongeldig, (await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.KoppelAsync(id, 4, leerling.Id))).Fout?.Soort);

        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.Equal(PmNiveau.Pm0, (await db.Leerlingen.SingleAsync(l => l.Id == leerling.Id)).PmNiveau);
        var stap = await db.PmStappen.SingleAsync(p => p.LeerlingId == leerling.Id);
        Assert.Equal(PmNiveau.Pm0, stap.Naar);
        var opp = await db.Plannen.Include(p => p.Versies).SingleAsync(p => p.LeerlingId == leerling.Id && p.Soort == PlanSoort.Opp);
        Assert.Equal(Vandaag.AddDays(Plan.VaststellenBinnenDagen), opp.Termijnen(Vandaag).VaststellenUiterlijk);

        // His timeline shows the aanmelding and the decision.
        await using (var scope = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator))
        {
            var tijdlijn = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>().HandleAsync(new TijdlijnVraag(leerling.Id));
            Assert.True(tijdlijn.IsGelukt, tijdlijn.Fout?.Melding);
            Assert.Contains(tijdlijn.Waarde.Items, i => i.Soort == TijdlijnSoort.Aangemeld && i.Id == id);
            Assert.Contains(tijdlijn.Waarde.Items, i => i.Soort == TijdlijnSoort.AanmeldingBesloten && i.Titel == "geplaatst met OPP");
            var filter = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>().HandleAsync(new TijdlijnVraag(leerling.Id, Filter: TijdlijnFilterSoort.Ondersteuning));
            Assert.Contains(filter.Waarde!.Items, i => i.Soort == TijdlijnSoort.Aangemeld);
        }
        // A docent never reads the Zorg level on the timeline.
        await using (var scope = fixture.App.ScopeAs(s.Docent, Rollen.Docent))
        {
            var tijdlijn = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>().HandleAsync(new TijdlijnVraag(leerling.Id));
            Assert.DoesNotContain(tijdlijn.Waarde?.Items ?? [], i => i.Soort is TijdlijnSoort.Aangemeld or TijdlijnSoort.AanmeldingBesloten);
        }

        // Every write and read is an audit line.
        var regels = await db.AuditEntries.Where(a => a.GebruikerId == zorg.Id && a.Detail.Contains(id.ToString())).ToListAsync();
        Assert.Contains(regels, a => a.Actie == AuditActie.Aanmaken);
        Assert.Contains(regels, a => a.Actie == AuditActie.Wijzigen && a.Detail.Contains("intake", StringComparison.Ordinal));
        Assert.Contains(regels, a => a.Actie == AuditActie.Wijzigen && a.Detail.Contains("besluit", StringComparison.Ordinal));
        Assert.Contains(regels, a => a.Actie == AuditActie.Wijzigen && a.LeerlingId == leerling.Id && a.Detail.Contains("gekoppeld", StringComparison.Ordinal));
        await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.DetailAsync(id));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == zorg.Id && a.Actie == AuditActie.Lezen && a.Detail == $"aanmelding {id} bekeken"));
        Assert.True((await AlsAsync(zorg, Rollen.Zorgcoordinator, h => h.LijstAsync(AanmeldingFilter.Alle))).IsGelukt);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == zorg.Id && a.Actie == AuditActie.Lezen && EF.Functions.Like(a.Detail, "aanmeldingen Alle%")));
    }
}
