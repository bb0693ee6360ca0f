namespace Leerlingzorg.Web.Infrastructure.Mail;

/// <summary>Where a mail in the queue is: waiting (also between attempts), sent, or given up after <see cref="Mailbericht.MaxPogingen"/>.</summary>
public enum MailStatus
{
    Wachtend = 0,
    Verzonden = 1,
    Mislukt = 2,
}

/// <summary>
/// One mail in the durable queue (table <c>mailberichten</c>): written in the same transaction as the decision that
/// causes it, delivered by <see cref="Mailbezorger"/>, retried with backoff. The row belongs to the school of the
/// addressee; an account mail of a partnership user (who has no school) has no school (see the migration's policy).
/// <see cref="LaatsteFout"/> holds an exception type or SMTP status, never an address or content.
/// </summary>
public sealed class Mailbericht
{
    /// <summary>After this many failed attempts the mail is <see cref="MailStatus.Mislukt"/>.</summary>
    public const int MaxPogingen = 6;

    public const int AanLengte = 320;
    public const int OnderwerpLengte = 200;
    public const int LinkLengte = 2000;
    public const int FoutLengte = 200;

    // Wait after attempt 1, 2, 3, ... fails.
    private static readonly TimeSpan[] Wachttijden =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(240)];

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid? SchoolId { get; set; }
    public Guid GebruikerId { get; init; }
    public required string Aan { get; init; }
    public required string Onderwerp { get; init; }
    public required string Tekst { get; set; }
    public string? Link { get; set; }
    public DateTimeOffset AangemaaktOp { get; init; }
    public DateTimeOffset VolgendePoging { get; set; }
    public int Pogingen { get; set; }
    public DateTimeOffset? VerzondenOp { get; set; }
    public string? LaatsteFout { get; set; }
    public MailStatus Status { get; set; }

    public static Mailbericht Nieuw(Guid? schoolId, Guid gebruikerId, string aan, string onderwerp, string tekst, string? link, DateTimeOffset nu)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aan);
        ArgumentNullException.ThrowIfNull(onderwerp);
        ArgumentNullException.ThrowIfNull(tekst);
        return new Mailbericht
        {
            SchoolId = schoolId, GebruikerId = gebruikerId, Aan = aan.Trim(), Onderwerp = onderwerp, Tekst = tekst, Link = link,
            AangemaaktOp = nu, VolgendePoging = nu, Status = MailStatus.Wachtend,
        };
    }

    /// <summary>Sent: the link (which may be a sign-in key) and the text are no longer kept.</summary>
    public void Verzonden(DateTimeOffset nu)
    {
        Pogingen++;
        Status = MailStatus.Verzonden;
        VerzondenOp = nu;
        LaatsteFout = null;
        Link = null;
        Tekst = "";
    }

    /// <summary>An attempt failed: try again after 1, 5, 15, 60, 240 minutes, and give up after <see cref="MaxPogingen"/>.</summary>
    public void Mislukt(string fout, DateTimeOffset nu)
    {
        ArgumentNullException.ThrowIfNull(fout);
        Pogingen++;
        LaatsteFout = fout.Length > FoutLengte ? fout[..FoutLengte] : fout;
        if (Pogingen >= MaxPogingen)
        {
            Status = MailStatus.Mislukt;
            return;
        }
        VolgendePoging = nu + Wachttijden[Math.Min(Pogingen, Wachttijden.Length) - 1];
    }

    /// <summary>The beheerder tries a failed mail again: a fresh series of attempts, now.</summary>
    public bool Opnieuw(DateTimeOffset nu)
    {
        if (Status != MailStatus.Mislukt)
        {
            return false;
        }
        Status = MailStatus.Wachtend;
        Pogingen = 0;
        VolgendePoging = nu;
        return true;
    }

    /// <summary>"m***@ouders.example": enough for a beheerder to recognise, not to read the whole address.</summary>
    public static string Gemaskeerd(string adres)
    {
        ArgumentNullException.ThrowIfNull(adres);
        var at = adres.LastIndexOf('@');
        return at <= 0 ? "***" : $"{adres[0]}***{adres[at..]}";
    }
}
