using System.Text;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Tests.Features.Import;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leerlingzorg.Web.Tests.Invoer;

/// <summary>
/// No dossier text, name or other free text in any log line: realistic operations that succeed and fail, with texts
/// that occur nowhere else, run through the real application; then the run's log files are searched for them.
/// </summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class GeenDossierInLogsTests(ImportFixture fixture) : IClassFixture<ImportFixture>
{
    private static readonly string LogMap = Path.Combine(Path.GetTempPath(), "leerlingzorg-test-logs");

    [Fact]
    public async Task Names_and_a_samenvatting_from_failing_and_succeeding_operations_never_reach_the_log_files()
    {
        // Distinct per run, so that older log files cannot hide or fake a hit.
        var code = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var voornaam = "Wendelmoet" + code;
        var achternaam = "Zwanenburg" + code;
        var samenvatting = "Vertelde over de scheiding thuis " + code;
        var nummer = "LG" + code;
        var school = await fixture.SchoolAsync("Logschool " + code);
        var mentor = school.Scenario.Mentor;
        var leerling = school.Scenario.Leerlingen[0];

        await using (var scope = fixture.AlsBeheerder(school))
        {
            var opslaan = scope.ServiceProvider.GetRequiredService<LeerlingOpslaanHandler>();
            var invoer = new LeerlingInvoer
            {
                Leerlingnummer = nummer, Voornaam = voornaam + "\0", Achternaam = achternaam,
                Geboortedatum = new DateTime(2012, 9, 3), Inschrijfdatum = new DateTime(2025, 8, 20),
            };
            Assert.True((await opslaan.HandleAsync(invoer)).IsGelukt);
            // Refused: the number is taken, the name too long.
            Assert.False((await opslaan.HandleAsync(new LeerlingInvoer
            {
                Leerlingnummer = nummer, Voornaam = voornaam + new string('x', 200), Achternaam = achternaam,
                Geboortedatum = new DateTime(2012, 9, 3), Inschrijfdatum = new DateTime(2025, 8, 20),
            })).IsGelukt);
        }
        await using (var scope = fixture.App.ScopeAs(mentor, Rollen.Mentor))
        {
            var invoer = new GesprekInvoer { LeerlingIds = [leerling.Id], Datum = Schooldag.Picker, Samenvatting = samenvatting + "\0", WatKanIk = voornaam };
            Assert.True((await scope.ServiceProvider.GetRequiredService<ConceptOpslaanHandler>().HandleAsync(ConceptSleutel.Nieuw(leerling.Id), invoer)).IsGelukt);
            invoer.SoortId = Guid.NewGuid();
            Assert.False((await scope.ServiceProvider.GetRequiredService<GesprekVastleggenHandler>().HandleAsync(invoer)).IsGelukt);
        }
        // An import whose rows name the student, one of them refused (a date that does not exist).
        var import = await fixture.ImporteerAsync(school, ImportFixture.Csv(
            $"{nummer};{voornaam};;{achternaam};5-3-2012;1A;;;;;;",
            $"LH{code};{voornaam};;{achternaam};31-02-2012;1A;;;;;;"));
        Assert.Equal(1, import.Samenvatting!.Fouten);

        // Failures inside PostgreSQL quote the row: a draft that is not JSON (22P02, its JSON in WHERE) and a
        // duplicate number (23505, the key in DETAIL). The circuit logs such an exception when it ends.
        var rauw = new List<string>();
        var circuit = fixture.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Components.Server.Circuits.CircuitHost");
        foreach (var fout in new Func<LeerlingzorgDbContextActie>[]
                 {
                     () => db => db.GesprekConcepten.Add(new GesprekConcept
                     {
                         AuteurId = mentor.Id, Sleutel = "nieuw", Inhoud = "{\"samenvatting\":\"" + samenvatting + "\" " + voornaam + "}",
                         BijgewerktOp = DateTimeOffset.UtcNow,
                     }),
                     () => db => db.Leerlingen.Add(new Leerling
                     {
                         Leerlingnummer = nummer, Voornaam = voornaam, Achternaam = achternaam, Geboortedatum = new DateOnly(2012, 1, 1),
                     }),
                 })
        {
            await using var db = fixture.App.ContextFor(school.Id);
            fout()(db);
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            rauw.Add(e.ToString());
#pragma warning disable CA1848, CA2254 // As the framework logs it.
            circuit.LogError(e, "Unhandled exception in circuit '{CircuitId}'.", "test");
#pragma warning restore CA1848, CA2254
        }

        // Without the log policy these would have been written: the exception's text lists PostgreSQL's WHERE,
        // which quotes the draft.
        Assert.Contains(rauw, r => r.Contains(voornaam, StringComparison.Ordinal));
        var regels = LogRegels();
        Assert.Contains(regels, r => r.Contains("SQLSTATE 22P02", StringComparison.Ordinal));
        Assert.Contains(regels, r => r.Contains("SQLSTATE 23505", StringComparison.Ordinal));
        foreach (var tekst in new[] { voornaam, achternaam, samenvatting, nummer, "scheiding thuis " + code })
        {
            Assert.DoesNotContain(regels, r => r.Contains(tekst, StringComparison.Ordinal));
        }
    }

    private static List<string> LogRegels()
    {
        var regels = new List<string>();
        foreach (var bestand in Directory.EnumerateFiles(LogMap, "*.log"))
        {
            using var stream = new FileStream(bestand, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (reader.ReadLine() is { } regel)
            {
                regels.Add(regel);
            }
        }
        return regels;
    }

    private delegate void LeerlingzorgDbContextActie(Web.Infrastructure.Persistence.LeerlingzorgDbContext db);
}
