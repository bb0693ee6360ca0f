using FluentValidation;
using Leerlingzorg.Domain.Verwijsindex;

namespace Leerlingzorg.Web.Features.Verwijsindex;

/// <summary>Who was told about the registration, when and how.</summary>
public sealed class InformerenInvoer : ISignaleringWijziging
{
    /// <summary>The value of <see cref="Wie"/> for the student himself.</summary>
    public const string DeLeerlingZelf = "leerling";

    public Guid SignaleringId { get; set; }
    public int Versie { get; set; }
    /// <summary>The ouder's id, or <see cref="DeLeerlingZelf"/>.</summary>
    public string? Wie { get; set; }
    public DateTime? Op { get; set; }
    public InformeerWijze? Wijze { get; set; }

    public Guid? OuderId => Guid.TryParse(Wie, out var id) ? id : null;
}

public sealed class InformerenInvoerValidator : AbstractValidator<InformerenInvoer>
{
    public InformerenInvoerValidator()
    {
        RuleFor(x => x.Wie).Must(w => w == InformerenInvoer.DeLeerlingZelf || Guid.TryParse(w, out _)).WithMessage("Kies wie er is geïnformeerd.");
        RuleFor(x => x.Op).NotNull().WithMessage("Vul de datum in waarop er is geïnformeerd.");
        RuleFor(x => x.Wijze).NotNull().WithMessage("Kies hoe er is geïnformeerd.");
    }
}

/// <summary>Records that an ouder with gezag or the student was told (<see cref="Signalering.Informeer"/>); only the zorgcoördinator.</summary>
public sealed class InformerenVastleggenHandler(SignaleringWijzigenHandler wijzigen)
{
    public InformerenInvoerValidator Validator { get; } = new();

    public Task<Result<int>> HandleAsync(InformerenInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        return wijzigen.HandleAsync(invoer, Validator,
            (s, leerling, door, vandaag) => s.Informeer(leerling, invoer.OuderId, DateOnly.FromDateTime(invoer.Op!.Value), invoer.Wijze!.Value, door, vandaag),
            invoer.OuderId is { } ouder ? $"ouder {ouder} geïnformeerd" : "leerling geïnformeerd", cancellationToken);
    }
}
