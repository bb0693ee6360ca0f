using Leerlingzorg.Web.Infrastructure.Identity;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Leerlingzorg.Web.Infrastructure.Mail;

/// <summary>Delivers one mail of the queue; throws when it could not (the <see cref="Mailbezorger"/> retries).</summary>
public interface IMailVerzender
{
    Task VerzendAsync(Mailbericht mail, CancellationToken cancellationToken);
}

/// <summary>Development and tests (no SMTP host configured): the mail goes to the in-memory <see cref="MailOutbox"/>.</summary>
public sealed class OutboxVerzender(MailOutbox outbox) : IMailVerzender
{
    public Task VerzendAsync(Mailbericht mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        outbox.Add(mail.GebruikerId, mail.SchoolId, mail.Aan, mail.Onderwerp, mail.Tekst, mail.Link);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Production: MailKit to the SMTP server of <c>Mail:Smtp:Host</c>, <c>Port</c> (587), <c>Gebruiker</c>,
/// <c>Wachtwoord</c> and <c>Afzender</c>. Plain text: the text, then the link on its own line.
/// </summary>
public sealed class SmtpVerzender(IConfiguration configuration) : IMailVerzender
{
    public async Task VerzendAsync(Mailbericht mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var smtp = configuration.GetSection("Mail:Smtp");
        var bericht = new MimeMessage();
        bericht.From.Add(MailboxAddress.Parse(smtp["Afzender"] ?? "leerlingzorg@localhost"));
        bericht.To.Add(MailboxAddress.Parse(mail.Aan));
        bericht.Subject = mail.Onderwerp;
        bericht.Body = new TextPart("plain") { Text = mail.Link is null ? mail.Tekst : $"{mail.Tekst}\n\n{mail.Link}\n" };
        using var client = new SmtpClient();
        var host = smtp["Host"] ?? throw new InvalidOperationException("Mail:Smtp:Host ontbreekt.");
        await client.ConnectAsync(host, smtp.GetValue("Port", 587), SecureSocketOptions.Auto, cancellationToken);
        if (smtp["Gebruiker"] is { Length: > 0 } gebruiker)
        {
            await client.AuthenticateAsync(gebruiker, smtp["Wachtwoord"] ?? "", cancellationToken);
        }
        await client.SendAsync(bericht, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    /// <summary>What the queue keeps of a failure: the SMTP status or the exception's type, never its message (it may quote an address).</summary>
    public static string Fout(Exception e) => e switch
    {
        SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} ({smtp.ErrorCode})",
        SmtpProtocolException => "SMTP-protocolfout",
        AuthenticationException => "SMTP-aanmelding geweigerd",
        _ => e.GetType().Name,
    };
}
