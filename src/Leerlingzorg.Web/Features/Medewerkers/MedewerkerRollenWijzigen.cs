using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Medewerkers;

/// <summary>The staff roles a member should hold from now on. A parent role he may also hold is left alone.</summary>
public sealed record MedewerkerRollen
{
    public Guid MedewerkerId { get; set; }
    public IReadOnlyCollection<string> Rollen { get; set; } = [];
}

public sealed class MedewerkerRollenValidator : AbstractValidator<MedewerkerRollen>
{
    public MedewerkerRollenValidator()
    {
        RuleFor(m => m.MedewerkerId).NotEmpty().WithMessage("Kies de medewerker.");
        RuleFor(m => m.Rollen).NotEmpty().WithMessage("Kies minstens één rol. Moet de medewerker geen toegang meer hebben, deactiveer hem dan.")
            .Must(r => r.All(Personeelszaken.Medewerkerrollen.Contains)).WithMessage("Kies alleen rollen voor medewerkers.");
    }
}

/// <summary>
/// Gives and takes staff roles. Taking a role renews the security stamp, so that open sessions lose it within
/// <see cref="IdentitySetup.RevalidationInterval"/>; a Beheerder cannot take his own Beheerder role.
/// </summary>
public sealed class MedewerkerRollenWijzigenHandler(
    IServiceScopeFactory scopes,
    IDbContextFactory<LeerlingzorgDbContext> dbFactory,
    CurrentUser currentUser,
    AuditLog audit)
{
    private static readonly MedewerkerRollenValidator Validator = new();

    public async Task<Result<IReadOnlyList<string>>> HandleAsync(MedewerkerRollen wijziging, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wijziging);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (Validator.Controleer(wijziging) is { } ongeldig)
        {
            return ongeldig;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var user = await Personeelszaken.VindMedewerkerAsync(users, wijziging.MedewerkerId, currentUser.SchoolId!.Value);
        if (user is null)
        {
            return Fout.NietGevonden("De medewerker");
        }
        var huidig = await users.GetRolesAsync(user);
        var gewenst = wijziging.Rollen.Distinct().ToList();
        var erbij = gewenst.Except(huidig).ToList();
        var eraf = huidig.Where(Personeelszaken.Medewerkerrollen.Contains).Except(gewenst).ToList();
        if (user.Id == currentUser.Id && eraf.Contains(Rollen.Beheerder))
        {
            return new Fout(FoutSoort.Ongeldig, "U kunt uw eigen rol Functioneel beheerder niet afnemen. Vraag dat zo nodig een andere beheerder.");
        }
        if (erbij.Count == 0 && eraf.Count == 0)
        {
            return gewenst;
        }
        await Personeelszaken.ZorgDatRollenBestaanAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>(), erbij);
        if (erbij.Count > 0)
        {
            Personeelszaken.Controleer(await users.AddToRolesAsync(user, erbij));
        }
        if (eraf.Count > 0)
        {
            Personeelszaken.Controleer(await users.RemoveFromRolesAsync(user, eraf));
            Personeelszaken.Controleer(await users.UpdateSecurityStampAsync(user));
        }
        var detail = $"rollen van medewerker {user.Id} gewijzigd"
            + (erbij.Count > 0 ? $"; gegeven: {Personeelszaken.RollenTekst(erbij)}" : "")
            + (eraf.Count > 0 ? $"; afgenomen: {Personeelszaken.RollenTekst(eraf)}" : "");
        await Personeelszaken.AuditAsync(dbFactory, audit, AuditActie.Wijzigen, detail, cancellationToken);
        return gewenst;
    }
}
