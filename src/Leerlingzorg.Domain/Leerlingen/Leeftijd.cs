namespace Leerlingzorg.Domain.Leerlingen;

public static class Leeftijd
{
    /// <summary>Age in whole years on <paramref name="datum"/>; a 29 February birthday counts from 1 March in other years.</summary>
    public static int Op(DateOnly geboortedatum, DateOnly datum)
    {
        var leeftijd = datum.Year - geboortedatum.Year;
        var verjaardagGehad = (datum.Month, datum.Day).CompareTo((geboortedatum.Month, geboortedatum.Day)) >= 0;
        return verjaardagGehad ? leeftijd : leeftijd - 1;
    }

    /// <summary>
    /// The last birth date of someone who is <paramref name="jaren"/> or older on <paramref name="datum"/>, for database
    /// predicates: <c>Op(g, datum) &gt;= jaren</c> exactly when <c>g &lt;= GeborenUiterlijk(jaren, datum)</c>.
    /// </summary>
    public static DateOnly GeborenUiterlijk(int jaren, DateOnly datum) => datum.AddYears(-jaren);
}
