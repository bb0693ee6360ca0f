namespace Leerlingzorg.Domain.Tests;

/// <summary>What typed, pasted and uploaded text loses before it is kept, and what it keeps.</summary>
public sealed class TekstTests
{
    [Theory]
    [InlineData("Sa\0nne", "Sanne")]
    [InlineData("  Sanne  ", "Sanne")]
    [InlineData("Sanne\u0007\u001B\u007F\u0085\u009F", "Sanne")]
    [InlineData("Jan\tvan\r\nDijk", "Jan van Dijk")]
    [InlineData("\u202EennaS", "ennaS")]
    [InlineData("Zoë Ça façade 😀 الطالب", "Zoë Ça façade 😀 الطالب")]
    [InlineData("\0\u0001 \t", "")]
    [InlineData("Robert'); DROP TABLE leerlingen;--", "Robert'); DROP TABLE leerlingen;--")]
    public void A_line_loses_control_characters_lone_surrogates_and_bidi_overrides_and_keeps_letters_and_emoji(string invoer, string verwacht)
    {
        Assert.Equal(verwacht, Tekst.Regel(invoer));
        Assert.True(Tekst.IsVeilig(Tekst.Regel(invoer)));
    }

    [Fact]
    public void Lone_surrogates_go_and_surrogate_pairs_stay()
    {
        // Built in code: an attribute argument cannot hold a lone surrogate (it is stored as UTF-8).
        var hoog = ((char)0xD800).ToString();
        var laag = ((char)0xDC00).ToString();
        Assert.Equal("abc😀", Tekst.Regel("a" + hoog + "b" + laag + "c" + "😀"));
        Assert.Equal("", Tekst.Regel(laag + hoog));
        Assert.False(Tekst.IsVeilig("a" + hoog));
    }

    [Fact]
    public void Free_text_keeps_its_line_breaks_and_tabs_and_loses_NUL()
    {
        Assert.Equal("Eerste regel\r\n\tTweede regel", Tekst.Vrij(" Eerste\0 regel\r\n\tTweede regel\u0000 "));
    }

    [Fact]
    public void Optional_text_of_only_control_characters_is_empty()
    {
        Assert.Null(Tekst.RegelOfNull("\0\u0085"));
        Assert.Null(Tekst.VrijOfNull(" \n\0 "));
        Assert.Equal("van", Tekst.RegelOfNull(" van\0"));
    }

    [Fact]
    public void The_database_guard_removes_what_cannot_be_stored_without_trimming()
    {
        Assert.Equal(" a\nb ", Tekst.Veilig(" a\0\n\uDC00b "));
        Assert.Null(Tekst.Veilig(null));
        Assert.False(Tekst.IsVeilig("a\0"));
        Assert.True(Tekst.IsVeilig("😀\n\t"));
    }
}
