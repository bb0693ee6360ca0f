using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Tests.Infrastructure;

namespace Leerlingzorg.Web.Tests.Features.Leerlingen;

/// <summary>
/// Schools A and B, and in school A a class "2L" kept for the list tests only: 28 enrolled students and 2 who left,
/// all named "Lijsttest", so that paging, sorting and filters have stable totals while other tests add students.
/// </summary>
public sealed class LeerlingenFixture : IAsyncLifetime
{
    public const int InLijstklas = 28;
    public const int Uitgeschreven = 2;

    public TestApp App { get; private set; } = null!;
    public SchoolScenario A { get; private set; } = null!;
    public SchoolScenario B { get; private set; } = null!;
    public Klas Lijstklas { get; private set; } = null!;
    public IReadOnlyList<Leerling> Lijstleerlingen { get; private set; } = [];

    public async Task InitializeAsync()
    {
        App = new TestApp(await TestDatabase.Current.CreateDatabaseAsync("leerlingen"));
        var data = new TestData(App);
        A = await data.SchoolAsync("School A");
        B = await data.SchoolAsync("School B");
        Lijstklas = new Klas { Naam = "2L", Leerjaar = 2, AfdelingId = A.Klas.AfdelingId, LocatieId = A.Locatie.Id, Schooljaar = TestData.HuidigSchooljaar };
        // Voornamen from "Aad" to "Bea…" in a known order; numbers in reverse order of the names.
        var leerlingen = Enumerable.Range(0, InLijstklas + Uitgeschreven).Select(i => new Leerling
        {
            Leerlingnummer = $"L{99 - i:D3}", Voornaam = $"Voornaam{i:D2}", Achternaam = "Lijsttest",
            Geboortedatum = new DateOnly(2012, 1, 1).AddDays(i), KlasId = Lijstklas.Id, Inschrijfdatum = new DateOnly(2025, 8, 1),
        }).ToList();
        foreach (var leerling in leerlingen.TakeLast(Uitgeschreven))
        {
            leerling.SchrijfUit(new DateOnly(2026, 1, 31), "verhuisd");
        }
        await using var db = App.ContextFor(A.School.Id);
        db.Klassen.Add(Lijstklas);
        db.Leerlingen.AddRange(leerlingen);
        await db.SaveChangesAsync();
        Lijstleerlingen = leerlingen;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
