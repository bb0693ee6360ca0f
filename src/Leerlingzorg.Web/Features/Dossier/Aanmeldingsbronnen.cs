using Leerlingzorg.Domain.Aanmeldingen;
using Leerlingzorg.Web.Infrastructure.Persistence;

namespace Leerlingzorg.Web.Features.Dossier;

/// <summary>
/// The dossier source of the aanmelding (issue 12, PM 0): once the zorgcoördinator linked a placed aanmelding to its student,
/// his timeline shows the application and the decision. Zorg level, like the ladder it starts. An aanmelding not (yet)
/// linked is nobody's dossier: it is read through the aanmeldingen feature by the roles that handle intake.
/// </summary>
public static class Aanmeldingsbronnen
{
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, bool, IQueryable<TijdlijnItem>>> Aangemeld =
        new((db, leerlingId, zorg) => db.Aanmeldingen.Where(a => zorg && a.LeerlingId == leerlingId).Select(a => new TijdlijnItem
        {
            Soort = TijdlijnSoort.Aangemeld,
            Id = a.Id,
            GesprekId = null,
            Datum = a.OntvangenOp,
            Tijdstip = a.VastgelegdOp,
            Titel = "ondersteuningsvraag",
            GesprekSoortId = null,
            Persoon = a.HuidigeSchool,
            Vertrouwelijkheid = null,
            Tekst = a.Ondersteuningsvraag.Substring(0, TijdlijnHandler.FragmentLengte),
            IsVoortgang = false,
            Deadline = null,
            AantalLeerlingen = 0,
            Niveau = null,
        }));

    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, bool, IQueryable<TijdlijnItem>>> Besloten =
        new((db, leerlingId, zorg) => db.Aanmeldingen.Where(a => zorg && a.LeerlingId == leerlingId && a.BesluitOp != null).Select(a => new TijdlijnItem
        {
            Soort = TijdlijnSoort.AanmeldingBesloten,
            Id = a.Id,
            GesprekId = null,
            Datum = a.BesluitOp!.Value,
            Tijdstip = a.GekoppeldOp ?? a.VastgelegdOp,
            Titel = a.Besluit == Aanmeldingsbesluit.GeplaatstMetOpp ? "geplaatst met OPP" : "geplaatst zonder OPP",
            GesprekSoortId = null,
            Persoon = db.Users.Where(u => u.Id == a.BesluitDoor)
                .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                .FirstOrDefault(),
            Vertrouwelijkheid = null,
            Tekst = a.BesluitToelichting,
            IsVoortgang = false,
            Deadline = null,
            AantalLeerlingen = 0,
            Niveau = null,
        }));

    public static IDossierbron<Aanmelding> Aanmeldingen { get; } = new Ondersteuningsbronnen.ZorgBron<Aanmelding>("aanmeldingen",
        (db, leerlingId, zorg) => db.Aanmeldingen.Where(a => zorg && a.LeerlingId == leerlingId), Aangemeld, Besloten);
}
