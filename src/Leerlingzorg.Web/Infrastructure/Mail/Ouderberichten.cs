using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Infrastructure.Mail;

/// <summary>What waits for a parent in the portal. The mail names the kind, never the content.</summary>
public enum Ouderbericht
{
    /// <summary>The handelingsdeel of an OPP version waits for his decision.</summary>
    OppTerInstemming = 1,
    /// <summary>The school asks his consent.</summary>
    ToestemmingGevraagd = 2,
    /// <summary>A handelingsplan was adopted (parents are informed, not asked).</summary>
    HandelingsplanVastgesteld = 3,
}

/// <summary>
/// Tells parents by e-mail that something waits for them in the portal, with a link and never the content (issue 11,
/// Deliver 5), in the parent's language (Dutch, or English when his voorkeurstaal says so). Only parents with a portal
/// account and an address get one. Called with the handler's context before its save: the mails join the durable queue
/// (<see cref="Mailbericht"/>) in the same transaction as the decision, and <see cref="Mailbezorger"/> delivers them.
/// </summary>
public sealed class Ouderberichten(TimeProvider time)
{
    public async Task MeldAsync(LeerlingzorgDbContext db, IReadOnlyCollection<Guid> ouderIds, Ouderbericht bericht, Uri link,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ouderIds);
        ArgumentNullException.ThrowIfNull(link);
        var ontvangers = await db.Ouders.AsNoTracking()
            .Where(o => ouderIds.Contains(o.Id) && o.GebruikerId != null)
            .Join(db.Users, o => o.GebruikerId, u => u.Id, (o, u) => new { Gebruiker = u, o.Voorkeurstaal })
            .ToListAsync(cancellationToken);
        var nu = time.GetUtcNow();
        foreach (var ontvanger in ontvangers.Where(o => !string.IsNullOrWhiteSpace(o.Gebruiker.Email)))
        {
            var (onderwerp, tekst) = Tekst(bericht, IsEngels(ontvanger.Voorkeurstaal));
            db.Mailberichten.Add(Mailbericht.Nieuw(db.SchoolId, ontvanger.Gebruiker.Id, ontvanger.Gebruiker.Email!, onderwerp, tekst, link.ToString(), nu));
        }
    }

    /// <summary>English for a parent whose voorkeurstaal is English; Dutch otherwise (the portal's two languages).</summary>
    public static bool IsEngels(string? voorkeurstaal) =>
        voorkeurstaal?.Trim().ToLowerInvariant() is "engels" or "english" or "en";

    public static (string Onderwerp, string Tekst) Tekst(Ouderbericht bericht, bool engels) => (bericht, engels) switch
    {
        (Ouderbericht.OppTerInstemming, false) => ("Er wacht een plan op uw instemming",
            "De school vraagt uw instemming met het handelingsdeel van het ontwikkelingsperspectiefplan (OPP) van uw kind. Log in op het ouderportaal met de link hieronder om het te lezen en te beslissen."),
        (Ouderbericht.OppTerInstemming, true) => ("A plan is waiting for your approval",
            "The school asks your approval of the support part (handelingsdeel) of your child's development plan (OPP). Sign in to the parent portal with the link below to read it and decide."),
        (Ouderbericht.ToestemmingGevraagd, false) => ("De school vraagt uw toestemming",
            "De school vraagt uw toestemming voor een stap in de begeleiding van uw kind. Log in op het ouderportaal met de link hieronder om het verzoek te lezen en te beantwoorden."),
        (Ouderbericht.ToestemmingGevraagd, true) => ("The school asks your consent",
            "The school asks your consent for a step in your child's support. Sign in to the parent portal with the link below to read the request and answer it."),
        (Ouderbericht.HandelingsplanVastgesteld, false) => ("Nieuw plan voor uw kind",
            "De school heeft een handelingsplan voor uw kind vastgesteld. U leest het in het ouderportaal met de link hieronder."),
        (Ouderbericht.HandelingsplanVastgesteld, true) => ("New plan for your child",
            "The school has adopted a support plan (handelingsplan) for your child. You can read it in the parent portal with the link below."),
        _ => throw new ArgumentOutOfRangeException(nameof(bericht)),
    };
}
