using Leerlingzorg.Domain.Dossier;

namespace Leerlingzorg.Domain.Tests;

public sealed class AfspraakTests
{
    private static Afspraak Open() => new() { Wat = "Planner gebruiken", EigenaarId = Guid.NewGuid(), AangemaaktOp = DateTimeOffset.UtcNow };

    [Fact]
    public void A_correction_changes_what_who_and_when_and_says_whether_anything_changed()
    {
        var afspraak = Open();
        var eigenaar = Guid.NewGuid();
        Assert.True(afspraak.Corrigeer("  Planner elke dag gebruiken ", eigenaar, new DateOnly(2026, 12, 18)));
        Assert.Equal(("Planner elke dag gebruiken", eigenaar, (DateOnly?)new DateOnly(2026, 12, 18)), (afspraak.Wat, afspraak.EigenaarId, afspraak.Deadline));
        Assert.False(afspraak.Corrigeer("Planner elke dag gebruiken", eigenaar, new DateOnly(2026, 12, 18)));
    }

    [Fact]
    public void A_finished_afspraak_is_not_corrected()
    {
        var afspraak = Open();
        afspraak.RondAf("Gelukt", DateTimeOffset.UtcNow);
        Assert.Throws<InvalidOperationException>(() => afspraak.Corrigeer("Iets anders", afspraak.EigenaarId, null));
        Assert.Equal("Planner gebruiken", afspraak.Wat);
    }

    private static readonly DateOnly Vandaag = new(2026, 12, 1);

    public static TheoryData<DateOnly?, bool, bool> Gevallen() => new()
    {
        { null, false, false },
        { Vandaag.AddDays(-1), false, true },
        // On the deadline day itself it is not overdue yet.
        { Vandaag, false, false },
        { Vandaag.AddDays(1), false, false },
        { Vandaag.AddDays(-30), true, false },
    };

    [Theory]
    [MemberData(nameof(Gevallen))]
    public void Overdue_means_open_with_a_deadline_before_today_and_the_database_predicate_says_the_same(DateOnly? deadline, bool afgerond, bool verlopen)
    {
        var afspraak = Open();
        afspraak.Deadline = deadline;
        if (afgerond)
        {
            afspraak.RondAf("Gedaan", DateTimeOffset.UtcNow);
        }
        Assert.Equal(verlopen, Afspraak.IsVerlopenOp(deadline, afgerond, Vandaag));
        Assert.Equal(verlopen, afspraak.IsVerlopen(Vandaag));
        Assert.Equal(verlopen, Afspraak.Verlopen(Vandaag).Compile()(afspraak));
    }
}
