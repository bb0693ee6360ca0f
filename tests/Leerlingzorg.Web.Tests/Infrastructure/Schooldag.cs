using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Organisatie;

namespace Leerlingzorg.Web.Tests.Infrastructure;

/// <summary>
/// Today at school on the system clock, as the app computes it (ADR 0007). Not the server's DateTime.Today: between 22:00 and
/// midnight UTC the server's day is already yesterday at school.
/// </summary>
public static class Schooldag
{
    public static DateOnly Vandaag => Schoolkalender.Vandaag(TimeProvider.System);

    /// <summary>Today as a date picker holds it.</summary>
    public static DateTime Picker => Vandaag.ToDateTime(TimeOnly.MinValue);

    public static Schooljaar Schooljaar => Schoolkalender.HuidigSchooljaar(TimeProvider.System);
}
