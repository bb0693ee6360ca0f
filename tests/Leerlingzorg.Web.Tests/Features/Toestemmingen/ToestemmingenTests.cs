using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.Toestemmingen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Toestemmingen;

/// <summary>The consent register: who records and withdraws, what a withdrawal flags, and the coverage in the list.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class ToestemmingenTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly DateOnly Vandaag = Schooldag.Vandaag;

    private TestData Data => new(fixture.App);

    /// <summary>A school whose first student has two ouders with gezag (the seed's moeder and a vader) and a third without.</summary>
    private async Task<(SchoolScenario S, Ouder Vader, Ouder Stiefvader)> SchoolMetOudersAsync(string naam)
    {
        var s = await Data.SchoolAsync(naam);
        var vader = new Ouder { Voornaam = "Bram", Achternaam = naam };
        var stiefvader = new Ouder { Voornaam = "Chris", Achternaam = naam };
        await using var db = fixture.App.ContextFor(s.School.Id);
        db.Ouders.AddRange(vader, stiefvader);
        db.LeerlingOuders.AddRange(
            new LeerlingOuder { LeerlingId = s.Leerlingen[0].Id, OuderId = vader.Id, Relatie = OuderRelatie.Vader, Gezag = true },
            new LeerlingOuder { LeerlingId = s.Leerlingen[0].Id, OuderId = stiefvader.Id, Relatie = OuderRelatie.Verzorger, Gezag = false });
        await db.SaveChangesAsync();
        return (s, vader, stiefvader);
    }

    private static VastleggenInvoer Invoer(Guid leerlingId, Guid? ouderId, ToestemmingDoel doel = ToestemmingDoel.AmbulanteBegeleiding,
        DateOnly? op = null, DateOnly? tot = null, string? partner = null) => new()
    {
        LeerlingId = leerlingId, Doel = doel, Wie = ouderId?.ToString() ?? VastleggenInvoer.DeLeerlingZelf, Wijze = ToestemmingWijze.Schriftelijk,
        GegevenOp = (op ?? Vandaag).ToDateTime(TimeOnly.MinValue), GeldigTot = tot?.ToDateTime(TimeOnly.MinValue), Partner = partner,
        Opmerking = "  Formulier ondertekend.  ",
    };

    private async Task<Result<Guid>> VastleggenAlsAsync(Gebruiker user, string rol, VastleggenInvoer invoer)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<ToestemmingVastleggenHandler>().HandleAsync(invoer);
    }

    private async Task<Result<ToestemmingenRegister>> RegisterAlsAsync(Gebruiker user, string rol, Guid leerlingId)
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await scope.ServiceProvider.GetRequiredService<ToestemmingenBekijkenHandler>().HandleAsync(leerlingId);
    }

    private async Task<int> AantalAsync(Guid schoolId, Guid leerlingId, ToestemmingDoel doel)
    {
        await using var db = fixture.App.ContextFor(schoolId);
        return await db.Toestemmingen.CountAsync(t => t.LeerlingId == leerlingId && t.Doel == doel);
    }

    [Fact]
    public async Task The_zorgcoordinator_records_the_consent_of_an_ouder_with_gezag_audited()
    {
        var s = fixture.A;
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var leerling = s.Leerlingen[0].Id;
        var result = await VastleggenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling, s.Ouder.Id, tot: Vandaag.AddMonths(6)));
        Assert.True(result.IsGelukt, result.Fout?.Melding);

        await using var db = fixture.App.ContextFor(s.School.Id);
        var opgeslagen = await db.Toestemmingen.SingleAsync(t => t.Id == result.Waarde);
        Assert.Equal((leerling, (Guid?)s.Ouder.Id, ToestemmingDoel.AmbulanteBegeleiding, ToestemmingWijze.Schriftelijk, Vandaag, (DateOnly?)Vandaag.AddMonths(6)),
            (opgeslagen.LeerlingId, opgeslagen.OuderId, opgeslagen.Doel, opgeslagen.Wijze, opgeslagen.GegevenOp, opgeslagen.GeldigTot));
        Assert.Equal("Formulier ondertekend.", opgeslagen.Opmerking);
        Assert.Equal(zco.Id, opgeslagen.VastgelegdDoor);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == zco.Id && a.LeerlingId == leerling && a.Actie == AuditActie.Aanmaken
            && a.Detail.Contains(opgeslagen.Id.ToString())));
    }

    [Fact]
    public async Task The_mentor_of_the_student_and_his_coordinator_record_consent()
    {
        var s = fixture.A;
        var leerling = s.Leerlingen[0].Id;
        Assert.True((await VastleggenAlsAsync(s.Mentor, Rollen.Mentor, Invoer(leerling, s.Ouder.Id, ToestemmingDoel.ObservatieOrthopedagoog))).IsGelukt);
        await using var db = fixture.App.ContextFor(s.School.Id);
        var coordinator = await db.Coordinatoren.Where(c => c.Leerjaar == 1).Select(c => c.MedewerkerId).FirstAsync();
        var coordinatorUser = await db.Users.SingleAsync(u => u.Id == coordinator);
        Assert.True((await VastleggenAlsAsync(coordinatorUser, Rollen.Leerjaarcoordinator,
            Invoer(leerling, s.Ouder.Id, ToestemmingDoel.BesprekingZat))).IsGelukt);
        Assert.Equal(1, await AantalAsync(s.School.Id, leerling, ToestemmingDoel.ObservatieOrthopedagoog));
    }

    [Theory]
    [InlineData(Rollen.Docent)]
    [InlineData(Rollen.Schoolleiding)]
    [InlineData(Rollen.Verzuimcoordinator)]
    public async Task A_role_without_care_for_the_student_is_refused_before_anything_is_read(string rol)
    {
        var s = fixture.B;
        var user = rol == Rollen.Docent ? s.Docent : await Data.UserAsync(s.School.Id, rol);
        var result = await VastleggenAlsAsync(user, rol, Invoer(s.Leerlingen[0].Id, s.Ouder.Id, ToestemmingDoel.ExterneVerwijzing, partner: "GGD"));
        Assert.Equal(FoutSoort.GeenToegang, result.Fout?.Soort);
        Assert.Equal(0, await AantalAsync(s.School.Id, s.Leerlingen[0].Id, ToestemmingDoel.ExterneVerwijzing));
    }

    [Fact]
    public async Task A_mentor_of_another_class_and_the_zorgcoordinator_of_another_school_do_not_find_the_student()
    {
        var s = await Data.SchoolAsync("Andere klas school");
        var andereMentor = await Data.UserAsync(s.School.Id, Rollen.Mentor);
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            var klas = new Klas { Naam = "2B", Leerjaar = 2, AfdelingId = s.Klas.AfdelingId, Schooljaar = s.Klas.Schooljaar, LocatieId = s.Locatie.Id };
            db.Klassen.Add(klas);
            db.KlasMentoren.Add(new KlasMentor { KlasId = klas.Id, MedewerkerId = andereMentor.Id });
            await db.SaveChangesAsync();
        }
        var leerling = s.Leerlingen[0].Id;
        Assert.Equal(FoutSoort.NietGevonden, (await VastleggenAlsAsync(andereMentor, Rollen.Mentor, Invoer(leerling, s.Ouder.Id))).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await RegisterAlsAsync(andereMentor, Rollen.Mentor, leerling)).Fout?.Soort);

        var zcoB = await Data.UserAsync(fixture.B.School.Id, Rollen.Zorgcoordinator);
        Assert.Equal(FoutSoort.NietGevonden, (await VastleggenAlsAsync(zcoB, Rollen.Zorgcoordinator, Invoer(leerling, s.Ouder.Id))).Fout?.Soort);
        Assert.Equal(FoutSoort.NietGevonden, (await RegisterAlsAsync(zcoB, Rollen.Zorgcoordinator, leerling)).Fout?.Soort);
        Assert.Equal(0, await AantalAsync(s.School.Id, leerling, ToestemmingDoel.AmbulanteBegeleiding));
    }

    [Fact]
    public async Task An_ouder_without_gezag_the_student_under_16_a_future_date_and_a_missing_partner_are_refused_in_Dutch()
    {
        var (s, _, stiefvader) = await SchoolMetOudersAsync("Weigerschool");
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var leerling = s.Leerlingen[0].Id;
        var zonderGezag = await VastleggenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling, stiefvader.Id));
        Assert.Equal(FoutSoort.Ongeldig, zonderGezag.Fout?.Soort);
        Assert.Contains("Chris Weigerschool had op die dag geen gezag", zonderGezag.Fout!.Melding, StringComparison.Ordinal);
        var zelf = await VastleggenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling, null));
        Assert.Contains("jonger dan 16", zelf.Fout?.Melding, StringComparison.Ordinal);
        var morgen = await VastleggenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling, s.Ouder.Id, op: Vandaag.AddDays(1)));
        Assert.Equal("De datum van de toestemming ligt in de toekomst.", morgen.Fout?.Melding);
        var partner = await VastleggenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(leerling, s.Ouder.Id, ToestemmingDoel.DelenMetPartner));
        Assert.Contains("partner", partner.Fout?.Melding, StringComparison.Ordinal);
        var andereOuder = await VastleggenAlsAsync(zco, Rollen.Zorgcoordinator, Invoer(s.Leerlingen[1].Id, s.Ouder.Id));
        Assert.Contains("hoort niet bij de leerling", andereOuder.Fout?.Melding, StringComparison.Ordinal);
        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.Equal(0, await db.Toestemmingen.CountAsync(t => t.Doel != ToestemmingDoel.IbBegeleiding));
    }

    [Fact]
    public async Task The_register_shows_per_purpose_who_is_missing_until_both_ouders_with_gezag_consented_and_when_it_ends()
    {
        var (s, vader, stiefvader) = await SchoolMetOudersAsync("Registerschool");
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var leerling = s.Leerlingen[0].Id;
        var voor = (await RegisterAlsAsync(zco, Rollen.Zorgcoordinator, leerling)).Waarde!;
        Assert.True(voor.MagVastleggen);
        Assert.Equal(Enum.GetValues<ToestemmingDoel>(), voor.Doelen.Select(d => d.Doel));
        // The seed: the moeder consented to IB today; the vader not yet. The stiefvader without gezag is not asked.
        var ib = voor.Doelen.Single(d => d.Doel == ToestemmingDoel.IbBegeleiding);
        Assert.False(ib.IsGedekt);
        Assert.Equal("Geldige toestemming ontbreekt van: Bram Registerschool.", ib.Status);
        Assert.True(Assert.Single(ib.Regels).IsGeldig);
        Assert.Equal("Ouder Registerschool", ib.Regels[0].Door);
        Assert.Equal(new[] { s.Ouder.Id.ToString(), vader.Id.ToString() }.Order(), voor.Toestemmers.Select(t => t.Wie).Order());
        Assert.DoesNotContain(voor.Toestemmers, t => t.Wie == stiefvader.Id.ToString() || t.Wie == VastleggenInvoer.DeLeerlingZelf);

        Assert.True((await VastleggenAlsAsync(zco, Rollen.Zorgcoordinator,
            Invoer(leerling, vader.Id, ToestemmingDoel.IbBegeleiding, op: Vandaag.AddDays(-10), tot: Vandaag.AddDays(30)))).IsGelukt);
        // An expired consent of the moeder for ambulant support: recorded as history, not valid.
        Assert.True((await VastleggenAlsAsync(zco, Rollen.Zorgcoordinator,
            Invoer(leerling, s.Ouder.Id, ToestemmingDoel.AmbulanteBegeleiding, op: Vandaag.AddDays(-60), tot: Vandaag.AddDays(-1)))).IsGelukt);

        var na = (await RegisterAlsAsync(zco, Rollen.Zorgcoordinator, leerling)).Waarde!;
        var ibNa = na.Doelen.Single(d => d.Doel == ToestemmingDoel.IbBegeleiding);
        Assert.True(ibNa.IsGedekt);
        Assert.Equal(Vandaag.AddDays(30), ibNa.VerlooptOp);
        Assert.StartsWith("Geldig, verloopt op ", ibNa.Status, StringComparison.Ordinal);
        Assert.Equal(2, ibNa.Regels.Count);
        var ambulant = na.Doelen.Single(d => d.Doel == ToestemmingDoel.AmbulanteBegeleiding);
        Assert.False(ambulant.IsGedekt);
        Assert.False(Assert.Single(ambulant.Regels).IsGeldig);
        Assert.Contains("Ouder Registerschool", ambulant.Status, StringComparison.Ordinal);

        await using var db = fixture.App.ContextFor(s.School.Id);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == zco.Id && a.LeerlingId == leerling && a.Actie == AuditActie.Lezen
            && a.Detail == "toestemmingen"));
    }

    [Fact]
    public async Task Sharing_with_a_partner_has_its_own_status_per_partner()
    {
        var s = await Data.SchoolAsync("Partnerschool");
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var leerling = s.Leerlingen[0].Id;
        Assert.True((await VastleggenAlsAsync(zco, Rollen.Zorgcoordinator,
            Invoer(leerling, s.Ouder.Id, ToestemmingDoel.DelenMetPartner, partner: "Jeugdteam Noord"))).IsGelukt);
        var register = (await RegisterAlsAsync(zco, Rollen.Zorgcoordinator, leerling)).Waarde!;
        var delen = Assert.Single(register.Doelen, d => d.Doel == ToestemmingDoel.DelenMetPartner);
        Assert.Equal("Jeugdteam Noord", delen.Partner);
        Assert.True(delen.IsGedekt);
        Assert.Equal("Gegevens delen met een partner: Jeugdteam Noord", delen.Naam);
        var verwijzing = Assert.Single(register.Doelen, d => d.Doel == ToestemmingDoel.ExterneVerwijzing);
        Assert.Null(verwijzing.Partner);
        Assert.False(verwijzing.IsGedekt);
    }

    [Fact]
    public async Task The_mentor_reads_the_register_a_docent_does_not()
    {
        var s = fixture.A;
        var mentor = await RegisterAlsAsync(s.Mentor, Rollen.Mentor, s.Leerlingen[0].Id);
        Assert.True(mentor.IsGelukt);
        Assert.True(mentor.Waarde.MagVastleggen);
        var docent = await RegisterAlsAsync(s.Docent, Rollen.Docent, s.Leerlingen[0].Id);
        Assert.Equal(FoutSoort.GeenToegang, docent.Fout?.Soort);
        var ib = await Data.UserAsync(s.School.Id, Rollen.InternBegeleider);
        Assert.True((await RegisterAlsAsync(ib, Rollen.InternBegeleider, s.Leerlingen[0].Id)).Waarde?.MagVastleggen);
    }

    [Fact]
    public async Task Withdrawing_flags_only_the_active_interventions_of_the_student_whose_offer_needs_this_purpose()
    {
        var s = await Data.SchoolAsync("Intrekschool");
        var zco = await Data.UserAsync(s.School.Id, Rollen.Zorgcoordinator);
        var leerling = s.Leerlingen[0].Id;
        Guid toestemmingId, actief, wachtlijst, afgerond, ander, andereLeerling, zonder;
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            toestemmingId = await db.Toestemmingen.Where(t => t.LeerlingId == leerling && t.Doel == ToestemmingDoel.IbBegeleiding)
                .Select(t => t.Id).SingleAsync();
            var ibAanbod = Aanbod("Intern begeleider", ToestemmingDoel.IbBegeleiding);
            var abAanbod = Aanbod("Ambulant begeleider", ToestemmingDoel.AmbulanteBegeleiding);
            var vrij = Aanbod("Bijles", null);
            db.Ondersteuningsaanbod.AddRange(ibAanbod, abAanbod, vrij);
            Inzet Maak(Guid lid, Ondersteuningsaanbod a, InzetStatus status)
            {
                var inzet = new Inzet
                {
                    LeerlingId = lid, AanbodId = a.Id, Doel = "Doel " + a.Naam, Start = Vandaag.AddDays(-20), EigenaarId = s.Mentor.Id,
                    Status = status, AangemaaktOp = DateTimeOffset.UtcNow, AangemaaktDoor = zco.Id,
                };
                db.Inzetten.Add(inzet);
                return inzet;
            }
            actief = Maak(leerling, ibAanbod, InzetStatus.Actief).Id;
            wachtlijst = Maak(leerling, ibAanbod, InzetStatus.Wachtlijst).Id;
            afgerond = Maak(leerling, ibAanbod, InzetStatus.Afgerond).Id;
            ander = Maak(leerling, abAanbod, InzetStatus.Actief).Id;
            zonder = Maak(leerling, vrij, InzetStatus.Actief).Id;
            andereLeerling = Maak(s.Leerlingen[1].Id, ibAanbod, InzetStatus.Actief).Id;
            await db.SaveChangesAsync();
        }

        await using (var scope = fixture.App.ScopeAs(zco, Rollen.Zorgcoordinator))
        {
            var handler = scope.ServiceProvider.GetRequiredService<ToestemmingIntrekkenHandler>();
            var leeg = await handler.HandleAsync(new IntrekkenInvoer { ToestemmingId = toestemmingId, Door = "  ", Datum = Vandaag.ToDateTime(TimeOnly.MinValue) });
            Assert.Equal(FoutSoort.Ongeldig, leeg.Fout?.Soort);
            var toekomst = await handler.HandleAsync(new IntrekkenInvoer
            {
                ToestemmingId = toestemmingId, Door = "moeder", Datum = Vandaag.AddDays(1).ToDateTime(TimeOnly.MinValue),
            });
            Assert.Equal("De datum van intrekken ligt in de toekomst.", toekomst.Fout?.Melding);

            var result = await handler.HandleAsync(new IntrekkenInvoer
            {
                ToestemmingId = toestemmingId, Door = "moeder, telefonisch", Datum = Vandaag.ToDateTime(TimeOnly.MinValue),
            });
            Assert.True(result.IsGelukt, result.Fout?.Melding);
            Assert.Equal(1, result.Waarde.GemarkeerdeInzetten);
            Assert.Contains("1 lopende inzet", result.Waarde.Melding, StringComparison.Ordinal);
            var nogEens = await handler.HandleAsync(new IntrekkenInvoer
            {
                ToestemmingId = toestemmingId, Door = "vader", Datum = Vandaag.ToDateTime(TimeOnly.MinValue),
            });
            Assert.Equal(FoutSoort.Conflict, nogEens.Fout?.Soort);
        }

        await using var check = fixture.App.ContextFor(s.School.Id);
        var gemarkeerd = await check.Inzetten.Where(i => i.ToestemmingIngetrokkenOp != null).Select(i => i.Id).ToListAsync();
        Assert.Equal([actief], gemarkeerd);
        Assert.All(new[] { wachtlijst, afgerond, ander, zonder, andereLeerling }, id => Assert.DoesNotContain(id, gemarkeerd));
        var toestemming = await check.Toestemmingen.SingleAsync(t => t.Id == toestemmingId);
        Assert.Equal((Vandaag, "moeder, telefonisch", (Guid?)zco.Id), (toestemming.IngetrokkenOp!.Value, toestemming.IngetrokkenDoor, toestemming.IntrekkingVastgelegdDoor));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.GebruikerId == zco.Id && a.Actie == AuditActie.Wijzigen && a.LeerlingId == leerling
            && a.Detail.Contains("1 lopende inzet")));

        var register = (await RegisterAlsAsync(zco, Rollen.Zorgcoordinator, leerling)).Waarde!;
        var ib = register.Doelen.Single(d => d.Doel == ToestemmingDoel.IbBegeleiding);
        Assert.False(ib.IsGedekt);
        var regel = Assert.Single(ib.Regels);
        Assert.False(regel.IsGeldig);
        Assert.Equal((Vandaag, "moeder, telefonisch"), (regel.IngetrokkenOp!.Value, regel.IngetrokkenDoor));
    }

    [Fact]
    public async Task A_docent_cannot_withdraw_and_a_mentor_of_another_school_does_not_find_the_consent()
    {
        var s = fixture.B;
        Guid id;
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            id = await db.Toestemmingen.Where(t => t.LeerlingId == s.Leerlingen[0].Id).Select(t => t.Id).FirstAsync();
        }
        var invoer = new IntrekkenInvoer { ToestemmingId = id, Door = "moeder", Datum = Vandaag.ToDateTime(TimeOnly.MinValue) };
        await using (var scope = fixture.App.ScopeAs(s.Docent, Rollen.Docent))
        {
            Assert.Equal(FoutSoort.GeenToegang, (await scope.ServiceProvider.GetRequiredService<ToestemmingIntrekkenHandler>().HandleAsync(invoer)).Fout?.Soort);
        }
        await using (var scope = fixture.App.ScopeAs(fixture.A.Mentor, Rollen.Mentor))
        {
            Assert.Equal(FoutSoort.NietGevonden, (await scope.ServiceProvider.GetRequiredService<ToestemmingIntrekkenHandler>().HandleAsync(invoer)).Fout?.Soort);
        }
        await using var check = fixture.App.ContextFor(s.School.Id);
        Assert.Null(await check.Toestemmingen.Where(t => t.Id == id).Select(t => t.IngetrokkenOp).SingleAsync());
    }

    [Fact]
    public async Task A_parent_and_a_user_without_a_role_are_refused_by_every_consent_handler()
    {
        var s = fixture.A;
        var zonderRol = await Data.UserAsync(s.School.Id);
        Guid id;
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            id = await db.Toestemmingen.Where(t => t.LeerlingId == s.Leerlingen[0].Id).Select(t => t.Id).FirstAsync();
        }
        foreach (var (user, rollen) in new[] { (s.OuderGebruiker, new[] { Rollen.Ouder }), (zonderRol, Array.Empty<string>()) })
        {
            await using var scope = fixture.App.ScopeAs(user, rollen);
            var sp = scope.ServiceProvider;
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<ToestemmingenBekijkenHandler>().HandleAsync(s.Leerlingen[0].Id)).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<ToestemmingVastleggenHandler>()
                .HandleAsync(Invoer(s.Leerlingen[0].Id, s.Ouder.Id, ToestemmingDoel.ObservatieOrthopedagoog, op: Vandaag.AddDays(-1)))).Fout?.Soort);
            Assert.Equal(FoutSoort.GeenToegang, (await sp.GetRequiredService<ToestemmingIntrekkenHandler>()
                .HandleAsync(new IntrekkenInvoer { ToestemmingId = id, Door = "ouder", Datum = Vandaag.ToDateTime(TimeOnly.MinValue) })).Fout?.Soort);
        }
        await using var check = fixture.App.ContextFor(s.School.Id);
        Assert.Null(await check.Toestemmingen.Where(t => t.Id == id).Select(t => t.IngetrokkenOp).SingleAsync());
    }

    private static Ondersteuningsaanbod Aanbod(string naam, ToestemmingDoel? nodig) => new()
    {
        Naam = naam, Categorie = Ondersteuningscategorie.Leren, Niveau = PmNiveau.PmII, Aanbiedersoort = Aanbiedersoort.Intern,
        Aanbieder = "Zorgteam", ToestemmingNodig = nodig,
    };
}
