namespace Leerlingzorg.Domain.Gebruikers;

/// <summary>The roles a user can hold. A school user holds school roles, an SWV user SWV roles.</summary>
public static class Rollen
{
    public const string Mentor = nameof(Mentor);
    public const string Docent = nameof(Docent);
    public const string Leerjaarcoordinator = nameof(Leerjaarcoordinator);
    public const string Afdelingscoordinator = nameof(Afdelingscoordinator);
    public const string Zorgcoordinator = nameof(Zorgcoordinator);
    public const string InternBegeleider = nameof(InternBegeleider);
    public const string AmbulantBegeleider = nameof(AmbulantBegeleider);
    public const string Orthopedagoog = nameof(Orthopedagoog);
    public const string Verzuimcoordinator = nameof(Verzuimcoordinator);
    public const string Schoolleiding = nameof(Schoolleiding);
    public const string Beheerder = nameof(Beheerder);
    public const string Ouder = nameof(Ouder);
    public const string SwvMedewerker = nameof(SwvMedewerker);
    public const string SwvOrthopedagoog = nameof(SwvOrthopedagoog);
    public const string SwvManager = nameof(SwvManager);

    public static readonly IReadOnlyList<string> SchoolRollen =
    [
        Mentor, Docent, Leerjaarcoordinator, Afdelingscoordinator, Zorgcoordinator, InternBegeleider,
        AmbulantBegeleider, Orthopedagoog, Verzuimcoordinator, Schoolleiding, Beheerder, Ouder,
    ];

    public static readonly IReadOnlyList<string> SwvRollen = [SwvMedewerker, SwvOrthopedagoog, SwvManager];

    /// <summary>The staff roles: every school role except Ouder. Only these open a staff page or a staff handler.</summary>
    public static readonly IReadOnlyList<string> Medewerkerrollen = [.. SchoolRollen.Where(r => r != Ouder)];

    /// <summary><see cref="Medewerkerrollen"/> as the comma-separated list of an <c>[Authorize(Roles = …)]</c> attribute.</summary>
    public const string Medewerkers = Mentor + "," + Docent + "," + Leerjaarcoordinator + "," + Afdelingscoordinator + ","
        + Zorgcoordinator + "," + InternBegeleider + "," + AmbulantBegeleider + "," + Orthopedagoog + ","
        + Verzuimcoordinator + "," + Schoolleiding + "," + Beheerder;

    /// <summary><see cref="SwvRollen"/> for an <c>[Authorize(Roles = …)]</c> attribute.</summary>
    public const string SwvMedewerkers = SwvMedewerker + "," + SwvOrthopedagoog + "," + SwvManager;

    public static readonly IReadOnlyList<string> Alle = [.. SchoolRollen, .. SwvRollen];

    /// <summary>Care roles that see the care dossier of every student of their school.</summary>
    public static readonly IReadOnlyList<string> Zorgrollen =
        [Zorgcoordinator, InternBegeleider, AmbulantBegeleider, Orthopedagoog];

    public static bool IsSwvRol(string rol) => SwvRollen.Contains(rol);

    /// <summary>The name users see, in Dutch.</summary>
    public static string Weergave(string rol) => rol switch
    {
        Mentor => "Mentor",
        Docent => "Docent",
        Leerjaarcoordinator => "Leerjaarcoördinator",
        Afdelingscoordinator => "Afdelingscoördinator",
        Zorgcoordinator => "Zorgcoördinator",
        InternBegeleider => "Intern begeleider",
        AmbulantBegeleider => "Ambulant begeleider",
        Orthopedagoog => "Orthopedagoog",
        Verzuimcoordinator => "Verzuimcoördinator",
        Schoolleiding => "Schoolleiding",
        Beheerder => "Functioneel beheerder",
        Ouder => "Ouder/verzorger",
        SwvMedewerker => "Medewerker samenwerkingsverband",
        SwvOrthopedagoog => "Orthopedagoog samenwerkingsverband",
        SwvManager => "Manager samenwerkingsverband",
        _ => rol,
    };
}
