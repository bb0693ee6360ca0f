namespace Leerlingzorg.Domain.Audit;

/// <summary>
/// One line of the append-only audit log (NEN 7513-style): who, in which role, when, which student,
/// what and why. The application may insert these rows, never change or remove them.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>The school whose data was touched; null for an SWV user acting outside a school.</summary>
    public Guid? SchoolId { get; set; }
    /// <summary>The samenwerkingsverband whose staff acted (ADR 0010); null for a school's user. Only that SWV reads the line.</summary>
    public Guid? SwvId { get; set; }
    public Guid? GebruikerId { get; set; }
    /// <summary>The roles the user acted in, comma separated.</summary>
    public required string Rol { get; set; }
    public DateTimeOffset Tijdstip { get; set; }
    public Guid? LeerlingId { get; set; }
    public AuditActie Actie { get; set; }
    /// <summary>What was read or written, without personal data in free text (e.g. "klas 2B").</summary>
    public required string Detail { get; set; }
}

public enum AuditActie
{
    Lezen,
    Aanmaken,
    Wijzigen,
    Verwijderen,
    Inloggen,
    Exporteren,
}
