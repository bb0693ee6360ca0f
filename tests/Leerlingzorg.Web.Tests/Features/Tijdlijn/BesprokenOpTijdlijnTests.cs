using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Tijdlijn;

/// <summary>
/// Closing a meeting writes each student's part into his dossier (issue 10, Deliver 6): on the timeline at its level (Zorg
/// by default, Vertrouwelijk when the chair marks it), never an open meeting's, and an afspraak made in the meeting is as
/// confidential as that part.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class BesprokenOpTijdlijnTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    private async Task<IReadOnlyList<TijdlijnItem>> TijdlijnAsync(Gebruiker user, string rol, TijdlijnVraag vraag)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        var result = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>().HandleAsync(vraag);
        Assert.True(result.IsGelukt, result.Fout?.Melding);
        return result.Waarde!.Items;
    }

    private sealed record Verslag(SchoolScenario School, Bespreking Bespreking, Agendapunt Zorg, Agendapunt Vertrouwelijk, Afspraak Afspraak, Gebruiker Zorgcoordinator);

    private async Task<Verslag> GeslotenBesprekingAsync()
    {
        var school = await Data.SchoolAsync("Verslag " + Guid.NewGuid().ToString("N")[..6]);
        var zoco = await Data.UserAsync(school.School.Id, Rollen.Zorgcoordinator);
        var vandaag = Schooldag.Vandaag;
        var bespreking = new Bespreking
        {
            Soort = BesprekingSoort.Leerlingbespreking, Datum = vandaag.AddDays(-7), Begin = new TimeOnly(15, 30), VoorzitterId = zoco.Id,
            AangemaaktDoor = zoco.Id, AangemaaktOp = DateTimeOffset.UtcNow.AddDays(-30), Status = BesprekingStatus.Afgesloten,
            AfgeslotenOp = DateTimeOffset.UtcNow.AddDays(-7), Klassen = [new BesprekingKlas { KlasId = school.Klas.Id }],
        };
        var zorg = new Agendapunt
        {
            BesprekingId = bespreking.Id, LeerlingId = school.Leerlingen[1].Id, Volgorde = 1, Besproken = true,
            Probleem = "Huiswerk blijft liggen.", Aanpak = "Mentor maakt elke maandag de weekplanning met hem.",
        };
        var vertrouwelijk = new Agendapunt
        {
            BesprekingId = bespreking.Id, LeerlingId = school.Leerlingen[2].Id, Volgorde = 2, Besproken = true,
            Probleem = "Zorgen over de thuissituatie.", Vertrouwelijkheid = Vertrouwelijkheid.Vertrouwelijk,
        };
        bespreking.Agenda.AddRange([zorg, vertrouwelijk]);
        var afspraak = new Afspraak
        {
            LeerlingId = school.Leerlingen[1].Id, AgendapuntId = zorg.Id, Wat = "Weekplanning op maandag", EigenaarId = zoco.Id,
            AangemaaktOp = DateTimeOffset.UtcNow.AddDays(-7), Deadline = vandaag.AddDays(30),
        };
        await using (var db = fixture.App.ContextFor(school.School.Id))
        {
            db.Besprekingen.Add(bespreking);
            db.Afspraken.Add(afspraak);
            await db.SaveChangesAsync();
        }
        return new(school, bespreking, zorg, vertrouwelijk, afspraak, zoco);
    }

    [Fact]
    public async Task A_closed_meetings_part_is_on_the_timeline_for_who_reads_its_level_and_not_for_the_docent()
    {
        var v = await GeslotenBesprekingAsync();
        var leerling = v.School.Leerlingen[1].Id;
        foreach (var filter in new[] { TijdlijnFilterSoort.Alles, TijdlijnFilterSoort.Besprekingen })
        {
            var item = Assert.Single(await TijdlijnAsync(v.School.Mentor, Rollen.Mentor, new TijdlijnVraag(leerling, Filter: filter)),
                i => i.Soort == TijdlijnSoort.Besproken);
            Assert.Equal(v.Zorg.Id, item.Id);
            Assert.Equal("Leerlingbespreking", item.Titel);
            Assert.Equal(v.Bespreking.Datum, item.Datum);
            Assert.Equal(v.Zorgcoordinator.VolledigeNaam, item.Persoon);
            Assert.Equal(Vertrouwelijkheid.Zorg, item.Vertrouwelijkheid);
            Assert.Equal("Mentor maakt elke maandag de weekplanning met hem.", item.Tekst);
        }
        Assert.DoesNotContain(await TijdlijnAsync(v.School.Docent, Rollen.Docent, new TijdlijnVraag(leerling)), i => i.Soort == TijdlijnSoort.Besproken);
    }

    [Fact]
    public async Task A_part_marked_vertrouwelijk_is_for_the_zorgcoordinator_not_the_mentor()
    {
        var v = await GeslotenBesprekingAsync();
        var vraag = new TijdlijnVraag(v.School.Leerlingen[2].Id, Filter: TijdlijnFilterSoort.Besprekingen);
        Assert.Empty(await TijdlijnAsync(v.School.Mentor, Rollen.Mentor, vraag));
        Assert.Equal([v.Vertrouwelijk.Id], (await TijdlijnAsync(v.Zorgcoordinator, Rollen.Zorgcoordinator, vraag)).Select(i => i.Id));
    }

    [Fact]
    public async Task An_open_meetings_part_is_not_in_the_dossier_yet()
    {
        // TestData's leerlingbespreking (planned, in two weeks) has a part for the first student.
        var school = await Data.SchoolAsync("Open " + Guid.NewGuid().ToString("N")[..6]);
        var zoco = await Data.UserAsync(school.School.Id, Rollen.Zorgcoordinator);
        Assert.Empty(await TijdlijnAsync(zoco, Rollen.Zorgcoordinator, new TijdlijnVraag(school.Leerlingen[0].Id, Filter: TijdlijnFilterSoort.Besprekingen)));
    }

    [Fact]
    public async Task An_afspraak_made_in_the_meeting_is_as_confidential_as_the_students_part()
    {
        var v = await GeslotenBesprekingAsync();
        var vraag = new TijdlijnVraag(v.School.Leerlingen[1].Id, Filter: TijdlijnFilterSoort.Afspraken);
        Assert.Contains(await TijdlijnAsync(v.School.Mentor, Rollen.Mentor, vraag), i => i.Id == v.Afspraak.Id);
        Assert.DoesNotContain(await TijdlijnAsync(v.School.Docent, Rollen.Docent, vraag), i => i.Id == v.Afspraak.Id);
        Assert.DoesNotContain(await TijdlijnAsync(v.School.Docent, Rollen.Docent, new TijdlijnVraag(v.School.Leerlingen[1].Id)), i => i.Id == v.Afspraak.Id);
        Assert.Contains(await TijdlijnAsync(v.School.Mentor, Rollen.Mentor, new TijdlijnVraag(v.School.Leerlingen[1].Id)), i => i.Id == v.Afspraak.Id);
    }
}
