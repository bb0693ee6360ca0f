using System.Text;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features.Import;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Import;

/// <summary>
/// A database of its own for the import tests. Every test takes a fresh school (<see cref="SchoolAsync"/>), so that
/// imports in one test never meet the students of another.
/// </summary>
public sealed class ImportFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = new TestApp(await TestDatabase.Current.CreateDatabaseAsync("import"));

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>
    /// A school with klassen 1A, 2B and 3H in this schooljaar (and a 4V of last year), its three students in 1A,
    /// and a Beheerder.
    /// </summary>
    public async Task<ImportSchool> SchoolAsync(string naam)
    {
        var data = new TestData(App);
        var scenario = await data.SchoolAsync(naam);
        var klassen = new Dictionary<string, Klas>(StringComparer.OrdinalIgnoreCase) { ["1A"] = scenario.Klas };
        await using (var db = App.ContextFor(scenario.School.Id))
        {
            foreach (var (klasnaam, leerjaar, jaar) in new[]
                     {
                         ("2B", 2, TestData.HuidigSchooljaar), ("3H", 3, TestData.HuidigSchooljaar),
                         ("4V", 4, new Schooljaar(TestData.HuidigSchooljaar.Startjaar - 1)),
                     })
            {
                var klas = new Klas
                {
                    Naam = klasnaam, Leerjaar = leerjaar, Schooljaar = jaar, AfdelingId = scenario.Klas.AfdelingId, LocatieId = scenario.Locatie.Id,
                };
                db.Klassen.Add(klas);
                klassen[klasnaam] = klas;
            }
            await db.SaveChangesAsync();
        }
        var beheerder = await data.UserAsync(scenario.School.Id, Rollen.Beheerder);
        return new ImportSchool(scenario, klassen, beheerder);
    }

    public AsyncServiceScope AlsBeheerder(ImportSchool school) => App.ScopeAs(school.Beheerder, Rollen.Beheerder);

    /// <summary>Starts an import through the handler (as the page does) and waits for the background service to finish it.</summary>
    public async Task<ImportRunDetail> ImporteerAsync(ImportSchool school, string csv, bool proefdraai = false, bool volledig = true,
        IReadOnlyDictionary<string, string>? koppeling = null)
    {
        await using var scope = AlsBeheerder(school);
        var inhoud = Encoding.UTF8.GetBytes(csv);
        if (koppeling is null)
        {
            var info = await scope.ServiceProvider.GetRequiredService<ImportVoorbereidenHandler>().HandleAsync(inhoud, "export.csv");
            Assert.True(info.IsGelukt, info.Fout?.Melding);
            koppeling = info.Waarde!.Koppeling;
        }
        var start = await scope.ServiceProvider.GetRequiredService<ImportStartenHandler>()
            .HandleAsync(new ImportStartenOpdracht("export.csv", inhoud, koppeling, proefdraai, volledig));
        Assert.True(start.IsGelukt, start.Fout?.Melding);
        await scope.ServiceProvider.GetRequiredService<ImportVoortgang>().WachtOpAsync(start.Waarde).WaitAsync(TimeSpan.FromSeconds(60));
        var detail = await scope.ServiceProvider.GetRequiredService<ImportRunBekijkenHandler>().HandleAsync(start.Waarde);
        Assert.True(detail.IsGelukt, detail.Fout?.Melding);
        return detail.Waarde!;
    }

    public const string Kop =
        "Stamnummer;Roepnaam;Voorvoegsel;Achternaam;Geboortedatum;Klas;Roepnaam ouder/verzorger 1;Voorvoegsel ouder/verzorger 1;" +
        "Achternaam ouder/verzorger 1;E-mail ouder/verzorger 1;Telefoon ouder/verzorger 1;Relatie ouder/verzorger 1";

    /// <summary>A Magister-like export: the header and one line per row.</summary>
    public static string Csv(params string[] rijen) => Kop + "\n" + string.Join("\n", rijen) + "\n";
}

public sealed record ImportSchool(SchoolScenario Scenario, IReadOnlyDictionary<string, Klas> Klassen, Gebruiker Beheerder)
{
    public Guid Id => Scenario.School.Id;
}
