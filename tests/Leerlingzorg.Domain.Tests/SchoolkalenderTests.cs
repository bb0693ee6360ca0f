using Leerlingzorg.Domain.Organisatie;
using Microsoft.Extensions.Time.Testing;

namespace Leerlingzorg.Domain.Tests;

/// <summary>The school clock on a fake clock, at the moments where the server's UTC day and the school's day differ.</summary>
public sealed class SchoolkalenderTests
{
    private static FakeTimeProvider Klok(int jaar, int maand, int dag, int uur, int minuut) =>
        new(new DateTimeOffset(jaar, maand, dag, uur, minuut, 0, TimeSpan.Zero));

    [Fact]
    public void At_half_past_midnight_in_Amsterdam_on_1_August_the_new_schooljaar_has_begun()
    {
        // 22:30 UTC on 31 July is 00:30 CEST on 1 August.
        var klok = Klok(2026, 7, 31, 22, 30);

        Assert.Equal(new DateOnly(2026, 8, 1), Schoolkalender.Vandaag(klok));
        Assert.Equal(new Schooljaar(2026), Schoolkalender.HuidigSchooljaar(klok));
        Assert.Equal(new DateTimeOffset(2026, 8, 1, 0, 30, 0, TimeSpan.FromHours(2)), Schoolkalender.Nu(klok));
        Assert.Equal("00:30", Schoolkalender.Tijd(klok.GetUtcNow()));
    }

    [Fact]
    public void At_half_past_eleven_in_Amsterdam_on_31_July_the_old_schooljaar_still_runs()
    {
        // 21:30 UTC on 31 July is 23:30 CEST, the same day.
        var klok = Klok(2026, 7, 31, 21, 30);

        Assert.Equal(new DateOnly(2026, 7, 31), Schoolkalender.Vandaag(klok));
        Assert.Equal(new Schooljaar(2025), Schoolkalender.HuidigSchooljaar(klok));
    }

    [Fact]
    public void The_date_of_an_instant_is_the_date_in_Amsterdam_not_in_UTC()
    {
        // An afspraak made at 00:30 in winter (23:30 UTC the day before) is of the new day.
        var tijdstip = new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 12, 2), Schoolkalender.DatumVan(tijdstip));
        Assert.Equal(new DateOnly(2026, 12, 1), Schoolkalender.DatumVan(tijdstip.AddHours(-1)));
        // Whatever offset the instant carries.
        Assert.Equal(new DateOnly(2026, 12, 2), Schoolkalender.DatumVan(tijdstip.ToOffset(TimeSpan.FromHours(-5))));
    }

    [Theory]
    // Summer time starts on the last Sunday of March at 01:00 UTC (02:00 CET becomes 03:00 CEST).
    [InlineData("2026-03-29T00:59:00Z", "2026-03-29T01:59:00+01:00")]
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29T03:00:00+02:00")]
    [InlineData("2026-03-28T22:30:00Z", "2026-03-28T23:30:00+01:00")]
    [InlineData("2026-03-29T22:30:00Z", "2026-03-30T00:30:00+02:00")]
    // And ends on the last Sunday of October at 01:00 UTC (03:00 CEST becomes 02:00 CET).
    [InlineData("2026-10-25T00:59:00Z", "2026-10-25T02:59:00+02:00")]
    [InlineData("2026-10-25T01:00:00Z", "2026-10-25T02:00:00+01:00")]
    [InlineData("2026-10-24T22:30:00Z", "2026-10-25T00:30:00+02:00")]
    [InlineData("2026-10-25T22:30:00Z", "2026-10-25T23:30:00+01:00")]
    [InlineData("2026-10-25T23:30:00Z", "2026-10-26T00:30:00+01:00")]
    public void Both_changes_of_summer_time_give_the_school_s_wall_clock_and_date(string utc, string amsterdam)
    {
        var klok = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        var verwacht = DateTimeOffset.Parse(amsterdam, System.Globalization.CultureInfo.InvariantCulture);

        var nu = Schoolkalender.Nu(klok);

        Assert.Equal((verwacht.DateTime, verwacht.Offset), (nu.DateTime, nu.Offset));
        Assert.Equal(DateOnly.FromDateTime(verwacht.DateTime), Schoolkalender.Vandaag(klok));
    }

    [Fact]
    public void The_clock_does_not_depend_on_the_zone_of_the_time_provider()
    {
        var klok = Klok(2026, 7, 31, 22, 30);
        klok.SetLocalTimeZone(TimeZoneInfo.Utc);

        Assert.Equal(new DateOnly(2026, 8, 1), Schoolkalender.Vandaag(klok));
    }

    [Fact]
    public void A_school_day_begins_at_midnight_in_Amsterdam()
    {
        Assert.Equal(new DateTimeOffset(2026, 7, 31, 22, 0, 0, TimeSpan.Zero), Schoolkalender.BeginVan(new DateOnly(2026, 8, 1)));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero), Schoolkalender.BeginVan(new DateOnly(2026, 12, 2)));
    }

    [Theory]
    [InlineData("2026-08-01", 2026, 31, "2026-07-27")] // a Saturday
    [InlineData("2026-08-03", 2026, 32, "2026-08-03")] // a Monday
    [InlineData("2026-08-09", 2026, 32, "2026-08-03")] // a Sunday ends the week
    [InlineData("2027-01-01", 2026, 53, "2026-12-28")] // New Year in the last week of the ISO year before
    [InlineData("2029-12-31", 2030, 1, "2029-12-31")]  // a Monday in the first week of the next ISO year
    public void A_school_week_is_the_ISO_week_from_Monday_to_Sunday(string datum, int jaar, int nummer, string maandag)
    {
        var dag = DateOnly.Parse(datum, System.Globalization.CultureInfo.InvariantCulture);

        var week = Schoolkalender.WeekVan(dag);

        Assert.Equal(new Schoolweek(jaar, nummer, DateOnly.Parse(maandag, System.Globalization.CultureInfo.InvariantCulture)), week);
        Assert.True(week.Bevat(dag));
        Assert.Equal(DayOfWeek.Sunday, week.Zondag.DayOfWeek);
    }

    [Fact]
    public void This_week_is_the_week_of_today_at_school()
    {
        // Sunday 22:30 UTC is already Monday in Amsterdam: the new week.
        var klok = Klok(2026, 8, 2, 22, 30);

        Assert.Equal(32, Schoolkalender.DezeWeek(klok).Nummer);
    }

    [Fact]
    public void Without_tzdata_the_EU_rules_give_the_same_offsets_as_the_system_zone()
    {
        var regels = Schoolkalender.EuropeseRegels();
        var systeem = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        for (var t = new DateTimeOffset(2024, 1, 1, 0, 30, 0, TimeSpan.Zero); t.Year < 2030; t = t.AddHours(7))
        {
            Assert.Equal(systeem.GetUtcOffset(t), regels.GetUtcOffset(t));
        }
    }
}
