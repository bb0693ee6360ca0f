using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Aanbodbeheer;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Ondersteuning;

/// <summary>The school's support offer: every staff member reads it, the zorgcoördinator and the beheerder change it, never across schools.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class OndersteuningsaanbodTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    private static AanbodGegevens Gegevens(string naam, int? capaciteit = null) => new()
    {
        Naam = naam, Categorie = Ondersteuningscategorie.SociaalEmotioneel, Niveau = PmNiveau.PmII, Aanbiedersoort = Aanbiedersoort.Intern,
        Aanbieder = "Trainer", Capaciteit = capaciteit, Omschrijving = "Weerbaarheid",
    };

    [Fact]
    public async Task A_school_without_an_offer_gets_the_standard_offer_of_seed_001_on_first_use()
    {
        var swv = new Samenwerkingsverband { Naam = "SWV lege school" };
        var school = new School { Naam = "Lege school", Brinnummer = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), SamenwerkingsverbandId = swv.Id };
        await using (var db = fixture.App.ContextFor(null))
        {
            db.Samenwerkingsverbanden.Add(swv);
            db.Scholen.Add(school);
            await db.SaveChangesAsync();
        }
        var docent = await Data.UserAsync(school.Id, Rollen.Docent);
        await using var scope = fixture.App.ScopeAs(docent, Rollen.Docent);
        var overzicht = (await scope.ServiceProvider.GetRequiredService<AanbodOverzichtHandler>().HandleAsync()).Waarde!;
        Assert.Equal(14, overzicht.Regels.Count);
        Assert.False(overzicht.MagBeheren);
        Assert.Equal(12, overzicht.Regels.Single(r => r.Naam == "STOER-training").Capaciteit);
        Assert.Equal(ToestemmingDoel.IbBegeleiding, overzicht.Regels.Single(r => r.Naam == "Intern begeleider").ToestemmingNodig);
        // Once: a second read adds nothing.
        Assert.Equal(14, (await scope.ServiceProvider.GetRequiredService<AanbodOverzichtHandler>().HandleAsync()).Waarde!.Regels.Count);
    }

    [Theory]
    [InlineData(Rollen.Zorgcoordinator, true)]
    [InlineData(Rollen.Beheerder, true)]
    [InlineData(Rollen.Mentor, false)]
    [InlineData(Rollen.Docent, false)]
    [InlineData(Rollen.InternBegeleider, false)]
    public async Task Only_the_zorgcoordinator_and_the_beheerder_add_change_and_archive(string rol, bool mag)
    {
        var s = fixture.A;
        var user = await Data.UserAsync(s.School.Id, rol);
        var naam = $"Faalangsttraining {rol}";
        await using var scope = fixture.App.ScopeAs(user, rol);
        var opslaan = scope.ServiceProvider.GetRequiredService<AanbodOpslaanHandler>();
        var result = await opslaan.HandleAsync(Gegevens(naam, 8));
        Assert.Equal(mag, result.IsGelukt);
        var overzicht = (await scope.ServiceProvider.GetRequiredService<AanbodOverzichtHandler>().HandleAsync()).Waarde!;
        Assert.Equal(mag, overzicht.MagBeheren);
        if (!mag)
        {
            Assert.Equal(FoutSoort.GeenToegang, result.Fout!.Soort);
            var bestaand = overzicht.Regels[0];
            Assert.Equal(FoutSoort.GeenToegang, (await scope.ServiceProvider.GetRequiredService<AanbodArchiverenHandler>().HandleAsync(bestaand.Id, false)).Fout?.Soort);
            Assert.DoesNotContain(overzicht.Regels, r => r.Naam == naam);
            return;
        }
        var regel = overzicht.Regels.Single(r => r.Naam == naam);
        Assert.Equal(8, regel.Capaciteit);

        var gewijzigd = AanbodGegevens.Van(regel);
        gewijzigd.Capaciteit = 10;
        Assert.True((await opslaan.HandleAsync(gewijzigd)).IsGelukt);
        var archiveren = scope.ServiceProvider.GetRequiredService<AanbodArchiverenHandler>();
        Assert.True((await archiveren.HandleAsync(regel.Id, actief: false)).IsGelukt);

        await using var db = fixture.App.ContextFor(s.School.Id);
        var opgeslagen = await db.Ondersteuningsaanbod.SingleAsync(a => a.Id == regel.Id);
        Assert.Equal((10, false), (opgeslagen.Capaciteit, opgeslagen.Actief));
        var audit = await db.AuditEntries.Where(a => a.GebruikerId == user.Id).Select(a => a.Detail).ToListAsync();
        Assert.Contains(audit, d => d.Contains($"ondersteuningsaanbod aangemaakt: {naam}", StringComparison.Ordinal));
        Assert.Contains(audit, d => d.Contains("gewijzigd", StringComparison.Ordinal));
        Assert.Contains(audit, d => d.Contains("gearchiveerd", StringComparison.Ordinal));
        // Reactivated, never deleted.
        Assert.True((await archiveren.HandleAsync(regel.Id, actief: true)).IsGelukt);
        Assert.True(await db.Ondersteuningsaanbod.AnyAsync(a => a.Id == regel.Id && a.Actief));
    }

    [Theory]
    [InlineData("", 3)]
    [InlineData("Groep", 0)]
    public async Task Bad_input_is_refused_with_a_Dutch_message(string naam, int capaciteit)
    {
        var zc = await Data.UserAsync(fixture.A.School.Id, Rollen.Zorgcoordinator);
        await using var scope = fixture.App.ScopeAs(zc, Rollen.Zorgcoordinator);
        var result = await scope.ServiceProvider.GetRequiredService<AanbodOpslaanHandler>().HandleAsync(Gegevens(naam, capaciteit));
        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        Assert.Contains(naam == "" ? "naam" : "capaciteit", result.Fout!.Melding, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_second_offer_with_the_same_name_is_a_conflict()
    {
        var zc = await Data.UserAsync(fixture.A.School.Id, Rollen.Zorgcoordinator);
        await using var scope = fixture.App.ScopeAs(zc, Rollen.Zorgcoordinator);
        var opslaan = scope.ServiceProvider.GetRequiredService<AanbodOpslaanHandler>();
        Assert.True((await opslaan.HandleAsync(Gegevens("Dubbel aanbod"))).IsGelukt);
        Assert.Equal(FoutSoort.Conflict, (await opslaan.HandleAsync(Gegevens("dubbel AANBOD"))).Fout?.Soort);
    }

    [Fact]
    public async Task Another_school_neither_sees_nor_changes_the_offer()
    {
        var zcA = await Data.UserAsync(fixture.A.School.Id, Rollen.Zorgcoordinator);
        Guid id;
        await using (var scope = fixture.App.ScopeAs(zcA, Rollen.Zorgcoordinator))
        {
            id = (await scope.ServiceProvider.GetRequiredService<AanbodOpslaanHandler>().HandleAsync(Gegevens("Alleen in A"))).Waarde;
        }
        var zcB = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        await using (var scope = fixture.App.ScopeAs(zcB, Rollen.Zorgcoordinator))
        {
            var overzicht = (await scope.ServiceProvider.GetRequiredService<AanbodOverzichtHandler>().HandleAsync()).Waarde!;
            Assert.DoesNotContain(overzicht.Regels, r => r.Id == id);
            Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<AanbodArchiverenHandler>().HandleAsync(id, false)).Fout?.Soort);
            var wijzig = Gegevens("Overgenomen");
            wijzig.Id = id;
            Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<AanbodOpslaanHandler>().HandleAsync(wijzig)).Fout?.Soort);
        }
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        var opgeslagen = await db.Ondersteuningsaanbod.SingleAsync(a => a.Id == id);
        Assert.Equal(("Alleen in A", true), (opgeslagen.Naam, opgeslagen.Actief));
    }

    [Fact]
    public async Task A_parent_gets_no_access()
    {
        await using var scope = fixture.App.ScopeAs(fixture.A.OuderGebruiker, Rollen.Ouder);
        Assert.Equal(FoutSoort.GeenToegang, (await scope.ServiceProvider.GetRequiredService<AanbodOverzichtHandler>().HandleAsync()).Fout?.Soort);
    }
}
