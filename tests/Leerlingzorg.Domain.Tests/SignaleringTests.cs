using System.Reflection;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Verwijsindex;

namespace Leerlingzorg.Domain.Tests;

public sealed class SignaleringTests
{
    private static readonly DateOnly Vandaag = new(2026, 12, 1);
    private static readonly DateTimeOffset Nu = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid Zco = Guid.NewGuid();

    private static Leerling Kind(int leeftijd, bool amv = false) => new()
    {
        Leerlingnummer = "1", Voornaam = "Sam", Achternaam = "de Vries", IsAmv = amv,
        Geboortedatum = Vandaag.AddYears(-leeftijd).AddDays(-60),
    };

    private static LeerlingOuder Ouder(Leerling kind, string voornaam, OuderRelatie relatie = OuderRelatie.Moeder, bool gezag = true)
    {
        var ouder = new Ouder { Voornaam = voornaam, Achternaam = "de Vries" };
        var lo = new LeerlingOuder { LeerlingId = kind.Id, OuderId = ouder.Id, Ouder = ouder, Relatie = relatie, Gezag = gezag };
        kind.Ouders.Add(lo);
        return lo;
    }

    private static Signaleringsgegevens Gegevens(DateOnly? op = null, string? contactpersoon = "M. Jansen", string? contact = "0317 123 456") =>
        new(op ?? Vandaag, contactpersoon, contact);

    private static Signalering Registreer(Leerling kind, DateOnly? op = null) =>
        Signalering.Registreer(kind, Gegevens(op), Vandaag, Nu, Zco, "M. Jansen");

    [Fact]
    public void Registering_copies_only_the_identifying_data_the_date_the_professional_and_the_contact()
    {
        var kind = Kind(13);
        var s = Signalering.Registreer(kind, Gegevens(contactpersoon: "  M. Jansen\0 ", contact: " zorg@school.example "), Vandaag, Nu, Zco, "M. Jansen");
        Assert.Equal((kind.Id, "Sam de Vries", kind.Geboortedatum, Vandaag, Zco, "M. Jansen", "zorg@school.example"),
            (s.LeerlingId, s.Naam, s.Geboortedatum, s.GesignaleerdOp, s.DoorId, s.Contactpersoon, s.ContactTelefoonOfEmail));
        Assert.Equal(Vandaag.AddYears(2), s.Uiterlijk);
    }

    [Fact]
    public void The_record_has_no_free_text_field_for_a_reason_or_content()
    {
        var tekstvelden = typeof(Signalering).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["ContactTelefoonOfEmail", "Contactpersoon", "DoorNaam", "Naam"], tekstvelden);
        Assert.DoesNotContain(typeof(Verwijsmatch).GetProperties(), p => p.PropertyType == typeof(string) && p.Name != nameof(Verwijsmatch.Organisatie));
        Assert.DoesNotContain(typeof(Informering).GetProperties(), p => p.PropertyType == typeof(string));
    }

    [Theory]
    [InlineData("", "0317 123 456", "contactpersoon")]
    [InlineData("M. Jansen", "", "telefoonnummer of e-mailadres")]
    [InlineData("M. Jansen", "bel even", "geen andere tekst")]
    [InlineData("M. Jansen", "12345", "geen andere tekst")]
    public void Registering_needs_a_contact_person_with_a_phone_number_or_e_mail(string contactpersoon, string contact, string melding)
    {
        var fout = Signalering.Controleer(Kind(13), Gegevens(contactpersoon: contactpersoon, contact: contact), Vandaag);
        Assert.Contains(melding, fout, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ArgumentException>(() => Signalering.Registreer(Kind(13), Gegevens(contactpersoon: contactpersoon, contact: contact), Vandaag, Nu, Zco, "x"));
    }

    [Fact]
    public void A_registration_is_not_dated_in_the_future_nor_more_than_two_years_back_nor_for_a_student_who_left()
    {
        Assert.Contains("toekomst", Signalering.Controleer(Kind(13), Gegevens(Vandaag.AddDays(1)), Vandaag));
        Assert.Contains("2 jaar", Signalering.Controleer(Kind(13), Gegevens(Vandaag.AddYears(-2).AddDays(-1)), Vandaag));
        Assert.Null(Signalering.Controleer(Kind(13), Gegevens(Vandaag.AddYears(-2)), Vandaag));
        var weg = Kind(13);
        weg.SchrijfUit(Vandaag.AddDays(-5), "verhuisd");
        Assert.Contains("uitgeschreven", Signalering.Controleer(weg, Gegevens(), Vandaag));
    }

    [Fact]
    public void Under_12_the_ouders_with_gezag_are_told_not_the_student()
    {
        var kind = Kind(11);
        var moeder = Ouder(kind, "Anna");
        Ouder(kind, "Chris", OuderRelatie.Verzorger, gezag: false);
        var wie = Registreer(kind).TeInformeren(kind);
        Assert.Equal([new TeInformeren(moeder.OuderId, "Anna de Vries")], wie);
    }

    [Fact]
    public void From_12_to_15_the_ouders_with_gezag_and_the_student_are_told()
    {
        var kind = Kind(14);
        var moeder = Ouder(kind, "Anna");
        var vader = Ouder(kind, "Bram", OuderRelatie.Vader);
        var wie = Registreer(kind).TeInformeren(kind);
        Assert.Equal([moeder.OuderId, vader.OuderId, null], wie.Select(w => w.OuderId));
    }

    [Fact]
    public void From_16_only_the_student_is_told()
    {
        var kind = Kind(16);
        Ouder(kind, "Anna");
        Assert.Equal([new TeInformeren(null, "De leerling zelf")], Registreer(kind).TeInformeren(kind));
    }

    [Fact]
    public void For_an_AMV_student_the_Nidos_voogd_is_told()
    {
        var kind = Kind(13, amv: true);
        Ouder(kind, "Moeder", OuderRelatie.Moeder, gezag: true);
        var voogd = Ouder(kind, "Nidos", OuderRelatie.NidosVoogd, gezag: true);
        Assert.Equal([voogd.OuderId, null], Registreer(kind).TeInformeren(kind).Select(w => w.OuderId));
    }

    [Fact]
    public void Informing_is_recorded_once_per_person_and_only_for_who_must_be_told()
    {
        var kind = Kind(14);
        var moeder = Ouder(kind, "Anna");
        var stief = Ouder(kind, "Chris", OuderRelatie.Verzorger, gezag: false);
        var s = Registreer(kind);
        Assert.Null(s.Informeer(kind, moeder.OuderId, Vandaag, InformeerWijze.Brief, Zco, Vandaag));
        Assert.Equal(2, s.Versie);
        Assert.Contains("al geïnformeerd", s.Informeer(kind, moeder.OuderId, Vandaag, InformeerWijze.Email, Zco, Vandaag));
        Assert.Contains("geen ouder met gezag", s.Informeer(kind, stief.OuderId, Vandaag, InformeerWijze.Brief, Zco, Vandaag));
        Assert.Contains("toekomst", s.Informeer(kind, null, Vandaag.AddDays(1), InformeerWijze.Mondeling, Zco, Vandaag));
        Assert.Equal([new TeInformeren(null, "De leerling zelf")], s.NogTeInformeren(kind));
        Assert.Null(s.Informeer(kind, null, Vandaag, InformeerWijze.Mondeling, Zco, Vandaag));
        Assert.Empty(s.NogTeInformeren(kind));
    }

    [Fact]
    public void Under_12_the_student_is_not_recorded_as_told_and_from_16_no_ouder()
    {
        var jong = Kind(10);
        Ouder(jong, "Anna");
        Assert.Contains("jonger dan 12", Registreer(jong).Informeer(jong, null, Vandaag, InformeerWijze.Mondeling, Zco, Vandaag));
        var oud = Kind(17);
        var moeder = Ouder(oud, "Anna");
        Assert.Contains("alleen de leerling zelf", Registreer(oud).Informeer(oud, moeder.OuderId, Vandaag, InformeerWijze.Brief, Zco, Vandaag));
    }

    [Fact]
    public void The_deadline_reminds_eight_weeks_before_and_is_overdue_the_day_after()
    {
        var s = Registreer(Kind(13), new DateOnly(2025, 1, 15));
        Assert.Equal(new DateOnly(2027, 1, 15), s.Uiterlijk);
        Assert.Equal(Termijnstand.Lopend, s.Stand(new DateOnly(2026, 11, 19)));
        Assert.Equal(Termijnstand.Binnenkort, s.Stand(new DateOnly(2026, 11, 20)));
        Assert.Equal(Termijnstand.Binnenkort, s.Stand(new DateOnly(2027, 1, 15)));
        Assert.Equal(Termijnstand.Verlopen, s.Stand(new DateOnly(2027, 1, 16)));
        Assert.Null(s.MeldAf(new DateOnly(2026, 12, 1), AfmeldReden.TermijnVerstreken, Zco, new DateOnly(2026, 12, 1)));
        Assert.Equal(Termijnstand.Afgemeld, s.Stand(new DateOnly(2027, 2, 1)));
    }

    [Fact]
    public void The_database_predicate_of_the_reminder_agrees_with_the_stand_29_february_included()
    {
        var vandaag = new DateOnly(2026, 1, 1);
        for (var dag = 0; dag < 800; dag++)
        {
            var datum = vandaag.AddDays(dag);
            var start = new DateOnly(2023, 6, 1);
            for (var g = start; g < new DateOnly(2026, 6, 1); g = g.AddDays(1))
            {
                var s = new Signalering { Naam = "x", DoorNaam = "x", Contactpersoon = "x", ContactTelefoonOfEmail = "x", GesignaleerdOp = g };
                var verwacht = s.Stand(datum) is Termijnstand.Binnenkort or Termijnstand.Verlopen;
                if (TeHerinneren(s, datum) != verwacht)
                {
                    Assert.Fail($"{g} op {datum}: verwacht {verwacht}");
                }
            }
            dag += 13;
        }
    }

    private static bool TeHerinneren(Signalering s, DateOnly vandaag) => Signalering.TeHerinneren(vandaag).Compile()(s);

    [Fact]
    public void Afmelden_happens_once_not_before_the_registration_nor_in_the_future()
    {
        var s = Registreer(Kind(13), Vandaag.AddDays(-30));
        Assert.Contains("vóór", s.MeldAf(Vandaag.AddDays(-31), AfmeldReden.ZorgAfgerond, Zco, Vandaag));
        Assert.Contains("toekomst", s.MeldAf(Vandaag.AddDays(1), AfmeldReden.ZorgAfgerond, Zco, Vandaag));
        Assert.Contains("nog niet", s.MeldAf(Vandaag, AfmeldReden.TermijnVerstreken, Zco, Vandaag));
        Assert.Null(s.MeldAf(Vandaag, AfmeldReden.ZorgAfgerond, Zco, Vandaag));
        Assert.Equal((Vandaag, AfmeldReden.ZorgAfgerond, (Guid?)Zco), (s.AfgemeldOp!.Value, s.AfmeldReden!.Value, s.AfgemeldDoor));
        Assert.Equal(Signalering.AlAfgemeld, s.MeldAf(Vandaag, AfmeldReden.Onterecht, Zco, Vandaag));
        Assert.Equal(Signalering.AlAfgemeld, s.LegMatchVast(Vandaag, "Jeugdteam", Zco, Vandaag));
        Assert.Equal(Signalering.AlAfgemeld, s.Informeer(Kind(13), null, Vandaag, InformeerWijze.Brief, Zco, Vandaag));
    }

    [Fact]
    public void A_match_has_a_day_and_an_organisation()
    {
        var s = Registreer(Kind(13), Vandaag.AddDays(-30));
        Assert.Contains("organisatie", s.LegMatchVast(Vandaag, " \u0001 ", Zco, Vandaag));
        Assert.Contains("hooguit", s.LegMatchVast(Vandaag, new string('x', 151), Zco, Vandaag));
        Assert.Contains("vóór", s.LegMatchVast(Vandaag.AddDays(-31), "Jeugdteam", Zco, Vandaag));
        Assert.Null(s.LegMatchVast(Vandaag, "  Jeugdteam Ede ", Zco, Vandaag));
        Assert.Equal("Jeugdteam Ede", Assert.Single(s.Matches).Organisatie);
    }
}
