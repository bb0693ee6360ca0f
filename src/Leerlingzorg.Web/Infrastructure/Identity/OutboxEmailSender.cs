using System.Net;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Leerlingzorg.Web.Infrastructure.Identity;

/// <summary>A mail as the outbox keeps it. <see cref="Link"/> is the plain (not HTML-encoded) link in it.</summary>
public sealed record OutboxMail(Guid Id, DateTimeOffset Tijd, Guid GebruikerId, Guid? SchoolId, string Aan, string Onderwerp, string Tekst, string? Link);

/// <summary>The account mails beyond Identity's own three: the invitation of a new staff member.</summary>
public interface IUitnodigingMailer
{
    /// <param name="link">The plain link to set a password (not HTML-encoded).</param>
    Task SendUitnodigingAsync(Gebruiker user, string email, string link);
}

/// <summary>The last <see cref="Capaciteit"/> mails sent, in memory, newest first. For the development outbox page and tests.</summary>
public sealed class MailOutbox(TimeProvider time)
{
    public const int Capaciteit = 200;

    private readonly LinkedList<OutboxMail> mails = new();
    private readonly Lock sync = new();

    public OutboxMail Add(Gebruiker user, string aan, string onderwerp, string tekst, string? link)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Add(user.Id, user.SchoolId, aan, onderwerp, tekst, link);
    }

    public OutboxMail Add(Guid gebruikerId, Guid? schoolId, string aan, string onderwerp, string tekst, string? link)
    {
        var mail = new OutboxMail(Guid.CreateVersion7(), time.GetUtcNow(), gebruikerId, schoolId, aan, onderwerp, tekst, link);
        lock (sync)
        {
            mails.AddFirst(mail);
            while (mails.Count > Capaciteit)
            {
                mails.RemoveLast();
            }
        }
        return mail;
    }

    public IReadOnlyList<OutboxMail> Alle()
    {
        lock (sync)
        {
            return [.. mails];
        }
    }
}

/// <summary>
/// Puts the account mails into the durable mail queue (<see cref="Mail.Mailbericht"/>, in the addressee's school) and
/// logs their subject (and in Development the link), never the address. The <see cref="Mail.Mailbezorger"/> delivers
/// them: to SMTP in production, to the in-memory outbox in Development.
/// </summary>
internal sealed partial class OutboxEmailSender(
    PooledDbContextFactory<LeerlingzorgDbContext> pool, TimeProvider time, IHostEnvironment environment, ILogger<OutboxEmailSender> logger)
    : IEmailSender<Gebruiker>, IUitnodigingMailer
{
    // Identity hands links over HTML-encoded (ready for an HTML body); the outbox keeps them plain.
    public Task SendConfirmationLinkAsync(Gebruiker user, string email, string confirmationLink) =>
        Verstuur(user, email, "Bevestig uw e-mailadres",
            "Bevestig uw e-mailadres voor Leerlingzorg met de link hieronder.", WebUtility.HtmlDecode(confirmationLink));

    public Task SendPasswordResetLinkAsync(Gebruiker user, string email, string resetLink) =>
        Verstuur(user, email, "Nieuw wachtwoord instellen",
            "U heeft gevraagd om een nieuw wachtwoord voor Leerlingzorg. Kies het met de link hieronder. Heeft u dit niet gevraagd, dan kunt u deze e-mail negeren.",
            WebUtility.HtmlDecode(resetLink));

    public Task SendPasswordResetCodeAsync(Gebruiker user, string email, string resetCode) =>
        Verstuur(user, email, "Code voor een nieuw wachtwoord", $"Uw code voor een nieuw wachtwoord: {resetCode}", null);

    public Task SendUitnodigingAsync(Gebruiker user, string email, string link) =>
        Verstuur(user, email, "Uitnodiging voor Leerlingzorg",
            $"Beste {user?.Voornaam}, u bent uitgenodigd voor Leerlingzorg, het leerlingvolgsysteem voor de begeleiding van leerlingen. "
            + "Kies met de link hieronder een wachtwoord van minstens 12 tekens en log daarna in met dit e-mailadres. De link is één dag geldig; "
            + "is hij verlopen, vraag dan de functioneel beheerder van uw school om een nieuwe uitnodiging.",
            link);

    private async Task Verstuur(Gebruiker user, string email, string onderwerp, string tekst, string? link)
    {
        ArgumentNullException.ThrowIfNull(user);
        // The system queues the mail in the addressee's school (an anonymous reset request has no current school).
        await using var db = await pool.CreateDbContextAsync();
        db.BindToSchool(user.SchoolId);
        db.Mailberichten.Add(Mail.Mailbericht.Nieuw(user.SchoolId, user.Id, email, onderwerp, tekst, link, time.GetUtcNow()));
        await db.SaveChangesAsync();
        // A sign-in link in a log is a key to an account: only a developer's log may hold it.
        LogMail(user.Id, onderwerp, environment.IsDevelopment() ? link ?? "(geen link)" : "(link niet gelogd)");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail voor gebruiker {GebruikerId}: {Onderwerp}: {Link}")]
    private partial void LogMail(Guid gebruikerId, string onderwerp, string link);
}

public static class OutboxEmailSenderSetup
{
    /// <summary>Account mails go to the mail queue (and the log). One sender serves both mail interfaces.</summary>
    public static IServiceCollection AddOutboxEmailSender(this IServiceCollection services)
    {
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<IEmailSender<Gebruiker>>(sp => sp.GetRequiredService<OutboxEmailSender>());
        services.AddSingleton<IUitnodigingMailer>(sp => sp.GetRequiredService<OutboxEmailSender>());
        return services;
    }
}
