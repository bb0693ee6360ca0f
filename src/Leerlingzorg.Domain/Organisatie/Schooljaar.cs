using System.Globalization;

namespace Leerlingzorg.Domain.Organisatie;

/// <summary>
/// A Dutch school year, named by the calendar year it starts in: 2026 is "2026-2027".
/// The year turns on 1 August, the customary start of the schooljaar in secondary education.
/// </summary>
public readonly record struct Schooljaar(int Startjaar) : IComparable<Schooljaar>
{
    public static Schooljaar Op(DateOnly datum) => new(datum.Month >= 8 ? datum.Year : datum.Year - 1);

    public DateOnly Begin => new(Startjaar, 8, 1);
    public DateOnly Einde => new(Startjaar + 1, 7, 31);
    public Schooljaar Volgend => new(Startjaar + 1);

    public bool Bevat(DateOnly datum) => datum >= Begin && datum <= Einde;

    public static bool TryParse(string? tekst, out Schooljaar schooljaar)
    {
        schooljaar = default;
        var delen = tekst?.Trim().Split('-', '/');
        if (delen is not [var a, var b]
            || !int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var eind)
            || eind != start + 1 || start < 1900)
        {
            return false;
        }
        schooljaar = new Schooljaar(start);
        return true;
    }

    public int CompareTo(Schooljaar other) => Startjaar.CompareTo(other.Startjaar);
    public static bool operator <(Schooljaar a, Schooljaar b) => a.Startjaar < b.Startjaar;
    public static bool operator >(Schooljaar a, Schooljaar b) => a.Startjaar > b.Startjaar;
    public static bool operator <=(Schooljaar a, Schooljaar b) => a.Startjaar <= b.Startjaar;
    public static bool operator >=(Schooljaar a, Schooljaar b) => a.Startjaar >= b.Startjaar;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Startjaar}-{Startjaar + 1}");
}
