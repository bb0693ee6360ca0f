using System.Text;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Import;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Import;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Import;

/// <summary>Importing students and parents into a school against PostgreSQL, through the handlers and the background service.</summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class LeerlingenImportTests(ImportFixture fixture) : IClassFixture<ImportFixture>
{
    private static readonly string[] Vijf =
    [
        "50001;Zoë;van der;Berg;5-3-2012;1A;Marieke;van der;Berg;marieke@ouders.example;06 12345678;Moeder",
        "50002;François;;Çelik;2012-04-06;2B;Ahmet;;Çelik;ahmet@ouders.example;;Vader",
        "50003;Noël;de;Vries;7/5/2012;2B;;;;;;",
        "50004;Jörg;;Müller;08-06-2011;3H;Petra;;Müller;petra@ouders.example;;",
        "50005;Daan;;Jansen;40973;1a;Petra;;Müller;petra@ouders.example;;Verzorger",
    ];

    [Fact]
    public async Task A_first_import_adds_students_with_their_class_placement_and_parents_and_skips_bad_rows()
    {
        var school = await fixture.SchoolAsync("Eerste import");
        var detail = await fixture.ImporteerAsync(school, ImportFixture.Csv([
            .. Vijf,
            "50006;Sem;;Bakker;31-02-2012;1A;;;;;;",
            "50007;Evi;;Smit;1-1-2012;2Z;;;;;;",
            "50001;Zoë;van der;Berg;5-3-2012;1A;;;;;;",
        ]));

        Assert.Equal(ImportStatus.Klaar, detail.Run.Status);
        var s = detail.Samenvatting!;
        Assert.Equal((8, 5, 0, 0, 3), (s.Totaal, s.Nieuw, s.Bijgewerkt, s.Ongewijzigd, s.Fouten));
        var meldingen = s.FoutRegels.SelectMany(f => f.Meldingen).ToList();
        Assert.Contains("Rij 7: ongeldige geboortedatum '31-02-2012'", meldingen);
        Assert.Contains("Rij 8: onbekende klas '2Z'", meldingen);
        Assert.Contains("Rij 9: dubbele rij: leerlingnummer 50001 staat ook in rij 2", meldingen);

        await using var db = fixture.App.ContextFor(school.Id);
        var leerlingen = await db.Leerlingen.Where(l => EF.Functions.Like(l.Leerlingnummer, "5%")).OrderBy(l => l.Leerlingnummer).ToListAsync();
        Assert.Equal(["50001", "50002", "50003", "50004", "50005"], leerlingen.Select(l => l.Leerlingnummer));
        var zoe = leerlingen[0];
        Assert.Equal(("Zoë", "van der", "Berg"), (zoe.Voornaam, zoe.Tussenvoegsel, zoe.Achternaam));
        Assert.Equal(new DateOnly(2012, 3, 5), zoe.Geboortedatum);
        Assert.Equal(school.Klassen["1A"].Id, zoe.KlasId);
        Assert.Equal(LeerlingStatus.Ingeschreven, zoe.Status);
        Assert.Equal(Schooldag.Vandaag, zoe.Inschrijfdatum);
        Assert.Equal(school.Klassen["1A"].Id, leerlingen[4].KlasId);

        var plaatsingen = await db.KlasPlaatsingen.Where(p => leerlingen.Select(l => l.Id).Contains(p.LeerlingId)).ToListAsync();
        Assert.Equal(5, plaatsingen.Count);
        Assert.All(plaatsingen, p => Assert.Equal(TestData.HuidigSchooljaar, p.Schooljaar));
        Assert.Equal(school.Klassen["3H"].Id, plaatsingen.Single(p => p.LeerlingId == leerlingen[3].Id).KlasId);

        var ouders = await db.LeerlingOuders.Include(k => k.Ouder).Where(k => leerlingen.Select(l => l.Id).Contains(k.LeerlingId)).ToListAsync();
        var moeder = Assert.Single(ouders, k => k.LeerlingId == zoe.Id);
        Assert.Equal((OuderRelatie.Moeder, true, "Marieke", "06 12345678"), (moeder.Relatie, moeder.Gezag, moeder.Ouder!.Voornaam, moeder.Ouder.Telefoon));
        Assert.DoesNotContain(ouders, k => k.LeerlingId == leerlingen[2].Id);
        // Petra is the parent of two students in the file (siblings): one parent, linked twice; no relation means Verzorger.
        var petra = ouders.Where(k => k.Ouder!.Email == "petra@ouders.example").ToList();
        Assert.Equal(2, petra.Count);
        Assert.Single(petra.Select(k => k.OuderId).Distinct());
        Assert.Equal(OuderRelatie.Verzorger, petra.Single(k => k.LeerlingId == leerlingen[3].Id).Relatie);
        Assert.Equal((3, 4), (s.OudersNieuw, s.OudersGekoppeld));

        var run = await db.ImportRuns.SingleAsync(r => r.Id == detail.Run.Id);
        Assert.Equal((ImportStatus.Klaar, 8, 5, 3, false), (run.Status, run.Totaal, run.Nieuw, run.Fouten, run.Proefdraai));
        Assert.NotNull(run.KlaarOp);
        Assert.Contains("onbekende klas", run.Samenvatting, StringComparison.Ordinal);
        var koppeling = await db.ImportKoppelingen.SingleAsync(k => k.Soort == "leerlingen");
        Assert.Contains("Stamnummer", koppeling.KolommenJson, StringComparison.Ordinal);

        var audit = await db.AuditEntries.Where(a => a.GebruikerId == school.Beheerder.Id).ToListAsync();
        Assert.Equal(5, audit.Count(a => a.Actie == AuditActie.Aanmaken && a.LeerlingId != null));
        Assert.Contains(audit, a => a.LeerlingId == null && a.Detail.Contains("5 nieuw", StringComparison.Ordinal));
        Assert.All(audit, a => Assert.Equal(Rollen.Beheerder, a.Rol));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_never_duplicates()
    {
        var school = await fixture.SchoolAsync("Herhaling");
        var csv = ImportFixture.Csv(Vijf);
        await fixture.ImporteerAsync(school, csv);
        var tweede = (await fixture.ImporteerAsync(school, csv)).Samenvatting!;

        Assert.Equal((0, 0, 5, 0), (tweede.Nieuw, tweede.Bijgewerkt, tweede.Ongewijzigd, tweede.Fouten));
        await using var db = fixture.App.ContextFor(school.Id);
        Assert.Equal(5 + 3, await db.Leerlingen.CountAsync());
        Assert.Equal(3 + 1, await db.Ouders.CountAsync());
        Assert.Equal(5 + 3, await db.KlasPlaatsingen.CountAsync());
    }

    [Fact]
    public async Task A_changed_name_counts_as_Bijgewerkt_and_a_new_class_moves_the_placement()
    {
        var school = await fixture.SchoolAsync("Wijzigingen");
        await fixture.ImporteerAsync(school, ImportFixture.Csv(Vijf));
        var gewijzigd = Vijf.ToArray();
        gewijzigd[0] = gewijzigd[0].Replace("50001;Zoë;", "50001;Zoé;", StringComparison.Ordinal);
        gewijzigd[2] = gewijzigd[2].Replace(";2B;", ";3H;", StringComparison.Ordinal);
        gewijzigd[1] = gewijzigd[1].Replace(";;Vader", ";0318 123456;Vader", StringComparison.Ordinal);

        var s = (await fixture.ImporteerAsync(school, ImportFixture.Csv(gewijzigd))).Samenvatting!;

        Assert.Equal((0, 3, 2, 1), (s.Nieuw, s.Bijgewerkt, s.Ongewijzigd, s.KlasGewijzigd));
        await using var db = fixture.App.ContextFor(school.Id);
        Assert.Equal("Zoé", (await db.Leerlingen.SingleAsync(l => l.Leerlingnummer == "50001")).Voornaam);
        var noel = await db.Leerlingen.SingleAsync(l => l.Leerlingnummer == "50003");
        Assert.Equal(school.Klassen["3H"].Id, noel.KlasId);
        var plaatsing = await db.KlasPlaatsingen.SingleAsync(p => p.LeerlingId == noel.Id);
        Assert.Equal(school.Klassen["3H"].Id, plaatsing.KlasId);
        Assert.Equal("0318 123456", (await db.Ouders.SingleAsync(o => o.Email == "ahmet@ouders.example")).Telefoon);
        Assert.Contains(await db.AuditEntries.Where(a => a.LeerlingId == noel.Id && a.Actie == AuditActie.Wijzigen).Select(a => a.Detail).ToListAsync(),
            d => d.Contains("klas", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Students_missing_from_a_full_export_are_offered_and_uitgeschreven_not_deleted_and_come_back_when_they_reappear()
    {
        var school = await fixture.SchoolAsync("Vertrek");
        await fixture.ImporteerAsync(school, ImportFixture.Csv(Vijf));
        var detail = await fixture.ImporteerAsync(school, ImportFixture.Csv(Vijf[..3]));

        // The three students the school had before the first import, and the two left out now.
        var vertrekkers = detail.NietInBestand.Select(v => v.Leerlingnummer).Order().ToList();
        Assert.Equal(["00001", "00002", "00003", "50004", "50005"], vertrekkers);
        Assert.Equal(5, detail.Samenvatting!.NietInBestand.Count);

        var datum = Schooldag.Vandaag;
        var ids = detail.NietInBestand.Where(v => v.Leerlingnummer.StartsWith('5')).Select(v => v.Id).ToList();
        await using (var scope = fixture.AlsBeheerder(school))
        {
            var handler = scope.ServiceProvider.GetRequiredService<NietInBestandUitschrijvenHandler>();
            var telaat = await handler.HandleAsync(new UitschrijvenOpdracht(detail.Run.Id, ids, datum.AddDays(-1)));
            Assert.Equal(FoutSoort.Ongeldig, telaat.Fout!.Soort);
            Assert.Contains("vóór de inschrijfdatum", telaat.Fout.Melding, StringComparison.Ordinal);

            var result = await handler.HandleAsync(new UitschrijvenOpdracht(detail.Run.Id, ids, datum));
            Assert.Equal(2, result.Waarde);

            var opnieuw = await scope.ServiceProvider.GetRequiredService<ImportRunBekijkenHandler>().HandleAsync(detail.Run.Id);
            Assert.Equal(["00001", "00002", "00003"], opnieuw.Waarde!.NietInBestand.Select(v => v.Leerlingnummer).Order());
        }
        await using (var db = fixture.App.ContextFor(school.Id))
        {
            var weg = await db.Leerlingen.Where(l => ids.Contains(l.Id)).ToListAsync();
            Assert.Equal(2, weg.Count);
            Assert.All(weg, l =>
            {
                Assert.Equal(LeerlingStatus.Uitgeschreven, l.Status);
                Assert.Equal(datum, l.Uitschrijfdatum);
                Assert.Null(l.KlasId);
            });
            Assert.All(await db.KlasPlaatsingen.Where(p => ids.Contains(p.LeerlingId)).ToListAsync(),
                p => Assert.Equal(Jaaruitkomst.Vertrokken, p.Uitkomst));
            Assert.Equal(LeerlingStatus.Ingeschreven, (await db.Leerlingen.SingleAsync(l => l.Leerlingnummer == "00001")).Status);
        }

        var terug = (await fixture.ImporteerAsync(school, ImportFixture.Csv(Vijf))).Samenvatting!;
        Assert.Equal((0, 2, 3, 2), (terug.Nieuw, terug.Bijgewerkt, terug.Ongewijzigd, terug.Heringeschreven));
        await using (var db = fixture.App.ContextFor(school.Id))
        {
            var jorg = await db.Leerlingen.SingleAsync(l => l.Leerlingnummer == "50004");
            Assert.Equal((LeerlingStatus.Ingeschreven, school.Klassen["3H"].Id, (DateOnly?)null), (jorg.Status, jorg.KlasId, jorg.Uitschrijfdatum));
            Assert.Null((await db.KlasPlaatsingen.SingleAsync(p => p.LeerlingId == jorg.Id)).Uitkomst);
        }
    }

    [Fact]
    public async Task A_partial_export_offers_nobody_for_uitschrijving()
    {
        var school = await fixture.SchoolAsync("Gedeeltelijk");
        var detail = await fixture.ImporteerAsync(school, ImportFixture.Csv(Vijf[..1]), volledig: false);
        Assert.Empty(detail.Samenvatting!.NietInBestand);
        Assert.Empty(detail.NietInBestand);
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_happen_and_changes_nothing()
    {
        var school = await fixture.SchoolAsync("Proefdraai");
        await using (var db = fixture.App.ContextFor(school.Id))
        {
            Assert.Equal(3, await db.Leerlingen.CountAsync());
        }
        var auditVoor = await AuditAantalAsync(school.Id);

        var detail = await fixture.ImporteerAsync(school, ImportFixture.Csv(Vijf), proefdraai: true);

        Assert.True(detail.Run.Proefdraai);
        Assert.Equal(ImportStatus.Klaar, detail.Run.Status);
        Assert.Equal((5, 0), (detail.Samenvatting!.Nieuw, detail.Samenvatting.Fouten));
        Assert.Equal(3, detail.NietInBestand.Count);
        await using (var db = fixture.App.ContextFor(school.Id))
        {
            Assert.Equal(3, await db.Leerlingen.CountAsync());
            Assert.Equal(1, await db.Ouders.CountAsync());
            Assert.Equal(3, await db.KlasPlaatsingen.CountAsync());
            var run = await db.ImportRuns.SingleAsync(r => r.Id == detail.Run.Id);
            Assert.Equal((5, true), (run.Nieuw, run.Proefdraai));
        }
        // Only the dry run's own read entry (and the read of the list of leavers) was written.
        Assert.InRange(await AuditAantalAsync(school.Id) - auditVoor, 1, 2);

        await using var scope = fixture.AlsBeheerder(school);
        var uitschrijven = await scope.ServiceProvider.GetRequiredService<NietInBestandUitschrijvenHandler>()
            .HandleAsync(new UitschrijvenOpdracht(detail.Run.Id, detail.NietInBestand.Select(v => v.Id).ToList(), Schooldag.Vandaag));
        Assert.Equal(FoutSoort.Ongeldig, uitschrijven.Fout!.Soort);
    }

    private async Task<int> AuditAantalAsync(Guid schoolId)
    {
        await using var db = fixture.App.ContextFor(schoolId);
        return await db.AuditEntries.CountAsync();
    }

    [Fact]
    public async Task Parents_are_matched_by_e_mail_else_by_name_and_updated()
    {
        var school = await fixture.SchoolAsync("Ouders");
        await fixture.ImporteerAsync(school, ImportFixture.Csv("60001;Tess;;Dekker;1-1-2012;1A;Anouk;;Dekker;;06 11111111;Moeder"));
        // Same name, now with an e-mail address: the same parent, updated.
        var s = (await fixture.ImporteerAsync(school, ImportFixture.Csv("60001;Tess;;Dekker;1-1-2012;1A;Anouk;;Dekker;anouk@ouders.example;;Moeder")))
            .Samenvatting!;
        Assert.Equal((1, 0, 0), (s.Bijgewerkt, s.OudersNieuw, s.OudersGekoppeld));
        // Same e-mail, new surname (she remarried): still the same parent.
        await fixture.ImporteerAsync(school, ImportFixture.Csv("60001;Tess;;Dekker;1-1-2012;1A;Anouk;de;Wit;ANOUK@ouders.example;;Moeder"));

        await using var db = fixture.App.ContextFor(school.Id);
        var tess = await db.Leerlingen.SingleAsync(l => l.Leerlingnummer == "60001");
        var koppeling = await db.LeerlingOuders.Include(k => k.Ouder).SingleAsync(k => k.LeerlingId == tess.Id);
        Assert.Equal(("Anouk", "de", "Wit", "ANOUK@ouders.example", "06 11111111"),
            (koppeling.Ouder!.Voornaam, koppeling.Ouder.Tussenvoegsel, koppeling.Ouder.Achternaam, koppeling.Ouder.Email, koppeling.Ouder.Telefoon));
    }

    [Fact]
    public async Task The_last_linking_of_the_school_is_offered_again_for_columns_with_unusual_names()
    {
        var school = await fixture.SchoolAsync("Koppeling");
        const string csv = "Nr;Naam1;Familie;Dag van geboorte;Groepje\n70001;Lieke;Kok;1-1-2012;2B\n";
        var koppeling = new Dictionary<string, string>
        {
            [LeerlingenVelden.Leerlingnummer] = "Nr", [LeerlingenVelden.Voornaam] = "Naam1", [LeerlingenVelden.Achternaam] = "Familie",
            [LeerlingenVelden.Geboortedatum] = "Dag van geboorte", [LeerlingenVelden.Klas] = "Groepje",
        };
        await using var scope = fixture.AlsBeheerder(school);
        var voorbereiden = scope.ServiceProvider.GetRequiredService<ImportVoorbereidenHandler>();
        var eerst = await voorbereiden.HandleAsync(Encoding.UTF8.GetBytes(csv), "export.csv");
        Assert.False(eerst.Waarde!.Koppeling.ContainsKey(LeerlingenVelden.Klas));

        var controle = await scope.ServiceProvider.GetRequiredService<ImportControlerenHandler>()
            .HandleAsync(Encoding.UTF8.GetBytes(csv), "export.csv", eerst.Waarde.Koppeling);
        Assert.Equal(FoutSoort.Ongeldig, controle.Fout!.Soort);
        Assert.Contains("Kies een kolom voor 'Klas'.", controle.Fout.Melding, StringComparison.Ordinal);

        var detail = await fixture.ImporteerAsync(school, csv, koppeling: koppeling);
        Assert.Equal(1, detail.Samenvatting!.Nieuw);

        var daarna = await voorbereiden.HandleAsync(Encoding.UTF8.GetBytes(csv), "export.csv");
        Assert.Equal(koppeling.OrderBy(k => k.Key), daarna.Waarde!.Koppeling.OrderBy(k => k.Key));
        Assert.Contains(LeerlingenVelden.Klas, daarna.Waarde.UitVorigeKeer);
    }

    [Fact]
    public async Task The_check_counts_rows_and_lists_the_bad_ones_with_Dutch_messages()
    {
        var school = await fixture.SchoolAsync("Controle");
        var csv = Encoding.UTF8.GetBytes(ImportFixture.Csv([.. Vijf, ";Sem;;Bakker;1-1-2012;1A;;;;;;", "50008;Evi;;Smit;1-1-2012;4V;;;;;;"]));
        await using var scope = fixture.AlsBeheerder(school);
        var info = (await scope.ServiceProvider.GetRequiredService<ImportVoorbereidenHandler>().HandleAsync(csv, "export.csv")).Waarde!;
        var controle = (await scope.ServiceProvider.GetRequiredService<ImportControlerenHandler>().HandleAsync(csv, "export.csv", info.Koppeling)).Waarde!;

        Assert.Equal((7, 5, 2), (controle.Totaal, controle.Geldig, controle.Fouten));
        Assert.Equal(["Rij 7: leerlingnummer ontbreekt", "Rij 8: onbekende klas '4V'"], controle.FoutRijen.SelectMany(r => r.Meldingen));
        Assert.Equal(7, controle.EersteRijen.Count);
    }

    [Theory]
    [InlineData(Rollen.Mentor)]
    [InlineData(Rollen.Zorgcoordinator)]
    [InlineData(Rollen.Schoolleiding)]
    public async Task Only_a_Beheerder_may_import(string rol)
    {
        var school = await fixture.SchoolAsync("Geen beheerder " + rol);
        var gebruiker = await new TestData(fixture.App).UserAsync(school.Id, rol);
        var csv = Encoding.UTF8.GetBytes(ImportFixture.Csv(Vijf));
        var koppeling = LeerlingenVelden.AutomatischKoppelen(ImportBestandLezer.Lees(csv, "x.csv").Waarde!.Kolommen);
        var bekend = await fixture.ImporteerAsync(school, ImportFixture.Csv(Vijf[..1]));

        await using var scope = fixture.App.ScopeAs(gebruiker, rol);
        var sp = scope.ServiceProvider;
        Assert.Equal(Fout.GeenToegang, (await sp.GetRequiredService<ImportVoorbereidenHandler>().HandleAsync(csv, "x.csv")).Fout);
        Assert.Equal(Fout.GeenToegang, (await sp.GetRequiredService<ImportControlerenHandler>().HandleAsync(csv, "x.csv", koppeling)).Fout);
        Assert.Equal(Fout.GeenToegang, (await sp.GetRequiredService<ImportStartenHandler>()
            .HandleAsync(new ImportStartenOpdracht("x.csv", csv, koppeling, Proefdraai: false))).Fout);
        Assert.Equal(Fout.GeenToegang, (await sp.GetRequiredService<ImportOverzichtHandler>().HandleAsync()).Fout);
        Assert.Equal(Fout.GeenToegang, (await sp.GetRequiredService<ImportRunBekijkenHandler>().HandleAsync(bekend.Run.Id)).Fout);
        Assert.Equal(Fout.GeenToegang, sp.GetRequiredService<ImportVoortgangHandler>().Handle(bekend.Run.Id).Fout);
        Assert.Equal(Fout.GeenToegang, (await sp.GetRequiredService<NietInBestandUitschrijvenHandler>()
            .HandleAsync(new UitschrijvenOpdracht(bekend.Run.Id, bekend.NietInBestand.Select(v => v.Id).ToList(), Schooldag.Vandaag))).Fout);

        await using var db = fixture.App.ContextFor(school.Id);
        Assert.Equal(4, await db.Leerlingen.CountAsync());
    }

    [Fact]
    public async Task A_Beheerder_of_school_B_cannot_see_or_touch_the_imports_or_students_of_school_A()
    {
        var a = await fixture.SchoolAsync("School A");
        var b = await fixture.SchoolAsync("School B");
        var runA = await fixture.ImporteerAsync(a, ImportFixture.Csv(Vijf[..2]));
        Assert.Equal(3, runA.NietInBestand.Count);

        await using (var scope = fixture.AlsBeheerder(b))
        {
            var sp = scope.ServiceProvider;
            Assert.Equal(FoutSoort.NietGevonden, (await sp.GetRequiredService<ImportRunBekijkenHandler>().HandleAsync(runA.Run.Id)).Fout!.Soort);
            Assert.Equal(FoutSoort.NietGevonden, sp.GetRequiredService<ImportVoortgangHandler>().Handle(runA.Run.Id).Fout!.Soort);
            var uitschrijven = await sp.GetRequiredService<NietInBestandUitschrijvenHandler>().HandleAsync(
                new UitschrijvenOpdracht(runA.Run.Id, runA.NietInBestand.Select(v => v.Id).ToList(), Schooldag.Vandaag));
            Assert.Equal(FoutSoort.NietGevonden, uitschrijven.Fout!.Soort);
            Assert.DoesNotContain((await sp.GetRequiredService<ImportOverzichtHandler>().HandleAsync()).Waarde!, r => r.Id == runA.Run.Id);
        }

        // B imports the same leerlingnummers: they become B's students; A's stay as they were.
        var runB = await fixture.ImporteerAsync(b, ImportFixture.Csv(Vijf[..2].Select(r => r.Replace("Zoë", "Anders", StringComparison.Ordinal)).ToArray()));
        Assert.Equal(2, runB.Samenvatting!.Nieuw);
        Assert.DoesNotContain(runB.NietInBestand, v => runA.NietInBestand.Any(w => w.Id == v.Id));
        await using var dbA = fixture.App.ContextFor(a.Id);
        Assert.Equal("Zoë", (await dbA.Leerlingen.SingleAsync(l => l.Leerlingnummer == "50001")).Voornaam);
        Assert.All(await dbA.Leerlingen.ToListAsync(), l => Assert.Equal(LeerlingStatus.Ingeschreven, l.Status));
        await using var dbB = fixture.App.ContextFor(b.Id);
        Assert.Equal("Anders", (await dbB.Leerlingen.SingleAsync(l => l.Leerlingnummer == "50001")).Voornaam);
    }

    [Fact]
    public async Task A_run_without_a_required_column_is_refused_before_it_starts()
    {
        var school = await fixture.SchoolAsync("Zonder klas");
        await using var scope = fixture.AlsBeheerder(school);
        var csv = Encoding.UTF8.GetBytes(ImportFixture.Csv(Vijf));
        var koppeling = LeerlingenVelden.AutomatischKoppelen(ImportBestandLezer.Lees(csv, "x.csv").Waarde!.Kolommen);
        koppeling.Remove(LeerlingenVelden.Klas);
        var start = await scope.ServiceProvider.GetRequiredService<ImportStartenHandler>()
            .HandleAsync(new ImportStartenOpdracht("x.csv", csv, koppeling, Proefdraai: false));
        Assert.Equal(FoutSoort.Ongeldig, start.Fout!.Soort);
        Assert.Contains("'Klas'", start.Fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Excel_export_imports_headlessly_with_numbers_and_real_dates()
    {
        var school = await fixture.SchoolAsync("Excel");
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[]
        {
            new Dictionary<string, object?>
            {
                ["Leerlingnummer"] = 80001, ["Roepnaam"] = "Anaïs", ["Tussenvoegsel"] = null, ["Achternaam"] = "Öztürk",
                ["Geboortedatum"] = new DateTime(2012, 10, 1), ["Stamgroep"] = "2b", ["E-mail ouder 1"] = "ouder@excel.example", ["Achternaam ouder 1"] = "Öztürk",
            },
        }, excelType: MiniExcelLibs.ExcelType.XLSX);
        stream.Position = 0;

        var uitkomst = await fixture.App.Services.GetRequiredService<ImportVerwerker>()
            .ImporteerAsync(school.Id, school.Beheerder.Id, stream, "export.xlsx");

        Assert.Equal(ImportStatus.Klaar, uitkomst.Status);
        Assert.Equal(1, uitkomst.Samenvatting.Nieuw);
        await using var db = fixture.App.ContextFor(school.Id);
        var anais = await db.Leerlingen.SingleAsync(l => l.Leerlingnummer == "80001");
        Assert.Equal(("Anaïs", new DateOnly(2012, 10, 1), school.Klassen["2B"].Id), (anais.Voornaam, anais.Geboortedatum, anais.KlasId));
        var stand = fixture.App.Services.GetRequiredService<ImportVoortgang>().Stand(uitkomst.RunId)!;
        Assert.Equal((true, 1, 1, 100), (stand.Klaar, stand.Verwerkt, stand.Totaal, stand.Procent));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_ends_the_run_as_Mislukt_with_a_Dutch_reason_and_changes_nothing()
    {
        var school = await fixture.SchoolAsync("Onleesbaar");
        await using var stream = new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]);
        var uitkomst = await fixture.App.Services.GetRequiredService<ImportVerwerker>()
            .ImporteerAsync(school.Id, school.Beheerder.Id, stream, "oud.xls");

        Assert.Equal(ImportStatus.Mislukt, uitkomst.Status);
        Assert.Contains(".xlsx", uitkomst.Samenvatting.Melding, StringComparison.Ordinal);
        await using var scope = fixture.AlsBeheerder(school);
        var runs = (await scope.ServiceProvider.GetRequiredService<ImportOverzichtHandler>().HandleAsync()).Waarde!;
        var run = Assert.Single(runs, r => r.Id == uitkomst.RunId);
        Assert.Equal("Mislukt", run.StatusTekst);
        // The run that TestData left as Bezig, unknown to this process, is shown as interrupted.
        Assert.Contains(runs, r => r.StatusTekst == "Onderbroken");
    }
}
