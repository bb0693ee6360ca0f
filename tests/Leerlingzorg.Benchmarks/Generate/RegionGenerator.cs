using Bogus;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.DemoData;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Leerlingzorg.Benchmarks.Generate;

/// <summary>
/// Generates a region the size of a real samenwerkingsverband, deterministically from a seed: schools of
/// different kinds (brede scholengemeenschap, lyceum, vakcollege, gymnasium, praktijkschool) with 1–3
/// locaties, afdelingen and classes of ~28 in leerjaren 1–6 as far as each afdeling runs, docenten with
/// lesopdrachten, mentors chosen among the class's own docenten, coordinators and care staff, students with
/// one or two parents (siblings share them), Nidos guardians for AMV'ers, and logins for a fifth of the parents.
/// Shaped like <see cref="DemoDataSeeder"/>, only larger and without going through EF Core.
/// </summary>
internal sealed class RegionGenerator
{
    private const int KlasGrootte = 28;
    private const int LesopdrachtenPerDocent = 8;
    private const float OuderaccountKans = 0.2f;
    private const float BroerZusKans = 0.08f;
    private const float AmvKans = 0.003f;

    private readonly RegionSpec spec;
    private readonly Faker faker;
    private readonly DutchNames namen;
    private readonly Uuid7Sequence ids;
    private readonly string wachtwoordHash;
    private readonly Region region;
    // The demo schools' BRIN numbers stay free, so that a region can be added beside the demo data.
    private readonly HashSet<string> brinnummers = [DemoDataSeeder.Rijnland.Brin, DemoDataSeeder.Vallei.Brin];
    private readonly HashSet<string> schoolnamen = [];
    private int ouderVolgnummer;

    private RegionGenerator(RegionSpec spec, string wachtwoordHash)
    {
        this.spec = spec;
        this.wachtwoordHash = wachtwoordHash;
        faker = new Faker("nl") { Random = new Randomizer(spec.Seed) };
        namen = new DutchNames(faker);
        ids = new Uuid7Sequence(spec.Seed, new DateTimeOffset(spec.Schooljaar.Begin, TimeOnly.MinValue, TimeSpan.Zero));
        var regio = faker.PickRandom(Regios);
        region = new Region
        {
            Spec = spec,
            Samenwerkingsverband = new Samenwerkingsverband
            {
                Id = ids.Next(),
                Naam = $"Samenwerkingsverband VO {regio}",
                Code = $"VO {faker.Random.Int(20, 31)}-{faker.Random.Int(1, 12):D2}",
            },
        };
    }

    /// <param name="wachtwoordHash">The one password hash every login gets; computed once (hashing is slow on purpose).</param>
    public static Region Generate(RegionSpec spec, string? wachtwoordHash = null)
    {
        // Everything follows from the seed: Bogus' global seed for any Randomizer created on the way, and the
        // one seeded faker (and id sequence) for every draw made here.
        Randomizer.Seed = new Random(spec.Seed);
        var hash = wachtwoordHash ?? new PasswordHasher<Gebruiker>().HashPassword(null!, DemoDataSeeder.Wachtwoord);
        var generator = new RegionGenerator(spec, hash);
        generator.Fill();
        return generator.region;
    }

    private void Fill()
    {
        var swv = region.Samenwerkingsverband;
        // The seed in the domain keeps logins unique when regions of several seeds share a database.
        var swvDomein = $"swv-{DutchNames.Slug(swv.Naam[("Samenwerkingsverband VO ".Length)..])}-{spec.Seed}.example";
        foreach (var rol in Rollen.SwvRollen)
        {
            var (voornaam, tussenvoegsel, achternaam) = namen.Persoon();
            var email = $"{DemoDataSeeder.Lokaal(rol)}@{swvDomein}";
            Gebruiker(voornaam, tussenvoegsel, achternaam, email, null, swv.Id, rol);
            region.Voorbeeldlogins.Add((rol, email, swv.Naam));
        }

        var profielen = Enumerable.Range(0, spec.Scholen)
            .Select(_ => faker.Random.WeightedRandom(Profielen, ProfielKansen)).ToList();
        var aantallen = Verdeel(spec.Leerlingen, profielen.Select(p => p.Grootte * faker.Random.Double(0.6, 1.4)).ToList());
        for (var i = 0; i < spec.Scholen; i++)
        {
            School(profielen[i], aantallen[i]);
        }
    }

    private void School(Profiel profiel, int aantalLeerlingen)
    {
        var jaar = spec.Schooljaar;
        var aantalLocaties = profiel.Grootte < 0.6 ? 1 : faker.Random.Int(1, 3);
        var plaatsen = faker.PickRandom(Plaatsen, aantalLocaties).ToList();
        var naam = $"{faker.PickRandom(Naamdelen)} {profiel.Soort}";
        if (!schoolnamen.Add(naam))
        {
            naam = $"{naam} {plaatsen[0]}";
            schoolnamen.Add(naam);
        }
        string brin;
        do
        {
            brin = $"{faker.Random.Int(10, 99)}{faker.Random.String2(2, "ABCDEFGHJKLMNPRSTVWXZ")}";
        }
        while (!brinnummers.Add(brin));
        var school = new School { Id = ids.Next(), SamenwerkingsverbandId = region.Samenwerkingsverband.Id, Naam = naam, Brinnummer = brin };
        region.Scholen.Add(school);
        var domein = $"{brin.ToLowerInvariant()}.school.example";
        var personeelVolgnummer = 0;
        Gebruiker Medewerker(params string[] rollen)
        {
            var (voornaam, tussenvoegsel, achternaam) = namen.Persoon();
            var email = $"{DutchNames.Slug(voornaam)}.{DutchNames.Slug(tussenvoegsel + achternaam)}.{++personeelVolgnummer}@{domein}";
            return Gebruiker(voornaam, tussenvoegsel, achternaam, email, school.Id, null, rollen);
        }

        var locaties = plaatsen.Select(plaats => new Locatie
        {
            Id = ids.Next(), SchoolId = school.Id, Naam = aantalLocaties == 1 ? naam : $"{naam} {plaats}", Plaats = plaats,
        }).ToList();
        region.Locaties.AddRange(locaties);
        var afdelingen = profiel.Afdelingen.Select(a => new Afdeling { Id = ids.Next(), SchoolId = school.Id, Naam = a.Soort.Naam }).ToList();
        region.Afdelingen.AddRange(afdelingen);

        // Students over (afdeling, leerjaar) in proportion to the afdeling's intake, a little fewer in the upper years.
        var groepen = profiel.Afdelingen
            .SelectMany((a, index) => Enumerable.Range(1, a.Soort.HoogsteLeerjaar)
                .Select(leerjaar => (Afdeling: index, Leerjaar: leerjaar, Gewicht: a.Gewicht * LeerjaarFactor(leerjaar))))
            .OrderBy(g => g.Leerjaar).ThenBy(g => g.Afdeling)
            .ToList();
        var perGroep = Verdeel(aantalLeerlingen, groepen.Select(g => g.Gewicht).ToList());
        var klassen = new List<(Klas Klas, int Grootte)>();
        for (var g = 0; g < groepen.Count; g++)
        {
            var (afdeling, leerjaar, _) = groepen[g];
            var aantal = perGroep[g];
            if (aantal == 0)
            {
                continue;
            }
            var aantalKlassen = (aantal + KlasGrootte - 1) / KlasGrootte;
            var code = profiel.Afdelingen[afdeling].Soort.Code;
            for (var k = 0; k < aantalKlassen; k++)
            {
                var klas = new Klas
                {
                    Id = ids.Next(), SchoolId = school.Id, Leerjaar = leerjaar, Schooljaar = jaar,
                    Naam = aantalKlassen == 1 ? $"{leerjaar}{code}" : $"{leerjaar}{code}{k + 1}",
                    AfdelingId = afdelingen[afdeling].Id, LocatieId = locaties[afdeling % locaties.Count].Id,
                };
                region.Klassen.Add(klas);
                klassen.Add((klas, aantal / aantalKlassen + (k < aantal % aantalKlassen ? 1 : 0)));
            }
        }

        // Docenten per vak as the lesson demand needs; each (klas, vak) gets the next docent of that vak.
        var vakkenPerKlas = klassen.Select(k => k.Klas.Leerjaar <= 3 ? Onderbouwvakken : Bovenbouwvakken).ToList();
        var docentenPerVak = vakkenPerKlas.SelectMany(v => v).GroupBy(v => v).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Enumerable.Range(0, (g.Count() + LesopdrachtenPerDocent - 1) / LesopdrachtenPerDocent)
                .Select(_ => Medewerker()).ToList());
        var volgende = docentenPerVak.Keys.ToDictionary(v => v, _ => 0);
        var docentenVanKlas = new List<List<Gebruiker>>();
        for (var k = 0; k < klassen.Count; k++)
        {
            var docenten = new List<Gebruiker>();
            foreach (var vak in vakkenPerKlas[k])
            {
                var lijst = docentenPerVak[vak];
                var docent = lijst[volgende[vak]++ % lijst.Count];
                region.Lesopdrachten.Add(new Lesopdracht { Id = ids.Next(), SchoolId = school.Id, KlasId = klassen[k].Klas.Id, MedewerkerId = docent.Id, Vak = vak });
                docenten.Add(docent);
            }
            docentenVanKlas.Add(docenten);
        }

        // A mentor teaches his class; where possible nobody mentors two classes; one class in ten has two mentors.
        var mentoren = new HashSet<Guid>();
        for (var k = 0; k < klassen.Count; k++)
        {
            var kandidaten = faker.Random.Shuffle(docentenVanKlas[k].DistinctBy(d => d.Id)).ToList();
            var aantalMentoren = faker.Random.Bool(0.1f) && kandidaten.Count > 1 ? 2 : 1;
            var gekozen = kandidaten.Where(d => !mentoren.Contains(d.Id)).Concat(kandidaten).DistinctBy(d => d.Id).Take(aantalMentoren);
            foreach (var mentor in gekozen)
            {
                region.KlasMentoren.Add(new KlasMentor { SchoolId = school.Id, KlasId = klassen[k].Klas.Id, MedewerkerId = mentor.Id });
                mentoren.Add(mentor.Id);
            }
        }
        foreach (var docent in docentenPerVak.Values.SelectMany(d => d).DistinctBy(d => d.Id))
        {
            region.GebruikerRollen.Add(new(docent.Id, Rollen.Docent));
            if (mentoren.Contains(docent.Id))
            {
                region.GebruikerRollen.Add(new(docent.Id, Rollen.Mentor));
            }
        }

        // Coordinators: one per pair of leerjaren, one per afdeling.
        var leerjaren = klassen.Select(k => k.Klas.Leerjaar).ToHashSet();
        foreach (var paar in new[] { (1, 2), (3, 4), (5, 6) })
        {
            var aanwezig = new[] { paar.Item1, paar.Item2 }.Where(leerjaren.Contains).ToList();
            if (aanwezig.Count == 0)
            {
                continue;
            }
            var coordinator = Medewerker(Rollen.Leerjaarcoordinator);
            region.Coordinatoren.AddRange(aanwezig.Select(l => new Coordinator { Id = ids.Next(), SchoolId = school.Id, MedewerkerId = coordinator.Id, Leerjaar = l }));
        }
        foreach (var afdeling in afdelingen)
        {
            var coordinator = Medewerker(Rollen.Afdelingscoordinator);
            region.Coordinatoren.Add(new Coordinator { Id = ids.Next(), SchoolId = school.Id, MedewerkerId = coordinator.Id, AfdelingId = afdeling.Id });
        }
        var zorgcoordinator = Medewerker(Rollen.Zorgcoordinator);
        for (var z = 1; z < aantalLeerlingen / 900; z++)
        {
            Medewerker(Rollen.Zorgcoordinator);
        }
        foreach (var rol in new[] { Rollen.InternBegeleider, Rollen.AmbulantBegeleider, Rollen.Orthopedagoog, Rollen.Verzuimcoordinator, Rollen.Schoolleiding, Rollen.Beheerder })
        {
            Medewerker(rol);
        }
        if (aantalLeerlingen >= 600)
        {
            Medewerker(Rollen.Schoolleiding);
        }
        if (region.Scholen.Count == 1)
        {
            region.Voorbeeldlogins.Add((Rollen.Zorgcoordinator, zorgcoordinator.Email!, naam));
            if (region.KlasMentoren.FirstOrDefault(m => m.SchoolId == school.Id) is { } eerste)
            {
                region.Voorbeeldlogins.Add((Rollen.Mentor, region.Gebruikers.First(g => g.Id == eerste.MedewerkerId).Email!, naam));
            }
        }

        Leerlingen(school, klassen, domein);
    }

    private void Leerlingen(School school, List<(Klas Klas, int Grootte)> klassen, string domein)
    {
        var jaar = spec.Schooljaar;
        var nummer = faker.Random.Int(10, 60) * 10_000;
        var gezinnen = new List<Gezin>();
        foreach (var (klas, grootte) in klassen)
        {
            for (var i = 0; i < grootte; i++)
            {
                var gezin = gezinnen.Count > 0 && faker.Random.Bool(BroerZusKans) ? faker.PickRandom(gezinnen) : null;
                var voornaam = namen.Voornaam();
                var (tussenvoegsel, achternaam) = gezin is null ? namen.Achternaam() : (gezin.Tussenvoegsel, gezin.Achternaam);
                // Klas 1 of schooljaar 2026-2027 was born between October 2013 and September 2014; some stayed down once.
                var geboortedatum = new DateOnly(jaar.Startjaar - 12 - klas.Leerjaar, 10, 1).AddDays(faker.Random.Int(0, 364));
                if (faker.Random.Bool(0.05f))
                {
                    geboortedatum = geboortedatum.AddYears(-1);
                }
                var leerling = new Leerling
                {
                    Id = ids.Next(), SchoolId = school.Id, Leerlingnummer = (++nummer).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
                    Voornaam = voornaam, Tussenvoegsel = tussenvoegsel, Achternaam = achternaam, Geboortedatum = geboortedatum,
                    KlasId = klas.Id, IsAmv = gezin is null && faker.Random.Bool(AmvKans), Status = LeerlingStatus.Ingeschreven,
                    Inschrijfdatum = new Schooljaar(jaar.Startjaar - klas.Leerjaar + 1).Begin,
                };
                region.Leerlingen.Add(leerling);
                region.KlasPlaatsingen.Add(new KlasPlaatsing { Id = ids.Next(), SchoolId = school.Id, LeerlingId = leerling.Id, KlasId = klas.Id, Schooljaar = jaar });

                if (leerling.IsAmv)
                {
                    var (vv, vt, va) = namen.Persoon();
                    var voogd = Ouder(school, vv, vt, va, "nidos.example", null);
                    region.LeerlingOuders.Add(new LeerlingOuder { SchoolId = school.Id, LeerlingId = leerling.Id, OuderId = voogd.Id, Relatie = OuderRelatie.NidosVoogd, Gezag = true });
                    continue;
                }
                if (gezin is null)
                {
                    gezin = new Gezin(tussenvoegsel, achternaam, []);
                    var taal = faker.Random.Bool(0.08f) ? faker.PickRandom(Talen) : null;
                    var twee = faker.Random.Bool(0.75f);
                    var relaties = twee
                        ? new[] { OuderRelatie.Moeder, OuderRelatie.Vader }
                        : [faker.Random.WeightedRandom([OuderRelatie.Moeder, OuderRelatie.Vader, OuderRelatie.Verzorger], [0.6f, 0.3f, 0.1f])];
                    foreach (var relatie in relaties)
                    {
                        // Half the mothers kept their own surname.
                        var (ot, oa) = relatie == OuderRelatie.Moeder && faker.Random.Bool() ? namen.Achternaam() : (tussenvoegsel, achternaam);
                        var ouder = Ouder(school, namen.Volwassene(relatie != OuderRelatie.Vader), ot, oa, "mail.example", taal);
                        if (faker.Random.Bool(OuderaccountKans))
                        {
                            ouder.GebruikerId = Gebruiker(ouder.Voornaam, ouder.Tussenvoegsel, ouder.Achternaam, $"ouder.{ouderVolgnummer}@{domein}", school.Id, null, Rollen.Ouder).Id;
                        }
                        // A step-parent (verzorger) has no gezag.
                        gezin.Ouders.Add((ouder, relatie, relatie != OuderRelatie.Verzorger));
                    }
                    gezinnen.Add(gezin);
                }
                foreach (var (ouder, relatie, gezag) in gezin.Ouders)
                {
                    region.LeerlingOuders.Add(new LeerlingOuder { SchoolId = school.Id, LeerlingId = leerling.Id, OuderId = ouder.Id, Relatie = relatie, Gezag = gezag });
                }
            }
        }
    }

    private Ouder Ouder(School school, string voornaam, string? tussenvoegsel, string achternaam, string maildomein, string? taal)
    {
        var ouder = new Ouder
        {
            Id = ids.Next(), SchoolId = school.Id, Voornaam = voornaam, Tussenvoegsel = tussenvoegsel, Achternaam = achternaam,
            Email = $"{DutchNames.Slug(voornaam)}.{DutchNames.Slug(tussenvoegsel + achternaam)}.{++ouderVolgnummer}@{maildomein}",
            Telefoon = $"06 {faker.Random.Int(10_000_000, 99_999_999)}",
            Voorkeurstaal = taal,
        };
        region.Ouders.Add(ouder);
        return ouder;
    }

    private Gebruiker Gebruiker(string voornaam, string? tussenvoegsel, string achternaam, string email, Guid? schoolId, Guid? swvId, params string[] rollen)
    {
        var id = ids.Next();
        var normalized = email.ToUpperInvariant();
        var gebruiker = new Gebruiker
        {
            Id = id, Voornaam = voornaam, Tussenvoegsel = tussenvoegsel, Achternaam = achternaam,
            SchoolId = schoolId, SamenwerkingsverbandId = swvId,
            Email = email, NormalizedEmail = normalized, UserName = email, NormalizedUserName = normalized, EmailConfirmed = true,
            PasswordHash = wachtwoordHash,
            // Derived from the id, so that they are deterministic too; Identity only compares them.
            SecurityStamp = id.ToString("N").ToUpperInvariant(), ConcurrencyStamp = id.ToString(),
            LockoutEnabled = true,
        };
        region.Gebruikers.Add(gebruiker);
        region.GebruikerRollen.AddRange(rollen.Select(r => new GebruikerRol(id, r)));
        return gebruiker;
    }

    /// <summary>Splits <paramref name="totaal"/> in proportion to the weights, in whole numbers that add up exactly.</summary>
    internal static int[] Verdeel(int totaal, IReadOnlyList<double> gewichten)
    {
        var som = gewichten.Sum();
        var exact = gewichten.Select(g => totaal * g / som).ToArray();
        var result = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var rest = totaal - result.Sum();
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - result[i]).ThenBy(i => i).Take(rest))
        {
            result[i]++;
        }
        return result;
    }

    private static double LeerjaarFactor(int leerjaar) => leerjaar switch
    {
        <= 3 => 1.0,
        4 => 0.95,
        5 => 0.9,
        _ => 0.85,
    };

    private sealed record Gezin(string? Tussenvoegsel, string Achternaam, List<(Ouder Ouder, OuderRelatie Relatie, bool Gezag)> Ouders);

    private sealed record AfdelingSoort(string Naam, string Code, int HoogsteLeerjaar);

    private sealed record Profiel(string Soort, double Grootte, (AfdelingSoort Soort, double Gewicht)[] Afdelingen);

    private static readonly AfdelingSoort Pro = new("praktijkonderwijs", "P", 4);
    private static readonly AfdelingSoort Bb = new("vmbo-bb", "B", 4);
    private static readonly AfdelingSoort Kb = new("vmbo-kb", "K", 4);
    private static readonly AfdelingSoort Gt = new("vmbo-gt", "T", 4);
    private static readonly AfdelingSoort Mavo = new("mavo", "M", 4);
    private static readonly AfdelingSoort Havo = new("havo", "H", 5);
    private static readonly AfdelingSoort Vwo = new("vwo", "V", 6);
    private static readonly AfdelingSoort Gymnasium = new("gymnasium", "G", 6);

    private static readonly Profiel[] Profielen =
    [
        new("Scholengemeenschap", 1.3, [(Bb, 0.8), (Kb, 1.0), (Gt, 1.2), (Havo, 1.2), (Vwo, 0.9)]),
        new("Lyceum", 1.0, [(Havo, 1.3), (Vwo, 1.2), (Gymnasium, 0.4)]),
        new("Vakcollege", 0.7, [(Bb, 1.0), (Kb, 1.2), (Gt, 1.2)]),
        new("College", 1.0, [(Mavo, 1.2), (Havo, 1.3), (Vwo, 1.0)]),
        new("Gymnasium", 0.5, [(Gymnasium, 1.0)]),
        new("Praktijkschool", 0.2, [(Pro, 1.0)]),
    ];

    private static readonly float[] ProfielKansen = [0.3f, 0.2f, 0.15f, 0.25f, 0.05f, 0.05f];

    private static readonly string[] Onderbouwvakken =
        ["Nederlands", "Engels", "Frans", "Duits", "wiskunde", "geschiedenis", "aardrijkskunde", "biologie", "lichamelijke opvoeding", "beeldende vorming"];

    private static readonly string[] Bovenbouwvakken =
        ["Nederlands", "Engels", "wiskunde", "geschiedenis", "aardrijkskunde", "biologie", "natuurkunde", "scheikunde", "economie", "lichamelijke opvoeding"];

    private static readonly string[] Talen = ["Arabisch", "Turks", "Tigrinya", "Pools", "Engels", "Oekraïens", "Tamazight", "Somalisch"];

    private static readonly string[] Regios = ["Vallei en Rijn", "Utrechtse Heuvelrug", "Rivierenland", "Veluwe-Oost", "Eemland", "Kromme Rijn"];

    private static readonly string[] Plaatsen =
    [
        "Ede", "Wageningen", "Rhenen", "Veenendaal", "Barneveld", "Renkum", "Bennekom", "Scherpenzeel", "Amerongen",
        "Leersum", "Doorn", "Driebergen", "Zeist", "Culemborg", "Tiel", "Elst", "Arnhem", "Oosterbeek", "Nijkerk",
        "Lunteren", "Maarn", "Woudenberg", "Leusden", "Amersfoort", "Houten", "Wijk bij Duurstede", "Bunnik", "Soest",
    ];

    private static readonly string[] Naamdelen =
    [
        "Erasmus", "Comenius", "Spinoza", "Maerlant", "Marnix", "Pantarijn", "Het Baken", "De Vallei", "Rijnland",
        "Veluwe", "Ichthus", "Montessori", "Dalton", "Het Streek", "Het Element", "De Meerwaarde", "Van Lodenstein",
        "Christelijk", "Stedelijk", "Thomas a Kempis", "Het Perron", "Heuvelrug", "Kromme Rijn", "Gelderse Vallei",
        "Sint-Jozef", "Het Nieuwe", "Oranje Nassau", "Prins Willem", "Hanze", "Groenhorst", "De Amersfoortse Berg",
    ];
}
