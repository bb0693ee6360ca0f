using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Infrastructure.Persistence;

namespace Leerlingzorg.Web.Tests.Infrastructure;

public sealed class InlineTests
{
    [Fact]
    public void The_names_expression_gives_every_value_its_Domain_name()
    {
        var naam = Inline.Namen<ToestemmingDoel>(d => d.Weergave()).Compile();
        Assert.All(Enum.GetValues<ToestemmingDoel>(), d => Assert.Equal(d.Weergave(), naam(d)));
        Assert.Equal("Ambulante begeleiding", naam(ToestemmingDoel.AmbulanteBegeleiding));
    }
}
