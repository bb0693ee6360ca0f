namespace Leerlingzorg.Domain.Leerlingen;

/// <summary>
/// A student is never deleted here: he is uitgeschreven, and the retention period of his dossier starts
/// on the uitschrijfdatum.
/// </summary>
public enum LeerlingStatus
{
    Ingeschreven,
    Uitgeschreven,
}
