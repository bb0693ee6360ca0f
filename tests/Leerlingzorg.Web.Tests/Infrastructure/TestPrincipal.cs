using System.Security.Claims;
using Leerlingzorg.Web.Infrastructure.Identity;

namespace Leerlingzorg.Web.Tests.Infrastructure;

public static class TestPrincipal
{
    public static ClaimsPrincipal For(Gebruiker user, IEnumerable<string> roles)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.Email ?? ""),
            new(LeerlingzorgClaims.Naam, user.VolledigeNaam),
        };
        if (user.SchoolId is { } school)
        {
            claims.Add(new Claim(LeerlingzorgClaims.SchoolId, school.ToString()));
        }
        if (user.SamenwerkingsverbandId is { } swv)
        {
            claims.Add(new Claim(LeerlingzorgClaims.SamenwerkingsverbandId, swv.ToString()));
        }
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}
