using System.Security.Claims;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Identity;

namespace Leerlingzorg.Web.Infrastructure.Tenancy;

/// <summary>
/// The signed-in user of this request or circuit, and so the current school. It is set from the
/// authentication cookie (never from the URL or a header): by <see cref="CurrentUserMiddleware"/> for
/// HTTP requests and by <see cref="CurrentUserCircuitHandler"/> for interactive circuits.
/// Until it is set the user is anonymous and no school is current, which closes every school's data.
/// </summary>
public sealed class CurrentUser
{
    private static readonly ClaimsPrincipal Anoniem = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal { get; private set; } = Anoniem;
    public Guid? Id { get; private set; }
    public Guid? SchoolId { get; private set; }
    public Guid? SamenwerkingsverbandId { get; private set; }
    public string Naam { get; private set; } = "";
    public IReadOnlySet<string> Rollen { get; private set; } = new HashSet<string>();

    public bool IsAuthenticated => Id is not null;

    public void Set(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        Principal = principal;
        Id = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        SchoolId = Guid.TryParse(principal.FindFirstValue(LeerlingzorgClaims.SchoolId), out var s) ? s : null;
        SamenwerkingsverbandId = Guid.TryParse(principal.FindFirstValue(LeerlingzorgClaims.SamenwerkingsverbandId), out var w) ? w : null;
        Naam = principal.FindFirstValue(LeerlingzorgClaims.Naam) ?? principal.Identity?.Name ?? "";
        Rollen = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
    }

    public bool IsInRol(string rol) => Rollen.Contains(rol);
    public bool IsInEenVan(IEnumerable<string> rollen) => rollen.Any(Rollen.Contains);

    /// <summary>The roles as written in the audit log.</summary>
    public string RollenVoorAudit => Rollen.Count == 0 ? "anoniem" : string.Join(',', Rollen.Order());

    public bool IsZorg => IsInEenVan(Domain.Gebruikers.Rollen.Zorgrollen);
}
