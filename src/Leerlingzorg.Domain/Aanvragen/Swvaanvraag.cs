using Leerlingzorg.Domain.Plannen;

namespace Leerlingzorg.Domain.Aanvragen;

/// <summary>What a school asks its samenwerkingsverband (seeds 001, 003, 004; issue 12).</summary>
public enum Aanvraagsoort
{
    /// <summary>A student the school cannot help further, brought to the CTO for advice on the next steps.</summary>
    CtoAdvies = 1,
    /// <summary>An individual arrangement: support beyond what the school can give, paid by the SWV.</summary>
    Individueel = 2,
    /// <summary>A group arrangement: the same application for a group of students.</summary>
    Groep = 3,
    /// <summary>A toelaatbaarheidsverklaring for VSO or praktijkonderwijs: two deskundigen advise; a duration and a category.</summary>
    Tlv = 4,
}

/// <summary>Where an application stands at the SWV.</summary>
public enum Aanvraagstatus
{
    Ingediend = 1,
    /// <summary>The SWV took it up (assessments, a CTO meeting planned).</summary>
    InBehandeling = 2,
    Besloten = 3,
    /// <summary>The school withdrew it before a decision.</summary>
    Ingetrokken = 4,
}

/// <summary>The SWV's answer.</summary>
public enum Besluituitkomst
{
    Toegekend = 1,
    DeelsToegekend = 2,
    Afgewezen = 3,
    /// <summary>The CTO gave its advice (a CTO referral is advised, not granted).</summary>
    Geadviseerd = 4,
}

/// <summary>The few identifying fields the SWV needs of the student; never the dossier (ADR 0010).</summary>
public sealed record Leerlinggegevens(string Naam, DateOnly Geboortedatum, string? Leerjaar, string? Niveau);

/// <summary>A document the school chose to send along (its text as sent).</summary>
public sealed record Bijlage(string Titel, string Tekst);

/// <summary>
/// What the school sent, copied at the moment of sending: a summary, the chosen OPP version (its number, the date it
/// took effect and its text) and the chosen attachments. Later edits at the school never change it.
/// </summary>
public sealed record Aanvraagsnapshot
{
    public string Samenvatting { get; init; } = "";
    public int? OppVersie { get; init; }
    public DateOnly? OppVanKrachtSinds { get; init; }
    public PlanInhoud? Opp { get; init; }
    public IReadOnlyList<Bijlage> Bijlagen { get; init; } = [];
}

/// <summary>The support asked for in an arrangement or TLV application: kind, intensity, period and cost.</summary>
public sealed record GevraagdeOndersteuning(string Soort, string? Intensiteit, DateOnly Van, DateOnly Tot, decimal Kosten);

/// <summary>
/// One application of a school to its samenwerkingsverband (ADR 0010): a CTO referral, an individual or group
/// arrangement, or a TLV. The school sends it with a snapshot; from then on only the SWV changes it. The SWV's decision
/// is written on this row, which the sending school reads: that is how it lands on the student's timeline.
/// </summary>
public sealed partial class Swvaanvraag : ISwvIngediend
{
    public const int MaxVraag = 4_000;
    public const int MaxBesluittekst = 4_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SwvId { get; set; }
    public Guid SchoolId { get; set; }
    /// <summary>The student at the school (an id in the school's tenancy; the SWV cannot follow it). Null for a group arrangement.</summary>
    public Guid? LeerlingId { get; set; }
    public Aanvraagsoort Soort { get; set; }
    public Aanvraagstatus Status { get; set; } = Aanvraagstatus.Ingediend;
    /// <summary>The school's question to the SWV.</summary>
    public string Vraag { get; set; } = "";
    public Leerlinggegevens? Leerling { get; set; }
    public Aanvraagsnapshot Snapshot { get; set; } = new();
    public GevraagdeOndersteuning? Gevraagd { get; set; }
    /// <summary>The TLV category asked for or granted ("laag", "midden", "hoog").</summary>
    public string? TlvCategorie { get; set; }

    public DateTimeOffset IngediendOp { get; set; }
    public Guid IngediendDoor { get; set; }
    /// <summary>Name and function of the sender as the SWV sees them ("A. de Boer, zorgcoördinator").</summary>
    public string IngediendDoorNaam { get; set; } = "";

    /// <summary>The CTO meeting this referral is planned in.</summary>
    public DateTimeOffset? GeplandOp { get; set; }

    public Besluituitkomst? Uitkomst { get; set; }
    public decimal? ToegekendBedrag { get; set; }
    public DateOnly? ToegekendVan { get; set; }
    public DateOnly? ToegekendTot { get; set; }
    /// <summary>The advice, or the reason of the decision; the school reads it.</summary>
    public string? Besluittekst { get; set; }
    public DateTimeOffset? BesluitOp { get; set; }
    public string? BesluitDoorNaam { get; set; }

    /// <summary>Optimistic concurrency: raised by every change.</summary>
    public int Versie { get; set; }
}

/// <summary>Who assesses an application at the SWV (seed 003: an orthopedagoog/psycholoog and a manager; a TLV: two deskundigen).</summary>
public enum Beoordelaarsrol
{
    Orthopedagoog = 1,
    Psycholoog = 2,
    Manager = 3,
    Deskundige = 4,
}

/// <summary>One assessment of an application, SWV-internal: the school never sees it, only the decision.</summary>
public sealed class Beoordeling : ISwvOwned
{
    public const int MaxToelichting = 4_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SwvId { get; set; }
    public Guid AanvraagId { get; set; }
    public Beoordelaarsrol Rol { get; set; }
    public Guid DoorId { get; set; }
    public string DoorNaam { get; set; } = "";
    /// <summary>Whether the assessor supports the application.</summary>
    public bool Positief { get; set; }
    public string Toelichting { get; set; } = "";
    public DateTimeOffset Op { get; set; }
}
