using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Infrastructure;

public static class Mailbezorging
{
    /// <summary>
    /// Delivers the mail queue now (one round of the app's <see cref="Mailbezorger"/>; the polling loop is off in tests)
    /// and returns the outbox: for a test that reads the mail right after the action that queued it.
    /// </summary>
    public static async Task<IReadOnlyList<OutboxMail>> BezorgdeMailAsync(this TestApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<Mailbezorger>().BezorgAsync();
        return app.Services.GetRequiredService<MailOutbox>().Alle();
    }
}
