using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Medewerkers;

/// <summary>
/// Sends an active staff member a new invitation with a fresh link to choose a password (when the first expired or
/// got lost, or when he forgot his password).
/// </summary>
public sealed class UitnodigingOpnieuwVersturenHandler(
    IServiceScopeFactory scopes,
    IDbContextFactory<LeerlingzorgDbContext> dbFactory,
    CurrentUser currentUser,
    AuditLog audit,
    IUitnodigingMailer mailer)
{
    /// <returns>The address the invitation went to.</returns>
    public async Task<Result<string>> HandleAsync(Guid medewerkerId, Uri basisAdres, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var user = await Personeelszaken.VindMedewerkerAsync(users, medewerkerId, currentUser.SchoolId!.Value);
        if (user is null)
        {
            return Fout.NietGevonden("De medewerker");
        }
        if (!user.Actief)
        {
            return new Fout(FoutSoort.Ongeldig, "Deze medewerker is gedeactiveerd. Heractiveer hem eerst, en verstuur dan een nieuwe uitnodiging.");
        }
        if (string.IsNullOrEmpty(user.Email))
        {
            return new Fout(FoutSoort.Ongeldig, "Deze medewerker heeft geen e-mailadres.");
        }
        await mailer.SendUitnodigingAsync(user, user.Email, await Personeelszaken.WachtwoordLinkAsync(users, user, basisAdres));
        await Personeelszaken.AuditAsync(dbFactory, audit, AuditActie.Wijzigen, $"uitnodiging opnieuw verstuurd aan medewerker {user.Id}", cancellationToken);
        return user.Email;
    }
}
