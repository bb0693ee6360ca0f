using System.Globalization;
using Leerlingzorg.Domain.Organisatie;

namespace Leerlingzorg.Domain;

/// <summary>
/// The one school clock: dates and times as the school lives them, in Europe/Amsterdam, whatever zone the
/// server runs in (the container runs UTC). Every "today", "this schooljaar" and "the date of this moment"
/// in the application comes from here, over the injected <see cref="TimeProvider"/>; the build bans the
/// other ways (BannedSymbols.txt, ADR 0007).
/// </summary>
public static class Schoolkalender
{
    /// <summary>The IANA id of the school's zone, also for SQL (<c>AT TIME ZONE</c>): the one place it is written.</summary>
    public const string ZoneId = "Europe/Amsterdam";

    /// <summary>Europe/Amsterdam: CET in winter, CEST from the last Sunday of March to the last Sunday of October.</summary>
    public static TimeZoneInfo Zone { get; } = Vind();

    /// <summary>Now, on the school's wall clock (with its offset, +01:00 or +02:00).</summary>
    public static DateTimeOffset Nu(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Lokaal(time.GetUtcNow());
    }

    /// <summary>Today's date at school.</summary>
    public static DateOnly Vandaag(TimeProvider time) => DatumVan(Nu(time));

    /// <summary>The schooljaar of today at school: the new one starts at midnight in Amsterdam on 1 August.</summary>
    public static Schooljaar HuidigSchooljaar(TimeProvider time) => Schooljaar.Op(Vandaag(time));

    /// <summary>A moment as the school's wall clock shows it.</summary>
    public static DateTimeOffset Lokaal(DateTimeOffset tijdstip) => TimeZoneInfo.ConvertTime(tijdstip, Zone);

    /// <summary>The date at school of a moment (a timestamp): an afspraak made at 00:30 is of that day, not of the UTC day before.</summary>
    public static DateOnly DatumVan(DateTimeOffset tijdstip)
    {
        var lokaal = Lokaal(tijdstip);
        return new DateOnly(lokaal.Year, lokaal.Month, lokaal.Day);
    }

    /// <summary>The moment a school day begins (midnight in Amsterdam), for queries on timestamps by date.</summary>
    public static DateTimeOffset BeginVan(DateOnly datum)
    {
        var middernacht = datum.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(middernacht, Zone.GetUtcOffset(middernacht));
    }

    /// <summary>The time of day at school of a moment, "14:05".</summary>
    public static string Tijd(DateTimeOffset tijdstip) => Lokaal(tijdstip).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The school week of a date: the ISO week (Monday to Sunday) that Dutch school calendars and roosters number.</summary>
    public static Schoolweek WeekVan(DateOnly datum)
    {
        var dag = datum.ToDateTime(TimeOnly.MinValue);
        return new Schoolweek(ISOWeek.GetYear(dag), ISOWeek.GetWeekOfYear(dag), datum.AddDays(-((7 + (int)datum.DayOfWeek - 1) % 7)));
    }

    /// <summary>This week at school.</summary>
    public static Schoolweek DezeWeek(TimeProvider time) => WeekVan(Vandaag(time));

    private static TimeZoneInfo Vind()
    {
        // IANA on Linux; the Windows id where ICU cannot map it; the EU rules themselves where the image has no tzdata.
        foreach (var id in new[] { ZoneId, "W. Europe Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }
        return EuropeseRegels();
    }

    /// <summary>Central European Time by the EU rules (since 1996): summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.</summary>
    internal static TimeZoneInfo EuropeseRegels()
    {
        var regel = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(1996, 1, 1), DateTime.MaxValue.Date, TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 5, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(1), ZoneId, "CET", "CEST", [regel]);
    }
}

/// <summary>An ISO school week: its year (which can differ from the calendar year around New Year), number and Monday.</summary>
public readonly record struct Schoolweek(int Jaar, int Nummer, DateOnly Maandag)
{
    public DateOnly Zondag => Maandag.AddDays(6);

    public bool Bevat(DateOnly datum) => datum >= Maandag && datum <= Zondag;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"week {Nummer} {Jaar}");
}
