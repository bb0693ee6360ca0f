using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Features.Zorgladder;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Zorgladder;

/// <summary>The ladder per student: who changes it to which level, PM IV with consent, who reads the history, audit.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ZorgladderTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);
    private static DateOnly Vandaag => Schooldag.Vandaag;

    private static PmWijzigenInvoer Invoer(LadderOverzicht overzicht, PmNiveau naar, string? reden = "Zorgen over het werk",
        string? geprobeerd = "Gesprekken met de mentor en een planner", string? rechtvaardiging = null) => new()
    {
        LeerlingId = overzicht.LeerlingId, Van = overzicht.Niveau, VanSinds = overzicht.Sinds, Versie = overzicht.Versie,
        Naar = naar, Datum = Schooldag.Picker, Reden = reden, Geprobeerd = geprobeerd, Rechtvaardiging = rechtvaardiging,
    };

    private static async Task<LadderOverzicht> LadderAsync(AsyncServiceScope scope, Guid leerlingId) =>
        (await scope.ServiceProvider.GetRequiredService<ZorgladderHandler>().HandleAsync(leerlingId)).Waarde
        ?? throw new InvalidOperationException("De zorgladder is niet zichtbaar.");

    private static async Task<Result<PmGewijzigd>> WijzigAsync(AsyncServiceScope scope, Guid leerlingId, PmNiveau naar,
        string? rechtvaardiging = null)
    {
        var overzicht = await LadderAsync(scope, leerlingId);
        return await scope.ServiceProvider.GetRequiredService<PmWijzigenHandler>()
            .HandleAsync(Invoer(overzicht, naar, rechtvaardiging: rechtvaardiging));
    }

    private async Task ZetNiveauAsync(Guid schoolId, Guid leerlingId, PmNiveau niveau, DateOnly? sinds = null)
    {
        await using var db = fixture.App.ContextFor(schoolId);
        var leerling = await db.Leerlingen.AsTracking().SingleAsync(l => l.Id == leerlingId);
        leerling.PmNiveau = niveau;
        leerling.PmSinds = sinds ?? Vandaag.AddDays(-20);
        await db.SaveChangesAsync();
    }

    private async Task<Gebruiker> ZorgcoordinatorAsync(Guid schoolId) => await Data.UserAsync(schoolId, Rollen.Zorgcoordinator);

    private async Task<PmNiveau> NiveauAsync(Guid schoolId, Guid leerlingId)
    {
        await using var db = fixture.App.ContextFor(schoolId);
        return await db.Leerlingen.Where(l => l.Id == leerlingId).Select(l => l.PmNiveau).SingleAsync();
    }

    [Fact]
    public async Task The_mentor_raises_his_own_student_from_PM_I_to_PM_II_and_the_step_the_level_and_an_audit_line_are_written()
    {
        var s = await Data.SchoolAsync("Ladderschool mentor");
        var leerling = s.Leerlingen[1];
        var voor = DateTimeOffset.UtcNow;
        await using (var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor))
        {
            var overzicht = await LadderAsync(scope, leerling.Id);
            Assert.Equal(PmNiveau.PmI, overzicht.Niveau);
            Assert.Equal([PmNiveau.Pm0, PmNiveau.PmII], overzicht.Bereikbaar);
            var result = await scope.ServiceProvider.GetRequiredService<PmWijzigenHandler>().HandleAsync(Invoer(overzicht, PmNiveau.PmII));
            Assert.True(result.IsGelukt, result.Fout?.Melding);
            Assert.Equal((PmNiveau.PmII, Vandaag), (result.Waarde.Niveau, result.Waarde.Sinds));

            var na = await LadderAsync(scope, leerling.Id);
            Assert.Equal((PmNiveau.PmII, (DateOnly?)Vandaag, 1), (na.Niveau, na.Sinds, na.Versie));
            var stap = Assert.Single(na.Stappen);
            Assert.Equal(((PmNiveau?)PmNiveau.PmI, PmNiveau.PmII, s.Mentor.VolledigeNaam), (stap.Van, stap.Naar, stap.Door));
            Assert.Equal(("Zorgen over het werk", "Gesprekken met de mentor en een planner"), (stap.Reden, stap.Geprobeerd));

            var tijdlijn = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>()
                .HandleAsync(new TijdlijnVraag(leerling.Id, Filter: TijdlijnFilterSoort.Ondersteuning));
            var item = Assert.Single(tijdlijn.Waarde!.Items, i => i.Soort == TijdlijnSoort.PmGewijzigd);
            Assert.Equal(PmNiveau.PmII, item.Niveau);
        }
        await using var db = fixture.App.ContextFor(s.School.Id);
        var opgeslagen = await db.Leerlingen.SingleAsync(l => l.Id == leerling.Id);
        Assert.Equal((PmNiveau.PmII, (DateOnly?)Vandaag), (opgeslagen.PmNiveau, opgeslagen.PmSinds));
        var regels = await db.AuditEntries.Where(a => a.LeerlingId == leerling.Id && a.GebruikerId == s.Mentor.Id && a.Tijdstip >= voor)
            .OrderBy(a => a.Id).ToListAsync();
        var schrijf = Assert.Single(regels, a => a.Actie == AuditActie.Wijzigen);
        Assert.StartsWith("zorgladder PM I naar PM II", schrijf.Detail, StringComparison.Ordinal);
        Assert.Contains(regels, a => a is { Actie: AuditActie.Lezen, Detail: "zorgladder" });
    }

    [Fact]
    public async Task The_mentor_cannot_raise_his_student_to_PM_III()
    {
        var s = await Data.SchoolAsync("Ladderschool grens");
        var leerling = s.Leerlingen[1];
        await ZetNiveauAsync(s.School.Id, leerling.Id, PmNiveau.PmII);
        await using (var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor))
        {
            var overzicht = await LadderAsync(scope, leerling.Id);
            Assert.DoesNotContain(PmNiveau.PmIII, overzicht.Bereikbaar);
            var result = await scope.ServiceProvider.GetRequiredService<PmWijzigenHandler>().HandleAsync(Invoer(overzicht, PmNiveau.PmIII));
            Assert.Equal(FoutSoort.GeenToegang, result.Fout?.Soort);
            Assert.Contains("zorgcoördinator", result.Fout!.Melding, StringComparison.Ordinal);
        }
        Assert.Equal(PmNiveau.PmII, await NiveauAsync(s.School.Id, leerling.Id));
    }

    [Fact]
    public async Task The_zorgcoordinator_raises_from_PM_II_to_PM_III()
    {
        var s = await Data.SchoolAsync("Ladderschool zorg");
        var leerling = s.Leerlingen[2];
        await ZetNiveauAsync(s.School.Id, leerling.Id, PmNiveau.PmII);
        var zorg = await ZorgcoordinatorAsync(s.School.Id);
        await using (var scope = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator))
        {
            var result = await WijzigAsync(scope, leerling.Id, PmNiveau.PmIII);
            Assert.True(result.IsGelukt, result.Fout?.Melding);
        }
        Assert.Equal(PmNiveau.PmIII, await NiveauAsync(s.School.Id, leerling.Id));
    }

    [Fact]
    public async Task The_coordinator_of_the_student_raises_to_PM_II_a_skip_asks_a_justification()
    {
        var s = await Data.SchoolAsync("Ladderschool coordinator");
        var leerling = s.Leerlingen[1];
        var coordinator = await Data.UserAsync(s.School.Id, Rollen.Leerjaarcoordinator);
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Coordinatoren.Add(new Coordinator { MedewerkerId = coordinator.Id, Leerjaar = 1 });
            await db.SaveChangesAsync();
        }
        var zorg = await ZorgcoordinatorAsync(s.School.Id);
        await using (var scope = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator))
        {
            var sprong = await WijzigAsync(scope, leerling.Id, PmNiveau.PmIII);
            Assert.Equal(FoutSoort.Ongeldig, sprong.Fout?.Soort);
            Assert.Contains("slaat een niveau over", sprong.Fout!.Melding, StringComparison.Ordinal);
        }
        await using (var scope = fixture.App.ScopeAs(coordinator, Rollen.Leerjaarcoordinator))
        {
            Assert.True((await WijzigAsync(scope, leerling.Id, PmNiveau.PmII)).IsGelukt);
        }
        Assert.Equal(PmNiveau.PmII, await NiveauAsync(s.School.Id, leerling.Id));
    }

    [Fact]
    public async Task PM_IV_is_refused_without_consent_of_the_ouder_with_gezag_and_allowed_with_it()
    {
        var s = await Data.SchoolAsync("Ladderschool ZAT");
        var leerling = s.Leerlingen[0]; // the one with the ouder
        await ZetNiveauAsync(s.School.Id, leerling.Id, PmNiveau.PmIII);
        var zorg = await ZorgcoordinatorAsync(s.School.Id);
        await using (var scope = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator))
        {
            var zonder = await WijzigAsync(scope, leerling.Id, PmNiveau.PmIV);
            Assert.Equal(FoutSoort.Ongeldig, zonder.Fout?.Soort);
            Assert.Contains($"Ouder {s.School.Naam}", zonder.Fout!.Melding, StringComparison.Ordinal);
        }
        Assert.Equal(PmNiveau.PmIII, await NiveauAsync(s.School.Id, leerling.Id));
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Toestemmingen.Add(new Toestemming
            {
                LeerlingId = leerling.Id, OuderId = s.Ouder.Id, Doel = ToestemmingDoel.BesprekingZat, Wijze = ToestemmingWijze.Schriftelijk,
                GegevenOp = Vandaag.AddDays(-2), VastgelegdOp = DateTimeOffset.UtcNow, VastgelegdDoor = zorg.Id,
            });
            await db.SaveChangesAsync();
        }
        await using (var scope = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator))
        {
            var met = await WijzigAsync(scope, leerling.Id, PmNiveau.PmIV);
            Assert.True(met.IsGelukt, met.Fout?.Melding);
        }
        Assert.Equal(PmNiveau.PmIV, await NiveauAsync(s.School.Id, leerling.Id));
    }

    [Fact]
    public async Task A_docent_sees_the_level_but_not_the_history_and_changes_nothing()
    {
        var s = await Data.SchoolAsync("Ladderschool docent");
        var leerling = s.Leerlingen[1];
        await using (var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor))
        {
            Assert.True((await WijzigAsync(scope, leerling.Id, PmNiveau.PmII)).IsGelukt);
        }
        var voor = DateTimeOffset.UtcNow;
        await using (var scope = fixture.App.ScopeAs(s.Docent, Rollen.Docent))
        {
            var overzicht = await LadderAsync(scope, leerling.Id);
            Assert.Equal((PmNiveau.PmII, (DateOnly?)Vandaag), (overzicht.Niveau, overzicht.Sinds));
            Assert.False(overzicht.HistorieZichtbaar);
            Assert.Empty(overzicht.Stappen);
            Assert.False(overzicht.MagWijzigen);
            var result = await scope.ServiceProvider.GetRequiredService<PmWijzigenHandler>().HandleAsync(Invoer(overzicht, PmNiveau.PmI, reden: "Gaat goed"));
            Assert.Equal(FoutSoort.GeenToegang, result.Fout?.Soort);

            var kaart = (await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(leerling.Id)).Waarde!;
            Assert.Equal((PmNiveau.PmII, (DateOnly?)Vandaag), (kaart.PmNiveau, kaart.PmSinds));
            // The page shows him no interventions or consent tabs.
            Assert.False(kaart.LeestZorg);
        }
        await using (var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(leerling.Id)).Waarde!.LeestZorg);
        }
        Assert.Equal(PmNiveau.PmII, await NiveauAsync(s.School.Id, leerling.Id));
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LeerlingId == leerling.Id && a.GebruikerId == s.Docent.Id
            && a.Tijdstip >= voor && a.Actie == AuditActie.Lezen && a.Detail == "PM-niveau"));
    }

    [Fact]
    public async Task A_mentor_of_another_class_and_users_of_another_school_find_neither_the_ladder_nor_the_student()
    {
        var s = await Data.SchoolAsync("Ladderschool ander");
        var leerling = s.Leerlingen[1];
        var andereMentor = await Data.UserAsync(s.School.Id, Rollen.Mentor);
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            var klas = new Klas { Naam = "1B", Leerjaar = 1, AfdelingId = s.Klas.AfdelingId, Schooljaar = TestData.HuidigSchooljaar, LocatieId = s.Locatie.Id };
            db.Klassen.Add(klas);
            db.KlasMentoren.Add(new KlasMentor { KlasId = klas.Id, MedewerkerId = andereMentor.Id });
            await db.SaveChangesAsync();
        }
        var zorgB = await ZorgcoordinatorAsync(fixture.B.School.Id);
        foreach (var (user, rol) in new[] { (andereMentor, Rollen.Mentor), (fixture.B.Mentor, Rollen.Mentor), (zorgB, Rollen.Zorgcoordinator) })
        {
            await using var scope = fixture.App.ScopeAs(user, rol);
            Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<ZorgladderHandler>().HandleAsync(leerling.Id)).Fout?.Soort);
            var result = await scope.ServiceProvider.GetRequiredService<PmWijzigenHandler>().HandleAsync(new PmWijzigenInvoer
            {
                LeerlingId = leerling.Id, Van = PmNiveau.PmI, Naar = PmNiveau.PmII, Datum = Schooldag.Picker, Reden = "x", Geprobeerd = "y",
            });
            Assert.Equal(FoutSoort.NietGevonden, result.Fout?.Soort);
        }
        Assert.Equal(PmNiveau.PmI, await NiveauAsync(s.School.Id, leerling.Id));
    }

    [Fact]
    public async Task A_parent_gets_no_access()
    {
        await using var scope = fixture.App.ScopeAs(fixture.A.OuderGebruiker, Rollen.Ouder);
        Assert.Equal(FoutSoort.GeenToegang, (await scope.ServiceProvider.GetRequiredService<ZorgladderHandler>().HandleAsync(fixture.A.Leerlingen[0].Id)).Fout?.Soort);
        var result = await scope.ServiceProvider.GetRequiredService<PmWijzigenHandler>().HandleAsync(new PmWijzigenInvoer
        {
            LeerlingId = fixture.A.Leerlingen[0].Id, Van = PmNiveau.PmI, Naar = PmNiveau.PmII, Datum = Schooldag.Picker, Reden = "x", Geprobeerd = "y",
        });
        Assert.Equal(FoutSoort.GeenToegang, result.Fout?.Soort);
    }

    [Fact]
    public async Task Two_people_changing_at_once_the_second_is_told_the_level_changed_meanwhile()
    {
        var s = await Data.SchoolAsync("Ladderschool tegelijk");
        var leerling = s.Leerlingen[1];
        var zorg = await ZorgcoordinatorAsync(s.School.Id);
        await using var mentor = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor);
        await using var zc = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator);
        // Both open the form on PM I.
        var doorMentor = Invoer(await LadderAsync(mentor, leerling.Id), PmNiveau.PmII);
        var doorZorg = Invoer(await LadderAsync(zc, leerling.Id), PmNiveau.Pm0, reden: "Intake opnieuw");
        Assert.True((await mentor.ServiceProvider.GetRequiredService<PmWijzigenHandler>().HandleAsync(doorMentor)).IsGelukt);
        var tweede = await zc.ServiceProvider.GetRequiredService<PmWijzigenHandler>().HandleAsync(doorZorg);
        Assert.Equal(FoutSoort.Conflict, tweede.Fout?.Soort);
        Assert.Contains("intussen door iemand anders gewijzigd", tweede.Fout!.Melding, StringComparison.Ordinal);
        Assert.Equal(PmNiveau.PmII, await NiveauAsync(s.School.Id, leerling.Id));
    }

    [Fact]
    public async Task Two_changes_sent_at_the_same_moment_one_wins_and_the_other_gets_the_conflict_message()
    {
        var s = await Data.SchoolAsync("Ladderschool race");
        var leerling = s.Leerlingen[2];
        var zorg = await ZorgcoordinatorAsync(s.School.Id);
        await using var mentor = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor);
        await using var zc = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator);
        var doorMentor = Invoer(await LadderAsync(mentor, leerling.Id), PmNiveau.PmII);
        var doorZorg = Invoer(await LadderAsync(zc, leerling.Id), PmNiveau.PmII, reden: "Ook de zorgcoördinator ziet het");
        var uitkomsten = await Task.WhenAll(
            mentor.ServiceProvider.GetRequiredService<PmWijzigenHandler>().HandleAsync(doorMentor),
            zc.ServiceProvider.GetRequiredService<PmWijzigenHandler>().HandleAsync(doorZorg));
        Assert.Single(uitkomsten, u => u.IsGelukt);
        Assert.Equal(FoutSoort.Conflict, Assert.Single(uitkomsten, u => !u.IsGelukt).Fout!.Soort);
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.Equal(1, await db.PmStappen.CountAsync(p => p.LeerlingId == leerling.Id));
    }

    [Fact]
    public async Task Bad_input_is_refused_per_field_and_nothing_is_written()
    {
        var s = await Data.SchoolAsync("Ladderschool invoer");
        var leerling = s.Leerlingen[1];
        await using (var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor))
        {
            var overzicht = await LadderAsync(scope, leerling.Id);
            var handler = scope.ServiceProvider.GetRequiredService<PmWijzigenHandler>();
            var invoer = Invoer(overzicht, PmNiveau.PmII, reden: "  ", geprobeerd: null);
            var validatie = await handler.Validator.ValidateAsync(invoer);
            Assert.Equal([nameof(PmWijzigenInvoer.Reden), nameof(PmWijzigenInvoer.Geprobeerd)], validatie.Errors.Select(e => e.PropertyName));
            Assert.Equal(FoutSoort.Ongeldig, (await handler.HandleAsync(invoer)).Fout?.Soort);

            var zelfde = Invoer(overzicht, PmNiveau.PmI);
            Assert.Equal(FoutSoort.Ongeldig, (await handler.HandleAsync(zelfde)).Fout?.Soort);
            var toekomst = Invoer(overzicht, PmNiveau.PmII);
            toekomst.Datum = Schooldag.Picker.AddDays(3);
            Assert.Contains("toekomst", (await handler.HandleAsync(toekomst)).Fout?.Melding, StringComparison.Ordinal);
        }
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.False(await db.PmStappen.AnyAsync(p => p.LeerlingId == leerling.Id));
    }

    [Fact]
    public async Task The_header_shows_the_level_on_both_paths_of_the_card()
    {
        var s = await Data.SchoolAsync("Ladderschool kop");
        var leerling = s.Leerlingen[1];
        await ZetNiveauAsync(s.School.Id, leerling.Id, PmNiveau.PmIII, new DateOnly(2027, 1, 12));
        // A docent of this class who mentors another: the card's uncompiled path (GroepsgesprekkenRuimer).
        var docentMentor = await Data.UserAsync(s.School.Id, Rollen.Docent, Rollen.Mentor);
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Lesopdrachten.Add(new Lesopdracht { KlasId = s.Klas.Id, MedewerkerId = docentMentor.Id, Vak = "Engels" });
            await db.SaveChangesAsync();
        }
        foreach (var (user, rollen) in new[] { (s.Mentor, new[] { Rollen.Mentor }), (docentMentor, new[] { Rollen.Docent, Rollen.Mentor }) })
        {
            await using var scope = fixture.App.ScopeAs(user, rollen);
            var kaart = (await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(leerling.Id)).Waarde!;
            Assert.Equal((PmNiveau.PmIII, (DateOnly?)new DateOnly(2027, 1, 12)), (kaart.PmNiveau, kaart.PmSinds));
        }
        Assert.Equal("PM III sinds 12 januari", PmWeergave.Kop(PmNiveau.PmIII, new DateOnly(2027, 1, 12), new DateOnly(2027, 3, 1)));
        Assert.Equal("PM II sinds 3 maart 2025", PmWeergave.Kop(PmNiveau.PmII, new DateOnly(2025, 3, 3), new DateOnly(2027, 3, 1)));
        Assert.Equal("PM I", PmWeergave.Kop(PmNiveau.PmI, null, new DateOnly(2027, 3, 1)));
    }
}
