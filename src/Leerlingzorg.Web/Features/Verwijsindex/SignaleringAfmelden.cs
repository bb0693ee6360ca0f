using FluentValidation;
using Leerlingzorg.Domain.Verwijsindex;

namespace Leerlingzorg.Web.Features.Verwijsindex;

/// <summary>Removing the registration from the index: from which day, and why (a choice, no text).</summary>
public sealed class AfmeldenInvoer : ISignaleringWijziging
{
    public Guid SignaleringId { get; set; }
    public int Versie { get; set; }
    public DateTime? Op { get; set; }
    public AfmeldReden? Reden { get; set; }
}

public sealed class AfmeldenInvoerValidator : AbstractValidator<AfmeldenInvoer>
{
    public AfmeldenInvoerValidator()
    {
        RuleFor(x => x.Op).NotNull().WithMessage("Vul de datum van afmelden in.");
        RuleFor(x => x.Reden).NotNull().WithMessage("Kies waarom de signalering wordt afgemeld.");
    }
}

/// <summary>Removes a registration (<see cref="Signalering.MeldAf"/>), once; only the zorgcoördinator.</summary>
public sealed class SignaleringAfmeldenHandler(SignaleringWijzigenHandler wijzigen)
{
    public AfmeldenInvoerValidator Validator { get; } = new();

    public Task<Result<int>> HandleAsync(AfmeldenInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        return wijzigen.HandleAsync(invoer, Validator,
            (s, _, door, vandaag) => s.MeldAf(DateOnly.FromDateTime(invoer.Op!.Value), invoer.Reden!.Value, door, vandaag),
            $"afgemeld: {invoer.Reden}", cancellationToken);
    }
}
