using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Inventarisaties;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Inventarisaties;

/// <summary>
/// The inventarisatieformulier (issue 10, Deliver 2): a docent sees and fills in only his own form, saved per judgement
/// (the row made on the first save), handed in late when after the deadline; the chair's reminder once a day by mail
/// without student content; the mentor brings a student in; no parent, SWV user or user without role gets anywhere.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class InventarisatieTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly Uri Basis = new("https://leerlingzorg.test/");

    private TestData Data => new(fixture.App);

    private sealed record Opzet(SchoolScenario S, Bespreking Bespreking, Inventarisatie Formulier, Gebruiker Voorzitter);

    private async Task<Opzet> OpzetAsync(string naam)
    {
        var s = await Data.SchoolAsync(naam);
        await using var db = fixture.App.ContextFor(s.School.Id);
        var formulier = await db.Inventarisaties.SingleAsync(i => i.DocentId == s.Docent.Id);
        var bespreking = await db.Besprekingen.SingleAsync(b => b.Id == formulier.BesprekingId);
        var voorzitter = await db.Users.SingleAsync(u => u.Id == bespreking.VoorzitterId);
        return new Opzet(s, bespreking, formulier, voorzitter);
    }

    private async Task<(Gebruiker Docent, Inventarisatie Formulier)> TweedeDocentAsync(Opzet o)
    {
        var docent = await Data.UserAsync(o.S.School.Id, Rollen.Docent);
        await using var db = fixture.App.ContextFor(o.S.School.Id);
        db.Lesopdrachten.Add(new Lesopdracht { KlasId = o.S.Klas.Id, MedewerkerId = docent.Id, Vak = "Wiskunde" });
        var formulier = new Inventarisatie { BesprekingId = o.Bespreking.Id, KlasId = o.S.Klas.Id, DocentId = docent.Id, Deadline = o.Formulier.Deadline };
        db.Inventarisaties.Add(formulier);
        await db.SaveChangesAsync();
        return (docent, formulier);
    }

    [Fact]
    public async Task The_docent_sees_his_task_and_opens_his_form_with_one_row_per_current_student_sorted_and_audited()
    {
        var o = await OpzetAsync("Taakschool");
        await using var scope = fixture.App.ScopeAs(o.S.Docent, Rollen.Docent);
        var mijn = (await scope.ServiceProvider.GetRequiredService<MijnInventarisatiesHandler>().HandleAsync()).Waarde!;
        var taak = Assert.Single(mijn.Open);
        Assert.Equal((o.Formulier.Id, "1A", o.Formulier.Deadline, false), (taak.Id, taak.Klas, taak.Deadline, taak.IsVerlopen));
        Assert.Empty(mijn.Ingeleverd);

        var formulier = (await scope.ServiceProvider.GetRequiredService<InventarisatieOpenenHandler>().HandleAsync(o.Formulier.Id)).Waarde!;
        Assert.Equal(o.S.Leerlingen.Select(l => l.Id), formulier.Rijen.Select(r => r.LeerlingId));
        Assert.Equal(Oordeel.Zorg, formulier.Rijen[0].Werkhouding);
        Assert.False(formulier.IsMentor);
        await using var db = fixture.App.ContextFor(o.S.School.Id);
        var gelezen = await db.AuditEntries.Where(a => a.GebruikerId == o.S.Docent.Id && a.Actie == AuditActie.Lezen).Select(a => a.LeerlingId).ToListAsync();
        Assert.Equal(o.S.Leerlingen.Select(l => (Guid?)l.Id).Order(), gelezen.Order());
    }

    [Fact]
    public async Task Another_docent_gets_not_found_for_the_form_and_writes_nothing()
    {
        var o = await OpzetAsync("Anderedocentschool");
        var (ander, zijnFormulier) = await TweedeDocentAsync(o);
        await using (var scope = fixture.App.ScopeAs(ander, Rollen.Docent))
        {
            var sp = scope.ServiceProvider;
            Assert.Equal(FoutSoort.NietGevonden, (await sp.GetRequiredService<InventarisatieOpenenHandler>().HandleAsync(o.Formulier.Id)).Fout?.Soort);
            Assert.Equal(FoutSoort.NietGevonden, (await sp.GetRequiredService<OordeelOpslaanHandler>()
                .HandleAsync(o.Formulier.Id, o.S.Leerlingen[1].Id, Aspect.Gedrag, Oordeel.Zorg)).Fout?.Soort);
            Assert.Equal(FoutSoort.NietGevonden, (await sp.GetRequiredService<OpmerkingOpslaanHandler>()
                .HandleAsync(o.Formulier.Id, o.S.Leerlingen[1].Id, "Niet van mij")).Fout?.Soort);
            Assert.Equal(FoutSoort.NietGevonden, (await sp.GetRequiredService<FormulierInleverenHandler>().HandleAsync(o.Formulier.Id)).Fout?.Soort);
            // His own form he does see, with nothing of the other docent's in it.
            var eigen = (await sp.GetRequiredService<InventarisatieOpenenHandler>().HandleAsync(zijnFormulier.Id)).Waarde!;
            Assert.All(eigen.Rijen, r => Assert.Null(r.Werkhouding));
            Assert.Equal([zijnFormulier.Id], (await sp.GetRequiredService<MijnInventarisatiesHandler>().HandleAsync()).Waarde!.Open.Select(f => f.Id));
        }
        await using var db = fixture.App.ContextFor(o.S.School.Id);
        Assert.Equal(1, await db.InventarisatieRegels.CountAsync(r => r.InventarisatieId == o.Formulier.Id));
        Assert.Null((await db.Inventarisaties.SingleAsync(i => i.Id == o.Formulier.Id)).IngeleverdOp);
    }

    [Fact]
    public async Task The_first_save_makes_the_row_a_second_updates_it_and_a_remark_is_cleaned_or_refused()
    {
        var o = await OpzetAsync("Opslaanschool");
        var leerling = o.S.Leerlingen[1].Id;
        await using var scope = fixture.App.ScopeAs(o.S.Docent, Rollen.Docent);
        var oordeel = scope.ServiceProvider.GetRequiredService<OordeelOpslaanHandler>();
        var opmerking = scope.ServiceProvider.GetRequiredService<OpmerkingOpslaanHandler>();

        // Clearing an empty cell makes no row.
        Assert.True((await oordeel.HandleAsync(o.Formulier.Id, leerling, Aspect.Gedrag, null)).IsGelukt);
        await using (var db = fixture.App.ContextFor(o.S.School.Id))
        {
            Assert.False(await db.InventarisatieRegels.AnyAsync(r => r.LeerlingId == leerling));
        }
        Assert.True((await oordeel.HandleAsync(o.Formulier.Id, leerling, Aspect.Gedrag, Oordeel.Aandacht)).IsGelukt);
        Guid rijId;
        await using (var db = fixture.App.ContextFor(o.S.School.Id))
        {
            var rij = await db.InventarisatieRegels.SingleAsync(r => r.LeerlingId == leerling);
            (rijId, var gedrag) = (rij.Id, rij.Gedrag);
            Assert.Equal(Oordeel.Aandacht, gedrag);
        }
        Assert.True((await oordeel.HandleAsync(o.Formulier.Id, leerling, Aspect.Gedrag, Oordeel.Zorg)).IsGelukt);
        Assert.True((await oordeel.HandleAsync(o.Formulier.Id, leerling, Aspect.Welbevinden, Oordeel.Goed)).IsGelukt);
        Assert.True((await opmerking.HandleAsync(o.Formulier.Id, leerling, "Let\0 op in de les")).IsGelukt);
        Assert.True((await opmerking.HandleAsync(o.Formulier.Id, leerling, "Let op in de les, vaak afgeleid")).IsGelukt);
        Assert.Equal(OpmerkingOpslaanHandler.TeLang, (await opmerking.HandleAsync(o.Formulier.Id, leerling, new string('x', 100_000))).Fout);
        // A student of another class is not on this form.
        Assert.Equal(FoutSoort.NietGevonden, (await oordeel.HandleAsync(o.Formulier.Id, fixture.A.Leerlingen[0].Id, Aspect.Gedrag, Oordeel.Zorg)).Fout?.Soort);

        await using (var db = fixture.App.ContextFor(o.S.School.Id))
        {
            var rij = await db.InventarisatieRegels.SingleAsync(r => r.LeerlingId == leerling);
            Assert.Equal((rijId, Oordeel.Zorg, Oordeel.Goed, (Oordeel?)null, "Let op in de les, vaak afgeleid"),
                (rij.Id, rij.Gedrag, rij.Welbevinden, rij.Werkhouding, rij.Opmerking));
            var audit = await db.AuditEntries.Where(a => a.GebruikerId == o.S.Docent.Id && a.LeerlingId == leerling && a.Actie != AuditActie.Lezen)
                .OrderBy(a => a.Id).Select(a => a.Detail).ToListAsync();
            // One line per judgement; the remark only when first written, not per save.
            Assert.Equal(4, audit.Count);
            Assert.Single(audit, d => d.Contains("opmerking geschreven", StringComparison.Ordinal));
        }
        var heropend = (await scope.ServiceProvider.GetRequiredService<InventarisatieOpenenHandler>().HandleAsync(o.Formulier.Id)).Waarde!;
        Assert.Equal("Let op in de les, vaak afgeleid", heropend.Rijen.Single(r => r.LeerlingId == leerling).Opmerking);
        Assert.NotNull(heropend.LaatstOpgeslagen);
    }

    [Fact]
    public async Task Handing_in_after_the_deadline_is_accepted_and_marked_late_and_the_chair_sees_it()
    {
        var o = await OpzetAsync("Telaatschool");
        var (ander, _) = await TweedeDocentAsync(o);
        await using (var db = fixture.App.ContextFor(o.S.School.Id))
        {
            var f = await db.Inventarisaties.AsTracking().SingleAsync(i => i.Id == o.Formulier.Id);
            f.Deadline = Schooldag.Vandaag.AddDays(-1);
            await db.SaveChangesAsync();
        }
        await using (var scope = fixture.App.ScopeAs(o.S.Docent, Rollen.Docent))
        {
            Assert.True(Assert.Single((await scope.ServiceProvider.GetRequiredService<MijnInventarisatiesHandler>().HandleAsync()).Waarde!.Open).IsVerlopen);
            var ingeleverd = (await scope.ServiceProvider.GetRequiredService<FormulierInleverenHandler>().HandleAsync(o.Formulier.Id)).Waarde!;
            Assert.True(ingeleverd.TeLaat);
            var mijn = (await scope.ServiceProvider.GetRequiredService<MijnInventarisatiesHandler>().HandleAsync()).Waarde!;
            Assert.Empty(mijn.Open);
            Assert.True(Assert.Single(mijn.Ingeleverd).TeLaat);
            // Still changeable while the meeting is to come.
            Assert.True((await scope.ServiceProvider.GetRequiredService<OordeelOpslaanHandler>()
                .HandleAsync(o.Formulier.Id, o.S.Leerlingen[2].Id, Aspect.Resultaten, Oordeel.Goed)).IsGelukt);
        }
        await using (var scope = fixture.App.ScopeAs(o.Voorzitter, Rollen.Leerjaarcoordinator))
        {
            var voortgang = (await scope.ServiceProvider.GetRequiredService<InventarisatieVoortgangHandler>().HandleAsync(o.Bespreking.Id)).Waarde!;
            Assert.Equal("1 van 2 docenten ingevuld", voortgang.Samenvatting);
            Assert.True(voortgang.IsOrganisator);
            Assert.True(voortgang.Docenten.Single(d => d.DocentId == o.S.Docent.Id).TeLaat);
            Assert.Null(voortgang.Docenten.Single(d => d.DocentId == ander.Id).IngeleverdOp);
        }
        // A docent who takes no part in the meeting does not see its progress.
        await using (var scope = fixture.App.ScopeAs(o.S.Docent, Rollen.Docent))
        {
            Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<InventarisatieVoortgangHandler>().HandleAsync(o.Bespreking.Id)).Fout?.Soort);
        }
    }

    [Fact]
    public async Task The_chair_reminds_open_forms_once_a_day_by_mail_with_a_link_and_no_student_names()
    {
        var o = await OpzetAsync("Herinnerschool");
        var (ander, zijnFormulier) = await TweedeDocentAsync(o);
        await using (var scope = fixture.App.ScopeAs(ander, Rollen.Docent))
        {
            await scope.ServiceProvider.GetRequiredService<FormulierInleverenHandler>().HandleAsync(zijnFormulier.Id);
        }
        await using (var scope = fixture.App.ScopeAs(o.S.Docent, Rollen.Docent))
        {
            // A docent is no organisator (not even a participant) of the meeting.
            Assert.False((await scope.ServiceProvider.GetRequiredService<HerinneringSturenHandler>().HandleAsync(o.Bespreking.Id, Basis)).IsGelukt);
        }
        await using (var scope = fixture.App.ScopeAs(o.Voorzitter, Rollen.Leerjaarcoordinator))
        {
            var herinner = scope.ServiceProvider.GetRequiredService<HerinneringSturenHandler>();
            Assert.Equal(1, (await herinner.HandleAsync(o.Bespreking.Id, Basis)).Waarde);
            Assert.Equal(FoutSoort.Conflict, (await herinner.HandleAsync(o.Bespreking.Id, Basis)).Fout?.Soort);
        }
        var mails = (await fixture.App.BezorgdeMailAsync()).Where(m => m.GebruikerId == o.S.Docent.Id).ToList();
        var mail = Assert.Single(mails);
        Assert.Equal(o.S.Docent.Email, mail.Aan);
        Assert.Equal($"https://leerlingzorg.test/inventarisaties/{o.Formulier.Id}", mail.Link);
        foreach (var leerling in o.S.Leerlingen)
        {
            Assert.DoesNotContain(leerling.Voornaam, mail.Tekst + mail.Onderwerp, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(leerling.Achternaam, mail.Tekst + mail.Onderwerp, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain((await fixture.App.BezorgdeMailAsync()), m => m.GebruikerId == ander.Id);

        // A day later he may be reminded again; the docent sees it on his start page.
        await using (var db = fixture.App.ContextFor(o.S.School.Id))
        {
            var f = await db.Inventarisaties.AsTracking().SingleAsync(i => i.Id == o.Formulier.Id);
            Assert.NotNull(f.HerinnerdOp);
            f.HerinnerdOp = f.HerinnerdOp!.Value.AddDays(-1);
            await db.SaveChangesAsync();
        }
        await using (var scope = fixture.App.ScopeAs(o.Voorzitter, Rollen.Leerjaarcoordinator))
        {
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<HerinneringSturenHandler>().HandleAsync(o.Bespreking.Id, Basis)).Waarde);
        }
        Assert.Equal(2, (await fixture.App.BezorgdeMailAsync()).Count(m => m.GebruikerId == o.S.Docent.Id));
        await using (var scope = fixture.App.ScopeAs(o.S.Docent, Rollen.Docent))
        {
            Assert.NotNull(Assert.Single((await scope.ServiceProvider.GetRequiredService<MijnInventarisatiesHandler>().HandleAsync()).Waarde!.Open).HerinnerdOp);
        }
    }

    [Fact]
    public async Task The_mentor_brings_a_student_in_with_a_question_and_a_docent_who_is_not_his_mentor_is_refused()
    {
        var o = await OpzetAsync("Inbrengschool");
        var leerling = o.S.Leerlingen[2].Id;
        await using (var scope = fixture.App.ScopeAs(o.S.Docent, Rollen.Docent))
        {
            var geweigerd = await scope.ServiceProvider.GetRequiredService<LeerlingInbrengenHandler>()
                .HandleAsync(new InbrengInvoer { BesprekingId = o.Bespreking.Id, LeerlingId = leerling, Vraag = "Van de docent" });
            Assert.Equal(FoutSoort.GeenToegang, geweigerd.Fout?.Soort);
        }
        await using (var scope = fixture.App.ScopeAs(o.S.Mentor, Rollen.Mentor))
        {
            var inbrengen = scope.ServiceProvider.GetRequiredService<LeerlingInbrengenHandler>();
            Assert.Equal(FoutSoort.Ongeldig, (await inbrengen.HandleAsync(new InbrengInvoer { BesprekingId = o.Bespreking.Id, LeerlingId = leerling, Vraag = " \0 " })).Fout?.Soort);
            var id = (await inbrengen.HandleAsync(new InbrengInvoer { BesprekingId = o.Bespreking.Id, LeerlingId = leerling, Vraag = "Hoe gaat het met plannen?" })).Waarde;
            var nogmaals = (await inbrengen.HandleAsync(new InbrengInvoer { BesprekingId = o.Bespreking.Id, LeerlingId = leerling, Vraag = "Hoe gaat het met plannen en huiswerk?" })).Waarde;
            Assert.Equal(id, nogmaals);
        }
        await using var db = fixture.App.ContextFor(o.S.School.Id);
        var punt = await db.Agendapunten.SingleAsync(a => a.BesprekingId == o.Bespreking.Id && a.LeerlingId == leerling);
        Assert.Equal(("Hoe gaat het met plannen en huiswerk?", (Guid?)o.S.Mentor.Id, 2), (punt.Vraag, punt.IngebrachtDoor, punt.Volgorde));
        Assert.Equal(2, await db.Agendapunten.CountAsync(a => a.BesprekingId == o.Bespreking.Id));
    }

    [Theory]
    [InlineData("Ouder")]
    [InlineData("Samenwerkingsverband")]
    [InlineData("ZonderRol")]
    public async Task A_parent_an_SWV_user_and_a_user_without_role_are_refused_by_every_handler_and_nothing_is_written(string wie)
    {
        var o = await OpzetAsync("Rolschool " + wie);
        var (user, rollen) = wie switch
        {
            "Ouder" => (o.S.OuderGebruiker, new[] { Rollen.Ouder }),
            "Samenwerkingsverband" => (await Data.SwvUserAsync(o.S.Swv.Id, Rollen.SwvManager, Rollen.SwvOrthopedagoog), new[] { Rollen.SwvManager, Rollen.SwvOrthopedagoog }),
            _ => (await Data.UserAsync(o.S.School.Id), Array.Empty<string>()),
        };
        var leerling = o.S.Leerlingen[1].Id;
        var mails = (await fixture.App.BezorgdeMailAsync()).Count;
        await using (var scope = fixture.App.ScopeAs(user, rollen))
        {
            var sp = scope.ServiceProvider;
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<MijnInventarisatiesHandler>().HandleAsync()).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<InventarisatieOpenenHandler>().HandleAsync(o.Formulier.Id)).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<OordeelOpslaanHandler>().HandleAsync(o.Formulier.Id, leerling, Aspect.Gedrag, Oordeel.Zorg)).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<OpmerkingOpslaanHandler>().HandleAsync(o.Formulier.Id, leerling, "Niet")).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<FormulierInleverenHandler>().HandleAsync(o.Formulier.Id)).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<InventarisatieVoortgangHandler>().HandleAsync(o.Bespreking.Id)).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<HerinneringSturenHandler>().HandleAsync(o.Bespreking.Id, Basis)).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<LeerlingInbrengenHandler>()
                .HandleAsync(new InbrengInvoer { BesprekingId = o.Bespreking.Id, LeerlingId = leerling, Vraag = "Niet" })).Fout?.Soort);
        }
        await using var db = fixture.App.ContextFor(o.S.School.Id);
        Assert.Equal(1, await db.InventarisatieRegels.CountAsync(r => r.InventarisatieId == o.Formulier.Id));
        var formulier = await db.Inventarisaties.SingleAsync(i => i.Id == o.Formulier.Id);
        Assert.Equal((null, null), (formulier.IngeleverdOp, formulier.HerinnerdOp));
        Assert.Equal(1, await db.Agendapunten.CountAsync(a => a.BesprekingId == o.Bespreking.Id));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.GebruikerId == user.Id));
        Assert.Equal(mails, (await fixture.App.BezorgdeMailAsync()).Count);
    }
}
