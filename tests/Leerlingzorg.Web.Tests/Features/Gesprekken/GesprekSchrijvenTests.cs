using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Gesprekken;

/// <summary>Logging, drafts, edits with revisions, soft delete and group conversations, through the handlers.</summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class GesprekSchrijvenTests(GesprekkenFixture fixture) : IClassFixture<GesprekkenFixture>
{
    private Guid Leerling(int i) => fixture.A.Leerlingen[i].Id;

    private GesprekInvoer Invoer(params Guid[] leerlingen) => new()
    {
        SoortId = fixture.MentorgesprekA,
        Datum = Schooldag.Picker,
        LeerlingIds = [.. leerlingen],
        Samenvatting = "Gaat goed, plant zijn huiswerk nu zelf.",
    };

    private async Task<T> AlsAsync<T>(Gebruiker user, string rol, Func<IServiceProvider, Task<T>> actie)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await actie(scope.ServiceProvider);
    }

    private Task<Result<Guid>> VastleggenAsync(Gebruiker user, string rol, GesprekInvoer invoer, string? sleutel = null) =>
        AlsAsync(user, rol, sp => sp.GetRequiredService<GesprekVastleggenHandler>().HandleAsync(invoer, sleutel));

    [Fact]
    public async Task A_mentor_logs_a_gesprek_with_afspraken_audited_per_student_and_the_draft_is_gone()
    {
        var mentor = fixture.A.Mentor;
        var sleutel = ConceptSleutel.Nieuw(Leerling(1));
        var invoer = Invoer(Leerling(1));
        invoer.MetOuders = true;
        invoer.AndereDeelnemers = "Moeder";
        invoer.Afspraken = [new AfspraakInvoer { Wat = "Planner elke dag bijwerken", EigenaarId = mentor.Id, Deadline = Schooldag.Picker.AddDays(14) }];
        Assert.True((await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<ConceptOpslaanHandler>().HandleAsync(sleutel, invoer))).IsGelukt);

        var result = await VastleggenAsync(mentor, Rollen.Mentor, invoer, sleutel);

        Assert.True(result.IsGelukt, result.Fout?.Melding);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        var gesprek = await db.Gesprekken.Include(g => g.Leerlingen).Include(g => g.Afspraken).SingleAsync(g => g.Id == result.Waarde);
        Assert.Equal(mentor.Id, gesprek.AuteurId);
        Assert.Equal(Vertrouwelijkheid.Normaal, gesprek.Vertrouwelijkheid);
        Assert.True(gesprek.MetOuders);
        Assert.Equal([Leerling(1)], gesprek.Leerlingen.Select(l => l.LeerlingId));
        var afspraak = Assert.Single(gesprek.Afspraken);
        Assert.Equal((mentor.Id, Leerling(1)), (afspraak.EigenaarId, afspraak.LeerlingId));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LeerlingId == Leerling(1) && a.Actie == AuditActie.Aanmaken && a.Detail.Contains(gesprek.Id.ToString())));
        Assert.False(await db.GesprekConcepten.AnyAsync(c => c.AuteurId == mentor.Id && c.Sleutel == sleutel));
    }

    [Fact]
    public async Task A_voortgangsgesprek_keeps_the_reflection_and_the_loopbaanvragen()
    {
        var invoer = Invoer(Leerling(2));
        invoer.SoortId = fixture.VoortgangsgesprekA;
        invoer.WatGaatGoed = "Wiskunde";
        invoer.WieKanMijDaarbijHelpen = "Mijn mentor";
        var result = await VastleggenAsync(fixture.A.Mentor, Rollen.Mentor, invoer);
        Assert.True(result.IsGelukt, result.Fout?.Melding);
        var detail = await AlsAsync(fixture.A.Mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekBekijkenHandler>().HandleAsync(result.Waarde));
        Assert.Equal("Wiskunde", detail.Waarde!.Voortgang!.WatGaatGoed);
        Assert.Equal("Mijn mentor", detail.Waarde.Voortgang.WieKanMijDaarbijHelpen);
    }

    [Theory]
    [InlineData(Rollen.Mentor)]
    [InlineData(Rollen.Docent)]
    [InlineData(Rollen.Leerjaarcoordinator)]
    [InlineData(Rollen.Beheerder)]
    [InlineData(Rollen.Ouder)]
    public async Task A_user_without_a_relation_with_the_student_cannot_log_a_gesprek_for_him(string rol)
    {
        var user = await fixture.Data.UserAsync(fixture.A.School.Id, rol);
        var result = await VastleggenAsync(user, rol, Invoer(Leerling(1)));
        Assert.Equal(FoutSoort.GeenToegang, result.Fout?.Soort);
        var formulier = await AlsAsync(user, rol, sp => sp.GetRequiredService<GesprekVastleggenHandler>().NieuwAsync(Leerling(1), null));
        Assert.Equal(FoutSoort.GeenToegang, formulier.Fout?.Soort);
    }

    [Fact]
    public async Task A_group_gesprek_with_a_student_of_another_class_is_refused_as_a_whole()
    {
        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            var ander = new Domain.Leerlingen.Leerling
            {
                Leerlingnummer = "2B001", Voornaam = "Ander", Achternaam = "Leerling", Geboortedatum = new DateOnly(2012, 1, 1), KlasId = fixture.Klas2B.Id,
            };
            db.Leerlingen.Add(ander);
            await db.SaveChangesAsync();
            var result = await VastleggenAsync(fixture.A.Mentor, Rollen.Mentor, Invoer(Leerling(1), ander.Id));
            Assert.Equal(FoutSoort.GeenToegang, result.Fout?.Soort);
        }
    }

    [Fact]
    public async Task A_zorgcoordinator_of_school_B_cannot_log_a_gesprek_for_a_student_of_school_A()
    {
        var user = await fixture.Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        var result = await VastleggenAsync(user, Rollen.Zorgcoordinator, Invoer(Leerling(1)));
        Assert.False(result.IsGelukt);
    }

    [Fact]
    public async Task Invalid_input_gives_Dutch_messages_and_saves_nothing()
    {
        var invoer = Invoer(Leerling(1));
        invoer.Samenvatting = "  ";
        invoer.Datum = Schooldag.Picker.AddDays(2);
        invoer.Afspraken = [new AfspraakInvoer { Wat = "", EigenaarId = fixture.A.Mentor.Id }];
        var result = await VastleggenAsync(fixture.A.Mentor, Rollen.Mentor, invoer);
        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        Assert.Contains("Vul de samenvatting in.", result.Fout!.Melding, StringComparison.Ordinal);
        Assert.Contains("De datum ligt in de toekomst.", result.Fout.Melding, StringComparison.Ordinal);
        Assert.Contains("Vul bij elke afspraak in wat er is afgesproken.", result.Fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dialog_form_has_the_active_soorten_the_staff_and_today_without_parents_among_the_staff()
    {
        var formulier = await AlsAsync(fixture.A.Mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekVastleggenHandler>().NieuwAsync(null, fixture.A.Klas.Id));
        Assert.True(formulier.IsGelukt, formulier.Fout?.Melding);
        var f = formulier.Waarde!;
        Assert.Equal(GesprekSoort.Standaard().Select(s => s.Naam), f.Soorten.Select(s => s.Naam));
        Assert.Contains(f.Medewerkers, m => m.Id == fixture.A.Mentor.Id);
        Assert.DoesNotContain(f.Medewerkers, m => m.Id == fixture.A.OuderGebruiker.Id);
        Assert.DoesNotContain(f.Medewerkers, m => m.Id == fixture.B.Mentor.Id);
        Assert.Equal(fixture.A.Leerlingen.Select(l => l.Id).Order(), f.Leerlingen.Select(l => l.Id).Order());
        Assert.Empty(f.Invoer.LeerlingIds);
        Assert.False(f.LeerlingenVast);
        Assert.NotNull(f.Invoer.Datum);
    }

    [Fact]
    public async Task A_draft_is_saved_restored_updated_and_deleted_and_is_private_to_its_author()
    {
        var sleutel = ConceptSleutel.Klas(fixture.A.Klas.Id);
        var invoer = Invoer(Leerling(0), Leerling(2));
        invoer.Samenvatting = "Half getypt";
        invoer.Afspraken = [new AfspraakInvoer { Wat = "Bellen" }];
        var mentor = fixture.A.Mentor;

        Assert.True((await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<ConceptOpslaanHandler>().HandleAsync(sleutel, invoer))).IsGelukt);
        invoer.Samenvatting = "Half getypt, en meer";
        Assert.True((await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<ConceptOpslaanHandler>().HandleAsync(sleutel, invoer))).IsGelukt);

        var hersteld = await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<ConceptOphalenHandler>().HandleAsync(sleutel));
        Assert.NotNull(hersteld);
        Assert.Equal("Half getypt, en meer", hersteld.Invoer.Samenvatting);
        Assert.Equal([Leerling(0), Leerling(2)], hersteld.Invoer.LeerlingIds);
        Assert.Equal("Bellen", Assert.Single(hersteld.Invoer.Afspraken).Wat);

        // Another user, even a mentor of the same class or the zorgcoördinator, neither sees nor deletes it.
        var zorg = await fixture.Data.UserAsync(fixture.A.School.Id, Rollen.Zorgcoordinator);
        Assert.Null(await AlsAsync(fixture.Auteur, Rollen.Mentor, sp => sp.GetRequiredService<ConceptOphalenHandler>().HandleAsync(sleutel)));
        Assert.Null(await AlsAsync(zorg, Rollen.Zorgcoordinator, sp => sp.GetRequiredService<ConceptOphalenHandler>().HandleAsync(sleutel)));
        Assert.False(await AlsAsync(zorg, Rollen.Zorgcoordinator, sp => sp.GetRequiredService<ConceptVerwijderenHandler>().HandleAsync(sleutel)));

        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            Assert.Equal(1, await db.GesprekConcepten.CountAsync(c => c.AuteurId == mentor.Id && c.Sleutel == sleutel));
        }
        Assert.True(await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<ConceptVerwijderenHandler>().HandleAsync(sleutel)));
        Assert.Null(await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<ConceptOphalenHandler>().HandleAsync(sleutel)));
    }

    [Fact]
    public async Task A_draft_of_school_A_is_invisible_in_school_B()
    {
        var sleutel = ConceptSleutel.Nieuw(Leerling(1));
        await AlsAsync(fixture.A.Mentor, Rollen.Mentor, sp => sp.GetRequiredService<ConceptOpslaanHandler>().HandleAsync(sleutel, Invoer(Leerling(1))));
        await using var db = fixture.App.ContextFor(fixture.B.School.Id);
        Assert.False(await db.GesprekConcepten.AnyAsync(c => c.Sleutel == sleutel));
    }

    [Fact]
    public async Task An_edit_keeps_the_previous_content_as_a_revision_and_raises_the_version()
    {
        var mentor = fixture.A.Mentor;
        var id = (await VastleggenAsync(mentor, Rollen.Mentor, Invoer(Leerling(1)))).Waarde;
        var formulier = await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekWijzigenHandler>().LaadAsync(id));
        var invoer = formulier.Waarde!.Invoer;
        Assert.Equal(1, invoer.Versie);
        invoer.Samenvatting = "Aangevuld na overleg";
        invoer.Vertrouwelijkheid = Vertrouwelijkheid.Zorg;

        var result = await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekWijzigenHandler>().HandleAsync(invoer));

        Assert.Equal(2, result.Waarde);
        var detail = (await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekBekijkenHandler>().HandleAsync(id))).Waarde!;
        Assert.Equal("Aangevuld na overleg", detail.Samenvatting);
        Assert.Equal(Vertrouwelijkheid.Zorg, detail.Vertrouwelijkheid);
        var revisie = Assert.Single(detail.Revisies);
        Assert.Equal(1, revisie.Versie);
        Assert.Equal("Gaat goed, plant zijn huiswerk nu zelf.", revisie.Inhoud!.Samenvatting);
        Assert.Equal(Vertrouwelijkheid.Normaal, revisie.Inhoud.Vertrouwelijkheid);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Actie == AuditActie.Wijzigen && a.LeerlingId == Leerling(1) && a.Detail.Contains(id.ToString())));
    }

    [Fact]
    public async Task An_edit_from_a_stale_version_gives_a_Dutch_conflict_and_changes_nothing()
    {
        var mentor = fixture.A.Mentor;
        var id = (await VastleggenAsync(mentor, Rollen.Mentor, Invoer(Leerling(1)))).Waarde;
        var eerste = (await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekWijzigenHandler>().LaadAsync(id))).Waarde!.Invoer;
        var tweede = (await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekWijzigenHandler>().LaadAsync(id))).Waarde!.Invoer;
        eerste.Samenvatting = "Eerste tabblad";
        tweede.Samenvatting = "Tweede tabblad";
        Assert.True((await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekWijzigenHandler>().HandleAsync(eerste))).IsGelukt);

        var result = await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekWijzigenHandler>().HandleAsync(tweede));

        Assert.Equal(FoutSoort.Conflict, result.Fout?.Soort);
        Assert.Contains("intussen gewijzigd", result.Fout!.Melding, StringComparison.Ordinal);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        Assert.Equal("Eerste tabblad", (await db.Gesprekken.SingleAsync(g => g.Id == id)).Samenvatting);
    }

    [Fact]
    public async Task Only_the_author_edits_a_gesprek()
    {
        var id = (await VastleggenAsync(fixture.A.Mentor, Rollen.Mentor, Invoer(Leerling(1)))).Waarde;
        var invoer = (await AlsAsync(fixture.A.Mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekWijzigenHandler>().LaadAsync(id))).Waarde!.Invoer;
        invoer.Samenvatting = "Door een ander";
        var zorg = await fixture.Data.UserAsync(fixture.A.School.Id, Rollen.Zorgcoordinator);
        Assert.False((await AlsAsync(fixture.Auteur, Rollen.Mentor, sp => sp.GetRequiredService<GesprekWijzigenHandler>().HandleAsync(invoer))).IsGelukt);
        Assert.False((await AlsAsync(zorg, Rollen.Zorgcoordinator, sp => sp.GetRequiredService<GesprekWijzigenHandler>().HandleAsync(invoer))).IsGelukt);
        Assert.False((await AlsAsync(zorg, Rollen.Zorgcoordinator, sp => sp.GetRequiredService<GesprekWijzigenHandler>().LaadAsync(id))).IsGelukt);
    }

    [Fact]
    public async Task A_soft_delete_keeps_the_row_and_hides_it_from_everyone_but_the_zorgcoordinator()
    {
        var mentor = fixture.A.Mentor;
        var id = (await VastleggenAsync(mentor, Rollen.Mentor, Invoer(Leerling(1)))).Waarde;
        var ib = await fixture.Data.UserAsync(fixture.A.School.Id, Rollen.InternBegeleider);
        var zorg = await fixture.Data.UserAsync(fixture.A.School.Id, Rollen.Zorgcoordinator);

        Assert.Equal(FoutSoort.Ongeldig, (await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekVerwijderenHandler>().HandleAsync(id, " "))).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync(ib, Rollen.InternBegeleider, sp => sp.GetRequiredService<GesprekVerwijderenHandler>().HandleAsync(id, "Onjuist"))).Fout?.Soort);
        Assert.True((await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekVerwijderenHandler>().HandleAsync(id, "Bij de verkeerde leerling gezet"))).IsGelukt);

        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            var rij = await db.Gesprekken.SingleAsync(g => g.Id == id);
            Assert.Equal("Bij de verkeerde leerling gezet", rij.VerwijderReden);
            Assert.Equal(mentor.Id, rij.VerwijderdDoor);
        }
        Assert.False((await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekBekijkenHandler>().HandleAsync(id))).IsGelukt);
        Assert.False((await AlsAsync(ib, Rollen.InternBegeleider, sp => sp.GetRequiredService<GesprekBekijkenHandler>().HandleAsync(id))).IsGelukt);
        Assert.False(await fixture.LeesbaarAsync(mentor, Rollen.Mentor, id, metVerwijderde: true));
        Assert.False(await fixture.LeesbaarAsync(zorg, Rollen.Zorgcoordinator, id));
        Assert.True(await fixture.LeesbaarAsync(zorg, Rollen.Zorgcoordinator, id, metVerwijderde: true));
        var gezien = await AlsAsync(zorg, Rollen.Zorgcoordinator, sp => sp.GetRequiredService<GesprekBekijkenHandler>().HandleAsync(id));
        Assert.True(gezien.Waarde!.IsVerwijderd);
        Assert.Equal("Bij de verkeerde leerling gezet", gezien.Waarde.VerwijderReden);
        Assert.False(gezien.Waarde.MagVerwijderen);
        // Once deleted, it cannot be edited or deleted again.
        Assert.False((await AlsAsync(mentor, Rollen.Mentor, sp => sp.GetRequiredService<GesprekWijzigenHandler>().LaadAsync(id))).IsGelukt);
        Assert.False((await AlsAsync(zorg, Rollen.Zorgcoordinator, sp => sp.GetRequiredService<GesprekVerwijderenHandler>().HandleAsync(id, "Nogmaals"))).IsGelukt);
    }

    [Fact]
    public async Task The_zorgcoordinator_may_delete_a_gesprek_he_did_not_write()
    {
        var id = (await VastleggenAsync(fixture.A.Mentor, Rollen.Mentor, Invoer(Leerling(1)))).Waarde;
        var zorg = await fixture.Data.UserAsync(fixture.A.School.Id, Rollen.Zorgcoordinator);
        Assert.True((await AlsAsync(zorg, Rollen.Zorgcoordinator, sp => sp.GetRequiredService<GesprekVerwijderenHandler>().HandleAsync(id, "Dubbel ingevoerd"))).IsGelukt);
    }

    [Fact]
    public async Task A_group_gesprek_with_three_students_shows_up_for_each_of_them()
    {
        var leerlingen = fixture.A.Leerlingen.Select(l => l.Id).ToArray();
        var invoer = Invoer(leerlingen);
        invoer.Afspraken = [new AfspraakInvoer { Wat = "Samen presentatie voorbereiden", EigenaarId = fixture.A.Docent.Id }];
        var id = (await VastleggenAsync(fixture.A.Mentor, Rollen.Mentor, invoer)).Waarde;

        await using var scope = fixture.App.ScopeAs(fixture.A.Docent, Rollen.Docent);
        var docent = scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Tenancy.CurrentUser>();
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        foreach (var leerling in leerlingen)
        {
            Assert.True(await Web.Infrastructure.Authorization.Dossiertoegang.LeesbareGesprekken(db, docent)
                .AnyAsync(g => g.Id == id && g.Leerlingen.Any(l => l.LeerlingId == leerling)));
            Assert.True(await db.Afspraken.AnyAsync(a => a.GesprekId == id && a.LeerlingId == leerling));
        }
        var detail = (await scope.ServiceProvider.GetRequiredService<GesprekBekijkenHandler>().HandleAsync(id)).Waarde!;
        Assert.Equal(3, detail.Leerlingen.Count);
        Assert.Single(detail.Afspraken);
    }
}
