using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Features.Swvaanvragen;
using Leerlingzorg.Web.Features.Swvbehandeling;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Swvaanvragen;

/// <summary>A group arrangement (issue 12): one application for several students of the school, each with consent.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class GroepsaanvraagTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly DateOnly Vandaag = Schooldag.Vandaag;

    private TestData Data => new(fixture.App);

    /// <summary>A school of three students, each with the scenario's parent with gezag (the first has him already); consent to share with the SWV for those asked.</summary>
    private async Task<SchoolScenario> ScenarioAsync(string naam, params int[] metToestemming)
    {
        var s = await Data.SchoolAsync(naam);
        await using var db = fixture.App.ContextFor(s.School.Id);
        foreach (var (leerling, i) in s.Leerlingen.Select((l, i) => (l, i)))
        {
            if (!await db.LeerlingOuders.AnyAsync(o => o.LeerlingId == leerling.Id && o.OuderId == s.Ouder.Id && o.Gezag))
            {
                db.LeerlingOuders.Add(new LeerlingOuder { LeerlingId = leerling.Id, OuderId = s.Ouder.Id, Relatie = OuderRelatie.Moeder, Gezag = true });
            }
            if (metToestemming.Contains(i))
            {
                db.Toestemmingen.Add(new Toestemming
                {
                    SchoolId = s.School.Id, LeerlingId = leerling.Id, Doel = ToestemmingDoel.DelenMetSwv, OuderId = s.Ouder.Id,
                    Wijze = ToestemmingWijze.Schriftelijk, GegevenOp = Vandaag, VastgelegdOp = DateTimeOffset.UtcNow, VastgelegdDoor = s.Mentor.Id,
                });
            }
        }
        await db.SaveChangesAsync();
        return s;
    }

    private static GroepsaanvraagInvoer Invoer(params Guid[] leerlingen) => new()
    {
        LeerlingIds = [.. leerlingen], Vraag = "Kan het samenwerkingsverband een time-outvoorziening voor deze leerlingen bekostigen?",
        Samenvatting = "Drie leerlingen met gedragsproblemen in de onderbouw; time-outkaart en mentorgesprekken zijn niet genoeg.",
        OndersteuningSoort = "Time-outvoorziening met begeleider", Intensiteit = "8 uur per week",
        Van = Vandaag.ToDateTime(TimeOnly.MinValue), Tot = Vandaag.AddMonths(6).ToDateTime(TimeOnly.MinValue), Kosten = 24_000m,
    };

    private async Task<Result<Guid>> IndienenAlsAsync(Gebruiker user, string rol, GroepsaanvraagInvoer invoer)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<GroepsaanvraagHandler>().HandleAsync(invoer);
    }

    [Fact]
    public async Task The_zorgcoordinator_sends_one_application_for_the_group_and_the_SWV_sees_each_student_and_nothing_more()
    {
        var s = await ScenarioAsync("Groep indienen", 0, 1, 2);
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var ids = s.Leerlingen.Select(l => l.Id).ToArray();
        var result = await IndienenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(ids));
        Assert.True(result.IsGelukt, result.Fout?.Melding);

        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            var aanvraag = await db.Swvaanvragen.SingleAsync(a => a.Id == result.Waarde);
            Assert.Equal((Aanvraagsoort.Groep, (Guid?)null, (int?)3, s.Swv.Id), (aanvraag.Soort, aanvraag.LeerlingId, aanvraag.Groepsgrootte, aanvraag.SwvId));
            Assert.Equal(ids.Order(), (await db.Groepsleden.Where(g => g.AanvraagId == aanvraag.Id).Select(g => g.LeerlingId).ToListAsync()).Order());
            foreach (var id in ids)
            {
                Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == zco.Id && a.LeerlingId == id && a.Actie == AuditActie.Aanmaken
                    && a.Detail.Contains(aanvraag.Id.ToString())));
            }
        }

        var manager = await Data.SwvUserAsync(s.Swv.Id, Rollen.SwvManager);
        await using var swv = fixture.App.ScopeAs(manager, Rollen.SwvManager);
        var behandeling = swv.ServiceProvider.GetRequiredService<SwvbehandelingHandler>();
        var detail = await behandeling.DetailAsync(result.Waarde);
        Assert.True(detail.IsGelukt, detail.Fout?.Melding);
        Assert.Equal(3, detail.Waarde.Groepsleden.Count);
        Assert.All(detail.Waarde.Groepsleden, g => Assert.Null(g.OppVersie));
        Assert.Equal(s.Leerlingen.Select(l => l.Geboortedatum).Order(), detail.Waarde.Groepsleden.Select(g => g.Leerling.Geboortedatum).Order());
        var lijst = await behandeling.LijstAsync(Aanvraagfilter.Open, Aanvraagsoort.Groep, s.School.Id);
        Assert.Equal("Groep van 3 leerlingen", Assert.Single(lijst.Waarde!.Regels).Leerling);
    }

    [Fact]
    public async Task A_student_without_consent_stops_it_naming_him_and_nothing_is_saved()
    {
        var s = await ScenarioAsync("Groep zonder toestemming", 0, 2);
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var result = await IndienenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer([.. s.Leerlingen.Select(l => l.Id)]));
        Assert.False(result.IsGelukt);
        Assert.Equal(FoutSoort.Ongeldig, result.Fout!.Soort);
        Assert.StartsWith(s.Leerlingen[1].VolledigeNaam + ": Zonder toestemming", result.Fout.Melding, StringComparison.Ordinal);

        await using var scope = fixture.App.ScopeAs(zco, Rollen.Zorgcoordinator);
        var keuzes = await scope.ServiceProvider.GetRequiredService<GroepsaanvraagHandler>().KeuzesAsync([.. s.Leerlingen.Select(l => l.Id)]);
        Assert.Equal([true, false, true], s.Leerlingen.Select(l => keuzes.Waarde!.Single(k => k.Id == l.Id).ToestemmingGedekt));
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.Equal(0, await db.Swvaanvragen.CountAsync());
        Assert.Equal(0, await db.Groepsleden.CountAsync());
    }

    [Fact]
    public async Task A_pasted_text_too_long_or_with_control_characters_is_refused_in_Dutch_and_nothing_is_saved()
    {
        var s = await ScenarioAsync("Groep te lang", 0, 1);
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var invoer = Invoer(s.Leerlingen[0].Id, s.Leerlingen[1].Id);
        invoer.Samenvatting = "\u0000\u0007" + new string('x', 100_000);
        var result = await IndienenAlsAsync(zco, Rollen.Zorgcoordinator, invoer);
        Assert.Equal(FoutSoort.Ongeldig, result.Fout!.Soort);
        Assert.Contains("Hooguit", result.Fout.Melding, StringComparison.Ordinal);
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.Equal(0, await db.Swvaanvragen.CountAsync());
    }

    [Fact]
    public async Task One_student_a_mentor_or_a_student_of_another_school_is_refused()
    {
        var s = await ScenarioAsync("Groep weigeringen", 0, 1, 2);
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var een = await IndienenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(s.Leerlingen[0].Id));
        Assert.Equal(FoutSoort.Ongeldig, een.Fout!.Soort);
        Assert.Contains("ten minste 2 leerlingen", een.Fout.Melding, StringComparison.Ordinal);

        var mentor = await IndienenAlsAsync(s.Mentor, Rollen.Mentor, Invoer(s.Leerlingen[0].Id, s.Leerlingen[1].Id));
        Assert.Equal(FoutSoort.GeenToegang, mentor.Fout!.Soort);
        await using (var scope = fixture.App.ScopeAs(s.OuderGebruiker, Rollen.Ouder))
        {
            var handler = scope.ServiceProvider.GetRequiredService<GroepsaanvraagHandler>();
            Assert.Equal(FoutSoort.GeenToegang, (await handler.LijstAsync(0)).Fout!.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await handler.KeuzesAsync([s.Leerlingen[0].Id])).Fout!.Soort);
        }

        var ander = fixture.B.Leerlingen[0].Id;
        var vreemd = await IndienenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(s.Leerlingen[0].Id, ander));
        Assert.Equal(FoutSoort.NietGevonden, vreemd.Fout!.Soort);
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.Equal(0, await db.Swvaanvragen.CountAsync());
    }

    [Fact]
    public async Task The_decision_lands_on_each_students_timeline_and_the_school_lists_the_group_with_its_students()
    {
        var s = await ScenarioAsync("Groep besluit", 0, 1, 2);
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var result = await IndienenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(s.Leerlingen[0].Id, s.Leerlingen[2].Id));
        Assert.True(result.IsGelukt, result.Fout?.Melding);
        await using (var db = fixture.App.ContextForSwv(s.Swv.Id))
        {
            var aanvraag = await db.Swvaanvragen.AsTracking().SingleAsync(a => a.Id == result.Waarde);
            aanvraag.Status = Aanvraagstatus.Besloten;
            aanvraag.Uitkomst = Besluituitkomst.Toegekend;
            aanvraag.ToegekendBedrag = 24_000m;
            aanvraag.ToegekendVan = Vandaag;
            aanvraag.ToegekendTot = Vandaag.AddMonths(6);
            aanvraag.Besluittekst = "Toegekend voor de groep; evaluatie na drie maanden.";
            aanvraag.BesluitOp = DateTimeOffset.UtcNow;
            aanvraag.BesluitDoorNaam = "P. Jansen, manager";
            aanvraag.Versie++;
            await db.SaveChangesAsync();
        }

        await using var scope = fixture.App.ScopeAs(zco, Rollen.Zorgcoordinator);
        var tijdlijnen = scope.ServiceProvider.GetRequiredService<TijdlijnHandler>();
        foreach (var lid in new[] { s.Leerlingen[0], s.Leerlingen[2] })
        {
            var tijdlijn = await tijdlijnen.HandleAsync(new TijdlijnVraag(lid.Id));
            Assert.Equal("groepsarrangement voor 2 leerlingen", Assert.Single(tijdlijn.Waarde!.Items, i => i.Soort == TijdlijnSoort.SwvAanvraag).Titel);
            Assert.Contains("toegekend € 24.000,00 (groepsarrangement)", Assert.Single(tijdlijn.Waarde.Items, i => i.Soort == TijdlijnSoort.SwvBesluit).Titel, StringComparison.Ordinal);
        }
        var buiten = await tijdlijnen.HandleAsync(new TijdlijnVraag(s.Leerlingen[1].Id));
        Assert.DoesNotContain(buiten.Waarde!.Items, i => i.Soort is TijdlijnSoort.SwvAanvraag or TijdlijnSoort.SwvBesluit);
        var kaart = await scope.ServiceProvider.GetRequiredService<AanvragenBekijkenHandler>().HandleAsync(s.Leerlingen[2].Id);
        Assert.Equal(Aanvraagsoort.Groep, Assert.Single(kaart.Waarde!.Aanvragen).Soort);

        var lijst = await scope.ServiceProvider.GetRequiredService<GroepsaanvraagHandler>().LijstAsync(0);
        Assert.True(lijst.IsGelukt, lijst.Fout?.Melding);
        var regel = Assert.Single(lijst.Waarde.Regels);
        Assert.StartsWith("Groep van 2 leerlingen: ", regel.Wie, StringComparison.Ordinal);
        Assert.Contains(s.Leerlingen[2].VolledigeNaam, regel.Wie, StringComparison.Ordinal);
        Assert.Equal((decimal?)24_000m, regel.ToegekendBedrag);
        await using var db2 = fixture.App.ContextFor(s.School.Id);
        Assert.True(await db2.AuditEntries.AnyAsync(a => a.GebruikerId == zco.Id && a.LeerlingId == s.Leerlingen[0].Id && a.Actie == AuditActie.Lezen
            && a.Detail.StartsWith("aanvragen bij het samenwerkingsverband van de school")));
    }
}
