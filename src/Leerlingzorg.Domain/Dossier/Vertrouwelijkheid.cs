namespace Leerlingzorg.Domain.Dossier;

/// <summary>Who may read a dossier entry.</summary>
public enum Vertrouwelijkheid
{
    /// <summary>Every staff member with a relation to the student (mentor, his docenten, coördinator, care roles), the schoolleiding and the absence desk.</summary>
    Normaal,
    /// <summary>The mentor, the student's coördinator and the care roles.</summary>
    Zorg,
    /// <summary>Only the author and the zorgcoördinator.</summary>
    Vertrouwelijk,
}

/// <summary>
/// How a reader stands to one student and one entry; the handlers fill it from the database. A relation counts only
/// with its role (a mentor of the class who no longer holds the Mentor role is no mentor here), as the handlers fill it.
/// </summary>
public sealed record Lezer(
    bool IsAuteur = false,
    bool IsZorgcoordinator = false,
    bool IsZorgrol = false,
    bool IsMentorVanLeerling = false,
    bool IsCoordinatorVanLeerling = false,
    bool IsDocentVanLeerling = false,
    bool IsSchoolleiding = false,
    bool IsVerzuimcoordinator = false);

/// <summary>
/// The confidentiality rules of the dossier (DOMAIN.md: "Teachers see facilities, not diagnoses"): the one rule every
/// read uses. Each level is granted by any one of the reader's qualities (a plain OR, no combination needed), which is
/// what lets the database predicate be built from it (<see cref="Niveaus"/>, <see cref="Verleent"/>).
/// </summary>
public static class Leesrecht
{
    public static IReadOnlyList<Vertrouwelijkheid> AlleNiveaus { get; } =
        [Vertrouwelijkheid.Normaal, Vertrouwelijkheid.Zorg, Vertrouwelijkheid.Vertrouwelijk];

    public static bool MagLezen(Vertrouwelijkheid niveau, Lezer lezer)
    {
        ArgumentNullException.ThrowIfNull(lezer);
        return niveau switch
        {
            Vertrouwelijkheid.Vertrouwelijk => lezer.IsAuteur || lezer.IsZorgcoordinator,
            Vertrouwelijkheid.Zorg => lezer.IsAuteur || lezer.IsZorgcoordinator || lezer.IsZorgrol
                                      || lezer.IsMentorVanLeerling || lezer.IsCoordinatorVanLeerling,
            // The absence desk is school staff who calls the parents of every student: like the schoolleiding it
            // reads the ordinary notes of the whole school, never the care notes.
            Vertrouwelijkheid.Normaal => lezer.IsAuteur || lezer.IsZorgcoordinator || lezer.IsZorgrol
                                         || lezer.IsMentorVanLeerling || lezer.IsCoordinatorVanLeerling
                                         || lezer.IsDocentVanLeerling || lezer.IsSchoolleiding || lezer.IsVerzuimcoordinator,
            _ => false,
        };
    }

    /// <summary>The levels this reader may read, lowest first (empty: none), for a database filter <c>niveaus.Contains(g.Vertrouwelijkheid)</c>.</summary>
    public static IReadOnlyList<Vertrouwelijkheid> Niveaus(Lezer lezer)
    {
        ArgumentNullException.ThrowIfNull(lezer);
        return [.. AlleNiveaus.Where(n => MagLezen(n, lezer))];
    }

    /// <summary>
    /// Whether one quality alone grants a level: the rule taken apart per quality, for a predicate over many students
    /// (where the relation is a subquery per row). Exact because the rule is an OR of single qualities (tested).
    /// </summary>
    public static bool Verleent(Vertrouwelijkheid niveau, Func<Lezer, Lezer> kwaliteit)
    {
        ArgumentNullException.ThrowIfNull(kwaliteit);
        return MagLezen(niveau, kwaliteit(new Lezer()));
    }

    /// <summary>The highest level this reader may read as author or not (null: none).</summary>
    public static Vertrouwelijkheid? HoogsteNiveau(Lezer lezer, bool alsAuteur = false)
    {
        ArgumentNullException.ThrowIfNull(lezer);
        var niveaus = Niveaus(lezer with { IsAuteur = alsAuteur });
        return niveaus.Count == 0 ? null : niveaus[^1];
    }
}
