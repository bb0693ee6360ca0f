using System.Linq.Expressions;

namespace Leerlingzorg.Domain.Leerlingen;

/// <summary>What a parent or guardian may do for one student: hear, read the dossier, consent, approve.</summary>
/// <param name="Informatie">Is told about important facts and circumstances (every linked parent of a minor, BW 1:377c).</param>
/// <param name="Inzage">Inzage in the dossier (AVG art. 15): a parent with gezag, while the child is under 16.</param>
/// <param name="Toestemming">Gives or refuses consent (ZAT, TDO, referral): a parent with gezag (from 16 together with the student).</param>
/// <param name="Goedkeuring">Approves or rejects (OPP handelingsdeel): a parent with gezag.</param>
public readonly record struct Ouderrechten(bool Informatie, bool Inzage, bool Toestemming, bool Goedkeuring)
{
    public static Ouderrechten Geen => default;

    /// <summary>Whether this parent decides (consents, approves) rather than only being informed.</summary>
    public bool MagBeslissen => Toestemming && Goedkeuring;
}

/// <summary>What the student decides himself, by age.</summary>
/// <param name="EigenToestemming">From 16 his own consent is needed as well (ZAT/TDO by name, the verwijsindex).</param>
/// <param name="EigenInzage">From 16 the student himself exercises inzage; his parents no longer do.</param>
/// <param name="Meerderjarig">From 18 nobody holds gezag over him: he decides alone.</param>
public readonly record struct Leerlingrechten(bool EigenToestemming, bool EigenInzage, bool Meerderjarig);

/// <summary>
/// The family rules: who holds gezag over a student, and what follows from it. Consent, OPP approval and the parent's
/// inzage read their "who decides" from here, never from <see cref="LeerlingOuder.Gezag"/> alone.
/// <list type="bullet">
/// <item>an ouder with gezag is informed, has inzage (child under 16), consents and approves;</item>
/// <item>an ouder without gezag is only informed (BW 1:377c): no inzage, no consent, no approval;</item>
/// <item>for an AMV'er the Nidos voogd holds the voogdij and takes the parents' place; nobody else has gezag;</item>
/// <item>from 16 the student consents too and has inzage himself; from 18 nobody holds gezag (BW 1:245).</item>
/// </list>
/// </summary>
public static class Familie
{
    public const int EigenBeslissingVanaf = 16;
    public const int MeerderjarigVanaf = 18;

    /// <summary>Whether <paramref name="relatie"/> holds gezag (or the Nidos voogdij) over <paramref name="leerling"/> on <paramref name="vandaag"/>.</summary>
    public static bool HeeftGezag(this Leerling leerling, LeerlingOuder relatie, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        ArgumentNullException.ThrowIfNull(relatie);
        if (leerling.LeeftijdOp(vandaag) >= MeerderjarigVanaf)
        {
            return false;
        }
        // The Nidos voogd holds the voogdij by court order, whatever the flag says; parents of an AMV'er are not here.
        return leerling.IsAmv ? relatie.Relatie == OuderRelatie.NidosVoogd : relatie.Gezag;
    }

    /// <summary>The rights of one linked parent or guardian; none for a relation of another student.</summary>
    public static Ouderrechten RechtenVan(this Leerling leerling, LeerlingOuder relatie, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        ArgumentNullException.ThrowIfNull(relatie);
        if (relatie.LeerlingId != leerling.Id)
        {
            return Ouderrechten.Geen;
        }
        var leeftijd = leerling.LeeftijdOp(vandaag);
        if (!leerling.HeeftGezag(relatie, vandaag))
        {
            // The information right is a minor's parent's; an adult student decides himself who hears what.
            return new Ouderrechten(Informatie: leeftijd < MeerderjarigVanaf, Inzage: false, Toestemming: false, Goedkeuring: false);
        }
        return new Ouderrechten(Informatie: true, Inzage: leeftijd < EigenBeslissingVanaf, Toestemming: true, Goedkeuring: true);
    }

    public static Leerlingrechten Rechten(this Leerling leerling, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        var leeftijd = leerling.LeeftijdOp(vandaag);
        return new Leerlingrechten(
            EigenToestemming: leeftijd >= EigenBeslissingVanaf,
            EigenInzage: leeftijd >= EigenBeslissingVanaf,
            Meerderjarig: leeftijd >= MeerderjarigVanaf);
    }

    /// <summary>
    /// The relations that must consent for the student (ZAT/TDO by name); from 16 the student's own consent is needed
    /// as well (<see cref="Leerlingrechten.EigenToestemming"/>).
    /// </summary>
    public static IReadOnlyList<LeerlingOuder> GezagdragersOp(this Leerling leerling, DateOnly vandaag)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        return [.. leerling.Ouders.Where(o => leerling.HeeftGezag(o, vandaag))];
    }

    /// <summary>
    /// <see cref="HeeftGezag"/> as a database predicate: the students over whom the user <paramref name="gebruikerId"/>
    /// holds gezag on <paramref name="vandaag"/>. A Domain test holds it to <see cref="HeeftGezag"/> case by case.
    /// </summary>
    public static Expression<Func<Leerling, bool>> KindMetGezagVan(Guid gebruikerId, DateOnly vandaag)
    {
        // Born after this date: not yet 18 on vandaag (the same count as Leeftijd.Op, 29 February included).
        var minderjarigNa = Leeftijd.GeborenUiterlijk(MeerderjarigVanaf, vandaag);
        return l => l.Geboortedatum > minderjarigNa
            && l.Ouders.Any(o => o.Ouder!.GebruikerId == gebruikerId
                && (l.IsAmv ? o.Relatie == OuderRelatie.NidosVoogd : o.Gezag));
    }
}
