using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Features.Verslagen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Verslagen;

/// <summary>The verslag (issue 10, Deliver 6): read by who takes part, marked and closed by an organisator, then in the dossier; a PDF for the archive.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class VerslagTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    private sealed record Opzet(SchoolScenario School, Guid BesprekingId, Guid PuntId, Gebruiker Voorzitter, Gebruiker Zoco);

    /// <summary>TestData's leerlingbespreking (chaired by the leerjaarcoördinator), with the mentor as participant.</summary>
    private async Task<Opzet> OpzetAsync()
    {
        var school = await Data.SchoolAsync("Verslag " + Guid.NewGuid().ToString("N")[..6]);
        var zoco = await Data.UserAsync(school.School.Id, Rollen.Zorgcoordinator);
        await using var db = fixture.App.ContextFor(school.School.Id);
        var bespreking = await db.Besprekingen.SingleAsync();
        var punt = await db.Agendapunten.SingleAsync();
        db.BesprekingDeelnemers.Add(new BesprekingDeelnemer { BesprekingId = bespreking.Id, GebruikerId = school.Mentor.Id });
        await db.SaveChangesAsync();
        var voorzitter = await db.Users.SingleAsync(u => u.Id == bespreking.VoorzitterId);
        return new(school, bespreking.Id, punt.Id, voorzitter, zoco);
    }

    private async Task<T> AlsAsync<TH, T>(Gebruiker user, string rol, Func<TH, Task<T>> actie) where TH : notnull
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await actie(scope.ServiceProvider.GetRequiredService<TH>());
    }

    [Fact]
    public async Task A_participant_reads_the_verslag_a_docent_without_a_part_and_a_parent_do_not()
    {
        var o = await OpzetAsync();
        var verslag = await AlsAsync<VerslagLezenHandler, Result<Verslag>>(o.School.Mentor, Rollen.Mentor, h => h.HandleAsync(o.BesprekingId));
        Assert.True(verslag.IsGelukt, verslag.Fout?.Melding);
        var deel = Assert.Single(verslag.Waarde!.Delen);
        Assert.Equal("Werkhouding", deel.Antwoorden.Probleem);
        Assert.Equal(o.School.Leerlingen[0].VolledigeNaam, deel.Leerling);
        Assert.False(verslag.Waarde.IsOrganisator);
        Assert.Equal(FoutSoort.NietGevonden, (await AlsAsync<VerslagLezenHandler, Result<Verslag>>(o.School.Docent, Rollen.Docent, h => h.HandleAsync(o.BesprekingId))).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<VerslagLezenHandler, Result<Verslag>>(o.School.OuderGebruiker, Rollen.Ouder, h => h.HandleAsync(o.BesprekingId))).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<BesprekingAfsluitenHandler, Result<DateTimeOffset>>(o.School.OuderGebruiker, Rollen.Ouder, h => h.HandleAsync(o.BesprekingId))).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<VerslagdeelMarkerenHandler, Result<Vertrouwelijkheid>>(o.School.OuderGebruiker, Rollen.Ouder,
            h => h.HandleAsync(o.PuntId, Vertrouwelijkheid.Normaal))).Fout?.Soort);
        // The read is audited for the student shown.
        await using var db = fixture.App.ContextFor(o.School.School.Id);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == o.School.Mentor.Id && a.LeerlingId == o.School.Leerlingen[0].Id && a.Detail.StartsWith("verslag van")));
    }

    [Fact]
    public async Task Only_an_organisator_marks_a_part_and_closes_the_meeting_after_which_it_is_in_the_dossier_and_fixed()
    {
        var o = await OpzetAsync();
        var leerling = o.School.Leerlingen[0].Id;
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<VerslagdeelMarkerenHandler, Result<Vertrouwelijkheid>>(o.School.Mentor, Rollen.Mentor,
            h => h.HandleAsync(o.PuntId, Vertrouwelijkheid.Normaal))).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<BesprekingAfsluitenHandler, Result<DateTimeOffset>>(o.School.Mentor, Rollen.Mentor,
            h => h.HandleAsync(o.BesprekingId))).Fout?.Soort);
        var tijdlijn = new TijdlijnVraag(leerling, Filter: TijdlijnFilterSoort.Besprekingen);
        Assert.Empty((await AlsAsync<TijdlijnHandler, Result<TijdlijnPagina>>(o.School.Mentor, Rollen.Mentor, h => h.HandleAsync(tijdlijn))).Waarde!.Items);

        // The chair makes the outcome readable for the docents, then closes.
        Assert.True((await AlsAsync<VerslagdeelMarkerenHandler, Result<Vertrouwelijkheid>>(o.Voorzitter, Rollen.Leerjaarcoordinator,
            h => h.HandleAsync(o.PuntId, Vertrouwelijkheid.Normaal))).IsGelukt);
        var gesloten = await AlsAsync<BesprekingAfsluitenHandler, Result<DateTimeOffset>>(o.Voorzitter, Rollen.Leerjaarcoordinator, h => h.HandleAsync(o.BesprekingId));
        Assert.True(gesloten.IsGelukt, gesloten.Fout?.Melding);

        Assert.Single((await AlsAsync<TijdlijnHandler, Result<TijdlijnPagina>>(o.School.Mentor, Rollen.Mentor, h => h.HandleAsync(tijdlijn))).Waarde!.Items);
        Assert.Single((await AlsAsync<TijdlijnHandler, Result<TijdlijnPagina>>(o.School.Docent, Rollen.Docent, h => h.HandleAsync(tijdlijn))).Waarde!.Items);
        var nogmaals = await AlsAsync<BesprekingAfsluitenHandler, Result<DateTimeOffset>>(o.Zoco, Rollen.Zorgcoordinator, h => h.HandleAsync(o.BesprekingId));
        Assert.Contains("al afgesloten", nogmaals.Fout?.Melding);
        var markeren = await AlsAsync<VerslagdeelMarkerenHandler, Result<Vertrouwelijkheid>>(o.Zoco, Rollen.Zorgcoordinator, h => h.HandleAsync(o.PuntId, Vertrouwelijkheid.Zorg));
        Assert.Contains("afgesloten", markeren.Fout?.Melding);
        await using var db = fixture.App.ContextFor(o.School.School.Id);
        Assert.Equal(BesprekingStatus.Afgesloten, (await db.Besprekingen.SingleAsync(b => b.Id == o.BesprekingId)).Status);
        Assert.Equal(Vertrouwelijkheid.Normaal, (await db.Agendapunten.SingleAsync(p => p.Id == o.PuntId)).Vertrouwelijkheid);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.LeerlingId == leerling && a.Detail.Contains("in het dossier")));
    }

    [Fact]
    public async Task A_part_marked_vertrouwelijk_shows_to_a_participant_that_it_exists_not_what_it_says()
    {
        var o = await OpzetAsync();
        Assert.True((await AlsAsync<VerslagdeelMarkerenHandler, Result<Vertrouwelijkheid>>(o.Zoco, Rollen.Zorgcoordinator,
            h => h.HandleAsync(o.PuntId, Vertrouwelijkheid.Vertrouwelijk))).IsGelukt);
        var deelnemer = Assert.Single((await AlsAsync<VerslagLezenHandler, Result<Verslag>>(o.School.Mentor, Rollen.Mentor, h => h.HandleAsync(o.BesprekingId))).Waarde!.Delen);
        Assert.True(deelnemer.Afgeschermd);
        Assert.True(deelnemer.Antwoorden.IsLeeg);
        var verslag = (await AlsAsync<VerslagLezenHandler, Result<Verslag>>(o.Voorzitter, Rollen.Leerjaarcoordinator, h => h.HandleAsync(o.BesprekingId))).Waarde!;
        Assert.Equal("Werkhouding", Assert.Single(verslag.Delen).Antwoorden.Probleem);
        Assert.DoesNotContain("Werkhouding", (await AlsAsync<VerslagLezenHandler, Result<Verslag>>(o.School.Mentor, Rollen.Mentor, h => h.HandleAsync(o.BesprekingId))).Waarde!.Html());
    }

    [Fact]
    public async Task The_verslag_prints_as_a_pdf_for_the_archive()
    {
        var o = await OpzetAsync();
        var pdf = await AlsAsync<VerslagAfdrukkenHandler, Result<byte[]>>(o.Voorzitter, Rollen.Leerjaarcoordinator, h => h.HandleAsync(o.BesprekingId));
        Assert.True(pdf.IsGelukt, pdf.Fout?.Melding);
        Assert.Equal("%PDF"u8.ToArray(), pdf.Waarde![..4]);
        var html = (await AlsAsync<VerslagLezenHandler, Result<Verslag>>(o.Voorzitter, Rollen.Leerjaarcoordinator, h => h.HandleAsync(o.BesprekingId))).Waarde!.Html();
        Assert.Contains("Wat is het probleem?", html);
        Assert.Contains("nog niet afgesloten", html);
    }

    [Fact]
    public async Task A_klassenbesprekings_notes_are_written_by_an_organisator_and_after_closing_stand_with_the_class()
    {
        var o = await OpzetAsync();
        var klassenbespreking = new Bespreking
        {
            Soort = BesprekingSoort.Klassenbespreking, Datum = Schooldag.Vandaag, Begin = new TimeOnly(14, 0), VoorzitterId = o.Zoco.Id,
            AangemaaktDoor = o.Zoco.Id, AangemaaktOp = DateTimeOffset.UtcNow, Klassen = [new BesprekingKlas { KlasId = o.School.Klas.Id }],
            Deelnemers = [new BesprekingDeelnemer { GebruikerId = o.School.Mentor.Id }],
        };
        await using (var db = fixture.App.ContextFor(o.School.School.Id))
        {
            db.Besprekingen.Add(klassenbespreking);
            await db.SaveChangesAsync();
        }
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<KlasnotitiesOpslaanHandler, Result<bool>>(o.School.Mentor, Rollen.Mentor,
            h => h.HandleAsync(klassenbespreking.Id, "Door de mentor"))).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<KlasnotitiesOpslaanHandler, Result<bool>>(o.Voorzitter, Rollen.Leerjaarcoordinator,
            h => h.HandleAsync(o.BesprekingId, "Bij een leerlingbespreking"))).Fout?.Soort);
        var te = await AlsAsync<KlasnotitiesOpslaanHandler, Result<bool>>(o.Zoco, Rollen.Zorgcoordinator, h => h.HandleAsync(klassenbespreking.Id, new string('x', 100_000)));
        Assert.Contains("hoogstens", te.Fout?.Melding);
        Assert.True((await AlsAsync<KlasnotitiesOpslaanHandler, Result<bool>>(o.Zoco, Rollen.Zorgcoordinator,
            h => h.HandleAsync(klassenbespreking.Id, "Een rustige klas;\0 de groepjes achterin letten minder op."))).Waarde);

        // Before closing nothing stands with the class; after, the mentor and the class's docent read it.
        Assert.Empty((await AlsAsync<KlasverslagenHandler, Result<IReadOnlyList<Klasverslag>>>(o.School.Mentor, Rollen.Mentor, h => h.HandleAsync(o.School.Klas.Id))).Waarde!);
        Assert.True((await AlsAsync<BesprekingAfsluitenHandler, Result<DateTimeOffset>>(o.Zoco, Rollen.Zorgcoordinator, h => h.HandleAsync(klassenbespreking.Id))).IsGelukt);
        var verslag = Assert.Single((await AlsAsync<KlasverslagenHandler, Result<IReadOnlyList<Klasverslag>>>(o.School.Docent, Rollen.Docent,
            h => h.HandleAsync(o.School.Klas.Id))).Waarde!);
        Assert.Equal("Een rustige klas; de groepjes achterin letten minder op.", verslag.Notities);
        Assert.Equal(o.Zoco.VolledigeNaam, verslag.Voorzitter);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<KlasverslagenHandler, Result<IReadOnlyList<Klasverslag>>>(o.School.OuderGebruiker, Rollen.Ouder,
            h => h.HandleAsync(o.School.Klas.Id))).Fout?.Soort);
    }
}
