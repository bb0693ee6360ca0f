using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Dossier;

/// <summary>
/// The dossier source of the applications to the samenwerkingsverband (issue 12, ADR 0010): what the school sent and the
/// SWV's decision on it, the student's own and those of a group arrangement he is in. Read through the school-bound context: RLS <c>school_leest</c> lets a school read the rows it
/// sent, never another school's; Zorg level like the rest of the support structure.
/// </summary>
public static class Aanvraagbronnen
{
    /// <summary>The kind on the timeline ("individueel arrangement"), computed in SQL.</summary>
    private static readonly Inline.Deel<Func<Aanvraagsoort, string>> Soortnaam = new(Inline.Namen<Aanvraagsoort>(Swvaanvraag.SoortInZin));

    private static readonly Inline.Deel<Func<Besluituitkomst, string>> Uitkomstnaam = new(Inline.Namen<Besluituitkomst>(Swvaanvraag.UitkomstInWoorden));

    /// <summary>
    /// An amount as <see cref="Swvaanvraag.InEuro"/> writes it ("€ 12.500,00"), in SQL: whole euros with a thousands
    /// point (an amount stays under € 1.000.000, <see cref="Swvaanvraag.MaxKosten"/>), then the cents.
    /// </summary>
    private static readonly Inline.Deel<Func<decimal, string>> Euro = new(b =>
        "€ " + ((long)Math.Floor(b) >= 1000
            ? ((long)Math.Floor(b) / 1000).ToString() + "." + ((long)Math.Floor(b) % 1000).ToString().PadLeft(3, '0')
            : ((long)Math.Floor(b)).ToString())
        + "," + ((long)Math.Round((b - Math.Floor(b)) * 100)).ToString().PadLeft(2, '0'));

    /// <summary>An application sent, on the school's day of sending.</summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, bool, IQueryable<TijdlijnItem>>> Ingediend =
        new((db, leerlingId, zorg) => db.Swvaanvragen.Where(a => zorg && (a.LeerlingId == leerlingId || db.Groepsleden.Any(g => g.AanvraagId == a.Id && g.LeerlingId == leerlingId)))
            .Select(a => new TijdlijnItem
            {
                Soort = TijdlijnSoort.SwvAanvraag,
                Id = a.Id,
                GesprekId = null,
                Datum = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(EF.Property<DateTime>(a, nameof(Swvaanvraag.IngediendOp)), Schoolkalender.ZoneId)),
                Tijdstip = a.IngediendOp,
                Titel = Soortnaam.Roep(a.Soort) + (a.Groepsgrootte == null ? "" : " voor " + a.Groepsgrootte.Value.ToString() + " leerlingen"),
                GesprekSoortId = null,
                Persoon = a.IngediendDoorNaam,
                Vertrouwelijkheid = null,
                Tekst = a.Vraag.Substring(0, TijdlijnHandler.FragmentLengte),
                IsVoortgang = false,
                Deadline = null,
                AantalLeerlingen = 0,
                Niveau = null,
            }));

    /// <summary>The SWV's decision on it: the outcome with the amount, until when, and its reasons.</summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, bool, IQueryable<TijdlijnItem>>> Besloten =
        new((db, leerlingId, zorg) => db.Swvaanvragen.Where(a => zorg && (a.LeerlingId == leerlingId || db.Groepsleden.Any(g => g.AanvraagId == a.Id && g.LeerlingId == leerlingId))
                && a.BesluitOp != null && a.Uitkomst != null)
            .Select(a => new TijdlijnItem
            {
                Soort = TijdlijnSoort.SwvBesluit,
                Id = a.Id,
                GesprekId = null,
                Datum = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(EF.Property<DateTime>(a, nameof(Swvaanvraag.BesluitOp)), Schoolkalender.ZoneId)),
                Tijdstip = a.BesluitOp!.Value,
                Titel = Uitkomstnaam.Roep(a.Uitkomst!.Value)
                    + (a.ToegekendBedrag == null ? "" : " " + Euro.Roep(a.ToegekendBedrag.Value))
                    + " (" + Soortnaam.Roep(a.Soort) + ")",
                GesprekSoortId = null,
                Persoon = a.BesluitDoorNaam,
                Vertrouwelijkheid = null,
                Tekst = a.Besluittekst!.Substring(0, TijdlijnHandler.FragmentLengte),
                IsVoortgang = false,
                Deadline = a.ToegekendTot,
                AantalLeerlingen = 0,
                Niveau = null,
            }));

    public static IDossierbron<Swvaanvraag> Aanvragen { get; } = new Ondersteuningsbronnen.ZorgBron<Swvaanvraag>("aanvragen bij het samenwerkingsverband",
        (db, leerlingId, zorg) => db.Swvaanvragen.Where(a => zorg
            && (a.LeerlingId == leerlingId || db.Groepsleden.Any(g => g.AanvraagId == a.Id && g.LeerlingId == leerlingId))), Ingediend, Besloten)
    {
        // A group arrangement's students: read with their application, never on their own.
        Onderdelen = [typeof(Groepslid)],
    };
}
