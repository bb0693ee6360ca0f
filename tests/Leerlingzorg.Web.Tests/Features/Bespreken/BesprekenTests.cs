using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Afspraken;
using Leerlingzorg.Web.Features.Bespreken;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Bespreken;

/// <summary>The prepared agenda and chairing the leerlingbespreking (issue 10, Deliver 3 and 4): order, edits, conflicts, roles.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class BesprekenTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    /// <summary>
    /// A class of four with a leerlingbespreking in a week chaired by the zorgcoördinator (the mentor takes part): two
    /// docents' forms (leerling 3: zorg over werkhouding twice; leerling 4: aandacht), the mentor's question for leerling
    /// 2, and an earlier closed meeting with an open afspraak for leerling 4.
    /// </summary>
    private sealed record Opzet(SchoolScenario S, Gebruiker Zc, Bespreking Bespreking, Guid VraagPunt, Guid EerdereAfspraak);

    private async Task<Opzet> OpzetAsync(string naam)
    {
        var s = await Data.SchoolAsync(naam, 4);
        var zc = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var docent2 = await Data.UserAsync(s.School.Id, Rollen.Docent);
        Bespreking Nieuw(int dagen) => new()
        {
            Soort = BesprekingSoort.Leerlingbespreking, Datum = Schooldag.Vandaag.AddDays(dagen), Begin = new TimeOnly(15, 30),
            VoorzitterId = zc.Id, AangemaaktDoor = zc.Id, AangemaaktOp = DateTimeOffset.UtcNow,
            Klassen = [new BesprekingKlas { KlasId = s.Klas.Id }],
            Deelnemers = [new BesprekingDeelnemer { GebruikerId = zc.Id }, new BesprekingDeelnemer { GebruikerId = s.Mentor.Id }],
        };
        var vorige = Nieuw(-56);
        vorige.Status = BesprekingStatus.Afgesloten;
        var vorigPunt = new Agendapunt { BesprekingId = vorige.Id, LeerlingId = s.Leerlingen[3].Id, Volgorde = 1, Aanpak = "Weekplanning" };
        vorige.Agenda.Add(vorigPunt);
        var afspraak = new Afspraak { LeerlingId = s.Leerlingen[3].Id, AgendapuntId = vorigPunt.Id, EigenaarId = s.Mentor.Id, Wat = "Weekplanning maken", AangemaaktOp = DateTimeOffset.UtcNow };
        var bespreking = Nieuw(7);
        var vraag = new Agendapunt { BesprekingId = bespreking.Id, LeerlingId = s.Leerlingen[1].Id, Volgorde = 1, IngebrachtDoor = s.Mentor.Id, Vraag = "Hij slaapt in de les." };
        bespreking.Agenda.Add(vraag);
        await using var db = fixture.App.ContextFor(s.School.Id);
        db.Besprekingen.AddRange(vorige, bespreking);
        db.Afspraken.Add(afspraak);
        foreach (var (docent, oordeel3) in new[] { (s.Docent, Oordeel.Zorg), (docent2, Oordeel.Zorg) })
        {
            var form = new Inventarisatie { BesprekingId = bespreking.Id, KlasId = s.Klas.Id, DocentId = docent.Id, Deadline = Schooldag.Vandaag.AddDays(5) };
            form.Regels.Add(new InventarisatieRegel { InventarisatieId = form.Id, LeerlingId = s.Leerlingen[2].Id, Werkhouding = oordeel3 });
            form.Regels.Add(new InventarisatieRegel { InventarisatieId = form.Id, LeerlingId = s.Leerlingen[3].Id, Gedrag = Oordeel.Aandacht });
            form.Regels.Add(new InventarisatieRegel { InventarisatieId = form.Id, LeerlingId = s.Leerlingen[0].Id, Gedrag = Oordeel.Goed });
            db.Inventarisaties.Add(form);
        }
        await db.SaveChangesAsync();
        return new Opzet(s, zc, bespreking, vraag.Id, afspraak.Id);
    }

    private async Task<T> AlsAsync<THandler, T>(Gebruiker user, string rol, Func<THandler, Task<T>> actie) where THandler : notnull
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await actie(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private async Task<List<Agendapunt>> AgendaAsync(Opzet o)
    {
        await using var db = fixture.App.ContextFor(o.S.School.Id);
        return await db.Agendapunten.Where(a => a.BesprekingId == o.Bespreking.Id).OrderBy(a => a.Volgorde).ToListAsync();
    }

    private static VierslagInvoer Vier(Guid punt, string probleem, int versie) => new(punt, "Sociaal sterk", probleem, null, null, versie);

    [Fact]
    public async Task Preparing_puts_concerns_first_from_the_real_forms_is_idempotent_appends_new_students_and_the_chair_reorders()
    {
        var o = await OpzetAsync("Agendavolgorde");
        var l = o.S.Leerlingen;

        // Before preparing the participants see the class, with the forms at a glance.
        var voor = await AlsAsync<AgendaHandler, Result<Agenda>>(o.S.Mentor, Rollen.Mentor, h => h.HandleAsync(o.Bespreking.Id));
        Assert.True(voor.IsGelukt, voor.Fout?.Melding);
        Assert.Equal(3, voor.Waarde.NogToeTeVoegen);
        var drie = voor.Waarde.Regels.Single(r => r.LeerlingId == l[2].Id);
        Assert.Equal("2 docenten: zorg over werkhouding (2)", drie.Formulieren);
        Assert.True(drie.HeeftZorgen);
        var vier = voor.Waarde.Regels.Single(r => r.LeerlingId == l[3].Id);
        Assert.Equal("Weekplanning maken", Assert.Single(vier.Afspraken, a => a.UitVorigeBespreking).Wat);
        Assert.False(voor.Waarde.Regels.Single(r => r.LeerlingId == l[0].Id).HeeftZorgen);

        // Only the organisator prepares.
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<AgendaVoorbereidenHandler, Result<int>>(o.S.Mentor, Rollen.Mentor, h => h.HandleAsync(o.Bespreking.Id))).Fout?.Soort);
        var eerste = await AlsAsync<AgendaVoorbereidenHandler, Result<int>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(o.Bespreking.Id));
        Assert.Equal(3, eerste.Waarde);
        // The mentor's question, then zorg (2x), then the afspraak to evaluate with aandacht, then the rest.
        Assert.Equal([l[1].Id, l[2].Id, l[3].Id, l[0].Id], (await AgendaAsync(o)).Select(a => a.LeerlingId));
        Assert.Equal([1, 2, 3, 4], (await AgendaAsync(o)).Select(a => a.Volgorde));

        Assert.Equal(0, (await AlsAsync<AgendaVoorbereidenHandler, Result<int>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(o.Bespreking.Id))).Waarde);
        Assert.Equal(4, (await AgendaAsync(o)).Count);

        // The chair moves the last one up; a new student of the class is appended, the chair's order stays.
        var laatste = (await AgendaAsync(o))[3];
        Assert.Equal(3, (await AlsAsync<AgendaVerplaatsenHandler, Result<int>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(o.Bespreking.Id, laatste.Id, -1))).Waarde);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<AgendaVerplaatsenHandler, Result<int>>(o.S.Mentor, Rollen.Mentor, h => h.HandleAsync(o.Bespreking.Id, laatste.Id, -1))).Fout?.Soort);
        var nieuw = new Leerling { Leerlingnummer = Guid.NewGuid().ToString("N")[..8], Voornaam = "Aaron", Achternaam = "Nieuw", Geboortedatum = new DateOnly(2013, 1, 1), KlasId = o.S.Klas.Id };
        await using (var db = fixture.App.ContextFor(o.S.School.Id))
        {
            db.Leerlingen.Add(nieuw);
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, (await AlsAsync<AgendaVoorbereidenHandler, Result<int>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(o.Bespreking.Id))).Waarde);
        Assert.Equal([l[1].Id, l[2].Id, l[0].Id, l[3].Id, nieuw.Id], (await AgendaAsync(o)).Select(a => a.LeerlingId));

        var na = await AlsAsync<AgendaHandler, Result<Agenda>>(o.S.Mentor, Rollen.Mentor, h => h.HandleAsync(o.Bespreking.Id));
        Assert.Equal([l[1].Id, l[2].Id, l[0].Id, l[3].Id, nieuw.Id], na.Waarde!.Regels.Select(r => r.LeerlingId));
        Assert.Equal("Hij slaapt in de les.", na.Waarde.Regels[0].Vraag);
        await using var check = fixture.App.ContextFor(o.S.School.Id);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.GebruikerId == o.S.Mentor.Id && a.LeerlingId == nieuw.Id && a.Actie == AuditActie.Lezen
            && a.Detail.Contains("agenda van de bespreking")));
    }

    [Fact]
    public async Task The_chair_adds_a_student_he_sees_and_a_second_time_is_refused()
    {
        var o = await OpzetAsync("Agendatoevoegen");
        var ander = new Leerling { Leerlingnummer = Guid.NewGuid().ToString("N")[..8], Voornaam = "Zoekbaar", Achternaam = "Buitenklas", Geboortedatum = new DateOnly(2012, 1, 1) };
        await using (var db = fixture.App.ContextFor(o.S.School.Id))
        {
            db.Leerlingen.Add(ander);
            await db.SaveChangesAsync();
        }
        var gevonden = await AlsAsync<AgendaToevoegenHandler, Result<IReadOnlyList<Agendakeuze>>>(o.Zc, Rollen.Zorgcoordinator, h => h.ZoekAsync(o.Bespreking.Id, "buitenkl"));
        Assert.Equal(ander.Id, Assert.Single(gevonden.Waarde!).LeerlingId);
        var toegevoegd = await AlsAsync<AgendaToevoegenHandler, Result<Toegevoegd>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(o.Bespreking.Id, ander.Id));
        Assert.True(toegevoegd.IsGelukt, toegevoegd.Fout?.Melding);
        Assert.False(toegevoegd.Waarde.Anoniem);
        Assert.Equal(FoutSoort.Conflict, (await AlsAsync<AgendaToevoegenHandler, Result<Toegevoegd>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(o.Bespreking.Id, ander.Id))).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<AgendaToevoegenHandler, Result<Toegevoegd>>(o.S.Mentor, Rollen.Mentor, h => h.HandleAsync(o.Bespreking.Id, o.S.Leerlingen[0].Id))).Fout?.Soort);
        Assert.Contains(await AgendaAsync(o), a => a.LeerlingId == ander.Id && a.IngebrachtDoor == o.Zc.Id);
    }

    [Fact]
    public async Task A_TDO_ZAT_without_consent_gets_the_student_anonymously()
    {
        var o = await OpzetAsync("Zatanoniem");
        var zat = new Bespreking
        {
            Soort = BesprekingSoort.TdoZat, Datum = Schooldag.Vandaag.AddDays(3), Begin = new TimeOnly(10, 0), VoorzitterId = o.Zc.Id,
            AangemaaktDoor = o.Zc.Id, AangemaaktOp = DateTimeOffset.UtcNow, Deelnemers = [new BesprekingDeelnemer { GebruikerId = o.Zc.Id }],
        };
        await using (var db = fixture.App.ContextFor(o.S.School.Id))
        {
            db.Besprekingen.Add(zat);
            await db.SaveChangesAsync();
        }
        var toegevoegd = await AlsAsync<AgendaToevoegenHandler, Result<Toegevoegd>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(zat.Id, o.S.Leerlingen[2].Id));
        Assert.True(toegevoegd.Waarde!.Anoniem);
        Assert.Contains("anoniem", toegevoegd.Waarde.Melding, StringComparison.Ordinal);
        var agenda = await AlsAsync<AgendaHandler, Result<Agenda>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(zat.Id));
        var regel = Assert.Single(agenda.Waarde!.Regels);
        Assert.True(regel.Anoniem);
        Assert.DoesNotContain(o.S.Leerlingen[2].Voornaam, regel.Naam, StringComparison.Ordinal);

        // The Verwijsindex decision: date and by whom, only by the organisator, only in a TDO/ZAT.
        Assert.Equal(FoutSoort.Ongeldig, (await AlsAsync<VerwijsindexHandler, Result<DateOnly>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(o.VraagPunt))).Fout?.Soort);
        var besluit = await AlsAsync<VerwijsindexHandler, Result<DateOnly>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(toegevoegd.Waarde.AgendapuntId));
        Assert.Equal(Schooldag.Vandaag, besluit.Waarde);
        await using var db2 = fixture.App.ContextFor(o.S.School.Id);
        var punt = await db2.Agendapunten.SingleAsync(a => a.Id == toegevoegd.Waarde.AgendapuntId);
        Assert.Equal(((DateOnly?)Schooldag.Vandaag, (Guid?)o.Zc.Id), (punt.VerwijsindexOp, punt.VerwijsindexDoor));
    }

    [Fact]
    public async Task Two_editors_on_the_same_version_the_second_gets_the_conflict_and_the_first_text_stays_different_students_both_survive()
    {
        var o = await OpzetAsync("Gelijktijdig");
        await AlsAsync<AgendaVoorbereidenHandler, Result<int>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(o.Bespreking.Id));
        var agenda = await AgendaAsync(o);
        var (een, twee) = (agenda[0], agenda[1]);

        var mentor = await AlsAsync<AgendapuntOpslaanHandler, Result<Opslag>>(o.S.Mentor, Rollen.Mentor, h => h.HandleAsync(Vier(een.Id, "Concentratie (mentor)", een.Versie)));
        Assert.Equal(Bewerking.Opgeslagen, mentor.Waarde!.Bewerking);
        var zc = await AlsAsync<AgendapuntOpslaanHandler, Result<Opslag>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(Vier(een.Id, "Huiswerk (zc)", een.Versie)));
        Assert.True(zc.IsGelukt, zc.Fout?.Melding);
        Assert.True(zc.Waarde.IsConflict);
        Assert.Equal("Concentratie (mentor)", zc.Waarde.Deel.Antwoorden.Probleem);
        Assert.Equal(een.Versie + 1, zc.Waarde.Deel.Versie);

        // Another student meanwhile: saved too.
        var ander = await AlsAsync<AgendapuntOpslaanHandler, Result<Opslag>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(Vier(twee.Id, "Werkhouding (zc)", twee.Versie)));
        Assert.Equal(Bewerking.Opgeslagen, ander.Waarde!.Bewerking);
        // With the other's version, knowingly: saved.
        var daarna = await AlsAsync<AgendapuntOpslaanHandler, Result<Opslag>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(Vier(een.Id, "Concentratie en huiswerk", zc.Waarde.Deel.Versie)));
        Assert.Equal(Bewerking.Opgeslagen, daarna.Waarde!.Bewerking);

        var na = await AgendaAsync(o);
        Assert.Equal(("Concentratie en huiswerk", o.Zc.Id), (na[0].Probleem, na[0].BijgewerktDoor));
        Assert.Equal("Werkhouding (zc)", na[1].Probleem);
        await using var db = fixture.App.ContextFor(o.S.School.Id);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.GebruikerId == o.S.Mentor.Id && a.Actie == AuditActie.Wijzigen && a.LeerlingId == een.LeerlingId));

        // A NUL and a 100k paste: a Dutch message, nothing written.
        var lang = await AlsAsync<AgendapuntOpslaanHandler, Result<Opslag>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(Vier(twee.Id, new string('x', 100_000), na[1].Versie)));
        Assert.Equal(FoutSoort.Ongeldig, lang.Fout?.Soort);
        var nul = await AlsAsync<AgendapuntOpslaanHandler, Result<Opslag>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(Vier(twee.Id, "met\0nul", na[1].Versie)));
        Assert.Equal(Bewerking.Opgeslagen, nul.Waarde!.Bewerking);
        Assert.DoesNotContain('\0', (await AgendaAsync(o))[1].Probleem!);
    }

    [Fact]
    public async Task A_save_tells_the_other_open_pages_of_the_meeting_and_no_other_meeting()
    {
        var o = await OpzetAsync("Live");
        var ontvangen = new TaskCompletionSource<Besprekingsmelding>(TaskCreationOptions.RunContinuationsAsynchronously);
        var elders = 0;
        var meldingen = new BesprekingsmeldingenHandler();
        using var luister = meldingen.Luister(o.Bespreking.Id, m => { ontvangen.TrySetResult(m); return Task.CompletedTask; });
        using var ander = meldingen.Luister(Guid.NewGuid(), _ => { Interlocked.Increment(ref elders); return Task.CompletedTask; });
        var opslag = await AlsAsync<AgendapuntOpslaanHandler, Result<Opslag>>(o.S.Mentor, Rollen.Mentor, h => h.HandleAsync(Vier(o.VraagPunt, "Live", 1)));
        Assert.Equal(Bewerking.Opgeslagen, opslag.Waarde!.Bewerking);
        var melding = await ontvangen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((o.VraagPunt, "deel", (Guid?)o.S.Mentor.Id), (melding.AgendapuntId, melding.Wat, melding.DoorId));
        Assert.Equal(0, elders);
    }

    [Fact]
    public async Task A_closed_meeting_refuses_edits_and_afspraken_and_the_chair_opens_a_planned_one()
    {
        var o = await OpzetAsync("Gesloten");
        Assert.Equal(BesprekingStatus.Bezig, (await AlsAsync<BesprekingOpenenHandler, Result<BesprekingStatus>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(o.Bespreking.Id))).Waarde);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<BesprekingOpenenHandler, Result<BesprekingStatus>>(o.S.Mentor, Rollen.Mentor, h => h.HandleAsync(o.Bespreking.Id))).Fout?.Soort);
        await using (var db = fixture.App.ContextFor(o.S.School.Id))
        {
            await db.Besprekingen.Where(b => b.Id == o.Bespreking.Id).ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, BesprekingStatus.Afgesloten));
        }
        var bewerk = await AlsAsync<AgendapuntOpslaanHandler, Result<Opslag>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(Vier(o.VraagPunt, "Te laat", 1)));
        Assert.Equal(FoutSoort.Conflict, bewerk.Fout?.Soort);
        Assert.Contains("afgesloten", bewerk.Fout!.Melding, StringComparison.Ordinal);
        var afspraak = await AlsAsync<BesprekingAfspraakHandler, Result<OpenAfspraak>>(o.Zc, Rollen.Zorgcoordinator,
            h => h.HandleAsync(new BesprekingAfspraakInvoer { AgendapuntId = o.VraagPunt, Wat = "Te laat", EigenaarId = o.Zc.Id }));
        Assert.Equal(FoutSoort.Conflict, afspraak.Fout?.Soort);
        Assert.Equal(FoutSoort.Conflict, (await AlsAsync<AgendaVoorbereidenHandler, Result<int>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(o.Bespreking.Id))).Fout?.Soort);
        Assert.Null((await AgendaAsync(o)).Single().Probleem);
    }

    [Fact]
    public async Task The_afspraak_from_the_meeting_lands_in_the_owners_Mijn_afspraken_with_the_next_meeting_as_default()
    {
        var o = await OpzetAsync("Afspraakeigenaar");
        var volgende = new Bespreking
        {
            Soort = BesprekingSoort.Leerlingbespreking, Datum = Schooldag.Vandaag.AddDays(10), Begin = new TimeOnly(15, 30), VoorzitterId = o.Zc.Id,
            AangemaaktDoor = o.Zc.Id, AangemaaktOp = DateTimeOffset.UtcNow, Klassen = [new BesprekingKlas { KlasId = o.S.Klas.Id }],
        };
        await using (var db = fixture.App.ContextFor(o.S.School.Id))
        {
            db.Besprekingen.Add(volgende);
            await db.SaveChangesAsync();
        }
        var agenda = await AlsAsync<AgendaHandler, Result<Agenda>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(o.Bespreking.Id));
        Assert.Equal(volgende.Datum, agenda.Waarde!.VolgendeBespreking);
        Assert.Contains(agenda.Waarde.Medewerkers, m => m.Id == o.S.Mentor.Id);

        var leeg = await AlsAsync<BesprekingAfspraakHandler, Result<OpenAfspraak>>(o.Zc, Rollen.Zorgcoordinator,
            h => h.HandleAsync(new BesprekingAfspraakInvoer { AgendapuntId = o.VraagPunt, Wat = "  ", EigenaarId = o.S.Mentor.Id }));
        Assert.Equal(FoutSoort.Ongeldig, leeg.Fout?.Soort);
        var gemaakt = await AlsAsync<BesprekingAfspraakHandler, Result<OpenAfspraak>>(o.Zc, Rollen.Zorgcoordinator,
            h => h.HandleAsync(new BesprekingAfspraakInvoer
            {
                AgendapuntId = o.VraagPunt, Wat = "Gesprek met ouders over slapen", EigenaarId = o.S.Mentor.Id, Deadline = volgende.Datum.ToDateTime(TimeOnly.MinValue),
            }));
        Assert.True(gemaakt.IsGelukt, gemaakt.Fout?.Melding);
        var mijn = await AlsAsync<MijnAfsprakenHandler, IReadOnlyList<AfspraakRij>>(o.S.Mentor, Rollen.Mentor, h => h.OpenAsync());
        var rij = Assert.Single(mijn, r => r.Id == gemaakt.Waarde.Id);
        Assert.Equal((o.S.Leerlingen[1].Id, (DateOnly?)volgende.Datum), (rij.LeerlingId, rij.Deadline));
        await using var check = fixture.App.ContextFor(o.S.School.Id);
        Assert.Equal(o.VraagPunt, (await check.Afspraken.SingleAsync(a => a.Id == gemaakt.Waarde.Id)).AgendapuntId);

        // The zorgcoördinator evaluates the earlier afspraak through the afspraak's own handler.
        var afgerond = await AlsAsync<AfspraakAfrondenHandler, Result<DateTimeOffset>>(o.Zc, Rollen.Zorgcoordinator,
            h => h.HandleAsync(new AfrondenInvoer { AfspraakId = o.EerdereAfspraak, Evaluatie = "Gaat beter" }));
        Assert.True(afgerond.IsGelukt, afgerond.Fout?.Melding);
        var na = await AlsAsync<AgendaHandler, Result<Agenda>>(o.Zc, Rollen.Zorgcoordinator, h => h.HandleAsync(o.Bespreking.Id));
        Assert.Empty(na.Waarde!.Regels.Single(r => r.LeerlingId == o.S.Leerlingen[3].Id).Afspraken);
    }

    [Fact]
    public async Task A_docent_who_takes_no_part_and_another_school_get_not_found()
    {
        var o = await OpzetAsync("Geendeel");
        var zcB = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        foreach (var (user, rol) in new[] { (o.S.Docent, Rollen.Docent), (zcB, Rollen.Zorgcoordinator) })
        {
            Assert.Equal(FoutSoort.NietGevonden, (await AlsAsync<AgendaHandler, Result<Agenda>>(user, rol, h => h.HandleAsync(o.Bespreking.Id))).Fout?.Soort);
            Assert.Equal(FoutSoort.NietGevonden, (await AlsAsync<AgendapuntOpslaanHandler, Result<Opslag>>(user, rol, h => h.HandleAsync(Vier(o.VraagPunt, "Niet van mij", 1)))).Fout?.Soort);
            Assert.Equal(FoutSoort.NietGevonden, (await AlsAsync<AgendadeelHandler, Result<Agendadeel>>(user, rol, h => h.HandleAsync(o.VraagPunt))).Fout?.Soort);
            Assert.Equal(FoutSoort.NietGevonden, (await AlsAsync<AgendaVoorbereidenHandler, Result<int>>(user, rol, h => h.HandleAsync(o.Bespreking.Id))).Fout?.Soort);
            Assert.Equal(FoutSoort.NietGevonden, (await AlsAsync<BesprekingAfspraakHandler, Result<OpenAfspraak>>(user, rol,
                h => h.HandleAsync(new BesprekingAfspraakInvoer { AgendapuntId = o.VraagPunt, Wat = "X", EigenaarId = user.Id }))).Fout?.Soort);
        }
        Assert.Single(await AgendaAsync(o));
    }

    [Fact]
    public async Task Role_matrix_a_parent_an_SWV_user_and_a_user_without_role_are_refused_by_every_handler_and_nothing_is_written()
    {
        var o = await OpzetAsync("Rolmatrix");
        var swv = await Data.SwvUserAsync(o.S.Swv.Id, Rollen.SwvOrthopedagoog);
        var zonder = await Data.UserAsync(o.S.School.Id);
        var id = o.Bespreking.Id;
        int Aantal(LeerlingzorgDbContextAantallen a) => a.Agendapunten + a.Afspraken;
        var voor = await AantallenAsync(o);
        foreach (var (user, rol) in new[] { (o.S.OuderGebruiker, Rollen.Ouder), (swv, Rollen.SwvOrthopedagoog), (zonder, (string?)null) })
        {
            var rollen = rol is null ? Array.Empty<string>() : [rol];
            await using var scope = fixture.App.ScopeAs(user, rollen);
            var sp = scope.ServiceProvider;
            var uitkomsten = new Fout?[]
            {
                (await sp.GetRequiredService<AgendaHandler>().HandleAsync(id)).Fout,
                (await sp.GetRequiredService<AgendaVoorbereidenHandler>().HandleAsync(id)).Fout,
                (await sp.GetRequiredService<AgendaVerplaatsenHandler>().HandleAsync(id, o.VraagPunt, 1)).Fout,
                (await sp.GetRequiredService<AgendaToevoegenHandler>().ZoekAsync(id, "Leerling")).Fout,
                (await sp.GetRequiredService<AgendaToevoegenHandler>().HandleAsync(id, o.S.Leerlingen[0].Id)).Fout,
                (await sp.GetRequiredService<AgendapuntOpslaanHandler>().HandleAsync(Vier(o.VraagPunt, "Van buiten", 1))).Fout,
                (await sp.GetRequiredService<AgendadeelHandler>().HandleAsync(o.VraagPunt)).Fout,
                (await sp.GetRequiredService<BesprekingOpenenHandler>().HandleAsync(id)).Fout,
                (await sp.GetRequiredService<VerwijsindexHandler>().HandleAsync(o.VraagPunt)).Fout,
                (await sp.GetRequiredService<BesprekingAfspraakHandler>().HandleAsync(new BesprekingAfspraakInvoer { AgendapuntId = o.VraagPunt, Wat = "X", EigenaarId = user.Id })).Fout,
            };
            Assert.All(uitkomsten, f => Assert.Equal(FoutSoort.GeenToegang, f?.Soort));
        }
        Assert.Equal(Aantal(voor), Aantal(await AantallenAsync(o)));
        await using var db = fixture.App.ContextFor(o.S.School.Id);
        Assert.Equal(BesprekingStatus.Gepland, (await db.Besprekingen.SingleAsync(b => b.Id == id)).Status);
        Assert.Null((await db.Agendapunten.SingleAsync(a => a.Id == o.VraagPunt)).Probleem);
    }

    private sealed record LeerlingzorgDbContextAantallen(int Agendapunten, int Afspraken);

    private async Task<LeerlingzorgDbContextAantallen> AantallenAsync(Opzet o)
    {
        await using var db = fixture.App.ContextFor(o.S.School.Id);
        return new(await db.Agendapunten.CountAsync(), await db.Afspraken.CountAsync());
    }

    [Fact]
    public async Task The_agenda_of_a_30_student_class_with_12_forms_takes_a_handful_of_queries()
    {
        var s = await Data.SchoolAsync("Agendaqueries", 30);
        var zc = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var bespreking = new Bespreking
        {
            Soort = BesprekingSoort.Leerlingbespreking, Datum = Schooldag.Vandaag.AddDays(7), Begin = new TimeOnly(15, 30), VoorzitterId = zc.Id,
            AangemaaktDoor = zc.Id, AangemaaktOp = DateTimeOffset.UtcNow, Klassen = [new BesprekingKlas { KlasId = s.Klas.Id }],
        };
        var docenten = new List<Gebruiker>();
        for (var d = 0; d < 12; d++)
        {
            docenten.Add(await Data.UserAsync(s.School.Id, Rollen.Docent));
        }
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Besprekingen.Add(bespreking);
            for (var d = 0; d < 12; d++)
            {
                var form = new Inventarisatie { BesprekingId = bespreking.Id, KlasId = s.Klas.Id, DocentId = docenten[d].Id, Deadline = Schooldag.Vandaag.AddDays(5) };
                form.Regels.AddRange(s.Leerlingen.Select((l, i) => new InventarisatieRegel
                {
                    InventarisatieId = form.Id, LeerlingId = l.Id, Werkhouding = (i + d) % 7 == 0 ? Oordeel.Zorg : Oordeel.Goed,
                }));
                db.Inventarisaties.Add(form);
            }
            await db.SaveChangesAsync();
        }
        await AlsAsync<AgendaVoorbereidenHandler, Result<int>>(zc, Rollen.Zorgcoordinator, h => h.HandleAsync(bespreking.Id));
        using var teller = QueryTeller.Start();
        var agenda = await AlsAsync<AgendaHandler, Result<Agenda>>(zc, Rollen.Zorgcoordinator, h => h.HandleAsync(bespreking.Id));
        Assert.Equal(30, agenda.Waarde!.Regels.Count);
        Assert.InRange(teller.Aantal, 1, 12);
    }
}
