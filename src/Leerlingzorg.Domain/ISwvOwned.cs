namespace Leerlingzorg.Domain;

/// <summary>
/// A row that belongs to exactly one samenwerkingsverband, the second kind of tenant (ADR 0010): only that SWV's staff
/// see it. The persistence layer guards it like a school's row: a query filter, a save check and row-level security on
/// <c>app.swv_id</c>.
/// </summary>
public interface ISwvOwned
{
    Guid SwvId { get; set; }
}

/// <summary>
/// What a school sent to its samenwerkingsverband (ADR 0010): owned by the SWV, read (never changed) by the sending
/// school, which is how the SWV's decision reaches the student's timeline. Another school of the same SWV sees nothing.
/// </summary>
public interface ISwvIngediend : ISwvOwned
{
    /// <summary>The school that sent it.</summary>
    Guid SchoolId { get; set; }
}
