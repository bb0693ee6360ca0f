using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Gesprekken;

/// <summary>
/// The full role × confidentiality × author matrix: who may read a gesprek about a student of klas 1A (leerjaar 1),
/// checked through GesprekBekijken and through LeesbareGesprekken (the rule every list uses).
/// </summary>
[Collection(BulkDatabaseCollection.Name)]
public sealed class GesprekLeesrechtTests(GesprekkenFixture fixture) : IClassFixture<GesprekkenFixture>
{
    // Expected for a gesprek the reader did not write: Normaal, Zorg, Vertrouwelijk. As its author: always readable.
    public static TheoryData<string, bool, bool, bool> Matrix => new()
    {
        { "MentorVanLeerling", true, true, false },
        { "MentorAndereKlas", false, false, false },
        { "DocentVanLeerling", true, false, false },
        { "DocentZonderLes", false, false, false },
        { "LeerjaarcoordinatorVanLeerling", true, true, false },
        { "LeerjaarcoordinatorAnderLeerjaar", false, false, false },
        { Rollen.Zorgcoordinator, true, true, true },
        { Rollen.InternBegeleider, true, true, false },
        { Rollen.AmbulantBegeleider, true, true, false },
        { Rollen.Orthopedagoog, true, true, false },
        { Rollen.Verzuimcoordinator, true, false, false },
        { Rollen.Schoolleiding, true, false, false },
        { Rollen.Beheerder, false, false, false },
        { "OuderVanLeerling", false, false, false },
        { "SamenwerkingsverbandGebruiker", false, false, false },
        { "ZonderRol", false, false, false },
        { "ZorgcoordinatorAndereSchool", false, false, false },
    };

    /// <summary>Who is no staff reads no gesprek, not even one stored under his own name.</summary>
    private static bool IsGeenMedewerker(string wie) => wie is "OuderVanLeerling" or "SamenwerkingsverbandGebruiker" or "ZonderRol";

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_read_a_gesprek_per_level_as_author_and_not_as_author(string wie, bool normaal, bool zorg, bool vertrouwelijk)
    {
        var (user, rol) = await LezerAsync(wie);
        var leerling = fixture.A.Leerlingen[0].Id;
        var verschillen = new List<string>();
        foreach (var (niveau, verwacht) in new[] { (Vertrouwelijkheid.Normaal, normaal), (Vertrouwelijkheid.Zorg, zorg), (Vertrouwelijkheid.Vertrouwelijk, vertrouwelijk) })
        {
            var vanAnder = await fixture.GesprekAsync(fixture.Auteur.Id, niveau, leerling);
            await Controleer(user, rol, vanAnder, verwacht, $"{niveau}, niet auteur", verschillen);
            // A user of another school cannot be the author of a gesprek of school A.
            if (user.SchoolId == fixture.A.School.Id)
            {
                var eigen = await fixture.GesprekAsync(user.Id, niveau, leerling);
                await Controleer(user, rol, eigen, !IsGeenMedewerker(wie), $"{niveau}, auteur", verschillen);
            }
        }
        Assert.Empty(verschillen);
    }

    [Fact]
    public async Task Every_read_is_audited_once_per_student_of_the_gesprek()
    {
        var leerlingen = fixture.A.Leerlingen.Select(l => l.Id).ToArray();
        var id = await fixture.GesprekAsync(fixture.Auteur.Id, Vertrouwelijkheid.Normaal, leerlingen);
        await using (var scope = fixture.App.ScopeAs(fixture.A.Mentor, Rollen.Mentor))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<GesprekBekijkenHandler>().HandleAsync(id)).IsGelukt);
        }
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        var gelezen = await db.AuditEntries
            .Where(a => a.GebruikerId == fixture.A.Mentor.Id && a.Actie == AuditActie.Lezen && a.Detail.Contains(id.ToString()))
            .Select(a => a.LeerlingId).ToListAsync();
        Assert.Equal(leerlingen.Order(), gelezen.Select(l => l!.Value).Order());
    }

    private async Task Controleer(Gebruiker user, string rol, Guid gesprekId, bool verwacht, string geval, List<string> verschillen)
    {
        var viaRegel = await fixture.LeesbaarAsync(user, rol, gesprekId);
        bool viaHandler;
        await using (var scope = fixture.App.ScopeAs(user, rol))
        {
            var result = await scope.ServiceProvider.GetRequiredService<GesprekBekijkenHandler>().HandleAsync(gesprekId);
            viaHandler = result.IsGelukt;
            if (!viaHandler && result.Fout!.Soort is not (FoutSoort.NietGevonden or FoutSoort.GeenToegang))
            {
                verschillen.Add($"{geval}: fout {result.Fout.Soort}");
            }
        }
        if (viaRegel != verwacht)
        {
            verschillen.Add($"{geval}: LeesbareGesprekken {viaRegel}, verwacht {verwacht}");
        }
        if (viaHandler != verwacht)
        {
            verschillen.Add($"{geval}: GesprekBekijken {viaHandler}, verwacht {verwacht}");
        }
    }

    private async Task<(Gebruiker User, string Rol)> LezerAsync(string wie)
    {
        var a = fixture.A.School.Id;
        switch (wie)
        {
            case "MentorVanLeerling":
                return (await MetRelatieAsync(Rollen.Mentor, (db, id) => db.KlasMentoren.Add(new KlasMentor { KlasId = fixture.A.Klas.Id, MedewerkerId = id })), Rollen.Mentor);
            case "MentorAndereKlas":
                return (fixture.MentorVan2B, Rollen.Mentor);
            case "DocentVanLeerling":
                return (await MetRelatieAsync(Rollen.Docent, (db, id) => db.Lesopdrachten.Add(new Lesopdracht { KlasId = fixture.A.Klas.Id, MedewerkerId = id, Vak = "Engels" })), Rollen.Docent);
            case "DocentZonderLes":
                return (await MetRelatieAsync(Rollen.Docent, (db, id) => db.Lesopdrachten.Add(new Lesopdracht { KlasId = fixture.Klas2B.Id, MedewerkerId = id, Vak = "Engels" })), Rollen.Docent);
            case "LeerjaarcoordinatorVanLeerling":
                return (await MetRelatieAsync(Rollen.Leerjaarcoordinator, (db, id) => db.Coordinatoren.Add(new Coordinator { MedewerkerId = id, Leerjaar = 1 })), Rollen.Leerjaarcoordinator);
            case "LeerjaarcoordinatorAnderLeerjaar":
                return (await MetRelatieAsync(Rollen.Leerjaarcoordinator, (db, id) => db.Coordinatoren.Add(new Coordinator { MedewerkerId = id, Leerjaar = 2 })), Rollen.Leerjaarcoordinator);
            case "OuderVanLeerling":
                // The parent of Leerlingen[0]: parents do not read gesprekken.
                return (fixture.A.OuderGebruiker, Rollen.Ouder);
            case "SamenwerkingsverbandGebruiker":
                return (await fixture.Data.SwvUserAsync(fixture.A.Swv.Id, Rollen.SwvOrthopedagoog), Rollen.SwvOrthopedagoog);
            case "ZonderRol":
                return (await fixture.Data.UserAsync(a), "");
            case "ZorgcoordinatorAndereSchool":
                return (await fixture.Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator), Rollen.Zorgcoordinator);
            default:
                return (await fixture.Data.UserAsync(a, wie), wie);
        }
    }

    private async Task<Gebruiker> MetRelatieAsync(string rol, Action<Web.Infrastructure.Persistence.LeerlingzorgDbContext, Guid> relatie)
    {
        var user = await fixture.Data.UserAsync(fixture.A.School.Id, rol);
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        relatie(db, user.Id);
        await db.SaveChangesAsync();
        return user;
    }
}
