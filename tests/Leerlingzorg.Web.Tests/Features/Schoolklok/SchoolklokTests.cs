using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Features.Klassen;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Features.MijnKlassen;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Leerlingzorg.Web.Tests.Features.Schoolklok;

/// <summary>
/// The app on a fake clock at 00:30 in Amsterdam on 1 August (22:30 UTC on 31 July): the first half hour of the
/// new schooljaar, when the server's UTC day is still the last day of the old one.
/// </summary>
public sealed class SchoolklokFixture : IAsyncLifetime
{
    /// <summary>The schooljaar that has just begun; the fixture's class 1A (TestData) belongs to it.</summary>
    public static Schooljaar Nieuw => TestData.HuidigSchooljaar;

    public FakeTimeProvider Klok { get; } = new(new DateTimeOffset(Nieuw.Begin.AddDays(-1).ToDateTime(new TimeOnly(22, 30)), TimeSpan.Zero));
    public TestApp App { get; private set; } = null!;
    public SchoolScenario A { get; private set; } = null!;
    /// <summary>A class of the schooljaar that has just ended, with the same mentor as 1A.</summary>
    public Klas Oud { get; private set; } = null!;
    public Gebruiker Beheerder { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new TestApp(await TestDatabase.Current.CreateDatabaseAsync("schoolklok"), Klok);
        var data = new TestData(App);
        A = await data.SchoolAsync("Klokschool");
        Beheerder = await data.UserAsync(A.School.Id, Rollen.Beheerder);
        Oud = new Klas { Naam = "1A oud", Leerjaar = 1, AfdelingId = A.Klas.AfdelingId, LocatieId = A.Locatie.Id, Schooljaar = new Schooljaar(Nieuw.Startjaar - 1) };
        await using var db = App.ContextFor(A.School.Id);
        db.Klassen.Add(Oud);
        db.KlasMentoren.Add(new KlasMentor { KlasId = Oud.Id, MedewerkerId = A.Mentor.Id });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Issue 8, finding 2: "today" is the school's day everywhere, not the server's (UTC) day.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SchoolklokTests(SchoolklokFixture fixture) : IClassFixture<SchoolklokFixture>
{
    private static DateTime EersteAugustus => SchoolklokFixture.Nieuw.Begin.ToDateTime(TimeOnly.MinValue);

    [Fact]
    public void The_app_runs_on_the_fake_clock_whose_UTC_day_is_still_31_July()
    {
        Assert.Same(fixture.Klok, fixture.App.Services.GetRequiredService<TimeProvider>());
        Assert.Equal(7, fixture.Klok.GetUtcNow().Month);
    }

    [Fact]
    public async Task Mijn_klassen_shows_the_classes_of_the_new_schooljaar_at_half_past_midnight_on_1_August()
    {
        await using var scope = fixture.App.ScopeAs(fixture.A.Mentor, Rollen.Mentor);

        var klassen = await scope.ServiceProvider.GetRequiredService<MijnKlassenHandler>().HandleAsync();

        Assert.Equal([fixture.A.Klas.Id], klassen.Select(k => k.Id));
    }

    [Fact]
    public async Task The_class_overview_shows_the_new_schooljaar_at_half_past_midnight_on_1_August()
    {
        await using var scope = fixture.App.ScopeAs(fixture.A.Mentor, Rollen.Mentor);

        var klassen = await scope.ServiceProvider.GetRequiredService<KlassenOverzichtHandler>().HandleAsync();

        Assert.Contains(fixture.A.Klas.Id, klassen.Select(k => k.Id));
        Assert.DoesNotContain(fixture.Oud.Id, klassen.Select(k => k.Id));
    }

    [Fact]
    public async Task The_organisation_offers_the_new_schooljaar_and_the_one_after_it()
    {
        await using var scope = fixture.App.ScopeAs(fixture.Beheerder, Rollen.Beheerder);

        var jaren = await scope.ServiceProvider.GetRequiredService<OrganisatieKeuzesHandler>().SchooljarenAsync();

        Assert.Equal(SchoolklokFixture.Nieuw, Schoolkalender.HuidigSchooljaar(fixture.Klok));
        Assert.Contains(SchoolklokFixture.Nieuw.Volgend, jaren.Waarde!);
    }

    [Fact]
    public async Task A_new_student_is_enrolled_on_1_August()
    {
        await using var scope = fixture.App.ScopeAs(fixture.Beheerder, Rollen.Beheerder);

        var invoer = scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>().Nieuw();

        Assert.Equal(EersteAugustus, invoer.Inschrijfdatum);
    }

    [Fact]
    public async Task A_gesprek_of_today_is_dated_1_August_and_accepted_but_2_August_is_in_the_future()
    {
        await using var scope = fixture.App.ScopeAs(fixture.A.Mentor, Rollen.Mentor);
        var handler = scope.ServiceProvider.GetRequiredService<GesprekVastleggenHandler>();
        var leerling = fixture.A.Leerlingen[1].Id;

        var formulier = (await handler.NieuwAsync(leerling, null)).Waarde!;
        Assert.Equal(EersteAugustus, formulier.Invoer.Datum);
        formulier.Invoer.Samenvatting = "Eerste gesprek van het schooljaar";
        var morgen = new GesprekInvoer
        {
            SoortId = formulier.Invoer.SoortId, Datum = EersteAugustus.AddDays(1), LeerlingIds = [leerling], Samenvatting = "Morgen",
        };

        var opgeslagen = await handler.HandleAsync(formulier.Invoer);
        var teLaat = await handler.HandleAsync(morgen);

        Assert.Null(opgeslagen.Fout);
        Assert.Equal("De datum ligt in de toekomst.", teLaat.Fout?.Melding);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        Assert.Equal(SchoolklokFixture.Nieuw.Begin, await db.Gesprekken.Where(g => g.Id == opgeslagen.Waarde).Select(g => g.Datum).SingleAsync());
    }
}
