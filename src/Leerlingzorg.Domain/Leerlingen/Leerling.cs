using Leerlingzorg.Domain.Organisatie;

namespace Leerlingzorg.Domain.Leerlingen;

/// <summary>The subject of the dossier: a student of one school.</summary>
public sealed class Leerling : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    /// <summary>The school's own student number, unique within the school.</summary>
    public required string Leerlingnummer { get; set; }
    public required string Voornaam { get; set; }
    public string? Tussenvoegsel { get; set; }
    public required string Achternaam { get; set; }
    public DateOnly Geboortedatum { get; set; }
    public Guid? KlasId { get; set; }
    public Klas? Klas { get; set; }
    /// <summary>Alleenstaande minderjarige vreemdeling: a Nidos guardian takes the parents' place.</summary>
    public bool IsAmv { get; set; }
    public LeerlingStatus Status { get; set; } = LeerlingStatus.Ingeschreven;
    public DateOnly? Inschrijfdatum { get; set; }
    /// <summary>The retention clock of the dossier starts here.</summary>
    public DateOnly? Uitschrijfdatum { get; set; }
    public string? Uitschrijfreden { get; set; }
    public List<KlasPlaatsing> Plaatsingen { get; set; } = [];

    /// <summary>Ends the enrolment; the student and his dossier stay, for the retention period.</summary>
    public void SchrijfUit(DateOnly datum, string? reden)
    {
        if (Inschrijfdatum is { } ingeschreven && datum < ingeschreven)
        {
            throw new ArgumentOutOfRangeException(nameof(datum), "De uitschrijfdatum ligt vóór de inschrijfdatum.");
        }
        Status = LeerlingStatus.Uitgeschreven;
        Uitschrijfdatum = datum;
        Uitschrijfreden = string.IsNullOrWhiteSpace(reden) ? null : reden.Trim();
        KlasId = null;
    }

    public void SchrijfIn(DateOnly datum)
    {
        Status = LeerlingStatus.Ingeschreven;
        Inschrijfdatum = datum;
        Uitschrijfdatum = null;
        Uitschrijfreden = null;
    }
    public List<LeerlingOuder> Ouders { get; set; } = [];

    public string VolledigeNaam => Naam.Volledig(Voornaam, Tussenvoegsel, Achternaam);
    public string Sorteernaam => Naam.Sorteer(Voornaam, Tussenvoegsel, Achternaam);

    /// <summary>Age in whole years; someone born on 29 February turns older on 1 March in other years.</summary>
    public int LeeftijdOp(DateOnly datum) => Leeftijd.Op(Geboortedatum, datum);
}
