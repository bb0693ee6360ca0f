using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Tenancy;

namespace Leerlingzorg.Web.Features.Toestemmingen;

/// <summary>
/// Who records and withdraws consent for a student: the care roles (zorgcoördinator, intern en ambulant begeleider,
/// orthopedagoog), and the student's own mentor and coördinator. First the role (<see cref="MagMetRol"/>), then the
/// relation to the student (<see cref="MagVoor"/>).
/// </summary>
public static class Toestemmingsrecht
{
    private static readonly string[] VastleggerRollen =
        [.. Rollen.Zorgrollen, Rollen.Mentor, Rollen.Leerjaarcoordinator, Rollen.Afdelingscoordinator];

    public const string GeenRecht = "Alleen de zorgcoördinator, de zorgrollen en de mentor of coördinator van de leerling leggen toestemming vast.";

    public static bool MagMetRol(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Toegang.IsMedewerker(user) && user.IsInEenVan(VastleggerRollen);
    }

    public static bool MagVoor(Dossierlezer lezer)
    {
        ArgumentNullException.ThrowIfNull(lezer);
        var l = lezer.Lezer;
        return l.IsZorgcoordinator || l.IsZorgrol || l.IsMentorVanLeerling || l.IsCoordinatorVanLeerling;
    }
}
