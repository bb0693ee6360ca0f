namespace Leerlingzorg.Domain.Leerlingen;

public enum OuderRelatie
{
    Moeder,
    Vader,
    Verzorger,
    Voogd,
    NidosVoogd,
}

/// <summary>Links a student to a parent or guardian, with the relation and whether he or she has gezag.</summary>
public sealed class LeerlingOuder : ISchoolOwned
{
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    public Guid OuderId { get; set; }
    public Ouder? Ouder { get; set; }
    public OuderRelatie Relatie { get; set; }
    /// <summary>Ouderlijk gezag: only a parent with gezag decides on consent and the OPP.</summary>
    public bool Gezag { get; set; } = true;
}
