using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Leerlingzorg.Web.Tests.Features.Tijdlijn;

/// <summary>
/// Model-wide guarantee (Deliver 4 of issue 8, the isolation suite's pattern): no entity that holds dossier data can be
/// read past the registry. An entity holds dossier data when it is about a student (a LeerlingId, or a collection of rows
/// with one) or lives in the Dossier namespace; it then has a source in <see cref="Dossierbronnen"/>, is part of one, or is
/// listed below as no dossier data, with the reason.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class DossierbronnenModelTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private static readonly Dictionary<Type, string> GeenDossiergegeven = new()
    {
        [typeof(Leerling)] = "the student himself: his card, read through Toegang.ZichtbareLeerlingen",
        [typeof(AuditEntry)] = "the log of who read what: kept by its own rule, read by the beheerder only",
        [typeof(KlasPlaatsing)] = "the administrative placement history (in-/uitschrijving), on the card for everyone who sees the student",
        [typeof(LeerlingOuder)] = "the family link: contact data on the card, not the care dossier",
        [typeof(GesprekSoort)] = "the school's list of kinds of gesprek: configuration, no student",
        [typeof(Domain.Besprekingen.Bespreking)] = "the meeting's planning (kind, day, place, chair, participants); each student's part is an Agendapunt",
        [typeof(Domain.Besprekingen.Inventarisatie)] = "the docent's task (class, deadline, handed in); his judgements are InventarisatieRegel rows",
        [typeof(GesprekConcept)] = "the author's own unsaved draft, read only by him and removed on saving",
    };

    private static bool OverEenLeerling(IEntityType t) =>
        t.FindProperty("LeerlingId") is not null
        || t.GetNavigations().Any(n => n.IsCollection && n.TargetEntityType.FindProperty("LeerlingId") is not null);

    [Fact]
    public async Task Every_entity_holding_dossier_data_has_a_registered_source()
    {
        await using var db = fixture.App.ContextFor(null);
        var bronnen = Dossierbronnen.Alle.Select(b => b.Entiteit).ToHashSet();
        var onderdelen = Dossierbronnen.Alle.SelectMany(b => b.Onderdelen).ToHashSet();
        var dossier = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && (OverEenLeerling(t) || t.ClrType.Namespace == typeof(Gesprek).Namespace))
            .Select(t => t.ClrType)
            .Distinct()
            .ToList();
        Assert.Contains(typeof(Gesprek), dossier);
        Assert.Contains(typeof(Afspraak), dossier);
        Assert.All(dossier, t => Assert.True(bronnen.Contains(t) || onderdelen.Contains(t) || GeenDossiergegeven.ContainsKey(t),
            $"{t.Name} houdt dossiergegevens maar heeft geen bron in Dossierbronnen (of staat niet als onderdeel of uitzondering)"));
    }

    [Fact]
    public void Each_source_is_registered_once_with_an_audit_noun_and_a_retention_rule()
    {
        Assert.Equal(Dossierbronnen.Alle.Count, Dossierbronnen.Alle.Select(b => b.Entiteit).Distinct().Count());
        Assert.All(Dossierbronnen.Alle, b =>
        {
            Assert.False(string.IsNullOrWhiteSpace(b.AuditOmschrijving));
            Assert.InRange(b.Bewaartermijn.JarenNaUitschrijving, 1, 20);
            Assert.False(string.IsNullOrWhiteSpace(b.Bewaartermijn.Grondslag));
            Assert.DoesNotContain(b.Entiteit, b.Onderdelen);
        });
        // DOMAIN.md, Privacy: the leerlingdossier is kept 2 years after leaving.
        Assert.Equal(2, Dossierbronnen.Gesprekken.Bewaartermijn.JarenNaUitschrijving);
        Assert.Equal(2, Dossierbronnen.Afspraken.Bewaartermijn.JarenNaUitschrijving);
    }
}
