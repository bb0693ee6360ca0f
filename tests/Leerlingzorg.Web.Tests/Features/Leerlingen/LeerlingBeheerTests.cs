using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Leerlingen;

/// <summary>The beheerder manages students and their parents; nobody else writes; every write is audited.</summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class LeerlingBeheerTests(LeerlingenFixture fixture) : IClassFixture<LeerlingenFixture>
{
    private static int volgnummer;

    private TestData Data => new(fixture.App);

    private static string NieuwNummer() => $"T{Interlocked.Increment(ref volgnummer):D5}";

    private async Task<AsyncServiceScope> AlsBeheerderAsync(Guid? schoolId = null)
    {
        var beheerder = await Data.UserAsync(schoolId ?? fixture.A.School.Id, Rollen.Beheerder);
        return fixture.App.ScopeAs(beheerder, Rollen.Beheerder);
    }

    private static LeerlingInvoer Invoer(string nummer, Guid? klasId = null) => new()
    {
        Leerlingnummer = nummer, Voornaam = "Sanne", Tussenvoegsel = "van", Achternaam = "Dijk",
        Geboortedatum = new DateTime(2012, 9, 3), KlasId = klasId, Inschrijfdatum = new DateTime(2025, 8, 20),
    };

    private static async Task<Guid> NieuweLeerlingAsync(AsyncServiceScope scope, Guid? klasId = null, bool amv = false)
    {
        var invoer = Invoer(NieuwNummer(), klasId);
        invoer.IsAmv = amv;
        var result = await scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>().HandleAsync(invoer);
        Assert.True(result.IsGelukt, result.Fout?.Melding);
        return result.Waarde;
    }

    private async Task<Leerling> LeesAsync(Guid id)
    {
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        return await db.Leerlingen.Include(l => l.Plaatsingen).Include(l => l.Ouders).ThenInclude(o => o.Ouder).SingleAsync(l => l.Id == id);
    }

    private async Task<List<AuditEntry>> AuditAsync(Guid leerlingId)
    {
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        return await db.AuditEntries.Where(a => a.LeerlingId == leerlingId).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task A_beheerder_adds_a_student_in_a_klas_with_his_placement_and_an_audit_line_without_personal_data()
    {
        await using var scope = await AlsBeheerderAsync();
        var id = await NieuweLeerlingAsync(scope, fixture.A.Klas.Id);

        var leerling = await LeesAsync(id);
        Assert.Equal("Dijk", leerling.Achternaam);
        Assert.Equal("van", leerling.Tussenvoegsel);
        Assert.Equal(new DateOnly(2012, 9, 3), leerling.Geboortedatum);
        Assert.Equal(LeerlingStatus.Ingeschreven, leerling.Status);
        Assert.Equal(new DateOnly(2025, 8, 20), leerling.Inschrijfdatum);
        Assert.Equal(fixture.A.Klas.Id, leerling.KlasId);
        var plaatsing = Assert.Single(leerling.Plaatsingen);
        Assert.Equal((fixture.A.Klas.Id, TestData.HuidigSchooljaar), (plaatsing.KlasId, plaatsing.Schooljaar));

        var audit = Assert.Single(await AuditAsync(id));
        Assert.Equal(AuditActie.Aanmaken, audit.Actie);
        Assert.Equal(Rollen.Beheerder, audit.Rol);
        Assert.DoesNotContain("Dijk", audit.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Sanne", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leerlingnummer_used_in_the_school_is_refused_with_a_Dutch_message()
    {
        await using var scope = await AlsBeheerderAsync();
        var handler = scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>();
        var bestaand = fixture.A.Leerlingen[0].Leerlingnummer;
        var result = await handler.HandleAsync(Invoer(bestaand));
        Assert.Equal(FoutSoort.Conflict, result.Fout!.Soort);
        Assert.Equal($"Leerlingnummer {bestaand} is al in gebruik bij een andere leerling van deze school. Kies een ander leerlingnummer.", result.Fout.Melding);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        Assert.Equal(1, await db.Leerlingen.CountAsync(l => l.Leerlingnummer == bestaand));
    }

    [Fact]
    public async Task The_same_leerlingnummer_is_fine_in_another_school()
    {
        await using var scope = await AlsBeheerderAsync(fixture.B.School.Id);
        var nummerVanA = fixture.Lijstleerlingen[0].Leerlingnummer;
        var result = await scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>().HandleAsync(Invoer(nummerVanA));
        Assert.True(result.IsGelukt, result.Fout?.Melding);
    }

    [Fact]
    public async Task Changing_the_number_to_one_in_use_is_refused_and_changes_nothing()
    {
        await using var scope = await AlsBeheerderAsync();
        var id = await NieuweLeerlingAsync(scope);
        var handler = scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>();
        var invoer = (await handler.LaadAsync(id)).Waarde!;
        var oud = invoer.Leerlingnummer;
        invoer.Leerlingnummer = fixture.A.Leerlingen[2].Leerlingnummer;
        invoer.Achternaam = "Anders";
        Assert.Equal(FoutSoort.Conflict, (await handler.HandleAsync(invoer)).Fout!.Soort);
        var leerling = await LeesAsync(id);
        Assert.Equal((oud, "Dijk"), (leerling.Leerlingnummer, leerling.Achternaam));
    }

    [Fact]
    public async Task Changing_name_and_klas_updates_this_years_placement_and_is_audited_by_field()
    {
        await using var scope = await AlsBeheerderAsync();
        var id = await NieuweLeerlingAsync(scope, fixture.A.Klas.Id);
        var handler = scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>();
        var invoer = (await handler.LaadAsync(id)).Waarde!;
        invoer.Achternaam = "Dijkstra";
        invoer.KlasId = fixture.Lijstklas.Id;
        Assert.True((await handler.HandleAsync(invoer)).IsGelukt);

        var leerling = await LeesAsync(id);
        Assert.Equal("Dijkstra", leerling.Achternaam);
        Assert.Equal(fixture.Lijstklas.Id, leerling.KlasId);
        Assert.Equal(fixture.Lijstklas.Id, Assert.Single(leerling.Plaatsingen).KlasId);
        var wijziging = (await AuditAsync(id)).Last();
        Assert.Equal(AuditActie.Wijzigen, wijziging.Actie);
        Assert.Equal("leerlinggegevens gewijzigd: achternaam, klas (2L)", wijziging.Detail);
    }

    [Fact]
    public async Task Invalid_input_is_refused_by_the_validator_in_the_handler_and_nothing_is_saved()
    {
        await using var scope = await AlsBeheerderAsync();
        var handler = scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>();
        var invoer = Invoer(NieuwNummer());
        invoer.Voornaam = " ";
        invoer.Geboortedatum = Schooldag.Picker.AddDays(3);
        var result = await handler.HandleAsync(invoer);
        Assert.Equal(FoutSoort.Ongeldig, result.Fout!.Soort);
        Assert.Contains("Vul de voornaam in.", result.Fout.Melding, StringComparison.Ordinal);
        Assert.Contains("De geboortedatum ligt in de toekomst.", result.Fout.Melding, StringComparison.Ordinal);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        Assert.False(await db.Leerlingen.AnyAsync(l => l.Leerlingnummer == invoer.Leerlingnummer));
    }

    [Fact]
    public async Task The_validator_drives_the_form_field_by_field()
    {
        await using var scope = await AlsBeheerderAsync();
        var validatie = FormValidatie.Voor(scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>().Validator);
        var invoer = Invoer("met spatie");
        Assert.Equal(["Een leerlingnummer bestaat uit letters, cijfers en streepjes, zonder spaties."],
            await validatie(invoer, nameof(LeerlingInvoer.Leerlingnummer)));
        Assert.Empty(await validatie(invoer, nameof(LeerlingInvoer.Voornaam)));
    }

    [Fact]
    public async Task Uitschrijven_keeps_the_student_and_his_history_and_starts_the_retention_on_the_date()
    {
        await using var scope = await AlsBeheerderAsync();
        var id = await NieuweLeerlingAsync(scope, fixture.A.Klas.Id);
        var handler = scope.ServiceProvider.GetRequiredService<LeerlingUitschrijvenHandler>();
        var invoer = (await handler.LaadAsync(id)).Waarde!;
        invoer.Datum = new DateTime(2026, 3, 15);
        invoer.Reden = "Verhuisd naar Groningen";
        var result = await handler.HandleAsync(invoer);
        Assert.Equal(new DateOnly(2026, 3, 15), result.Waarde);

        var leerling = await LeesAsync(id);
        Assert.Equal(LeerlingStatus.Uitgeschreven, leerling.Status);
        Assert.Equal(new DateOnly(2026, 3, 15), leerling.Uitschrijfdatum);
        Assert.Equal("Verhuisd naar Groningen", leerling.Uitschrijfreden);
        Assert.Null(leerling.KlasId);
        Assert.Single(leerling.Plaatsingen);
        var audit = (await AuditAsync(id)).Last();
        Assert.Equal((AuditActie.Wijzigen, "leerling uitgeschreven per 2026-03-15"), (audit.Actie, audit.Detail));

        // Twice is refused; the first date stays.
        Assert.Equal(FoutSoort.Conflict, (await handler.HandleAsync(invoer)).Fout!.Soort);
        Assert.Equal(FoutSoort.Conflict, (await handler.LaadAsync(id)).Fout!.Soort);
    }

    /// <summary>
    /// Regression (issue 8, finding 1): by hand the placement stayed open ("loopt nog"), through the import it closed
    /// as Vertrokken: two histories of one event. Every path now closes it the same way (Leerling.SchrijfUit).
    /// </summary>
    [Fact]
    public async Task Uitschrijven_by_hand_closes_this_years_placement_as_Vertrokken_like_the_import_does()
    {
        await using var scope = await AlsBeheerderAsync();
        var id = await NieuweLeerlingAsync(scope, fixture.A.Klas.Id);
        var handler = scope.ServiceProvider.GetRequiredService<LeerlingUitschrijvenHandler>();
        var invoer = (await handler.LaadAsync(id)).Waarde!;
        invoer.Reden = "Verhuisd";
        Assert.True((await handler.HandleAsync(invoer)).IsGelukt);

        var plaatsing = Assert.Single((await LeesAsync(id)).Plaatsingen);
        Assert.Equal((fixture.A.Klas.Id, (Jaaruitkomst?)Jaaruitkomst.Vertrokken), (plaatsing.KlasId, plaatsing.Uitkomst));
    }

    [Fact]
    public async Task A_student_cannot_leave_before_he_was_enrolled()
    {
        await using var scope = await AlsBeheerderAsync();
        var id = await NieuweLeerlingAsync(scope);
        var handler = scope.ServiceProvider.GetRequiredService<LeerlingUitschrijvenHandler>();
        var result = await handler.HandleAsync(new UitschrijvenInvoer { LeerlingId = id, Datum = new DateTime(2025, 8, 1), Reden = "vergissing" });
        Assert.Equal(FoutSoort.Ongeldig, result.Fout!.Soort);
        Assert.Contains("vóór de inschrijfdatum", result.Fout.Melding, StringComparison.Ordinal);
        Assert.Equal(LeerlingStatus.Ingeschreven, (await LeesAsync(id)).Status);
    }

    [Fact]
    public async Task Herinschrijven_enrols_the_student_again_in_a_klas()
    {
        await using var scope = await AlsBeheerderAsync();
        var id = await NieuweLeerlingAsync(scope, fixture.A.Klas.Id);
        await scope.ServiceProvider.GetRequiredService<LeerlingUitschrijvenHandler>()
            .HandleAsync(new UitschrijvenInvoer { LeerlingId = id, Datum = new DateTime(2025, 10, 1), Reden = "naar het buitenland" });
        var handler = scope.ServiceProvider.GetRequiredService<LeerlingHerinschrijvenHandler>();
        var invoer = handler.Nieuw(id);
        invoer.Datum = new DateTime(2026, 1, 5);
        invoer.KlasId = fixture.Lijstklas.Id;
        Assert.True((await handler.HandleAsync(invoer)).IsGelukt);

        var leerling = await LeesAsync(id);
        Assert.Equal(LeerlingStatus.Ingeschreven, leerling.Status);
        Assert.Equal(new DateOnly(2026, 1, 5), leerling.Inschrijfdatum);
        Assert.Null(leerling.Uitschrijfdatum);
        Assert.Null(leerling.Uitschrijfreden);
        Assert.Equal(fixture.Lijstklas.Id, leerling.KlasId);
        // The year he had left opens again, in his new klas: still one placement for the year.
        var plaatsing = Assert.Single(leerling.Plaatsingen);
        Assert.Equal((fixture.Lijstklas.Id, (Jaaruitkomst?)null), (plaatsing.KlasId, plaatsing.Uitkomst));
        Assert.Equal(FoutSoort.Conflict, (await handler.HandleAsync(invoer)).Fout!.Soort);
    }

    [Fact]
    public async Task Parents_are_added_changed_and_unlinked_with_their_preferred_language_and_the_parent_record_stays()
    {
        await using var scope = await AlsBeheerderAsync();
        var id = await NieuweLeerlingAsync(scope);
        var opslaan = scope.ServiceProvider.GetRequiredService<OuderOpslaanHandler>();
        var nieuw = (await opslaan.LaadAsync(id, null)).Waarde!;
        nieuw.Voornaam = "Fatima";
        nieuw.Achternaam = "El Amrani";
        nieuw.Relatie = OuderRelatie.Moeder;
        nieuw.Email = "fatima@voorbeeld.nl";
        nieuw.Telefoon = "06 12345678";
        nieuw.Voorkeurstaal = "Arabisch";
        var ouderId = (await opslaan.HandleAsync(nieuw)).Waarde;

        var kaart = (await scope.ServiceProvider.GetRequiredService<LeerlingGegevensHandler>().HandleAsync(id)).Waarde!;
        var ouder = Assert.Single(kaart.Ouders);
        Assert.Equal((ouderId, "Fatima El Amrani", OuderRelatie.Moeder, true, "Arabisch"), (ouder.OuderId, ouder.Naam, ouder.Relatie, ouder.Gezag, ouder.Voorkeurstaal));

        var wijzig = (await opslaan.LaadAsync(id, ouderId)).Waarde!;
        wijzig.Gezag = false;
        wijzig.Relatie = OuderRelatie.Verzorger;
        wijzig.Voorkeurstaal = "Nederlands";
        Assert.True((await opslaan.HandleAsync(wijzig)).IsGelukt);
        var gewijzigd = Assert.Single((await LeesAsync(id)).Ouders);
        Assert.Equal((OuderRelatie.Verzorger, false, "Nederlands"), (gewijzigd.Relatie, gewijzigd.Gezag, gewijzigd.Ouder!.Voorkeurstaal));

        Assert.True((await scope.ServiceProvider.GetRequiredService<OuderOntkoppelenHandler>().HandleAsync(id, ouderId)).IsGelukt);
        Assert.Empty((await LeesAsync(id)).Ouders);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        Assert.True(await db.Ouders.AnyAsync(o => o.Id == ouderId));
        Assert.Equal(
            [(AuditActie.Aanmaken, "ouder/verzorger toegevoegd (moeder)"), (AuditActie.Wijzigen, "ouder/verzorger gewijzigd (verzorger)"),
             (AuditActie.Verwijderen, "ouder/verzorger ontkoppeld (verzorger)")],
            (await AuditAsync(id)).Where(a => a.Detail.StartsWith("ouder", StringComparison.Ordinal)).Select(a => (a.Actie, a.Detail)));
    }

    [Fact]
    public async Task An_amv_student_gets_a_Nidos_guardian_and_a_parent_relation_is_refused_for_him()
    {
        await using var scope = await AlsBeheerderAsync();
        var amv = await NieuweLeerlingAsync(scope, amv: true);
        var opslaan = scope.ServiceProvider.GetRequiredService<OuderOpslaanHandler>();
        var voogd = (await opslaan.LaadAsync(amv, null)).Waarde!;
        Assert.Equal(OuderRelatie.NidosVoogd, voogd.Relatie);
        voogd.Voornaam = "Sanne";
        voogd.Tussenvoegsel = "de";
        voogd.Achternaam = "Wit";
        voogd.Email = "s.dewit@nidos.example";
        Assert.True((await opslaan.HandleAsync(voogd)).IsGelukt);

        var moeder = (await opslaan.LaadAsync(amv, null)).Waarde!;
        moeder.Voornaam = "Onbekend";
        moeder.Achternaam = "Onbekend";
        moeder.Relatie = OuderRelatie.Moeder;
        var result = await opslaan.HandleAsync(moeder);
        Assert.Equal(FoutSoort.Ongeldig, result.Fout!.Soort);
        Assert.Contains("Nidos-voogd", result.Fout.Melding, StringComparison.Ordinal);

        // And the form cannot talk a non-AMV student into a Nidos guardian.
        var gewoon = await NieuweLeerlingAsync(scope);
        var nidos = (await opslaan.LaadAsync(gewoon, null)).Waarde!;
        nidos.Voornaam = "Piet";
        nidos.Achternaam = "Puk";
        nidos.Relatie = OuderRelatie.NidosVoogd;
        nidos.LeerlingIsAmv = true;
        Assert.Equal(FoutSoort.Ongeldig, (await opslaan.HandleAsync(nidos)).Fout!.Soort);
    }

    [Theory]
    [InlineData(Rollen.Mentor)]
    [InlineData(Rollen.Zorgcoordinator)]
    [InlineData(Rollen.Docent)]
    [InlineData(Rollen.Schoolleiding)]
    [InlineData(Rollen.Ouder)]
    public async Task Only_the_beheerder_writes(string rol)
    {
        var leerling = fixture.A.Leerlingen[0];
        var user = rol == Rollen.Mentor ? fixture.A.Mentor : await Data.UserAsync(fixture.A.School.Id, rol);
        await using var scope = fixture.App.ScopeAs(user, rol);
        var services = scope.ServiceProvider;
        var invoer = Invoer(NieuwNummer());
        Assert.Equal(Fout.GeenToegang, (await services.GetRequiredService<LeerlingOpslaanHandler>().HandleAsync(invoer)).Fout);
        invoer.Id = leerling.Id;
        Assert.Equal(Fout.GeenToegang, (await services.GetRequiredService<LeerlingOpslaanHandler>().HandleAsync(invoer)).Fout);
        Assert.Equal(Fout.GeenToegang, (await services.GetRequiredService<LeerlingOpslaanHandler>().LaadAsync(leerling.Id)).Fout);
        Assert.Equal(Fout.GeenToegang, (await services.GetRequiredService<LeerlingUitschrijvenHandler>()
            .HandleAsync(new UitschrijvenInvoer { LeerlingId = leerling.Id, Datum = Schooldag.Picker, Reden = "test" })).Fout);
        Assert.Equal(Fout.GeenToegang, (await services.GetRequiredService<LeerlingHerinschrijvenHandler>()
            .HandleAsync(new HerinschrijvenInvoer { LeerlingId = leerling.Id, Datum = Schooldag.Picker })).Fout);
        Assert.Equal(Fout.GeenToegang, (await services.GetRequiredService<OuderOpslaanHandler>()
            .HandleAsync(new OuderInvoer { LeerlingId = leerling.Id, Voornaam = "X", Achternaam = "Y" })).Fout);
        Assert.Equal(Fout.GeenToegang, (await services.GetRequiredService<OuderOntkoppelenHandler>().HandleAsync(leerling.Id, fixture.A.Ouder.Id)).Fout);
        Assert.Equal(Fout.GeenToegang, (await services.GetRequiredService<LeerlingGegevensHandler>().HandleAsync(leerling.Id)).Fout);

        var opgeslagen = await LeesAsync(leerling.Id);
        Assert.Equal((LeerlingStatus.Ingeschreven, leerling.Achternaam), (opgeslagen.Status, opgeslagen.Achternaam));
        Assert.Single(opgeslagen.Ouders);
    }

    [Fact]
    public async Task A_beheerder_of_school_B_finds_no_student_of_school_A_to_change()
    {
        await using var scope = await AlsBeheerderAsync(fixture.B.School.Id);
        var leerling = fixture.A.Leerlingen[1];
        Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>().LaadAsync(leerling.Id)).Fout!.Soort);
        var invoer = Invoer(NieuwNummer());
        invoer.Id = leerling.Id;
        Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>().HandleAsync(invoer)).Fout!.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<LeerlingUitschrijvenHandler>()
            .HandleAsync(new UitschrijvenInvoer { LeerlingId = leerling.Id, Datum = Schooldag.Picker, Reden = "test" })).Fout!.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<LeerlingGegevensHandler>().HandleAsync(leerling.Id)).Fout!.Soort);
        Assert.Equal(FoutSoort.Ongeldig, (await scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>()
            .HandleAsync(Invoer(NieuwNummer(), fixture.A.Klas.Id))).Fout!.Soort);
    }

    [Fact]
    public async Task The_beheerder_sees_the_basic_data_with_status_and_klas_history_but_not_through_the_dossier_read()
    {
        await using var scope = await AlsBeheerderAsync();
        var id = await NieuweLeerlingAsync(scope, fixture.A.Klas.Id);
        await scope.ServiceProvider.GetRequiredService<LeerlingUitschrijvenHandler>()
            .HandleAsync(new UitschrijvenInvoer { LeerlingId = id, Datum = new DateTime(2026, 2, 1), Reden = "verhuisd" });

        var kaart = (await scope.ServiceProvider.GetRequiredService<LeerlingGegevensHandler>().HandleAsync(id)).Waarde!;
        Assert.True(kaart.IsUitgeschreven);
        Assert.Equal(new DateOnly(2026, 2, 1), kaart.Uitschrijfdatum);
        var plaatsing = Assert.Single(kaart.Plaatsingen);
        // The year he left ends as Vertrokken (issue 8: the same history on every path), not "loopt nog".
        Assert.Equal(("1A", TestData.HuidigSchooljaar, (Jaaruitkomst?)Jaaruitkomst.Vertrokken), (plaatsing.Klas, plaatsing.Schooljaar, plaatsing.Uitkomst));
        Assert.Contains(await AuditAsync(id), a => a.Actie == AuditActie.Lezen && a.Detail == "leerlinggegevens (beheer)");

        Assert.False((await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(id)).IsGelukt);
    }
}
