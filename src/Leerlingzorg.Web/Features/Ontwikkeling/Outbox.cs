using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Tenancy;

namespace Leerlingzorg.Web.Features.Ontwikkeling;

/// <summary>
/// The development outbox: the mails of the current school's users, newest first, for a Beheerder in Development.
/// Elsewhere the page does not exist.
/// </summary>
public sealed class OutboxHandler(MailOutbox outbox, CurrentUser currentUser, IHostEnvironment environment)
{
    public Result<IReadOnlyList<OutboxMail>> Handle()
    {
        if (!environment.IsDevelopment())
        {
            return Fout.NietGevonden("De pagina");
        }
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        return outbox.Alle().Where(m => m.SchoolId == currentUser.SchoolId).ToList();
    }
}
