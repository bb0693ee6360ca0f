using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Leerlingzorg.Web.Infrastructure.Identity;

public static class LeerlingzorgClaims
{
    public const string SchoolId = "lz:school";
    public const string SamenwerkingsverbandId = "lz:swv";
    public const string Naam = "lz:naam";
    public const string Thema = "lz:thema";
}

/// <summary>Puts the user's school (the tenant), partnership and display name into the cookie.</summary>
public sealed class GebruikerClaimsPrincipalFactory(
    UserManager<Gebruiker> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Gebruiker, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Gebruiker user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LeerlingzorgClaims.Naam, user.VolledigeNaam));
        if (user.SchoolId is { } school)
        {
            identity.AddClaim(new Claim(LeerlingzorgClaims.SchoolId, school.ToString()));
        }
        if (user.SamenwerkingsverbandId is { } swv)
        {
            identity.AddClaim(new Claim(LeerlingzorgClaims.SamenwerkingsverbandId, swv.ToString()));
        }
        if (user.Thema is { } thema)
        {
            identity.AddClaim(new Claim(LeerlingzorgClaims.Thema, thema));
        }
        return identity;
    }
}
