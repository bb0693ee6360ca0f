using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Gesprekken;

/// <summary>
/// Deliver 3 of issue 8: the Domain rule (<see cref="Leesrecht"/>) and the SQL agree, for every kind of reader × level ×
/// author or not × one student or a group gesprek. The expectation is computed from the Domain rule only; the database
/// answers through GesprekBekijken and LeesbareGesprekken (the rule across students), the timeline (the fast path of
/// one student) and the afspraken source (the header).
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class LeesrechtOvereenstemmingTests(GesprekkenFixture fixture) : IClassFixture<GesprekkenFixture>
{
    /// <summary>
    /// A kind of reader: his roles and his relations to klas 1A (leerjaar 1; the student X) and klas 2B (leerjaar 2; the
    /// second student Y of a group gesprek). <paramref name="ZietX"/>: whether Toegang lets him open X's page.
    /// </summary>
    public sealed record Soort(string Naam, string[] Rollen, bool ZietX,
        bool Mentor1A = false, bool Docent1A = false, bool Coordinator1 = false,
        bool Mentor2B = false, bool Docent2B = false, bool Coordinator2 = false)
    {
        public override string ToString() => Naam;
    }

    public static TheoryData<Soort> Lezers => new()
    {
        new("mentor van de leerling", [Rollen.Mentor], true, Mentor1A: true),
        new("mentor van een andere klas", [Rollen.Mentor], false, Mentor2B: true),
        new("docent van de leerling", [Rollen.Docent], true, Docent1A: true),
        new("docent zonder les aan de leerling", [Rollen.Docent], false, Docent2B: true),
        new("leerjaarcoördinator van de leerling", [Rollen.Leerjaarcoordinator], true, Coordinator1: true),
        new("leerjaarcoördinator van een ander leerjaar", [Rollen.Leerjaarcoordinator], false, Coordinator2: true),
        new("zorgcoördinator", [Rollen.Zorgcoordinator], true),
        new("intern begeleider", [Rollen.InternBegeleider], true),
        new("ambulant begeleider", [Rollen.AmbulantBegeleider], true),
        new("orthopedagoog", [Rollen.Orthopedagoog], true),
        new("verzuimcoördinator", [Rollen.Verzuimcoordinator], true),
        new("schoolleiding", [Rollen.Schoolleiding], true),
        new("beheerder", [Rollen.Beheerder], false),
        new("medewerker zonder relatie", [Rollen.Docent], false),
        new("mentor van de klas zonder de rol Mentor", [Rollen.Docent], false, Mentor1A: true),
        // Combinations that matter: a relation adds to a schoolwide role; a group gesprek counts through another student.
        new("schoolleiding en mentor van de leerling", [Rollen.Schoolleiding, Rollen.Mentor], true, Mentor1A: true),
        new("verzuimcoördinator en docent van de leerling", [Rollen.Verzuimcoordinator, Rollen.Docent], true, Docent1A: true),
        new("docent van de leerling en mentor van 2B", [Rollen.Docent, Rollen.Mentor], true, Docent1A: true, Mentor2B: true),
        new("docent van de leerling en coördinator van leerjaar 2", [Rollen.Docent, Rollen.Leerjaarcoordinator], true, Docent1A: true, Coordinator2: true),
        new("mentor en docent van de leerling", [Rollen.Mentor, Rollen.Docent], true, Mentor1A: true, Docent1A: true),
        new("intern begeleider en mentor van de leerling", [Rollen.InternBegeleider, Rollen.Mentor], true, Mentor1A: true),
    };

    /// <summary>The reader as the Domain sees him for one student (a relation counts with its role).</summary>
    private static Lezer LezerVoor(Soort s, bool viaX, bool auteur)
    {
        bool Heeft(string rol) => s.Rollen.Contains(rol);
        var coordinator = Heeft(Rollen.Leerjaarcoordinator) || Heeft(Rollen.Afdelingscoordinator);
        return new Lezer(
            IsAuteur: auteur,
            IsZorgcoordinator: Heeft(Rollen.Zorgcoordinator),
            IsZorgrol: Rollen.Zorgrollen.Any(Heeft),
            IsMentorVanLeerling: Heeft(Rollen.Mentor) && (viaX ? s.Mentor1A : s.Mentor2B),
            IsCoordinatorVanLeerling: coordinator && (viaX ? s.Coordinator1 : s.Coordinator2),
            IsDocentVanLeerling: Heeft(Rollen.Docent) && (viaX ? s.Docent1A : s.Docent2B),
            IsSchoolleiding: Heeft(Rollen.Schoolleiding),
            IsVerzuimcoordinator: Heeft(Rollen.Verzuimcoordinator));
    }

    [Theory]
    [MemberData(nameof(Lezers))]
    public async Task The_domain_rule_and_the_database_agree_for_every_level_author_and_group(Soort soort)
    {
        var a = fixture.A.School.Id;
        var user = await fixture.Data.UserAsync(a, soort.Rollen);
        // A fresh student of 1A per reader keeps his timeline short; Y of 2B makes the group gesprekken.
        var x = await LeerlingAsync(fixture.A.Klas.Id);
        var y = await LeerlingAsync(fixture.Klas2B.Id);
        await RelatiesAsync(user.Id, soort);

        var verwacht = new Dictionary<Guid, bool>();
        var afspraakVan = new Dictionary<Guid, Guid>();
        var beschrijving = new Dictionary<Guid, string>();
        foreach (var niveau in Leesrecht.AlleNiveaus)
        {
            foreach (var auteur in new[] { false, true })
            {
                foreach (var groep in new[] { false, true })
                {
                    var id = await fixture.GesprekAsync(auteur ? user.Id : fixture.Auteur.Id, niveau, groep ? [x, y] : [x]);
                    // The Domain: readable through X, or (a group gesprek) through Y.
                    verwacht[id] = Leesrecht.MagLezen(niveau, LezerVoor(soort, viaX: true, auteur))
                        || (groep && Leesrecht.MagLezen(niveau, LezerVoor(soort, viaX: false, auteur)));
                    beschrijving[id] = $"{niveau}{(auteur ? ", auteur" : "")}{(groep ? ", groepsgesprek" : "")}";
                    afspraakVan[id] = await AfspraakAsync(x, fixture.Auteur.Id, id);
                }
            }
        }
        var losseAfspraak = await AfspraakAsync(x, fixture.Auteur.Id, null);
        // The reader's own afspraak stays his, even from a gesprek he may not read.
        var geheim = await fixture.GesprekAsync(fixture.Auteur.Id, Vertrouwelijkheid.Vertrouwelijk, x);
        var eigenAfspraak = await AfspraakAsync(x, user.Id, geheim);

        var verschillen = new List<string>();
        await using var scope = fixture.App.ScopeAs(user, soort.Rollen);
        var current = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        var bekijken = scope.ServiceProvider.GetRequiredService<GesprekBekijkenHandler>();
        await using var db = fixture.App.ContextFor(a);
        var overAlleLeerlingen = await db.LeesbareGesprekken(current).Where(g => verwacht.Keys.Contains(g.Id)).Select(g => g.Id).ToListAsync();
        foreach (var (id, mag) in verwacht)
        {
            var viaHandler = (await bekijken.HandleAsync(id)).IsGelukt;
            if (viaHandler != mag)
            {
                verschillen.Add($"{beschrijving[id]}: GesprekBekijken {viaHandler}, Leesrecht {mag}");
            }
            if (overAlleLeerlingen.Contains(id) != mag)
            {
                verschillen.Add($"{beschrijving[id]}: LeesbareGesprekken {!mag}, Leesrecht {mag}");
            }
        }

        // X's page: only for who sees X; there the fast path of one student must give the same answers.
        var tijdlijn = await scope.ServiceProvider.GetRequiredService<TijdlijnHandler>()
            .HandleAsync(new TijdlijnVraag(x, Filter: TijdlijnFilterSoort.Gesprekken));
        var lezer = await db.DossierlezerAsync(current, x);
        Assert.Equal(soort.ZietX, tijdlijn.IsGelukt);
        Assert.Equal(soort.ZietX, lezer is not null);
        if (lezer is not null)
        {
            var opTijdlijn = tijdlijn.Waarde!.Items.Select(i => i.Id).ToHashSet();
            Assert.False(tijdlijn.Waarde.HeeftMeer);
            var afspraken = await Dossierbronnen.Afspraken.Leesbaar(db, lezer).Select(af => af.Id).ToListAsync();
            foreach (var (id, mag) in verwacht)
            {
                if (opTijdlijn.Contains(id) != mag)
                {
                    verschillen.Add($"{beschrijving[id]}: tijdlijn {!mag}, Leesrecht {mag}");
                }
                if (afspraken.Contains(afspraakVan[id]) != mag)
                {
                    verschillen.Add($"{beschrijving[id]}: afspraak via de bron {!mag}, Leesrecht {mag}");
                }
            }
            Assert.Contains(losseAfspraak, afspraken);
            Assert.Contains(eigenAfspraak, afspraken);
            Assert.Equal(LezerVoor(soort, viaX: true, auteur: false), lezer.Lezer);
        }
        Assert.Empty(verschillen);
    }

    private async Task<Guid> LeerlingAsync(Guid klasId)
    {
        var leerling = new Leerling
        {
            Leerlingnummer = Guid.NewGuid().ToString("N")[..8], Voornaam = "Matrix", Achternaam = "Leerling",
            Geboortedatum = new DateOnly(2013, 5, 1), KlasId = klasId,
        };
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        db.Leerlingen.Add(leerling);
        await db.SaveChangesAsync();
        return leerling.Id;
    }

    private async Task<Guid> AfspraakAsync(Guid leerling, Guid eigenaar, Guid? gesprek)
    {
        var afspraak = new Afspraak { LeerlingId = leerling, EigenaarId = eigenaar, GesprekId = gesprek, Wat = "Matrix", AangemaaktOp = DateTimeOffset.UtcNow };
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        db.Afspraken.Add(afspraak);
        await db.SaveChangesAsync();
        return afspraak.Id;
    }

    private async Task RelatiesAsync(Guid id, Soort s)
    {
        await using var db = fixture.App.ContextFor(fixture.A.School.Id);
        if (s.Mentor1A)
        {
            db.KlasMentoren.Add(new KlasMentor { KlasId = fixture.A.Klas.Id, MedewerkerId = id });
        }
        if (s.Mentor2B)
        {
            db.KlasMentoren.Add(new KlasMentor { KlasId = fixture.Klas2B.Id, MedewerkerId = id });
        }
        if (s.Docent1A)
        {
            db.Lesopdrachten.Add(new Lesopdracht { KlasId = fixture.A.Klas.Id, MedewerkerId = id, Vak = "Engels" });
        }
        if (s.Docent2B)
        {
            db.Lesopdrachten.Add(new Lesopdracht { KlasId = fixture.Klas2B.Id, MedewerkerId = id, Vak = "Engels" });
        }
        if (s.Coordinator1)
        {
            db.Coordinatoren.Add(new Coordinator { MedewerkerId = id, Leerjaar = 1 });
        }
        if (s.Coordinator2)
        {
            db.Coordinatoren.Add(new Coordinator { MedewerkerId = id, Leerjaar = 2 });
        }
        await db.SaveChangesAsync();
    }
}
