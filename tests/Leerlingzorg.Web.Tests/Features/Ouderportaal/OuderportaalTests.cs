using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Features.MijnKinderen;
using Leerlingzorg.Web.Features.Ouderportaal;
using Leerlingzorg.Web.Features.Toestemmingen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Features.Ouderportaal;

/// <summary>
/// The parent portal (issue 11): the family matrix on the plan and consent handlers, decisions bound to the revision,
/// the school's one/all setting, the overleg after a no, withdrawing, and "wie keek in het dossier".
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class OuderportaalTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly DateOnly Vandaag = Schooldag.Vandaag;

    private TestData Data => new(fixture.App);

    private sealed record Gezin(SchoolScenario S, Leerling Kind, Gebruiker Moeder, Ouder MoederRij, Gebruiker Vader, Ouder VaderRij,
        Gebruiker Stiefvader, Plan Plan, PlanVersie Versie);

    private static PlanInhoud Volledig => new()
    {
        BeginsituatieLeerling = "Sanne leest op het niveau van groep 6.",
        Onderwijsbehoeften = "Korte instructie, een vaste plek, rust.",
        Uitstroombestemming = "vmbo-kader",
        UitstroomOnderbouwing = "Toetsen en advies basisschool.",
        Doelen = [new Onderwijsdoel("Zelfstandig een tekst lezen", "Dagelijks 15 minuten lezen")],
        Handelingsdeel = [new Ondersteuningsregel("Leesbegeleiding", "Intern begeleider", "2 keer per week", null)],
        Evaluatiedatum = Vandaag.AddMonths(3),
    };

    /// <summary>A fresh school and child with a moeder and vader with gezag and a stiefvader without, and an OPP version ter instemming.</summary>
    private async Task<Gezin> GezinAsync(Instemmingsbeleid beleid = Instemmingsbeleid.AlleOuders, Leerling? kindVoorbeeld = null)
    {
        var s = await Data.SchoolAsync("Portaal " + Guid.NewGuid().ToString("N")[..6]);
        var moeder = await Data.UserAsync(s.School.Id, Rollen.Ouder);
        var vader = await Data.UserAsync(s.School.Id, Rollen.Ouder);
        var stief = await Data.UserAsync(s.School.Id, Rollen.Ouder);
        var moederRij = new Ouder { Voornaam = "Mirjam", Achternaam = "Bakker", GebruikerId = moeder.Id, Email = "mirjam@test.example", Telefoon = "0612345678" };
        var vaderRij = new Ouder { Voornaam = "Vincent", Achternaam = "Bakker", GebruikerId = vader.Id, Email = "vincent@test.example", Voorkeurstaal = "Engels" };
        var stiefRij = new Ouder { Voornaam = "Stef", Achternaam = "Jansen", GebruikerId = stief.Id };
        var kind = kindVoorbeeld ?? new Leerling { Leerlingnummer = "70001", Voornaam = "Sanne", Achternaam = "Bakker", Geboortedatum = new DateOnly(2013, 5, 1) };
        kind.KlasId = s.Klas.Id;
        kind.Ouders =
        [
            new LeerlingOuder { LeerlingId = kind.Id, OuderId = moederRij.Id, Relatie = OuderRelatie.Moeder, Gezag = true },
            new LeerlingOuder { LeerlingId = kind.Id, OuderId = vaderRij.Id, Relatie = OuderRelatie.Vader, Gezag = true },
            new LeerlingOuder { LeerlingId = kind.Id, OuderId = stiefRij.Id, Relatie = OuderRelatie.Verzorger, Gezag = false },
        ];
        var nu = DateTimeOffset.UtcNow;
        var (plan, fout) = Plan.Start(kind, PlanSoort.Opp, Vandaag.AddDays(-7), Volledig, lopend: false, Vandaag, nu, s.Mentor.Id);
        Assert.Null(fout);
        var versie = plan!.Versies[0];
        var (verzoeken, fouten) = versie.LegVoor(plan, Instemmingsregel.WieBeslist(kind, Vandaag), nu, s.Mentor.Id);
        Assert.Empty(fouten);
        await using (var db = fixture.App.ContextFor(s.School.Id))
        {
            db.Ouders.AddRange(moederRij, vaderRij, stiefRij);
            db.Leerlingen.Add(kind);
            db.KlasPlaatsingen.Add(new KlasPlaatsing { LeerlingId = kind.Id, KlasId = s.Klas.Id, Schooljaar = TestData.HuidigSchooljaar });
            db.Plannen.Add(plan);
            db.Instemmingen.AddRange(verzoeken);
            var school = await db.Scholen.AsTracking().FirstAsync(x => x.Id == s.School.Id);
            school.OppInstemming = beleid;
            await db.SaveChangesAsync();
        }
        return new Gezin(s, kind, moeder, moederRij, vader, vaderRij, stief, plan, versie);
    }

    private async Task<T> AlsAsync<T, THandler>(Gebruiker user, string rol, Func<THandler, Task<T>> actie) where THandler : notnull
    {
        await using var scope = fixture.App.ScopeAs(user, rol);
        return await actie(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private Task<Result<PortaalPlannen>> LeesAsync(Gebruiker user, Guid leerlingId, string rol = Rollen.Ouder) =>
        AlsAsync<Result<PortaalPlannen>, PortaalPlanHandler>(user, rol, h => h.HandleAsync(leerlingId));

    private Task<Result<PlanBesluit>> BeslisAsync(Gebruiker user, Gezin g, bool instemmen, string? reden = null, int? revisie = null, string rol = Rollen.Ouder) =>
        AlsAsync<Result<PlanBesluit>, PlanBeslissenHandler>(user, rol,
            h => h.HandleAsync(new BeslisInvoer(g.Kind.Id, g.Versie.Id, revisie ?? g.Versie.Revisie, instemmen, reden)));

    private async Task<PlanVersie> VersieAsync(Gezin g)
    {
        await using var db = fixture.App.ContextFor(g.S.School.Id);
        return await db.PlanVersies.FirstAsync(v => v.Id == g.Versie.Id);
    }

    [Fact]
    public async Task A_parent_with_gezag_reads_the_version_ter_instemming_and_the_other_decisions_by_function_only()
    {
        var g = await GezinAsync();
        var result = await LeesAsync(g.Moeder, g.Kind.Id);
        Assert.True(result.IsGelukt);
        Assert.True(result.Waarde.MagBeslissen);
        var plan = Assert.Single(result.Waarde.Plannen);
        var versie = Assert.Single(plan.Versies);
        Assert.True(versie.WachtOpMij);
        Assert.Equal(2, versie.Besluiten.Count);
        Assert.Single(versie.Besluiten, b => b.IsIk);
        var vader = Assert.Single(versie.Besluiten, b => !b.IsIk);
        Assert.Equal(OuderRelatie.Vader, vader.Relatie);

        await using var db = fixture.App.ContextFor(g.S.School.Id);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == g.Moeder.Id && a.LeerlingId == g.Kind.Id && a.Detail == "ouderportaal: plan gelezen"));
    }

    [Fact]
    public async Task With_all_parents_the_version_takes_effect_when_both_agree_and_every_decision_is_audited()
    {
        var g = await GezinAsync(Instemmingsbeleid.AlleOuders);
        var eerste = await BeslisAsync(g.Moeder, g, instemmen: true);
        Assert.True(eerste.IsGelukt);
        Assert.Null(eerste.Waarde.Weigering);
        Assert.Equal(Instemmingsuitkomst.Open, eerste.Waarde.Uitkomst);
        Assert.Equal(PlanStatus.TerInstemming, (await VersieAsync(g)).Status);

        var tweede = await BeslisAsync(g.Vader, g, instemmen: true, "Goed plan");
        Assert.Equal(Instemmingsuitkomst.Ingestemd, tweede.Waarde!.Uitkomst);
        var versie = await VersieAsync(g);
        Assert.Equal(PlanStatus.Ingestemd, versie.Status);
        Assert.Equal(Vandaag, versie.Ingang);

        await using var db = fixture.App.ContextFor(g.S.School.Id);
        var instemmingen = await db.Instemmingen.Where(i => i.VersieId == g.Versie.Id).ToListAsync();
        Assert.All(instemmingen, i => Assert.Equal(InstemmingWijze.Portaal, i.Wijze));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.LeerlingId == g.Kind.Id && a.Actie == AuditActie.Wijzigen && a.Detail.StartsWith("ouderportaal: ingestemd")));
        Assert.False(await db.Planoverleggen.AnyAsync(o => o.LeerlingId == g.Kind.Id));

        // The history after: "you" and the father, and the version in force since today.
        var gelezen = await LeesAsync(g.Moeder, g.Kind.Id);
        var v = Assert.Single(Assert.Single(gelezen.Waarde!.Plannen).Versies);
        Assert.True(v.IsInWerking);
        Assert.All(v.Besluiten, b => Assert.Equal(InstemmingStatus.Ingestemd, b.Status));
        Assert.Null(v.Besluiten.Single(b => !b.IsIk).Reden);
    }

    [Fact]
    public async Task With_one_parent_enough_the_first_agreement_takes_effect()
    {
        var g = await GezinAsync(Instemmingsbeleid.EenOuder);
        var besluit = await BeslisAsync(g.Vader, g, instemmen: true);
        Assert.Equal(Instemmingsuitkomst.Ingestemd, besluit.Waarde!.Uitkomst);
        Assert.Equal(PlanStatus.Ingestemd, (await VersieAsync(g)).Status);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_then_opens_an_overleg()
    {
        var g = await GezinAsync();
        var zonder = await BeslisAsync(g.Moeder, g, instemmen: false, "   ");
        Assert.Equal(Planfoutcode.RedenOntbreekt, zonder.Waarde!.Weigering?.Code);
        Assert.Equal(PlanStatus.TerInstemming, (await VersieAsync(g)).Status);

        var nee = await BeslisAsync(g.Moeder, g, instemmen: false, "Twee keer per week is te weinig.");
        Assert.Null(nee.Waarde!.Weigering);
        Assert.True(nee.Waarde.OverlegGeopend);
        Assert.Equal(Instemmingsuitkomst.NietIngestemd, nee.Waarde.Uitkomst);
        Assert.Equal(PlanStatus.NietIngestemd, (await VersieAsync(g)).Status);
        await using var db = fixture.App.ContextFor(g.S.School.Id);
        var overleg = await db.Planoverleggen.SingleAsync(o => o.LeerlingId == g.Kind.Id);
        Assert.Equal("Twee keer per week is te weinig.", overleg.Aanleiding);
        Assert.Equal(g.Versie.Id, overleg.VersieId);
    }

    [Fact]
    public async Task A_decision_on_a_stale_revision_is_refused_and_nothing_is_recorded()
    {
        var g = await GezinAsync();
        var besluit = await BeslisAsync(g.Moeder, g, instemmen: true, revisie: g.Versie.Revisie - 1);
        Assert.Equal(Planfoutcode.Gewijzigd, besluit.Waarde!.Weigering?.Code);
        await using var db = fixture.App.ContextFor(g.S.School.Id);
        Assert.All(await db.Instemmingen.Where(i => i.VersieId == g.Versie.Id).ToListAsync(), i => Assert.Equal(InstemmingStatus.Open, i.Status));
    }

    [Fact]
    public async Task A_parent_without_gezag_reads_only_the_plan_in_force_and_is_refused_a_decision()
    {
        var g = await GezinAsync();
        var voor = await LeesAsync(g.Stiefvader, g.Kind.Id);
        Assert.True(voor.IsGelukt);
        Assert.False(voor.Waarde.MagBeslissen);
        Assert.Empty(voor.Waarde.Plannen);  // nothing in force yet; the version ter instemming is not his to read

        var besluit = await BeslisAsync(g.Stiefvader, g, instemmen: true);
        Assert.Equal(Planfoutcode.NietGevraagd, besluit.Waarde!.Weigering?.Code);

        await BeslisAsync(g.Moeder, g, instemmen: true);
        await BeslisAsync(g.Vader, g, instemmen: true);
        var na = await LeesAsync(g.Stiefvader, g.Kind.Id);
        var versie = Assert.Single(Assert.Single(na.Waarde!.Plannen).Versies);
        Assert.True(versie.IsInWerking);
        Assert.Empty(versie.Besluiten);
        Assert.False(versie.WachtOpMij);
    }

    [Fact]
    public async Task A_parent_of_another_child_gets_not_found_and_staff_are_refused_on_parent_handlers()
    {
        var g = await GezinAsync();
        var ander = await LeesAsync(g.S.OuderGebruiker, g.Kind.Id);
        Assert.Equal(FoutSoort.NietGevonden, ander.Fout?.Soort);
        var anderBesluit = await BeslisAsync(g.S.OuderGebruiker, g, instemmen: true);
        Assert.Equal(FoutSoort.NietGevonden, anderBesluit.Fout?.Soort);

        Assert.Equal(FoutSoort.GeenToegang, (await LeesAsync(g.S.Mentor, g.Kind.Id, Rollen.Mentor)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await BeslisAsync(g.S.Mentor, g, true, rol: Rollen.Mentor)).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<Result<PortaalToestemmingen>, PortaalToestemmingHandler>(g.S.Mentor, Rollen.Mentor, h => h.HandleAsync(g.Kind.Id))).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<Result<WieKeek>, WieKeekHandler>(g.S.Mentor, Rollen.Mentor, h => h.HandleAsync(g.Kind.Id))).Fout?.Soort);
        // A parent of another school's child: not found either.
        Assert.Equal(FoutSoort.NietGevonden, (await LeesAsync(fixture.B.OuderGebruiker, g.Kind.Id)).Fout?.Soort);
    }

    [Fact]
    public async Task Parents_are_refused_on_the_staff_request_handler_and_staff_ask_every_ouder_with_gezag()
    {
        var g = await GezinAsync();
        var invoer = new VragenInvoer { LeerlingId = g.Kind.Id, Doel = ToestemmingDoel.AmbulanteBegeleiding, Toelichting = "Begeleiding door het steunpunt." };
        var basis = new Uri("https://leerlingzorg.test/");
        var alsOuder = await AlsAsync<Result<int>, ToestemmingVragenHandler>(g.Moeder, Rollen.Ouder, h => h.HandleAsync(invoer, basis));
        Assert.Equal(FoutSoort.GeenToegang, alsOuder.Fout?.Soort);

        var gevraagd = await AlsAsync<Result<int>, ToestemmingVragenHandler>(g.S.Mentor, Rollen.Mentor, h => h.HandleAsync(invoer, basis));
        Assert.Equal(2, gevraagd.Waarde);
        await using var db = fixture.App.ContextFor(g.S.School.Id);
        var verzoeken = await db.Toestemmingsverzoeken.Where(v => v.LeerlingId == g.Kind.Id).ToListAsync();
        Assert.Equal(new[] { g.MoederRij.Id, g.VaderRij.Id }.Order(), verzoeken.Select(v => v.OuderId).Order());
        Assert.Contains(await fixture.App.BezorgdeMailAsync(), m => m.Link?.Contains($"mijn-kinderen/{g.Kind.Id}/toestemming", StringComparison.Ordinal) == true);

        var lijst = await AlsAsync<Result<IReadOnlyList<VerzoekRegel>>, ToestemmingsverzoekenHandler>(g.S.Mentor, Rollen.Mentor, h => h.HandleAsync(g.Kind.Id));
        Assert.Equal(2, lijst.Waarde!.Count);
        Assert.All(lijst.Waarde, r => Assert.Equal(VerzoekStatus.Open, r.Status));
    }

    [Fact]
    public async Task A_parent_gives_refuses_and_withdraws_consent_and_the_withdrawal_flags_active_interventions()
    {
        var g = await GezinAsync();
        var invoer = new VragenInvoer { LeerlingId = g.Kind.Id, Doel = ToestemmingDoel.AmbulanteBegeleiding, Toelichting = "Begeleiding door het steunpunt." };
        await AlsAsync<Result<int>, ToestemmingVragenHandler>(g.S.Mentor, Rollen.Mentor, h => h.HandleAsync(invoer, new Uri("https://leerlingzorg.test/")));

        var moederZiet = await AlsAsync<Result<PortaalToestemmingen>, PortaalToestemmingHandler>(g.Moeder, Rollen.Ouder, h => h.HandleAsync(g.Kind.Id));
        var verzoek = Assert.Single(moederZiet.Waarde!.Open);
        // The stiefvader is not asked and cannot answer the mother's request.
        var stief = await AlsAsync<Result<VerzoekStatus>, ToestemmingBeantwoordenHandler>(g.Stiefvader, Rollen.Ouder, h => h.HandleAsync(new Antwoord(verzoek.Id, true, null)));
        Assert.Equal(FoutSoort.NietGevonden, stief.Fout?.Soort);

        var gegeven = await AlsAsync<Result<VerzoekStatus>, ToestemmingBeantwoordenHandler>(g.Moeder, Rollen.Ouder, h => h.HandleAsync(new Antwoord(verzoek.Id, true, null)));
        Assert.Equal(VerzoekStatus.Gegeven, gegeven.Waarde);
        var nogmaals = await AlsAsync<Result<VerzoekStatus>, ToestemmingBeantwoordenHandler>(g.Moeder, Rollen.Ouder, h => h.HandleAsync(new Antwoord(verzoek.Id, false, null)));
        Assert.Equal(FoutSoort.Conflict, nogmaals.Fout?.Soort);

        var vaderZiet = await AlsAsync<Result<PortaalToestemmingen>, PortaalToestemmingHandler>(g.Vader, Rollen.Ouder, h => h.HandleAsync(g.Kind.Id));
        var vaderVerzoek = Assert.Single(vaderZiet.Waarde!.Open);
        Assert.Empty(vaderZiet.Waarde.Gegeven);  // the mother's consent is hers
        var geweigerd = await AlsAsync<Result<VerzoekStatus>, ToestemmingBeantwoordenHandler>(g.Vader, Rollen.Ouder, h => h.HandleAsync(new Antwoord(vaderVerzoek.Id, false, "Liever eerst een gesprek.")));
        Assert.Equal(VerzoekStatus.Geweigerd, geweigerd.Waarde);

        Guid toestemmingId;
        await using (var db = fixture.App.ContextFor(g.S.School.Id))
        {
            var toestemming = await db.Toestemmingen.SingleAsync(t => t.LeerlingId == g.Kind.Id);
            Assert.Equal(ToestemmingWijze.Portaal, toestemming.Wijze);
            Assert.Equal(g.MoederRij.Id, toestemming.OuderId);
            toestemmingId = toestemming.Id;
            var weigering = await db.Toestemmingsverzoeken.SingleAsync(v => v.Id == vaderVerzoek.Id);
            Assert.Equal("Liever eerst een gesprek.", weigering.Reden);
            // An active intervention whose offer needs this consent.
            var aanbod = new Ondersteuningsaanbod
            {
                Naam = "Steunpunt", Categorie = Ondersteuningscategorie.Leren, Niveau = PmNiveau.PmII, Aanbiedersoort = Aanbiedersoort.Intern,
                Aanbieder = "Zorgteam", ToestemmingNodig = ToestemmingDoel.AmbulanteBegeleiding,
            };
            db.Ondersteuningsaanbod.Add(aanbod);
            db.Inzetten.Add(new Inzet
            {
                LeerlingId = g.Kind.Id, AanbodId = aanbod.Id, Doel = "Begeleiding", Status = InzetStatus.Actief, EigenaarId = g.S.Mentor.Id,
                Start = Vandaag, AangemaaktDoor = g.S.Mentor.Id, AangemaaktOp = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        // The father cannot withdraw the mother's consent; the staff cannot use the parent's withdrawal.
        Assert.Equal(FoutSoort.NietGevonden, (await AlsAsync<Result<Intrekking>, PortaalIntrekkenHandler>(g.Vader, Rollen.Ouder, h => h.HandleAsync(toestemmingId))).Fout?.Soort);
        Assert.Equal(FoutSoort.GeenToegang, (await AlsAsync<Result<Intrekking>, PortaalIntrekkenHandler>(g.S.Mentor, Rollen.Mentor, h => h.HandleAsync(toestemmingId))).Fout?.Soort);

        var intrekking = await AlsAsync<Result<Intrekking>, PortaalIntrekkenHandler>(g.Moeder, Rollen.Ouder, h => h.HandleAsync(toestemmingId));
        Assert.Equal(1, intrekking.Waarde!.GemarkeerdeInzetten);
        await using (var db = fixture.App.ContextFor(g.S.School.Id))
        {
            var toestemming = await db.Toestemmingen.SingleAsync(t => t.Id == toestemmingId);
            Assert.Equal(PortaalIntrekkenHandler.Door, toestemming.IngetrokkenDoor);
            Assert.NotNull((await db.Inzetten.SingleAsync(i => i.LeerlingId == g.Kind.Id)).ToestemmingIngetrokkenOp);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == g.Moeder.Id && a.Detail.StartsWith("ouderportaal: toestemming ingetrokken")));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.GebruikerId == g.Moeder.Id && a.Detail.StartsWith("ouderportaal: toestemming gegeven")));
        }
    }

    [Fact]
    public async Task Who_looked_shows_the_childs_lines_by_function_without_his_own_reads_or_other_students()
    {
        var g = await GezinAsync();
        await using (var db = fixture.App.ContextFor(g.S.School.Id))
        {
            db.AuditEntries.AddRange(
                new AuditEntry { SchoolId = g.S.School.Id, GebruikerId = g.S.Mentor.Id, Rol = Rollen.Mentor, Tijdstip = DateTimeOffset.UtcNow.AddMinutes(-5), LeerlingId = g.Kind.Id, Actie = AuditActie.Lezen, Detail = "dossier" },
                new AuditEntry { SchoolId = g.S.School.Id, GebruikerId = g.S.Mentor.Id, Rol = Rollen.Mentor, Tijdstip = DateTimeOffset.UtcNow.AddMinutes(-4), LeerlingId = g.S.Leerlingen[1].Id, Actie = AuditActie.Lezen, Detail = "ander kind" });
            await db.SaveChangesAsync();
        }
        await LeesAsync(g.Moeder, g.Kind.Id);  // his own read
        await LeesAsync(g.Vader, g.Kind.Id);   // the other parent's read is shown (by function)

        var result = await AlsAsync<Result<WieKeek>, WieKeekHandler>(g.Moeder, Rollen.Ouder, h => h.HandleAsync(g.Kind.Id));
        Assert.True(result.IsGelukt);
        Assert.DoesNotContain(result.Waarde.Regels, r => r.Detail == "ander kind");
        Assert.Contains(result.Waarde.Regels, r => r.Detail == "dossier" && r.Rol == Rollen.Mentor);
        Assert.Contains(result.Waarde.Regels, r => r.Detail == "ouderportaal: plan gelezen" && r.Rol == Rollen.Ouder);
        Assert.Equal(result.Waarde.Regels.OrderByDescending(r => r.Tijdstip).ToList(), result.Waarde.Regels);
        await using (var db = fixture.App.ContextFor(g.S.School.Id))
        {
            var eigen = await db.AuditEntries.CountAsync(a => a.GebruikerId == g.Moeder.Id && a.LeerlingId == g.Kind.Id);
            Assert.True(eigen >= 1);
            Assert.Equal(await db.AuditEntries.CountAsync(a => a.LeerlingId == g.Kind.Id && a.GebruikerId != g.Moeder.Id && a.Tijdstip <= DateTimeOffset.UtcNow), result.Waarde.Totaal);
        }
        // Without gezag: no inzage.
        var stief = await AlsAsync<Result<WieKeek>, WieKeekHandler>(g.Stiefvader, Rollen.Ouder, h => h.HandleAsync(g.Kind.Id));
        Assert.Equal(FoutSoort.GeenToegang, stief.Fout?.Soort);
    }

    [Fact]
    public async Task Mijn_kinderen_shows_what_waits_for_this_parent()
    {
        var g = await GezinAsync();
        var kinderen = await AlsAsync<IReadOnlyList<Kind>, MijnKinderenHandler>(g.Moeder, Rollen.Ouder, h => h.HandleAsync());
        var kind = Assert.Single(kinderen);
        Assert.Equal(1, kind.PlannenTerInstemming);
        await BeslisAsync(g.Moeder, g, instemmen: true);
        kind = Assert.Single(await AlsAsync<IReadOnlyList<Kind>, MijnKinderenHandler>(g.Moeder, Rollen.Ouder, h => h.HandleAsync()));
        Assert.Equal(0, kind.PlannenTerInstemming);
        var stief = Assert.Single(await AlsAsync<IReadOnlyList<Kind>, MijnKinderenHandler>(g.Stiefvader, Rollen.Ouder, h => h.HandleAsync()));
        Assert.Equal(0, stief.PlannenTerInstemming);
    }

    [Fact]
    public async Task The_portal_texts_exist_in_both_languages_and_every_plan_error_code_is_translated()
    {
        var g = await GezinAsync();
        await using var scope = fixture.App.ScopeAs(g.Vader, Rollen.Ouder);
        var taal = scope.ServiceProvider.GetRequiredService<Portaaltaal>();
        await taal.LaadAsync();
        Assert.True(taal.Engels);  // his voorkeurstaal
        Assert.Equal("Approve", taal["Instemmen"]);
        foreach (var code in Enum.GetValues<Planfoutcode>().Where(c => c != Planfoutcode.Ongeldig))
        {
            var engels = taal.Fout(new Planfout(code, "", "x"));
            Assert.False(string.Equals(engels, $"Planfout{(int)code}", StringComparison.Ordinal));
            taal.Kies(false);
            var nederlands = taal.Fout(new Planfout(code, "", "x"));
            Assert.NotEqual(engels, nederlands);
            taal.Kies(true);
        }
        Assert.Contains("Geschillencommissie", taal["Geschillenroute"], StringComparison.Ordinal);
        taal.Kies(false);
        Assert.Equal(Planoverleg.Geschillenroute, taal["Geschillenroute"]);
    }
    [Fact]
    public async Task In_English_the_shell_the_functions_and_what_was_done_follow_the_portal_language_and_staff_keep_Dutch()
    {
        var g = await GezinAsync();
        await using (var scope = fixture.App.ScopeAs(g.Vader, Rollen.Ouder))
        {
            var taal = scope.ServiceProvider.GetRequiredService<Portaaltaal>();
            await taal.LaadAsync();
            Assert.True(taal.Engels);
            Assert.True(taal.IsPortaalgebruiker);
            Assert.Equal("Sign out", taal.Shell("ShellAfmelden", "Afmelden"));
            Assert.Equal("My children", taal.Shell("ShellMijnKinderen", "Mijn kinderen"));
            Assert.Equal("Special needs coordinator, Mentor", taal.Functie("Zorgcoordinator,Mentor"));
            Assert.Equal("Parent/carer", taal.Functie(Rollen.Ouder));
            Assert.Equal("Conversation (read)", taal.Wat(AuditActie.Lezen, "gesprek gelezen (0d5c)"));
            Assert.Equal("Parent portal: plan (read)", taal.Wat(AuditActie.Lezen, "ouderportaal: plan gelezen"));
            Assert.Equal("Support plan (changed)", taal.Wat(AuditActie.Wijzigen, "plan 1234"));
            Assert.Equal("File data (read)", taal.Wat(AuditActie.Lezen, "iets onbekends"));
            // Every role has an English name, and none is left in Dutch by accident.
            Assert.All(Rollen.Alle.Where(r => r != Rollen.Mentor), r => Assert.NotEqual(Rollen.Weergave(r), taal.Functie(r)));

            taal.Kies(false);  // Dutch stays the default wording, with the details as logged
            Assert.Equal("Afmelden", taal.Shell("ShellAfmelden", "Afmelden"));
            Assert.Equal("Zorgcoördinator, Mentor", taal.Functie("Zorgcoordinator,Mentor"));
            Assert.Equal("gesprek gelezen (0d5c)", taal.Wat(AuditActie.Lezen, "gesprek gelezen (0d5c)"));
        }
        // Staff: the shell is not touched, whatever the cookie or the language says.
        await using (var scope = fixture.App.ScopeAs(g.S.Mentor, Rollen.Mentor))
        {
            var taal = scope.ServiceProvider.GetRequiredService<Portaaltaal>();
            taal.Kies(true);
            Assert.False(taal.IsPortaalgebruiker);
            Assert.Equal("Afmelden", taal.Shell("ShellAfmelden", "Afmelden"));
        }
    }
}
