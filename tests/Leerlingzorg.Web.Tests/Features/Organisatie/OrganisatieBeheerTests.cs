using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Organisatie;

/// <summary>Locaties, afdelingen, coördinatoren and lesopdrachten; who may manage them, and only in his own school.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class OrganisatieBeheerTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);
    private SchoolScenario A => fixture.A;
    private SchoolScenario B => fixture.B;

    private async Task<AsyncServiceScope> AlsBeheerderAsync(SchoolScenario school) =>
        fixture.App.ScopeAs(await Data.UserAsync(school.School.Id, Rollen.Beheerder), Rollen.Beheerder);

    private static T Handler<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private async Task<Guid> AfdelingAsync(SchoolScenario school)
    {
        await using var db = fixture.App.ContextFor(school.School.Id);
        return await db.Afdelingen.Select(a => a.Id).FirstAsync();
    }

    private static string Uniek(string voorvoegsel) => voorvoegsel + " " + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task A_locatie_is_created_renamed_and_removed()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var naam = Uniek("Vestiging");
        var id = (await Handler<LocatieOpslaanHandler>(scope).HandleAsync(new LocatieGegevens { Naam = naam, Plaats = "Rhenen" })).Waarde;
        var gewijzigd = await Handler<LocatieOpslaanHandler>(scope).HandleAsync(new LocatieGegevens { Id = id, Naam = naam + " Noord", Plaats = "Rhenen" });
        Assert.True(gewijzigd.IsGelukt, gewijzigd.Fout?.Melding);
        var lijst = (await Handler<LocatiesOverzichtHandler>(scope).HandleAsync()).Waarde!;
        Assert.Contains(lijst, l => l.Id == id && l.Naam == naam + " Noord" && l.Plaats == "Rhenen");

        var weg = await Handler<LocatieVerwijderenHandler>(scope).HandleAsync(id);

        Assert.True(weg.IsGelukt, weg.Fout?.Melding);
        Assert.DoesNotContain((await Handler<LocatiesOverzichtHandler>(scope).HandleAsync()).Waarde!, l => l.Id == id);
        await using var db = fixture.App.ContextFor(A.School.Id);
        Assert.Equal(
            [AuditActie.Aanmaken, AuditActie.Wijzigen, AuditActie.Verwijderen],
            await db.AuditEntries.Where(e => e.Detail.StartsWith("locatie " + naam)).OrderBy(e => e.Id).Select(e => e.Actie).ToListAsync());
    }

    [Fact]
    public async Task A_locatie_with_classes_cannot_be_removed()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var result = await Handler<LocatieVerwijderenHandler>(scope).HandleAsync(A.Locatie.Id);
        Assert.Equal(FoutSoort.Conflict, result.Fout?.Soort);
        Assert.StartsWith($"Locatie {A.Locatie.Naam} heeft klassen en kan niet worden verwijderd.", result.Fout?.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_locaties_cannot_have_the_same_name()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var result = await Handler<LocatieOpslaanHandler>(scope).HandleAsync(new LocatieGegevens { Naam = A.Locatie.Naam.ToUpperInvariant(), Plaats = "Ede" });
        Assert.Equal(FoutSoort.Conflict, result.Fout?.Soort);
    }

    [Fact]
    public async Task An_afdeling_name_is_unique_in_the_school_and_an_afdeling_in_use_stays()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var opslaan = Handler<AfdelingOpslaanHandler>(scope);
        var naam = Uniek("mavo");
        var id = (await opslaan.HandleAsync(new AfdelingGegevens { Naam = naam })).Waarde;

        var dubbel = await opslaan.HandleAsync(new AfdelingGegevens { Naam = naam.ToUpperInvariant() });
        Assert.Equal(FoutSoort.Conflict, dubbel.Fout?.Soort);
        Assert.Equal($"Er is al een afdeling met de naam {naam.ToUpperInvariant()}.", dubbel.Fout?.Melding);

        var inGebruik = await Handler<AfdelingVerwijderenHandler>(scope).HandleAsync(await AfdelingAsync(A));
        Assert.Equal(FoutSoort.Conflict, inGebruik.Fout?.Soort);

        Assert.True((await Handler<AfdelingVerwijderenHandler>(scope).HandleAsync(id)).IsGelukt);
    }

    [Fact]
    public async Task An_afdeling_name_is_unique_per_school_not_across_schools()
    {
        await using var scope = await AlsBeheerderAsync(B);
        var nieuw = Uniek("vmbo");
        await using (var a = await AlsBeheerderAsync(A))
        {
            Assert.True((await Handler<AfdelingOpslaanHandler>(a).HandleAsync(new AfdelingGegevens { Naam = nieuw })).IsGelukt);
        }
        Assert.True((await Handler<AfdelingOpslaanHandler>(scope).HandleAsync(new AfdelingGegevens { Naam = nieuw })).IsGelukt);
    }

    [Fact]
    public async Task A_leerjaarcoordinator_and_an_afdelingscoordinator_are_appointed_changed_and_removed()
    {
        var leerjaarcoordinator = await Data.UserAsync(A.School.Id, Rollen.Leerjaarcoordinator);
        var afdelingscoordinator = await Data.UserAsync(A.School.Id, Rollen.Afdelingscoordinator);
        var afdeling = await AfdelingAsync(A);
        await using var scope = await AlsBeheerderAsync(A);
        var opslaan = Handler<CoordinatorOpslaanHandler>(scope);

        var leerjaar = await opslaan.HandleAsync(new CoordinatorGegevens { MedewerkerId = leerjaarcoordinator.Id, Soort = CoordinatorSoort.Leerjaar, Leerjaar = 2 });
        var perAfdeling = await opslaan.HandleAsync(new CoordinatorGegevens
        {
            MedewerkerId = afdelingscoordinator.Id, Soort = CoordinatorSoort.Afdeling, AfdelingId = afdeling, Leerjaar = 3,
        });
        Assert.True(leerjaar.IsGelukt, leerjaar.Fout?.Melding);
        Assert.True(perAfdeling.IsGelukt, perAfdeling.Fout?.Melding);

        var lijst = (await Handler<CoordinatorenOverzichtHandler>(scope).HandleAsync()).Waarde!;
        Assert.Equal("Leerjaarcoördinator leerjaar 2", Assert.Single(lijst, c => c.Id == leerjaar.Waarde).Taak);
        Assert.Equal("Afdelingscoördinator havo/vwo, leerjaar 3", Assert.Single(lijst, c => c.Id == perAfdeling.Waarde).Taak);

        // The leerjaarcoördinator becomes afdelingscoördinator of the whole afdeling.
        var gewijzigd = await opslaan.HandleAsync(new CoordinatorGegevens
        {
            Id = leerjaar.Waarde, MedewerkerId = leerjaarcoordinator.Id, Soort = CoordinatorSoort.Afdeling, AfdelingId = afdeling,
        });
        Assert.True(gewijzigd.IsGelukt, gewijzigd.Fout?.Melding);
        await using (var db = fixture.App.ContextFor(A.School.Id))
        {
            var c = await db.Coordinatoren.SingleAsync(c => c.Id == leerjaar.Waarde);
            Assert.Equal((afdeling, (int?)null), (c.AfdelingId!.Value, c.Leerjaar));
        }

        var dubbel = await opslaan.HandleAsync(new CoordinatorGegevens
        {
            MedewerkerId = afdelingscoordinator.Id, Soort = CoordinatorSoort.Afdeling, AfdelingId = afdeling, Leerjaar = 3,
        });
        Assert.Equal(FoutSoort.Conflict, dubbel.Fout?.Soort);

        Assert.True((await Handler<CoordinatorVerwijderenHandler>(scope).HandleAsync(perAfdeling.Waarde)).IsGelukt);
        Assert.DoesNotContain((await Handler<CoordinatorenOverzichtHandler>(scope).HandleAsync()).Waarde!, c => c.Id == perAfdeling.Waarde);
    }

    [Fact]
    public async Task A_coordinator_must_hold_a_coordinator_role_in_the_school()
    {
        await using var scope = await AlsBeheerderAsync(A);
        foreach (var geen in new[] { A.Docent.Id, A.Mentor.Id, Guid.NewGuid() })
        {
            var result = await Handler<CoordinatorOpslaanHandler>(scope)
                .HandleAsync(new CoordinatorGegevens { MedewerkerId = geen, Soort = CoordinatorSoort.Leerjaar, Leerjaar = 1 });
            Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        }
        var vanB = await Data.UserAsync(B.School.Id, Rollen.Leerjaarcoordinator);
        var andereSchool = await Handler<CoordinatorOpslaanHandler>(scope)
            .HandleAsync(new CoordinatorGegevens { MedewerkerId = vanB.Id, Soort = CoordinatorSoort.Leerjaar, Leerjaar = 1 });
        Assert.Equal(FoutSoort.Ongeldig, andereSchool.Fout?.Soort);
    }

    [Fact]
    public async Task A_lesopdracht_ties_a_docent_to_a_class_and_vak_once()
    {
        var docent = await Data.UserAsync(A.School.Id, Rollen.Docent);
        await using var scope = await AlsBeheerderAsync(A);
        var opslaan = Handler<LesopdrachtOpslaanHandler>(scope);
        var vak = Uniek("wiskunde");
        var result = await opslaan.HandleAsync(new LesopdrachtGegevens { KlasId = A.Klas.Id, MedewerkerId = docent.Id, Vak = vak });
        Assert.True(result.IsGelukt, result.Fout?.Melding);

        var dubbel = await opslaan.HandleAsync(new LesopdrachtGegevens { KlasId = A.Klas.Id, MedewerkerId = docent.Id, Vak = vak.ToUpperInvariant() });
        Assert.Equal(FoutSoort.Conflict, dubbel.Fout?.Soort);

        var lijst = (await Handler<LesopdrachtenOverzichtHandler>(scope)
            .HandleAsync(new LesopdrachtenZoekopdracht(TestData.HuidigSchooljaar, vak))).Waarde!;
        var regel = Assert.Single(lijst.Items);
        Assert.Equal((A.Klas.Id, "1A", docent.Id, "Test Docent", vak), (regel.KlasId, regel.Klas, regel.MedewerkerId, regel.Docent, regel.Vak));

        var anderVak = Uniek("biologie");
        Assert.True((await opslaan.HandleAsync(new LesopdrachtGegevens { Id = result.Waarde, KlasId = A.Klas.Id, MedewerkerId = docent.Id, Vak = anderVak })).IsGelukt);
        Assert.True((await Handler<LesopdrachtVerwijderenHandler>(scope).HandleAsync(result.Waarde)).IsGelukt);
        await using var db = fixture.App.ContextFor(A.School.Id);
        Assert.False(await db.Lesopdrachten.AnyAsync(l => l.Id == result.Waarde));
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Detail.StartsWith("lesopdracht " + vak) || e.Detail.StartsWith("lesopdracht " + anderVak)));
    }

    [Fact]
    public async Task A_lesopdracht_needs_a_docent_of_the_school()
    {
        await using var scope = await AlsBeheerderAsync(A);
        foreach (var geen in new[] { A.Mentor.Id, B.Docent.Id })
        {
            var result = await Handler<LesopdrachtOpslaanHandler>(scope)
                .HandleAsync(new LesopdrachtGegevens { KlasId = A.Klas.Id, MedewerkerId = geen, Vak = "Engels" });
            Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        }
    }

    [Fact]
    public async Task The_lesopdrachten_are_paged_and_sorted_in_the_database()
    {
        var docent = await Data.UserAsync(A.School.Id, Rollen.Docent);
        await using var scope = await AlsBeheerderAsync(A);
        var prefix = Uniek("Vak");
        foreach (var vak in new[] { "c", "a", "b" })
        {
            Assert.True((await Handler<LesopdrachtOpslaanHandler>(scope)
                .HandleAsync(new LesopdrachtGegevens { KlasId = A.Klas.Id, MedewerkerId = docent.Id, Vak = $"{prefix} {vak}" })).IsGelukt);
        }
        var handler = Handler<LesopdrachtenOverzichtHandler>(scope);
        var pagina = (await handler.HandleAsync(new LesopdrachtenZoekopdracht(TestData.HuidigSchooljaar, prefix,
            new PaginaVerzoek(0, 2, LesopdrachtenOverzichtHandler.OpVak)))).Waarde!;
        Assert.Equal(3, pagina.Totaal);
        Assert.Equal([$"{prefix} a", $"{prefix} b"], pagina.Items.Select(l => l.Vak));
        var aflopend = (await handler.HandleAsync(new LesopdrachtenZoekopdracht(TestData.HuidigSchooljaar, prefix,
            new PaginaVerzoek(1, 2, LesopdrachtenOverzichtHandler.OpVak, Aflopend: true)))).Waarde!;
        Assert.Equal([$"{prefix} a"], aflopend.Items.Select(l => l.Vak));
        var anderJaar = (await handler.HandleAsync(new LesopdrachtenZoekopdracht(TestData.HuidigSchooljaar.Volgend, prefix))).Waarde!;
        Assert.Equal(0, anderJaar.Totaal);
    }

    public static TheoryData<string> GeenBeheerder => [Rollen.Mentor, Rollen.Zorgcoordinator, Rollen.Docent, Rollen.Schoolleiding];

    [Theory]
    [MemberData(nameof(GeenBeheerder))]
    public async Task Only_a_Beheerder_manages_the_organisation(string rol)
    {
        var user = await Data.UserAsync(A.School.Id, rol);
        await using var scope = fixture.App.ScopeAs(user, rol);
        var afdeling = await AfdelingAsync(A);
        var jaar = TestData.HuidigSchooljaar;
        var pogingen = new Dictionary<string, Func<Task<Fout?>>>
        {
            ["keuzes"] = async () => (await Handler<OrganisatieKeuzesHandler>(scope).HandleAsync()).Fout,
            ["klassen kiezen"] = async () => (await Handler<OrganisatieKeuzesHandler>(scope).KlassenAsync(jaar)).Fout,
            ["schooljaren"] = async () => (await Handler<OrganisatieKeuzesHandler>(scope).SchooljarenAsync()).Fout,
            ["locaties"] = async () => (await Handler<LocatiesOverzichtHandler>(scope).HandleAsync()).Fout,
            ["locatie opslaan"] = async () => (await Handler<LocatieOpslaanHandler>(scope).HandleAsync(new LocatieGegevens { Naam = "X", Plaats = "Y" })).Fout,
            ["locatie verwijderen"] = async () => (await Handler<LocatieVerwijderenHandler>(scope).HandleAsync(A.Locatie.Id)).Fout,
            ["afdelingen"] = async () => (await Handler<AfdelingenOverzichtHandler>(scope).HandleAsync()).Fout,
            ["afdeling opslaan"] = async () => (await Handler<AfdelingOpslaanHandler>(scope).HandleAsync(new AfdelingGegevens { Naam = "X" })).Fout,
            ["afdeling verwijderen"] = async () => (await Handler<AfdelingVerwijderenHandler>(scope).HandleAsync(afdeling)).Fout,
            ["klassen"] = async () => (await Handler<KlassenBeheerHandler>(scope).HandleAsync(new KlassenZoekopdracht(jaar))).Fout,
            ["klas opslaan"] = async () => (await Handler<KlasOpslaanHandler>(scope).HandleAsync(new KlasGegevens
            {
                Id = A.Klas.Id, Schooljaar = jaar, Naam = "1A", Leerjaar = 1, AfdelingId = afdeling, LocatieId = A.Locatie.Id, MentorIds = [user.Id],
            })).Fout,
            ["klas verwijderen"] = async () => (await Handler<KlasVerwijderenHandler>(scope).HandleAsync(A.Klas.Id)).Fout,
            ["coördinatoren"] = async () => (await Handler<CoordinatorenOverzichtHandler>(scope).HandleAsync()).Fout,
            ["coördinator opslaan"] = async () => (await Handler<CoordinatorOpslaanHandler>(scope)
                .HandleAsync(new CoordinatorGegevens { MedewerkerId = user.Id, Soort = CoordinatorSoort.Leerjaar, Leerjaar = 1 })).Fout,
            ["coördinator verwijderen"] = async () => (await Handler<CoordinatorVerwijderenHandler>(scope).HandleAsync(Guid.NewGuid())).Fout,
            ["lesopdrachten"] = async () => (await Handler<LesopdrachtenOverzichtHandler>(scope).HandleAsync(new LesopdrachtenZoekopdracht(jaar))).Fout,
            ["lesopdracht opslaan"] = async () => (await Handler<LesopdrachtOpslaanHandler>(scope)
                .HandleAsync(new LesopdrachtGegevens { KlasId = A.Klas.Id, MedewerkerId = A.Docent.Id, Vak = "Frans" })).Fout,
            ["lesopdracht verwijderen"] = async () => (await Handler<LesopdrachtVerwijderenHandler>(scope).HandleAsync(Guid.NewGuid())).Fout,
        };
        foreach (var (wat, poging) in pogingen)
        {
            Assert.True((await poging())?.Soort == FoutSoort.GeenToegang, $"{rol} kreeg toegang tot: {wat}");
        }
        await using var db = fixture.App.ContextFor(A.School.Id);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.GebruikerId == user.Id));
    }

    [Fact]
    public async Task A_Beheerder_of_school_B_neither_sees_nor_changes_the_organisation_of_school_A()
    {
        await using var scope = await AlsBeheerderAsync(B);
        var jaar = TestData.HuidigSchooljaar;

        Assert.DoesNotContain((await Handler<KlassenBeheerHandler>(scope).HandleAsync(new KlassenZoekopdracht(jaar))).Waarde!.Items, k => k.Id == A.Klas.Id);
        Assert.DoesNotContain((await Handler<LocatiesOverzichtHandler>(scope).HandleAsync()).Waarde!, l => l.Id == A.Locatie.Id);
        var keuzes = (await Handler<OrganisatieKeuzesHandler>(scope).HandleAsync()).Waarde!;
        Assert.DoesNotContain(keuzes.Medewerkers, m => m.Id == A.Mentor.Id || m.Id == A.Docent.Id);
        Assert.DoesNotContain(keuzes.Locaties, l => l.Id == A.Locatie.Id);
        Assert.All((await Handler<LesopdrachtenOverzichtHandler>(scope).HandleAsync(new LesopdrachtenZoekopdracht(jaar))).Waarde!.Items,
            l => Assert.NotEqual(A.Klas.Id, l.KlasId));
        Assert.DoesNotContain((await Handler<CoordinatorenOverzichtHandler>(scope).HandleAsync()).Waarde!, c => c.MedewerkerId == A.Mentor.Id);

        var afdelingB = await AfdelingAsync(B);
        Assert.Equal(FoutSoort.NietGevonden, (await Handler<KlasVerwijderenHandler>(scope).HandleAsync(A.Klas.Id)).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await Handler<KlasOpslaanHandler>(scope).HandleAsync(new KlasGegevens
        {
            Id = A.Klas.Id, Schooljaar = jaar, Naam = "Overgenomen", Leerjaar = 1, AfdelingId = afdelingB, LocatieId = B.Locatie.Id, MentorIds = [B.Mentor.Id],
        })).Fout?.Soort);
        Assert.Equal(FoutSoort.Ongeldig, (await Handler<KlasOpslaanHandler>(scope).HandleAsync(new KlasGegevens
        {
            Schooljaar = jaar, Naam = Uniek("B"), Leerjaar = 1, AfdelingId = afdelingB, LocatieId = A.Locatie.Id, MentorIds = [B.Mentor.Id],
        })).Fout?.Soort);
        Assert.Equal(FoutSoort.Ongeldig, (await Handler<KlasOpslaanHandler>(scope).HandleAsync(new KlasGegevens
        {
            Schooljaar = jaar, Naam = Uniek("B"), Leerjaar = 1, AfdelingId = afdelingB, LocatieId = B.Locatie.Id, MentorIds = [A.Mentor.Id],
        })).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await Handler<LocatieVerwijderenHandler>(scope).HandleAsync(A.Locatie.Id)).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await Handler<LocatieOpslaanHandler>(scope)
            .HandleAsync(new LocatieGegevens { Id = A.Locatie.Id, Naam = "Overgenomen", Plaats = "B" })).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await Handler<AfdelingVerwijderenHandler>(scope).HandleAsync(await AfdelingAsync(A))).Fout?.Soort);
        Assert.Equal(FoutSoort.Ongeldig, (await Handler<LesopdrachtOpslaanHandler>(scope)
            .HandleAsync(new LesopdrachtGegevens { KlasId = A.Klas.Id, MedewerkerId = B.Docent.Id, Vak = "Duits" })).Fout?.Soort);

        await using var db = fixture.App.ContextFor(A.School.Id);
        var klas = await db.Klassen.Include(k => k.Mentoren).SingleAsync(k => k.Id == A.Klas.Id);
        Assert.Equal(("1A", A.Locatie.Id), (klas.Naam, klas.LocatieId));
        Assert.Equal([A.Mentor.Id], klas.Mentoren.Select(m => m.MedewerkerId));
        Assert.Equal(A.Locatie.Naam, await db.Locaties.Where(l => l.Id == A.Locatie.Id).Select(l => l.Naam).SingleAsync());
    }

    [Fact]
    public async Task The_schooljaren_offered_are_those_with_classes_plus_the_current_and_next()
    {
        await using var scope = await AlsBeheerderAsync(A);
        var jaren = (await Handler<OrganisatieKeuzesHandler>(scope).SchooljarenAsync()).Waarde!;
        Assert.Contains(TestData.HuidigSchooljaar, jaren);
        Assert.Contains(TestData.HuidigSchooljaar.Volgend, jaren);
        Assert.Equal(jaren.OrderDescending(), jaren);
    }
}
