namespace Leerlingzorg.Domain;

/// <summary>
/// A row that belongs to exactly one school (the tenant). The persistence layer guards every such row
/// with a query filter, a save check and PostgreSQL row-level security.
/// </summary>
public interface ISchoolOwned
{
    Guid SchoolId { get; set; }
}
