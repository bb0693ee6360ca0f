using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Leerlingzorg.Web.Infrastructure.DemoData;

/// <summary>
/// Demo data for Development (never Production): one samenwerkingsverband with two schools (one with two
/// locaties), four classes per school across leerjaren 1–4, about sixty students per school with parents,
/// and one login per role per school. Deterministic, idempotent, and written through the same
/// school-bound contexts as the application, so row-level security checks the seed too.
/// </summary>
public sealed partial class DemoDataSeeder(
    PooledDbContextFactory<LeerlingzorgDbContext> pool,
    UserManager<Gebruiker> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IPasswordHasher<Gebruiker> passwordHasher,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>The password of every demo login (listed in the README).</summary>
    public const string Wachtwoord = "Leerlingzorg-demo-2026";

    public static readonly DemoSchool Rijnland = new("Rijnland College", "23RC", "rijnland.example",
        [new("Rijnland College Wageningen", "Wageningen"), new("Rijnland College Rhenen", "Rhenen")],
        [new("1A", 1, "mavo/havo", 0), new("2B", 2, "havo/vwo", 0), new("3H", 3, "havo", 1), new("4V", 4, "vmbo-kader", 1)],
        Seed: 2026);

    public static readonly DemoSchool Vallei = new("Vallei Lyceum", "24VL", "vallei.example",
        [new("Vallei Lyceum Ede", "Ede")],
        [new("1K", 1, "havo/vwo", 0), new("2M", 2, "mavo", 0), new("3T", 3, "vwo", 0), new("4H", 4, "havo", 0)],
        Seed: 2027, OppVoorDemoOuder: true);

    public const string SwvDomein = "swv-vallei-rijn.example";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (environment.IsProduction())
        {
            throw new InvalidOperationException("Demodata wordt nooit in productie geladen.");
        }
        await using (var check = pool.CreateDbContext())
        {
            if (await check.Samenwerkingsverbanden.AnyAsync(cancellationToken))
            {
                return;
            }
        }
        foreach (var rol in Rollen.Alle)
        {
            if (!await roleManager.RoleExistsAsync(rol))
            {
                await roleManager.CreateAsync(new IdentityRole<Guid>(rol));
            }
        }

        var swv = new Samenwerkingsverband { Naam = "Samenwerkingsverband VO Vallei en Rijn", Code = "VO 25-99" };
        var scholen = new[] { Rijnland, Vallei }.Select(s => (Demo: s, School: new School
        {
            Naam = s.Naam, Brinnummer = s.Brin, SamenwerkingsverbandId = swv.Id,
            // The two settings side by side: Rijnland asks every parent with gezag, Vallei one.
            OppInstemming = s.OppVoorDemoOuder ? Instemmingsbeleid.EenOuder : Instemmingsbeleid.AlleOuders,
        })).ToList();
        await using (var db = pool.CreateDbContext())
        {
            db.BindToSchool(null);
            db.Samenwerkingsverbanden.Add(swv);
            db.Scholen.AddRange(scholen.Select(s => s.School));
            await db.SaveChangesAsync(cancellationToken);
        }

        var hash = passwordHasher.HashPassword(null!, Wachtwoord);
        foreach (var (rol, voornaam, achternaam) in new[]
                 {
                     (Rollen.SwvMedewerker, "Femke", "Kuipers"),
                     (Rollen.SwvOrthopedagoog, "Joost", "Verhoeven"),
                     (Rollen.SwvManager, "Ingrid", "Bakker"),
                 })
        {
            await MaakGebruikerAsync(new Gebruiker
            {
                Voornaam = voornaam, Achternaam = achternaam, SamenwerkingsverbandId = swv.Id,
                Email = $"{Lokaal(rol)}@{SwvDomein}",
            }, hash, [rol]);
        }

        var jaar = Schoolkalender.HuidigSchooljaar(time);
        foreach (var (demo, school) in scholen)
        {
            await SeedSchoolAsync(demo, school, jaar, hash, cancellationToken);
        }
        await DemoAanmeldingenAsync(scholen.First(s => s.Demo == Rijnland).School, cancellationToken);
        // After everything else, with fixed texts of its own: the random sequence above stays as it was.
        foreach (var (demo, school) in scholen)
        {
            await DemoProfielAsync(demo, school, cancellationToken);
        }
        await DemoSwvAsync(swv, scholen.First(s => s.Demo == Rijnland).School, scholen.First(s => s.Demo == Vallei).School, cancellationToken);
        LogSeeded(scholen.Count);
    }

    private async Task SeedSchoolAsync(DemoSchool demo, School school, Schooljaar jaar, string hash, CancellationToken cancellationToken)
    {
        var random = new Random(demo.Seed);
        var personeel = new Dictionary<string, Gebruiker>();
        foreach (var rol in Rollen.SchoolRollen.Where(r => r != Rollen.Ouder))
        {
            var (voornaam, tussenvoegsel, achternaam) = Namen.Persoon(random);
            var gebruiker = new Gebruiker
            {
                Voornaam = voornaam, Tussenvoegsel = tussenvoegsel, Achternaam = achternaam, SchoolId = school.Id,
                Email = $"{Lokaal(rol)}@{demo.Domein}",
            };
            // The demo mentor also teaches, as most mentors do.
            await MaakGebruikerAsync(gebruiker, hash, rol == Rollen.Mentor ? [Rollen.Mentor, Rollen.Docent] : [rol]);
            personeel[rol] = gebruiker;
        }

        await using var db = pool.CreateDbContext();
        db.BindToSchool(school.Id);
        var locaties = demo.Locaties.Select(l => new Locatie { Naam = l.Naam, Plaats = l.Plaats }).ToList();
        db.Locaties.AddRange(locaties);
        var afdelingen = demo.Klassen.Select(k => k.Afdeling).Distinct().ToDictionary(a => a, a => new Afdeling { Naam = a });
        db.Afdelingen.AddRange(afdelingen.Values);
        db.Coordinatoren.AddRange(
            new Coordinator { MedewerkerId = personeel[Rollen.Leerjaarcoordinator].Id, Leerjaar = 1 },
            new Coordinator { MedewerkerId = personeel[Rollen.Leerjaarcoordinator].Id, Leerjaar = 2 },
            new Coordinator { MedewerkerId = personeel[Rollen.Afdelingscoordinator].Id, Leerjaar = 3 },
            new Coordinator { MedewerkerId = personeel[Rollen.Afdelingscoordinator].Id, Leerjaar = 4 });

        var soorten = GesprekSoort.Standaard();
        db.GesprekSoorten.AddRange(soorten);
        db.Ondersteuningsaanbod.AddRange(Domain.Ondersteuning.Ondersteuningsaanbod.Standaard());
        // The fixed external experts of the TDO/ZAT (DOMAIN.md, Meetings) and the wijkteam's brugfunctionaris.
        db.Partners.AddRange(
            new Partner { Naam = "Ineke Bos", Organisatie = "GGD regio Gelderland-Midden", Functie = PartnerFunctie.Jeugdverpleegkundige, Email = "i.bos@ggd.example", Telefoon = "088 355 0000" },
            new Partner { Naam = "Ruud Verhoef", Organisatie = "Leerplicht regio " + EerstePlaats(demo), Functie = PartnerFunctie.Leerplichtambtenaar, Email = "r.verhoef@leerplicht.example" },
            new Partner { Naam = "Samira El Idrissi", Organisatie = "Wijkteam " + EerstePlaats(demo), Functie = PartnerFunctie.Brugfunctionaris, Telefoon = "0317 123 456" },
            new Partner { Naam = "Tom Hendriks", Organisatie = "Samenwerkingsverband Vallei en Rijn", Functie = PartnerFunctie.OrthopedagoogSwv, Email = "t.hendriks@swv.example" },
            new Partner { Naam = "Lotte Jansen", Organisatie = "Indigo Gelderse Vallei", Functie = PartnerFunctie.Preventiemedewerker, Email = "l.jansen@indigo.example" },
            new Partner { Naam = "Mark de Boer", Organisatie = "Schoolmaatschappelijk werk " + EerstePlaats(demo), Functie = PartnerFunctie.Schoolmaatschappelijkwerker, Telefoon = "0318 765 432" });
        var vandaag = Schoolkalender.Vandaag(time);
        var nu = time.GetUtcNow();

        var volgnummer = 0;
        var klasnummer = 0;
        Gebruiker? ouderAccount = null;
        foreach (var demoKlas in demo.Klassen)
        {
            var klas = new Klas
            {
                Naam = demoKlas.Naam, Leerjaar = demoKlas.Leerjaar, AfdelingId = afdelingen[demoKlas.Afdeling].Id, Schooljaar = jaar,
                LocatieId = locaties[demoKlas.Locatie].Id,
            };
            db.Klassen.Add(klas);
            // The demo docent teaches Nederlands in the lower years.
            if (demoKlas.Leerjaar <= 2)
            {
                db.Lesopdrachten.Add(new Lesopdracht { KlasId = klas.Id, MedewerkerId = personeel[Rollen.Docent].Id, Vak = "Nederlands" });
            }
            // The first class is the demo mentor's; the others get a mentor of their own.
            var mentor = klasnummer++ == 0 ? personeel[Rollen.Mentor] : await ExtraMentorAsync(demo, school, klas, random, hash);
            db.KlasMentoren.Add(new KlasMentor { KlasId = klas.Id, MedewerkerId = mentor.Id });
            db.Lesopdrachten.Add(new Lesopdracht { KlasId = klas.Id, MedewerkerId = mentor.Id, Vak = Namen.Vak(random) });

            var klasleerlingen = new List<Leerling>();
            for (var i = 0; i < 15; i++)
            {
                var (voornaam, tussenvoegsel, achternaam) = Namen.Persoon(random);
                // Klas 1 of schooljaar 2026-2027 was born between October 2013 and September 2014.
                var geboortejaar = jaar.Startjaar - 12 - demoKlas.Leerjaar;
                var leerling = new Leerling
                {
                    Leerlingnummer = $"{demo.Seed % 100}{++volgnummer:D4}",
                    Voornaam = voornaam, Tussenvoegsel = tussenvoegsel, Achternaam = achternaam,
                    Geboortedatum = new DateOnly(geboortejaar, 10, 1).AddDays(random.Next(0, 365)),
                    KlasId = klas.Id,
                    IsAmv = demoKlas.Leerjaar == 2 && i == 14,
                    Inschrijfdatum = new Schooljaar(jaar.Startjaar - demoKlas.Leerjaar + 1).Begin,
                };
                db.Leerlingen.Add(leerling);
                klasleerlingen.Add(leerling);
                db.KlasPlaatsingen.Add(new KlasPlaatsing { LeerlingId = leerling.Id, KlasId = klas.Id, Schooljaar = jaar });
                if (i < 4)
                {
                    DemoGesprekken(db, soorten, leerling, mentor, personeel[Rollen.Zorgcoordinator], i, vandaag, nu);
                }
                if (i == 1 && demoKlas.Leerjaar <= 3)
                {
                    DemoZorgladder(db, leerling, mentor, personeel[Rollen.Zorgcoordinator], demoKlas.Leerjaar == 3, vandaag, nu);
                }
                if (leerling.IsAmv)
                {
                    var voogd = new Ouder { Voornaam = "Sanne", Tussenvoegsel = "de", Achternaam = "Wit", Email = $"voogd.{volgnummer}@nidos.example", Telefoon = "030 123 4567" };
                    db.Ouders.Add(voogd);
                    db.LeerlingOuders.Add(new LeerlingOuder { LeerlingId = leerling.Id, OuderId = voogd.Id, Relatie = OuderRelatie.NidosVoogd, Gezag = true });
                    continue;
                }
                // In the school with the demo OPP the demo parents' child has two parents, both with a login (the OPP asks them
                // both). The other school's demo stays as the import sample in docs/voorbeelden expects it.
                var eenOuder = random.Next(0, 4) == 0;
                var kindVanDemoOuder = ouderAccount is null;
                var tweeLogins = kindVanDemoOuder && demo.OppVoorDemoOuder;
                var aantalOuders = tweeLogins || !eenOuder ? 2 : 1;
                var gezinsleden = new List<LeerlingOuder>();
                for (var o = 0; o < aantalOuders; o++)
                {
                    // A parent added beyond what the seed drew takes his name from a random of his own: the rest of the demo stays as it was.
                    var kans = o == 1 && eenOuder ? new Random(demo.Seed + 1) : random;
                    var ouderVoornaam = Namen.Volwassene(kans, vrouw: o == 0);
                    var ouder = new Ouder
                    {
                        Voornaam = ouderVoornaam, Tussenvoegsel = tussenvoegsel, Achternaam = achternaam,
                        Email = $"{ouderVoornaam.ToLowerInvariant()}.{volgnummer}@ouders.example",
                        Telefoon = $"06 {kans.Next(10000000, 99999999)}",
                        Voorkeurstaal = Namen.Voorkeurstaal(achternaam),
                    };
                    // The very first parent of the school gets the demo parent login.
                    if (kindVanDemoOuder && (o == 0 || tweeLogins))
                    {
                        var account = new Gebruiker
                        {
                            Voornaam = ouder.Voornaam, Tussenvoegsel = ouder.Tussenvoegsel, Achternaam = ouder.Achternaam,
                            SchoolId = school.Id, Email = o == 0 ? $"ouder@{demo.Domein}" : $"ouder2@{demo.Domein}",
                        };
                        await MaakGebruikerAsync(account, hash, [Rollen.Ouder]);
                        ouder.GebruikerId = account.Id;
                        ouder.Email = account.Email;
                        ouderAccount ??= account;
                    }
                    db.Ouders.Add(ouder);
                    var relatie = new LeerlingOuder
                    {
                        LeerlingId = leerling.Id, OuderId = ouder.Id, Ouder = ouder,
                        Relatie = o == 0 ? OuderRelatie.Moeder : OuderRelatie.Vader, Gezag = true,
                    };
                    db.LeerlingOuders.Add(relatie);
                    gezinsleden.Add(relatie);
                }
                if (tweeLogins)
                {
                    DemoOpp(db, leerling, gezinsleden, personeel[Rollen.Zorgcoordinator], vandaag, nu);
                }
            }
            if (klasnummer == 1)
            {
                DemoBesprekingen(db, klas, klasleerlingen[1], mentor, personeel, vandaag, nu);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The first class's leerlingbesprekingen (issue 10): the last one, closed eight weeks ago, with an open afspraak for its
    /// PM II student, and the next one in a week, chaired by the zorgcoördinator, with the docents' forms still to fill in.
    /// </summary>
    private static string EerstePlaats(DemoSchool demo) => demo.Locaties[0].Plaats;

    private static void DemoBesprekingen(LeerlingzorgDbContext db, Klas klas, Leerling leerling, Gebruiker mentor,
        Dictionary<string, Gebruiker> personeel, DateOnly vandaag, DateTimeOffset nu)
    {
        var zorgcoordinator = personeel[Rollen.Zorgcoordinator];
        var volgende = vandaag.AddDays(7);
        volgende = volgende.DayOfWeek switch { DayOfWeek.Saturday => volgende.AddDays(2), DayOfWeek.Sunday => volgende.AddDays(1), _ => volgende };
        Bespreking Nieuw(DateOnly datum) => new()
        {
            Soort = BesprekingSoort.Leerlingbespreking, Datum = datum, Begin = new TimeOnly(15, 30), Einde = new TimeOnly(17, 0),
            Plaats = "Lokaal 1.12", VoorzitterId = zorgcoordinator.Id, AangemaaktDoor = zorgcoordinator.Id, AangemaaktOp = nu.AddDays(datum.DayNumber - vandaag.DayNumber - 21),
            Klassen = [new BesprekingKlas { KlasId = klas.Id }],
            Deelnemers = [.. new[] { zorgcoordinator, mentor, personeel[Rollen.Leerjaarcoordinator] }.Select(g => new BesprekingDeelnemer { GebruikerId = g.Id })],
        };
        var vorige = Nieuw(vandaag.AddDays(-56));
        vorige.Status = BesprekingStatus.Afgesloten;
        vorige.AfgeslotenOp = nu.AddDays(-56);
        var punt = new Agendapunt
        {
            BesprekingId = vorige.Id, LeerlingId = leerling.Id, Volgorde = 1, Besproken = true,
            WatGaatGoed = "Sociaal gaat het goed; hij zit goed in de klas.",
            Probleem = "Huiswerk wordt vaak niet gemaakt en hij verliest in de les snel zijn concentratie.",
            Oorzaak = "Plannen is lastig; thuis is er weinig rust.",
            Aanpak = "Mentor helpt met een weekplanning; vaste plek voorin de klas.",
            BijgewerktOp = nu.AddDays(-56), BijgewerktDoor = zorgcoordinator.Id,
        };
        vorige.Agenda.Add(punt);
        db.Besprekingen.Add(vorige);
        db.Afspraken.Add(new Afspraak
        {
            LeerlingId = leerling.Id, AgendapuntId = punt.Id, EigenaarId = mentor.Id, AangemaaktOp = nu.AddDays(-56),
            Wat = "Elke maandag samen met de mentor de weekplanning maken.", Deadline = volgende,
        });
        var komende = Nieuw(volgende);
        komende.InventarisatieDeadline = Bespreking.StandaardDeadline(volgende, vandaag);
        db.Besprekingen.Add(komende);
        var lesopdrachten = db.ChangeTracker.Entries<Lesopdracht>().Select(e => e.Entity).Where(l => l.KlasId == klas.Id)
            .Select(l => (l.KlasId, l.MedewerkerId));
        db.Inventarisaties.AddRange(Inventarisatie.Uitzetten(komende, lesopdrachten));
    }

    /// <summary>A few conversations and agreements per class, so that a timeline and "Mijn afspraken" have content.</summary>
    private static void DemoGesprekken(LeerlingzorgDbContext db, IReadOnlyList<GesprekSoort> soorten, Leerling leerling,
        Gebruiker mentor, Gebruiker zorgcoordinator, int nummer, DateOnly vandaag, DateTimeOffset nu)
    {
        Gesprek Nieuw(int soort, Gebruiker auteur, int dagenGeleden, string samenvatting, Vertrouwelijkheid niveau, Voortgang? voortgang = null)
        {
            var gesprek = new Gesprek
            {
                SoortId = soorten[soort].Id, AuteurId = auteur.Id, Datum = vandaag.AddDays(-dagenGeleden),
                Samenvatting = samenvatting, Vertrouwelijkheid = niveau, Voortgang = voortgang, AangemaaktOp = nu.AddDays(-dagenGeleden),
            };
            db.Gesprekken.Add(gesprek);
            db.GesprekLeerlingen.Add(new GesprekLeerling { GesprekId = gesprek.Id, LeerlingId = leerling.Id });
            return gesprek;
        }

        var kennismaking = Nieuw(0, mentor, 60, "Kennismakingsgesprek: voelt zich op zijn plek in de klas, vindt het huiswerk nog wennen.", Vertrouwelijkheid.Normaal);
        db.Afspraken.Add(new Afspraak
        {
            LeerlingId = leerling.Id, GesprekId = kennismaking.Id, EigenaarId = mentor.Id, AangemaaktOp = nu.AddDays(-60),
            Wat = "Huiswerk elke dag in de planner zetten; mentor kijkt vrijdag mee.",
            Deadline = vandaag.AddDays(nummer % 2 == 0 ? -5 : 10),
        });
        if (nummer == 0)
        {
            Nieuw(1, mentor, 20, "Eerste voortgangsgesprek van dit schooljaar.", Vertrouwelijkheid.Normaal, new Voortgang
            {
                WatGaatGoed = "Wiskunde en gym gaan goed; hij helpt klasgenoten.",
                WatKanBeter = "Plannen van toetsweken.",
                WatKanIk = "Goed samenwerken en uitleggen.",
                HoeKanIkDatDoen = "Bij groepsopdrachten de taken verdelen.",
                WatWilIk = "Naar de havo-bovenbouw, later iets met techniek.",
                WaarKanIkDatDoen = "Technasium-module en de open dagen.",
                WieKanMijDaarbijHelpen = "Mentor en decaan.",
            });
        }
        if (nummer == 1)
        {
            Nieuw(2, zorgcoordinator, 10, "Oudergesprek over concentratieproblemen; ouders laten onderzoek doen.", Vertrouwelijkheid.Zorg);
            Nieuw(4, zorgcoordinator, 5, "Melding uit de thuissituatie; afgestemd met de jeugdverpleegkundige.", Vertrouwelijkheid.Vertrouwelijk);
        }
    }

    /// <summary>A ladder history (issue 9): PM II after a leerlingbespreking, and in leerjaar 3 on to PM III.</summary>
    private static void DemoZorgladder(LeerlingzorgDbContext db, Leerling leerling, Gebruiker mentor, Gebruiker zorgcoordinator,
        bool naarIII, DateOnly vandaag, DateTimeOffset nu)
    {
        db.PmStappen.Add(new PmStap
        {
            LeerlingId = leerling.Id, Van = PmNiveau.PmI, Naar = PmNiveau.PmII, Datum = vandaag.AddDays(-40), VastgelegdOp = nu.AddDays(-40),
            DoorId = mentor.Id, Reden = "Meerdere docenten zien dat het plannen en de concentratie achteruitgaan.",
            Geprobeerd = "Mentorgesprekken, een weekplanner en een vaste plek in de klas.",
        });
        (leerling.PmNiveau, leerling.PmSinds) = (PmNiveau.PmII, vandaag.AddDays(-40));
        if (naarIII)
        {
            db.PmStappen.Add(new PmStap
            {
                LeerlingId = leerling.Id, Van = PmNiveau.PmII, Naar = PmNiveau.PmIII, Datum = vandaag.AddDays(-12), VastgelegdOp = nu.AddDays(-12),
                DoorId = zorgcoordinator.Id, Reden = "De afspraken uit de leerlingbespreking helpen onvoldoende; het ondersteuningsteam kijkt mee.",
                Geprobeerd = "Leerlingbespreking met extra uitleg, een rustige werkplek en wekelijkse check-ins.",
            });
            (leerling.PmNiveau, leerling.PmSinds) = (PmNiveau.PmIII, vandaag.AddDays(-12));
        }
    }

    /// <summary>
    /// The demo parents' child's OPP (issue 11): version 1 agreed by both parents nine months ago and in uitvoering; version
    /// 2, with one more line of support, waits for their decision since three days, with an open consent request beside it.
    /// </summary>
    private static void DemoOpp(LeerlingzorgDbContext db, Leerling leerling, List<LeerlingOuder> ouders, Gebruiker zorgcoordinator,
        DateOnly vandaag, DateTimeOffset nu)
    {
        // The family as the rules read it (the relations are in the context already).
        leerling.Ouders.AddRange(ouders.Where(o => !leerling.Ouders.Contains(o)));
        var toen = nu.AddMonths(-9);
        var inhoud = new PlanInhoud
        {
            BeginsituatieLeerling = $"{leerling.Voornaam} kwam met een advies vmbo-kader en een dyslexieverklaring. Lezen gaat langzaam; rekenen en praktische vakken gaan goed. {leerling.Voornaam} is sociaal en gemotiveerd, maar raakt snel overprikkeld in drukke lessen.",
            BeginsituatieDocent = "De docenten geven klassikale instructie in groepen van 28 leerlingen. Er is weinig ruimte voor verlengde instructie binnen de les.",
            Onderwijsbehoeften = "Korte, duidelijke instructie met een voorbeeld; extra tijd bij toetsen; teksten vergroot en voorgelezen; een vaste, rustige werkplek.",
            BelemmerendeFactoren = "Traag lezen en spellen (dyslexie); vermoeidheid aan het eind van de dag.",
            BevorderendeFactoren = "Goede motivatie, steun van thuis, sterk in praktisch werk.",
            Uitstroombestemming = "mbo",
            Uitstroomniveau = "niveau 3 (vakopleiding)",
            UitstroomOnderbouwing = "Capaciteitenonderzoek en de resultaten van leerjaar 1 passen bij de kaderberoepsgerichte leerweg, met doorstroom naar mbo niveau 3.",
            Doelen =
            [
                new Onderwijsdoel("Leest een zaakvakteksten zelfstandig met voorleessoftware", "Wekelijkse training met de intern begeleider; software op de laptop"),
                new Onderwijsdoel("Plant huiswerk zelf in de agenda", "Elke maandag tien minuten met de mentor"),
            ],
            Handelingsdeel =
            [
                new Ondersteuningsregel("Remedial teaching lezen en spellen", "intern begeleider", "2× per week 30 minuten", null),
                new Ondersteuningsregel("Extra tijd en vergrote toetsen", "alle docenten", "bij elke toets", null),
            ],
            Afwijkingen = "Geen Frans in leerjaar 2; in die uren extra Nederlands.",
            VisieLeerling = $"{leerling.Voornaam}: \"Met de voorleessoftware gaat het beter. Ik wil graag monteur worden.\"",
            OpgesteldDoor = $"zorgcoördinator {zorgcoordinator.Voornaam} {zorgcoordinator.Achternaam}, mentor, ouders en {leerling.Voornaam}",
            Evaluatiedatum = vandaag.AddMonths(3),
        };
        var (plan, _) = Plan.Start(leerling, PlanSoort.Opp, vandaag.AddMonths(-10), inhoud, lopend: false, vandaag, toen.AddDays(-14), zorgcoordinator.Id);
        var gevraagd = ouders.Select(o => new Instemmer(o.OuderId, o.Ouder!.VolledigeNaam)).ToList();
        var eerste = plan!.Laatste;
        var (verzoeken, _) = eerste.LegVoor(plan, gevraagd, toen.AddDays(-7), zorgcoordinator.Id);
        var instemmingen = verzoeken.ToList();
        foreach (var ouder in gevraagd)
        {
            eerste.Beslis(plan, instemmingen, ouder, true, null, eerste.Revisie, Instemmingsbeleid.AlleOuders, InstemmingWijze.Portaal, toen,
                ouders.First(o => o.OuderId == ouder.OuderId).Ouder!.GebruikerId ?? zorgcoordinator.Id);
        }
        eerste.StartUitvoering();
        var (tweede, _) = plan.NieuweVersie(instemmingen, nu.AddDays(-5), zorgcoordinator.Id);
        tweede!.Bewerk(inhoud with
        {
            Handelingsdeel = [.. inhoud.Handelingsdeel, new Ondersteuningsregel("Faalangstreductietraining", "schoolmaatschappelijk werker", "8 bijeenkomsten", null)],
        }, tweede.Revisie, nu.AddDays(-4), zorgcoordinator.Id);
        var (nieuw, _) = tweede.LegVoor(plan, gevraagd, nu.AddDays(-3), zorgcoordinator.Id);
        db.Plannen.Add(plan);
        db.Instemmingen.AddRange(instemmingen);
        db.Instemmingen.AddRange(nieuw);
        var (verzoek, _) = Toestemmingsverzoek.Vraag(leerling, ouders[0].OuderId, ToestemmingDoel.ObservatieOrthopedagoog, null,
            $"De orthopedagoog wil {leerling.Voornaam} twee lessen observeren om het advies over de faalangsttraining te onderbouwen.",
            vandaag.AddMonths(6), vandaag, nu.AddDays(-3), zorgcoordinator.Id);
        db.Toestemmingsverzoeken.Add(verzoek!);
    }

    private async Task<Gebruiker> ExtraMentorAsync(DemoSchool demo, School school, Klas klas, Random random, string hash)
    {
        var (voornaam, tussenvoegsel, achternaam) = Namen.Persoon(random);
        var mentor = new Gebruiker
        {
            Voornaam = voornaam, Tussenvoegsel = tussenvoegsel, Achternaam = achternaam, SchoolId = school.Id,
            Email = $"mentor.{klas.Naam.ToLowerInvariant()}@{demo.Domein}",
        };
        await MaakGebruikerAsync(mentor, hash, [Rollen.Mentor, Rollen.Docent]);
        return mentor;
    }

    private async Task MaakGebruikerAsync(Gebruiker gebruiker, string hash, IEnumerable<string> rollen)
    {
        gebruiker.UserName = gebruiker.Email;
        gebruiker.EmailConfirmed = true;
        gebruiker.PasswordHash = hash;
        var result = await userManager.CreateAsync(gebruiker);
        if (result.Succeeded)
        {
            result = await userManager.AddToRolesAsync(gebruiker, rollen);
        }
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demogebruiker aanmaken mislukt: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>The part before the @ of a role's demo login: "zorgcoordinator", "swv.manager".</summary>
    public static string Lokaal(string rol) => rol.StartsWith("Swv", StringComparison.Ordinal)
        ? "swv." + rol[3..].ToLowerInvariant()
        : rol.ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demodata geladen voor {Aantal} scholen")]
    private partial void LogSeeded(int aantal);
}

/// <param name="OppVoorDemoOuder">Whether the demo parents' child has an OPP waiting for their decision (one school; the other starts empty for the journeys).</param>
public sealed record DemoSchool(string Naam, string Brin, string Domein, IReadOnlyList<DemoLocatie> Locaties, IReadOnlyList<DemoKlas> Klassen, int Seed,
    bool OppVoorDemoOuder = false);

public sealed record DemoLocatie(string Naam, string Plaats);

public sealed record DemoKlas(string Naam, int Leerjaar, string Afdeling, int Locatie);
