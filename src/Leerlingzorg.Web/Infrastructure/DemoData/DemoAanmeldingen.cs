using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Aanmeldingen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Organisatie;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Infrastructure.DemoData;

public sealed partial class DemoDataSeeder
{
    /// <summary>
    /// Rijnland's aanmeldingen (issue 12, PM 0), after all other seeding and with fixed data (the random sequence of the
    /// rest stays as it was): one close to its deadline, one extended, one just received, one placed and one not placed.
    /// </summary>
    private async Task DemoAanmeldingenAsync(School school, CancellationToken cancellationToken)
    {
        await using var db = pool.CreateDbContext();
        db.BindToSchool(school.Id);
        var zorgcoordinator = await db.Users.Where(u => u.SchoolId == school.Id && u.Email == $"{Lokaal(Rollen.Zorgcoordinator)}@{Rijnland.Domein}")
            .Select(u => u.Id).FirstAsync(cancellationToken);
        var vandaag = Schoolkalender.Vandaag(time);
        var nu = time.GetUtcNow();

        var schoolId = school.Id;
        Aanmelding Nieuw(string voornaam, string? tussenvoegsel, string achternaam, DateOnly geboren, string huidigeSchool, string ouders, string vraag, int dagenGeleden)
        {
            var (aanmelding, fout) = Aanmelding.Registreer(schoolId, new NieuweAanmelding(voornaam, tussenvoegsel, achternaam, geboren, huidigeSchool, ouders, vraag,
                vandaag.AddDays(-dagenGeleden)), vandaag, nu, zorgcoordinator);
            return aanmelding ?? throw new InvalidOperationException(fout?.Melding);
        }

        var dichtbij = Nieuw("Lotte", null, "Janssen", vandaag.AddYears(-12).AddDays(-40), "Basisschool De Regenboog", "Moeder: Sandra Janssen, 06-11223344",
            "Lotte heeft een vermoeden van dyscalculie en raakt snel overprikkeld in grote groepen. Ouders vragen om een rustige werkplek en extra instructie bij wiskunde.", 38);
        dichtbij.LegIntakeVast(vandaag.AddDays(-30), "Zorgcoördinator", "Gesprek met ouders en Lotte; rapport van de basisschool opgevraagd.", vandaag);
        dichtbij.LegOnderzoekVast("Onderwijskundig rapport en observatie op de basisschool", null);

        var verlengd = Nieuw("Daan", "van", "Mulder", vandaag.AddYears(-13).AddDays(-100), "Het Streek Lyceum", "Vader: Peter van Mulder, p.vanmulder@example.nl",
            "Daan heeft een ASS-diagnose; ouders vragen om een vaste plek en een vast aanspreekpunt.", 45);
        verlengd.LegIntakeVast(vandaag.AddDays(-35), "Intern begeleider", null, vandaag);
        verlengd.Verleng("Het advies van het samenwerkingsverband over de benodigde ondersteuning is nog niet binnen.", vandaag.AddDays(-10), zorgcoordinator);

        var nieuw = Nieuw("Sara", null, "El Idrissi", vandaag.AddYears(-12).AddDays(-200), "Basisschool Het Kompas", "Moeder: Fatima El Idrissi, 06-99887766",
            "Sara is hoogbegaafd en verveelt zich; ouders vragen om verrijking.", 4);

        var geplaatst = Nieuw("Emma", null, "Visser", vandaag.AddYears(-12).AddDays(-10), "Basisschool De Wilg", "Ouders: Jeroen en Ilse Visser, 06-55443322",
            "Emma heeft dyslexie; ouders vragen om extra tijd en voorleessoftware bij toetsen.", 60);
        geplaatst.LegIntakeVast(vandaag.AddDays(-50), "Zorgcoördinator", null, vandaag);
        geplaatst.Beslis(new Besluitinvoer(Aanmeldingsbesluit.GeplaatstZonderOpp, vandaag.AddDays(-25), vandaag.AddDays(-20),
            "Past binnen de basisondersteuning met dyslexiefaciliteiten.", null, null), vandaag, zorgcoordinator);

        var niet = Nieuw("Milan", null, "de Groot", vandaag.AddYears(-13).AddDays(-60), "SBO De Sprong", "Moeder: Anouk de Groot, 06-12121212",
            "Milan heeft intensieve begeleiding nodig in een kleine groep.", 70);
        niet.LegOnderzoekVast("Dossier SBO, observatie en advies van het samenwerkingsverband", "Ondersteuningsbehoefte past niet binnen ons aanbod");
        niet.Verleng("Wachten op het advies van het samenwerkingsverband.", vandaag.AddDays(-30), zorgcoordinator);
        niet.Beslis(new Besluitinvoer(Aanmeldingsbesluit.NietGeplaatst, vandaag.AddDays(-8), null, "De ondersteuningsbehoefte past niet binnen ons schoolondersteuningsprofiel.",
            "VSO De Brug, Ede", "Met ouders en samenwerkingsverband afgesproken op het overleg van vorige week; de TLV is aangevraagd."), vandaag, zorgcoordinator);

        db.Aanmeldingen.AddRange(dichtbij, verlengd, nieuw, geplaatst, niet);
        await db.SaveChangesAsync(cancellationToken);
    }
}
