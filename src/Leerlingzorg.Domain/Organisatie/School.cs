namespace Leerlingzorg.Domain.Organisatie;

/// <summary>The tenant: every student, note, meeting and plan belongs to exactly one school.</summary>
public sealed class School
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SamenwerkingsverbandId { get; set; }
    public Samenwerkingsverband? Samenwerkingsverband { get; set; }
    public required string Naam { get; set; }
    /// <summary>BRIN number of the school (four characters, e.g. "12AB").</summary>
    public required string Brinnummer { get; set; }
    public List<Locatie> Locaties { get; set; } = [];
    /// <summary>Whether one or every ouder with gezag must agree to an OPP's handelingsdeel (the school's choice).</summary>
    public Plannen.Instemmingsbeleid OppInstemming { get; set; } = Plannen.Instemmingsbeleid.AlleOuders;
}
