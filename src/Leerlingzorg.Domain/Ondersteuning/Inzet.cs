namespace Leerlingzorg.Domain.Ondersteuning;

public enum InzetStatus
{
    /// <summary>Waiting for a place (the offer is full).</summary>
    Wachtlijst = 1,
    Actief = 2,
    /// <summary>Ended with an evaluation.</summary>
    Afgerond = 3,
    /// <summary>Ended without running its course (consent withdrawn, student left, no longer needed).</summary>
    Gestopt = 4,
}

/// <summary>How an evaluated intervention went against its goal.</summary>
public enum InzetUitkomst
{
    DoelBereikt = 1,
    DeelsBereikt = 2,
    NietBereikt = 3,
}

/// <summary>
/// An intervention (inzet): support from the school's offer for one student, with a goal, an owner, a rhythm and a next
/// review; evaluated at the end. A Zorg-level dossier entry.
/// </summary>
public sealed class Inzet : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    public Guid AanbodId { get; set; }
    public Ondersteuningsaanbod? Aanbod { get; set; }
    public required string Doel { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly? GeplandEinde { get; set; }
    public Guid EigenaarId { get; set; }
    /// <summary>"2 uur per week", "wekelijks".</summary>
    public string? Frequentie { get; set; }
    public DateOnly? VolgendeEvaluatie { get; set; }
    public InzetStatus Status { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public Guid AangemaaktDoor { get; set; }
    /// <summary>When the student was put on the waiting list (for its order).</summary>
    public DateTimeOffset? WachtlijstSinds { get; set; }
    public DateOnly? BeeindigdOp { get; set; }
    public InzetUitkomst? Uitkomst { get; set; }
    public string? Evaluatie { get; set; }
    /// <summary>The consent it needs was withdrawn while it ran: flagged to its owner until he acts.</summary>
    public DateTimeOffset? ToestemmingIngetrokkenOp { get; set; }
    /// <summary>Optimistic concurrency: two people evaluating at once.</summary>
    public int Versie { get; set; } = 1;
}
