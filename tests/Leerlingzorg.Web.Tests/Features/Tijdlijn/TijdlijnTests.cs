using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Tijdlijn;

/// <summary>The student's timeline: only readable gesprekken, paged and filtered in the database, audited, per school.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class TijdlijnTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);
    private Dossierdata A => new(fixture.App, fixture.A.School.Id);

    private async Task<TijdlijnPagina> TijdlijnAsync(Gebruiker user, string rol, TijdlijnVraag vraag)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        var result = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>().HandleAsync(vraag);
        Assert.True(result.IsGelukt, result.Fout?.Melding);
        return result.Waarde!;
    }

    [Fact]
    public async Task The_timeline_shows_each_role_only_the_gesprekken_it_may_read()
    {
        var leerling = fixture.A.Leerlingen[1].Id;
        var auteur = await Data.UserAsync(fixture.A.School.Id, Rollen.InternBegeleider);
        var normaal = await A.GesprekAsync(leerling, auteur.Id, Dossierdata.Vandaag.AddDays(-3), Vertrouwelijkheid.Normaal);
        var zorg = await A.GesprekAsync(leerling, auteur.Id, Dossierdata.Vandaag.AddDays(-2), Vertrouwelijkheid.Zorg);
        var vertrouwelijk = await A.GesprekAsync(leerling, auteur.Id, Dossierdata.Vandaag.AddDays(-1), Vertrouwelijkheid.Vertrouwelijk, samenvatting: "Geheim");
        var zorgcoordinator = await Data.UserAsync(fixture.A.School.Id, Rollen.Zorgcoordinator);
        var andereIb = await Data.UserAsync(fixture.A.School.Id, Rollen.InternBegeleider);
        var vraag = new TijdlijnVraag(leerling, Filter: TijdlijnFilterSoort.Gesprekken);

        async Task<Guid[]> Ziet(Gebruiker user, string rol) =>
            [.. (await TijdlijnAsync(user, rol, vraag)).Items.Select(i => i.Id)];

        Assert.Equal([normaal.Id], await Ziet(fixture.A.Docent, Rollen.Docent));
        Assert.Equal([zorg.Id, normaal.Id], await Ziet(fixture.A.Mentor, Rollen.Mentor));
        Assert.Equal([zorg.Id, normaal.Id], await Ziet(andereIb, Rollen.InternBegeleider));
        Assert.Equal([vertrouwelijk.Id, zorg.Id, normaal.Id], await Ziet(auteur, Rollen.InternBegeleider));
        Assert.Equal([vertrouwelijk.Id, zorg.Id, normaal.Id], await Ziet(zorgcoordinator, Rollen.Zorgcoordinator));
    }

    [Fact]
    public async Task A_gesprek_item_carries_kind_author_level_an_excerpt_and_the_voortgang_badge()
    {
        var leerling = fixture.A.Leerlingen[0].Id;
        var lang = string.Concat(Enumerable.Repeat("Het gaat goed met plannen. ", 100));
        await A.GesprekAsync(leerling, fixture.A.Mentor.Id, Dossierdata.Vandaag.AddDays(-40), soort: "Voortgangsgesprek", samenvatting: lang);
        var pagina = await TijdlijnAsync(fixture.A.Mentor, Rollen.Mentor, new TijdlijnVraag(leerling, Filter: TijdlijnFilterSoort.Gesprekken));
        var item = Assert.Single(pagina.Items, i => i.Titel == "Voortgangsgesprek");
        Assert.True(item.IsVoortgang);
        Assert.Equal(Vertrouwelijkheid.Normaal, item.Vertrouwelijkheid);
        Assert.Equal(fixture.A.Mentor.VolledigeNaam, item.Persoon);
        Assert.Equal(TijdlijnHandler.FragmentLengte, item.Tekst!.Length);
        Assert.False(Assert.Single(pagina.Items, i => i.Titel == "Mentorgesprek").IsVoortgang);
    }

    [Fact]
    public async Task Paging_45_gesprekken_gives_20_newest_first_and_5_on_page_3()
    {
        var leerling = fixture.A.Leerlingen[2].Id;
        for (var i = 1; i <= 45; i++)
        {
            await A.GesprekAsync(leerling, fixture.A.Mentor.Id, Dossierdata.Vandaag.AddDays(-i), samenvatting: $"Gesprek {i}");
        }
        var vraag = new TijdlijnVraag(leerling, Filter: TijdlijnFilterSoort.Gesprekken);
        var eerste = await TijdlijnAsync(fixture.A.Mentor, Rollen.Mentor, vraag);
        Assert.Equal(20, eerste.Items.Count);
        Assert.True(eerste.HeeftMeer);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => Dossierdata.Vandaag.AddDays(-i)), eerste.Items.Select(i => i.Datum));

        var tweede = await TijdlijnAsync(fixture.A.Mentor, Rollen.Mentor, vraag with { Pagina = 2 });
        Assert.Equal(Enumerable.Range(21, 20).Select(i => Dossierdata.Vandaag.AddDays(-i)), tweede.Items.Select(i => i.Datum));
        var derde = await TijdlijnAsync(fixture.A.Mentor, Rollen.Mentor, vraag with { Pagina = 3 });
        Assert.Equal(5, derde.Items.Count);
        Assert.False(derde.HeeftMeer);
        Assert.Equal("Gesprek 45", derde.Items[^1].Tekst);
    }

    [Fact]
    public async Task The_filter_by_kind_and_by_GesprekSoort()
    {
        var s = await Data.SchoolAsync("Filterschool");
        var data = new Dossierdata(fixture.App, s.School.Id);
        var l = s.Leerlingen[0].Id;
        var voortgang = await data.GesprekAsync(l, s.Mentor.Id, Dossierdata.Vandaag.AddDays(-1), soort: "Voortgangsgesprek");
        var afspraak = await data.AfspraakAsync(l, s.Mentor.Id, "Huiswerkplanner bijhouden", Dossierdata.Vandaag.AddDays(7), voortgang.Id);

        async Task<TijdlijnSoort[]> Soorten(TijdlijnFilterSoort filter, Guid? soort = null) =>
            [.. (await TijdlijnAsync(s.Mentor, Rollen.Mentor, new TijdlijnVraag(l, 1, filter, soort))).Items.Select(i => i.Soort).Order()];

        // The seed gave the student a Mentorgesprek with an afspraak, and one row of each part of the support structure
        // (a step on the ladder, an intervention, a consent, a pass).
        TijdlijnSoort[] ondersteuning = [TijdlijnSoort.PmGewijzigd, TijdlijnSoort.InzetGestart, TijdlijnSoort.ToestemmingGegeven, TijdlijnSoort.PasVastgesteld];
        Assert.Equal([TijdlijnSoort.Gesprek, TijdlijnSoort.Gesprek, TijdlijnSoort.AfspraakGemaakt, TijdlijnSoort.AfspraakGemaakt, .. ondersteuning],
            await Soorten(TijdlijnFilterSoort.Alles));
        Assert.Equal(ondersteuning, await Soorten(TijdlijnFilterSoort.Ondersteuning));
        // The consent's purpose by its Domain name, in the union of both paths (the ordinary one inlines the name).
        foreach (var filter in new[] { TijdlijnFilterSoort.Alles, TijdlijnFilterSoort.Ondersteuning })
        {
            var consent = (await TijdlijnAsync(s.Mentor, Rollen.Mentor, new TijdlijnVraag(l, 1, filter))).Items.Single(i => i.Soort == TijdlijnSoort.ToestemmingGegeven);
            Assert.Contains(consent.Titel, Enum.GetValues<ToestemmingDoel>().Select(d => d.Weergave()));
        }
        // A docent reads the pass (its facilities) but not the Zorg-level ladder, intervention and consent.
        Assert.Equal([TijdlijnSoort.PasVastgesteld],
            [.. (await TijdlijnAsync(s.Docent, Rollen.Docent, new TijdlijnVraag(l, 1, TijdlijnFilterSoort.Ondersteuning))).Items.Select(i => i.Soort)]);
        Assert.Equal([TijdlijnSoort.Gesprek, TijdlijnSoort.Gesprek], await Soorten(TijdlijnFilterSoort.Gesprekken));
        Assert.Equal([TijdlijnSoort.AfspraakGemaakt, TijdlijnSoort.AfspraakGemaakt], await Soorten(TijdlijnFilterSoort.Afspraken));

        await using var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor);
        var handler = scope.ServiceProvider.GetRequiredService<TijdlijnHandler>();
        var soorten = await handler.SoortenAsync();
        Assert.Equal(["Mentorgesprek", "Voortgangsgesprek", "Oudergesprek", "Leerlinggesprek", "Overig"], soorten.Select(k => k.Naam));
        var perSoort = await handler.HandleAsync(new TijdlijnVraag(l, GesprekSoortId: soorten[1].Id));
        Assert.Equal([voortgang.Id], perSoort.Waarde!.Items.Select(i => i.Id));
        var afspraakItem = (await handler.HandleAsync(new TijdlijnVraag(l, Filter: TijdlijnFilterSoort.Afspraken))).Waarde!.Items
            .Single(i => i.Id == afspraak.Id);
        Assert.Equal(voortgang.Id, afspraakItem.GesprekId);
        Assert.Equal(Dossierdata.Vandaag.AddDays(7), afspraakItem.Deadline);
    }

    [Fact]
    public async Task An_afspraak_of_a_confidential_gesprek_stays_hidden_from_the_docent()
    {
        var leerling = fixture.A.Leerlingen[2].Id;
        var auteur = await Data.UserAsync(fixture.A.School.Id, Rollen.Zorgcoordinator);
        var geheim = await A.GesprekAsync(leerling, auteur.Id, Dossierdata.Vandaag.AddDays(-100), Vertrouwelijkheid.Vertrouwelijk);
        var afspraak = await A.AfspraakAsync(leerling, auteur.Id, "Contact met huisarts", gesprekId: geheim.Id);
        var docent = await TijdlijnAsync(fixture.A.Docent, Rollen.Docent, new TijdlijnVraag(leerling, Filter: TijdlijnFilterSoort.Afspraken));
        Assert.DoesNotContain(docent.Items, i => i.Id == afspraak.Id);
        var zelf = await TijdlijnAsync(auteur, Rollen.Zorgcoordinator, new TijdlijnVraag(leerling, Filter: TijdlijnFilterSoort.Afspraken));
        Assert.Contains(zelf.Items, i => i.Id == afspraak.Id);
    }

    /// <summary>Finding 4 of issue 8: afspraken are read through their source, which applies the gesprek's level.</summary>
    [Fact]
    public async Task The_afspraken_source_never_gives_the_mentor_the_afspraken_of_a_vertrouwelijk_gesprek()
    {
        var s = await Data.SchoolAsync("Afsprakenbron");
        var data = new Dossierdata(fixture.App, s.School.Id);
        var leerling = s.Leerlingen[1].Id;
        var zorgcoordinator = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var geheim = await data.GesprekAsync(leerling, zorgcoordinator.Id, Dossierdata.Vandaag.AddDays(-3), Vertrouwelijkheid.Vertrouwelijk);
        var zorg = await data.GesprekAsync(leerling, zorgcoordinator.Id, Dossierdata.Vandaag.AddDays(-2), Vertrouwelijkheid.Zorg);
        var verborgen = await data.AfspraakAsync(leerling, zorgcoordinator.Id, "Contact met de huisarts", gesprekId: geheim.Id);
        var zichtbaar = await data.AfspraakAsync(leerling, zorgcoordinator.Id, "Gesprek met ouders plannen", gesprekId: zorg.Id);

        await using var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor);
        var current = scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Tenancy.CurrentUser>();
        await using var db = fixture.App.ContextFor(s.School.Id);
        var lezer = await Web.Infrastructure.Authorization.Dossiertoegang.DossierlezerAsync(db, current, leerling);
        Assert.NotNull(lezer);
        var ids = await Dossierbronnen.Afspraken.Leesbaar(db, lezer).Select(a => a.Id).ToListAsync();
        Assert.DoesNotContain(verborgen.Id, ids);
        Assert.Contains(zichtbaar.Id, ids);
        // The header counts read through the same source.
        var kaart = await scope.ServiceProvider.GetRequiredService<Web.Features.Leerlingen.LeerlingBekijkenHandler>().HandleAsync(leerling);
        Assert.Equal(1, kaart.Waarde!.AantalOpenAfspraken);
        Assert.DoesNotContain(kaart.Waarde.OpenAfspraken, a => a.Id == verborgen.Id);
    }

    /// <summary>Finding 2 of issue 8 on the timeline: an afspraak's date is the school's day (Europe/Amsterdam), not the UTC day.</summary>
    [Fact]
    public async Task An_afspraak_made_at_half_past_midnight_in_Amsterdam_shows_that_day()
    {
        var s = await Data.SchoolAsync("Middernacht");
        var leerling = s.Leerlingen[0].Id;
        // 3 November 2026 00:30 CET is 2 November 23:30 UTC; finished 29 March 2027 00:15 CEST, 28 March 22:15 UTC.
        var afspraak = new Afspraak
        {
            LeerlingId = leerling, EigenaarId = s.Mentor.Id, Wat = "Net na middernacht",
            AangemaaktOp = new DateTimeOffset(2026, 11, 2, 23, 30, 0, TimeSpan.Zero),
            AfgerondOp = new DateTimeOffset(2027, 3, 28, 22, 15, 0, TimeSpan.Zero), Evaluatie = "Gedaan",
        };
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Afspraken.Add(afspraak);
            await db.SaveChangesAsync();
        }
        var items = (await TijdlijnAsync(s.Mentor, Rollen.Mentor, new TijdlijnVraag(leerling, Filter: TijdlijnFilterSoort.Afspraken))).Items
            .Where(i => i.Id == afspraak.Id).ToList();
        Assert.Equal(new DateOnly(2026, 11, 3), items.Single(i => i.Soort == TijdlijnSoort.AfspraakGemaakt).Datum);
        Assert.Equal(new DateOnly(2027, 3, 29), items.Single(i => i.Soort == TijdlijnSoort.AfspraakAfgerond).Datum);

        // In SQL, whatever the session's zone: AT TIME ZONE 'Europe/Amsterdam'.
        await using var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor);
        var current = scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Tenancy.CurrentUser>();
        await using var ctx = fixture.App.ContextFor(s.School.Id);
        var lezer = await Web.Infrastructure.Authorization.Dossiertoegang.DossierlezerAsync(ctx, current, leerling);
        var sql = Dossierbronnen.Afspraken.Tijdlijn(ctx, lezer!, new TijdlijnVraag(leerling)).First().ToQueryString();
        Assert.Contains("AT TIME ZONE", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Schoolkalender.ZoneId, sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_a_timeline_page_writes_a_read_entry_for_the_student()
    {
        var leerling = fixture.A.Leerlingen[0].Id;
        var voor = DateTimeOffset.UtcNow.AddSeconds(-1);
        await TijdlijnAsync(fixture.A.Mentor, Rollen.Mentor, new TijdlijnVraag(leerling));
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        var entry = await db.AuditEntries
            .Where(a => a.LeerlingId == leerling && a.GebruikerId == fixture.A.Mentor.Id && a.Tijdstip >= voor && a.Detail.StartsWith("tijdlijn"))
            .SingleAsync();
        Assert.Equal(AuditActie.Lezen, entry.Actie);
        Assert.StartsWith("tijdlijn pagina 1 (alles)", entry.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Rollen.Zorgcoordinator)]
    [InlineData(Rollen.Mentor)]
    public async Task A_user_of_school_B_sees_nothing_of_a_student_of_school_A(string rol)
    {
        var user = rol == Rollen.Mentor ? fixture.B.Mentor : await Data.UserAsync(fixture.B.School.Id, rol);
        await using var scope = fixture.App.ScopeAs(user, rol);
        var result = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>().HandleAsync(new TijdlijnVraag(fixture.A.Leerlingen[0].Id));
        Assert.False(result.IsGelukt);
        Assert.Equal(FoutSoort.NietGevonden, result.Fout!.Soort);
    }

    [Fact]
    public async Task A_mentor_of_another_class_does_not_see_the_timeline()
    {
        var andereMentor = await Data.UserAsync(fixture.A.School.Id, Rollen.Mentor);
        await using var scope = fixture.App.ScopeAs(andereMentor, Rollen.Mentor);
        var result = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>().HandleAsync(new TijdlijnVraag(fixture.A.Leerlingen[0].Id));
        Assert.Equal(FoutSoort.NietGevonden, result.Fout?.Soort);
    }
}
