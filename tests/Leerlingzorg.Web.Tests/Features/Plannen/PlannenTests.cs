using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Plannen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Plannen;

/// <summary>The staff side of the OPP and the handelingsplan (issue 11): who may, the workflow, conflicts, bad input, audit.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PlannenTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly Uri Basis = new("https://leerlingzorg.test/");

    private static readonly DateOnly Vandaag = Schooldag.Vandaag;

    private TestData Data => new(fixture.App);

    /// <summary>A school whose second student (no plan yet) has a moeder and a vader with gezag and a stiefvader without.</summary>
    private async Task<(SchoolScenario S, Leerling Leerling, Ouder Moeder, Ouder Vader, Ouder Stiefvader)> SchoolAsync(string naam)
    {
        var s = await Data.SchoolAsync(naam);
        var moeder = new Ouder { Voornaam = "Anna", Achternaam = naam };
        var vader = new Ouder { Voornaam = "Bram", Achternaam = naam };
        var stiefvader = new Ouder { Voornaam = "Chris", Achternaam = naam };
        var leerling = s.Leerlingen[1];
        await using var db = fixture.App.ContextFor(s.School.Id);
        db.Ouders.AddRange(moeder, vader, stiefvader);
        db.LeerlingOuders.AddRange(
            new LeerlingOuder { LeerlingId = leerling.Id, OuderId = moeder.Id, Relatie = OuderRelatie.Moeder, Gezag = true },
            new LeerlingOuder { LeerlingId = leerling.Id, OuderId = vader.Id, Relatie = OuderRelatie.Vader, Gezag = true },
            new LeerlingOuder { LeerlingId = leerling.Id, OuderId = stiefvader.Id, Relatie = OuderRelatie.Verzorger, Gezag = false });
        await db.SaveChangesAsync();
        return (s, leerling, moeder, vader, stiefvader);
    }

    private async Task<T> AlsAsync<THandler, T>(Gebruiker user, string rol, Func<THandler, Task<T>> actie) where THandler : notnull
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await actie(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private Task<Result<Guid>> StartAsync(Gebruiker user, string rol, Guid leerlingId, PlanSoort soort = PlanSoort.Opp) =>
        AlsAsync<PlanStartenHandler, Result<Guid>>(user, rol, h => h.HandleAsync(leerlingId, soort, Vandaag.AddDays(-3)));

    private Task<Result<PlanDetail>> DetailAsync(Gebruiker user, string rol, Guid leerlingId, Guid planId) =>
        AlsAsync<PlannenBekijkenHandler, Result<PlanDetail>>(user, rol, h => h.PlanAsync(leerlingId, planId));

    private static PlanInhoud Volledig => new()
    {
        BeginsituatieLeerling = "Leest op niveau groep 6.",
        Onderwijsbehoeften = "Korte instructie, extra tijd.",
        Uitstroombestemming = "vmbo",
        Uitstroomniveau = "basisberoepsgerichte leerweg",
        UitstroomOnderbouwing = "Capaciteitenonderzoek 2026.",
        Doelen = [new Onderwijsdoel("Leest zelfstandig een tekst van een A4", "Dagelijks 15 minuten samen lezen")],
        Handelingsdeel = [new Ondersteuningsregel("RT lezen", "remedial teacher", "2x per week", null)],
        Evaluatiedatum = Vandaag.AddMonths(3),
    };

    [Fact]
    public async Task A_docent_and_a_parent_are_refused_and_the_mentor_may_start_an_opp()
    {
        var (s, leerling, _, _, _) = await SchoolAsync("Plan rolschool");
        Assert.Equal(FoutSoort.GeenToegang, (await StartAsync(s.Docent, Rollen.Docent, leerling.Id)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await StartAsync(s.OuderGebruiker, Rollen.Ouder, leerling.Id)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<PlannenBekijkenHandler, Result<PlannenOverzicht>>(s.OuderGebruiker, Rollen.Ouder,
            h => h.LijstAsync(leerling.Id))).Fout?.Soort);
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            Assert.False(await db.Plannen.AnyAsync(p => p.LeerlingId == leerling.Id));
        }

        var gestart = await StartAsync(s.Mentor, Rollen.Mentor, leerling.Id);
        Assert.True(gestart.IsGelukt, gestart.Fout?.Melding);
        var lijst = await AlsAsync<PlannenBekijkenHandler, Result<PlannenOverzicht>>(s.Mentor, Rollen.Mentor, h => h.LijstAsync(leerling.Id));
        Assert.True(lijst.Waarde!.MagOpstellen);
        Assert.Equal(PlanStatus.Concept, Assert.Single(lijst.Waarde.Plannen).Status);
        // A second OPP while one runs is refused in Dutch.
        var tweede = await StartAsync(s.Mentor, Rollen.Mentor, leerling.Id);
        Assert.Contains("heeft al een OPP", tweede.Fout?.Melding, StringComparison.Ordinal);
        // The docent does not read the plans (Zorg level).
        var docent = await AlsAsync<PlannenBekijkenHandler, Result<PlannenOverzicht>>(s.Docent, Rollen.Docent, h => h.LijstAsync(leerling.Id));
        Assert.Equal(FoutSoort.GeenToegang, docent.Fout?.Soort);
    }

    [Fact]
    public async Task The_zorgcoordinator_runs_the_opp_workflow_asking_both_parents_with_gezag_and_a_rejection_opens_an_overleg()
    {
        var (s, leerling, moeder, vader, stiefvader) = await SchoolAsync("Plan werkschool");
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        const string rol = Rollen.Zorgcoordinator;
        var planId = (await StartAsync(zco, rol, leerling.Id)).Waarde;
        var detail = (await DetailAsync(zco, rol, leerling.Id, planId)).Waarde!;
        var versie = detail.Laatste;

        var opgeslagen = await AlsAsync<PlanBewerkenHandler, Result<Opgeslagen>>(zco, rol, h => h.HandleAsync(planId, versie.Id, versie.Revisie, Volledig));
        Assert.True(opgeslagen.IsGelukt, opgeslagen.Fout?.Melding);
        var voorgelegd = await AlsAsync<PlanVoorleggenHandler, Result<int>>(zco, rol, h => h.HandleAsync(planId, versie.Id, opgeslagen.Waarde!.Versie, Basis));
        Assert.True(voorgelegd.IsGelukt, voorgelegd.Fout?.Melding);
        Assert.Equal(2, voorgelegd.Waarde);

        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            var gevraagd = await db.Instemmingen.Where(i => i.VersieId == versie.Id).Select(i => i.OuderId).ToListAsync();
            Assert.Equal(new HashSet<Guid?> { moeder.Id, vader.Id }, gevraagd.ToHashSet());
            Assert.DoesNotContain(stiefvader.Id, gevraagd);
        }

        detail = (await DetailAsync(zco, rol, leerling.Id, planId)).Waarde!;
        Assert.Equal(PlanStatus.TerInstemming, detail.Laatste.Status);
        var revisie = detail.Laatste.Revisie;
        var ja = await AlsAsync<InstemmingVastleggenHandler, Result<Instemmingsuitkomst>>(zco, rol,
            h => h.HandleAsync(planId, versie.Id, revisie, moeder.Id, true, null, InstemmingWijze.Schriftelijk));
        Assert.Equal(Instemmingsuitkomst.Open, ja.Waarde);
        var geenReden = await AlsAsync<InstemmingVastleggenHandler, Result<Instemmingsuitkomst>>(zco, rol,
            h => h.HandleAsync(planId, versie.Id, revisie, vader.Id, false, "  ", InstemmingWijze.Mondeling));
        Assert.Equal(InstemmingVastleggenHandler.RedenOntbreekt, geenReden.Fout?.Melding);
        var nee = await AlsAsync<InstemmingVastleggenHandler, Result<Instemmingsuitkomst>>(zco, rol,
            h => h.HandleAsync(planId, versie.Id, revisie, vader.Id, false, "Te weinig uren RT", InstemmingWijze.Mondeling));
        Assert.Equal(Instemmingsuitkomst.NietIngestemd, nee.Waarde);
        var zonderGezag = await AlsAsync<InstemmingVastleggenHandler, Result<Instemmingsuitkomst>>(zco, rol,
            h => h.HandleAsync(planId, versie.Id, revisie, stiefvader.Id, true, null, InstemmingWijze.Mondeling));
        Assert.False(zonderGezag.IsGelukt);

        detail = (await DetailAsync(zco, rol, leerling.Id, planId)).Waarde!;
        Assert.Equal(PlanStatus.NietIngestemd, detail.Laatste.Status);
        var overleg = Assert.Single(detail.Laatste.Overleggen);
        Assert.Equal("Te weinig uren RT", overleg.Aanleiding);
        var afgesloten = await AlsAsync<OverlegAfsluitenHandler, Result<bool>>(zco, rol,
            h => h.HandleAsync(planId, overleg.Id, overleg.Versie, Vandaag, "Ouders, mentor en zco: RT gaat naar 3x per week."));
        Assert.True(afgesloten.IsGelukt, afgesloten.Fout?.Melding);

        var nieuw = await AlsAsync<NieuweVersieHandler, Result<Guid>>(zco, rol, h => h.HandleAsync(planId, detail.PlanVersie));
        Assert.True(nieuw.IsGelukt, nieuw.Fout?.Melding);
        detail = (await DetailAsync(zco, rol, leerling.Id, planId)).Waarde!;
        Assert.Equal((2, PlanStatus.Concept), (detail.Laatste.Nummer, detail.Laatste.Status));
        Assert.Equal("RT lezen", Assert.Single(detail.Laatste.Inhoud.Handelingsdeel).Ondersteuning);

        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            var regels = await db.AuditEntries.Where(a => a.GebruikerId == zco.Id && a.LeerlingId == leerling.Id).Select(a => a.Detail).ToListAsync();
            Assert.Contains(regels, d => d.StartsWith("OPP gestart", StringComparison.Ordinal));
            Assert.Contains(regels, d => d.StartsWith("ter instemming voorgelegd", StringComparison.Ordinal));
            Assert.Contains(regels, d => d.StartsWith("niet-instemming vastgelegd", StringComparison.Ordinal));
            Assert.Contains(regels, d => d.StartsWith("overleg afgesloten", StringComparison.Ordinal));
            Assert.Contains(regels, d => d.StartsWith("nieuwe versie", StringComparison.Ordinal));
            Assert.Contains(regels, d => d.Contains($"plan {planId}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_stale_autosave_is_a_Dutch_conflict_and_nothing_is_overwritten()
    {
        var (s, leerling, _, _, _) = await SchoolAsync("Plan conflictschool");
        var planId = (await StartAsync(s.Mentor, Rollen.Mentor, leerling.Id)).Waarde;
        var versie = (await DetailAsync(s.Mentor, Rollen.Mentor, leerling.Id, planId)).Waarde!.Laatste;
        var eerste = await AlsAsync<PlanBewerkenHandler, Result<Opgeslagen>>(s.Mentor, Rollen.Mentor,
            h => h.HandleAsync(planId, versie.Id, versie.Revisie, new PlanInhoud { VisieLeerling = "Eerste" }));
        Assert.True(eerste.IsGelukt);
        var tweede = await AlsAsync<PlanBewerkenHandler, Result<Opgeslagen>>(s.Mentor, Rollen.Mentor,
            h => h.HandleAsync(planId, versie.Id, versie.Revisie, new PlanInhoud { VisieLeerling = "Tweede" }));
        Assert.Equal(FoutSoort.Conflict, tweede.Fout?.Soort);
        Assert.Contains("intussen opgeslagen", tweede.Fout!.Melding, StringComparison.Ordinal);
        Assert.Equal("Eerste", (await DetailAsync(s.Mentor, Rollen.Mentor, leerling.Id, planId)).Waarde!.Laatste.Inhoud.VisieLeerling);

        // A workflow step on a stale row version is refused too.
        var voorleggen = await AlsAsync<PlanVoorleggenHandler, Result<int>>(s.Mentor, Rollen.Mentor, h => h.HandleAsync(planId, versie.Id, versie.Versie, Basis));
        Assert.Equal(FoutSoort.Conflict, voorleggen.Fout?.Soort);
        // Only the first save is audited, not every keystroke.
        var derde = await AlsAsync<PlanBewerkenHandler, Result<Opgeslagen>>(s.Mentor, Rollen.Mentor,
            h => h.HandleAsync(planId, versie.Id, eerste.Waarde!.Revisie, new PlanInhoud { VisieLeerling = "Derde" }));
        Assert.True(derde.IsGelukt);
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.LeerlingId == leerling.Id && a.Detail.StartsWith("concept bewerkt")));
    }

    [Fact]
    public async Task A_NUL_is_cleaned_and_a_text_of_100k_characters_is_refused_in_Dutch()
    {
        var (s, leerling, _, _, _) = await SchoolAsync("Plan invoerschool");
        var planId = (await StartAsync(s.Mentor, Rollen.Mentor, leerling.Id)).Waarde;
        var versie = (await DetailAsync(s.Mentor, Rollen.Mentor, leerling.Id, planId)).Waarde!.Laatste;
        var schoon = await AlsAsync<PlanBewerkenHandler, Result<Opgeslagen>>(s.Mentor, Rollen.Mentor,
            h => h.HandleAsync(planId, versie.Id, versie.Revisie, new PlanInhoud { Onderwijsbehoeften = "Rust\0 en structuur", Doelen = [new Onderwijsdoel("Doel\0 1", null)] }));
        Assert.True(schoon.IsGelukt, schoon.Fout?.Melding);
        var inhoud = (await DetailAsync(s.Mentor, Rollen.Mentor, leerling.Id, planId)).Waarde!.Laatste.Inhoud;
        Assert.DoesNotContain('\0', inhoud.Onderwijsbehoeften!);
        Assert.DoesNotContain('\0', inhoud.Doelen[0].Doel);

        var lang = await AlsAsync<PlanBewerkenHandler, Result<Opgeslagen>>(s.Mentor, Rollen.Mentor,
            h => h.HandleAsync(planId, versie.Id, schoon.Waarde!.Revisie, new PlanInhoud { Afwijkingen = new string('x', 100_000) }));
        Assert.Equal(FoutSoort.Ongeldig, lang.Fout?.Soort);
        Assert.Contains("hoogstens 8.000 tekens", lang.Fout!.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handelingsplan_starts_from_the_dossier_is_adopted_and_evaluated()
    {
        var s = await Data.SchoolAsync("Plan handelingsschool");
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        const string rol = Rollen.Zorgcoordinator;
        var leerling = s.Leerlingen[0];
        var gestart = await StartAsync(zco, rol, leerling.Id, PlanSoort.Handelingsplan);
        Assert.True(gestart.IsGelukt, gestart.Fout?.Melding);
        var planId = gestart.Waarde;
        var versie = (await DetailAsync(zco, rol, leerling.Id, planId)).Waarde!.Laatste;
        // The prefill: the active intervention as a line, the level and the pass's facility as a starting text.
        var regel = Assert.Single(versie.Inhoud.Handelingsdeel);
        Assert.Equal("Plannen en organiseren", regel.Ondersteuning);
        Assert.NotNull(regel.InzetId);
        Assert.Equal(s.Mentor.Voornaam, regel.Wie?.Split(' ')[0]);
        Assert.Contains("Zorgladder", versie.Inhoud.Onderwijsbehoeften, StringComparison.Ordinal);
        Assert.Contains("ondersteuningspas", versie.Inhoud.Onderwijsbehoeften, StringComparison.Ordinal);

        var onvolledig = await AlsAsync<PlanVaststellenHandler, Result<bool>>(zco, rol, h => h.HandleAsync(planId, versie.Id, versie.Versie, Basis));
        Assert.Contains("onderwijsdoel", onvolledig.Fout?.Melding, StringComparison.Ordinal);
        var opgeslagen = await AlsAsync<PlanBewerkenHandler, Result<Opgeslagen>>(zco, rol, h => h.HandleAsync(planId, versie.Id, versie.Revisie,
            versie.Inhoud with { Doelen = [new Onderwijsdoel("Maakt zelf een weekplanning", "Elke maandag met de mentor")], Evaluatiedatum = Vandaag.AddMonths(2) }));
        Assert.True(opgeslagen.IsGelukt, opgeslagen.Fout?.Melding);
        var vastgesteld = await AlsAsync<PlanVaststellenHandler, Result<bool>>(zco, rol, h => h.HandleAsync(planId, versie.Id, opgeslagen.Waarde!.Versie, Basis));
        Assert.True(vastgesteld.IsGelukt, vastgesteld.Fout?.Melding);
        var detail = (await DetailAsync(zco, rol, leerling.Id, planId)).Waarde!;
        Assert.Equal(PlanStatus.InUitvoering, detail.Laatste.Status);

        var geevalueerd = await AlsAsync<PlanEvaluerenHandler, Result<bool>>(zco, rol,
            h => h.HandleAsync(planId, versie.Id, detail.Laatste.Versie, "Planning lukt zelfstandig.", Vandaag));
        Assert.True(geevalueerd.IsGelukt, geevalueerd.Fout?.Melding);
        // A parent is told by mail that a handelingsplan was adopted (link only).
        var mails = await fixture.App.BezorgdeMailAsync();
        Assert.Contains(mails, m => m.GebruikerId == s.OuderGebruiker.Id && m.Link == $"https://leerlingzorg.test/mijn-kinderen/{leerling.Id}/plan");
    }

    [Fact]
    public async Task The_jeugdhulp_partner_of_an_integrated_plan_comes_from_the_own_schools_directory_and_its_consent_shows()
    {
        var (s, leerling, moeder, vader, _) = await SchoolAsync("Plan integraalschool");
        var ander = await Data.SchoolAsync("Plan integraal andere school");
        var wijkteam = new Partner { Naam = "Samira El Idrissi", Organisatie = "Wijkteam Ede", Functie = PartnerFunctie.Brugfunctionaris };
        var leerplicht = new Partner { Naam = "Ruud Verhoef", Organisatie = "Leerplicht Ede", Functie = PartnerFunctie.Leerplichtambtenaar };
        var vreemd = new Partner { Naam = "Elders", Organisatie = "Wijkteam Elders", Functie = PartnerFunctie.Jeugdhulp };
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Partners.AddRange(wijkteam, leerplicht);
            await db.SaveChangesAsync();
        }
        await using (var db = fixture.App.ContextFor(ander.School.Id))
        {
            db.Partners.Add(vreemd);
            await db.SaveChangesAsync();
        }
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        const string rol = Rollen.Zorgcoordinator;
        var planId = (await StartAsync(zco, rol, leerling.Id)).Waarde;
        var detail = (await DetailAsync(zco, rol, leerling.Id, planId)).Waarde!;
        var keuze = detail.Jeugdhulppartners.Select(p => p.Id).ToList();
        Assert.Contains(wijkteam.Id, keuze);
        Assert.DoesNotContain(leerplicht.Id, keuze);
        Assert.DoesNotContain(vreemd.Id, keuze);

        var inhoud = Volledig with { Jeugdhulp = new Jeugdhulpdeel { PartnerId = vreemd.Id, Organisatie = "Wijkteam Elders", Hulp = "Gezinscoach" } };
        var geweigerd = await AlsAsync<PlanBewerkenHandler, Result<Opgeslagen>>(zco, rol, h => h.HandleAsync(planId, detail.Laatste.Id, detail.Laatste.Revisie, inhoud));
        Assert.Equal(FoutSoort.Ongeldig, geweigerd.Fout?.Soort);
        Assert.Contains("niet in de partnerlijst", geweigerd.Fout!.Melding, StringComparison.Ordinal);

        // The organisation and contact are taken from the directory, whatever the form sent.
        inhoud = Volledig with { Jeugdhulp = new Jeugdhulpdeel { PartnerId = wijkteam.Id, Organisatie = "iets anders", Hulp = "Gezinscoach, wekelijks thuis", Afstemming = "Elke zes weken overleg." } };
        var opgeslagen = await AlsAsync<PlanBewerkenHandler, Result<Opgeslagen>>(zco, rol, h => h.HandleAsync(planId, detail.Laatste.Id, detail.Laatste.Revisie, inhoud));
        Assert.True(opgeslagen.IsGelukt, opgeslagen.Fout?.Melding);
        detail = (await DetailAsync(zco, rol, leerling.Id, planId)).Waarde!;
        Assert.Equal("Wijkteam Ede", detail.Laatste.Inhoud.Jeugdhulp!.Organisatie);
        Assert.Equal("Samira El Idrissi, Brugfunctionaris / wijkteam", detail.Laatste.Inhoud.Jeugdhulp.Contactpersoon);
        Assert.Empty(detail.Laatste.Inhoud.Onvolledig(PlanSoort.Opp));
        Assert.False(detail.MagDelenMet("Wijkteam Ede"));

        // Both parents with gezag consent to sharing with the wijkteam: then the plan may be shared.
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            foreach (var ouder in new[] { moeder, vader })
            {
                db.Toestemmingen.Add(new Toestemming
                {
                    LeerlingId = leerling.Id, OuderId = ouder.Id, Doel = ToestemmingDoel.DelenMetPartner, Partner = "wijkteam ede",
                    Wijze = ToestemmingWijze.Schriftelijk, GegevenOp = Vandaag, VastgelegdOp = DateTimeOffset.UtcNow, VastgelegdDoor = zco.Id,
                });
                if (ouder == moeder)
                {
                    await db.SaveChangesAsync();
                    Assert.False((await DetailAsync(zco, rol, leerling.Id, planId)).Waarde!.MagDelenMet("Wijkteam Ede"));
                }
            }
            await db.SaveChangesAsync();
        }
        Assert.True((await DetailAsync(zco, rol, leerling.Id, planId)).Waarde!.MagDelenMet("Wijkteam Ede"));
    }
}
