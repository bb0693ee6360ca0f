using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.DemoData;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;

namespace Leerlingzorg.Web.Tests.Features.Zoeken;

/// <summary>
/// Two schools with students whose names need a forgiving search (Zoë, Björn, two Jansens), a second class in
/// school A with its own mentor, and a third school with a few thousand students to measure the search on,
/// among other schools of that size (so that school C is a realistic share of the table, as in production).
/// </summary>
public sealed class ZoekenFixture : IAsyncLifetime
{
    public const int GroteSchoolAantal = 3000;
    public const int AndereScholen = 7;

    public TestApp App { get; private set; } = null!;
    public SchoolScenario A { get; private set; } = null!;
    public SchoolScenario B { get; private set; } = null!;
    public SchoolScenario C { get; private set; } = null!;
    /// <summary>School A's class 1B and its mentor (not the mentor of 1A).</summary>
    public Klas KlasB { get; private set; } = null!;
    public Gebruiker MentorB { get; private set; } = null!;
    /// <summary>The mentor of one class of school C (<see cref="KlasC"/>, <see cref="KlasCAantal"/> of its students).</summary>
    public Gebruiker MentorC { get; private set; } = null!;
    public Klas KlasC { get; private set; } = null!;
    public const int KlasCAantal = GroteSchoolAantal / 40;

    public Leerling Zoe { get; private set; } = null!;
    public Leerling Bjorn { get; private set; } = null!;
    public Leerling AnnaJansen { get; private set; } = null!;
    public Leerling ZoeInB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new TestApp(await TestDatabase.Current.CreateDatabaseAsync("zoeken"));
        var data = new TestData(App);
        A = await data.SchoolAsync("School A");
        B = await data.SchoolAsync("School B");
        C = await data.SchoolAsync("School C");
        MentorB = await data.UserAsync(A.School.Id, Rollen.Mentor);
        KlasB = new Klas { Naam = "1B", Leerjaar = 1, AfdelingId = A.Klas.AfdelingId, LocatieId = A.Locatie.Id, Schooljaar = TestData.HuidigSchooljaar };
        Zoe = Leerling("A-0001", "Zoë", "de", "Vries", A.Klas.Id);
        Bjorn = Leerling("A-0002", "Björn", null, "Jansen", A.Klas.Id);
        AnnaJansen = Leerling("A-0003", "Anna", null, "Jansen", KlasB.Id);
        await using (var db = App.ContextFor(A.School.Id))
        {
            db.Klassen.Add(KlasB);
            db.KlasMentoren.Add(new KlasMentor { KlasId = KlasB.Id, MedewerkerId = MentorB.Id });
            db.Leerlingen.AddRange(Zoe, Bjorn, AnnaJansen);
            await db.SaveChangesAsync();
        }
        ZoeInB = Leerling("B-0001", "Zoë", null, "Bakker", B.Klas.Id);
        await using (var db = App.ContextFor(B.School.Id))
        {
            db.Leerlingen.Add(ZoeInB);
            await db.SaveChangesAsync();
        }
        // A school of realistic size: thousands of students in forty classes.
        var random = new Random(20261123);
        await using (var db = App.ContextFor(C.School.Id))
        {
            var klassen = Enumerable.Range(0, 40).Select(i => new Klas
            {
                Naam = $"{i / 8 + 1}{(char)('A' + i % 8)}x", Leerjaar = i / 8 + 1, AfdelingId = C.Klas.AfdelingId, LocatieId = C.Locatie.Id,
                Schooljaar = TestData.HuidigSchooljaar,
            }).ToList();
            db.Klassen.AddRange(klassen);
            KlasC = klassen[0];
            for (var i = 0; i < GroteSchoolAantal; i++)
            {
                var (voornaam, tussenvoegsel, achternaam) = Namen.Persoon(random);
                db.Leerlingen.Add(Leerling($"C{i:D6}", voornaam, tussenvoegsel, achternaam, klassen[i % klassen.Count].Id));
            }
            await db.SaveChangesAsync();
        }
        MentorC = await data.UserAsync(C.School.Id, Rollen.Mentor);
        await using (var db = App.ContextFor(C.School.Id))
        {
            db.KlasMentoren.Add(new KlasMentor { KlasId = KlasC.Id, MedewerkerId = MentorC.Id });
            await db.SaveChangesAsync();
        }
        await using var admin = new Npgsql.NpgsqlConnection(App.Database.AdminConnectionString);
        await admin.OpenAsync();
        await AndereScholenAsync(admin, random);
        await using var analyze = new Npgsql.NpgsqlCommand("ANALYZE", admin);
        await analyze.ExecuteNonQueryAsync();
    }

    // Bulk rows as the data generator writes them: binary COPY, by the administrator (outside the tenancy guards).
    private async Task AndereScholenAsync(Npgsql.NpgsqlConnection admin, Random random)
    {
        var swv = new Samenwerkingsverband { Naam = "SWV achtergrond" };
        var scholen = Enumerable.Range(1, AndereScholen).Select(i => new School
        {
            Naam = $"Achtergrondschool {i}", Brinnummer = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), SamenwerkingsverbandId = swv.Id,
        }).ToList();
        await using (var db = App.ContextFor(null))
        {
            db.Samenwerkingsverbanden.Add(swv);
            db.Scholen.AddRange(scholen);
            await db.SaveChangesAsync();
        }
        await using var copy = await admin.BeginBinaryImportAsync(
            "COPY leerlingen (id, school_id, leerlingnummer, voornaam, tussenvoegsel, achternaam, geboortedatum, is_amv, status) FROM STDIN (FORMAT BINARY)");
        foreach (var school in scholen)
        {
            for (var i = 0; i < GroteSchoolAantal; i++)
            {
                var (voornaam, tussenvoegsel, achternaam) = Namen.Persoon(random);
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlTypes.NpgsqlDbType.Uuid);
                await copy.WriteAsync(school.Id, NpgsqlTypes.NpgsqlDbType.Uuid);
                await copy.WriteAsync($"X{i:D6}", NpgsqlTypes.NpgsqlDbType.Varchar);
                await copy.WriteAsync(voornaam, NpgsqlTypes.NpgsqlDbType.Varchar);
                if (tussenvoegsel is null)
                {
                    await copy.WriteNullAsync();
                }
                else
                {
                    await copy.WriteAsync(tussenvoegsel, NpgsqlTypes.NpgsqlDbType.Varchar);
                }
                await copy.WriteAsync(achternaam, NpgsqlTypes.NpgsqlDbType.Varchar);
                await copy.WriteAsync(new DateOnly(2012, 1, 1).AddDays(i % 1500), NpgsqlTypes.NpgsqlDbType.Date);
                await copy.WriteAsync(false, NpgsqlTypes.NpgsqlDbType.Boolean);
                await copy.WriteAsync("Ingeschreven", NpgsqlTypes.NpgsqlDbType.Varchar);
            }
        }
        await copy.CompleteAsync();
    }

    private static Leerling Leerling(string nummer, string voornaam, string? tussenvoegsel, string achternaam, Guid klasId) => new()
    {
        Leerlingnummer = nummer, Voornaam = voornaam, Tussenvoegsel = tussenvoegsel, Achternaam = achternaam,
        Geboortedatum = new DateOnly(2012, 5, 17), KlasId = klasId, Inschrijfdatum = new DateOnly(2024, 8, 1),
    };

    public async Task DisposeAsync() => await App.DisposeAsync();
}
