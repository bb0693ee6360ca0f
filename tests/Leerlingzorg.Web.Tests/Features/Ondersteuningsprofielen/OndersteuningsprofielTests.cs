using System.Net;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuningsprofielen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Ondersteuningsprofielen;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Leerlingzorg.Web.Tests.Features.Ondersteuningsprofielen;

/// <summary>
/// Issue 12: the school's ondersteuningsprofiel (zorgcoördinator and beheerder edit and publish, other staff read) and the
/// public overview without login, which reads only the published copies and shows no personal data.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class OndersteuningsprofielTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    private static ProfielGegevens Gegevens(string structuur = "De mentor is het eerste aanspreekpunt; de zorgcoördinator coördineert de extra ondersteuning.")
    {
        var gegevens = new ProfielGegevens
        {
            Ondersteuningsstructuur = structuur, VeiligeOmgeving = "Anti-pestprotocol en vertrouwenspersonen.", Adres = "Dijkstraat 12, Utrecht",
            Telefoon = "030 123 4567", Website = "https://www.school.example", Email = "info@school.example",
        };
        var dyslexie = gegevens.Expertises.Single(e => e.Expertise == Expertise.Dyslexie);
        dyslexie.Gekozen = true;
        dyslexie.Omschrijving = "Voorleessoftware en extra tijd bij toetsen.";
        return gegevens;
    }

    [Theory]
    [InlineData(Rollen.Zorgcoordinator, true)]
    [InlineData(Rollen.Beheerder, true)]
    [InlineData(Rollen.Mentor, false)]
    [InlineData(Rollen.Docent, false)]
    [InlineData(Rollen.InternBegeleider, false)]
    public async Task Only_the_zorgcoordinator_and_the_beheerder_save_and_publish_while_every_staff_member_reads(string rol, bool mag)
    {
        var user = await Data.UserAsync(fixture.A.School.Id, rol);
        await using var scope = fixture.App.ScopeAs(user, rol);
        var scherm = await scope.ServiceProvider.GetRequiredService<ProfielLadenHandler>().HandleAsync();
        Assert.True(scherm.IsGelukt);
        Assert.Equal(mag, scherm.Waarde.MagBewerken);
        var opslaan = await scope.ServiceProvider.GetRequiredService<ProfielOpslaanHandler>().HandleAsync(Gegevens($"Structuur van {rol}."));
        var publiceren = await scope.ServiceProvider.GetRequiredService<ProfielPublicerenHandler>().HandleAsync();
        Assert.Equal(mag, opslaan.IsGelukt);
        Assert.Equal(mag, publiceren.IsGelukt);
        if (!mag)
        {
            Assert.Equal(FoutSoort.GeenToegang, opslaan.Fout!.Soort);
            Assert.Equal(FoutSoort.GeenToegang, publiceren.Fout!.Soort);
        }
    }

    [Fact]
    public async Task A_parent_reads_no_profile_page_data()
    {
        await using var scope = fixture.App.ScopeAs(fixture.A.OuderGebruiker, Rollen.Ouder);
        Assert.Equal(FoutSoort.GeenToegang, (await scope.ServiceProvider.GetRequiredService<ProfielLadenHandler>().HandleAsync()).Fout!.Soort);
    }

    [Fact]
    public async Task A_100k_paste_and_contact_details_in_public_text_get_a_Dutch_message_and_change_nothing()
    {
        var zc = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        await using var scope = fixture.App.ScopeAs(zc, Rollen.Zorgcoordinator);
        var opslaan = scope.ServiceProvider.GetRequiredService<ProfielOpslaanHandler>();
        var te = await opslaan.HandleAsync(Gegevens(new string('x', 100_000) + "\u0001"));
        Assert.Equal(FoutSoort.Ongeldig, te.Fout!.Soort);
        Assert.Contains("4.000", te.Fout.Melding, StringComparison.Ordinal);
        var contact = await opslaan.HandleAsync(Gegevens("Bel mevrouw Jansen op 06 12345678."));
        Assert.Equal(FoutSoort.Ongeldig, contact.Fout!.Soort);
        Assert.Contains("openbaar", contact.Fout.Melding, StringComparison.Ordinal);
        await using var db = fixture.App.ContextFor(fixture.B.School.Id);
        Assert.Equal("Mentor en zorgcoördinator", (await db.Ondersteuningsprofielen.SingleAsync()).Ondersteuningsstructuur);
    }

    [Fact]
    public async Task Publishing_copies_the_profile_audits_it_and_the_public_page_shows_it_without_login_and_without_personal_data()
    {
        var s = fixture.A;
        var zc = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        await using (var scope = fixture.App.ScopeAs(zc, Rollen.Zorgcoordinator))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ProfielOpslaanHandler>().HandleAsync(Gegevens())).IsGelukt);
            Assert.True((await scope.ServiceProvider.GetRequiredService<ProfielPublicerenHandler>().HandleAsync()).IsGelukt);
        }
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            var profiel = await db.Ondersteuningsprofielen.SingleAsync();
            Assert.NotNull(profiel.GepubliceerdOp);
            Assert.False(profiel.HeeftOngepubliceerdeWijzigingen);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == zc.Id && a.Actie == AuditActie.Wijzigen && EF.Functions.Like(a.Detail, "ondersteuningsprofiel gepubliceerd%")));
        }

        using var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync($"/scholen?swv={s.Swv.Id}&expertise=Dyslexie");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-naam=\"School A\"", html, StringComparison.Ordinal);
        Assert.Contains("Voorleessoftware en extra tijd bij toetsen.", html, StringComparison.Ordinal);
        Assert.Contains("Plannen en organiseren", html, StringComparison.Ordinal);
        // No student, parent, staff member or partner: names, numbers and addresses of people appear nowhere.
        foreach (var persoonlijk in s.Leerlingen.Select(l => l.Voornaam + " " + l.Achternaam)
                     .Concat(s.Leerlingen.Select(l => l.Voornaam)).Append(s.Ouder.Email!).Append(s.Mentor.Email!).Append(zc.Email!)
                     .Append("J. de Vries").Append("Leerling1").Append("Rust en structuur").Append(zc.Voornaam + " " + zc.Achternaam))
        {
            Assert.DoesNotContain(persoonlijk, html, StringComparison.OrdinalIgnoreCase);
        }
        // A filter that matches nothing: the empty state.
        var leeg = await client.GetStringAsync($"/scholen?swv={s.Swv.Id}&expertise=Nt2Isk");
        Assert.Contains("Geen school gevonden", leeg, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"publiek-school\"", leeg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_table_is_read_by_everyone_but_written_only_by_its_own_school()
    {
        var a = fixture.A.School.Id;
        var b = fixture.B.School.Id;
        await using (var db = fixture.App.ContextFor(b))
        {
            if (!await db.GepubliceerdeProfielen.AnyAsync(p => p.SchoolId == b))
            {
                db.GepubliceerdeProfielen.Add(new GepubliceerdProfiel
                {
                    SchoolId = b, SamenwerkingsverbandId = fixture.B.Swv.Id, SchoolNaam = "School B", Inhoud = new PubliekeInhoud(), GepubliceerdOp = DateTimeOffset.UnixEpoch,
                });
                await db.SaveChangesAsync();
            }
        }
        await using (var alsA = fixture.App.ContextFor(a))
        {
            // School A sees B's published row, but cannot change, delete or add one in B's name.
            Assert.True(await alsA.GepubliceerdeProfielen.AnyAsync(p => p.SchoolId == b));
            Assert.Equal(0, await alsA.Database.ExecuteSqlAsync($"UPDATE gepubliceerde_profielen SET school_naam = 'Gekaapt' WHERE school_id = {b}"));
            Assert.Equal(0, await alsA.Database.ExecuteSqlAsync($"DELETE FROM gepubliceerde_profielen WHERE school_id = {b}"));
            var ex = await Assert.ThrowsAsync<PostgresException>(() => alsA.Database.ExecuteSqlAsync(
                $"INSERT INTO gepubliceerde_profielen (school_id, samenwerkingsverband_id, school_naam, gepubliceerd_op, inhoud, expertise_codes, plaatsen, zoektekst) VALUES ({Guid.NewGuid()}, {fixture.A.Swv.Id}, 'Nep', now(), '{{}}', '{{}}', '{{}}', '')"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        }
        await using (var anoniem = fixture.App.ContextFor(null))
        {
            Assert.True(await anoniem.GepubliceerdeProfielen.AnyAsync(p => p.SchoolId == b));
            Assert.Equal(0, await anoniem.Database.ExecuteSqlAsync($"UPDATE gepubliceerde_profielen SET school_naam = 'Gekaapt' WHERE school_id = {b}"));
            // The school-owned draft stays closed to a connection without school.
            Assert.Empty(await anoniem.Ondersteuningsprofielen.IgnoreQueryFilters().ToListAsync());
        }
        await using var alsB = fixture.App.ContextFor(b);
        Assert.Equal("School B", (await alsB.GepubliceerdeProfielen.SingleAsync(p => p.SchoolId == b)).SchoolNaam);
    }
}
