using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Tests.Tenancy;

/// <summary>
/// The two-level tenancy (ADR 0010): SWV A with schools X and Y, SWV B with school Z. Each school sent an application to
/// its SWV, each SWV holds a row of every SWV-owned entity. A new SWV-owned entity adds its row in <see cref="VulAsync"/>.
/// </summary>
public sealed class TwoSwvFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public Samenwerkingsverband SwvA { get; private set; } = null!;
    public Samenwerkingsverband SwvB { get; private set; } = null!;
    public SchoolScenario X { get; private set; } = null!;
    public SchoolScenario Y { get; private set; } = null!;
    public SchoolScenario Z { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new TestApp(await TestDatabase.Current.CreateDatabaseAsync("swvtenancy"));
        var data = new TestData(App);
        X = await data.SchoolAsync("School X");
        Y = await data.SchoolAsync("School Y");
        Z = await data.SchoolAsync("School Z");
        SwvA = X.Swv;
        SwvB = Z.Swv;
        // Y joins X's partnership (the schools table is outside the tenancy).
        await using (var db = App.ContextFor(null))
        {
            await db.Scholen.Where(s => s.Id == Y.School.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SamenwerkingsverbandId, SwvA.Id));
        }
        var manager = await data.SwvUserAsync(SwvA.Id, Rollen.SwvManager);
        var managerB = await data.SwvUserAsync(SwvB.Id, Rollen.SwvManager);
        foreach (var (school, swv) in new[] { (X, SwvA), (Y, SwvA), (Z, SwvB) })
        {
            await using var db = App.ContextFor(school.School.Id);
            var aanvraag = Aanvraag(school, swv.Id);
            db.Swvaanvragen.Add(aanvraag);
            // A group arrangement's student, sent by the school with it.
            db.Groepsleden.Add(new Groepslid
            {
                SwvId = swv.Id, SchoolId = school.School.Id, AanvraagId = aanvraag.Id, LeerlingId = school.Leerlingen[1].Id,
                Leerling = new("Leerling2 " + school.School.Naam, new DateOnly(2013, 4, 1), "1", "havo"),
            });
            await db.SaveChangesAsync();
        }
        await VulAsync(SwvA.Id, manager.Id);
        await VulAsync(SwvB.Id, managerB.Id);
    }

    /// <summary>A CTO referral as school <paramref name="school"/> sends it.</summary>
    public static Swvaanvraag Aanvraag(SchoolScenario school, Guid swvId) => new()
    {
        SwvId = swvId, SchoolId = school.School.Id, LeerlingId = school.Leerlingen[0].Id, Soort = Aanvraagsoort.CtoAdvies,
        Vraag = "Wat zijn de volgende stappen?", Leerling = new("Leerling1 " + school.School.Naam, new DateOnly(2013, 3, 1), "1", "havo"),
        Snapshot = new Aanvraagsnapshot { Samenvatting = "Samenvatting van " + school.School.Naam },
        IngediendOp = DateTimeOffset.UtcNow, IngediendDoor = school.Mentor.Id, IngediendDoorNaam = "Test, zorgcoördinator",
    };

    // The SWV's own rows: one of every SWV-owned entity that is not something a school sends.
    private async Task VulAsync(Guid swvId, Guid medewerker)
    {
        await using var db = App.ContextForSwv(swvId);
        var aanvraag = await db.Swvaanvragen.FirstAsync();
        db.Beoordelingen.Add(new Beoordeling
        {
            AanvraagId = aanvraag.Id, Rol = Beoordelaarsrol.Manager, DoorId = medewerker, DoorNaam = "Manager",
            Positief = true, Toelichting = "Passend", Op = DateTimeOffset.UtcNow,
        });
        db.Swvbudgetten.Add(new Swvbudget { Schooljaar = new Schooljaar(2026), Bedrag = 100_000m });
        db.Bestedingen.Add(new Besteding
        {
            AanvraagId = aanvraag.Id, OntvangendeSchoolId = aanvraag.SchoolId, Bedrag = 100m, Datum = new DateOnly(2026, 12, 1),
            Omschrijving = "Factuur", DoorId = medewerker, Op = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
