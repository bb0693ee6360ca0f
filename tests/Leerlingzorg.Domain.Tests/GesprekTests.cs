using Leerlingzorg.Domain.Dossier;

namespace Leerlingzorg.Domain.Tests;

public sealed class GesprekTests
{
    private static readonly Guid Auteur = Guid.NewGuid();
    private static readonly Guid Ander = Guid.NewGuid();
    private static readonly DateTimeOffset Op = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static Gesprek Nieuw() => new()
    {
        SchoolId = Guid.NewGuid(), SoortId = Guid.NewGuid(), Datum = new DateOnly(2026, 11, 30), AuteurId = Auteur,
        Samenvatting = "Kennismaking", Vertrouwelijkheid = Vertrouwelijkheid.Normaal, AangemaaktOp = Op,
    };

    private static GesprekWijziging Wijziging(Gesprek g) =>
        new(Guid.NewGuid(), new DateOnly(2026, 12, 1), "Tweede gesprek", Vertrouwelijkheid.Zorg, "Moeder", true, new Voortgang { WatGaatGoed = "Lezen" });

    [Fact]
    public void Wijzig_returns_the_revision_of_the_content_before_the_edit_and_bumps_the_version()
    {
        var gesprek = Nieuw();
        var wijziging = Wijziging(gesprek);
        string? gezien = null;
        var revisie = gesprek.Wijzig(1, wijziging, Auteur, Op.AddHours(1), g => gezien = $"{g.Samenvatting}|{g.Versie}");

        Assert.Equal("Kennismaking|1", gezien);
        Assert.Equal((gesprek.SchoolId, gesprek.Id, 1, Auteur, Op.AddHours(1), "Kennismaking|1"),
            (revisie.SchoolId, revisie.GesprekId, revisie.Versie, revisie.GewijzigdDoor, revisie.GewijzigdOp, revisie.Inhoud));
        Assert.Equal(2, gesprek.Versie);
        Assert.Equal((wijziging.SoortId, wijziging.Datum, "Tweede gesprek", Vertrouwelijkheid.Zorg, "Moeder", true, wijziging.Voortgang, (DateTimeOffset?)Op.AddHours(1)),
            (gesprek.SoortId, gesprek.Datum, gesprek.Samenvatting, gesprek.Vertrouwelijkheid, gesprek.AndereDeelnemers, gesprek.MetOuders, gesprek.Voortgang, gesprek.GewijzigdOp));
    }

    [Fact]
    public void Wijzig_refuses_another_user_a_stale_version_a_deleted_gesprek_and_an_empty_summary_and_changes_nothing()
    {
        var gesprek = Nieuw();
        Assert.Throws<InvalidOperationException>(() => gesprek.Wijzig(1, Wijziging(gesprek), Ander, Op, _ => "{}"));
        Assert.Throws<InvalidOperationException>(() => gesprek.Wijzig(2, Wijziging(gesprek), Auteur, Op, _ => "{}"));
        Assert.Throws<ArgumentException>(() => gesprek.Wijzig(1, Wijziging(gesprek) with { Samenvatting = " " }, Auteur, Op, _ => "{}"));
        Assert.Equal((1, "Kennismaking"), (gesprek.Versie, gesprek.Samenvatting));

        gesprek.Verwijder(Auteur, "Verkeerde leerling", Op);
        Assert.Throws<InvalidOperationException>(() => gesprek.Wijzig(1, Wijziging(gesprek), Auteur, Op, _ => "{}"));
    }

    [Fact]
    public void Only_the_author_may_edit_and_the_author_or_the_zorgcoordinator_may_delete_until_it_is_deleted()
    {
        var gesprek = Nieuw();
        Assert.True(gesprek.MagWijzigen(Auteur));
        Assert.False(gesprek.MagWijzigen(Ander));
        Assert.True(gesprek.MagVerwijderen(Auteur, isZorgcoordinator: false));
        Assert.True(gesprek.MagVerwijderen(Ander, isZorgcoordinator: true));
        Assert.False(gesprek.MagVerwijderen(Ander, isZorgcoordinator: false));

        gesprek.Verwijder(Auteur, "Dubbel", Op);
        Assert.False(gesprek.MagWijzigen(Auteur));
        Assert.False(gesprek.MagVerwijderen(Auteur, isZorgcoordinator: true));
    }

    [Fact]
    public void The_database_predicate_for_editing_says_what_MagWijzigen_says()
    {
        var wijzigbaar = Gesprek.WijzigbaarDoor(Auteur).Compile();
        var open = Nieuw();
        var verwijderd = Nieuw();
        verwijderd.Verwijder(Auteur, "Dubbel", Op);
        foreach (var gesprek in new[] { open, verwijderd })
        {
            foreach (var gebruiker in new[] { Auteur, Ander })
            {
                Assert.Equal(gesprek.MagWijzigen(gebruiker), Gesprek.WijzigbaarDoor(gebruiker).Compile()(gesprek));
            }
        }
        Assert.True(wijzigbaar(open));
    }
}
