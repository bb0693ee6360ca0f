using System.Collections.Frozen;
using System.Reflection;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Infrastructure.Identity;

/// <summary>
/// OWASP ASVS 6.2.4 and 6.2.11: no password from the shipped list of common and breached passwords (also with
/// digits or symbols around it, "Welkom2026!"), none that contains the user's e-mail address, the school's name or
/// the application's name, and never the published demo password. Length is checked by Identity; there are no
/// composition rules (NIST SP 800-63B).
/// </summary>
public sealed class WachtwoordBeleid(LeerlingzorgDbContext db) : IPasswordValidator<Gebruiker>
{
    /// <summary>Published in the README; the demo seeder stores its hash directly.</summary>
    public const string Demowachtwoord = DemoData.DemoDataSeeder.Wachtwoord;
    private const string Applicatienaam = "leerlingzorg";

    // Words that many school names share; refusing them would refuse half a dictionary.
    private static readonly FrozenSet<string> AlgemeneSchoolwoorden = FrozenSet.Create(StringComparer.Ordinal,
        "college", "lyceum", "school", "scholen", "scholengemeenschap", "gymnasium", "atheneum", "academie", "campus",
        "instituut", "christelijk", "openbaar", "katholiek");

    private static readonly Lazy<FrozenSet<string>> Lijst = new(LeesLijst);

    public async Task<IdentityResult> ValidateAsync(UserManager<Gebruiker> manager, Gebruiker user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }
        if (string.Equals(password, Demowachtwoord, StringComparison.OrdinalIgnoreCase))
        {
            return IdentityResult.Failed(DutchIdentityErrorDescriber.Demowachtwoord());
        }
        if (IsVeelGebruikt(password))
        {
            return IdentityResult.Failed(DutchIdentityErrorDescriber.VeelGebruiktWachtwoord());
        }
        var compact = Compact(password);
        var schoolnaam = user.SchoolId is { } schoolId
            ? await db.Scholen.Where(s => s.Id == schoolId).Select(s => s.Naam).FirstOrDefaultAsync()
            : null;
        return EigenWoorden(user.Email, schoolnaam).Any(compact.Contains)
            ? IdentityResult.Failed(DutchIdentityErrorDescriber.WachtwoordMetEigenWoorden())
            : IdentityResult.Success;
    }

    /// <summary>On the list as it is, or once the digits and symbols around a word are taken off.</summary>
    public static bool IsVeelGebruikt(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var lower = password.ToLowerInvariant();
        var kern = lower.Trim().AsSpan();
        var start = 0;
        while (start < kern.Length && !char.IsLetter(kern[start]))
        {
            start++;
        }
        var end = kern.Length;
        while (end > start && !char.IsLetter(kern[end - 1]))
        {
            end--;
        }
        return Lijst.Value.Contains(lower) || (end > start && Lijst.Value.Contains(kern[start..end].ToString()));
    }

    private static IEnumerable<string> EigenWoorden(string? email, string? schoolnaam)
    {
        yield return Applicatienaam;
        if (!string.IsNullOrWhiteSpace(email))
        {
            yield return Compact(email);
            var lokaal = Compact(email.Split('@')[0]);
            if (lokaal.Length >= 4)
            {
                yield return lokaal;
            }
        }
        if (!string.IsNullOrWhiteSpace(schoolnaam))
        {
            yield return Compact(schoolnaam);
            foreach (var woord in schoolnaam.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Compact))
            {
                if (woord.Length >= 5 && !AlgemeneSchoolwoorden.Contains(woord))
                {
                    yield return woord;
                }
            }
        }
    }

    /// <summary>Lower case letters and digits only, so that "Rijnland College" matches "rijnland-college1".</summary>
    private static string Compact(string tekst) =>
        string.Concat(tekst.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    private static FrozenSet<string> LeesLijst()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Leerlingzorg.Web.VeelGebruikteWachtwoorden.txt")
            ?? throw new InvalidOperationException("De lijst met veelgebruikte wachtwoorden ontbreekt in de assembly.");
        using var reader = new StreamReader(stream);
        var woorden = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } regel)
        {
            if (regel.Length > 0 && !regel.StartsWith('#'))
            {
                woorden.Add(regel.ToLowerInvariant());
            }
        }
        return woorden.ToFrozenSet(StringComparer.Ordinal);
    }
}
