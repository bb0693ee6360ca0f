using Leerlingzorg.Domain.Verwijsindex;

namespace Leerlingzorg.Web.Features.Dossier;

/// <summary>
/// The dossier source of the Verwijsindex registrations (issue 12): Zorg level like consent and the applications to the
/// SWV — the mentor, his coördinator and the care roles read <em>that</em> there is a registration and with whom to make
/// contact (the record holds no content, see <see cref="Signalering"/>); a docent and a parent never. Only the
/// zorgcoördinator, the school's meldingsbevoegde, writes them. Not on the timeline: the registration says nothing the
/// care dossier does not say already, and the card on the Ondersteuning tab shows it.
/// </summary>
public static class Verwijsindexbronnen
{
    public static IDossierbron<Signalering> Signaleringen { get; } = new Ondersteuningsbronnen.ZorgBron<Signalering>("signaleringen in de Verwijsindex",
        (db, leerlingId, zorg) => db.Signaleringen.Where(s => zorg && s.LeerlingId == leerlingId));
}
