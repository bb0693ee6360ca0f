using Leerlingzorg.Web.Infrastructure.Persistence;

namespace Leerlingzorg.Benchmarks.Bench;

internal sealed record Zoekresultaat(Guid Id, string Leerlingnummer, string Voornaam, string? Tussenvoegsel, string Achternaam)
{
    public string Naam => Domain.Naam.Volledig(Voornaam, Tussenvoegsel, Achternaam);
}

/// <summary>
/// The student quick search as the search feature runs it: trigram word similarity of the term against the
/// student's search text (names and leerlingnummer, lower case, without accents; the expression the
/// ix_leerlingen_zoeken index holds), or the term as a substring, best match first, ten at most.
/// Keep this in step with Features/Zoeken; when that feature has its handler, call the handler instead.
/// </summary>
internal static class LeerlingZoekopdracht
{
    public const double Drempel = 0.3;
    public const int Maximum = 10;

    public static IQueryable<Zoekresultaat> Query(LeerlingzorgDbContext db, string term) =>
        db.Leerlingen
            .Where(l => LeerlingzorgDbContext.WoordGelijkenis(
                            LeerlingzorgDbContext.Zoekterm(term),
                            LeerlingzorgDbContext.Zoektekst(l.Voornaam, l.Tussenvoegsel, l.Achternaam, l.Leerlingnummer)) >= Drempel
                        || LeerlingzorgDbContext.Zoektekst(l.Voornaam, l.Tussenvoegsel, l.Achternaam, l.Leerlingnummer)
                            .Contains(LeerlingzorgDbContext.Zoekterm(term)))
            .OrderByDescending(l => LeerlingzorgDbContext.WoordGelijkenis(
                LeerlingzorgDbContext.Zoekterm(term),
                LeerlingzorgDbContext.Zoektekst(l.Voornaam, l.Tussenvoegsel, l.Achternaam, l.Leerlingnummer)))
            .ThenBy(l => l.Achternaam).ThenBy(l => l.Voornaam)
            .Take(Maximum)
            .Select(l => new Zoekresultaat(l.Id, l.Leerlingnummer, l.Voornaam, l.Tussenvoegsel, l.Achternaam));
}
