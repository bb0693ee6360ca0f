namespace Leerlingzorg.Domain.Dossier;

/// <summary>Who may read a dossier entry.</summary>
public enum Vertrouwelijkheid
{
    /// <summary>Every staff member with a relation to the student (mentor, his docenten, coördinator, care roles).</summary>
    Normaal,
    /// <summary>The mentor, the student's coördinator and the care roles.</summary>
    Zorg,
    /// <summary>Only the author and the zorgcoördinator.</summary>
    Vertrouwelijk,
}

/// <summary>How a reader stands to one student and one entry; the handlers fill it from the database.</summary>
public sealed record Lezer(
    bool IsAuteur = false,
    bool IsZorgcoordinator = false,
    bool IsZorgrol = false,
    bool IsMentorVanLeerling = false,
    bool IsCoordinatorVanLeerling = false,
    bool IsDocentVanLeerling = false,
    bool IsSchoolleiding = false);

/// <summary>The confidentiality rules of the dossier (DOMAIN.md: "Teachers see facilities, not diagnoses").</summary>
public static class Leesrecht
{
    public static bool MagLezen(Vertrouwelijkheid niveau, Lezer lezer)
    {
        ArgumentNullException.ThrowIfNull(lezer);
        return niveau switch
        {
            Vertrouwelijkheid.Vertrouwelijk => lezer.IsAuteur || lezer.IsZorgcoordinator,
            Vertrouwelijkheid.Zorg => lezer.IsAuteur || lezer.IsZorgcoordinator || lezer.IsZorgrol
                                      || lezer.IsMentorVanLeerling || lezer.IsCoordinatorVanLeerling,
            Vertrouwelijkheid.Normaal => lezer.IsAuteur || lezer.IsZorgcoordinator || lezer.IsZorgrol
                                         || lezer.IsMentorVanLeerling || lezer.IsCoordinatorVanLeerling
                                         || lezer.IsDocentVanLeerling || lezer.IsSchoolleiding,
            _ => false,
        };
    }

    /// <summary>The highest level this reader may read (null: none), for filtering a list in the database.</summary>
    public static Vertrouwelijkheid? HoogsteNiveau(Lezer lezer, bool alsAuteur = false)
    {
        ArgumentNullException.ThrowIfNull(lezer);
        var l = lezer with { IsAuteur = alsAuteur };
        return MagLezen(Vertrouwelijkheid.Vertrouwelijk, l) ? Vertrouwelijkheid.Vertrouwelijk
            : MagLezen(Vertrouwelijkheid.Zorg, l) ? Vertrouwelijkheid.Zorg
            : MagLezen(Vertrouwelijkheid.Normaal, l) ? Vertrouwelijkheid.Normaal
            : null;
    }
}
