using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Features.Swvaanvragen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Features.Planversies;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Swvaanvragen;

/// <summary>The school sends an application to its samenwerkingsverband (issue 12): who may, the consent, the snapshot, the decision coming back.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class AanvraagIndienenTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly DateOnly Vandaag = Schooldag.Vandaag;

    private TestData Data => new(fixture.App);

    /// <summary>An own school whose second student has the scenario's moeder (gezag) and an OPP in force; consent to share with the SWV when asked.</summary>
    private Task<(SchoolScenario S, Leerling Leerling)> ScenarioAsync(string naam, bool metToestemming) => ScenarioAsync(fixture.App, naam, metToestemming);

    internal static async Task<(SchoolScenario S, Leerling Leerling)> ScenarioAsync(TestApp app, string naam, bool metToestemming)
    {
        var s = await new TestData(app).SchoolAsync(naam);
        var leerling = s.Leerlingen[1];
        await using var db = app.ContextFor(s.School.Id);
        db.LeerlingOuders.Add(new LeerlingOuder { LeerlingId = leerling.Id, OuderId = s.Ouder.Id, Relatie = OuderRelatie.Moeder, Gezag = true });
        var kind = await db.Leerlingen.SingleAsync(l => l.Id == leerling.Id);
        var (plan, instemmingen) = Planmaker.TweeVersies(kind, s.Ouder.Id, s.OuderGebruiker.Id, Vandaag, s.Mentor.Id);
        db.Plannen.Add(plan);
        db.Instemmingen.AddRange(instemmingen);
        if (metToestemming)
        {
            db.Toestemmingen.Add(new Toestemming
            {
                SchoolId = s.School.Id, LeerlingId = leerling.Id, Doel = ToestemmingDoel.DelenMetSwv, OuderId = s.Ouder.Id,
                Wijze = ToestemmingWijze.Schriftelijk, GegevenOp = Vandaag, VastgelegdOp = DateTimeOffset.UtcNow, VastgelegdDoor = s.Mentor.Id,
            });
        }
        await db.SaveChangesAsync();
        return (s, leerling);
    }

    internal static AanvraagInvoer Invoer(Guid leerlingId) => new()
    {
        LeerlingId = leerlingId, Soort = Aanvraagsoort.Individueel, Vraag = "Kan het SWV een arrangement gedrag toekennen?",
        Samenvatting = "De school heeft de basis- en extra ondersteuning ingezet; het gedrag in de klas verbetert niet.",
        BijlageTitel = "Observatieverslag", BijlageTekst = "Observatie op 3 november: veel onrust bij de wisselingen.",
        OndersteuningSoort = "Ambulante begeleiding gedrag", Intensiteit = "2 uur per week",
        Van = Vandaag.ToDateTime(TimeOnly.MinValue), Tot = Vandaag.AddMonths(6).ToDateTime(TimeOnly.MinValue), Kosten = 12_500m,
    };

    private async Task<Result<Guid>> IndienenAlsAsync(Gebruiker user, string rol, AanvraagInvoer invoer)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<AanvraagIndienenHandler>().HandleAsync(invoer);
    }

    private async Task<int> AantalAsync(Guid schoolId)
    {
        await using var db = fixture.App.ContextFor(schoolId);
        return await db.Swvaanvragen.CountAsync();
    }

    [Fact]
    public async Task Mentor_docent_ouder_and_swv_staff_may_not_send()
    {
        var (s, leerling) = await ScenarioAsync("Aanvraag rollen", metToestemming: true);
        var swv = await Data.SwvUserAsync(s.Swv.Id, Rollen.SwvMedewerker);
        foreach (var (user, rol) in new[] { (s.Mentor, Rollen.Mentor), (s.Docent, Rollen.Docent), (s.OuderGebruiker, Rollen.Ouder), (swv, Rollen.SwvMedewerker) })
        {
            var result = await IndienenAlsAsync(user, rol, Invoer(leerling.Id));
            Assert.False(result.IsGelukt, rol);
            Assert.Equal(FoutSoort.GeenToegang, result.Fout!.Soort);
        }
        Assert.Equal(0, await AantalAsync(s.School.Id));
    }

    [Fact]
    public async Task Without_consent_the_application_is_refused_naming_the_parent_and_nothing_is_saved()
    {
        var (s, leerling) = await ScenarioAsync("Aanvraag zonder toestemming", metToestemming: false);
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var result = await IndienenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling.Id));
        Assert.False(result.IsGelukt);
        Assert.Equal(FoutSoort.Ongeldig, result.Fout!.Soort);
        Assert.Contains("toestemming", result.Fout.Melding, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(s.Ouder.VolledigeNaam, result.Fout.Melding, StringComparison.Ordinal);
        Assert.Equal(0, await AantalAsync(s.School.Id));
    }

    [Fact]
    public async Task A_pasted_text_too_long_is_refused_with_a_Dutch_message()
    {
        var (s, leerling) = await ScenarioAsync("Aanvraag te lang", metToestemming: true);
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var invoer = Invoer(leerling.Id);
        invoer.Samenvatting = new string('x', 100_000) + "\u0000\u0007";
        var result = await IndienenAlsAsync(zco, Rollen.Zorgcoordinator, invoer);
        Assert.False(result.IsGelukt);
        Assert.Contains("Hooguit", result.Fout!.Melding, StringComparison.Ordinal);
        Assert.Equal(0, await AantalAsync(s.School.Id));
    }

    [Fact]
    public async Task The_zorgcoordinator_sends_with_a_snapshot_that_later_edits_do_not_change_audited()
    {
        var (s, leerling) = await ScenarioAsync("Aanvraag indienen", metToestemming: true);
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var result = await IndienenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling.Id));
        Assert.True(result.IsGelukt, result.Fout?.Melding);

        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            var aanvraag = await db.Swvaanvragen.SingleAsync(a => a.Id == result.Waarde);
            Assert.Equal((s.Swv.Id, s.School.Id, (Guid?)leerling.Id, Aanvraagsoort.Individueel, Aanvraagstatus.Ingediend),
                (aanvraag.SwvId, aanvraag.SchoolId, aanvraag.LeerlingId, aanvraag.Soort, aanvraag.Status));
            Assert.Equal(1, aanvraag.Snapshot.OppVersie);
            Assert.Equal("Korte instructie, rust en structuur.", aanvraag.Snapshot.Opp!.Onderwijsbehoeften);
            Assert.Equal("Observatieverslag", Assert.Single(aanvraag.Snapshot.Bijlagen).Titel);
            Assert.Equal(12_500m, aanvraag.Gevraagd!.Kosten);
            Assert.Equal(leerling.Geboortedatum, aanvraag.Leerling!.Geboortedatum);
            Assert.EndsWith(", zorgcoördinator", aanvraag.IngediendDoorNaam, StringComparison.Ordinal);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == zco.Id && a.LeerlingId == leerling.Id && a.Actie == AuditActie.Aanmaken
                && a.Detail.Contains(aanvraag.Id.ToString())));

            // The school edits the OPP in force afterwards: what the SWV received stays as sent.
            var versie = await db.PlanVersies.AsTracking().SingleAsync(v => v.LeerlingId == leerling.Id && v.Nummer == 1);
            versie.Inhoud = versie.Inhoud with { Onderwijsbehoeften = "Later gewijzigd" };
            await db.SaveChangesAsync();
        }
        await using (var db = fixture.App.ContextForSwv(s.Swv.Id))
        {
            var ontvangen = await db.Swvaanvragen.SingleAsync(a => a.Id == result.Waarde);
            Assert.Equal("Korte instructie, rust en structuur.", ontvangen.Snapshot.Opp!.Onderwijsbehoeften);
        }
    }

    [Fact]
    public async Task The_decision_of_the_swv_shows_on_the_schools_timeline_and_in_the_list()
    {
        var (s, leerling) = await ScenarioAsync("Aanvraag besluit", metToestemming: true);
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var result = await IndienenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling.Id));
        Assert.True(result.IsGelukt, result.Fout?.Melding);
        await using (var db = fixture.App.ContextForSwv(s.Swv.Id))
        {
            var aanvraag = await db.Swvaanvragen.AsTracking().SingleAsync(a => a.Id == result.Waarde);
            aanvraag.Status = Aanvraagstatus.Besloten;
            aanvraag.Uitkomst = Besluituitkomst.Toegekend;
            aanvraag.ToegekendBedrag = 10_000.05m;
            aanvraag.ToegekendVan = Vandaag;
            aanvraag.ToegekendTot = Vandaag.AddMonths(6);
            aanvraag.Besluittekst = "Toegekend voor een half jaar; evaluatie met de school.";
            aanvraag.BesluitOp = DateTimeOffset.UtcNow;
            aanvraag.BesluitDoorNaam = "P. Jansen, manager";
            aanvraag.Versie++;
            await db.SaveChangesAsync();
        }

        await using var scope = fixture.App.ScopeAs(zco, Rollen.Zorgcoordinator);
        var tijdlijn = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>().HandleAsync(new TijdlijnVraag(leerling.Id));
        Assert.True(tijdlijn.IsGelukt, tijdlijn.Fout?.Melding);
        var ingediend = Assert.Single(tijdlijn.Waarde.Items, i => i.Soort == TijdlijnSoort.SwvAanvraag);
        Assert.Equal("individueel arrangement", ingediend.Titel);
        var besluit = Assert.Single(tijdlijn.Waarde.Items, i => i.Soort == TijdlijnSoort.SwvBesluit);
        // Written in SQL as InEuro writes it: a thousands point, the cents padded.
        Assert.Contains("toegekend € 10.000,05 (", besluit.Titel, StringComparison.Ordinal);
        Assert.Contains("toegekend " + Swvaanvraag.InEuro(10_000.05m), besluit.Titel, StringComparison.Ordinal);
        Assert.Equal(Vandaag.AddMonths(6), besluit.Deadline);
        Assert.StartsWith("Toegekend voor een half jaar", besluit.Tekst, StringComparison.Ordinal);

        var filter = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>()
            .HandleAsync(new TijdlijnVraag(leerling.Id, Filter: TijdlijnFilterSoort.Ondersteuning));
        Assert.Contains(filter.Waarde!.Items, i => i.Soort == TijdlijnSoort.SwvBesluit);

        var lijst = await scope.ServiceProvider.GetRequiredService<AanvragenBekijkenHandler>().HandleAsync(leerling.Id);
        Assert.True(lijst.IsGelukt, lijst.Fout?.Melding);
        var regel = Assert.Single(lijst.Waarde.Aanvragen);
        Assert.Equal((Aanvraagstatus.Besloten, (Besluituitkomst?)Besluituitkomst.Toegekend, (decimal?)10_000.05m), (regel.Status, regel.Uitkomst, regel.ToegekendBedrag));
        Assert.True(lijst.Waarde.ToestemmingGedekt);
        Assert.Equal(1, lijst.Waarde.OppVersie);
    }
}
