using System.Linq.Expressions;

namespace Leerlingzorg.Domain.Dossier;

/// <summary>An agreed action: what, who, by when; evaluated at the latest at the next leerlingbespreking.</summary>
public sealed class Afspraak : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    public Guid? GesprekId { get; set; }
    /// <summary>Made in a meeting, for this student's part of its agenda: evaluated at the latest at the next one.</summary>
    public Guid? AgendapuntId { get; set; }
    public required string Wat { get; set; }
    public Guid EigenaarId { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public DateTimeOffset? AfgerondOp { get; set; }
    public string? Evaluatie { get; set; }

    public bool IsAfgerond => AfgerondOp is not null;

    /// <summary>
    /// Overdue: open, and the deadline was before today (on the deadline day itself it is not overdue yet). The one
    /// definition: rows and pages call <see cref="IsVerlopenOp"/>, database queries use <see cref="Verlopen"/>.
    /// </summary>
    public bool IsVerlopen(DateOnly vandaag) => IsVerlopenOp(Deadline, IsAfgerond, vandaag);

    public static bool IsVerlopenOp(DateOnly? deadline, bool afgerond, DateOnly vandaag) => !afgerond && deadline is { } d && d < vandaag;

    /// <summary><see cref="IsVerlopenOp"/> as a database predicate, for lists, counts and dashboards.</summary>
    public static Expression<Func<Afspraak, bool>> Verlopen(DateOnly vandaag) =>
        a => a.AfgerondOp == null && a.Deadline != null && a.Deadline < vandaag;

    /// <summary>
    /// The author corrects what was agreed, who does it or by when; returns whether anything changed. A finished
    /// afspraak is history (its evaluation is about what it said): it is not changed.
    /// </summary>
    public bool Corrigeer(string wat, Guid eigenaarId, DateOnly? deadline)
    {
        if (IsAfgerond)
        {
            throw new InvalidOperationException("Een afgeronde afspraak wordt niet meer gewijzigd.");
        }
        if (string.IsNullOrWhiteSpace(wat))
        {
            throw new ArgumentException("Wat er is afgesproken is verplicht.", nameof(wat));
        }
        wat = wat.Trim();
        if (Wat == wat && EigenaarId == eigenaarId && Deadline == deadline)
        {
            return false;
        }
        (Wat, EigenaarId, Deadline) = (wat, eigenaarId, deadline);
        return true;
    }

    public void RondAf(string evaluatie, DateTimeOffset op)
    {
        if (string.IsNullOrWhiteSpace(evaluatie))
        {
            throw new ArgumentException("Een evaluatie is verplicht.", nameof(evaluatie));
        }
        AfgerondOp = op;
        Evaluatie = evaluatie.Trim();
    }
}
