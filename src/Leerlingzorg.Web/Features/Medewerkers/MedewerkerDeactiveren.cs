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
/// Deactivates a staff member: he can no longer sign in, the new security stamp makes his cookie refused on the next
/// request (and voids outstanding invitation links), and his open circuits are signed out at once. His account,
/// roles and the records he made stay. A Beheerder cannot deactivate himself.
/// </summary>
public sealed class MedewerkerDeactiverenHandler(
    IServiceScopeFactory scopes,
    IDbContextFactory<LeerlingzorgDbContext> dbFactory,
    CurrentUser currentUser,
    OpenCircuits openCircuits,
    AuditLog audit)
{
    public async Task<Result<Guid>> HandleAsync(Guid medewerkerId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (medewerkerId == currentUser.Id)
        {
            return new Fout(FoutSoort.Ongeldig, "U kunt uw eigen account niet deactiveren. Vraag dat zo nodig een andere beheerder.");
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
            return user.Id;
        }
        user.Actief = false;
        // One save: the stamp and the flag together.
        Personeelszaken.Controleer(await users.UpdateSecurityStampAsync(user));
        openCircuits.SignOut(user.Id);
        await Personeelszaken.AuditAsync(dbFactory, audit, AuditActie.Wijzigen, $"medewerker {user.Id} gedeactiveerd", cancellationToken);
        return user.Id;
    }
}
