using System.Runtime.CompilerServices;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Import;
using Leerlingzorg.Web.Features.Import;
using Leerlingzorg.Web.Infrastructure.DemoData;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Import;

/// <summary>A database with the demo data, as <c>run.sh</c> has it.</summary>
public sealed class DemoDataFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new TestApp(await TestDatabase.Current.CreateDatabaseAsync("importdemo"));
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The sample export in docs/voorbeelden does in the demo what the demo promises.</summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class VoorbeeldbestandTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private static string Voorbeeld([CallerFilePath] string bron = "")
    {
        const string pad = "docs/voorbeelden/leerlingen-magister.csv";
        foreach (var start in new[] { Path.GetDirectoryName(bron), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var map = start is null ? null : new DirectoryInfo(start); map is not null; map = map.Parent)
            {
                var bestand = Path.Combine(map.FullName, pad);
                if (File.Exists(bestand))
                {
                    return bestand;
                }
            }
        }
        throw new FileNotFoundException(pad);
    }

    [Fact]
    public async Task The_Magister_sample_links_itself_and_shows_new_updated_and_bad_rows_for_Rijnland_College()
    {
        var inhoud = await File.ReadAllBytesAsync(Voorbeeld());
        Assert.Throws<System.Text.DecoderFallbackException>(() => new System.Text.UTF8Encoding(false, true).GetString(inhoud));

        Guid schoolId;
        Leerlingzorg.Web.Infrastructure.Identity.Gebruiker beheerder;
        await using (var db = fixture.App.ContextFor(null))
        {
            schoolId = (await db.Scholen.SingleAsync(s => s.Naam == DemoDataSeeder.Rijnland.Naam)).Id;
            beheerder = await db.Users.SingleAsync(u => u.Email == "beheerder@" + DemoDataSeeder.Rijnland.Domein);
        }
        await using var scope = fixture.App.ScopeAs(beheerder, Rollen.Beheerder);
        var sp = scope.ServiceProvider;

        var info = (await sp.GetRequiredService<ImportVoorbereidenHandler>().HandleAsync(inhoud, "leerlingen-magister.csv")).Waarde!;
        Assert.Contains("Windows-1252", info.Formaat, StringComparison.Ordinal);
        Assert.Contains("puntkomma", info.Formaat, StringComparison.Ordinal);
        Assert.Equal(45, info.AantalRijen);
        Assert.All(LeerlingenVelden.Alle, veld => Assert.True(info.Koppeling.ContainsKey(veld.Sleutel), veld.Sleutel));
        Assert.DoesNotContain("Studie", info.Koppeling.Values);

        var controle = (await sp.GetRequiredService<ImportControlerenHandler>().HandleAsync(inhoud, "leerlingen-magister.csv", info.Koppeling)).Waarde!;
        Assert.Equal((45, 42, 3), (controle.Totaal, controle.Geldig, controle.Fouten));
        var meldingen = controle.FoutRijen.SelectMany(r => r.Meldingen).ToList();
        Assert.Contains("Rij 24: onbekende klas '2Z'", meldingen);
        Assert.Contains("Rij 26: ongeldige geboortedatum '31-02-2012'", meldingen);
        Assert.Contains("Rij 36: dubbele rij: leerlingnummer 260031 staat ook in rij 32", meldingen);
        Assert.Contains(controle.EersteRijen, r => r.Naam == "Noël van den Heuvel");

        var start = await sp.GetRequiredService<ImportStartenHandler>()
            .HandleAsync(new ImportStartenOpdracht("leerlingen-magister.csv", inhoud, info.Koppeling, Proefdraai: false));
        await sp.GetRequiredService<ImportVoortgang>().WachtOpAsync(start.Waarde).WaitAsync(TimeSpan.FromSeconds(60));
        var detail = (await sp.GetRequiredService<ImportRunBekijkenHandler>().HandleAsync(start.Waarde)).Waarde!;
        var s = detail.Samenvatting!;

        Assert.Equal(ImportStatus.Klaar, detail.Run.Status);
        Assert.Equal((5, 3), (s.Nieuw, s.Fouten));
        // Matching the demo data of this schooljaar: a class change, a first name and a phone number differ.
        // (From August the demo's birth dates move a year, and the existing students all count as updated.)
        Assert.Equal(37, s.Bijgewerkt + s.Ongewijzigd);
        if (TestData.HuidigSchooljaar.Startjaar == 2026)
        {
            Assert.Equal((3, 34, 1), (s.Bijgewerkt, s.Ongewijzigd, s.KlasGewijzigd));
        }
        Assert.Equal(60 - 37, detail.NietInBestand.Count);

        await using var school = fixture.App.ContextFor(schoolId);
        var renee = await school.Leerlingen.Include(l => l.Klas).Include(l => l.Ouders).ThenInclude(o => o.Ouder)
            .SingleAsync(l => l.Leerlingnummer == "260101");
        Assert.Equal(("Renée", "Çelik", "1A"), (renee.Voornaam, renee.Achternaam, renee.Klas!.Naam));
        Assert.Equal(["Emre", "Gülsen"], renee.Ouders.Select(o => o.Ouder!.Voornaam).Order());
        var amv = await school.LeerlingOuders.Include(o => o.Ouder).SingleAsync(o => o.Ouder!.Email == "voogd.30@nidos.example");
        Assert.Equal(Leerlingzorg.Domain.Leerlingen.OuderRelatie.NidosVoogd, amv.Relatie);
    }
}
