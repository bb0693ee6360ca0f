using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Plannen;

namespace Leerlingzorg.Web.Tests.Features.Planversies;

/// <summary>Plans in the states of issue 11, built only through the Domain's steps (Start, LegVoor, Beslis, NieuweVersie).</summary>
internal static class Planmaker
{
    public static PlanInhoud Volledig(string ondersteuning = "Remedial teaching", DateOnly? evaluatie = null) => new()
    {
        BeginsituatieLeerling = "Leest op het niveau van groep 6.",
        Onderwijsbehoeften = "Korte instructie, rust en structuur.",
        Uitstroombestemming = "vmbo",
        Uitstroomniveau = "kaderberoepsgerichte leerweg",
        UitstroomOnderbouwing = "De toetsen van groep 8 en het advies van de basisschool.",
        Doelen = [new Onderwijsdoel("Leest technisch op AVI E6", "Dagelijks tien minuten duolezen")],
        Handelingsdeel = [new Ondersteuningsregel(ondersteuning, "RT'er", "2× per week", null), new Ondersteuningsregel("Extra tijd bij toetsen", "Docenten", "Bij elke toets", null)],
        Evaluatiedatum = evaluatie ?? new DateOnly(2099, 1, 1),
    };

    public static Plan Start(Leerling leerling, DateOnly nodigSinds, DateOnly vandaag, Guid door, PlanSoort soort = PlanSoort.Opp, PlanInhoud? inhoud = null)
    {
        var (plan, fout) = Plan.Start(leerling, soort, nodigSinds, inhoud ?? Volledig(), lopend: false, vandaag, DateTimeOffset.UtcNow, door);
        Assert.Null(fout);
        return plan!;
    }

    /// <summary>Sends the newest version to <paramref name="ouderId"/>; the requests are added to <paramref name="instemmingen"/>.</summary>
    public static void LegVoor(Plan plan, Guid ouderId, List<Instemming> instemmingen, DateTimeOffset nu, Guid door)
    {
        var (verzoeken, fouten) = plan.Laatste.LegVoor(plan, [new Instemmer(ouderId, "Ouder")], nu, door);
        Assert.Empty(fouten);
        instemmingen.AddRange(verzoeken);
    }

    public static Instemmingsuitkomst Beslis(Plan plan, Guid ouderId, bool ja, List<Instemming> instemmingen, DateTimeOffset nu, Guid door, string? reden = null)
    {
        var versie = plan.Laatste;
        var (uitkomst, fout) = versie.Beslis(plan, instemmingen, new Instemmer(ouderId, "Ouder"), ja, reden, versie.Revisie,
            Instemmingsbeleid.AlleOuders, InstemmingWijze.Portaal, nu, door);
        Assert.Null(fout);
        return uitkomst;
    }

    public static PlanVersie NieuweVersie(Plan plan, List<Instemming> instemmingen, DateTimeOffset nu, Guid door, PlanInhoud? inhoud = null)
    {
        var (versie, fout) = plan.NieuweVersie(instemmingen, nu, door);
        Assert.Null(fout);
        if (inhoud is not null)
        {
            Assert.Empty(versie!.Bewerk(inhoud, versie.Revisie, nu, door));
        }
        return versie!;
    }

    /// <summary>An OPP whose version 1 the ouder agreed to (in force) and a version 2 concept with another handelingsdeel.</summary>
    public static (Plan Plan, List<Instemming> Instemmingen) TweeVersies(Leerling leerling, Guid ouderId, Guid ouderGebruiker, DateOnly vandaag, Guid door)
    {
        var plan = Start(leerling, vandaag.AddDays(-20), vandaag, door);
        var instemmingen = new List<Instemming>();
        var nu = DateTimeOffset.UtcNow;
        LegVoor(plan, ouderId, instemmingen, nu, door);
        Assert.Equal(Instemmingsuitkomst.Ingestemd, Beslis(plan, ouderId, true, instemmingen, nu, ouderGebruiker));
        NieuweVersie(plan, instemmingen, nu, door, Volledig("Begeleiding door de orthopedagoog") with { VisieLeerling = "Ik wil meer hulp bij wiskunde." });
        return (plan, instemmingen);
    }
}
