using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Import;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Ondersteuningsprofielen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Infrastructure;

/// <summary>Builds schools with a class, a mentor, students and a parent, through the application's own guards.</summary>
public sealed class TestData(TestApp app)
{
    public const string Wachtwoord = "Test-wachtwoord-12345";

    public static Schooljaar HuidigSchooljaar => Schooldag.Schooljaar;

    public async Task<SchoolScenario> SchoolAsync(string naam, int aantalLeerlingen = 3)
    {
        var swv = new Samenwerkingsverband { Naam = "SWV " + naam };
        var school = new School { Naam = naam, Brinnummer = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), SamenwerkingsverbandId = swv.Id };
        await using (var db = app.ContextFor(null))
        {
            db.Samenwerkingsverbanden.Add(swv);
            db.Scholen.Add(school);
            await db.SaveChangesAsync();
        }
        var mentor = await UserAsync(school.Id, Rollen.Mentor);
        var ouderGebruiker = await UserAsync(school.Id, Rollen.Ouder);

        var docent = await UserAsync(school.Id, Rollen.Docent);
        var coordinator = await UserAsync(school.Id, Rollen.Leerjaarcoordinator);
        var locatie = new Locatie { Naam = naam + " hoofdgebouw", Plaats = "Utrecht" };
        var afdeling = new Afdeling { Naam = "havo/vwo" };
        var klas = new Klas { Naam = "1A", Leerjaar = 1, AfdelingId = afdeling.Id, Schooljaar = HuidigSchooljaar, LocatieId = locatie.Id };
        var leerlingen = Enumerable.Range(1, aantalLeerlingen).Select(i => new Leerling
        {
            Leerlingnummer = $"{i:D5}", Voornaam = $"Leerling{i}", Achternaam = naam, Geboortedatum = new DateOnly(2013, 3, i), KlasId = klas.Id,
        }).ToList();
        var ouder = new Ouder { Voornaam = "Ouder", Achternaam = naam, GebruikerId = ouderGebruiker.Id, Email = ouderGebruiker.Email };
        await using (var db = app.ContextFor(school.Id))
        {
            db.Locaties.Add(locatie);
            db.Afdelingen.Add(afdeling);
            db.Klassen.Add(klas);
            db.Coordinatoren.Add(new Coordinator { MedewerkerId = coordinator.Id, Leerjaar = 1 });
            db.Lesopdrachten.Add(new Lesopdracht { KlasId = klas.Id, MedewerkerId = docent.Id, Vak = "Nederlands" });
            db.KlasPlaatsingen.AddRange(leerlingen.Select(l => new KlasPlaatsing { LeerlingId = l.Id, KlasId = klas.Id, Schooljaar = HuidigSchooljaar }));
            db.ImportRuns.Add(new ImportRun { Soort = "leerlingen", Bestandsnaam = "export.csv", GestartDoor = coordinator.Id, GestartOp = DateTimeOffset.UtcNow });
            // Last year's rollover, so that the isolation suite holds a row of it; this year's is still to be done.
            db.Schooljaarovergangen.Add(Schooljaarovergang.Uitgevoerd(new Schooljaar(HuidigSchooljaar.Startjaar - 1), coordinator.Id, DateTimeOffset.UtcNow, 0, 0, 0, 0));
            db.ImportKoppelingen.Add(new ImportKoppeling { Soort = "leerlingen", KolommenJson = "{}", GewijzigdOp = DateTimeOffset.UtcNow });
            var soorten = GesprekSoort.Standaard();
            db.GesprekSoorten.AddRange(soorten);
            var gesprek = new Gesprek
            {
                SoortId = soorten[0].Id, Datum = Schooldag.Vandaag, AuteurId = mentor.Id,
                Samenvatting = "Kennismaking", Vertrouwelijkheid = Vertrouwelijkheid.Normaal, AangemaaktOp = DateTimeOffset.UtcNow,
                // Edited once: revision 1 holds the first version.
                Versie = 2,
            };
            db.Gesprekken.Add(gesprek);
            db.GesprekLeerlingen.Add(new GesprekLeerling { GesprekId = gesprek.Id, LeerlingId = leerlingen[0].Id });
            db.GesprekRevisies.Add(new GesprekRevisie { GesprekId = gesprek.Id, Versie = 1, GewijzigdDoor = mentor.Id, GewijzigdOp = DateTimeOffset.UtcNow, Inhoud = "{}" });
            db.GesprekConcepten.Add(new GesprekConcept { AuteurId = mentor.Id, Sleutel = $"nieuw:{leerlingen[0].Id}", Inhoud = "{}", BijgewerktOp = DateTimeOffset.UtcNow });
            db.Afspraken.Add(new Afspraak { LeerlingId = leerlingen[0].Id, GesprekId = gesprek.Id, Wat = "Planner gebruiken", EigenaarId = mentor.Id, AangemaaktOp = DateTimeOffset.UtcNow });
            db.KlasMentoren.Add(new KlasMentor { KlasId = klas.Id, MedewerkerId = mentor.Id });
            db.Leerlingen.AddRange(leerlingen);
            db.Ouders.Add(ouder);
            // The support structure (issue 9): one row of each, so that the isolation suite covers them.
            var aanbod = new Ondersteuningsaanbod
            {
                Naam = "Plannen en organiseren", Categorie = Ondersteuningscategorie.Leren, Niveau = PmNiveau.PmI,
                Aanbiedersoort = Aanbiedersoort.Intern, Aanbieder = "Mentor",
            };
            db.Ondersteuningsaanbod.Add(aanbod);
            db.Inzetten.Add(new Inzet
            {
                LeerlingId = leerlingen[0].Id, AanbodId = aanbod.Id, Doel = "Zelf een weekplanning maken", Start = Schooldag.Vandaag,
                EigenaarId = mentor.Id, Status = InzetStatus.Actief, AangemaaktOp = DateTimeOffset.UtcNow, AangemaaktDoor = mentor.Id,
            });
            db.PmStappen.Add(new PmStap
            {
                LeerlingId = leerlingen[0].Id, Van = PmNiveau.Pm0, Naar = PmNiveau.PmI, Datum = Schooldag.Vandaag,
                VastgelegdOp = DateTimeOffset.UtcNow, DoorId = mentor.Id, Reden = "Intake afgerond",
            });
            db.Toestemmingen.Add(new Toestemming
            {
                LeerlingId = leerlingen[0].Id, OuderId = ouder.Id, Doel = ToestemmingDoel.IbBegeleiding, Wijze = ToestemmingWijze.Mondeling,
                GegevenOp = Schooldag.Vandaag, VastgelegdOp = DateTimeOffset.UtcNow, VastgelegdDoor = mentor.Id,
            });
            db.Ondersteuningspassen.Add(new Ondersteuningspas
            {
                LeerlingId = leerlingen[0].Id, Diagnose = "Dyslexie", Faciliteiten = [new PasFaciliteit { Soort = Faciliteit.ExtraTijd }],
                GeldigVanaf = Schooldag.Vandaag, AangemaaktOp = DateTimeOffset.UtcNow, AangemaaktDoor = mentor.Id,
            });
            db.LeerlingOuders.Add(new LeerlingOuder { LeerlingId = leerlingen[0].Id, OuderId = ouder.Id, Relatie = OuderRelatie.Moeder });
            // The meetings (issue 10): a leerlingbespreking of the class with its agenda, a docent's form and a partner.
            var bespreking = new Bespreking
            {
                Soort = BesprekingSoort.Leerlingbespreking, Datum = Schooldag.Vandaag.AddDays(14), Begin = new TimeOnly(15, 30),
                VoorzitterId = coordinator.Id, AangemaaktDoor = coordinator.Id, AangemaaktOp = DateTimeOffset.UtcNow,
                InventarisatieDeadline = Schooldag.Vandaag.AddDays(12),
            };
            bespreking.Klassen.Add(new BesprekingKlas { BesprekingId = bespreking.Id, KlasId = klas.Id });
            bespreking.Deelnemers.Add(new BesprekingDeelnemer { BesprekingId = bespreking.Id, GebruikerId = coordinator.Id });
            var partner = new Partner { Naam = "J. de Vries", Organisatie = "GGD regio", Functie = PartnerFunctie.Jeugdverpleegkundige };
            db.Partners.Add(partner);
            bespreking.Partners.Add(new BesprekingPartner { BesprekingId = bespreking.Id, PartnerId = partner.Id });
            var agendapunt = new Agendapunt { BesprekingId = bespreking.Id, LeerlingId = leerlingen[0].Id, Volgorde = 1, Probleem = "Werkhouding" };
            bespreking.Agenda.Add(agendapunt);
            db.Besprekingen.Add(bespreking);
            var inventarisatie = new Inventarisatie { BesprekingId = bespreking.Id, KlasId = klas.Id, DocentId = docent.Id, Deadline = Schooldag.Vandaag.AddDays(12) };
            inventarisatie.Regels.Add(new InventarisatieRegel { InventarisatieId = inventarisatie.Id, LeerlingId = leerlingen[0].Id, Werkhouding = Oordeel.Zorg });
            db.Inventarisaties.Add(inventarisatie);
            // The plans (issue 11): an OPP whose first version is with the parent, an overleg and a consent request.
            var (plan, _) = Plan.Start(leerlingen[0], PlanSoort.Opp, Schooldag.Vandaag.AddDays(-7),
                new PlanInhoud { Onderwijsbehoeften = "Rust en structuur" }, lopend: false, Schooldag.Vandaag, DateTimeOffset.UtcNow, mentor.Id);
            db.Plannen.Add(plan!);
            var versie = plan!.Versies[0];
            versie.Status = PlanStatus.TerInstemming;
            db.Instemmingen.Add(new Instemming
            {
                VersieId = versie.Id, LeerlingId = leerlingen[0].Id, OuderId = ouder.Id, Revisie = versie.Revisie, GevraagdOp = DateTimeOffset.UtcNow,
            });
            db.Planoverleggen.Add(new Planoverleg { LeerlingId = leerlingen[0].Id, VersieId = versie.Id, Aanleiding = "Te weinig uren", GeopendOp = DateTimeOffset.UtcNow });
            db.Toestemmingsverzoeken.Add(new Toestemmingsverzoek
            {
                LeerlingId = leerlingen[0].Id, OuderId = ouder.Id, Doel = ToestemmingDoel.ObservatieOrthopedagoog, Toelichting = "Observatie in de klas",
                GevraagdOp = DateTimeOffset.UtcNow, GevraagdDoor = mentor.Id,
            });
            // An aanmelding (issue 12, PM 0) not yet linked to a student: it adds nothing to a timeline.
            db.Aanmeldingen.Add(new Domain.Aanmeldingen.Aanmelding
            {
                Voornaam = "Noor", Achternaam = "Aangemeld", Geboortedatum = new DateOnly(2014, 3, 1), Ondersteuningsvraag = "Dyslexie",
                OntvangenOp = Schooldag.Vandaag.AddDays(-3), VastgelegdOp = DateTimeOffset.UtcNow, VastgelegdDoor = coordinator.Id,
            });
            // A Verwijsindex registration (issue 12) of today: far from its deadline, so no reminder in any test.
            db.Signaleringen.Add(new Domain.Verwijsindex.Signalering
            {
                LeerlingId = leerlingen[0].Id, Naam = leerlingen[0].VolledigeNaam, Geboortedatum = leerlingen[0].Geboortedatum,
                GesignaleerdOp = Schooldag.Vandaag, DoorId = coordinator.Id, DoorNaam = "Test Zorgcoördinator", Contactpersoon = "Test Zorgcoördinator",
                ContactTelefoonOfEmail = "zorg@test.example", VastgelegdOp = DateTimeOffset.UtcNow,
                Informeringen = [new Domain.Verwijsindex.Informering { OuderId = ouder.Id, Op = Schooldag.Vandaag, Wijze = Domain.Verwijsindex.InformeerWijze.Brief }],
            });
            // The ondersteuningsprofiel (issue 12): one per school, for the isolation suite; not published.
            db.Ondersteuningsprofielen.Add(new Ondersteuningsprofiel { Ondersteuningsstructuur = "Mentor en zorgcoördinator" });
            await db.SaveChangesAsync();
        }
        return new SchoolScenario(swv, school, locatie, klas, mentor, leerlingen, ouder, ouderGebruiker, docent);
    }

    public async Task<Gebruiker> UserAsync(Guid schoolId, params string[] rollen) =>
        await CreateAsync(new Gebruiker { Voornaam = "Test", Achternaam = rollen.FirstOrDefault() ?? "Gebruiker", SchoolId = schoolId }, rollen);

    public async Task<Gebruiker> SwvUserAsync(Guid swvId, params string[] rollen) =>
        await CreateAsync(new Gebruiker { Voornaam = "Test", Achternaam = "Swv", SamenwerkingsverbandId = swvId }, rollen);

    private async Task<Gebruiker> CreateAsync(Gebruiker gebruiker, string[] rollen)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var rol in rollen)
        {
            if (!await roles.RoleExistsAsync(rol))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(rol));
            }
        }
        gebruiker.Email = gebruiker.UserName = $"{Guid.NewGuid():N}@test.example";
        Check(await users.CreateAsync(gebruiker, Wachtwoord));
        Check(await users.AddToRolesAsync(gebruiker, rollen));
        return gebruiker;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record SchoolScenario(
    Samenwerkingsverband Swv, School School, Locatie Locatie, Klas Klas, Gebruiker Mentor,
    IReadOnlyList<Leerling> Leerlingen, Ouder Ouder, Gebruiker OuderGebruiker, Gebruiker Docent);
