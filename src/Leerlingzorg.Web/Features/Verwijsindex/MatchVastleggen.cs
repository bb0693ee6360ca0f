using FluentValidation;
using Leerlingzorg.Domain.Verwijsindex;

namespace Leerlingzorg.Web.Features.Verwijsindex;

/// <summary>A match the index reported: the day and the other organisation.</summary>
public sealed class MatchInvoer : ISignaleringWijziging
{
    public Guid SignaleringId { get; set; }
    public int Versie { get; set; }
    public DateTime? Op { get; set; }
    public string? Organisatie { get; set; }
}

public sealed class MatchInvoerValidator : AbstractValidator<MatchInvoer>
{
    public MatchInvoerValidator()
    {
        RuleFor(x => x.Op).NotNull().WithMessage("Vul de datum van de match in.");
        RuleFor(x => x.Organisatie).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul de organisatie in waarmee de match is.")
            .Tekst(Signalering.MaxOrganisatie).WithMessage(TekstRegels.Hooguit(Signalering.MaxOrganisatie));
    }
}

/// <summary>Records a match (<see cref="Signalering.LegMatchVast"/>); only the zorgcoördinator.</summary>
public sealed class MatchVastleggenHandler(SignaleringWijzigenHandler wijzigen)
{
    public MatchInvoerValidator Validator { get; } = new();

    public Task<Result<int>> HandleAsync(MatchInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        return wijzigen.HandleAsync(invoer, Validator,
            (s, _, door, vandaag) => s.LegMatchVast(DateOnly.FromDateTime(invoer.Op!.Value), invoer.Organisatie, door, vandaag),
            "match vastgelegd", cancellationToken);
    }
}
