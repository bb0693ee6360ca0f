using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Leerlingzorg.Web.Infrastructure.Identity;

/// <summary>Identity's validation messages in Dutch.</summary>
public sealed class DutchIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError Fout(string code, string tekst) => new() { Code = code, Description = tekst };

    public override IdentityError DefaultError() => Fout(nameof(DefaultError), "Er is een onbekende fout opgetreden.");
    public override IdentityError ConcurrencyFailure() => Fout(nameof(ConcurrencyFailure), "De gegevens zijn intussen door iemand anders gewijzigd. Probeer het opnieuw.");
    public override IdentityError PasswordMismatch() => Fout(nameof(PasswordMismatch), "Het wachtwoord is onjuist.");
    public override IdentityError InvalidToken() => Fout(nameof(InvalidToken), "De link of code is ongeldig of verlopen.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Fout(nameof(RecoveryCodeRedemptionFailed), "De herstelcode is ongeldig.");
    public override IdentityError LoginAlreadyAssociated() => Fout(nameof(LoginAlreadyAssociated), "Deze externe login is al gekoppeld aan een account.");
    public override IdentityError InvalidUserName(string? userName) => Fout(nameof(InvalidUserName), "De gebruikersnaam is ongeldig.");
    public override IdentityError InvalidEmail(string? email) => Fout(nameof(InvalidEmail), "Het e-mailadres is ongeldig.");
    public override IdentityError DuplicateUserName(string userName) => Fout(nameof(DuplicateUserName), "Dit e-mailadres is al in gebruik.");
    public override IdentityError DuplicateEmail(string email) => Fout(nameof(DuplicateEmail), "Dit e-mailadres is al in gebruik.");
    public override IdentityError InvalidRoleName(string? role) => Fout(nameof(InvalidRoleName), "De rolnaam is ongeldig.");
    public override IdentityError DuplicateRoleName(string role) => Fout(nameof(DuplicateRoleName), "Deze rol bestaat al.");
    public override IdentityError UserAlreadyHasPassword() => Fout(nameof(UserAlreadyHasPassword), "Er is al een wachtwoord ingesteld.");
    public override IdentityError UserLockoutNotEnabled() => Fout(nameof(UserLockoutNotEnabled), "Blokkeren is voor deze gebruiker niet ingeschakeld.");
    public override IdentityError UserAlreadyInRole(string role) => Fout(nameof(UserAlreadyInRole), "De gebruiker heeft deze rol al.");
    public override IdentityError UserNotInRole(string role) => Fout(nameof(UserNotInRole), "De gebruiker heeft deze rol niet.");
    public override IdentityError PasswordTooShort(int length) => Fout(nameof(PasswordTooShort),
        string.Create(CultureInfo.InvariantCulture, $"Het wachtwoord moet minstens {length} tekens lang zijn. Een zin van een paar woorden werkt goed."));
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Fout(nameof(PasswordRequiresUniqueChars),
        string.Create(CultureInfo.InvariantCulture, $"Het wachtwoord moet minstens {uniqueChars} verschillende tekens bevatten."));
    public override IdentityError PasswordRequiresNonAlphanumeric() => Fout(nameof(PasswordRequiresNonAlphanumeric), "Het wachtwoord moet een leesteken of symbool bevatten.");
    public override IdentityError PasswordRequiresDigit() => Fout(nameof(PasswordRequiresDigit), "Het wachtwoord moet een cijfer bevatten.");
    public override IdentityError PasswordRequiresLower() => Fout(nameof(PasswordRequiresLower), "Het wachtwoord moet een kleine letter bevatten.");
    public override IdentityError PasswordRequiresUpper() => Fout(nameof(PasswordRequiresUpper), "Het wachtwoord moet een hoofdletter bevatten.");

    public static IdentityError VeelGebruiktWachtwoord() => Fout(nameof(VeelGebruiktWachtwoord),
        "Dit wachtwoord is te makkelijk te raden: het staat op een lijst van veelgebruikte of uitgelekte wachtwoorden. Kies een zin van een paar woorden die alleen u kent.");
    public static IdentityError WachtwoordMetEigenWoorden() => Fout(nameof(WachtwoordMetEigenWoorden),
        "Het wachtwoord mag uw e-mailadres, de naam van de school of het woord Leerlingzorg niet bevatten.");
    public static IdentityError Demowachtwoord() => Fout(nameof(Demowachtwoord),
        "Dit is het openbare demowachtwoord. Kies een eigen wachtwoord.");
}
