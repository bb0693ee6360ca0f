using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Features.MijnKinderen;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.MijnKinderen;

/// <summary>Finding 5: the parent paths know gezag. An ouder without gezag is informed, but does not decide.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class GezagTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    private async Task<Gebruiker> OuderAsync(Guid leerlingId, OuderRelatie relatie, bool gezag)
    {
        var gebruiker = await Data.UserAsync(fixture.A.School.Id, Rollen.Ouder);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        var ouder = new Ouder { Voornaam = "Ouder", Achternaam = relatie.ToString(), GebruikerId = gebruiker.Id };
        db.Ouders.Add(ouder);
        db.LeerlingOuders.Add(new LeerlingOuder { LeerlingId = leerlingId, OuderId = ouder.Id, Relatie = relatie, Gezag = gezag });
        await db.SaveChangesAsync();
        return gebruiker;
    }

    private async Task<(IReadOnlyList<Kind> Kinderen, List<Guid> MetGezag)> AlsOuderAsync(Gebruiker gebruiker)
    {
        await using var scope = fixture.App.ScopeAs(gebruiker, Rollen.Ouder);
        var kinderen = await scope.ServiceProvider.GetRequiredService<MijnKinderenHandler>().HandleAsync();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<LeerlingzorgDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var vandaag = Schoolkalender.Vandaag(TimeProvider.System);
        var metGezag = await db.KinderenMetGezag(scope.ServiceProvider.GetRequiredService<CurrentUser>(), vandaag).Select(l => l.Id).ToListAsync();
        return (kinderen, metGezag);
    }

    [Fact]
    public async Task An_ouder_with_gezag_may_decide_for_his_child()
    {
        var (kinderen, metGezag) = await AlsOuderAsync(fixture.A.OuderGebruiker);
        var kind = Assert.Single(kinderen);
        Assert.True(kind.MagBeslissen);
        Assert.True(kind.Rechten.Inzage);
        Assert.Equal([fixture.A.Leerlingen[0].Id], metGezag);
    }

    [Fact]
    public async Task An_ouder_without_gezag_sees_his_child_but_may_not_decide()
    {
        var vader = await OuderAsync(fixture.A.Leerlingen[1].Id, OuderRelatie.Vader, gezag: false);
        var (kinderen, metGezag) = await AlsOuderAsync(vader);
        var kind = Assert.Single(kinderen);
        Assert.Equal(fixture.A.Leerlingen[1].Id, kind.Id);
        Assert.Equal(new Ouderrechten(Informatie: true, Inzage: false, Toestemming: false, Goedkeuring: false), kind.Rechten);
        Assert.False(kind.MagBeslissen);
        Assert.Empty(metGezag);
    }

    [Fact]
    public async Task The_Nidos_voogd_of_an_AMVer_decides_and_a_verzorger_of_that_student_does_not()
    {
        var amv = new Leerling
        {
            Leerlingnummer = "90001", Voornaam = "Amanuel", Achternaam = "Tesfay", Geboortedatum = new DateOnly(2012, 5, 4),
            IsAmv = true, KlasId = fixture.A.Klas.Id,
        };
        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            db.Leerlingen.Add(amv);
            await db.SaveChangesAsync();
        }
        // The flag off on purpose: the voogdij comes with the Nidos relation; the database predicate must agree.
        var voogd = await OuderAsync(amv.Id, OuderRelatie.NidosVoogd, gezag: false);
        var verzorger = await OuderAsync(amv.Id, OuderRelatie.Verzorger, gezag: true);

        var alsVoogd = await AlsOuderAsync(voogd);
        Assert.True(Assert.Single(alsVoogd.Kinderen).MagBeslissen);
        Assert.Equal([amv.Id], alsVoogd.MetGezag);

        var alsVerzorger = await AlsOuderAsync(verzorger);
        Assert.False(Assert.Single(alsVerzorger.Kinderen).MagBeslissen);
        Assert.Empty(alsVerzorger.MetGezag);
    }

    [Fact]
    public async Task Staff_have_no_children_with_gezag()
    {
        await using var scope = fixture.App.ScopeAs(fixture.A.Mentor, Rollen.Mentor);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        Assert.Empty(await db.KinderenMetGezag(user, Schoolkalender.Vandaag(TimeProvider.System)).ToListAsync());
    }
}
