using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Verwijsindex;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Verwijsindex;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Verwijsindex;

/// <summary>The Verwijsindex: only the zorgcoördinator registers, who is told by age, afmelden once, the reminders, isolation and audit.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class VerwijsindexTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly DateOnly Vandaag = Schooldag.Vandaag;

    private TestData Data => new(fixture.App);

    /// <summary>A fresh school whose second student (13, no registration yet) has the seed's ouder as moeder with gezag.</summary>
    private async Task<(SchoolScenario S, Gebruiker Zco, Leerling Leerling)> SchoolAsync(string naam)
    {
        var s = await Data.SchoolAsync(naam);
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        await using var db = fixture.App.ContextFor(s.School.Id);
        db.LeerlingOuders.Add(new LeerlingOuder { LeerlingId = s.Leerlingen[1].Id, OuderId = s.Ouder.Id, Relatie = OuderRelatie.Moeder, Gezag = true });
        await db.SaveChangesAsync();
        return (s, zco, s.Leerlingen[1]);
    }

    private static RegistrerenInvoer Invoer(Guid leerlingId, string? contactpersoon = "M. Jansen", string? contact = "0317-123456") => new()
    {
        LeerlingId = leerlingId, GesignaleerdOp = Schooldag.Picker, Contactpersoon = contactpersoon, ContactTelefoonOfEmail = contact,
    };

    private async Task<Result<Guid>> RegistreerAlsAsync(Gebruiker user, string rol, RegistrerenInvoer invoer)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<SignaleringRegistrerenHandler>().HandleAsync(invoer);
    }

    private async Task<Result<VerwijsindexKaartGegevens>> KaartAlsAsync(Gebruiker user, string rol, Guid leerlingId)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<SignaleringenBekijkenHandler>().HandleAsync(leerlingId);
    }

    private async Task<Result<int>> InformeerAlsAsync(Gebruiker user, string rol, Guid signaleringId, int versie, string wie)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<InformerenVastleggenHandler>().HandleAsync(new InformerenInvoer
        {
            SignaleringId = signaleringId, Versie = versie, Wie = wie, Op = Schooldag.Picker, Wijze = InformeerWijze.Brief,
        });
    }

    private async Task<Result<int>> AfmeldenAlsAsync(Gebruiker user, string rol, Guid signaleringId, int versie)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<SignaleringAfmeldenHandler>().HandleAsync(new AfmeldenInvoer
        {
            SignaleringId = signaleringId, Versie = versie, Op = Schooldag.Picker, Reden = AfmeldReden.ZorgAfgerond,
        });
    }

    private async Task<Result<VerwijsindexTermijnenPagina>> TermijnenAlsAsync(Gebruiker user, string rol)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<VerwijsindexTermijnenHandler>().HandleAsync();
    }

    private async Task<int> AantalAsync(Guid schoolId, Guid leerlingId)
    {
        await using var db = fixture.App.ContextFor(schoolId);
        return await db.Signaleringen.CountAsync(s => s.LeerlingId == leerlingId);
    }

    [Fact]
    public async Task The_zorgcoordinator_registers_a_signal_without_content_audited_in_the_same_save()
    {
        var (s, zco, leerling) = await SchoolAsync("Verwijs registreren");
        var result = await RegistreerAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling.Id, contactpersoon: "  M.\0 Jansen "));
        Assert.True(result.IsGelukt, result.Fout?.Melding);

        await using var db = fixture.App.ContextFor(s.School.Id);
        var opgeslagen = await db.Signaleringen.SingleAsync(x => x.Id == result.Waarde);
        Assert.Equal((leerling.Id, leerling.VolledigeNaam, leerling.Geboortedatum, Vandaag, zco.Id, "M. Jansen", "0317-123456"),
            (opgeslagen.LeerlingId, opgeslagen.Naam, opgeslagen.Geboortedatum, opgeslagen.GesignaleerdOp, opgeslagen.DoorId, opgeslagen.Contactpersoon,
                opgeslagen.ContactTelefoonOfEmail));
        Assert.Equal("Test Zorgcoordinator", opgeslagen.DoorNaam);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == zco.Id && a.LeerlingId == leerling.Id && a.Actie == AuditActie.Aanmaken
            && a.Detail.Contains(opgeslagen.Id.ToString())));
    }

    [Theory]
    [InlineData(Rollen.Mentor)]
    [InlineData(Rollen.Docent)]
    [InlineData(Rollen.Leerjaarcoordinator)]
    [InlineData(Rollen.InternBegeleider)]
    [InlineData(Rollen.Orthopedagoog)]
    [InlineData(Rollen.Ouder)]
    public async Task Anyone_but_the_zorgcoordinator_is_refused_by_the_handler(string rol)
    {
        var s = fixture.B;
        var user = rol switch
        {
            Rollen.Mentor => s.Mentor,
            Rollen.Docent => s.Docent,
            Rollen.Ouder => s.OuderGebruiker,
            _ => await Data.UserAsync(s.School.Id, rol),
        };
        var result = await RegistreerAlsAsync(user, rol, Invoer(s.Leerlingen[2].Id));
        Assert.Equal(FoutSoort.GeenToegang, result.Fout?.Soort);
        Assert.Equal(Verwijsindexrecht.GeenRecht, result.Fout?.Melding);
        Assert.Equal(0, await AantalAsync(s.School.Id, s.Leerlingen[2].Id));
        var seed = await SeedSignaleringAsync(s);
        Assert.Equal(FoutSoort.GeenToegang, (await AfmeldenAlsAsync(user, rol, seed.Id, seed.Versie)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await InformeerAlsAsync(user, rol, seed.Id, seed.Versie, InformerenInvoer.DeLeerlingZelf)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await TermijnenAlsAsync(user, rol)).Fout?.Soort);
    }

    private async Task<Signalering> SeedSignaleringAsync(SchoolScenario s)
    {
        await using var db = fixture.App.ContextFor(s.School.Id);
        return await db.Signaleringen.SingleAsync(x => x.LeerlingId == s.Leerlingen[0].Id);
    }

    [Fact]
    public async Task The_card_is_read_at_Zorg_level_by_the_mentor_audited_but_never_by_a_docent_or_a_parent()
    {
        var s = fixture.A;
        var mentor = await KaartAlsAsync(s.Mentor, Rollen.Mentor, s.Leerlingen[0].Id);
        Assert.True(mentor.IsGelukt, mentor.Fout?.Melding);
        var regel = Assert.Single(mentor.Waarde.Signaleringen);
        Assert.Equal(("zorg@test.example", Vandaag.AddYears(2), Termijnstand.Lopend), (regel.ContactTelefoonOfEmail, regel.Uiterlijk, regel.Stand));
        Assert.False(mentor.Waarde.MagMelden);
        Assert.Equal(FoutSoort.GeenToegang, (await KaartAlsAsync(s.Docent, Rollen.Docent, s.Leerlingen[0].Id)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await KaartAlsAsync(s.OuderGebruiker, Rollen.Ouder, s.Leerlingen[0].Id)).Fout?.Soort);
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == s.Mentor.Id && a.LeerlingId == s.Leerlingen[0].Id
            && a.Actie == AuditActie.Lezen && a.Detail.Contains("verwijsindex")));
    }

    [Fact]
    public async Task A_second_registration_while_one_runs_is_refused()
    {
        var (s, zco, leerling) = await SchoolAsync("Verwijs dubbel");
        Assert.True((await RegistreerAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling.Id))).IsGelukt);
        var tweede = await RegistreerAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling.Id));
        Assert.Equal((FoutSoort.Conflict, Signalering.LooptAl), (tweede.Fout?.Soort, tweede.Fout?.Melding));
        Assert.Equal(1, await AantalAsync(s.School.Id, leerling.Id));
    }

    [Fact]
    public async Task At_13_the_ouder_with_gezag_and_the_student_are_told_at_17_only_the_student()
    {
        var (s, zco, leerling) = await SchoolAsync("Verwijs informeren");
        var oudere = s.Leerlingen[2];
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            var l = await db.Leerlingen.AsTracking().SingleAsync(x => x.Id == oudere.Id);
            l.Geboortedatum = Vandaag.AddYears(-17).AddDays(-10);
            db.LeerlingOuders.Add(new LeerlingOuder { LeerlingId = oudere.Id, OuderId = s.Ouder.Id, Relatie = OuderRelatie.Moeder, Gezag = true });
            await db.SaveChangesAsync();
        }
        var id13 = (await RegistreerAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling.Id))).Waarde;
        var kaart = (await KaartAlsAsync(zco, Rollen.Zorgcoordinator, leerling.Id)).Waarde!;
        var regel = kaart.Signaleringen.Single(x => x.Id == id13);
        Assert.Equal([s.Ouder.Id.ToString(), InformerenInvoer.DeLeerlingZelf], regel.NogTeInformeren.Select(n => n.Wie));
        var versie = (await InformeerAlsAsync(zco, Rollen.Zorgcoordinator, id13, regel.Versie, s.Ouder.Id.ToString())).Waarde;
        Assert.Equal(regel.Versie + 1, versie);
        var na = (await KaartAlsAsync(zco, Rollen.Zorgcoordinator, leerling.Id)).Waarde!.Signaleringen.Single(x => x.Id == id13);
        Assert.Equal([InformerenInvoer.DeLeerlingZelf], na.NogTeInformeren.Select(n => n.Wie));
        Assert.Equal(("Ouder Verwijs informeren", InformeerWijze.Brief), (na.Informeringen[0].Wie, na.Informeringen[0].Wijze));

        var id17 = (await RegistreerAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(oudere.Id))).Waarde;
        var ouder17 = await InformeerAlsAsync(zco, Rollen.Zorgcoordinator, id17, 1, s.Ouder.Id.ToString());
        Assert.Equal(FoutSoort.Ongeldig, ouder17.Fout?.Soort);
        Assert.Contains("alleen de leerling zelf", ouder17.Fout!.Melding);
        Assert.True((await InformeerAlsAsync(zco, Rollen.Zorgcoordinator, id17, 1, InformerenInvoer.DeLeerlingZelf)).IsGelukt);
        await using var check = fixture.App.ContextFor(s.School.Id);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.LeerlingId == oudere.Id && a.Actie == AuditActie.Wijzigen && a.Detail.Contains("leerling geïnformeerd")));
    }

    [Fact]
    public async Task A_change_on_a_version_someone_else_changed_is_refused_and_afmelden_happens_once()
    {
        var (s, zco, leerling) = await SchoolAsync("Verwijs afmelden");
        var id = (await RegistreerAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling.Id))).Waarde;
        Assert.True((await InformeerAlsAsync(zco, Rollen.Zorgcoordinator, id, 1, InformerenInvoer.DeLeerlingZelf)).IsGelukt);
        Assert.Equal(FoutSoort.Conflict, (await AfmeldenAlsAsync(zco, Rollen.Zorgcoordinator, id, 1)).Fout?.Soort);
        Assert.Equal(3, (await AfmeldenAlsAsync(zco, Rollen.Zorgcoordinator, id, 2)).Waarde);
        var nogmaals = await AfmeldenAlsAsync(zco, Rollen.Zorgcoordinator, id, 3);
        Assert.Equal((FoutSoort.Conflict, Signalering.AlAfgemeld), (nogmaals.Fout?.Soort, nogmaals.Fout?.Melding));
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            var rij = await db.Signaleringen.SingleAsync(x => x.Id == id);
            Assert.Equal(((DateOnly?)Vandaag, (AfmeldReden?)AfmeldReden.ZorgAfgerond, (Guid?)zco.Id), (rij.AfgemeldOp, rij.AfmeldReden, rij.AfgemeldDoor));
        }
        // Once removed, a new concern may be registered again.
        Assert.True((await RegistreerAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling.Id))).IsGelukt);
    }

    [Fact]
    public async Task The_reminders_list_what_is_due_within_eight_weeks_or_overdue_oldest_first()
    {
        var (s, zco, _) = await SchoolAsync("Verwijs termijnen");
        Signalering Rij(Leerling l, DateOnly op, DateOnly? afgemeld = null) => new()
        {
            LeerlingId = l.Id, Naam = l.VolledigeNaam, Geboortedatum = l.Geboortedatum, GesignaleerdOp = op, DoorId = zco.Id, DoorNaam = "Z",
            Contactpersoon = "Z", ContactTelefoonOfEmail = "z@test.example", VastgelegdOp = DateTimeOffset.UtcNow, AfgemeldOp = afgemeld,
        };
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Signaleringen.AddRange(
                Rij(s.Leerlingen[1], Vandaag.AddYears(-2).AddDays(-10)),
                Rij(s.Leerlingen[2], Vandaag.AddYears(-2).AddDays(30)),
                Rij(s.Leerlingen[2], Vandaag.AddYears(-2).AddDays(-40), afgemeld: Vandaag.AddDays(-60)),
                Rij(s.Leerlingen[1], Vandaag.AddYears(-1), afgemeld: Vandaag.AddDays(-1)));
            await db.SaveChangesAsync();
        }
        var pagina = await TermijnenAlsAsync(zco, Rollen.Zorgcoordinator);
        Assert.True(pagina.IsGelukt, pagina.Fout?.Melding);
        Assert.Equal(2, pagina.Waarde.Totaal);
        Assert.Equal([(s.Leerlingen[1].Id, Termijnstand.Verlopen), (s.Leerlingen[2].Id, Termijnstand.Binnenkort)],
            pagina.Waarde.Regels.Select(r => (r.LeerlingId, r.Stand)));
        // Another school's zorgcoördinator sees none of them.
        var andere = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        Assert.DoesNotContain((await TermijnenAlsAsync(andere, Rollen.Zorgcoordinator)).Waarde!.Regels, r => r.LeerlingId == s.Leerlingen[1].Id);
        await using var check = fixture.App.ContextFor(s.School.Id);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.GebruikerId == zco.Id && a.LeerlingId == s.Leerlingen[1].Id && a.Detail.Contains("termijnen")));
    }

    [Fact]
    public async Task The_zorgcoordinator_of_another_school_finds_neither_the_student_nor_the_registration()
    {
        var a = fixture.A;
        var zcoB = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        Assert.Equal(FoutSoort.NietGevonden, (await RegistreerAlsAsync(zcoB, Rollen.Zorgcoordinator, Invoer(a.Leerlingen[2].Id))).Fout?.Soort);
        var seed = await SeedSignaleringAsync(a);
        Assert.Equal(FoutSoort.NietGevonden, (await AfmeldenAlsAsync(zcoB, Rollen.Zorgcoordinator, seed.Id, seed.Versie)).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await KaartAlsAsync(zcoB, Rollen.Zorgcoordinator, a.Leerlingen[0].Id)).Fout?.Soort);
        Assert.Null((await SeedSignaleringAsync(a)).AfgemeldOp);
    }

    [Theory]
    [InlineData("\0\0\u0001", "0317123456", "Vul de contactpersoon in")]
    [InlineData("M. Jansen", "\0", "telefoonnummer of e-mailadres")]
    [InlineData("M. Jansen", "belt u maar terug", "geen andere tekst")]
    public async Task Bad_input_gets_a_Dutch_message_and_stores_nothing(string contactpersoon, string contact, string melding)
    {
        var (s, zco, leerling) = await SchoolAsync("Verwijs invoer " + melding.Length);
        var result = await RegistreerAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling.Id, contactpersoon, contact));
        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        Assert.Contains(melding, result.Fout!.Melding, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await AantalAsync(s.School.Id, leerling.Id));
    }

    [Fact]
    public async Task A_pasted_100k_text_is_refused_with_the_maximum()
    {
        var (s, zco, leerling) = await SchoolAsync("Verwijs groot");
        var groot = new string('x', 100_000);
        var result = await RegistreerAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling.Id, groot, groot));
        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        Assert.Contains("Hooguit 150 tekens.", result.Fout!.Melding);
        Assert.Contains("Hooguit 200 tekens.", result.Fout!.Melding);
        var id = (await RegistreerAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling.Id))).Waarde;
        await using var scope = fixture.App.ScopeAs(zco, Rollen.Zorgcoordinator);
        var match = await scope.ServiceProvider.GetRequiredService<MatchVastleggenHandler>().HandleAsync(new MatchInvoer
        {
            SignaleringId = id, Versie = 1, Op = Schooldag.Picker, Organisatie = groot,
        });
        Assert.Contains("Hooguit 150 tekens.", match.Fout?.Melding);
        var goed = await scope.ServiceProvider.GetRequiredService<MatchVastleggenHandler>().HandleAsync(new MatchInvoer
        {
            SignaleringId = id, Versie = 1, Op = Schooldag.Picker, Organisatie = " Jeugdteam\0 Ede ",
        });
        Assert.Equal(2, goed.Waarde);
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.Equal("Jeugdteam Ede", Assert.Single((await db.Signaleringen.SingleAsync(x => x.Id == id)).Matches).Organisatie);
    }
}
