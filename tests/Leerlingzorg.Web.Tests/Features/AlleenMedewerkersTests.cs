using System.Text.Json;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Afspraken;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Features.Klassen;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Features.MijnKinderen;
using Leerlingzorg.Web.Features.MijnKlassen;
using Leerlingzorg.Web.Features.Voortgangsgesprekken;
using Leerlingzorg.Web.Features.Zoeken;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features;

/// <summary>
/// The staff dossier is for staff only: a parent (also of the very student asked for), a partnership user and a
/// school user without a role are refused by every staff handler, reads and writes, and nothing is written.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class AlleenMedewerkersTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    private sealed record Doel(Guid Leerling, Guid Klas, Guid Gesprek, Guid Afspraak, Guid Soort, Guid Eigenaar)
    {
        public GesprekInvoer Invoer(Guid? gesprekId = null) => new()
        {
            Id = gesprekId, Versie = 2, SoortId = Soort, Datum = Schooldag.Picker, LeerlingIds = [Leerling],
            Samenvatting = "Door een ouder geschreven", Vertrouwelijkheid = Vertrouwelijkheid.Vertrouwelijk,
            Afspraken = [new AfspraakInvoer { Wat = "Bellen", EigenaarId = Eigenaar }],
        };
    }

    private static bool Geweigerd<T>(Result<T> result) => result.Fout?.Soort == FoutSoort.GeenToegang;

    /// <summary>Every staff handler, each asked about the parent's own child, his class, a gesprek and an afspraak of that child.</summary>
    private static readonly Dictionary<string, Func<IServiceProvider, Doel, Task<bool>>> Handlers = new()
    {
        ["LeerlingBekijken"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(d.Leerling)),
        ["Tijdlijn"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<TijdlijnHandler>().HandleAsync(new TijdlijnVraag(d.Leerling))),
        ["Tijdlijn soorten"] = async (sp, _) => (await sp.GetRequiredService<TijdlijnHandler>().SoortenAsync()).Count == 0,
        ["GesprekBekijken"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<GesprekBekijkenHandler>().HandleAsync(d.Gesprek)),
        ["GesprekVastleggen formulier leerling"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<GesprekVastleggenHandler>().NieuwAsync(d.Leerling, null)),
        ["GesprekVastleggen formulier klas"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<GesprekVastleggenHandler>().NieuwAsync(null, d.Klas)),
        ["GesprekVastleggen"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<GesprekVastleggenHandler>().HandleAsync(d.Invoer(), ConceptSleutel.Nieuw(d.Leerling))),
        ["GesprekWijzigen formulier"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<GesprekWijzigenHandler>().LaadAsync(d.Gesprek)),
        ["GesprekWijzigen"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<GesprekWijzigenHandler>().HandleAsync(d.Invoer(d.Gesprek))),
        ["GesprekVerwijderen"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<GesprekVerwijderenHandler>().HandleAsync(d.Gesprek, "Door een ouder verwijderd")),
        ["ConceptOphalen"] = async (sp, d) => await sp.GetRequiredService<ConceptOphalenHandler>().HandleAsync(ConceptSleutel.Nieuw(d.Leerling)) is null,
        ["ConceptOpslaan"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<ConceptOpslaanHandler>().HandleAsync(ConceptSleutel.Nieuw(d.Leerling), d.Invoer())),
        ["ConceptVerwijderen"] = async (sp, d) => !await sp.GetRequiredService<ConceptVerwijderenHandler>().HandleAsync(ConceptSleutel.Nieuw(d.Leerling)),
        ["KlasBekijken"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<KlasBekijkenHandler>().HandleAsync(d.Klas)),
        ["KlassenOverzicht"] = async (sp, _) => (await sp.GetRequiredService<KlassenOverzichtHandler>().HandleAsync()).Count == 0,
        ["MijnKlassen"] = async (sp, _) => (await sp.GetRequiredService<MijnKlassenHandler>().HandleAsync()).Count == 0,
        ["Voortgangsgesprekken"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<VoortgangsgesprekkenHandler>().HandleAsync(d.Klas)),
        ["LeerlingenLijst"] = async (sp, _) => (await sp.GetRequiredService<LeerlingenLijstHandler>().HandleAsync(new LeerlingenVraag(Status: StatusFilter.Alle))).Totaal == 0,
        ["LeerlingenLijst klassen"] = async (sp, _) => (await sp.GetRequiredService<LeerlingenLijstHandler>().KlassenAsync()).Count == 0,
        ["LeerlingZoeken"] = async (sp, _) => (await sp.GetRequiredService<LeerlingZoekenHandler>().HandleAsync("Leerling")).Count == 0,
        ["MijnAfspraken open"] = async (sp, _) => (await sp.GetRequiredService<MijnAfsprakenHandler>().OpenAsync()).Count == 0,
        ["MijnAfspraken afgerond"] = async (sp, _) => (await sp.GetRequiredService<MijnAfsprakenHandler>().AfgerondAsync(1)).Items.Count == 0,
        ["AfspraakAfronden"] = async (sp, d) => Geweigerd(await sp.GetRequiredService<AfspraakAfrondenHandler>().HandleAsync(new AfrondenInvoer { AfspraakId = d.Afspraak, Evaluatie = "Klaar" })),
    };

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var wie in new[] { "OuderVanDeLeerling", "Samenwerkingsverband", "ZonderRol" })
        {
            foreach (var handler in Handlers.Keys)
            {
                data.Add(wie, handler);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task No_staff_handler_answers_a_parent_a_partnership_user_or_a_user_without_a_role_and_nothing_is_written(string wie, string handler)
    {
        var (user, rollen) = await GebruikerAsync(wie);
        var doel = await DoelAsync();
        bool geweigerd;
        await using (var scope = fixture.App.ScopeAs(user, rollen))
        {
            geweigerd = await Handlers[handler](scope.ServiceProvider, doel);
        }
        Assert.True(geweigerd, $"{handler} answered {wie}");

        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.GebruikerId == user.Id));
        Assert.False(await db.Gesprekken.AnyAsync(g => g.AuteurId == user.Id));
        Assert.False(await db.GesprekConcepten.AnyAsync(c => c.AuteurId == user.Id));
        var gesprek = await db.Gesprekken.SingleAsync(g => g.Id == doel.Gesprek);
        Assert.Equal((2, null, "Kennismaking"), (gesprek.Versie, gesprek.VerwijderdOp, gesprek.Samenvatting));
        Assert.Null((await db.Afspraken.SingleAsync(a => a.Id == doel.Afspraak)).AfgerondOp);
        Assert.Equal(1, await db.Afspraken.CountAsync(a => a.LeerlingId == doel.Leerling));
    }

    [Fact]
    public async Task A_mentor_who_is_also_a_parent_sees_his_child_only_on_Mijn_kinderen_not_in_the_staff_dossier()
    {
        var mentorEnOuder = await Data.UserAsync(fixture.A.School.Id, Rollen.Mentor, Rollen.Ouder);
        var kind = fixture.A.Leerlingen[2];
        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            var ouder = new Ouder { Voornaam = "Mentor", Achternaam = "Ouder", GebruikerId = mentorEnOuder.Id };
            db.Ouders.Add(ouder);
            db.LeerlingOuders.Add(new LeerlingOuder { LeerlingId = kind.Id, OuderId = ouder.Id, Relatie = OuderRelatie.Vader });
            await db.SaveChangesAsync();
        }
        await using var scope = fixture.App.ScopeAs(mentorEnOuder, Rollen.Mentor, Rollen.Ouder);
        var kinderen = await scope.ServiceProvider.GetRequiredService<MijnKinderenHandler>().HandleAsync();
        Assert.Equal([kind.Id], kinderen.Select(k => k.Id));
        // He is no mentor of his child's class: as staff he has no relation with the child.
        Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(kind.Id)).Fout?.Soort);
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<LeerlingZoekenHandler>().HandleAsync("Leerling3"));
        // His own staff work stays: Mijn afspraken is for every staff member, a parent too.
        Assert.True(MijnAfsprakenHandler.MagAfspraakHebben(scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Tenancy.CurrentUser>()));
    }

    [Fact]
    public async Task A_parent_sees_nothing_of_the_other_parent_on_Mijn_kinderen()
    {
        var s = await Data.SchoolAsync("Gescheiden ouders", aantalLeerlingen: 1);
        var kind = s.Leerlingen[0];
        const string email = "andere.ouder@voorbeeld.example";
        const string telefoon = "06-98765432";
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            var ander = new Ouder { Voornaam = "Andere", Achternaam = "Ouderdeel", Email = email, Telefoon = telefoon };
            db.Ouders.Add(ander);
            db.LeerlingOuders.Add(new LeerlingOuder { LeerlingId = kind.Id, OuderId = ander.Id, Relatie = OuderRelatie.Vader, Gezag = true });
            await db.SaveChangesAsync();
        }
        await using var scope = fixture.App.ScopeAs(s.OuderGebruiker, Rollen.Ouder);
        var kinderen = await scope.ServiceProvider.GetRequiredService<MijnKinderenHandler>().HandleAsync();
        Assert.Equal([kind.Id], kinderen.Select(k => k.Id));
        var getoond = JsonSerializer.Serialize(kinderen);
        Assert.DoesNotContain(email, getoond, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(telefoon, getoond, StringComparison.Ordinal);
        Assert.DoesNotContain("Ouderdeel", getoond, StringComparison.Ordinal);
        // And the staff page, which lists both parents with their details, is closed to him.
        Assert.Equal(FoutSoort.GeenToegang, (await scope.ServiceProvider.GetRequiredService<LeerlingBekijkenHandler>().HandleAsync(kind.Id)).Fout?.Soort);
    }

    private async Task<(Gebruiker User, string[] Rollen)> GebruikerAsync(string wie) => wie switch
    {
        "OuderVanDeLeerling" => (fixture.A.OuderGebruiker, [Rollen.Ouder]),
        "Samenwerkingsverband" => (await Data.SwvUserAsync(fixture.A.Swv.Id, Rollen.SwvManager, Rollen.SwvOrthopedagoog), [Rollen.SwvManager, Rollen.SwvOrthopedagoog]),
        _ => (await Data.UserAsync(fixture.A.School.Id), []),
    };

    private async Task<Doel> DoelAsync()
    {
        var leerling = fixture.A.Leerlingen[0].Id;
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        var gesprek = await db.Gesprekken.Where(g => g.AuteurId == fixture.A.Mentor.Id && g.Leerlingen.Any(l => l.LeerlingId == leerling))
            .Select(g => new { g.Id, g.SoortId }).SingleAsync();
        var afspraak = await db.Afspraken.Where(a => a.GesprekId == gesprek.Id).Select(a => a.Id).SingleAsync();
        return new Doel(leerling, fixture.A.Klas.Id, gesprek.Id, afspraak, gesprek.SoortId, fixture.A.Mentor.Id);
    }
}
