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
    /// <summary>
    /// The student's current level on the ladder of Professionele Momenten, kept with the history of its changes
    /// (<see cref="Ondersteuning.PmStap"/>) so that headers and overviews read it without the history.
    /// </summary>
    public Ondersteuning.PmNiveau PmNiveau { get; set; } = Ondersteuning.PmNiveau.PmI;
    /// <summary>Since when the student is on <see cref="PmNiveau"/>; null for the first line by default (never changed).</summary>
    public DateOnly? PmSinds { get; set; }
    /// <summary>
    /// Where the student was in each schooljaar, one <see cref="KlasPlaatsing"/> per year; changed only through
    /// <see cref="Plaats"/>, <see cref="SchrijfUit"/> and <see cref="RondSchooljaarAf"/>. A handler loads at least the
    /// placements of the years it touches (the methods look a year up in this list, and add one when it is missing).
    /// </summary>
    public List<KlasPlaatsing> Plaatsingen { get; set; } = [];

    /// <summary>
    /// Ends the enrolment; the student and his dossier stay, for the retention period, and he is in no class.
    /// Every path closes his placements the same way (by hand, through the import's "niet in bestand", and for a
    /// leaver at the rollover): the open placement of the year of <paramref name="datum"/>, and of a later year he
    /// was already placed in, gets <see cref="Jaaruitkomst.Vertrokken"/>. Decision (issue 8): Vertrokken on every
    /// path rather than on none, because his history then says how that year ended instead of "loopt nog"; and
    /// nothing reads an outcome as "the rollover was done" any more (that is <see cref="Organisatie.Schooljaarovergang"/>).
    /// </summary>
    public void SchrijfUit(DateOnly datum, string? reden)
    {
        if (Status == LeerlingStatus.Uitgeschreven)
        {
            throw new InvalidOperationException("De leerling is al uitgeschreven.");
        }
        if (Inschrijfdatum is { } ingeschreven && datum < ingeschreven)
        {
            throw new ArgumentOutOfRangeException(nameof(datum), "De uitschrijfdatum ligt vóór de inschrijfdatum.");
        }
        Status = LeerlingStatus.Uitgeschreven;
        Uitschrijfdatum = datum;
        Uitschrijfreden = string.IsNullOrWhiteSpace(reden) ? null : reden.Trim();
        KlasId = null;
        var jaar = Schooljaar.Op(datum);
        foreach (var plaatsing in Plaatsingen.Where(p => p.Schooljaar >= jaar && p.Uitkomst is null))
        {
            plaatsing.Uitkomst = Jaaruitkomst.Vertrokken;
        }
    }

    /// <summary>
    /// Enrols the student (a new one, or again after an uitschrijving), in no class yet: <see cref="Plaats"/> puts
    /// him in one. A placement closed as Vertrokken stays so until he is placed in that year again.
    /// </summary>
    public void SchrijfIn(DateOnly datum)
    {
        if (Status == LeerlingStatus.Ingeschreven && Inschrijfdatum is not null)
        {
            throw new InvalidOperationException("De leerling is al ingeschreven.");
        }
        Status = LeerlingStatus.Ingeschreven;
        Inschrijfdatum = datum;
        Uitschrijfdatum = null;
        Uitschrijfreden = null;
    }

    /// <summary>
    /// Puts the student in a klas of <paramref name="schooljaar"/>: his current klas, and that year's placement (one per
    /// student per schooljaar: a move within the year changes it). A year he had left (Vertrokken) opens again, since he
    /// is back; a year the rollover closed (Bevorderd, Gedoubleerd) keeps its history. True when anything changed.
    /// </summary>
    public bool Plaats(Guid klasId, Schooljaar schooljaar)
    {
        if (Status == LeerlingStatus.Uitgeschreven)
        {
            throw new InvalidOperationException("Een uitgeschreven leerling zit niet in een klas. Schrijf de leerling eerst opnieuw in.");
        }
        var gewijzigd = KlasId != klasId;
        KlasId = klasId;
        var plaatsing = Plaatsingen.FirstOrDefault(p => p.Schooljaar == schooljaar);
        if (plaatsing is null)
        {
            Plaatsingen.Add(new KlasPlaatsing { SchoolId = SchoolId, LeerlingId = Id, KlasId = klasId, Schooljaar = schooljaar });
            return true;
        }
        if (plaatsing.Uitkomst is Jaaruitkomst.Bevorderd or Jaaruitkomst.Gedoubleerd
            || (plaatsing.KlasId == klasId && plaatsing.Uitkomst is null))
        {
            return gewijzigd;
        }
        plaatsing.KlasId = klasId;
        plaatsing.Uitkomst = null;
        return true;
    }

    /// <summary>Takes the student out of his klas; this year's placement stays, as the history of where he was.</summary>
    public void HaalUitKlas() => KlasId = null;

    /// <summary>
    /// The rollover for this student: <paramref name="jaar"/> ends with <paramref name="uitkomst"/>. Promoted or staying
    /// back, he goes to <paramref name="volgendeKlasId"/> in the next year; a leaver is uitgeschreven on the last day of
    /// the year (<see cref="SchrijfUit"/>, so his placement closes as on every other path). A student placed before
    /// placements were kept gets this year's placement now, in his current klas, with its outcome.
    /// </summary>
    public void RondSchooljaarAf(Schooljaar jaar, Jaaruitkomst uitkomst, Guid? volgendeKlasId, string? reden)
    {
        var dit = Plaatsingen.FirstOrDefault(p => p.Schooljaar == jaar);
        if (dit is null)
        {
            var klas = KlasId ?? throw new InvalidOperationException("De leerling zit in geen klas van dit schooljaar.");
            dit = new KlasPlaatsing { SchoolId = SchoolId, LeerlingId = Id, KlasId = klas, Schooljaar = jaar };
            Plaatsingen.Add(dit);
        }
        if (uitkomst == Jaaruitkomst.Vertrokken)
        {
            SchrijfUit(jaar.Einde, reden);
            // A year closed before (old data) still ends as the beheerder says now.
            dit.Uitkomst = Jaaruitkomst.Vertrokken;
            return;
        }
        var volgende = volgendeKlasId ?? throw new ArgumentNullException(nameof(volgendeKlasId), "Een leerling die blijft, gaat naar een klas.");
        dit.Uitkomst = uitkomst;
        Plaats(volgende, jaar.Volgend);
    }

    public List<LeerlingOuder> Ouders { get; set; } = [];

    public string VolledigeNaam => Naam.Volledig(Voornaam, Tussenvoegsel, Achternaam);
    public string Sorteernaam => Naam.Sorteer(Voornaam, Tussenvoegsel, Achternaam);

    /// <summary>Age in whole years; someone born on 29 February turns older on 1 March in other years.</summary>
    public int LeeftijdOp(DateOnly datum) => Leeftijd.Op(Geboortedatum, datum);
}
