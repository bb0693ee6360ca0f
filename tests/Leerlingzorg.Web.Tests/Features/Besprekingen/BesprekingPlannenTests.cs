using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Besprekingen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Besprekingen;

/// <summary>Issue 10, Deliver 1: planning a meeting or a series, Mijn besprekingen, the meeting page, the partner directory; the role matrix.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class BesprekingPlannenTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly DateOnly Vandaag = Schooldag.Vandaag;

    private TestData Data => new(fixture.App);

    private static DateTime Dag(int dagen) => Vandaag.AddDays(dagen).ToDateTime(TimeOnly.MinValue);

    /// <summary>The scenario's leerjaarcoördinator (leerjaar 1), who is not in <see cref="SchoolScenario"/>.</summary>
    private async Task<Gebruiker> CoordinatorAsync(SchoolScenario s)
    {
        await using var db = fixture.App.ContextFor(s.School.Id);
        var id = await db.Coordinatoren.Select(c => c.MedewerkerId).FirstAsync();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    private static BesprekingInvoer Leerlingbespreking(SchoolScenario s, Guid voorzitter, int dagen = 14) => new()
    {
        Soort = BesprekingSoort.Leerlingbespreking, Datum = Dag(dagen), Begin = new TimeSpan(15, 30, 0), Einde = new TimeSpan(17, 0, 0),
        Plaats = "Lokaal 1.12", VoorzitterId = voorzitter, KlasIds = [s.Klas.Id], DeelnemerIds = [s.Mentor.Id],
    };

    private async Task<Result<BesprekingGepland>> PlanAsync(Gebruiker user, string rol, BesprekingInvoer invoer)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<BesprekingPlannenHandler>().HandleAsync(invoer);
    }

    private async Task<T> AlsAsync<THandler, T>(Gebruiker user, string[] rollen, Func<THandler, Task<T>> actie) where THandler : notnull
    {
        await using var scope = fixture.App.ScopeAs(user, rollen);
        return await actie(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    [Fact]
    public async Task The_coordinator_plans_a_leerlingbespreking_with_a_form_for_each_docent_of_the_class_audited()
    {
        var s = await Data.SchoolAsync("Plannen enkel");
        var coordinator = await CoordinatorAsync(s);
        var gepland = await PlanAsync(coordinator, Rollen.Leerjaarcoordinator, Leerlingbespreking(s, coordinator.Id));
        Assert.True(gepland.IsGelukt, gepland.Fout?.Melding);
        Assert.Null(gepland.Waarde.Waarschuwing);
        var id = Assert.Single(gepland.Waarde.Ids);

        await using var db = fixture.App.ContextFor(s.School.Id);
        var b = await db.Besprekingen.Include(x => x.Deelnemers).Include(x => x.Klassen).SingleAsync(x => x.Id == id);
        Assert.Equal((BesprekingSoort.Leerlingbespreking, Vandaag.AddDays(14), new TimeOnly(15, 30), "Lokaal 1.12", BesprekingStatus.Gepland),
            (b.Soort, b.Datum, b.Begin, b.Plaats, b.Status));
        Assert.Equal(Bespreking.StandaardDeadline(Vandaag.AddDays(14), Vandaag), b.InventarisatieDeadline);
        Assert.Equal(new[] { coordinator.Id, s.Mentor.Id }.Order(), b.Deelnemers.Select(d => d.GebruikerId).Order());
        Assert.Equal(s.Klas.Id, Assert.Single(b.Klassen).KlasId);
        Assert.Null(b.SerieId);
        var formulier = Assert.Single(await db.Inventarisaties.Where(i => i.BesprekingId == id).ToListAsync());
        Assert.Equal((s.Docent.Id, s.Klas.Id, b.InventarisatieDeadline!.Value), (formulier.DocentId, formulier.KlasId, formulier.Deadline));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == coordinator.Id && a.Actie == AuditActie.Aanmaken && a.Detail.Contains(id.ToString())));
    }

    [Fact]
    public async Task A_series_every_two_weeks_plans_each_meeting_with_its_own_forms_per_docent_and_one_serie()
    {
        var s = await Data.SchoolAsync("Plannen reeks");
        var coordinator = await CoordinatorAsync(s);
        var tweedeDocent = await Data.UserAsync(s.School.Id, Rollen.Docent);
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Lesopdrachten.AddRange(
                new Lesopdracht { KlasId = s.Klas.Id, MedewerkerId = tweedeDocent.Id, Vak = "wiskunde" },
                // Two subjects in one class: still one form.
                new Lesopdracht { KlasId = s.Klas.Id, MedewerkerId = tweedeDocent.Id, Vak = "natuurkunde" });
            await db.SaveChangesAsync();
        }
        var invoer = Leerlingbespreking(s, coordinator.Id, 7);
        invoer.InventarisatieDeadline = Dag(5);
        invoer.Herhalen = true;
        invoer.WekenTussen = 2;
        invoer.HerhalenTot = Dag(7 + 42);
        var gepland = await PlanAsync(coordinator, Rollen.Leerjaarcoordinator, invoer);
        Assert.True(gepland.IsGelukt, gepland.Fout?.Melding);

        await using var lees = fixture.App.ContextFor(s.School.Id);
        var reeks = await lees.Besprekingen.Where(b => gepland.Waarde.Ids.Contains(b.Id)).OrderBy(b => b.Datum).ToListAsync();
        var verwacht = Bespreking.Serie(Vandaag.AddDays(7), 2, Vandaag.AddDays(49));
        Assert.Equal(verwacht, reeks.Select(b => b.Datum));
        Assert.True(reeks.Count >= 2);
        Assert.Single(reeks.Select(b => b.SerieId).Distinct());
        Assert.NotNull(reeks[0].SerieId);
        // Each meeting's forms are due as long before it as the first one's.
        Assert.All(reeks, b => Assert.Equal(b.Datum.AddDays(-2), b.InventarisatieDeadline));
        var formulieren = await lees.Inventarisaties.Where(i => gepland.Waarde.Ids.Contains(i.BesprekingId)).ToListAsync();
        Assert.All(reeks, b => Assert.Equal(new[] { s.Docent.Id, tweedeDocent.Id }.Order(),
            formulieren.Where(f => f.BesprekingId == b.Id).Select(f => f.DocentId).Order()));
        Assert.Equal(reeks.Count, await lees.AuditEntries.CountAsync(a => a.GebruikerId == coordinator.Id && a.Detail.Contains("Leerlingbespreking op ")));
    }

    [Fact]
    public async Task A_meeting_in_the_past_is_refused_with_the_Domains_message_next_to_the_date_and_nothing_is_written()
    {
        var s = await Data.SchoolAsync("Plannen verleden");
        var coordinator = await CoordinatorAsync(s);
        var invoer = Leerlingbespreking(s, coordinator.Id, -1);
        await using (var scope = fixture.App.ScopeAs(coordinator, Rollen.Leerjaarcoordinator))
        {
            var handler = scope.ServiceProvider.GetRequiredService<BesprekingPlannenHandler>();
            var veld = handler.Validator.Validate(invoer).Errors.Single();
            Assert.Equal((nameof(BesprekingInvoer.Datum), "Deze datum ligt in het verleden: plan de bespreking vandaag of later."), (veld.PropertyName, veld.ErrorMessage));
            var result = await handler.HandleAsync(invoer);
            Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
            Assert.Contains("in het verleden", result.Fout!.Melding, StringComparison.Ordinal);
        }
        // An end before the start and no class are refused next to their fields too.
        invoer = Leerlingbespreking(s, coordinator.Id);
        invoer.Einde = new TimeSpan(14, 0, 0);
        invoer.KlasIds = [];
        var fouten = new BesprekingInvoerValidator(TimeProvider.System).Validate(invoer).Errors.Select(e => e.PropertyName).Order();
        Assert.Equal([nameof(BesprekingInvoer.Einde), nameof(BesprekingInvoer.KlasIds)], fouten);
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.False(await db.Besprekingen.AnyAsync(b => b.AangemaaktDoor == coordinator.Id && b.Datum < Vandaag));
    }

    [Fact]
    public async Task The_coordinator_may_not_plan_a_TDO_ZAT_nor_for_a_class_outside_his_leerjaar_the_zorgcoordinator_may()
    {
        var s = await Data.SchoolAsync("Plannen rechten");
        var coordinator = await CoordinatorAsync(s);
        var zc = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var tdo = new BesprekingInvoer
        {
            Soort = BesprekingSoort.TdoZat, Datum = Dag(10), Begin = new TimeSpan(9, 0, 0), VoorzitterId = coordinator.Id, LeerlingIds = [s.Leerlingen[1].Id],
        };
        var geweigerd = await PlanAsync(coordinator, Rollen.Leerjaarcoordinator, tdo);
        Assert.Equal(FoutSoort.GeenToegang, geweigerd.Fout?.Soort);
        Assert.Contains("zorgcoördinator", geweigerd.Fout!.Melding, StringComparison.Ordinal);
        var keuzes = await AlsAsync<BesprekingKeuzesHandler, Result<BesprekingKeuzes>>(coordinator, [Rollen.Leerjaarcoordinator], h => h.HandleAsync());
        Assert.DoesNotContain(BesprekingSoort.TdoZat, keuzes.Waarde!.Soorten);
        Assert.DoesNotContain(BesprekingSoort.Ondersteuningsteam, keuzes.Waarde.Soorten);
        Assert.Contains(keuzes.Waarde.Klassen, k => k.Id == s.Klas.Id);

        var derde = new Klas { Naam = "3H", Leerjaar = 3, AfdelingId = s.Klas.AfdelingId, Schooljaar = TestData.HuidigSchooljaar, LocatieId = s.Locatie.Id };
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Klassen.Add(derde);
            await db.SaveChangesAsync();
        }
        var anderLeerjaar = Leerlingbespreking(s, coordinator.Id);
        anderLeerjaar.KlasIds = [derde.Id];
        Assert.Equal(FoutSoort.Ongeldig, (await PlanAsync(coordinator, Rollen.Leerjaarcoordinator, anderLeerjaar)).Fout?.Soort);
        // A docent chairs only as staff of the school; a user of another school is refused as chair.
        var vreemd = Leerlingbespreking(s, fixture.B.Mentor.Id);
        Assert.Equal(FoutSoort.Ongeldig, (await PlanAsync(coordinator, Rollen.Leerjaarcoordinator, vreemd)).Fout?.Soort);

        tdo.VoorzitterId = zc.Id;
        var toegestaan = await PlanAsync(zc, Rollen.Zorgcoordinator, tdo);
        Assert.True(toegestaan.IsGelukt, toegestaan.Fout?.Melding);
        anderLeerjaar.VoorzitterId = zc.Id;
        Assert.True((await PlanAsync(zc, Rollen.Zorgcoordinator, anderLeerjaar)).IsGelukt);
    }

    [Fact]
    public async Task A_TDO_ZAT_student_without_consent_is_put_on_the_agenda_anonymously_with_a_warning_naming_him()
    {
        var s = await Data.SchoolAsync("Plannen ZAT", aantalLeerlingen: 3);
        var zc = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var metToestemming = s.Leerlingen[1];
        var zonder = s.Leerlingen[2];
        var partner = new Partner { Naam = "Mw. Yilmaz", Organisatie = "Gemeente", Functie = PartnerFunctie.Leerplichtambtenaar };
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            foreach (var leerling in new[] { metToestemming, zonder })
            {
                var ouder = new Ouder { Voornaam = "Ouder", Achternaam = leerling.Voornaam };
                db.Ouders.Add(ouder);
                db.LeerlingOuders.Add(new LeerlingOuder { LeerlingId = leerling.Id, OuderId = ouder.Id, Relatie = OuderRelatie.Moeder, Gezag = true });
                if (leerling == metToestemming)
                {
                    db.Toestemmingen.Add(new Toestemming
                    {
                        LeerlingId = leerling.Id, OuderId = ouder.Id, Doel = ToestemmingDoel.BesprekingZat, Wijze = ToestemmingWijze.Schriftelijk,
                        GegevenOp = Vandaag.AddDays(-3), VastgelegdOp = DateTimeOffset.UtcNow, VastgelegdDoor = zc.Id,
                    });
                }
            }
            db.Partners.Add(partner);
            await db.SaveChangesAsync();
        }
        var gepland = await PlanAsync(zc, Rollen.Zorgcoordinator, new BesprekingInvoer
        {
            Soort = BesprekingSoort.TdoZat, Datum = Dag(21), Begin = new TimeSpan(10, 0, 0), VoorzitterId = zc.Id,
            LeerlingIds = [metToestemming.Id, zonder.Id], PartnerIds = [partner.Id], KlasIds = [s.Klas.Id],
        });
        Assert.True(gepland.IsGelukt, gepland.Fout?.Melding);
        Assert.Equal($"Zonder geldige toestemming voor het TDO/ZAT wordt {zonder.VolledigeNaam} anoniem besproken, zonder naam.", gepland.Waarde.Waarschuwing);

        await using var lees = fixture.App.ContextFor(s.School.Id);
        var id = Assert.Single(gepland.Waarde.Ids);
        var agenda = await lees.Agendapunten.Where(a => a.BesprekingId == id).OrderBy(a => a.Volgorde).ToListAsync();
        Assert.Equal([(metToestemming.Id, 1, false, (Guid?)zc.Id), (zonder.Id, 2, true, zc.Id)],
            agenda.Select(a => (a.LeerlingId, a.Volgorde, a.Anoniem, a.IngebrachtDoor)));
        Assert.Equal(partner.Id, (await lees.BesprekingPartners.SingleAsync(p => p.BesprekingId == id)).PartnerId);
        // Not per class: the class chosen by mistake is not kept; no forms.
        Assert.False(await lees.BesprekingKlassen.AnyAsync(k => k.BesprekingId == id));
        Assert.False(await lees.Inventarisaties.AnyAsync(i => i.BesprekingId == id));
        Assert.True(await lees.AuditEntries.AnyAsync(a => a.LeerlingId == zonder.Id && a.Actie == AuditActie.Aanmaken && a.Detail.Contains("anoniem")));
        Assert.True(await lees.AuditEntries.AnyAsync(a => a.LeerlingId == metToestemming.Id && a.Actie == AuditActie.Aanmaken && a.Detail.Contains(id.ToString())));
    }

    [Fact]
    public async Task Mijn_besprekingen_shows_the_meetings_the_user_takes_part_in_and_the_page_refuses_the_others()
    {
        var s = await Data.SchoolAsync("Mijn besprekingen");
        var coordinator = await CoordinatorAsync(s);
        var zc = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var gepland = await PlanAsync(coordinator, Rollen.Leerjaarcoordinator, Leerlingbespreking(s, coordinator.Id, 3));
        var id = Assert.Single(gepland.Waarde!.Ids);

        async Task<BesprekingenPagina> LijstAsync(Gebruiker user, string rol, bool eerder = false) =>
            (await AlsAsync<MijnBesprekingenHandler, Result<BesprekingenPagina>>(user, [rol], h => h.HandleAsync(eerder, 0, 20))).Waarde!;

        // The mentor takes part: he sees it, upcoming, with the scenario's own meeting (chaired by the coördinator) not his.
        var mentor = await LijstAsync(s.Mentor, Rollen.Mentor);
        var rij = Assert.Single(mentor.Items);
        Assert.Equal((id, "Leerlingbespreking", "1A", 1, 0), (rij.Id, rij.Naam, Assert.Single(rij.Klassen), rij.Formulieren, rij.Ingeleverd));
        Assert.Equal(coordinator.VolledigeNaam, rij.Voorzitter);
        Assert.Empty((await LijstAsync(s.Mentor, Rollen.Mentor, eerder: true)).Items);
        // The docent has a form but takes no part: not in his list, and the page says not found.
        Assert.Empty((await LijstAsync(s.Docent, Rollen.Docent)).Items);
        var docentPagina = await AlsAsync<BesprekingBekijkenHandler, Result<BesprekingDetail>>(s.Docent, [Rollen.Docent], h => h.HandleAsync(id));
        Assert.Equal(FoutSoort.NietGevonden, docentPagina.Fout?.Soort);
        Assert.Contains("niet gevonden", docentPagina.Fout!.Melding, StringComparison.Ordinal);
        // The coördinator sees both his meetings, upcoming first by date; the zorgcoördinator every meeting of the school.
        var eigen = await LijstAsync(coordinator, Rollen.Leerjaarcoordinator);
        Assert.Equal(2, eigen.Totaal);
        Assert.Equal(id, eigen.Items[0].Id);
        Assert.True(eigen.Items[0].Datum < eigen.Items[1].Datum);
        Assert.Equal(2, (await LijstAsync(zc, Rollen.Zorgcoordinator)).Totaal);
        Assert.Empty((await AlsAsync<MijnBesprekingenHandler, Result<BesprekingenPagina>>(fixture.B.Mentor, [Rollen.Mentor], h => h.HandleAsync(false, 0, 20))).Waarde!.Items);

        var detail = (await AlsAsync<BesprekingBekijkenHandler, Result<BesprekingDetail>>(s.Mentor, [Rollen.Mentor], h => h.HandleAsync(id))).Waarde!;
        Assert.Equal(Besprekingsrol.Deelnemer, detail.Rol);
        Assert.False(detail.MagAnnuleren);
        Assert.Equal([coordinator.Id, s.Mentor.Id], detail.Deelnemers.Select(d => d.Id));
        Assert.True(detail.Deelnemers[0].IsVoorzitter);
        Assert.Contains("Mentor", detail.Deelnemers[1].Rollen);
        // Only the organisator cancels; the meeting stays, cancelled.
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<BesprekingAnnulerenHandler, Result<BesprekingStatus>>(s.Mentor, [Rollen.Mentor], h => h.HandleAsync(id, detail.Versie))).Fout?.Soort);
        var geannuleerd = await AlsAsync<BesprekingAnnulerenHandler, Result<BesprekingStatus>>(coordinator, [Rollen.Leerjaarcoordinator], h => h.HandleAsync(id, detail.Versie));
        Assert.Equal(BesprekingStatus.Geannuleerd, geannuleerd.Waarde);
        Assert.Equal(BesprekingStatus.Geannuleerd, (await LijstAsync(s.Mentor, Rollen.Mentor)).Items.Single().Status);
    }

    [Fact]
    public async Task A_parent_an_SWV_user_and_a_user_without_role_are_refused_by_every_handler_and_nothing_is_written()
    {
        var s = await Data.SchoolAsync("Plannen rollen");
        var zonderRol = await Data.UserAsync(s.School.Id);
        var swv = await Data.SwvUserAsync(s.Swv.Id, Rollen.SwvMedewerker);
        await using var db = fixture.App.ContextFor(s.School.Id);
        var bestaand = await db.Besprekingen.Include(b => b.Deelnemers).FirstAsync();
        var partner = await db.Partners.FirstAsync();
        var (besprekingen, partners, audit) = (await db.Besprekingen.CountAsync(), await db.Partners.CountAsync(), await db.AuditEntries.CountAsync());
        foreach (var (user, rollen) in new[] { (s.OuderGebruiker, new[] { Rollen.Ouder }), (swv, new[] { Rollen.SwvMedewerker }), (zonderRol, Array.Empty<string>()) })
        {
            await using var scope = fixture.App.ScopeAs(user, rollen);
            var sp = scope.ServiceProvider;
            var invoer = Leerlingbespreking(s, user.Id);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<BesprekingKeuzesHandler>().HandleAsync()).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<BesprekingPlannenHandler>().HandleAsync(invoer)).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<MijnBesprekingenHandler>().HandleAsync(false, 0, 20)).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<BesprekingBekijkenHandler>().HandleAsync(bestaand.Id)).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<BesprekingAnnulerenHandler>().HandleAsync(bestaand.Id, bestaand.Versie)).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<PartnersHandler>().HandleAsync(true)).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<PartnerOpslaanHandler>().HandleAsync(new PartnerInvoer
            {
                Naam = "X", Organisatie = "Y", Functie = PartnerFunctie.Overig,
            })).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<PartnerArchiverenHandler>().HandleAsync(partner.Id, false)).Fout?.Soort);
            Assert.False(Besprekingtoegang.MagPlannen(sp.GetRequiredService<Web.Infrastructure.Tenancy.CurrentUser>()));
        }
        // A docent and a mentor take part in meetings but plan none.
        foreach (var (user, rol) in new[] { (s.Docent, Rollen.Docent), (s.Mentor, Rollen.Mentor) })
        {
            Assert.Equal(FoutSoort.GeenToegang, (await PlanAsync(user, rol, Leerlingbespreking(s, user.Id))).Fout?.Soort);
            Assert.True((await AlsAsync<MijnBesprekingenHandler, Result<BesprekingenPagina>>(user, [rol], h => h.HandleAsync(false, 0, 20))).IsGelukt);
        }
        Assert.Equal((besprekingen, partners, audit), (await db.Besprekingen.CountAsync(), await db.Partners.CountAsync(), await db.AuditEntries.CountAsync()));
        Assert.Equal(BesprekingStatus.Gepland, (await db.Besprekingen.SingleAsync(b => b.Id == bestaand.Id)).Status);
        Assert.True((await db.Partners.SingleAsync(p => p.Id == partner.Id)).Actief);
    }

    [Fact]
    public async Task The_zorgcoordinator_and_the_beheerder_keep_the_partner_directory_others_are_refused_and_an_archived_partner_is_not_offered()
    {
        var s = await Data.SchoolAsync("Partners");
        var zc = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var beheerder = await Data.UserAsync(s.School.Id, Rollen.Beheerder);
        var coordinator = await CoordinatorAsync(s);

        var nieuw = await AlsAsync<PartnerOpslaanHandler, Result<Guid>>(zc, [Rollen.Zorgcoordinator], h => h.HandleAsync(new PartnerInvoer
        {
            Naam = "  Anouk Smit\0 ", Organisatie = "GGD Gelderland-Midden", Functie = PartnerFunctie.Jeugdverpleegkundige, Email = "a.smit@ggd.example",
        }));
        Assert.True(nieuw.IsGelukt, nieuw.Fout?.Melding);
        var ongeldig = await AlsAsync<PartnerOpslaanHandler, Result<Guid>>(zc, [Rollen.Zorgcoordinator], h => h.HandleAsync(new PartnerInvoer
        {
            Naam = "", Organisatie = new string('x', 100_000), Email = "geen adres",
        }));
        Assert.Equal(FoutSoort.Ongeldig, ongeldig.Fout?.Soort);
        Assert.Contains("Vul de naam in.", ongeldig.Fout!.Melding, StringComparison.Ordinal);
        var gewijzigd = await AlsAsync<PartnerOpslaanHandler, Result<Guid>>(beheerder, [Rollen.Beheerder], h => h.HandleAsync(new PartnerInvoer
        {
            Id = nieuw.Waarde, Naam = "Anouk Smit", Organisatie = "GGD", Functie = PartnerFunctie.Jeugdverpleegkundige, Telefoon = "088 123 4567",
        }));
        Assert.True(gewijzigd.IsGelukt, gewijzigd.Fout?.Melding);
        foreach (var (user, rol) in new[] { (coordinator, Rollen.Leerjaarcoordinator), (s.Mentor, Rollen.Mentor) })
        {
            Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<PartnersHandler, Result<IReadOnlyList<PartnerRij>>>(user, [rol], h => h.HandleAsync(false))).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<PartnerArchiverenHandler, Result<bool>>(user, [rol], h => h.HandleAsync(nieuw.Waarde, false))).Fout?.Soort);
        }
        Assert.False((await AlsAsync<PartnerArchiverenHandler, Result<bool>>(zc, [Rollen.Zorgcoordinator], h => h.HandleAsync(nieuw.Waarde, false))).Waarde);

        var lijst = (await AlsAsync<PartnersHandler, Result<IReadOnlyList<PartnerRij>>>(zc, [Rollen.Zorgcoordinator], h => h.HandleAsync(true))).Waarde!;
        var rij = Assert.Single(lijst, p => p.Id == nieuw.Waarde);
        Assert.Equal(("Anouk Smit", "GGD", "088 123 4567", false), (rij.Naam, rij.Organisatie, rij.Telefoon, rij.Actief));
        Assert.DoesNotContain((await AlsAsync<PartnersHandler, Result<IReadOnlyList<PartnerRij>>>(zc, [Rollen.Zorgcoordinator], h => h.HandleAsync(false))).Waarde!,
            p => p.Id == nieuw.Waarde);
        Assert.DoesNotContain((await AlsAsync<BesprekingKeuzesHandler, Result<BesprekingKeuzes>>(zc, [Rollen.Zorgcoordinator], h => h.HandleAsync())).Waarde!.Partners,
            p => p.Id == nieuw.Waarde);
        var metGearchiveerde = await PlanAsync(zc, Rollen.Zorgcoordinator, new BesprekingInvoer
        {
            Soort = BesprekingSoort.Ondersteuningsteam, Datum = Dag(5), Begin = new TimeSpan(9, 0, 0), VoorzitterId = zc.Id, PartnerIds = [nieuw.Waarde],
        });
        Assert.Equal(FoutSoort.Ongeldig, metGearchiveerde.Fout?.Soort);
        // Never deleted: the row stays, and school B does not see it.
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.True(await db.Partners.AnyAsync(p => p.Id == nieuw.Waarde));
        var zcB = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        Assert.Equal(FoutSoort.NietGevonden, (await AlsAsync<PartnerArchiverenHandler, Result<bool>>(zcB, [Rollen.Zorgcoordinator], h => h.HandleAsync(nieuw.Waarde, true))).Fout?.Soort);
    }
    [Fact]
    public async Task The_organisator_moves_the_meeting_and_its_open_forms_move_with_it_a_participant_a_past_date_and_an_old_version_are_refused()
    {
        var s = await Data.SchoolAsync("Wijzigen");
        var coordinator = await CoordinatorAsync(s);
        var tweedeDocent = await Data.UserAsync(s.School.Id, Rollen.Docent);
        var id = Assert.Single((await PlanAsync(coordinator, Rollen.Leerjaarcoordinator, Leerlingbespreking(s, coordinator.Id, 10))).Waarde!.Ids);
        Task<Result<BesprekingWijziging>> LaadAsync(Gebruiker user, string rol) =>
            AlsAsync<BesprekingWijzigenHandler, Result<BesprekingWijziging>>(user, [rol], h => h.LaadAsync(id));
        Task<Result<int>> WijzigAsync(Gebruiker user, string rol, int versie, BesprekingInvoer invoer) =>
            AlsAsync<BesprekingWijzigenHandler, Result<int>>(user, [rol], h => h.HandleAsync(id, versie, invoer));

        Assert.Equal(FoutSoort.GeenToegang, (await LaadAsync(s.Mentor, Rollen.Mentor)).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await LaadAsync(s.Docent, Rollen.Docent)).Fout?.Soort);
        var wijziging = (await LaadAsync(coordinator, Rollen.Leerjaarcoordinator)).Waarde!;
        Assert.Equal([s.Mentor.Id], wijziging.Invoer.DeelnemerIds);
        DateOnly oud;
        await using (var vooraf = fixture.App.ContextFor(s.School.Id))
        {
            oud = (await vooraf.Besprekingen.SingleAsync(b => b.Id == id)).InventarisatieDeadline!.Value;
        }

        var invoer = wijziging.Invoer;
        invoer.Datum = Dag(-2);
        var verleden = await WijzigAsync(coordinator, Rollen.Leerjaarcoordinator, wijziging.Versie, invoer);
        Assert.Equal(FoutSoort.Ongeldig, verleden.Fout?.Soort);
        Assert.Contains("in het verleden", verleden.Fout!.Melding, StringComparison.Ordinal);
        invoer.Datum = Dag(17);
        invoer.Plaats = "Aula";
        invoer.DeelnemerIds = [tweedeDocent.Id];
        Assert.Equal(FoutSoort.GeenToegang, (await WijzigAsync(s.Mentor, Rollen.Mentor, wijziging.Versie, invoer)).Fout?.Soort);
        var nieuw = await WijzigAsync(coordinator, Rollen.Leerjaarcoordinator, wijziging.Versie, invoer);
        Assert.True(nieuw.IsGelukt, nieuw.Fout?.Melding);
        Assert.Equal(FoutSoort.Conflict, (await WijzigAsync(coordinator, Rollen.Leerjaarcoordinator, wijziging.Versie, invoer)).Fout?.Soort);

        await using var db = fixture.App.ContextFor(s.School.Id);
        var b = await db.Besprekingen.Include(x => x.Deelnemers).SingleAsync(x => x.Id == id);
        Assert.Equal((Vandaag.AddDays(17), "Aula", oud.AddDays(7)), (b.Datum, b.Plaats, b.InventarisatieDeadline!.Value));
        Assert.Equal(new[] { coordinator.Id, tweedeDocent.Id }.Order(), b.Deelnemers.Select(d => d.GebruikerId).Order());
        Assert.All(await db.Inventarisaties.Where(i => i.BesprekingId == id).ToListAsync(), i => Assert.Equal(oud.AddDays(7), i.Deadline));
    }
}
