using System.Text;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Medewerkers;

/// <summary>
/// What the staff handlers share. Users live outside row-level security (sign-in must find them before a school is
/// known), so every staff query filters on the current school here, and every command checks it.
/// </summary>
public static class Personeelszaken
{
    /// <summary>The roles a Beheerder gives staff: every school role except Ouder (parents get theirs from the import).</summary>
    public static readonly IReadOnlyList<string> Medewerkerrollen = [.. Rollen.SchoolRollen.Where(r => r != Rollen.Ouder)];

    /// <summary>A school user who is not only a parent. A staff member whose roles were all taken still counts.</summary>
    public static bool IsMedewerker(IEnumerable<string> rollen)
    {
        var lijst = rollen.ToList();
        return !(lijst.Contains(Rollen.Ouder) && lijst.All(r => r == Rollen.Ouder));
    }

    /// <summary>The staff member with this id, if he belongs to <paramref name="schoolId"/>; otherwise null, the same answer as for nobody.</summary>
    public static async Task<Gebruiker?> VindMedewerkerAsync(UserManager<Gebruiker> users, Guid id, Guid schoolId)
    {
        ArgumentNullException.ThrowIfNull(users);
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || user.SchoolId != schoolId || !IsMedewerker(await users.GetRolesAsync(user)))
        {
            return null;
        }
        return user;
    }

    /// <summary>
    /// The link of an invitation: the existing reset-password page with an Identity password-reset token, encoded the
    /// way that page decodes it (UTF-8, base64url). The token is tied to the security stamp: deactivating the account
    /// voids it.
    /// </summary>
    public static async Task<string> WachtwoordLinkAsync(UserManager<Gebruiker> users, Gebruiker user, Uri basisAdres)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(basisAdres);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return new Uri(basisAdres, "Account/ResetPassword?code=" + code).AbsoluteUri;
    }

    public static async Task ZorgDatRollenBestaanAsync(RoleManager<IdentityRole<Guid>> roles, IEnumerable<string> rollen)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var rol in rollen)
        {
            if (!await roles.RoleExistsAsync(rol))
            {
                Controleer(await roles.CreateAsync(new IdentityRole<Guid>(rol)));
            }
        }
    }

    /// <summary>An Identity failure we did not foresee is a bug: it throws, with Identity's (Dutch) descriptions.</summary>
    public static void Controleer(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Writes one audit line in the current school. Identity saves users in its own context, so this is a second save.</summary>
    public static async Task AuditAsync(IDbContextFactory<LeerlingzorgDbContext> dbFactory, AuditLog audit, AuditActie actie, string detail,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        audit.Add(db, actie, null, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string RollenTekst(IEnumerable<string> rollen) => string.Join(", ", rollen.Order(StringComparer.Ordinal));
}
