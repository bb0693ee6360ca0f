namespace Leerlingzorg.Domain.Import;

/// <summary>The school's last column mapping for a kind of import, offered again at the next upload.</summary>
public sealed class ImportKoppeling : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public required string Soort { get; set; }
    /// <summary>JSON object: target field → source column header.</summary>
    public required string KolommenJson { get; set; }
    public DateTimeOffset GewijzigdOp { get; set; }
}
