using System.Collections.Concurrent;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Mailbeheer;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Mail;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leerlingzorg.Web.Tests.Features.Mail;

/// <summary>The durable mail queue (issue 11, Deliver 5): delivery, retries, SKIP LOCKED, isolation, no content in parent mails.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class MailwachtrijTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private SchoolScenario A => fixture.A;
    private SchoolScenario B => fixture.B;

    private Mailbezorger Bezorger(IMailVerzender verzender, TimeProvider? klok = null, double interval = 0) =>
        new(fixture.App.Pool, verzender, klok ?? TimeProvider.System,
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mail:Bezorger:IntervalSeconden"] = interval.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Build(),
            NullLogger<Mailbezorger>.Instance);

    private async Task<Mailbericht> ZetAsync(Guid? school, string onderwerp, DateTimeOffset? nu = null, string aan = "moeder@ouders.example")
    {
        var mail = Mailbericht.Nieuw(school, Guid.NewGuid(), aan, onderwerp, "Er wacht iets.", "https://leerlingzorg.test/x", nu ?? DateTimeOffset.UtcNow);
        await using var db = fixture.App.ContextFor(school);
        db.Mailberichten.Add(mail);
        await db.SaveChangesAsync();
        return mail;
    }

    // PostgreSQL keeps microseconds: a clock on whole seconds compares exactly.
    private static DateTimeOffset Seconden(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private async Task<Mailbericht> LeesAsync(Mailbericht mail)
    {
        await using var db = fixture.App.ContextFor(mail.SchoolId);
        return await db.Mailberichten.SingleAsync(m => m.Id == mail.Id);
    }

    [Fact]
    public async Task A_queued_mail_is_delivered_to_the_outbox_by_the_running_worker()
    {
        var onderwerp = $"bezorgd {Guid.NewGuid():N}";
        var mail = await ZetAsync(A.School.Id, onderwerp);
        var outbox = new MailOutbox(TimeProvider.System);
        var bezorger = Bezorger(new OutboxVerzender(outbox), interval: 0.1);
        await bezorger.StartAsync(CancellationToken.None);
        try
        {
            for (var i = 0; i < 100 && !outbox.Alle().Any(m => m.Onderwerp == onderwerp); i++)
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            await bezorger.StopAsync(CancellationToken.None);
        }
        var bezorgd = Assert.Single(outbox.Alle(), m => m.Onderwerp == onderwerp);
        Assert.Equal((A.School.Id, "moeder@ouders.example", "https://leerlingzorg.test/x"), (bezorgd.SchoolId!.Value, bezorgd.Aan, bezorgd.Link));
        var rij = await LeesAsync(mail);
        Assert.Equal(MailStatus.Verzonden, rij.Status);
        Assert.NotNull(rij.VerzondenOp);
        // Once sent, the link (a sign-in key for account mails) and the text are not kept.
        Assert.Null(rij.Link);
        Assert.Equal("", rij.Tekst);
    }

    private sealed class WeigerendeVerzender : IMailVerzender
    {
        public int Pogingen;

        public Task VerzendAsync(Mailbericht mail, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Pogingen);
            throw new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, $"mailbox {mail.Aan} unavailable");
        }
    }

    [Fact]
    public async Task A_failing_mail_is_retried_with_backoff_and_after_six_attempts_is_Mislukt_and_can_be_tried_again()
    {
        // A year ahead: no other mail of this database is due on this clock... except those of this test.
        var klok = new FakeTimeProvider(Seconden(DateTimeOffset.UtcNow.AddYears(1)));
        var mail = await ZetAsync(A.School.Id, "weigert", klok.GetUtcNow());
        var bezorger = Bezorger(new WeigerendeVerzender(), klok);

        await bezorger.BezorgAsync();
        var rij = await LeesAsync(mail);
        Assert.Equal((MailStatus.Wachtend, 1, klok.GetUtcNow().AddMinutes(1)), (rij.Status, rij.Pogingen, rij.VolgendePoging));
        Assert.Equal("SMTP 550 (RecipientNotAccepted)", rij.LaatsteFout);

        // Not due yet: no attempt.
        await bezorger.BezorgAsync();
        Assert.Equal(1, (await LeesAsync(mail)).Pogingen);

        int[] wachttijden = [1, 5, 15, 60, 240];
        foreach (var (minuten, poging) in wachttijden.Select((m, i) => (m, i + 2)))
        {
            klok.Advance(TimeSpan.FromMinutes(minuten));
            await bezorger.BezorgAsync();
            Assert.Equal(poging, (await LeesAsync(mail)).Pogingen);
        }
        rij = await LeesAsync(mail);
        Assert.Equal((MailStatus.Mislukt, Mailbericht.MaxPogingen), (rij.Status, rij.Pogingen));
        Assert.DoesNotContain("@", rij.LaatsteFout, StringComparison.Ordinal);

        klok.Advance(TimeSpan.FromDays(1));
        await bezorger.BezorgAsync();
        Assert.Equal(Mailbericht.MaxPogingen, (await LeesAsync(mail)).Pogingen);

        // The beheerder sees it and tries it again: a fresh series, delivered on the next round.
        var beheerder = await new TestData(fixture.App).UserAsync(A.School.Id, Rollen.Beheerder);
        await using (var scope = fixture.App.ScopeAs(beheerder, Rollen.Beheerder))
        {
            var lijst = await scope.ServiceProvider.GetRequiredService<MailwachtrijHandler>().HandleAsync(new PaginaVerzoek());
            var regel = Assert.Single(lijst.Waarde!.Items, r => r.Id == mail.Id);
            Assert.Equal(("m***@ouders.example", MailStatus.Mislukt), (regel.Aan, regel.Status));
            Assert.True((await scope.ServiceProvider.GetRequiredService<MailOpnieuwProberenHandler>().HandleAsync(mail.Id)).IsGelukt);
            Assert.Equal(FoutSoort.Conflict, (await scope.ServiceProvider.GetRequiredService<MailOpnieuwProberenHandler>().HandleAsync(mail.Id)).Fout?.Soort);
        }
        Assert.Equal((MailStatus.Wachtend, 0), ((await LeesAsync(mail)).Status, (await LeesAsync(mail)).Pogingen));
        var outbox = new MailOutbox(klok);
        await Bezorger(new OutboxVerzender(outbox), new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(2))).BezorgAsync();
        Assert.Single(outbox.Alle(), m => m.Onderwerp == "weigert");
    }

    private sealed class TellendeVerzender(ConcurrentDictionary<Guid, int> geteld) : IMailVerzender
    {
        public async Task VerzendAsync(Mailbericht mail, CancellationToken cancellationToken)
        {
            await Task.Delay(5, cancellationToken);
            geteld.AddOrUpdate(mail.Id, 1, (_, n) => n + 1);
        }
    }

    [Fact]
    public async Task Two_workers_at_once_deliver_every_mail_exactly_once()
    {
        var klok = new FakeTimeProvider(Seconden(DateTimeOffset.UtcNow.AddYears(3)));
        var mails = new List<Mailbericht>();
        for (var i = 0; i < 30; i++)
        {
            mails.Add(await ZetAsync(i % 3 == 0 ? B.School.Id : A.School.Id, $"samen {i}", klok.GetUtcNow()));
        }
        var geteld = new ConcurrentDictionary<Guid, int>();
        var een = Bezorger(new TellendeVerzender(geteld), klok);
        var twee = Bezorger(new TellendeVerzender(geteld), klok);
        for (var ronde = 0; ronde < 5 && !mails.All(m => geteld.ContainsKey(m.Id)); ronde++)
        {
            await Task.WhenAll(een.BezorgAsync(), twee.BezorgAsync());
        }
        Assert.All(mails, m => Assert.Equal(1, geteld.GetValueOrDefault(m.Id)));
    }

    [Fact]
    public async Task School_A_sees_no_mail_of_school_B_in_the_list_nor_in_the_database()
    {
        var vanA = await ZetAsync(A.School.Id, $"voor A {Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddYears(5));
        var vanB = await ZetAsync(B.School.Id, $"voor B {Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddYears(5));
        var zonder = await ZetAsync(null, $"zonder school {Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddYears(5));
        var beheerder = await new TestData(fixture.App).UserAsync(A.School.Id, Rollen.Beheerder);
        await using (var scope = fixture.App.ScopeAs(beheerder, Rollen.Beheerder))
        {
            var items = (await scope.ServiceProvider.GetRequiredService<MailwachtrijHandler>().HandleAsync(new PaginaVerzoek(Grootte: 100))).Waarde!.Items;
            Assert.Contains(items, r => r.Id == vanA.Id);
            Assert.DoesNotContain(items, r => r.Id == vanB.Id || r.Id == zonder.Id);
            Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<MailOpnieuwProberenHandler>().HandleAsync(vanB.Id)).Fout?.Soort);
        }
        await using (var scope = fixture.App.ScopeAs(A.Mentor, Rollen.Mentor))
        {
            Assert.Equal(FoutSoort.GeenToegang, (await scope.ServiceProvider.GetRequiredService<MailwachtrijHandler>().HandleAsync(new PaginaVerzoek())).Fout?.Soort);
        }
        await using (var db = fixture.App.ContextFor(A.School.Id))
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == beheerder.Id && a.Detail.StartsWith("mailwachtrij")));
            // Row-level security alone: raw SQL, no EF filter.
            var scholen = await db.Database.SqlQuery<Guid?>($"SELECT school_id AS \"Value\" FROM mailberichten").ToListAsync();
            Assert.All(scholen, s => Assert.Equal(A.School.Id, s));
            Assert.Equal(0, await db.Database.ExecuteSqlAsync($"UPDATE mailberichten SET pogingen = 9 WHERE id = {vanB.Id}"));
        }
        await using (var db = fixture.App.ContextFor(null))
        {
            var scholen = await db.Database.SqlQuery<Guid?>($"SELECT school_id AS \"Value\" FROM mailberichten").ToListAsync();
            Assert.All(scholen, s => Assert.Null(s));
            Assert.Contains(await db.Mailberichten.Select(m => m.Id).ToListAsync(), id => id == zonder.Id);
        }
        // Writing a school B mail while set to school A is refused by the database.
        await using (var db = fixture.App.ContextFor(A.School.Id))
        {
            db.Mailberichten.Add(Mailbericht.Nieuw(B.School.Id, Guid.NewGuid(), "x@y.example", "fout", "t", null, DateTimeOffset.UtcNow));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task A_parent_mail_about_an_OPP_holds_the_link_and_never_the_plan_and_speaks_English_when_the_parent_does()
    {
        var data = new TestData(fixture.App);
        var engelsGebruiker = await data.UserAsync(A.School.Id, Rollen.Ouder);
        var engels = new Ouder { Voornaam = "Parent", Achternaam = "English", GebruikerId = engelsGebruiker.Id, Email = engelsGebruiker.Email, Voorkeurstaal = "Engels" };
        string plantekst;
        await using (var db = fixture.App.ContextFor(A.School.Id))
        {
            db.Ouders.Add(engels);
            await db.SaveChangesAsync();
            plantekst = (await db.PlanVersies.FirstAsync()).Inhoud.Onderwijsbehoeften!;
        }
        var link = new Uri($"https://leerlingzorg.test/mijn-kinderen/{A.Leerlingen[0].Id}/plan");
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        await using (var db = fixture.App.ContextFor(A.School.Id))
        {
            await scope.ServiceProvider.GetRequiredService<Ouderberichten>().MeldAsync(db, [A.Ouder.Id, engels.Id], Ouderbericht.OppTerInstemming, link);
            await db.SaveChangesAsync();
        }
        var mails = await fixture.App.BezorgdeMailAsync();
        var nederlands = Assert.Single(mails, m => m.GebruikerId == A.OuderGebruiker.Id && m.Link == link.ToString());
        var english = Assert.Single(mails, m => m.GebruikerId == engelsGebruiker.Id && m.Link == link.ToString());
        Assert.Equal("Er wacht een plan op uw instemming", nederlands.Onderwerp);
        Assert.Equal("A plan is waiting for your approval", english.Onderwerp);
        Assert.Equal(A.School.Id, english.SchoolId);
        foreach (var mail in new[] { nederlands, english })
        {
            Assert.DoesNotContain(plantekst, mail.Tekst + mail.Onderwerp, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(A.Leerlingen[0].Voornaam, mail.Tekst + mail.Onderwerp, StringComparison.OrdinalIgnoreCase);
        }
    }
}
