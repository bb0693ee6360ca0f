using System.Text;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Import;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Features.Import;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Tests.Features.Import;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Leerlingzorg.Web.Tests.Invoer;

/// <summary>
/// Bad input found by trying the product: a NUL in a name, a NUL pasted into a gesprek, an import row with a NUL, a
/// file with a UTF-8 BOM and Windows-1252 text. Each is cleaned or answered in Dutch; none throws.
/// </summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class OnveiligeInvoerTests(ImportFixture fixture) : IClassFixture<ImportFixture>
{
    private static int volgnummer;

    private static string NieuwNummer() => $"N{Interlocked.Increment(ref volgnummer):D5}";

    private static LeerlingInvoer Leerling(string voornaam) => new()
    {
        Leerlingnummer = NieuwNummer(), Voornaam = voornaam, Achternaam = "Dijk",
        Geboortedatum = new DateTime(2012, 9, 3), Inschrijfdatum = new DateTime(2025, 8, 20),
    };

    [Fact]
    public async Task A_NUL_in_a_students_voornaam_is_removed_before_saving_instead_of_failing_the_save()
    {
        var school = await fixture.SchoolAsync("Nul in naam");
        await using var scope = fixture.AlsBeheerder(school);
        var result = await scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>().HandleAsync(Leerling("Sa\0nne\u202E"));

        Assert.True(result.IsGelukt, result.Fout?.Melding);
        await using var db = fixture.App.ContextFor(school.Id);
        Assert.Equal("Sanne", (await db.Leerlingen.SingleAsync(l => l.Id == result.Waarde)).Voornaam);
    }

    [Theory]
    [InlineData("\0\0\0", "Vul de voornaam in.")]
    [InlineData(" \u0001\t ", "Vul de voornaam in.")]
    public async Task A_voornaam_of_only_control_characters_counts_as_empty(string voornaam, string melding)
    {
        var school = await fixture.SchoolAsync("Leeg na schoonmaken " + voornaam.Length);
        await using var scope = fixture.AlsBeheerder(school);
        var result = await scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>().HandleAsync(Leerling(voornaam));

        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        Assert.Contains(melding, result.Fout!.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_100000_character_voornaam_is_answered_with_the_Dutch_maximum()
    {
        var school = await fixture.SchoolAsync("Lange naam");
        await using var scope = fixture.AlsBeheerder(school);
        var handler = scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>();
        var invoer = Leerling(new string('a', 100_000));

        var velden = (await handler.Validator.ValidateAsync(invoer)).Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToList();
        Assert.Contains(("Voornaam", "Een voornaam heeft hooguit 100 tekens."), velden);
        Assert.Equal(FoutSoort.Ongeldig, (await handler.HandleAsync(invoer)).Fout?.Soort);
    }

    [Fact]
    public void The_circuit_accepts_a_message_as_large_as_a_maximal_samenvatting_with_escapes()
    {
        // ComponentHub is internal: its options are found by name.
        var hub = Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server", throwOnError: true)!;
        var optionsType = typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub));
        var options = (HubOptions)optionsType.GetProperty("Value")!.GetValue(fixture.App.Services.GetRequiredService(optionsType))!;

        // 20,000 characters, each at most 7 bytes once escaped twice (a NUL: \u0000 inside the event's JSON, escaped again).
        Assert.True(options.MaximumReceiveMessageSize >= GesprekInvoerValidator.MaxSamenvatting * 7,
            $"MaximumReceiveMessageSize is {options.MaximumReceiveMessageSize}");
    }

    [Fact]
    public async Task A_draft_with_a_pasted_NUL_is_saved_cleaned_instead_of_failing_in_jsonb()
    {
        var school = await fixture.SchoolAsync("Concept met nul");
        var leerling = school.Scenario.Leerlingen[0];
        await using var scope = fixture.App.ScopeAs(school.Scenario.Mentor, Rollen.Mentor);
        var sleutel = ConceptSleutel.Nieuw(leerling.Id);
        var invoer = new GesprekInvoer
        {
            LeerlingIds = [leerling.Id], Datum = Schooldag.Picker, Samenvatting = "Eerste regel\0\nTweede regel", WatKanIk = "Plannen\0",
            Afspraken = [new AfspraakInvoer { Wat = "Agenda\0 bijhouden" }],
        };

        var result = await scope.ServiceProvider.GetRequiredService<ConceptOpslaanHandler>().HandleAsync(sleutel, invoer);

        Assert.True(result.IsGelukt, result.Fout?.Melding);
        var terug = await scope.ServiceProvider.GetRequiredService<ConceptOphalenHandler>().HandleAsync(sleutel);
        Assert.Equal("Eerste regel\nTweede regel", terug?.Invoer.Samenvatting);
        Assert.Equal("Plannen", terug?.Invoer.WatKanIk);
        Assert.Equal("Agenda bijhouden", terug?.Invoer.Afspraken.Single().Wat);
    }

    [Fact]
    public async Task A_draft_larger_than_any_form_can_be_is_refused_in_Dutch_without_throwing()
    {
        var school = await fixture.SchoolAsync("Te groot concept");
        var leerling = school.Scenario.Leerlingen[0];
        await using var scope = fixture.App.ScopeAs(school.Scenario.Mentor, Rollen.Mentor);
        var invoer = new GesprekInvoer { LeerlingIds = [leerling.Id], Samenvatting = new string('\0', 100_000) + new string('é', 200_000) };

        var result = await scope.ServiceProvider.GetRequiredService<ConceptOpslaanHandler>().HandleAsync(ConceptSleutel.Nieuw(leerling.Id), invoer);

        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        Assert.Contains("te groot", result.Fout!.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gesprek_with_NUL_in_its_samenvatting_voortgang_and_afspraak_is_saved_cleaned()
    {
        var school = await fixture.SchoolAsync("Gesprek met nul");
        var leerling = school.Scenario.Leerlingen[0];
        Guid voortgang;
        await using (var db = fixture.App.ContextFor(school.Id))
        {
            voortgang = await db.GesprekSoorten.Where(s => s.IsVoortgangsgesprek).Select(s => s.Id).FirstAsync();
        }
        await using var scope = fixture.App.ScopeAs(school.Scenario.Mentor, Rollen.Mentor);
        var result = await scope.ServiceProvider.GetRequiredService<GesprekVastleggenHandler>().HandleAsync(new GesprekInvoer
        {
            SoortId = voortgang, Datum = Schooldag.Picker, LeerlingIds = [leerling.Id], Samenvatting = "Goed\0 gesprek\u0085",
            AndereDeelnemers = "Opa\0\nOma", WatGaatGoed = "Rekenen\0",
            Afspraken = [new AfspraakInvoer { Wat = "Huiswerk\0 plannen", EigenaarId = school.Scenario.Mentor.Id }],
        });

        Assert.True(result.IsGelukt, result.Fout?.Melding);
        await using var lees = fixture.App.ContextFor(school.Id);
        var gesprek = await lees.Gesprekken.Include(g => g.Afspraken).SingleAsync(g => g.Id == result.Waarde);
        Assert.Equal(("Goed gesprek", "Opa Oma", "Rekenen", "Huiswerk plannen"),
            (gesprek.Samenvatting, gesprek.AndereDeelnemers, gesprek.Voortgang?.WatGaatGoed, gesprek.Afspraken.Single().Wat));
    }

    [Fact]
    public async Task An_import_row_with_a_NUL_passes_the_check_the_dry_run_and_the_import_cleaned()
    {
        var school = await fixture.SchoolAsync("Import met nul");
        var csv = ImportFixture.Csv(
            "70001;Ti\0m;;de\u0001 Vries;5-3-2012;1A;Ans\0;;Vries;ans@voorbeeld.nl;06 12345678;moeder",
            "70002;Evi;;Smit;1-1-2012;2B;;;;;;");
        await using (var scope = fixture.AlsBeheerder(school))
        {
            var inhoud = Encoding.UTF8.GetBytes(csv);
            var info = (await scope.ServiceProvider.GetRequiredService<ImportVoorbereidenHandler>().HandleAsync(inhoud, "export.csv")).Waarde!;
            var controle = await scope.ServiceProvider.GetRequiredService<ImportControlerenHandler>().HandleAsync(inhoud, "export.csv", info.Koppeling);
            Assert.Equal((2, 2, 0), (controle.Waarde!.Totaal, controle.Waarde.Geldig, controle.Waarde.Fouten));
            Assert.Equal("Tim de Vries", controle.Waarde.EersteRijen[0].Naam);
        }

        var proef = await fixture.ImporteerAsync(school, csv, proefdraai: true);
        Assert.Equal(ImportStatus.Klaar, proef.Run.Status);
        Assert.Null(proef.Samenvatting!.Melding);
        var echt = await fixture.ImporteerAsync(school, csv);
        Assert.Equal(ImportStatus.Klaar, echt.Run.Status);
        Assert.Equal(2, echt.Samenvatting!.Nieuw);

        await using var db = fixture.App.ContextFor(school.Id);
        var tim = await db.Leerlingen.Include(l => l.Ouders).ThenInclude(o => o.Ouder).SingleAsync(l => l.Leerlingnummer == "70001");
        Assert.Equal(("Tim", "de Vries", "Ans"), (tim.Voornaam, tim.Achternaam, tim.Ouders.Single().Ouder!.Voornaam));
    }

    [Fact]
    public async Task A_sign_in_with_a_NUL_or_a_lone_surrogate_in_the_e_mail_address_is_refused_calmly_not_with_HTTP_500()
    {
        // In code, not as attribute arguments: those cannot hold a lone surrogate.
        foreach (var email in new[] { "mentor\0@school.example", "mentor" + (char)0xD800 + "@school.example" })
        {
            var client = LoginClient.Create(fixture.App);

            var response = await LoginClient.LoginAsync(client, email, TestData.Wachtwoord);

            // The form is refused (400) or answered with "onjuist" (200); never a server error.
            Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode}");
            Assert.False(LoginClient.IsSignedIn(response));
        }
    }

    [Fact]
    public async Task A_query_with_a_NUL_or_a_lone_surrogate_in_a_parameter_finds_nothing_instead_of_failing()
    {
        var school = await fixture.SchoolAsync("Zoeken met nul");
        var zoek = "Leerling1\0";
        await using var db = fixture.App.ContextFor(school.Id);

        Assert.Equal(1, await db.Leerlingen.CountAsync(l => l.Voornaam == zoek));
        zoek = "Leerling1" + (char)0xD800;
        Assert.Equal(1, await db.Leerlingen.CountAsync(l => l.Voornaam == zoek));
        var email = "MENTOR\0@SCHOOL.EXAMPLE";
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == email));
    }

    [Fact]
    public void A_file_with_a_UTF8_BOM_and_Windows_1252_text_is_read_as_Windows_1252()
    {
        var csv = ImportFixture.Csv("70003;Zoë;;Façade;5-3-2012;1A;;;;;;");
        var inhoud = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(ImportBestandLezer.Windows1252.GetBytes(csv)).ToArray();

        var tabel = ImportBestandLezer.Lees(inhoud, "export.csv");

        Assert.True(tabel.IsGelukt, tabel.Fout?.Melding);
        var gelezen = tabel.Waarde!;
        Assert.Contains("Windows-1252", gelezen.Formaat, StringComparison.Ordinal);
        Assert.Equal(["70003", "Zoë", null, "Façade"], gelezen.Rijen.Single().Waarden.Take(4));
    }
}
