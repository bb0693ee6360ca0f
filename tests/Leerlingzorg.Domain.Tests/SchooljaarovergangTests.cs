using Leerlingzorg.Domain.Organisatie;

namespace Leerlingzorg.Domain.Tests;

public sealed class SchooljaarovergangTests
{
    [Fact]
    public void A_rollover_goes_from_a_schooljaar_to_the_next_and_keeps_who_when_and_what()
    {
        var door = Guid.NewGuid();
        var op = new DateTimeOffset(2027, 7, 10, 9, 30, 0, TimeSpan.Zero);
        var overgang = Schooljaarovergang.Uitgevoerd(new Schooljaar(2026), door, op, bevorderd: 120, gedoubleerd: 4, vertrokken: 30, klassenAangemaakt: 6);
        Assert.Equal((new Schooljaar(2026), new Schooljaar(2027), (Guid?)door, op, 120, 4, 30, 6),
            (overgang.Van, overgang.Naar, overgang.UitgevoerdDoor, overgang.UitgevoerdOp, overgang.Bevorderd, overgang.Gedoubleerd, overgang.Vertrokken, overgang.KlassenAangemaakt));
    }
}
