using Leerlingzorg.Domain.Plannen;

namespace Leerlingzorg.Web.Features.Planversies;

/// <summary>A line of the handelingsdeel on one side, marked when the other side does not have it as it is.</summary>
public sealed record HandelingsdeelRegel(string Tekst, bool Gewijzigd);

/// <summary>One section side by side; <see cref="Gewijzigd"/> when the texts differ.</summary>
public sealed record SectieVergelijking(string Naam, string? Links, string? Rechts)
{
    public bool Gewijzigd => !string.Equals(Links ?? "", Rechts ?? "", StringComparison.Ordinal);
}

/// <summary>A version number with its status, for the choice of versions.</summary>
public sealed record VersieKeuze(Guid Id, int Nummer, PlanStatus Status);

/// <summary>
/// Two versions of one plan side by side: the handelingsdeel first (what the parents consent to), its changed lines
/// marked, then every other section with a "gewijzigd" marker.
/// </summary>
public sealed record PlanVergelijking(
    Guid PlanId, Guid LeerlingId, string Leerling, PlanSoort Soort, int? InWerking, IReadOnlyList<VersieKeuze> Versies,
    PlanversieWeergave Links, PlanversieWeergave Rechts,
    IReadOnlyList<HandelingsdeelRegel> HandelingsdeelLinks, IReadOnlyList<HandelingsdeelRegel> HandelingsdeelRechts,
    IReadOnlyList<SectieVergelijking> Secties)
{
    public bool HandelingsdeelGewijzigd => Rechts.Inhoud.HandelingsdeelVerschiltVan(Links.Inhoud);

    public static PlanVergelijking Van(Plan plan, PlanversieWeergave links, PlanversieWeergave rechts)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(rechts);
        var linksRegels = links.Inhoud.Handelingsdeel.ToList();
        var rechtsRegels = rechts.Inhoud.Handelingsdeel.ToList();
        var metJeugdhulp = links.Inhoud.Jeugdhulp is not null || rechts.Inhoud.Jeugdhulp is not null;
        var secties = PlanSecties.Van(links.Inhoud, metJeugdhulp).Zip(PlanSecties.Van(rechts.Inhoud, metJeugdhulp),
            (l, r) => new SectieVergelijking(l.Naam, l.Tekst, r.Tekst)).ToList();
        return new PlanVergelijking(plan.Id, plan.LeerlingId, links.Leerling, plan.Soort, plan.InWerking?.Nummer,
            [.. plan.Versies.OrderBy(v => v.Nummer).Select(v => new VersieKeuze(v.Id, v.Nummer, v.Status))],
            links, rechts,
            [.. linksRegels.Select(r => new HandelingsdeelRegel(PlanSecties.Regel(r), !rechtsRegels.Contains(r)))],
            [.. rechtsRegels.Select(r => new HandelingsdeelRegel(PlanSecties.Regel(r), !linksRegels.Contains(r)))],
            secties);
    }
}
