using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuningsprofielen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features.Ondersteuningsprofielen;

namespace Leerlingzorg.Web.Infrastructure.DemoData;

/// <summary>The demo schools' published ondersteuningsprofielen (issue 12): Rijnland with dyslexia support, Vallei with NT2/ISK.</summary>
public sealed partial class DemoDataSeeder
{
    private async Task DemoProfielAsync(DemoSchool demo, School school, CancellationToken cancellationToken)
    {
        var zorgcoordinator = await userManager.FindByEmailAsync($"{Lokaal(Rollen.Zorgcoordinator)}@{demo.Domein}")
            ?? throw new InvalidOperationException("De demo-zorgcoördinator ontbreekt.");
        await using var db = pool.CreateDbContext();
        db.BindToSchool(school.Id);
        var profiel = new Ondersteuningsprofiel { SchoolId = school.Id };
        var nu = time.GetUtcNow();
        profiel.Wijzig(demo == Rijnland ? RijnlandProfiel : ValleiProfiel, nu, zorgcoordinator.Id);
        var (locaties, afdelingen, aanbod) = await Schoolgegevens.LeesAsync(db, cancellationToken);
        db.Ondersteuningsprofielen.Add(profiel);
        db.GepubliceerdeProfielen.Add(profiel.Publiceer(null, school.SamenwerkingsverbandId, school.Naam, locaties, afdelingen, aanbod, nu));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly ProfielTeksten RijnlandProfiel = new(
        Ondersteuningsstructuur: """
            Iedere leerling heeft een mentor die de eerste contactpersoon is voor leerling en ouders. De mentor signaleert en bespreekt zorgen in de leerlingbespreking. Is er meer nodig, dan sluit de zorgcoördinator aan en volgt een gesprek met ouders en leerling.
            Het ondersteuningsteam bestaat uit de zorgcoördinator, de intern begeleider, een orthopedagoog en de ambulant begeleider van het samenwerkingsverband. Eens per zes weken overlegt het zorg- en adviesteam met de GGD, leerplicht en het wijkteam.
            """,
        VeiligeOmgeving: "Rijnland College heeft een anti-pestprotocol, twee vertrouwenspersonen en een mentoraat waarin groepsvorming in de eerste weken centraal staat. Leerlingen kunnen in de pauzes terecht in een rustige ruimte.",
        Kwaliteitszorg: "We evalueren het ondersteuningsaanbod jaarlijks met leerlingen, ouders en het samenwerkingsverband en passen het aan op wat we zien in de resultaten en de tevredenheidsonderzoeken.",
        Onderwijsaanbod: "Mavo, havo, vwo en vmbo-kader op twee locaties; sportklas in leerjaar 1 en 2.",
        Adres: "Dijkstraat 12, 6701 AA Wageningen",
        Telefoon: "0317 123 456",
        Website: "https://www.rijnland.example",
        Email: "info@rijnland.example",
        Expertises:
        [
            new(Expertise.Dyslexie, "Dyslexiecoach, voorleessoftware (Kurzweil) op alle laptops, extra tijd en toetsen in vergroot lettertype."),
            new(Expertise.Dyscalculie, "Rekenkaart en rekenmachine bij toetsen, wekelijkse rekenondersteuning in leerjaar 1 en 2."),
            new(Expertise.LerenLeren, "Huiswerkbegeleiding na school en een training plannen en organiseren voor de onderbouw."),
            new(Expertise.Faalangst, "Faalangstreductietraining in kleine groepen, twee keer per jaar."),
            new(Expertise.VeiligeOmgeving, "Anti-pestcoördinator, vertrouwenspersonen en een mentoraat met aandacht voor de groep."),
        ]);

    private static readonly ProfielTeksten ValleiProfiel = new(
        Ondersteuningsstructuur: """
            De mentor begeleidt de leerling en is het aanspreekpunt voor ouders. De zorgcoördinator coördineert de extra ondersteuning en het overleg met ouders, de leerling en externe partners.
            Nieuwkomers starten in de internationale schakelklas (ISK) en stromen in hun eigen tempo door naar een reguliere klas, met begeleiding in Nederlands als tweede taal.
            """,
        VeiligeOmgeving: "Vallei Lyceum werkt met een schoolbrede aanpak van positief gedrag. Iedere klas heeft een mentoruur; er zijn vertrouwenspersonen en een time-outruimte met begeleiding.",
        Kwaliteitszorg: "Twee keer per jaar bespreken we de ondersteuning met de medezeggenschapsraad en het samenwerkingsverband.",
        Onderwijsaanbod: "Mavo, havo en vwo; internationale schakelklas voor leerlingen van 12 tot 18 jaar.",
        Adres: "Bergweg 40, 6711 BB Ede",
        Telefoon: "0318 654 321",
        Website: "https://www.vallei.example",
        Email: "info@vallei.example",
        Expertises:
        [
            new(Expertise.SociaalEmotioneel, "STOER-training, een schoolmaatschappelijk werker en begeleiding door de intern begeleider."),
            new(Expertise.Hoogbegaafdheid, "Plusprogramma met eigen projecten en de mogelijkheid om vakken versneld af te ronden."),
            new(Expertise.Autisme, "Vaste prikkelarme werkplek, een vast aanspreekpunt en voorspelbare roosters."),
            new(Expertise.Nt2Isk, "Internationale schakelklas met intensief NT2-onderwijs en begeleide doorstroom naar het reguliere onderwijs."),
        ]);
}
