using System.Globalization;
using Leerlingzorg.Domain.Organisatie;

namespace Leerlingzorg.Domain.Aanvragen;

/// <summary>The yearly budget of a samenwerkingsverband for arrangements (issue 12); one per SWV and schooljaar.</summary>
public sealed class Swvbudget : ISwvOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SwvId { get; set; }
    public Schooljaar Schooljaar { get; set; }
    public decimal Bedrag { get; set; }
    public int Versie { get; set; }

    /// <summary>Sets the amount; refused below what was already granted this year.</summary>
    public string? StelVast(decimal bedrag, decimal alToegekend)
    {
        if (bedrag < 0)
        {
            return "Het budget kan niet negatief zijn.";
        }
        if (bedrag < alToegekend)
        {
            return $"Het budget kan niet lager zijn dan wat dit schooljaar al is toegekend ({Budgetstand.Euro(alToegekend)}).";
        }
        Bedrag = bedrag;
        Versie++;
        return null;
    }
}

/// <summary>Spending against a granted arrangement: what the SWV paid, to which school, when.</summary>
public sealed class Besteding : ISwvOwned
{
    public const int MaxOmschrijving = 500;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SwvId { get; set; }
    public Guid AanvraagId { get; set; }
    /// <summary>The school the money went to (the application's sender); not a tenancy column.</summary>
    public Guid OntvangendeSchoolId { get; set; }
    public decimal Bedrag { get; set; }
    public DateOnly Datum { get; set; }
    public string Omschrijving { get; set; } = "";
    public Guid DoorId { get; set; }
    public DateTimeOffset Op { get; set; }
}

/// <summary>The budget of one schooljaar: set, granted, spent and what is left to grant.</summary>
public sealed record Budgetstand(Schooljaar Schooljaar, decimal? Budget, decimal Toegekend, decimal Besteed)
{
    /// <summary>What can still be granted: the budget minus what was granted this year (spending is within the grants).</summary>
    public decimal Over => (Budget ?? 0) - Toegekend;

    /// <summary>Null when <paramref name="bedrag"/> fits in what is left; otherwise the Dutch reason, with what is left.</summary>
    public string? Controleer(decimal bedrag)
    {
        if (Budget is null)
        {
            return $"Voor schooljaar {Schooljaar} is nog geen budget vastgesteld; stel eerst het budget vast.";
        }
        return bedrag > Over
            ? $"Dit bedrag ({Euro(bedrag)}) is hoger dan het budget dat over is voor schooljaar {Schooljaar}: {Euro(Over)}."
            : null;
    }

    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public static string Euro(decimal bedrag) => bedrag.ToString("C2", Nl);
}
