using System.Diagnostics;
using System.Text;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Import;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Afspraken;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Features.Import;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Features.Medewerkers;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Features.Zoeken;
using Leerlingzorg.Web.Tests.Features.Import;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Leerlingzorg.Web.Tests.Invoer;

/// <summary>
/// Every form's validator and handler, and the import, fed malformed text through the real handlers against
/// PostgreSQL. Each outcome is a success with clean stored text or a Dutch message; never an exception (which in
/// the running app ends the user's circuit).
/// </summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class InvoerFuzzTests(ImportFixture fixture, ITestOutputHelper output) : IClassFixture<ImportFixture>
{
    /// <summary>NUL and C0/C1 controls, lone surrogates, 100k strings, RTL overrides, emoji, SQL-ish text, mojibake, whitespace.</summary>
    public static readonly IReadOnlyList<string> Kwaadaardig =
    [
        "\0", "Sa\0nne", "\0\0\0", new string('\0', 64), "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008", "\u000B\u000C\u000E\u001B\u001F",
        "\u007F\u0080\u0085\u009B\u009F", "Jan\tvan\r\nDijk", "\uD800", "\uDC00abc", "a\uD83D", "\uDE00\uD83D", "\u202Eevil\u202C", "\u2066x\u2069\u200F",
        "😀👩‍👩‍👧‍👦🇳🇱", "Zoë 😀 الطالب ﷽", new string('x', 100_000), new string('é', 100_000), string.Concat(Enumerable.Repeat("😀", 50_000)),
        new string('\0', 100_000), "'; DROP TABLE leerlingen; --", "\" OR 1=1 --", "%_\\%", "Robert'); DELETE FROM audit_entries;--",
        "Ã©Ã«Ã¯ CafÃ©", "â€œZoÃ«â€\u009D", "   ", "\t\n\r", "\u00A0\u2007\u202F\u3000", "", "<script>alert(1)</script>", "${jndi:ldap://x}",
        "\uFEFFBOM", "Ω≈ç√∫ \uFFFF\uFFFE", "NULL", "a\\u0000b",
    ];

    [Fact]
    public async Task A_thousand_malformed_values_through_every_form_and_the_import_give_0_unhandled_exceptions()
    {
        var klok = Stopwatch.StartNew();
        var school = await fixture.SchoolAsync("Fuzzschool");
        var s = school.Scenario;
        Guid voortgang, mentorgesprek, afdeling;
        var afspraken = new Queue<Guid>();
        var leerlingen = new Queue<Guid>();
        await using (var db = fixture.App.ContextFor(school.Id))
        {
            voortgang = await db.GesprekSoorten.Where(g => g.IsVoortgangsgesprek).Select(g => g.Id).FirstAsync();
            mentorgesprek = await db.GesprekSoorten.Where(g => !g.IsVoortgangsgesprek).Select(g => g.Id).FirstAsync();
            afdeling = await db.Afdelingen.Select(a => a.Id).FirstAsync();
            foreach (var _ in Kwaadaardig)
            {
                var afspraak = new Afspraak { LeerlingId = s.Leerlingen[0].Id, Wat = "Afronden", EigenaarId = s.Mentor.Id, AangemaaktOp = DateTimeOffset.UtcNow };
                db.Afspraken.Add(afspraak);
                afspraken.Enqueue(afspraak.Id);
                var leerling = new Domain.Leerlingen.Leerling
                {
                    Leerlingnummer = $"FZ{afspraken.Count:D4}", Voornaam = "Fuzz", Achternaam = "Uitschrijven", Geboortedatum = new DateOnly(2012, 1, 1),
                    KlasId = s.Klas.Id, Inschrijfdatum = new DateOnly(2025, 8, 1),
                };
                db.Leerlingen.Add(leerling);
                leerlingen.Enqueue(leerling.Id);
            }
            await db.SaveChangesAsync();
        }
        var nummer = 0;
        string Nummer() => $"F{Interlocked.Increment(ref nummer):D5}";
        var vandaag = Schooldag.Picker;

        await using var beheer = fixture.AlsBeheerder(school);
        await using var mentor = fixture.App.ScopeAs(s.Mentor, Rollen.Mentor);
        T B<T>() where T : notnull => beheer.ServiceProvider.GetRequiredService<T>();
        T M<T>() where T : notnull => mentor.ServiceProvider.GetRequiredService<T>();
        LeerlingInvoer Leerling() => new()
        {
            Leerlingnummer = Nummer(), Voornaam = "Sanne", Achternaam = "Dijk", Geboortedatum = new DateTime(2012, 9, 3), Inschrijfdatum = new DateTime(2025, 8, 20),
        };
        OuderInvoer Ouder() => new() { LeerlingId = s.Leerlingen[1].Id, Voornaam = "Ans", Achternaam = "Dijk", Relatie = Domain.Leerlingen.OuderRelatie.Moeder };
        Uitnodiging Uitnodiging() => new() { Voornaam = "Piet", Achternaam = "Jansen", Email = $"{Nummer()}@fuzz.example", Rollen = [Rollen.Docent] };
        GesprekInvoer Gesprek(Guid soort) => new()
        {
            SoortId = soort, Datum = vandaag, LeerlingIds = [s.Leerlingen[2].Id], Samenvatting = "Goed gesprek",
            Afspraken = [new AfspraakInvoer { Wat = "Plannen", EigenaarId = s.Mentor.Id }],
        };

        // One form field each: how to put a value in it and submit the form through its handler.
        var velden = new (string Naam, Func<string, Task<Fout?>> Verstuur)[]
        {
            ("leerling.leerlingnummer", async v => { var i = Leerling(); i.Leerlingnummer = v; return (await B<LeerlingOpslaanHandler>().HandleAsync(i)).Fout; }),
            ("leerling.voornaam", async v => { var i = Leerling(); i.Voornaam = v; return (await B<LeerlingOpslaanHandler>().HandleAsync(i)).Fout; }),
            ("leerling.tussenvoegsel", async v => { var i = Leerling(); i.Tussenvoegsel = v; return (await B<LeerlingOpslaanHandler>().HandleAsync(i)).Fout; }),
            ("leerling.achternaam", async v => { var i = Leerling(); i.Achternaam = v; return (await B<LeerlingOpslaanHandler>().HandleAsync(i)).Fout; }),
            ("ouder.voornaam", async v => { var i = Ouder(); i.Voornaam = v; return (await B<OuderOpslaanHandler>().HandleAsync(i)).Fout; }),
            ("ouder.tussenvoegsel", async v => { var i = Ouder(); i.Tussenvoegsel = v; return (await B<OuderOpslaanHandler>().HandleAsync(i)).Fout; }),
            ("ouder.achternaam", async v => { var i = Ouder(); i.Achternaam = v; return (await B<OuderOpslaanHandler>().HandleAsync(i)).Fout; }),
            ("ouder.email", async v => { var i = Ouder(); i.Email = v; return (await B<OuderOpslaanHandler>().HandleAsync(i)).Fout; }),
            ("ouder.telefoon", async v => { var i = Ouder(); i.Telefoon = v; return (await B<OuderOpslaanHandler>().HandleAsync(i)).Fout; }),
            ("ouder.voorkeurstaal", async v => { var i = Ouder(); i.Voorkeurstaal = v; return (await B<OuderOpslaanHandler>().HandleAsync(i)).Fout; }),
            ("uitschrijven.reden", async v => (await B<LeerlingUitschrijvenHandler>().HandleAsync(new UitschrijvenInvoer
                { LeerlingId = leerlingen.Dequeue(), Datum = vandaag, Reden = v })).Fout),
            ("medewerker.voornaam", async v => (await B<MedewerkerUitnodigenHandler>().HandleAsync(Uitnodiging() with { Voornaam = v }, new Uri("https://school.example/"))).Fout),
            ("medewerker.tussenvoegsel", async v => (await B<MedewerkerUitnodigenHandler>().HandleAsync(Uitnodiging() with { Tussenvoegsel = v }, new Uri("https://school.example/"))).Fout),
            ("medewerker.achternaam", async v => (await B<MedewerkerUitnodigenHandler>().HandleAsync(Uitnodiging() with { Achternaam = v }, new Uri("https://school.example/"))).Fout),
            ("medewerker.email", async v => (await B<MedewerkerUitnodigenHandler>().HandleAsync(Uitnodiging() with { Email = v }, new Uri("https://school.example/"))).Fout),
            ("medewerkers.zoeken", async v => (await B<MedewerkersOverzichtHandler>().HandleAsync(new MedewerkersZoekopdracht(v))).Fout),
            ("locatie.naam", async v => (await B<LocatieOpslaanHandler>().HandleAsync(new LocatieGegevens { Naam = v + Nummer(), Plaats = "Ede" })).Fout),
            ("locatie.plaats", async v => (await B<LocatieOpslaanHandler>().HandleAsync(new LocatieGegevens { Naam = Nummer(), Plaats = v })).Fout),
            ("afdeling.naam", async v => (await B<AfdelingOpslaanHandler>().HandleAsync(new AfdelingGegevens { Naam = v })).Fout),
            ("klas.naam", async v => (await B<KlasOpslaanHandler>().HandleAsync(new KlasGegevens
                { Naam = v, Leerjaar = 1, AfdelingId = afdeling, LocatieId = s.Locatie.Id, MentorIds = [s.Mentor.Id], Schooljaar = TestData.HuidigSchooljaar })).Fout),
            ("lesopdracht.vak", async v => (await B<LesopdrachtOpslaanHandler>().HandleAsync(new LesopdrachtGegevens { KlasId = s.Klas.Id, MedewerkerId = s.Docent.Id, Vak = v })).Fout),
            ("gesprekssoort.naam", async v => (await B<GesprekSoortOpslaanHandler>().HandleAsync(new GesprekSoortGegevens { Naam = v, Volgorde = 5 })).Fout),
            ("leerlingen.zoeken", async v => { await B<LeerlingenLijstHandler>().HandleAsync(new LeerlingenVraag(Naam: v)); return null; }),
            ("zoeken", async v => { await M<LeerlingZoekenHandler>().HandleAsync(v); return null; }),
            ("afspraak.evaluatie", async v => (await M<AfspraakAfrondenHandler>().HandleAsync(new AfrondenInvoer { AfspraakId = afspraken.Dequeue(), Evaluatie = v })).Fout),
            ("gesprek.samenvatting", async v => { var i = Gesprek(mentorgesprek); i.Samenvatting = v; return (await M<GesprekVastleggenHandler>().HandleAsync(i)).Fout; }),
            ("gesprek.anderedeelnemers", async v => { var i = Gesprek(mentorgesprek); i.AndereDeelnemers = v; return (await M<GesprekVastleggenHandler>().HandleAsync(i)).Fout; }),
            ("gesprek.afspraak", async v => { var i = Gesprek(mentorgesprek); i.Afspraken[0].Wat = v; return (await M<GesprekVastleggenHandler>().HandleAsync(i)).Fout; }),
            ("gesprek.watgaatgoed", async v => { var i = Gesprek(voortgang); i.WatGaatGoed = v; return (await M<GesprekVastleggenHandler>().HandleAsync(i)).Fout; }),
            ("concept.samenvatting", async v => { var i = Gesprek(mentorgesprek); i.Samenvatting = v;
                return (await M<ConceptOpslaanHandler>().HandleAsync(ConceptSleutel.Nieuw(s.Leerlingen[2].Id), i)).Fout; }),
            ("concept.wiekanmijhelpen", async v => { var i = Gesprek(voortgang); i.WieKanMijDaarbijHelpen = v;
                return (await M<ConceptOpslaanHandler>().HandleAsync(ConceptSleutel.Nieuw(s.Leerlingen[1].Id), i)).Fout; }),
        };

        var pogingen = 0;
        var crashes = new List<string>();
        var gelukt = 0;
        foreach (var (naam, verstuur) in velden)
        {
            for (var i = 0; i < Kwaadaardig.Count; i++)
            {
                pogingen++;
                try
                {
                    var fout = await verstuur(Kwaadaardig[i]);
                    if (fout is null)
                    {
                        gelukt++;
                    }
                    else if (fout.Soort is not (FoutSoort.Ongeldig or FoutSoort.Conflict) || string.IsNullOrWhiteSpace(fout.Melding))
                    {
                        crashes.Add($"{naam} #{i}: {fout.Soort} '{fout.Melding}'");
                    }
                }
#pragma warning disable CA1031 // Counting every exception is the point.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    crashes.Add($"{naam} #{i}: {e.GetType().Name} {e.Message[..Math.Min(200, e.Message.Length)]}");
                }
            }
        }

        // The import: every value in every text column of a row of its own, checked, dry-run and imported.
        var rijen = new List<string>();
        var kolommen = new[] { 1, 2, 3, 6, 8, 9, 10 };
        foreach (var waarde in Kwaadaardig)
        {
            var csvWaarde = "\"" + waarde.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            foreach (var kolom in kolommen)
            {
                var cellen = new[] { Nummer(), "Imp", "", "Ort", "5-3-2012", "1A", "Ans", "", "Ort", "", "", "moeder" };
                cellen[kolom] = csvWaarde;
                rijen.Add(string.Join(';', cellen));
                pogingen++;
            }
        }
        var csv = ImportFixture.Csv([.. rijen]);
        try
        {
            await using var scope = fixture.AlsBeheerder(school);
            var inhoud = Encoding.UTF8.GetBytes(csv);
            var info = await scope.ServiceProvider.GetRequiredService<ImportVoorbereidenHandler>().HandleAsync(inhoud, "fuzz.csv");
            Assert.True(info.IsGelukt, info.Fout?.Melding);
            var controle = await scope.ServiceProvider.GetRequiredService<ImportControlerenHandler>().HandleAsync(inhoud, "fuzz.csv", info.Waarde!.Koppeling);
            Assert.True(controle.IsGelukt, controle.Fout?.Melding);
            Assert.All(controle.Waarde!.FoutRijen, r => Assert.All(r.Meldingen, m => Assert.StartsWith("Rij ", m, StringComparison.Ordinal)));
            foreach (var proefdraai in new[] { true, false })
            {
                var detail = await fixture.ImporteerAsync(school, csv, proefdraai, volledig: false);
                Assert.Equal(ImportStatus.Klaar, detail.Run.Status);
                Assert.Null(detail.Samenvatting!.Melding);
                Assert.Equal(controle.Waarde.Geldig, detail.Samenvatting.Nieuw + detail.Samenvatting.Bijgewerkt + detail.Samenvatting.Ongewijzigd);
            }
        }
#pragma warning disable CA1031
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
#pragma warning restore CA1031
        {
            crashes.Add($"import: {e.GetType().Name}");
        }

        // What was stored is clean: no control character, no lone surrogate, no line break in a one-line field.
        await using (var db = fixture.App.ContextFor(school.Id))
        {
            var regels = new List<string?>();
            regels.AddRange((await db.Leerlingen.Select(l => new[] { l.Leerlingnummer, l.Voornaam, l.Tussenvoegsel, l.Achternaam }).ToListAsync()).SelectMany(x => x));
            regels.AddRange((await db.Ouders.Select(o => new[] { o.Voornaam, o.Tussenvoegsel, o.Achternaam, o.Email, o.Telefoon, o.Voorkeurstaal }).ToListAsync()).SelectMany(x => x));
            regels.AddRange(await db.Locaties.Select(l => l.Naam + l.Plaats).ToListAsync());
            regels.AddRange(await db.Afdelingen.Select(a => a.Naam).ToListAsync());
            regels.AddRange(await db.Klassen.Select(k => k.Naam).ToListAsync());
            regels.AddRange(await db.Lesopdrachten.Select(l => l.Vak).ToListAsync());
            regels.AddRange(await db.GesprekSoorten.Select(g => g.Naam).ToListAsync());
            regels.AddRange(await db.Users.Where(u => u.SchoolId == school.Id).Select(u => u.Voornaam + u.Tussenvoegsel + u.Achternaam + u.Email).ToListAsync());
            var vrij = new List<string?>();
            vrij.AddRange((await db.Gesprekken.Select(g => new[] { g.Samenvatting, g.AndereDeelnemers, g.Voortgang!.WatGaatGoed }).ToListAsync()).SelectMany(x => x));
            vrij.AddRange((await db.Afspraken.Select(a => new[] { a.Wat, a.Evaluatie }).ToListAsync()).SelectMany(x => x));
            vrij.AddRange(await db.Leerlingen.Select(l => l.Uitschrijfreden).ToListAsync());
            var concepten = await db.GesprekConcepten.Select(c => c.Inhoud).ToListAsync();

            Assert.All(regels, t => Assert.True(Tekst.IsVeilig(t) && t?.IndexOfAny(['\n', '\r', '\t']) is null or -1, $"niet schoon: {Zichtbaar(t)}"));
            Assert.All(vrij, t => Assert.True(Tekst.IsVeilig(t), $"niet schoon: {Zichtbaar(t)}"));
            Assert.All(concepten.SelectMany(JsonTeksten), t => Assert.True(Tekst.IsVeilig(t), $"concept niet schoon: {Zichtbaar(t)}"));
            Assert.All(vrij, t => Assert.True((t?.Length ?? 0) <= GesprekInvoerValidator.MaxSamenvatting));
        }

        output.WriteLine($"{pogingen} kwaadaardige waarden, {gelukt} opgeslagen of gezocht, {klok.Elapsed.TotalSeconds:0.0} s");
        Assert.True(pogingen >= 1000, $"{pogingen} waarden");
        Assert.Empty(crashes);
        Assert.True(gelukt > 100, $"only {gelukt} values were accepted: the forms refuse too much");
    }

    private static IEnumerable<string> JsonTeksten(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return Teksten(document.RootElement).ToList();

        static IEnumerable<string> Teksten(System.Text.Json.JsonElement element) => element.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => [element.GetString()!],
            System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Teksten(p.Value)),
            System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(Teksten),
            _ => [],
        };
    }

    private static string Zichtbaar(string? tekst) =>
        tekst is null ? "null" : string.Concat(tekst.Take(40).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
