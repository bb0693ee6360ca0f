using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Medewerkers;

/// <summary>Gives a deactivated staff member access again, with the roles and password he had.</summary>
public sealed class MedewerkerHeractiverenHandler(
    IServiceScopeFactory scopes,
    IDbContextFactory<LeerlingzorgDbContext> dbFactory,
    CurrentUser currentUser,
    AuditLog audit)
{
    public async Task<Result<Guid>> HandleAsync(Guid medewerkerId, CancellationToken cancellationToken = default)
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
        if (user.Actief)
        {
            return user.Id;
        }
        user.Actief = true;
        Personeelszaken.Controleer(await users.UpdateAsync(user));
        await Personeelszaken.AuditAsync(dbFactory, audit, AuditActie.Wijzigen, $"medewerker {user.Id} geheractiveerd", cancellationToken);
        return user.Id;
    }
}
