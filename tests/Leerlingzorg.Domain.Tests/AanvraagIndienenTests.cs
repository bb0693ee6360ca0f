using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;

namespace Leerlingzorg.Domain.Tests;

/// <summary>Swvaanvraag.Indien (issue 12): the rules for sending an application to the samenwerkingsverband.</summary>
public sealed class AanvraagIndienenTests
{
    private static readonly DateTimeOffset Nu = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly Vandaag = new(2026, 12, 1);
    private static readonly Indiener Zco = new(Guid.NewGuid(), "A. de Boer", "zorgcoördinator");

    private static (Leerling Kind, LeerlingOuder Moeder) Gezin()
    {
        var kind = new Leerling { Leerlingnummer = "1", Voornaam = "Yusuf", Achternaam = "Bakker", Geboortedatum = new DateOnly(2013, 3, 4) };
        var ouder = new Ouder { Voornaam = "Fatma", Achternaam = "Bakker" };
        var moeder = new LeerlingOuder { LeerlingId = kind.Id, OuderId = ouder.Id, Ouder = ouder, Relatie = OuderRelatie.Moeder, Gezag = true };
        kind.Ouders.Add(moeder);
        return (kind, moeder);
    }

    private static Toestemming Toestemming(Leerling kind, Guid ouderId) => Ondersteuning.Toestemming.Geef(kind,
        new Toestemmingsgegevens(ToestemmingDoel.DelenMetSwv, ouderId, ToestemmingWijze.Schriftelijk, Vandaag.AddDays(-3)), Vandaag, Nu, Zco.Id);

    private static PlanVersie OppInWerking(Leerling kind) => new()
    {
        LeerlingId = kind.Id, Nummer = 2, Status = PlanStatus.Ingestemd, Ingang = Vandaag.AddDays(-10),
        Inhoud = new PlanInhoud { Onderwijsbehoeften = "Rust en structuur" },
    };

    private static Aanvraaginvoer Arrangement(GevraagdeOndersteuning? gevraagd = null) => new(Aanvraagsoort.Individueel,
        "Kan het SWV een arrangement toekennen?", "De extra ondersteuning is ingezet zonder effect.",
        [new Bijlage("Observatie", "Veel onrust.")],
        gevraagd ?? new GevraagdeOndersteuning("Ambulante begeleiding", "2 uur per week", Vandaag, Vandaag.AddMonths(6), 12_500m));

    [Fact]
    public void An_arrangement_with_consent_and_an_OPP_in_force_is_sent_with_its_snapshot()
    {
        var (kind, moeder) = Gezin();
        var opp = OppInWerking(kind);
        var (aanvraag, fouten) = Swvaanvraag.Indien(new Indienleerling(kind, "leerjaar 1", "havo/vwo"), Guid.NewGuid(), Arrangement(), opp,
            [Toestemming(kind, moeder.OuderId)], Nu, Zco);
        Assert.Empty(fouten);
        Assert.NotNull(aanvraag);
        Assert.Equal((2, (DateOnly?)Vandaag.AddDays(-10), "Rust en structuur"),
            (aanvraag.Snapshot.OppVersie!.Value, aanvraag.Snapshot.OppVanKrachtSinds, aanvraag.Snapshot.Opp!.Onderwijsbehoeften));
        Assert.Equal(new Leerlinggegevens("Yusuf Bakker", new DateOnly(2013, 3, 4), "leerjaar 1", "havo/vwo"), aanvraag.Leerling);
        Assert.Equal("A. de Boer, zorgcoördinator", aanvraag.IngediendDoorNaam);
        Assert.Equal(Aanvraagstatus.Ingediend, aanvraag.Status);
    }

    [Fact]
    public void An_application_without_consent_names_whose_consent_is_missing()
    {
        var (kind, _) = Gezin();
        var (aanvraag, fouten) = Swvaanvraag.Indien(new Indienleerling(kind, null, null), Guid.NewGuid(), Arrangement(), OppInWerking(kind), [], Nu, Zco);
        Assert.Null(aanvraag);
        var fout = Assert.Single(fouten);
        Assert.Equal(AanvraagVeld.Toestemming, fout.Veld);
        Assert.Contains("Fatma Bakker", fout.Melding, StringComparison.Ordinal);
        Assert.Contains("samenwerkingsverband", fout.Melding, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arrangement_needs_an_OPP_in_force_but_a_CTO_referral_does_not()
    {
        var (kind, moeder) = Gezin();
        var toestemming = Toestemming(kind, moeder.OuderId);
        var concept = OppInWerking(kind);
        concept.Status = PlanStatus.Concept;
        var fouten = Swvaanvraag.Controleer(kind, Arrangement(), concept, [toestemming], Vandaag);
        Assert.Equal(AanvraagVeld.Opp, Assert.Single(fouten).Veld);
        var cto = new Aanvraaginvoer(Aanvraagsoort.CtoAdvies, "Wat zijn de volgende stappen?", "Samenvatting");
        Assert.Empty(Swvaanvraag.Controleer(kind, cto, null, [toestemming], Vandaag));
    }

    [Fact]
    public void The_question_and_summary_are_required_and_limited()
    {
        var (kind, moeder) = Gezin();
        var leeg = new Aanvraaginvoer(Aanvraagsoort.CtoAdvies, " \u0000 ", null);
        var velden = Swvaanvraag.Controleer(kind, leeg, null, [Toestemming(kind, moeder.OuderId)], Vandaag).Select(f => f.Veld).ToList();
        Assert.Equal([AanvraagVeld.Vraag, AanvraagVeld.Samenvatting], velden);
        var lang = new Aanvraaginvoer(Aanvraagsoort.CtoAdvies, new string('x', Swvaanvraag.MaxVraag + 1), "Samenvatting");
        Assert.Contains("hooguit", Assert.Single(Swvaanvraag.Controleer(kind, lang, null, [Toestemming(kind, moeder.OuderId)], Vandaag)).Melding,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 6, 0, AanvraagVeld.Kosten)]
    [InlineData(0, 6, 1_000_000, AanvraagVeld.Kosten)]
    [InlineData(6, 0, 100, AanvraagVeld.Tot)]
    [InlineData(0, 24, 100, AanvraagVeld.Tot)]
    public void The_requested_support_has_a_period_of_at_most_two_school_years_and_a_cost_below_a_million(int van, int tot, int kosten, AanvraagVeld veld)
    {
        var (kind, moeder) = Gezin();
        var gevraagd = new GevraagdeOndersteuning("Begeleiding", null, Vandaag.AddMonths(van), Vandaag.AddMonths(tot), kosten);
        var fouten = Swvaanvraag.Controleer(kind, Arrangement(gevraagd), OppInWerking(kind), [Toestemming(kind, moeder.OuderId)], Vandaag);
        Assert.Equal(veld, Assert.Single(fouten).Veld);
    }
}
