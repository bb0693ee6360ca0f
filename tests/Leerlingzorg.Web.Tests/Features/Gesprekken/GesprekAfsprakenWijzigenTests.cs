using System.Text.Json;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Gesprekken;

/// <summary>The author adds, corrects and removes afspraken when he edits his gesprek; a finished one stays as it was.</summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class GesprekAfsprakenWijzigenTests(GesprekkenFixture fixture) : IClassFixture<GesprekkenFixture>
{
    private async Task<T> AlsMentorAsync<T>(Func<IServiceProvider, Task<T>> actie)
    {
        await using var scope = fixture.App.ScopeAs(fixture.A.Mentor, Rollen.Mentor);
        return await actie(scope.ServiceProvider);
    }

    private async Task<Guid> GesprekAsync(Guid[] leerlingen, params string[] afspraken)
    {
        var invoer = new GesprekInvoer
        {
            SoortId = fixture.MentorgesprekA, Datum = Schooldag.Picker, LeerlingIds = [.. leerlingen], Samenvatting = "Groepsgesprek over het project.",
            Afspraken = [.. afspraken.Select(a => new AfspraakInvoer { Wat = a, EigenaarId = fixture.A.Mentor.Id })],
        };
        var result = await AlsMentorAsync(sp => sp.GetRequiredService<GesprekVastleggenHandler>().HandleAsync(invoer));
        Assert.True(result.IsGelukt, result.Fout?.Melding);
        return result.Waarde;
    }

    private Task<GesprekInvoer> LaadAsync(Guid id) =>
        AlsMentorAsync(async sp => (await sp.GetRequiredService<GesprekWijzigenHandler>().LaadAsync(id)).Waarde!.Invoer);

    private Task<Result<int>> WijzigAsync(GesprekInvoer invoer) =>
        AlsMentorAsync(sp => sp.GetRequiredService<GesprekWijzigenHandler>().HandleAsync(invoer));

    [Fact]
    public async Task An_edit_adds_corrects_and_removes_the_afspraken_of_a_group_gesprek_for_every_student_and_keeps_the_old_ones_in_the_revision()
    {
        var leerlingen = fixture.A.Leerlingen.Select(l => l.Id).ToArray();
        var id = await GesprekAsync(leerlingen, "Presentatie voorbereiden", "Boek lezen");
        var invoer = await LaadAsync(id);
        Assert.Equal(["Presentatie voorbereiden", "Boek lezen"], invoer.Afspraken.Select(a => a.Wat).Order().Reverse());
        Assert.All(invoer.Afspraken, a => Assert.Equal(3, a.Ids.Count));

        var presentatie = invoer.Afspraken.Single(a => a.Wat == "Presentatie voorbereiden");
        presentatie.Wat = "Presentatie voorbereiden met dia's";
        presentatie.Deadline = Schooldag.Picker.AddDays(7);
        invoer.Afspraken.Remove(invoer.Afspraken.Single(a => a.Wat == "Boek lezen"));
        invoer.Afspraken.Add(new AfspraakInvoer { Wat = "Taakverdeling mailen", EigenaarId = fixture.A.Docent.Id });

        var result = await WijzigAsync(invoer);

        Assert.Equal(2, result.Waarde);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        var afspraken = await db.Afspraken.Where(a => a.GesprekId == id).ToListAsync();
        Assert.Equal(6, afspraken.Count);
        Assert.Equal(leerlingen.Order(), afspraken.Where(a => a.Wat == "Presentatie voorbereiden met dia's"
            && a.Deadline == Schooldag.Vandaag.AddDays(7)).Select(a => a.LeerlingId).Order());
        Assert.Equal(leerlingen.Order(), afspraken.Where(a => a.Wat == "Taakverdeling mailen" && a.EigenaarId == fixture.A.Docent.Id)
            .Select(a => a.LeerlingId).Order());
        Assert.DoesNotContain(afspraken, a => a.Wat == "Boek lezen");
        var revisie = await db.GesprekRevisies.SingleAsync(r => r.GesprekId == id);
        var oud = JsonSerializer.Deserialize<GesprekInhoud>(revisie.Inhoud, Web.Features.Gesprekken.Gesprekken.Json)!;
        Assert.Equal(["Boek lezen", "Presentatie voorbereiden"], oud.Afspraken!.Select(a => a.Wat).Order());
        var regels = await db.AuditEntries.Where(a => a.Actie == AuditActie.Wijzigen && a.Detail.Contains(id.ToString())).ToListAsync();
        Assert.Equal(3, regels.Count);
        Assert.All(regels, r => Assert.Contains("1 toegevoegd, 1 gecorrigeerd, 1 verwijderd", r.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_finished_afspraak_is_shown_in_the_edit_but_neither_changed_nor_removed()
    {
        var leerling = fixture.A.Leerlingen[2].Id;
        var id = await GesprekAsync([leerling], "Bijles aanvragen");
        await using (var db = fixture.App.ContextFor(fixture.A.School.Id))
        {
            var afspraak = await db.Afspraken.AsTracking().SingleAsync(a => a.GesprekId == id);
            afspraak.RondAf("Bijles loopt", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var invoer = await LaadAsync(id);
        var afgerond = Assert.Single(invoer.Afspraken);
        Assert.True(afgerond.IsAfgerond);

        afgerond.Wat = "Iets anders";
        Assert.True((await WijzigAsync(invoer)).IsGelukt);
        invoer = await LaadAsync(id);
        invoer.Afspraken.Clear();
        Assert.True((await WijzigAsync(invoer)).IsGelukt);

        await using var check = fixture.App.ContextFor(fixture.A.School.Id);
        var blijft = await check.Afspraken.SingleAsync(a => a.GesprekId == id);
        Assert.Equal(("Bijles aanvragen", "Bijles loopt"), (blijft.Wat, blijft.Evaluatie));
    }

    [Fact]
    public async Task An_afspraak_of_another_gesprek_or_an_owner_of_another_school_is_refused_and_nothing_changes()
    {
        var leerling = fixture.A.Leerlingen[1].Id;
        var id = await GesprekAsync([leerling], "Planner gebruiken");
        var ander = await GesprekAsync([leerling], "Ander gesprek");
        var vreemd = (await LaadAsync(ander)).Afspraken.Single();

        var invoer = await LaadAsync(id);
        invoer.Afspraken.Add(vreemd);
        var result = await WijzigAsync(invoer);
        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);

        invoer = await LaadAsync(id);
        invoer.Afspraken.Single().EigenaarId = fixture.B.Mentor.Id;
        result = await WijzigAsync(invoer);
        Assert.Equal(FoutSoort.Ongeldig, result.Fout?.Soort);
        Assert.Contains("medewerker van deze school", result.Fout!.Melding, StringComparison.Ordinal);

        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        var afspraak = await db.Afspraken.SingleAsync(a => a.GesprekId == id);
        Assert.Equal(("Planner gebruiken", fixture.A.Mentor.Id), (afspraak.Wat, afspraak.EigenaarId));
        Assert.Equal(1, (await db.Gesprekken.SingleAsync(g => g.Id == id)).Versie);
    }
}
