using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;

namespace Leerlingzorg.Domain.Tests;

/// <summary>Swvaanvraag.IndienGroep (issue 12): a group arrangement, one application for two or more students.</summary>
public sealed class GroepsarrangementTests
{
    private static readonly DateTimeOffset Nu = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly Vandaag = new(2026, 12, 1);
    private static readonly Indiener Zco = new(Guid.NewGuid(), "A. de Boer", "zorgcoördinator");
    private static readonly Guid School = Guid.NewGuid();

    private static Groepskandidaat Kandidaat(string voornaam, string achternaam, bool toestemming = true, int? opp = null, Guid? school = null)
    {
        var kind = new Leerling
        {
            SchoolId = school ?? School, Leerlingnummer = voornaam, Voornaam = voornaam, Achternaam = achternaam, Geboortedatum = new DateOnly(2012, 5, 6),
        };
        var ouder = new Ouder { Voornaam = "Ouder", Achternaam = achternaam };
        kind.Ouders.Add(new LeerlingOuder { LeerlingId = kind.Id, OuderId = ouder.Id, Ouder = ouder, Relatie = OuderRelatie.Vader, Gezag = true });
        var toestemmingen = toestemming
            ? new[] { Toestemming.Geef(kind, new Toestemmingsgegevens(ToestemmingDoel.DelenMetSwv, ouder.Id, ToestemmingWijze.Schriftelijk, Vandaag.AddDays(-2)), Vandaag, Nu, Zco.Id) }
            : [];
        return new Groepskandidaat(new Indienleerling(kind, "leerjaar 2", "vmbo-k"), opp, toestemmingen);
    }

    private static Aanvraaginvoer Groep() => new(Aanvraagsoort.Groep,
        "Kan het samenwerkingsverband een time-outvoorziening voor deze leerlingen bekostigen?",
        "Vier leerlingen met gedragsproblemen; de time-outkaart en mentorgesprekken zijn niet genoeg.", [],
        new GevraagdeOndersteuning("Time-outvoorziening met begeleider", "8 uur per week", Vandaag, Vandaag.AddMonths(6), 24_000m));

    [Fact]
    public void A_group_arrangement_is_one_application_with_a_member_per_student_and_no_single_student_or_OPP_copy()
    {
        var swv = Guid.NewGuid();
        var (aanvraag, leden, fouten) = Swvaanvraag.IndienGroep(
            [Kandidaat("Sem", "Visser", opp: 3), Kandidaat("Anna", "Bakker"), Kandidaat("Sem", "Visser")], swv, Groep(), Nu, Zco);
        Assert.Empty(fouten);
        Assert.NotNull(aanvraag);
        Assert.Equal((Aanvraagsoort.Groep, (Guid?)null, (Leerlinggegevens?)null, (int?)3, School), (aanvraag.Soort, aanvraag.LeerlingId, aanvraag.Leerling, aanvraag.Groepsgrootte, aanvraag.SchoolId));
        Assert.Null(aanvraag.Snapshot.Opp);
        Assert.Equal("Time-outvoorziening met begeleider", aanvraag.Gevraagd!.Soort);
        Assert.Equal(["Anna Bakker", "Sem Visser", "Sem Visser"], leden.Select(l => l.Leerling.Naam));
        Assert.All(leden, l => Assert.Equal((swv, School, aanvraag.Id), (l.SwvId, l.SchoolId, l.AanvraagId)));
        Assert.Equal([null, 3, null], leden.Select(l => l.OppVersie));
    }

    [Fact]
    public void The_same_student_twice_counts_once_and_one_student_is_no_group()
    {
        var sem = Kandidaat("Sem", "Visser");
        var fouten = Swvaanvraag.ControleerGroep([sem, sem], Groep(), Vandaag);
        var fout = Assert.Single(fouten);
        Assert.Equal(AanvraagVeld.Leerlingen, fout.Veld);
        Assert.Contains("individueel arrangement", fout.Melding, StringComparison.Ordinal);
        var (aanvraag, leden, _) = Swvaanvraag.IndienGroep([sem, sem, Kandidaat("Anna", "Bakker")], Guid.NewGuid(), Groep(), Nu, Zco);
        Assert.Equal(2, aanvraag!.Groepsgrootte);
        Assert.Equal(2, leden.Count);
    }

    [Fact]
    public void Every_student_needs_the_consent_to_share_and_the_message_names_him()
    {
        var (aanvraag, leden, fouten) = Swvaanvraag.IndienGroep([Kandidaat("Sem", "Visser"), Kandidaat("Anna", "Bakker", toestemming: false)],
            Guid.NewGuid(), Groep(), Nu, Zco);
        Assert.Null(aanvraag);
        Assert.Empty(leden);
        var fout = Assert.Single(fouten);
        Assert.Equal(AanvraagVeld.Toestemming, fout.Veld);
        Assert.StartsWith("Anna Bakker: Zonder toestemming", fout.Melding, StringComparison.Ordinal);
        Assert.Contains("Ouder Bakker", fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void At_most_thirty_students_of_one_school_and_the_support_asked_is_required()
    {
        var veel = Enumerable.Range(0, Swvaanvraag.MaxGroep + 1).Select(i => Kandidaat($"Kind{i}", "Jansen")).ToList();
        Assert.Contains(Swvaanvraag.ControleerGroep(veel, Groep(), Vandaag), f => f.Veld == AanvraagVeld.Leerlingen && f.Melding.Contains("hooguit 30", StringComparison.Ordinal));
        var andereSchool = Swvaanvraag.ControleerGroep([Kandidaat("Sem", "Visser"), Kandidaat("Anna", "Bakker", school: Guid.NewGuid())], Groep(), Vandaag);
        Assert.Contains(andereSchool, f => f.Melding == "Alle leerlingen van een groepsarrangement zitten op uw school.");
        var zonder = Groep() with { Gevraagd = null };
        Assert.Contains(Swvaanvraag.ControleerGroep([Kandidaat("Sem", "Visser"), Kandidaat("Anna", "Bakker")], zonder, Vandaag), f => f.Veld == AanvraagVeld.Ondersteuning);
    }

    [Fact]
    public void A_group_arrangement_is_not_sent_for_one_student_from_his_page_and_is_assessed_like_an_arrangement()
    {
        var eén = Kandidaat("Sem", "Visser");
        var fouten = Swvaanvraag.Controleer(eén.Wie.Leerling, Groep(), null, eén.Toestemmingen, Vandaag);
        Assert.Contains(fouten, f => f.Veld == AanvraagVeld.Soort && f.Melding.Contains("Aanvragen SWV", StringComparison.Ordinal));
        var (aanvraag, _, _) = Swvaanvraag.IndienGroep([eén, Kandidaat("Anna", "Bakker")], Guid.NewGuid(), Groep(), Nu, Zco);
        Assert.True(aanvraag!.IsArrangement);
        Assert.Contains(Beoordelaarsrol.Manager, aanvraag.Beoordelaarsrollen);
    }
}
