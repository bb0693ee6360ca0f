using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Leerlingzorg.Web.Infrastructure.Identity;

/// <summary>A deactivated user cannot sign in, whatever his password.</summary>
public sealed class GebruikerSignInManager(
    UserManager<Gebruiker> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Gebruiker> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Gebruiker>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Gebruiker> confirmation)
    : SignInManager<Gebruiker>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Gebruiker user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Actief && await base.CanSignInAsync(user);
    }
}
