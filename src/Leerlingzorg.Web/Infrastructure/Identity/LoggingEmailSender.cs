using Microsoft.AspNetCore.Identity;

namespace Leerlingzorg.Web.Infrastructure.Identity;

/// <summary>
/// Until mail delivery is configured, account mails (password reset) are written to the log, without the
/// address, so that a developer or administrator can follow the link.
/// </summary>
internal sealed partial class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender<Gebruiker>
{
    public Task SendConfirmationLinkAsync(Gebruiker user, string email, string confirmationLink) =>
        Log(user, "Bevestig uw e-mailadres", confirmationLink);

    public Task SendPasswordResetLinkAsync(Gebruiker user, string email, string resetLink) =>
        Log(user, "Nieuw wachtwoord instellen", resetLink);

    public Task SendPasswordResetCodeAsync(Gebruiker user, string email, string resetCode) =>
        Log(user, "Code voor een nieuw wachtwoord", resetCode);

    private Task Log(Gebruiker user, string onderwerp, string inhoud)
    {
        LogMail(user.Id, onderwerp, inhoud);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail voor gebruiker {GebruikerId}: {Onderwerp}: {Inhoud}")]
    private partial void LogMail(Guid gebruikerId, string onderwerp, string inhoud);
}
