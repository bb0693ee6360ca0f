using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Domain.Plannen;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Infrastructure.DemoData;

public sealed partial class DemoDataSeeder
{
    /// <summary>
    /// The samenwerkingsverband's work (issue 12), after all other seeding and with fixed data: this year's budget, and
    /// from Rijnland one arrangement granted with a first payment, one waiting for the manager, a CTO referral planned next
    /// week and a TLV waiting to be taken up. Vallei's OPP student has his parents'
    /// consent to share with the SWV, so that the school can send an application for him.
    /// </summary>
    private async Task DemoSwvAsync(Samenwerkingsverband swv, School rijnland, School vallei, CancellationToken cancellationToken)
    {
        var vandaag = Schoolkalender.Vandaag(time);
        var nu = time.GetUtcNow();
        var jaar = Schooljaar.Op(vandaag);

        await using (var school = pool.CreateDbContext())
        {
            school.BindToSchool(vallei.Id);
            var zorgcoordinator = await school.Users.Where(u => u.SchoolId == vallei.Id && u.Email == $"{Lokaal(Rollen.Zorgcoordinator)}@{Vallei.Domein}")
                .Select(u => u.Id).FirstAsync(cancellationToken);
            var oppLeerling = await school.Plannen.Where(p => p.Soort == PlanSoort.Opp).Select(p => p.LeerlingId).FirstAsync(cancellationToken);
            var ouders = await school.LeerlingOuders.Where(o => o.LeerlingId == oppLeerling && o.Gezag).Select(o => o.OuderId).ToListAsync(cancellationToken);
            school.Toestemmingen.AddRange(ouders.Select(o => new Toestemming
            {
                LeerlingId = oppLeerling, OuderId = o, Doel = ToestemmingDoel.DelenMetSwv, Wijze = ToestemmingWijze.Schriftelijk,
                GegevenOp = vandaag.AddDays(-20), VastgelegdOp = nu.AddDays(-20), VastgelegdDoor = zorgcoordinator,
                Opmerking = "Getekend formulier bij het OPP-gesprek.",
            }));
            await school.SaveChangesAsync(cancellationToken);
        }

        List<(Guid Id, string Naam, DateOnly Geboren, int Leerjaar, string Niveau)> leerlingen;
        await using (var school = pool.CreateDbContext())
        {
            school.BindToSchool(rijnland.Id);
            leerlingen = (await school.Leerlingen.Where(l => l.KlasId != null).OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam).Skip(3).Take(4)
                .Select(l => new { l.Id, l.Voornaam, l.Tussenvoegsel, l.Achternaam, l.Geboortedatum, l.Klas!.Leerjaar, Niveau = l.Klas.Afdeling!.Naam })
                .ToListAsync(cancellationToken))
                .Select(l => (l.Id, Naam.Volledig(l.Voornaam, l.Tussenvoegsel, l.Achternaam), l.Geboortedatum, l.Leerjaar, l.Niveau)).ToList();
        }

        await using var db = pool.CreateDbContext();
        db.BindToSwv(swv.Id);
        var medewerkers = await db.Users.Where(u => u.SamenwerkingsverbandId == swv.Id)
            .Select(u => new { u.Id, u.Email, u.Voornaam, u.Achternaam }).ToListAsync(cancellationToken);
        (Guid Id, string Naam) Medewerker(string rol)
        {
            var m = medewerkers.First(x => x.Email == $"{Lokaal(rol)}@{SwvDomein}");
            return (m.Id, $"{m.Voornaam} {m.Achternaam}, {Rollen.Weergave(rol).ToLowerInvariant()}");
        }
        var orthopedagoog = Medewerker(Rollen.SwvOrthopedagoog);
        var manager = Medewerker(Rollen.SwvManager);

        db.Swvbudgetten.Add(new Swvbudget { SwvId = swv.Id, Schooljaar = jaar, Bedrag = 480_000m });
        Swvaanvraag Aanvraag(int i, Aanvraagsoort soort, string vraag, string samenvatting, GevraagdeOndersteuning? gevraagd, int dagenGeleden)
        {
            var l = leerlingen[i];
            return new Swvaanvraag
            {
                SwvId = swv.Id, SchoolId = rijnland.Id, LeerlingId = l.Id, Soort = soort, Vraag = vraag,
                Leerling = new Leerlinggegevens(l.Naam, l.Geboren, $"leerjaar {l.Leerjaar}", l.Niveau),
                Snapshot = new Aanvraagsnapshot { Samenvatting = samenvatting }, Gevraagd = gevraagd,
                IngediendOp = nu.AddDays(-dagenGeleden), IngediendDoor = Guid.Empty, IngediendDoorNaam = "R. de Vries, zorgcoördinator",
            };
        }
        var begin = vandaag.AddDays(-40);
        var toegekend = Aanvraag(0, Aanvraagsoort.Individueel, "Kan het samenwerkingsverband ambulante begeleiding bij gedrag toekennen?",
            "Basis- en extra ondersteuning zijn een half jaar ingezet (time-outplek, mentorgesprekken, faalangsttraining); het gedrag in de klas verbetert niet.",
            new GevraagdeOndersteuning("Ambulante begeleiding gedrag", "2 uur per week", begin, begin.AddMonths(6), 18_500m), 60);
        var beoordelingen = new List<Beoordeling>();
        beoordelingen.Add(toegekend.Beoordeel(beoordelingen, Beoordelaarsrol.Orthopedagoog, orthopedagoog.Id, orthopedagoog.Naam, true,
            "Past bij de ondersteuningsbehoefte; de school heeft haar eigen mogelijkheden benut.", nu.AddDays(-50)).Beoordeling!);
        beoordelingen.Add(toegekend.Beoordeel(beoordelingen, Beoordelaarsrol.Manager, manager.Id, manager.Naam, true,
            "Akkoord binnen het budget.", nu.AddDays(-48)).Beoordeling!);
        toegekend.Beslis(beoordelingen, new Besluit(Besluituitkomst.Toegekend, null, begin, begin.AddMonths(6), begin.AddMonths(3), null,
            "Toegekend voor een half jaar; evaluatie na drie maanden met school, ouders en de begeleider."), manager.Id, manager.Naam,
            new Budgetstand(jaar, 480_000m, 0, 0), nu.AddDays(-47));
        var (besteding, _) = toegekend.Besteed(4_000m, vandaag.AddDays(-10), "Eerste termijn begeleiding (september–oktober)", 0, manager.Id, nu.AddDays(-10));

        var wacht = Aanvraag(1, Aanvraagsoort.Individueel, "Wij vragen een arrangement voor extra begeleiding bij lezen en plannen in een kleine groep.",
            "Dyslexie en concentratieproblemen; de remedial teaching binnen school is niet genoeg gebleken.",
            new GevraagdeOndersteuning("Begeleiding in een kleine groep", "4 uur per week", vandaag.AddDays(14), vandaag.AddDays(14).AddMonths(5), 9_800m), 12);
        var eerste = new List<Beoordeling>();
        eerste.Add(wacht.Beoordeel(eerste, Beoordelaarsrol.Orthopedagoog, orthopedagoog.Id, orthopedagoog.Naam, true,
            "De hulpvraag is helder en onderbouwd; kleine groep past bij de onderwijsbehoeften.", nu.AddDays(-3)).Beoordeling!);

        var cto = Aanvraag(2, Aanvraagsoort.CtoAdvies, "De school kan niet verder: wat is passend voor deze leerling, en wat kan het samenwerkingsverband bieden?",
            "Veel verzuim sinds de zomer, somberheid; de brugfunctionaris van het wijkteam is betrokken.", null, 9);
        cto.PlanCto(Schoolkalender.BeginVan(vandaag.AddDays(7)).AddHours(15.5).ToUniversalTime(), nu);

        var tlv = Aanvraag(3, Aanvraagsoort.Tlv, "Wij vragen een toelaatbaarheidsverklaring voor het VSO, cluster 4.",
            "Ondanks een arrangement en begeleiding kan de leerling niet meer in een groep van 28 functioneren.",
            new GevraagdeOndersteuning("VSO cluster 4", null, vandaag.AddDays(30), vandaag.AddDays(30).AddYears(2).AddDays(-1), 22_000m), 20);

        db.Swvaanvragen.AddRange(toegekend, wacht, cto, tlv);
        db.Beoordelingen.AddRange(beoordelingen);
        db.Beoordelingen.AddRange(eerste);
        db.Bestedingen.Add(besteding!);
        await db.SaveChangesAsync(cancellationToken);
    }
}
