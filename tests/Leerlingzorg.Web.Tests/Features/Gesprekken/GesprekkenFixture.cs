using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Gesprekken;

/// <summary>
/// Two schools (TestData), plus in school A a second class 2B (leerjaar 2) with its own mentor, and a second mentor
/// of 1A who writes the gesprekken that the readers did not write themselves.
/// </summary>
public sealed class GesprekkenFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public SchoolScenario A { get; private set; } = null!;
    public SchoolScenario B { get; private set; } = null!;
    public Klas Klas2B { get; private set; } = null!;
    public Gebruiker MentorVan2B { get; private set; } = null!;
    /// <summary>A second mentor of 1A: the author of the gesprekken in the matrix.</summary>
    public Gebruiker Auteur { get; private set; } = null!;
    public Guid MentorgesprekA { get; private set; }
    public Guid VoortgangsgesprekA { get; private set; }

    public TestData Data => new(App);

    public async Task InitializeAsync()
    {
        App = new TestApp(await TestDatabase.Current.CreateDatabaseAsync("gesprekken"));
        A = await Data.SchoolAsync("School A");
        B = await Data.SchoolAsync("School B");
        MentorVan2B = await Data.UserAsync(A.School.Id, Rollen.Mentor);
        Auteur = await Data.UserAsync(A.School.Id, Rollen.Mentor);
        Klas2B = new Klas { Naam = "2B", Leerjaar = 2, AfdelingId = A.Klas.AfdelingId, LocatieId = A.Locatie.Id, Schooljaar = TestData.HuidigSchooljaar };
        await using var db = App.ContextFor(A.School.Id);
        db.Klassen.Add(Klas2B);
        db.KlasMentoren.Add(new KlasMentor { KlasId = Klas2B.Id, MedewerkerId = MentorVan2B.Id });
        db.KlasMentoren.Add(new KlasMentor { KlasId = A.Klas.Id, MedewerkerId = Auteur.Id });
        await db.SaveChangesAsync();
        var soorten = await db.GesprekSoorten.OrderBy(s => s.Volgorde).ToListAsync();
        MentorgesprekA = soorten.First(s => !s.IsVoortgangsgesprek).Id;
        VoortgangsgesprekA = soorten.First(s => s.IsVoortgangsgesprek).Id;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A gesprek written straight into the database (for the read matrix: also by users who could not write one).</summary>
    public async Task<Guid> GesprekAsync(Guid auteur, Vertrouwelijkheid niveau, params Guid[] leerlingen)
    {
        var gesprek = new Gesprek
        {
            SoortId = MentorgesprekA, Datum = Schooldag.Vandaag, AuteurId = auteur, Samenvatting = "Matrix",
            Vertrouwelijkheid = niveau, AangemaaktOp = DateTimeOffset.UtcNow,
            Leerlingen = [.. leerlingen.Select(l => new GesprekLeerling { LeerlingId = l })],
        };
        await using var db = App.ContextFor(A.School.Id);
        db.Gesprekken.Add(gesprek);
        await db.SaveChangesAsync();
        return gesprek.Id;
    }


    public async Task<bool> LeesbaarAsync(Gebruiker user, string rol, Guid gesprekId, bool metVerwijderde = false)
    {
        await using var scope = App.ScopeAs(user, rol);
        var current = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        await using var db = App.ContextFor(user.SchoolId);
        return await Web.Infrastructure.Authorization.Dossiertoegang.LeesbareGesprekken(db, current, metVerwijderde).AnyAsync(g => g.Id == gesprekId);
    }
}
