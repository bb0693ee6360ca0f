using System.Linq.Expressions;

namespace Leerlingzorg.Domain.Dossier;

/// <summary>
/// A conversation logged in the dossier of one or more students (a group conversation has several).
/// Edits keep revisions; deletion is soft, with a reason, visible to the zorgcoördinator.
/// </summary>
public sealed class Gesprek : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid SoortId { get; set; }
    public GesprekSoort? Soort { get; set; }
    public DateOnly Datum { get; set; }
    public Guid AuteurId { get; set; }
    public required string Samenvatting { get; set; }
    public Vertrouwelijkheid Vertrouwelijkheid { get; set; }
    /// <summary>Who else took part: ouders, staff, others (names as typed).</summary>
    public string? AndereDeelnemers { get; set; }
    public bool MetOuders { get; set; }
    public Voortgang? Voortgang { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public DateTimeOffset? GewijzigdOp { get; set; }
    public int Versie { get; set; } = 1;
    public DateTimeOffset? VerwijderdOp { get; set; }
    public Guid? VerwijderdDoor { get; set; }
    public string? VerwijderReden { get; set; }
    public List<GesprekLeerling> Leerlingen { get; set; } = [];
    public List<Afspraak> Afspraken { get; set; } = [];

    public bool IsVerwijderd => VerwijderdOp is not null;

    /// <summary>Only the author edits his gesprek, and a deleted one not at all.</summary>
    public bool MagWijzigen(Guid gebruiker) => MagWijzigen(AuteurId, IsVerwijderd, gebruiker);

    /// <summary>The same rule for a projection that has no <see cref="Gesprek"/> to ask.</summary>
    public static bool MagWijzigen(Guid auteurId, bool verwijderd, Guid gebruiker) => !verwijderd && auteurId == gebruiker;

    /// <summary><see cref="MagWijzigen(Guid)"/> as a database predicate: the gesprekken this user may edit.</summary>
    public static Expression<Func<Gesprek, bool>> WijzigbaarDoor(Guid gebruiker) => g => g.VerwijderdOp == null && g.AuteurId == gebruiker;

    /// <summary>The author or the zorgcoördinator deletes a gesprek (soft, with a reason); once deleted it stays so.</summary>
    public bool MagVerwijderen(Guid gebruiker, bool isZorgcoordinator) => MagVerwijderen(AuteurId, IsVerwijderd, gebruiker, isZorgcoordinator);

    public static bool MagVerwijderen(Guid auteurId, bool verwijderd, Guid gebruiker, bool isZorgcoordinator) =>
        !verwijderd && (auteurId == gebruiker || isZorgcoordinator);

    /// <summary>
    /// The author changes the content, from the version he read (<paramref name="vanVersie"/>). Returns the revision
    /// that keeps the content as it was: <paramref name="inhoud"/> takes that snapshot before anything changes (its
    /// format, the JSON the gesprek page reads back, belongs to the feature). The version goes up by one.
    /// </summary>
    public GesprekRevisie Wijzig(int vanVersie, GesprekWijziging wijziging, Guid door, DateTimeOffset op, Func<Gesprek, string> inhoud)
    {
        ArgumentNullException.ThrowIfNull(wijziging);
        ArgumentNullException.ThrowIfNull(inhoud);
        if (!MagWijzigen(door))
        {
            throw new InvalidOperationException("Alleen de auteur wijzigt een gesprek, en een verwijderd gesprek niet meer.");
        }
        if (vanVersie != Versie)
        {
            throw new InvalidOperationException($"Versie {vanVersie} is niet de huidige versie {Versie} van het gesprek.");
        }
        if (string.IsNullOrWhiteSpace(wijziging.Samenvatting))
        {
            throw new ArgumentException("Een samenvatting is verplicht.", nameof(wijziging));
        }
        var revisie = new GesprekRevisie
        {
            SchoolId = SchoolId, GesprekId = Id, Versie = Versie, GewijzigdDoor = door, GewijzigdOp = op, Inhoud = inhoud(this),
        };
        Versie = vanVersie + 1;
        SoortId = wijziging.SoortId;
        Datum = wijziging.Datum;
        Samenvatting = wijziging.Samenvatting;
        Vertrouwelijkheid = wijziging.Vertrouwelijkheid;
        AndereDeelnemers = wijziging.AndereDeelnemers;
        MetOuders = wijziging.MetOuders;
        Voortgang = wijziging.Voortgang;
        GewijzigdOp = op;
        return revisie;
    }

    public void Verwijder(Guid door, string reden, DateTimeOffset op)
    {
        if (string.IsNullOrWhiteSpace(reden))
        {
            throw new ArgumentException("Een reden is verplicht.", nameof(reden));
        }
        VerwijderdOp = op;
        VerwijderdDoor = door;
        VerwijderReden = reden.Trim();
    }
}

/// <summary>The new content of a gesprek, as the author edits it (the students stay; afspraken are their own aggregate).</summary>
public sealed record GesprekWijziging(Guid SoortId, DateOnly Datum, string Samenvatting, Vertrouwelijkheid Vertrouwelijkheid,
    string? AndereDeelnemers, bool MetOuders, Voortgang? Voortgang);

/// <summary>The reflection of a voortgangsgesprek and the five loopbaanvragen (seed 001).</summary>
public sealed record Voortgang
{
    public string? WatGaatGoed { get; init; }
    public string? WatKanBeter { get; init; }
    public string? WatKanIk { get; init; }
    public string? HoeKanIkDatDoen { get; init; }
    public string? WatWilIk { get; init; }
    public string? WaarKanIkDatDoen { get; init; }
    public string? WieKanMijDaarbijHelpen { get; init; }
}

/// <summary>A student the conversation is about.</summary>
public sealed class GesprekLeerling : ISchoolOwned
{
    public Guid SchoolId { get; set; }
    public Guid GesprekId { get; set; }
    public Guid LeerlingId { get; set; }
}

/// <summary>The content of a conversation before an edit: who changed it, when, and what it was.</summary>
public sealed class GesprekRevisie : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid GesprekId { get; set; }
    public int Versie { get; set; }
    public Guid GewijzigdDoor { get; set; }
    public DateTimeOffset GewijzigdOp { get; set; }
    /// <summary>JSON snapshot of the content of that version.</summary>
    public required string Inhoud { get; set; }
}

/// <summary>
/// A draft a mentor is typing, saved on the server (never in the browser: school PCs are shared) and
/// restored after a dropped connection, a reload or a validation error. One per author and subject.
/// </summary>
public sealed class GesprekConcept : ISchoolOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SchoolId { get; set; }
    public Guid AuteurId { get; set; }
    /// <summary>What the draft is for: "nieuw:{leerlingId}", "nieuw:klas:{klasId}" or "gesprek:{gesprekId}".</summary>
    public required string Sleutel { get; set; }
    public required string Inhoud { get; set; }
    public DateTimeOffset BijgewerktOp { get; set; }
}
