using Leerlingzorg.Domain.Dossier;

namespace Leerlingzorg.Domain.Tests;

/// <summary>The confidentiality rules of the dossier, reader by reader and level by level.</summary>
public sealed class LeesrechtTests
{
    public static TheoryData<string, Vertrouwelijkheid, bool> Matrix() => new()
    {
        { "auteur", Vertrouwelijkheid.Normaal, true },
        { "auteur", Vertrouwelijkheid.Zorg, true },
        { "auteur", Vertrouwelijkheid.Vertrouwelijk, true },
        { "zorgcoördinator", Vertrouwelijkheid.Normaal, true },
        { "zorgcoördinator", Vertrouwelijkheid.Zorg, true },
        { "zorgcoördinator", Vertrouwelijkheid.Vertrouwelijk, true },
        { "intern begeleider", Vertrouwelijkheid.Normaal, true },
        { "intern begeleider", Vertrouwelijkheid.Zorg, true },
        { "intern begeleider", Vertrouwelijkheid.Vertrouwelijk, false },
        { "mentor", Vertrouwelijkheid.Normaal, true },
        { "mentor", Vertrouwelijkheid.Zorg, true },
        { "mentor", Vertrouwelijkheid.Vertrouwelijk, false },
        { "coördinator", Vertrouwelijkheid.Normaal, true },
        { "coördinator", Vertrouwelijkheid.Zorg, true },
        { "coördinator", Vertrouwelijkheid.Vertrouwelijk, false },
        { "docent", Vertrouwelijkheid.Normaal, true },
        { "docent", Vertrouwelijkheid.Zorg, false },
        { "docent", Vertrouwelijkheid.Vertrouwelijk, false },
        { "schoolleiding", Vertrouwelijkheid.Normaal, true },
        { "schoolleiding", Vertrouwelijkheid.Zorg, false },
        { "schoolleiding", Vertrouwelijkheid.Vertrouwelijk, false },
        // The absence desk reads the ordinary notes of every student (as the schoolleiding), never the care notes.
        { "verzuimcoördinator", Vertrouwelijkheid.Normaal, true },
        { "verzuimcoördinator", Vertrouwelijkheid.Zorg, false },
        { "verzuimcoördinator", Vertrouwelijkheid.Vertrouwelijk, false },
        { "zonder relatie", Vertrouwelijkheid.Normaal, false },
        { "zonder relatie", Vertrouwelijkheid.Zorg, false },
        { "zonder relatie", Vertrouwelijkheid.Vertrouwelijk, false },
    };

    private static Lezer Als(string wie) => wie switch
    {
        "auteur" => new Lezer(IsAuteur: true),
        "zorgcoördinator" => new Lezer(IsZorgcoordinator: true, IsZorgrol: true),
        "intern begeleider" => new Lezer(IsZorgrol: true),
        "mentor" => new Lezer(IsMentorVanLeerling: true),
        "coördinator" => new Lezer(IsCoordinatorVanLeerling: true),
        "docent" => new Lezer(IsDocentVanLeerling: true),
        "schoolleiding" => new Lezer(IsSchoolleiding: true),
        "verzuimcoördinator" => new Lezer(IsVerzuimcoordinator: true),
        _ => new Lezer(),
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Who_may_read_which_level(string wie, Vertrouwelijkheid niveau, bool mag) =>
        Assert.Equal(mag, Leesrecht.MagLezen(niveau, Als(wie)));

    [Fact]
    public void The_highest_readable_level_matches_the_rules()
    {
        Assert.Equal(Vertrouwelijkheid.Vertrouwelijk, Leesrecht.HoogsteNiveau(Als("zorgcoördinator")));
        Assert.Equal(Vertrouwelijkheid.Zorg, Leesrecht.HoogsteNiveau(Als("mentor")));
        Assert.Equal(Vertrouwelijkheid.Normaal, Leesrecht.HoogsteNiveau(Als("docent")));
        Assert.Equal(Vertrouwelijkheid.Normaal, Leesrecht.HoogsteNiveau(Als("verzuimcoördinator")));
        Assert.Null(Leesrecht.HoogsteNiveau(Als("zonder relatie")));
        Assert.Equal(Vertrouwelijkheid.Vertrouwelijk, Leesrecht.HoogsteNiveau(Als("docent"), alsAuteur: true));
    }

    private static readonly Func<Lezer, Lezer>[] Kwaliteiten =
    [
        l => l with { IsAuteur = true }, l => l with { IsZorgcoordinator = true }, l => l with { IsZorgrol = true },
        l => l with { IsMentorVanLeerling = true }, l => l with { IsCoordinatorVanLeerling = true },
        l => l with { IsDocentVanLeerling = true }, l => l with { IsSchoolleiding = true }, l => l with { IsVerzuimcoordinator = true },
    ];

    /// <summary>
    /// The database predicate over many students is built per quality (<see cref="Leesrecht.Verleent"/>): exact only
    /// while every level is an OR of single qualities. Checked for all 256 combinations.
    /// </summary>
    [Fact]
    public void Every_level_is_granted_by_any_one_quality_of_the_reader()
    {
        for (var mask = 0; mask < 1 << Kwaliteiten.Length; mask++)
        {
            var lezer = new Lezer();
            for (var i = 0; i < Kwaliteiten.Length; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    lezer = Kwaliteiten[i](lezer);
                }
            }
            foreach (var niveau in Leesrecht.AlleNiveaus)
            {
                var perKwaliteit = Kwaliteiten.Where((_, i) => (mask & (1 << i)) != 0).Any(k => Leesrecht.Verleent(niveau, k));
                Assert.Equal(perKwaliteit, Leesrecht.MagLezen(niveau, lezer));
            }
            Assert.Equal(Leesrecht.AlleNiveaus.Where(n => Leesrecht.MagLezen(n, lezer)), Leesrecht.Niveaus(lezer));
        }
    }

    [Fact]
    public void The_author_reads_every_level_and_a_reader_without_quality_none()
    {
        Assert.Equal(Leesrecht.AlleNiveaus, Leesrecht.Niveaus(new Lezer(IsAuteur: true)));
        Assert.Empty(Leesrecht.Niveaus(new Lezer()));
    }

    [Fact]
    public void Deleting_a_gesprek_needs_a_reason_and_keeps_it()
    {
        var gesprek = new Gesprek { Samenvatting = "x" };
        Assert.Throws<ArgumentException>(() => gesprek.Verwijder(Guid.NewGuid(), " ", DateTimeOffset.UtcNow));
        gesprek.Verwijder(Guid.NewGuid(), " dubbel ingevoerd ", DateTimeOffset.UtcNow);
        Assert.True(gesprek.IsVerwijderd);
        Assert.Equal("dubbel ingevoerd", gesprek.VerwijderReden);
    }

    [Fact]
    public void An_afspraak_is_overdue_after_its_deadline_until_it_is_done_with_an_evaluation()
    {
        var afspraak = new Afspraak { Wat = "Planner bijhouden", Deadline = new DateOnly(2026, 11, 20) };
        Assert.False(afspraak.IsVerlopen(new DateOnly(2026, 11, 20)));
        Assert.True(afspraak.IsVerlopen(new DateOnly(2026, 11, 21)));
        Assert.Throws<ArgumentException>(() => afspraak.RondAf("", DateTimeOffset.UtcNow));
        afspraak.RondAf("Gaat goed, planner wordt dagelijks gebruikt", DateTimeOffset.UtcNow);
        Assert.False(afspraak.IsVerlopen(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void The_standard_kinds_include_one_voortgangsgesprek()
    {
        var soorten = GesprekSoort.Standaard();
        Assert.Equal(["Mentorgesprek", "Voortgangsgesprek", "Oudergesprek", "Leerlinggesprek", "Overig"], soorten.Select(s => s.Naam));
        Assert.Single(soorten, s => s.IsVoortgangsgesprek);
    }
}
