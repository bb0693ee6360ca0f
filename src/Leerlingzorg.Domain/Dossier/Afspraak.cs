namespace Leerlingzorg.Domain.Dossier;

/// <summary>An agreed action: what, who, by when; evaluated at the latest at the next leerlingbespreking.</summary>
public sealed class Afspraak : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid LeerlingId { get; set; }
    public Guid? GesprekId { get; set; }
    public required string Wat { get; set; }
    public Guid EigenaarId { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public DateTimeOffset? AfgerondOp { get; set; }
    public string? Evaluatie { get; set; }

    public bool IsAfgerond => AfgerondOp is not null;

    public bool IsVerlopen(DateOnly vandaag) => !IsAfgerond && Deadline is { } d && d < vandaag;

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
