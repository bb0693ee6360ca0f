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
}
