using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Features.Inzetten;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Ondersteuning;

/// <summary>Interventions per role: who starts which offer, consent gating, the waiting list, ending, overdue reviews and isolation.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class InzettenTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly DateOnly Vandaag = Schooldag.Vandaag;

    private TestData Data => new(fixture.App);

    private async Task<Ondersteuningsaanbod> AanbodAsync(Guid schoolId, string naam, PmNiveau niveau, int? capaciteit = null, ToestemmingDoel? toestemming = null)
    {
        var aanbod = Ondersteuningsaanbod.Nieuw(naam, Ondersteuningscategorie.SociaalEmotioneel, niveau, Aanbiedersoort.Intern, "Trainer", capaciteit, toestemming, null);
        await using var db = fixture.App.ContextFor(schoolId);
        db.Ondersteuningsaanbod.Add(aanbod);
        await db.SaveChangesAsync();
        return aanbod;
    }

    /// <summary>A student in another class of the school, whom the scenario's mentor does not mentor.</summary>
    private async Task<Leerling> AndereLeerlingAsync(SchoolScenario s)
    {
        var klas = new Klas { Naam = "1B-" + Guid.NewGuid().ToString("N")[..4], Leerjaar = 1, AfdelingId = s.Klas.AfdelingId, Schooljaar = TestData.HuidigSchooljaar, LocatieId = s.Locatie.Id };
        var leerling = new Leerling { Leerlingnummer = Guid.NewGuid().ToString("N")[..8], Voornaam = "Ander", Achternaam = "Kind", Geboortedatum = new DateOnly(2013, 5, 5), KlasId = klas.Id };
        await using var db = fixture.App.ContextFor(s.School.Id);
        db.Klassen.Add(klas);
        db.Leerlingen.Add(leerling);
        await db.SaveChangesAsync();
        return leerling;
    }

    private static InzetInvoer Invoer(Guid leerlingId, Guid aanbodId, Guid eigenaarId, DateOnly? start = null, DateOnly? evaluatie = null) => new()
    {
        LeerlingId = leerlingId, AanbodId = aanbodId, EigenaarId = eigenaarId, Doel = "Weerbaarder worden in de klas",
        Start = (start ?? Vandaag).ToDateTime(TimeOnly.MinValue), GeplandEinde = Vandaag.AddMonths(3).ToDateTime(TimeOnly.MinValue),
        VolgendeEvaluatie = evaluatie?.ToDateTime(TimeOnly.MinValue), Frequentie = "wekelijks",
    };

    private async Task<Result<InzetGestart>> StartAsync(Gebruiker user, string rol, InzetInvoer invoer)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<InzetStartenHandler>().HandleAsync(invoer);
    }

    [Fact]
    public async Task The_mentor_starts_a_PM_II_offer_for_his_own_student_but_not_a_PM_III_one_nor_for_another_student()
    {
        var s = await Data.SchoolAsync("Mentorinzet");
        var pm2 = await AanbodAsync(s.School.Id, "Kleine klas", PmNiveau.PmII);
        var pm3 = await AanbodAsync(s.School.Id, "Schoolmaatschappelijk werk", PmNiveau.PmIII);
        var ander = await AndereLeerlingAsync(s);

        var eigen = await StartAsync(s.Mentor, Rollen.Mentor, Invoer(s.Leerlingen[1].Id, pm2.Id, s.Mentor.Id));
        Assert.True(eigen.IsGelukt, eigen.Fout?.Melding);
        Assert.False(eigen.Waarde.OpWachtlijst);
        var hoog = await StartAsync(s.Mentor, Rollen.Mentor, Invoer(s.Leerlingen[1].Id, pm3.Id, s.Mentor.Id));
        Assert.Equal(FoutSoort.GeenToegang, hoog.Fout?.Soort);
        Assert.Contains("PM III", hoog.Fout!.Melding, StringComparison.Ordinal);
        Assert.Equal(FoutSoort.NietGevonden, (await StartAsync(s.Mentor, Rollen.Mentor, Invoer(ander.Id, pm2.Id, s.Mentor.Id))).Fout?.Soort);

        await using var db = fixture.App.ContextFor(s.School.Id);
        var inzet = await db.Inzetten.SingleAsync(i => i.Id == eigen.Waarde.Id);
        Assert.Equal((InzetStatus.Actief, "Weerbaarder worden in de klas", s.Mentor.Id), (inzet.Status, inzet.Doel, inzet.AangemaaktDoor));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LeerlingId == s.Leerlingen[1].Id && a.Actie == AuditActie.Aanmaken && a.Detail.Contains("Kleine klas")));
        Assert.False(await db.Inzetten.AnyAsync(i => i.LeerlingId == ander.Id));
    }

    [Fact]
    public async Task The_zorgcoordinator_starts_every_level_and_sees_the_list_the_docent_sees_nothing()
    {
        var s = await Data.SchoolAsync("Zorginzet");
        var pm3 = await AanbodAsync(s.School.Id, "Ondersteuningsteam", PmNiveau.PmIII);
        var zc = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var ander = await AndereLeerlingAsync(s);
        var gestart = await StartAsync(zc, Rollen.Zorgcoordinator, Invoer(ander.Id, pm3.Id, zc.Id));
        Assert.True(gestart.IsGelukt, gestart.Fout?.Melding);

        await using (var scope = fixture.App.ScopeAs(zc, Rollen.Zorgcoordinator))
        {
            var overzicht = (await scope.ServiceProvider.GetRequiredService<InzettenHandler>().HandleAsync(ander.Id)).Waarde!;
            var regel = Assert.Single(overzicht.Lopend);
            Assert.Equal(("Ondersteuningsteam", zc.Id), (regel.Aanbod, regel.EigenaarId));
            Assert.True(overzicht.MagBeheren(regel));
            Assert.True(overzicht.MagStarten);
        }
        await using (var scope = fixture.App.ScopeAs(s.Docent, Rollen.Docent))
        {
            var lijst = await scope.ServiceProvider.GetRequiredService<InzettenHandler>().HandleAsync(s.Leerlingen[0].Id);
            Assert.Equal(FoutSoort.GeenToegang, lijst.Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await scope.ServiceProvider.GetRequiredService<InzetKeuzesHandler>().HandleAsync(s.Leerlingen[0].Id)).Fout?.Soort);
        }
        var docentStart = await StartAsync(s.Docent, Rollen.Docent, Invoer(s.Leerlingen[0].Id, pm3.Id, s.Docent.Id));
        Assert.Equal(FoutSoort.GeenToegang, docentStart.Fout?.Soort);
        // The mentor reads his own student's list (the seed's intervention), not the other class's.
        await using (var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor))
        {
            var handler = scope.ServiceProvider.GetRequiredService<InzettenHandler>();
            Assert.Single((await handler.HandleAsync(s.Leerlingen[0].Id)).Waarde!.Lopend);
            Assert.Equal(FoutSoort.NietGevonden, (await handler.HandleAsync(ander.Id)).Fout?.Soort);
        }
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LeerlingId == ander.Id && a.GebruikerId == zc.Id && a.Actie == AuditActie.Lezen && a.Detail == "inzetten"));
    }

    [Fact]
    public async Task Another_school_neither_reads_nor_starts_nor_ends()
    {
        var s = fixture.A;
        var zcB = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        var aanbodB = await AanbodAsync(fixture.B.School.Id, "Alleen B " + Guid.NewGuid().ToString("N")[..4], PmNiveau.PmI);
        await using var db = fixture.App.ContextFor(s.School.Id);
        var inzetA = await db.Inzetten.FirstAsync(i => i.LeerlingId == s.Leerlingen[0].Id);
        await using var scope = fixture.App.ScopeAs(zcB, Rollen.Zorgcoordinator);
        Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<InzettenHandler>().HandleAsync(s.Leerlingen[0].Id)).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<InzetStartenHandler>()
            .HandleAsync(Invoer(s.Leerlingen[0].Id, aanbodB.Id, zcB.Id))).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<InzetBeeindigenHandler>().HandleAsync(new BeeindigenInvoer
        {
            InzetId = inzetA.Id, Versie = inzetA.Versie, Uitkomst = InzetUitkomst.DoelBereikt, Tekst = "Overgenomen", Datum = Schooldag.Picker,
        })).Fout?.Soort);
        Assert.Equal(InzetStatus.Actief, (await db.Inzetten.AsNoTracking().SingleAsync(i => i.Id == inzetA.Id)).Status);
    }

    [Fact]
    public async Task IB_begeleiding_is_refused_without_consent_of_every_gezagdrager_and_allowed_once_each_consented()
    {
        var s = await Data.SchoolAsync("Toestemmingsinzet");
        var ib = await AanbodAsync(s.School.Id, "Intern begeleider", PmNiveau.PmIII, toestemming: ToestemmingDoel.IbBegeleiding);
        var zc = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var leerling = s.Leerlingen[0];
        // The seed gave the mother's consent; a father with gezag has not consented yet.
        var vader = new Ouder { Voornaam = "Karel", Achternaam = "Vader" };
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Ouders.Add(vader);
            db.LeerlingOuders.Add(new LeerlingOuder { LeerlingId = leerling.Id, OuderId = vader.Id, Relatie = OuderRelatie.Vader });
            await db.SaveChangesAsync();
        }
        var geweigerd = await StartAsync(zc, Rollen.Zorgcoordinator, Invoer(leerling.Id, ib.Id, zc.Id));
        Assert.Equal(FoutSoort.Ongeldig, geweigerd.Fout?.Soort);
        Assert.Contains("Karel Vader", geweigerd.Fout!.Melding, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Ouder.VolledigeNaam, geweigerd.Fout.Melding, StringComparison.Ordinal);
        await using (var scope = fixture.App.ScopeAs(zc, Rollen.Zorgcoordinator))
        {
            var keuze = (await scope.ServiceProvider.GetRequiredService<InzetKeuzesHandler>().HandleAsync(leerling.Id)).Waarde!.Aanbod.Single(a => a.Id == ib.Id);
            Assert.Contains("Karel Vader", keuze.ToestemmingOntbreekt, StringComparison.Ordinal);
        }

        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Toestemmingen.Add(new Toestemming
            {
                LeerlingId = leerling.Id, OuderId = vader.Id, Doel = ToestemmingDoel.IbBegeleiding, Wijze = ToestemmingWijze.Schriftelijk,
                GegevenOp = Vandaag, VastgelegdOp = DateTimeOffset.UtcNow, VastgelegdDoor = zc.Id,
            });
            await db.SaveChangesAsync();
        }
        var toegestaan = await StartAsync(zc, Rollen.Zorgcoordinator, Invoer(leerling.Id, ib.Id, zc.Id));
        Assert.True(toegestaan.IsGelukt, toegestaan.Fout?.Melding);

        // A student without any ouder with gezag: refused, saying so.
        var zonderOuders = await StartAsync(zc, Rollen.Zorgcoordinator, Invoer(s.Leerlingen[1].Id, ib.Id, zc.Id));
        Assert.Contains("geen ouder met gezag", zonderOuders.Fout?.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_STOER_group_puts_the_next_student_on_the_waiting_list_who_starts_when_a_place_frees_up()
    {
        var s = await Data.SchoolAsync("Stoerschool", aantalLeerlingen: 3);
        var stoer = await AanbodAsync(s.School.Id, "STOER-training", PmNiveau.PmII, capaciteit: 2);
        var l = s.Leerlingen;
        var eerste = await StartAsync(s.Mentor, Rollen.Mentor, Invoer(l[0].Id, stoer.Id, s.Mentor.Id));
        Assert.False((await StartAsync(s.Mentor, Rollen.Mentor, Invoer(l[1].Id, stoer.Id, s.Mentor.Id))).Waarde!.OpWachtlijst);
        var derde = await StartAsync(s.Mentor, Rollen.Mentor, Invoer(l[2].Id, stoer.Id, s.Mentor.Id));
        Assert.True(derde.Waarde!.OpWachtlijst);
        Assert.Equal("Groep vol: op de wachtlijst geplaatst.", derde.Waarde.Melding);

        await using var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor);
        // No place yet.
        var wachtlijst = scope.ServiceProvider.GetRequiredService<InzetVanWachtlijstHandler>();
        Assert.Equal(FoutSoort.Ongeldig, (await wachtlijst.HandleAsync(derde.Waarde.Id, 1)).Fout?.Soort);
        var beeindigd = await scope.ServiceProvider.GetRequiredService<InzetBeeindigenHandler>().HandleAsync(new BeeindigenInvoer
        {
            InzetId = eerste.Waarde!.Id, Versie = 1, Uitkomst = InzetUitkomst.DoelBereikt, Tekst = "Staat steviger in de klas", Datum = Schooldag.Picker,
        });
        Assert.True(beeindigd.Waarde!.PlaatsVrijMetWachtlijst);
        Assert.True((await wachtlijst.HandleAsync(derde.Waarde.Id, 1)).IsGelukt);

        await using var db = fixture.App.ContextFor(s.School.Id);
        var statussen = await db.Inzetten.Where(i => i.AanbodId == stoer.Id).ToDictionaryAsync(i => i.LeerlingId, i => i.Status);
        Assert.Equal([InzetStatus.Afgerond, InzetStatus.Actief, InzetStatus.Actief], [statussen[l[0].Id], statussen[l[1].Id], statussen[l[2].Id]]);
    }

    [Fact]
    public async Task Staff_starting_at_the_same_moment_never_take_more_places_than_the_group_has()
    {
        var s = await Data.SchoolAsync("Drukke school", aantalLeerlingen: 8);
        var groep = await AanbodAsync(s.School.Id, "Kleine groep", PmNiveau.PmII, capaciteit: 2);
        // Eight starts at once, each with its own scope and connection: the lock on the offer serialises the count.
        var starts = await Task.WhenAll(s.Leerlingen.Select(l => Task.Run(() => StartAsync(s.Mentor, Rollen.Mentor, Invoer(l.Id, groep.Id, s.Mentor.Id)))));

        Assert.All(starts, r => Assert.True(r.IsGelukt, r.Fout?.Melding));
        Assert.Equal(2, starts.Count(r => !r.Waarde!.OpWachtlijst));
        await using var db = fixture.App.ContextFor(s.School.Id);
        var statussen = await db.Inzetten.Where(i => i.AanbodId == groep.Id).Select(i => i.Status).ToListAsync();
        Assert.Equal(2, statussen.Count(x => x == InzetStatus.Actief));
        Assert.Equal(6, statussen.Count(x => x == InzetStatus.Wachtlijst));
    }

    [Fact]
    public async Task Only_the_owner_or_the_zorgcoordinator_ends_it_and_a_stale_version_is_a_clear_conflict()
    {
        var s = await Data.SchoolAsync("Eindschool");
        var aanbod = await AanbodAsync(s.School.Id, "Bijles", PmNiveau.PmI);
        var gestart = await StartAsync(s.Mentor, Rollen.Mentor, Invoer(s.Leerlingen[1].Id, aanbod.Id, s.Mentor.Id));
        var id = gestart.Waarde!.Id;
        BeeindigenInvoer Stop(int versie) => new() { InzetId = id, Versie = versie, Stoppen = true, Tekst = "Niet meer nodig", Datum = Schooldag.Picker };

        var ib = await Data.UserAsync(s.School.Id, Rollen.InternBegeleider);
        await using (var scope = fixture.App.ScopeAs(ib, Rollen.InternBegeleider))
        {
            Assert.Equal(FoutSoort.GeenToegang, (await scope.ServiceProvider.GetRequiredService<InzetBeeindigenHandler>().HandleAsync(Stop(1))).Fout?.Soort);
        }
        var zc = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        await using (var scope = fixture.App.ScopeAs(zc, Rollen.Zorgcoordinator))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<InzetEvaluatiePlannenHandler>().HandleAsync(id, 1, Vandaag.AddDays(10))).IsGelukt);
        }
        await using (var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor))
        {
            var handler = scope.ServiceProvider.GetRequiredService<InzetBeeindigenHandler>();
            var conflict = await handler.HandleAsync(Stop(1));
            Assert.Equal(FoutSoort.Conflict, conflict.Fout?.Soort);
            Assert.Contains("intussen door iemand anders gewijzigd", conflict.Fout!.Melding, StringComparison.Ordinal);
            Assert.True((await handler.HandleAsync(Stop(2))).IsGelukt);
        }
        await using var db = fixture.App.ContextFor(s.School.Id);
        var inzet = await db.Inzetten.SingleAsync(i => i.Id == id);
        Assert.Equal((InzetStatus.Gestopt, "Niet meer nodig", 3), (inzet.Status, inzet.Evaluatie, inzet.Versie));
    }

    [Fact]
    public async Task Bad_input_is_refused_next_to_its_field()
    {
        var s = fixture.A;
        var aanbod = await AanbodAsync(s.School.Id, "Plannen " + Guid.NewGuid().ToString("N")[..4], PmNiveau.PmI);
        var invoer = Invoer(s.Leerlingen[2].Id, aanbod.Id, s.Mentor.Id);
        invoer.GeplandEinde = invoer.Start!.Value.AddDays(-1);
        var result = await StartAsync(s.Mentor, Rollen.Mentor, invoer);
        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        Assert.Contains("vóór de start", result.Fout!.Melding, StringComparison.Ordinal);
        await using var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor);
        var validator = scope.ServiceProvider.GetRequiredService<InzetStartenHandler>().Validator;
        Assert.Contains(validator.Validate(invoer).Errors, e => e.PropertyName == nameof(InzetInvoer.GeplandEinde));
    }

    [Fact]
    public async Task An_overdue_review_shows_first_for_its_owner_only_and_the_start_is_on_the_timeline()
    {
        var s = await Data.SchoolAsync("Evaluatieschool");
        var aanbod = await AanbodAsync(s.School.Id, "Faalangst", PmNiveau.PmII);
        var zc = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var later = await StartAsync(s.Mentor, Rollen.Mentor, Invoer(s.Leerlingen[1].Id, aanbod.Id, s.Mentor.Id, evaluatie: Vandaag.AddDays(5)));
        var verlopen = await StartAsync(s.Mentor, Rollen.Mentor, Invoer(s.Leerlingen[2].Id, aanbod.Id, s.Mentor.Id, start: Vandaag.AddDays(-30), evaluatie: Vandaag.AddDays(-3)));
        await StartAsync(zc, Rollen.Zorgcoordinator, Invoer(s.Leerlingen[2].Id, aanbod.Id, zc.Id, start: Vandaag.AddDays(-30), evaluatie: Vandaag.AddDays(-9)));

        await using (var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor))
        {
            var pagina = await scope.ServiceProvider.GetRequiredService<MijnInzettenHandler>().HandleAsync(1);
            Assert.Equal(verlopen.Waarde!.Id, pagina.Items[0].Id);
            Assert.True(pagina.Items[0].IsEvaluatieVerlopen(Vandaag));
            Assert.Contains(pagina.Items, r => r.Id == later.Waarde!.Id && !r.IsEvaluatieVerlopen(Vandaag));
            Assert.Equal(1, pagina.AantalVerlopen);
            // The seed's intervention is his too; the zorgcoördinator's is not.
            Assert.Equal(3, pagina.Items.Count);
            Assert.False(pagina.HeeftMeer);

            var tijdlijn = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>()
                .HandleAsync(new TijdlijnVraag(s.Leerlingen[1].Id, Filter: TijdlijnFilterSoort.Ondersteuning));
            Assert.Contains(tijdlijn.Waarde!.Items, i => i.Id == later.Waarde!.Id && i.Soort == TijdlijnSoort.InzetGestart && i.Titel == "Faalangst");
        }
        await using (var scope = fixture.App.ScopeAs(zc, Rollen.Zorgcoordinator))
        {
            var pagina = await scope.ServiceProvider.GetRequiredService<MijnInzettenHandler>().HandleAsync(1);
            Assert.Equal(1, pagina.AantalVerlopen);
            Assert.Single(pagina.Items);
        }
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.Equal(2, await db.Inzetten.CountAsync(Inzet.EvaluatieVerlopen(Vandaag)));
    }
}
