using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Leerlingzorg.Web.Infrastructure.Identity;

/// <summary>
/// A deactivated user cannot sign in, whatever his password. Every failed sign-in costs one password hash
/// verification (unknown address, blocked or deactivated account, wrong second-factor or recovery code), so that the
/// answer time does not tell which accounts exist or are blocked (OWASP ASVS 6.3.8).
/// </summary>
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
    private static readonly Gebruiker Niemand = new() { Voornaam = "", Achternaam = "" };
    private static readonly string GeenHash = new PasswordHasher<Gebruiker>().HashPassword(Niemand, "geen-echt-wachtwoord-0000");

    public override async Task<bool> CanSignInAsync(Gebruiker user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Actief && await base.CanSignInAsync(user);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(Gebruiker user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        // The base class answers a blocked or deactivated account before it looks at the password.
        if (await PreSignInCheck(user) is { } refused)
        {
            UserManager.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? GeenHash, password ?? "");
            return refused;
        }
        return await base.CheckPasswordSignInAsync(user, password!, lockoutOnFailure);
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (!result.Succeeded)
        {
            SpendPasswordCheck(UserManager.PasswordHasher, code);
        }
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (!result.Succeeded)
        {
            SpendPasswordCheck(UserManager.PasswordHasher, recoveryCode);
        }
        return result;
    }

    /// <summary>Costs what checking a real password costs, for a sign-in that fails without one.</summary>
    public static void SpendPasswordCheck(IPasswordHasher<Gebruiker> hasher, string? password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        hasher.VerifyHashedPassword(Niemand, GeenHash, password ?? "");
    }
}
