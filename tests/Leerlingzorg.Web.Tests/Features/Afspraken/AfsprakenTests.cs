using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Afspraken;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Tests.Features.Tijdlijn;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Afspraken;

/// <summary>"Mijn afspraken": overdue first, afronden with an evaluation by the owner or the zorgcoördinator only.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class AfsprakenTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    [Fact]
    public async Task Mijn_afspraken_lists_the_owners_open_afspraken_overdue_first_then_by_deadline()
    {
        var s = await Data.SchoolAsync("Volgordeschool");
        var data = new Dossierdata(fixture.App, s.School.Id);
        var vandaag = Dossierdata.Vandaag;
        var l = s.Leerlingen;
        var gesprek = await data.GesprekAsync(l[1].Id, s.Mentor.Id, vandaag.AddDays(-20), soort: "Oudergesprek");
        var over3 = await data.AfspraakAsync(l[0].Id, s.Mentor.Id, "Drie dagen over", vandaag.AddDays(-3));
        var later = await data.AfspraakAsync(l[1].Id, s.Mentor.Id, "Over vijf dagen", vandaag.AddDays(5), gesprek.Id);
        var over10 = await data.AfspraakAsync(l[2].Id, s.Mentor.Id, "Tien dagen over", vandaag.AddDays(-10));
        var morgen = await data.AfspraakAsync(l[0].Id, s.Mentor.Id, "Morgen", vandaag.AddDays(1));
        await data.AfspraakAsync(l[0].Id, s.Docent.Id, "Van een ander", vandaag.AddDays(-30));

        await using var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor);
        var rijen = await scope.ServiceProvider.GetRequiredService<MijnAfsprakenHandler>().OpenAsync();
        // The seed's "Planner gebruiken" has no deadline: last.
        Assert.Equal([over10.Id, over3.Id, morgen.Id, later.Id], rijen.Take(4).Select(r => r.Id));
        Assert.Equal("Planner gebruiken", rijen[^1].Wat);
        Assert.Equal(5, rijen.Count);
        Assert.True(rijen[0].IsVerlopen(vandaag));
        Assert.False(rijen[2].IsVerlopen(vandaag));
        var metGesprek = rijen.Single(r => r.Id == later.Id);
        Assert.Equal(("Oudergesprek", (DateOnly?)vandaag.AddDays(-20), "1A"), (metGesprek.GesprekSoort, metGesprek.GesprekDatum, metGesprek.Klas));
        Assert.Equal(l[1].VolledigeNaam, metGesprek.Leerling);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Afronden_needs_an_evaluation(string evaluatie)
    {
        var afspraak = await new Dossierdata(fixture.App, fixture.A.School.Id)
            .AfspraakAsync(fixture.A.Leerlingen[1].Id, fixture.A.Mentor.Id, "Zonder evaluatie");
        await using var scope = fixture.App.ScopeAs(fixture.A.Mentor, Rollen.Mentor);
        var result = await scope.ServiceProvider.GetRequiredService<AfspraakAfrondenHandler>()
            .HandleAsync(new AfrondenInvoer { AfspraakId = afspraak.Id, Evaluatie = evaluatie });
        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        Assert.Null(await db.Afspraken.Where(a => a.Id == afspraak.Id).Select(a => a.AfgerondOp).SingleAsync());
    }

    [Theory]
    [InlineData("eigenaar", true)]
    [InlineData(Rollen.Zorgcoordinator, true)]
    [InlineData(Rollen.Docent, false)]
    [InlineData(Rollen.Leerjaarcoordinator, false)]
    [InlineData(Rollen.InternBegeleider, false)]
    public async Task Only_the_owner_or_the_zorgcoordinator_may_afronden(string wie, bool mag)
    {
        var afspraak = await new Dossierdata(fixture.App, fixture.A.School.Id)
            .AfspraakAsync(fixture.A.Leerlingen[2].Id, fixture.A.Mentor.Id, $"Afronden door {wie}");
        var (user, rol) = wie == "eigenaar" ? (fixture.A.Mentor, Rollen.Mentor) : (await Data.UserAsync(fixture.A.School.Id, wie), wie);
        await using (var scope = fixture.App.ScopeAs(user, rol))
        {
            var result = await scope.ServiceProvider.GetRequiredService<AfspraakAfrondenHandler>()
                .HandleAsync(new AfrondenInvoer { AfspraakId = afspraak.Id, Evaluatie = "  Gaat nu goed.  " });
            Assert.Equal(mag, result.IsGelukt);
            if (!mag)
            {
                Assert.Equal(FoutSoort.GeenToegang, result.Fout!.Soort);
            }
        }
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        var opgeslagen = await db.Afspraken.SingleAsync(a => a.Id == afspraak.Id);
        Assert.Equal(mag ? "Gaat nu goed." : null, opgeslagen.Evaluatie);
        Assert.Equal(mag, opgeslagen.AfgerondOp is not null);
    }

    [Fact]
    public async Task A_finished_afspraak_leaves_the_open_list_and_shows_under_Afgerond_and_on_the_timeline()
    {
        var s = await Data.SchoolAsync("Afrondschool");
        var afspraak = await new Dossierdata(fixture.App, s.School.Id).AfspraakAsync(s.Leerlingen[1].Id, s.Mentor.Id, "Bijles regelen");
        await using var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor);
        var afronden = scope.ServiceProvider.GetRequiredService<AfspraakAfrondenHandler>();
        Assert.True((await afronden.HandleAsync(new AfrondenInvoer { AfspraakId = afspraak.Id, Evaluatie = "Bijles loopt" })).IsGelukt);
        Assert.Equal(FoutSoort.Conflict, (await afronden.HandleAsync(new AfrondenInvoer { AfspraakId = afspraak.Id, Evaluatie = "Nog eens" })).Fout?.Soort);

        var mijn = scope.ServiceProvider.GetRequiredService<MijnAfsprakenHandler>();
        Assert.DoesNotContain(await mijn.OpenAsync(), r => r.Id == afspraak.Id);
        var afgerond = await mijn.AfgerondAsync(1);
        Assert.Equal("Bijles loopt", Assert.Single(afgerond.Items).Evaluatie);
        Assert.False(afgerond.HeeftMeer);

        var tijdlijn = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>()
            .HandleAsync(new TijdlijnVraag(s.Leerlingen[1].Id, Filter: TijdlijnFilterSoort.Afspraken));
        var items = tijdlijn.Waarde!.Items.Where(i => i.Id == afspraak.Id).ToList();
        Assert.Equal([TijdlijnSoort.AfspraakAfgerond, TijdlijnSoort.AfspraakGemaakt], items.Select(i => i.Soort));
        Assert.Equal("Bijles loopt", items[0].Tekst);
    }

    [Fact]
    public async Task The_student_page_header_shows_the_count_and_the_first_three_open_afspraken_overdue_first()
    {
        var s = await Data.SchoolAsync("Kopschool");
        var data = new Dossierdata(fixture.App, s.School.Id);
        var l = s.Leerlingen[0].Id;
        var vandaag = Dossierdata.Vandaag;
        var verlopen = await data.AfspraakAsync(l, s.Mentor.Id, "Verlopen", vandaag.AddDays(-2));
        var snel = await data.AfspraakAsync(l, s.Docent.Id, "Snel", vandaag.AddDays(2));
        var later = await data.AfspraakAsync(l, s.Mentor.Id, "Later", vandaag.AddDays(20));
        var afgerond = await data.AfspraakAsync(l, s.Mentor.Id, "Klaar", vandaag.AddDays(-5));
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            var a = await db.Afspraken.AsTracking().SingleAsync(x => x.Id == afgerond.Id);
            a.RondAf("Gedaan", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await using var scope = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor);
        var kaart = (await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(l)).Waarde!;
        Assert.Equal(4, kaart.AantalOpenAfspraken); // with the seed's "Planner gebruiken"
        Assert.Equal([verlopen.Id, snel.Id, later.Id], kaart.OpenAfspraken.Select(a => a.Id));
        Assert.True(kaart.OpenAfspraken[0].IsVerlopen(vandaag));
        Assert.Equal(s.Docent.VolledigeNaam, kaart.OpenAfspraken[1].Eigenaar);
    }

    [Fact]
    public async Task A_user_of_school_B_can_neither_see_nor_finish_an_afspraak_of_school_A()
    {
        var afspraak = await new Dossierdata(fixture.App, fixture.A.School.Id)
            .AfspraakAsync(fixture.A.Leerlingen[0].Id, fixture.A.Mentor.Id, "Alleen voor A");
        var zorgB = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        await using (var scope = fixture.App.ScopeAs(zorgB, Rollen.Zorgcoordinator))
        {
            var result = await scope.ServiceProvider.GetRequiredService<AfspraakAfrondenHandler>()
                .HandleAsync(new AfrondenInvoer { AfspraakId = afspraak.Id, Evaluatie = "Van B" });
            Assert.Equal(FoutSoort.NietGevonden, result.Fout?.Soort);
        }
        await using (var scope = fixture.App.ScopeAs(fixture.B.Mentor, Rollen.Mentor))
        {
            var open = await scope.ServiceProvider.GetRequiredService<MijnAfsprakenHandler>().OpenAsync();
            Assert.DoesNotContain(open, r => r.Id == afspraak.Id);
            Assert.All(open, r => Assert.DoesNotContain(fixture.A.Leerlingen, l => l.Id == r.LeerlingId));
        }
    }
}
