using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Import;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Import;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Features.Schooljaarovergang;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Not "…Features.Schooljaar": that namespace would hide the Schooljaar type from the other feature tests.
namespace Leerlingzorg.Web.Tests.Features.Schooljaarovergang;

/// <summary>One database for the rollover tests; every test makes a school of its own, since a rollover changes a whole school.</summary>
public sealed class SchooljaarFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = new TestApp(await TestDatabase.Current.CreateDatabaseAsync("schooljaar"));

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The schooljaar rollover: proposal, outcomes per student, one transaction, history kept, once per year.</summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class SchooljaarOvergangTests(SchooljaarFixture fixture) : IClassFixture<SchooljaarFixture>
{
    private static readonly Schooljaar Dit = TestData.HuidigSchooljaar;
    private static readonly Schooljaar Volgend = TestData.HuidigSchooljaar.Volgend;

    /// <summary>A school with 1A (3 students, mentor), 2A (3 students, mentor) and 3A (2 students, the highest leerjaar).</summary>
    private sealed record School(SchoolScenario Scenario, Klas K1A, Klas K2A, Klas K3A, Gebruiker Mentor2A, Gebruiker Beheerder,
        IReadOnlyList<Leerling> In1A, IReadOnlyList<Leerling> In2A, IReadOnlyList<Leerling> In3A)
    {
        public Guid Id => Scenario.School.Id;
    }

    private async Task<School> SchoolAsync()
    {
        var data = new TestData(fixture.App);
        var scenario = await data.SchoolAsync("School " + Guid.NewGuid().ToString("N")[..6]);
        var mentor2A = await data.UserAsync(scenario.School.Id, Rollen.Mentor);
        var beheerder = await data.UserAsync(scenario.School.Id, Rollen.Beheerder);
        var k2A = new Klas { Naam = "2A", Leerjaar = 2, AfdelingId = scenario.Klas.AfdelingId, LocatieId = scenario.Locatie.Id, Schooljaar = Dit };
        var k3A = new Klas { Naam = "3A", Leerjaar = 3, AfdelingId = scenario.Klas.AfdelingId, LocatieId = scenario.Locatie.Id, Schooljaar = Dit };
        Leerling Nieuw(string nummer, string voornaam, Klas klas) => new()
        {
            Leerlingnummer = nummer, Voornaam = voornaam, Achternaam = "Overgang", Geboortedatum = new DateOnly(2011, 4, 4), KlasId = klas.Id,
            Inschrijfdatum = new DateOnly(2023, 8, 1),
        };
        var in2A = new[] { Nieuw("20001", "Bram", k2A), Nieuw("20002", "Cas", k2A), Nieuw("20003", "Dirk", k2A) };
        var in3A = new[] { Nieuw("30001", "Eva", k3A), Nieuw("30002", "Fenna", k3A) };
        await using (var db = fixture.App.ContextFor(scenario.School.Id))
        {
            db.Klassen.AddRange(k2A, k3A);
            db.KlasMentoren.Add(new KlasMentor { KlasId = k2A.Id, MedewerkerId = mentor2A.Id });
            db.Leerlingen.AddRange(in2A);
            db.Leerlingen.AddRange(in3A);
            // 2A has this year's placements; 3A, as after an import of old data, has none yet.
            db.KlasPlaatsingen.AddRange(in2A.Select(l => new KlasPlaatsing { LeerlingId = l.Id, KlasId = k2A.Id, Schooljaar = Dit }));
            await db.SaveChangesAsync();
        }
        return new School(scenario, scenario.Klas, k2A, k3A, mentor2A, beheerder, scenario.Leerlingen, in2A, in3A);
    }

    private AsyncServiceScope Als(School school) => fixture.App.ScopeAs(school.Beheerder, Rollen.Beheerder);

    private static async Task<OvergangVoorstel> VoorstelAsync(AsyncServiceScope scope)
    {
        var stand = await scope.ServiceProvider.GetRequiredService<SchooljaarOvergangHandler>().StandAsync();
        Assert.True(stand.IsGelukt, stand.Fout?.Melding);
        Assert.Null(stand.Waarde!.Uitgevoerd);
        return stand.Waarde.Voorstel!;
    }

    [Theory]
    [InlineData("1A", "2A")]
    [InlineData("H3a", "H4a")]
    [InlineData("2B", "3B")]
    [InlineData("V5", "V6")]
    [InlineData("9C", "10C")]
    [InlineData("Kopklas", "Kopklas")]
    public void The_next_name_has_its_first_number_one_higher(string naam, string volgende) =>
        Assert.Equal(volgende, SchooljaarOvergangHandler.VolgendeNaam(naam));

    [Fact]
    public async Task The_proposal_moves_every_class_a_leerjaar_up_and_ends_the_highest()
    {
        var school = await SchoolAsync();
        await using var scope = Als(school);
        var voorstel = await VoorstelAsync(scope);

        Assert.Equal((Dit, Volgend), (voorstel.Van, voorstel.Naar));
        Assert.Equal(
            [("1A", "2A", 2, true), ("2A", "3A", 3, true), ("3A", "4A", 4, false)],
            voorstel.Klassen.Select(k => (k.BronKlas, k.Naam, k.Leerjaar, k.Aanmaken)));
        Assert.All(voorstel.Leerlingen.Where(l => l.BronKlasId != school.K3A.Id), l =>
        {
            Assert.Equal(Jaaruitkomst.Bevorderd, l.Uitkomst);
            Assert.Equal(l.BronKlasId, voorstel.Doel(l.DoelKlas)!.BronKlasId);
        });
        Assert.All(voorstel.Leerlingen.Where(l => l.BronKlasId == school.K3A.Id), l => Assert.Equal(Jaaruitkomst.Vertrokken, l.Uitkomst));
        Assert.Equal(8, voorstel.Leerlingen.Count);
        Assert.Equal(new DateOnly(Dit.Startjaar + 1, 7, 31), voorstel.Uitschrijfdatum);
    }

    [Fact]
    public async Task Promoted_stayed_back_and_left_are_carried_out_in_one_go_and_the_history_stays()
    {
        var school = await SchoolAsync();
        await using var scope = Als(school);
        var handler = scope.ServiceProvider.GetRequiredService<SchooljaarOvergangHandler>();
        var voorstel = await VoorstelAsync(scope);
        // A new first year next year, for the new students and for one who stays back in leerjaar 1.
        var nieuweBrugklas = new NieuweKlas { Naam = "1A", Leerjaar = 1, AfdelingId = school.K1A.AfdelingId, LocatieId = school.K1A.LocatieId };
        voorstel.Klassen.Add(nieuweBrugklas);
        var blijftZitten = voorstel.Leerlingen.Single(l => l.LeerlingId == school.In1A[1].Id);
        blijftZitten.Uitkomst = Jaaruitkomst.Gedoubleerd;
        blijftZitten.DoelKlas = voorstel.StandaardDoel(blijftZitten, Jaaruitkomst.Gedoubleerd);
        Assert.Equal(nieuweBrugklas.Sleutel, blijftZitten.DoelKlas);
        var vertrekt = voorstel.Leerlingen.Single(l => l.LeerlingId == school.In1A[2].Id);
        vertrekt.Uitkomst = Jaaruitkomst.Vertrokken;
        vertrekt.DoelKlas = null;
        vertrekt.Reden = "Verhuisd naar Zwolle";

        var result = await handler.UitvoerenAsync(voorstel);
        Assert.True(result.IsGelukt, result.Fout?.Melding);
        Assert.Equal((4, 1, 3), (result.Waarde!.Bevorderd, result.Waarde.Gedoubleerd, result.Waarde.Vertrokken));

        await using var db = fixture.App.ContextFor(school.Id);
        var volgendJaar = await db.Klassen.Where(k => k.Schooljaar == Volgend).Include(k => k.Mentoren).ToListAsync();
        Assert.Equal(["1A", "2A", "3A"], volgendJaar.Select(k => k.Naam).Order());
        Assert.False(await db.Klassen.AnyAsync(k => k.Naam == "4A"));
        var nieuw2A = volgendJaar.Single(k => k.Naam == "2A");
        var nieuw3A = volgendJaar.Single(k => k.Naam == "3A");
        var nieuw1A = volgendJaar.Single(k => k.Naam == "1A");
        Assert.Equal([school.Scenario.Mentor.Id], nieuw2A.Mentoren.Select(m => m.MedewerkerId));
        Assert.Equal([school.Mentor2A.Id], nieuw3A.Mentoren.Select(m => m.MedewerkerId));
        Assert.Empty(nieuw1A.Mentoren);
        // The classes of this year are untouched.
        Assert.Equal(3, await db.Klassen.CountAsync(k => k.Schooljaar == Dit));

        var leerlingen = await db.Leerlingen.Include(l => l.Plaatsingen).ToDictionaryAsync(l => l.Id);
        void Bevorderd(Leerling l, Klas van, Klas naar, Jaaruitkomst uitkomst)
        {
            var opgeslagen = leerlingen[l.Id];
            Assert.Equal(LeerlingStatus.Ingeschreven, opgeslagen.Status);
            Assert.Equal(naar.Id, opgeslagen.KlasId);
            var dit = opgeslagen.Plaatsingen.Single(p => p.Schooljaar == Dit);
            Assert.Equal((van.Id, (Jaaruitkomst?)uitkomst), (dit.KlasId, dit.Uitkomst));
            var volgend = opgeslagen.Plaatsingen.Single(p => p.Schooljaar == Volgend);
            Assert.Equal((naar.Id, (Jaaruitkomst?)null), (volgend.KlasId, volgend.Uitkomst));
        }
        Bevorderd(school.In1A[0], school.K1A, nieuw2A, Jaaruitkomst.Bevorderd);
        Bevorderd(school.In1A[1], school.K1A, nieuw1A, Jaaruitkomst.Gedoubleerd);
        foreach (var l in school.In2A)
        {
            Bevorderd(l, school.K2A, nieuw3A, Jaaruitkomst.Bevorderd);
        }
        void Vertrokken(Leerling l, Klas van, string reden)
        {
            var opgeslagen = leerlingen[l.Id];
            Assert.Equal(LeerlingStatus.Uitgeschreven, opgeslagen.Status);
            Assert.Equal(new DateOnly(Dit.Startjaar + 1, 7, 31), opgeslagen.Uitschrijfdatum);
            Assert.Equal(reden, opgeslagen.Uitschrijfreden);
            Assert.Null(opgeslagen.KlasId);
            var plaatsing = Assert.Single(opgeslagen.Plaatsingen);
            Assert.Equal((van.Id, Dit, (Jaaruitkomst?)Jaaruitkomst.Vertrokken), (plaatsing.KlasId, plaatsing.Schooljaar, plaatsing.Uitkomst));
        }
        Vertrokken(school.In1A[2], school.K1A, "Verhuisd naar Zwolle");
        // 3A had no placement for this year: it is written now, with the outcome.
        foreach (var l in school.In3A)
        {
            Vertrokken(l, school.K3A, $"Vertrokken aan het einde van schooljaar {Dit}");
        }

        // The rollover itself is on record: this is what "done" is read from.
        var overgang = await db.Schooljaarovergangen.SingleAsync(o => o.Van == Dit);
        Assert.Equal((Volgend, (Guid?)school.Beheerder.Id, 4, 1, 3, 3),
            (overgang.Naar, overgang.UitgevoerdDoor, overgang.Bevorderd, overgang.Gedoubleerd, overgang.Vertrokken, overgang.KlassenAangemaakt));
        // PostgreSQL keeps microseconds, .NET ticks of 100 ns.
        Assert.True((overgang.UitgevoerdOp - result.Waarde.UitgevoerdOp!.Value).Duration() < TimeSpan.FromMilliseconds(1));

        var audit = await db.AuditEntries.Where(a => a.GebruikerId == school.Beheerder.Id).ToListAsync();
        Assert.Equal(8, audit.Count(a => a.Actie == AuditActie.Wijzigen && a.LeerlingId != null && a.Detail.StartsWith($"schooljaarovergang {Dit}", StringComparison.Ordinal)));
        Assert.Contains(audit, a => a.LeerlingId == null && a.Actie == AuditActie.Aanmaken
            && a.Detail == $"schooljaarovergang {Dit} naar {Volgend}: 3 klassen aangemaakt, 4 bevorderd, 1 gedoubleerd, 3 vertrokken, mentoren meegenomen");
        Assert.DoesNotContain(audit, a => a.Detail.Contains("Overgang", StringComparison.Ordinal) || a.Detail.Contains("Zwolle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_students_page_shows_the_klas_of_each_year_with_its_outcome()
    {
        var school = await SchoolAsync();
        await using (var scope = Als(school))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<SchooljaarOvergangHandler>().UitvoerenAsync(await VoorstelAsync(scope))).IsGelukt);
        }
        var zorg = await new TestData(fixture.App).UserAsync(school.Id, Rollen.Zorgcoordinator);
        await using var alsZorg = fixture.App.ScopeAs(zorg, Rollen.Zorgcoordinator);
        var kaart = (await alsZorg.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(school.In2A[0].Id)).Waarde!;
        Assert.Equal(
            [(Volgend, "3A", 3, (Jaaruitkomst?)null), (Dit, "2A", 2, Jaaruitkomst.Bevorderd)],
            kaart.Plaatsingen.Select(p => (p.Schooljaar, p.Klas, p.Leerjaar, p.Uitkomst)));
        Assert.Equal("3A", kaart.Klas);
    }

    [Fact]
    public async Task A_second_run_for_the_same_year_shows_it_was_done_and_changes_nothing()
    {
        var school = await SchoolAsync();
        await using var scope = Als(school);
        var handler = scope.ServiceProvider.GetRequiredService<SchooljaarOvergangHandler>();
        var voorstel = await VoorstelAsync(scope);
        Assert.True((await handler.UitvoerenAsync(voorstel)).IsGelukt);
        int Aantal(LeerlingzorgDbContextCounts c) => c.Klassen + c.Plaatsingen;
        var voor = await TelAsync(school.Id);

        var opnieuw = await handler.UitvoerenAsync(voorstel);
        Assert.Equal(FoutSoort.Conflict, opnieuw.Fout!.Soort);
        Assert.Equal($"De overgang van schooljaar {Dit} naar {Volgend} is al uitgevoerd.", opnieuw.Fout.Melding);
        Assert.Equal(Aantal(voor), Aantal(await TelAsync(school.Id)));

        var stand = (await handler.StandAsync()).Waarde!;
        Assert.Null(stand.Voorstel);
        var uitgevoerd = stand.Uitgevoerd!;
        Assert.Equal((Dit, Volgend, 6, 0, 2, 2), (uitgevoerd.Van, uitgevoerd.Naar, uitgevoerd.Bevorderd, uitgevoerd.Gedoubleerd, uitgevoerd.Vertrokken, uitgevoerd.KlassenVolgendJaar));
        Assert.NotNull(uitgevoerd.UitgevoerdOp);
    }

    /// <summary>
    /// Regression (issue 8, finding 1): a student who left mid-year through the import ("niet in bestand") closed
    /// this year's placement as Vertrokken, and the page read "a placement of the year has an outcome" as "the
    /// rollover is done": it offered nothing, for the whole school.
    /// </summary>
    [Fact]
    public async Task A_mid_year_uitschrijving_through_the_import_does_not_count_as_the_rollover()
    {
        var school = await SchoolAsync();
        var vertrekker = school.In2A[0];
        var run = new ImportRun
        {
            Soort = "leerlingen", Bestandsnaam = "export.csv", GestartDoor = school.Beheerder.Id, GestartOp = DateTimeOffset.UtcNow,
            Status = ImportStatus.Klaar, Samenvatting = new ImportSamenvatting { NietInBestand = [vertrekker.Id] }.NaarJson(),
        };
        await using (var db = fixture.App.ContextFor(school.Id))
        {
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
        }
        await using var scope = Als(school);
        var datum = Dit.Begin.AddMonths(3);
        var uit = await scope.ServiceProvider.GetRequiredService<NietInBestandUitschrijvenHandler>()
            .HandleAsync(new UitschrijvenOpdracht(run.Id, [vertrekker.Id], datum));
        Assert.True(uit.IsGelukt, uit.Fout?.Melding);

        var stand = (await scope.ServiceProvider.GetRequiredService<SchooljaarOvergangHandler>().StandAsync()).Waarde!;
        Assert.Null(stand.Uitgevoerd);
        var voorstel = stand.Voorstel!;
        Assert.DoesNotContain(voorstel.Leerlingen, l => l.LeerlingId == vertrekker.Id);
        Assert.Equal(7, voorstel.Leerlingen.Count);
        var result = await scope.ServiceProvider.GetRequiredService<SchooljaarOvergangHandler>().UitvoerenAsync(voorstel);
        Assert.True(result.IsGelukt, result.Fout?.Melding);

        await using var na = fixture.App.ContextFor(school.Id);
        var plaatsing = await na.KlasPlaatsingen.SingleAsync(p => p.LeerlingId == vertrekker.Id);
        Assert.Equal((Dit, (Jaaruitkomst?)Jaaruitkomst.Vertrokken), (plaatsing.Schooljaar, plaatsing.Uitkomst));
    }

    private sealed record LeerlingzorgDbContextCounts(int Klassen, int Plaatsingen);

    private async Task<LeerlingzorgDbContextCounts> TelAsync(Guid schoolId)
    {
        await using var db = fixture.App.ContextFor(schoolId);
        return new LeerlingzorgDbContextCounts(await db.Klassen.CountAsync(), await db.KlasPlaatsingen.CountAsync());
    }

    [Fact]
    public async Task Without_the_mentor_choice_the_new_classes_get_no_mentors()
    {
        var school = await SchoolAsync();
        await using var scope = Als(school);
        var voorstel = await VoorstelAsync(scope);
        voorstel.MentorenMeenemen = false;
        Assert.True((await scope.ServiceProvider.GetRequiredService<SchooljaarOvergangHandler>().UitvoerenAsync(voorstel)).IsGelukt);
        await using var db = fixture.App.ContextFor(school.Id);
        Assert.False(await db.KlasMentoren.AnyAsync(m => db.Klassen.Any(k => k.Id == m.KlasId && k.Schooljaar == Volgend)));
    }

    [Fact]
    public async Task Outcomes_that_do_not_fit_the_leerjaar_are_refused_and_nothing_happens()
    {
        var school = await SchoolAsync();
        await using var scope = Als(school);
        var handler = scope.ServiceProvider.GetRequiredService<SchooljaarOvergangHandler>();

        var voorstel = await VoorstelAsync(scope);
        var leerling = voorstel.Leerlingen.First(l => l.BronKlasId == school.K1A.Id);
        leerling.Uitkomst = Jaaruitkomst.Gedoubleerd; // still pointing at next year's 2A: leerjaar 2, not 1
        var fout = (await handler.UitvoerenAsync(voorstel)).Fout!;
        Assert.Equal(FoutSoort.Ongeldig, fout.Soort);
        Assert.Contains("doubleert en blijft in leerjaar 1", fout.Melding, StringComparison.Ordinal);

        voorstel = await VoorstelAsync(scope);
        voorstel.Leerlingen.First().DoelKlas = null;
        Assert.Contains("Kies de klas van", (await handler.UitvoerenAsync(voorstel)).Fout!.Melding, StringComparison.Ordinal);

        voorstel = await VoorstelAsync(scope);
        voorstel.Klassen[1].Naam = "2a";
        Assert.Contains("komt meer dan eens voor", (await handler.UitvoerenAsync(voorstel)).Fout!.Melding, StringComparison.Ordinal);

        await using var db = fixture.App.ContextFor(school.Id);
        Assert.False(await db.Klassen.AnyAsync(k => k.Schooljaar == Volgend));
        Assert.False(await db.KlasPlaatsingen.AnyAsync(p => p.Uitkomst != null));
    }

    [Fact]
    public async Task A_class_can_be_skipped_and_its_students_placed_elsewhere()
    {
        var school = await SchoolAsync();
        await using var scope = Als(school);
        var voorstel = await VoorstelAsync(scope);
        // 2A does not continue as 3A: its students go to a new class 3X instead.
        var vervolg2A = voorstel.Klassen.Single(k => k.BronKlasId == school.K2A.Id);
        vervolg2A.Aanmaken = false;
        var nieuw = new NieuweKlas { Naam = "3X", Leerjaar = 3, AfdelingId = school.K2A.AfdelingId, LocatieId = school.K2A.LocatieId };
        voorstel.Klassen.Add(nieuw);
        foreach (var l in voorstel.Leerlingen.Where(l => l.BronKlasId == school.K2A.Id))
        {
            l.DoelKlas = voorstel.StandaardDoel(l, Jaaruitkomst.Bevorderd);
            Assert.Equal(nieuw.Sleutel, l.DoelKlas);
        }
        Assert.True((await scope.ServiceProvider.GetRequiredService<SchooljaarOvergangHandler>().UitvoerenAsync(voorstel)).IsGelukt);
        await using var db = fixture.App.ContextFor(school.Id);
        Assert.Equal(["2A", "3X"], await db.Klassen.Where(k => k.Schooljaar == Volgend).OrderBy(k => k.Naam).Select(k => k.Naam).ToListAsync());
        var klas3X = await db.Klassen.SingleAsync(k => k.Naam == "3X");
        Assert.All(school.In2A, l => Assert.True(db.Leerlingen.Any(x => x.Id == l.Id && x.KlasId == klas3X.Id)));
    }

    [Fact]
    public async Task A_proposal_made_before_a_student_was_added_must_be_loaded_again()
    {
        var school = await SchoolAsync();
        await using var scope = Als(school);
        var voorstel = await VoorstelAsync(scope);
        var invoer = new LeerlingInvoer
        {
            Leerlingnummer = "99999", Voornaam = "Laat", Achternaam = "Binnen", Geboortedatum = new DateTime(2013, 1, 1),
            KlasId = school.K1A.Id, Inschrijfdatum = Schooldag.Picker,
        };
        Assert.True((await scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>().HandleAsync(invoer)).IsGelukt);
        var result = await scope.ServiceProvider.GetRequiredService<SchooljaarOvergangHandler>().UitvoerenAsync(voorstel);
        Assert.Equal(FoutSoort.Conflict, result.Fout!.Soort);
        Assert.Contains("Laad de pagina opnieuw", result.Fout.Melding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Rollen.Zorgcoordinator)]
    [InlineData(Rollen.Schoolleiding)]
    [InlineData(Rollen.Mentor)]
    public async Task Only_the_beheerder_may_roll_over(string rol)
    {
        var school = await SchoolAsync();
        Schooljaar van;
        OvergangVoorstel voorstel;
        await using (var scope = Als(school))
        {
            voorstel = await VoorstelAsync(scope);
            van = voorstel.Van;
        }
        var user = await new TestData(fixture.App).UserAsync(school.Id, rol);
        await using var alsAnder = fixture.App.ScopeAs(user, rol);
        var handler = alsAnder.ServiceProvider.GetRequiredService<SchooljaarOvergangHandler>();
        Assert.Equal(Fout.GeenToegang, (await handler.StandAsync()).Fout);
        Assert.Equal(Fout.GeenToegang, (await handler.UitvoerenAsync(voorstel)).Fout);
        await using var db = fixture.App.ContextFor(school.Id);
        Assert.False(await db.KlasPlaatsingen.AnyAsync(p => p.Schooljaar == van && p.Uitkomst != null));
    }
}
