using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Dossier;

/// <summary>
/// The dossier sources of the support structure (issue 9): the ladder (<see cref="PmStap"/>), interventions
/// (<see cref="Inzet"/>), consent (<see cref="Toestemming"/>) and the ondersteuningspas. The first three are Zorg-level:
/// read by whoever <see cref="Leesrecht"/> grants <see cref="Vertrouwelijkheid.Zorg"/> for the student (mentor, his
/// coördinator, the care roles); the pass is read by everyone who sees the student, its diagnosis only at Zorg level
/// (<see cref="MagDiagnoseLezen"/>). Each timeline part takes the student and whether the reader reads Zorg as
/// parameters, so that the compiled timeline inlines them.
/// </summary>
public static class Ondersteuningsbronnen
{
    /// <summary>Whether the reader reads the Zorg level of this student (the ladder, interventions, consent, a diagnosis).</summary>
    public static bool LeestZorg(Dossierlezer lezer)
    {
        ArgumentNullException.ThrowIfNull(lezer);
        return lezer.Niveaus.Contains(Vertrouwelijkheid.Zorg);
    }

    /// <summary>The diagnosis on a pass: Zorg level (DOMAIN.md: teachers see facilities, not diagnoses).</summary>
    public static bool MagDiagnoseLezen(Dossierlezer lezer) => LeestZorg(lezer);

    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, bool, IQueryable<TijdlijnItem>>> PmItems =
        new((db, leerlingId, zorg) => db.PmStappen.Where(s => zorg && s.LeerlingId == leerlingId).Select(s => new TijdlijnItem
        {
            Soort = TijdlijnSoort.PmGewijzigd,
            Id = s.Id,
            GesprekId = null,
            Datum = s.Datum,
            Tijdstip = s.VastgelegdOp,
            Titel = "Zorgladder",
            GesprekSoortId = null,
            Persoon = db.Users.Where(u => u.Id == s.DoorId)
                .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                .FirstOrDefault(),
            Vertrouwelijkheid = null,
            Tekst = s.Reden.Substring(0, TijdlijnHandler.FragmentLengte),
            IsVoortgang = false,
            Deadline = null,
            AantalLeerlingen = 0,
            Niveau = s.Naar,
        }));

    /// <summary>Interventions that started (not those still on the waiting list).</summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, bool, IQueryable<TijdlijnItem>>> GestarteInzetten =
        new((db, leerlingId, zorg) => db.Inzetten.Where(i => zorg && i.LeerlingId == leerlingId && i.Status != InzetStatus.Wachtlijst)
            .Select(i => new TijdlijnItem
            {
                Soort = TijdlijnSoort.InzetGestart,
                Id = i.Id,
                GesprekId = null,
                Datum = i.Start,
                Tijdstip = i.AangemaaktOp,
                Titel = i.Aanbod!.Naam,
                GesprekSoortId = null,
                Persoon = db.Users.Where(u => u.Id == i.EigenaarId)
                    .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                    .FirstOrDefault(),
                Vertrouwelijkheid = null,
                Tekst = i.Doel.Substring(0, TijdlijnHandler.FragmentLengte),
                IsVoortgang = false,
                Deadline = i.GeplandEinde,
                AantalLeerlingen = 0,
                Niveau = null,
            }));

    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, bool, IQueryable<TijdlijnItem>>> BeeindigdeInzetten =
        new((db, leerlingId, zorg) => db.Inzetten.Where(i => zorg && i.LeerlingId == leerlingId && i.BeeindigdOp != null)
            .Select(i => new TijdlijnItem
            {
                Soort = TijdlijnSoort.InzetBeeindigd,
                Id = i.Id,
                GesprekId = null,
                Datum = i.BeeindigdOp!.Value,
                Tijdstip = i.AangemaaktOp,
                Titel = i.Aanbod!.Naam,
                GesprekSoortId = null,
                Persoon = db.Users.Where(u => u.Id == i.EigenaarId)
                    .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                    .FirstOrDefault(),
                Vertrouwelijkheid = null,
                Tekst = i.Evaluatie,
                IsVoortgang = false,
                Deadline = null,
                AantalLeerlingen = 0,
                Niveau = null,
            }));

    /// <summary>The purpose of a consent by its Domain name (<see cref="Toestemmingsregel.Weergave"/>), computed in SQL; an ordinary query that uses it runs <see cref="Inline.Ingevoegd{T}"/>.</summary>
    public static readonly Inline.Deel<Func<ToestemmingDoel, string>> Doelnaam = new(Inline.Namen<ToestemmingDoel>(d => d.Weergave()));

    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, bool, IQueryable<TijdlijnItem>>> GegevenToestemmingen =
        new((db, leerlingId, zorg) => db.Toestemmingen.Where(t => zorg && t.LeerlingId == leerlingId).Select(t => new TijdlijnItem
        {
            Soort = TijdlijnSoort.ToestemmingGegeven,
            Id = t.Id,
            GesprekId = null,
            Datum = t.GegevenOp,
            Tijdstip = t.VastgelegdOp,
            Titel = Doelnaam.Roep(t.Doel),
            GesprekSoortId = null,
            Persoon = t.OuderId == null
                ? "de leerling zelf"
                : db.Ouders.Where(o => o.Id == t.OuderId)
                    .Select(o => LeerlingzorgDbContext.VolledigeNaam(o.Voornaam, o.Tussenvoegsel, o.Achternaam))
                    .FirstOrDefault(),
            Vertrouwelijkheid = null,
            Tekst = t.Partner,
            IsVoortgang = false,
            Deadline = t.GeldigTot,
            AantalLeerlingen = 0,
            Niveau = null,
        }));

    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, bool, IQueryable<TijdlijnItem>>> IngetrokkenToestemmingen =
        new((db, leerlingId, zorg) => db.Toestemmingen.Where(t => zorg && t.LeerlingId == leerlingId && t.IngetrokkenOp != null)
            .Select(t => new TijdlijnItem
            {
                Soort = TijdlijnSoort.ToestemmingIngetrokken,
                Id = t.Id,
                GesprekId = null,
                Datum = t.IngetrokkenOp!.Value,
                Tijdstip = t.VastgelegdOp,
                Titel = Doelnaam.Roep(t.Doel),
                GesprekSoortId = null,
                Persoon = t.IngetrokkenDoor,
                Vertrouwelijkheid = null,
                Tekst = t.Partner,
                IsVoortgang = false,
                Deadline = null,
                AantalLeerlingen = 0,
                Niveau = null,
            }));

    /// <summary>A pass being set: its facilities are for every docent of the student; the diagnosis never travels here.</summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, IQueryable<TijdlijnItem>>> PasItems =
        new((db, leerlingId) => db.Ondersteuningspassen.Where(p => p.LeerlingId == leerlingId).Select(p => new TijdlijnItem
        {
            Soort = TijdlijnSoort.PasVastgesteld,
            Id = p.Id,
            GesprekId = null,
            Datum = p.GeldigVanaf,
            Tijdstip = p.AangemaaktOp,
            Titel = "versie " + p.Versie.ToString(),
            GesprekSoortId = null,
            Persoon = db.Users.Where(u => u.Id == p.AangemaaktDoor)
                .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                .FirstOrDefault(),
            Vertrouwelijkheid = null,
            Tekst = null,
            IsVoortgang = false,
            Deadline = p.GeldigTot,
            AantalLeerlingen = 0,
            Niveau = null,
        }));

    /// <summary>The title of a plan version on the timeline: "OPP, versie 2" / "Handelingsplan, versie 1".</summary>
    private static readonly Inline.Deel<Func<LeerlingzorgDbContext, PlanVersie, string>> Plantitel =
        new((db, v) => db.Plannen.Where(p => p.Id == v.PlanId).Select(p => p.Soort == PlanSoort.Opp ? "OPP" : "Handelingsplan").First()
            + ", versie " + v.Nummer.ToString());

    /// <summary>A plan version that took effect (an OPP agreed by the parents, a handelingsplan adopted), on the day it did (issue 11).</summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, bool, IQueryable<TijdlijnItem>>> PlanVanKracht =
        new((db, leerlingId, zorg) => db.PlanVersies.Where(v => zorg && v.LeerlingId == leerlingId && v.Ingang != null)
            .Select(v => new TijdlijnItem
            {
                Soort = TijdlijnSoort.PlanVanKracht,
                Id = v.Id,
                GesprekId = null,
                Datum = v.Ingang!.Value,
                Tijdstip = v.AangemaaktOp,
                Titel = Plantitel.Roep(db, v),
                GesprekSoortId = null,
                Persoon = db.Users.Where(u => u.Id == v.BijgewerktDoor)
                    .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                    .FirstOrDefault(),
                Vertrouwelijkheid = null,
                Tekst = null,
                IsVoortgang = false,
                Deadline = v.EvaluatieGepland,
                AantalLeerlingen = 0,
                Niveau = null,
            }));

    /// <summary>The evaluation of the plan version in force, with its text.</summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, bool, IQueryable<TijdlijnItem>>> PlanGeevalueerd =
        new((db, leerlingId, zorg) => db.PlanVersies.Where(v => zorg && v.LeerlingId == leerlingId && v.LaatstGeevalueerd != null)
            .Select(v => new TijdlijnItem
            {
                Soort = TijdlijnSoort.PlanGeevalueerd,
                Id = v.Id,
                GesprekId = null,
                Datum = v.LaatstGeevalueerd!.Value,
                Tijdstip = v.AangemaaktOp,
                Titel = Plantitel.Roep(db, v),
                GesprekSoortId = null,
                Persoon = db.Users.Where(u => u.Id == v.BijgewerktDoor)
                    .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                    .FirstOrDefault(),
                Vertrouwelijkheid = null,
                Tekst = v.Evaluatie!.Substring(0, TijdlijnHandler.FragmentLengte),
                IsVoortgang = false,
                Deadline = null,
                AantalLeerlingen = 0,
                Niveau = null,
            }));

    /// <summary>
    /// <paramref name="vooraf"/> followed by every timeline item of the support structure for the student, for the
    /// compiled timeline (which inlines it). Appended part by part: a UNION of its own would type its first part's
    /// NULLs by itself (NULL::int for a level stored as text) and no longer match the parts before it.
    /// </summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, IQueryable<TijdlijnItem>, Guid, bool, IQueryable<TijdlijnItem>>> Achter =
        new((db, vooraf, leerlingId, zorg) => vooraf
            .Concat(PmItems.Roep(db, leerlingId, zorg))
            .Concat(GestarteInzetten.Roep(db, leerlingId, zorg))
            .Concat(BeeindigdeInzetten.Roep(db, leerlingId, zorg))
            .Concat(GegevenToestemmingen.Roep(db, leerlingId, zorg))
            .Concat(IngetrokkenToestemmingen.Roep(db, leerlingId, zorg))
            .Concat(PasItems.Roep(db, leerlingId))
            .Concat(PlanVanKracht.Roep(db, leerlingId, zorg))
            .Concat(PlanGeevalueerd.Roep(db, leerlingId, zorg))
            .Concat(Aanmeldingsbronnen.Aangemeld.Roep(db, leerlingId, zorg))
            .Concat(Aanmeldingsbronnen.Besloten.Roep(db, leerlingId, zorg))
            .Concat(Aanvraagbronnen.Ingediend.Roep(db, leerlingId, zorg))
            .Concat(Aanvraagbronnen.Besloten.Roep(db, leerlingId, zorg)));

    // After the parts: static members initialise in the order written.
    public static IDossierbron<PmStap> PmStappen { get; } = new ZorgBron<PmStap>("stappen op de zorgladder",
        (db, leerlingId, zorg) => db.PmStappen.Where(s => zorg && s.LeerlingId == leerlingId), PmItems);

    public static IDossierbron<Inzet> Inzetten { get; } = new ZorgBron<Inzet>("inzetten",
        (db, leerlingId, zorg) => db.Inzetten.Where(i => zorg && i.LeerlingId == leerlingId), GestarteInzetten, BeeindigdeInzetten);

    public static IDossierbron<Toestemming> Toestemmingen { get; } = new ZorgBron<Toestemming>("toestemmingen",
        (db, leerlingId, zorg) => db.Toestemmingen.Where(t => zorg && t.LeerlingId == leerlingId), GegevenToestemmingen, IngetrokkenToestemmingen);

    /// <summary>Requests for consent sent to a parent through the portal, and his answers (issue 11).</summary>
    public static IDossierbron<Toestemmingsverzoek> Toestemmingsverzoeken { get; } = new ZorgBron<Toestemmingsverzoek>("toestemmingsverzoeken",
        (db, leerlingId, zorg) => db.Toestemmingsverzoeken.Where(v => zorg && v.LeerlingId == leerlingId));

    public static IDossierbron<Ondersteuningspas> Passen { get; } = new PasBron();

    private static bool OpOndersteuning(TijdlijnVraag vraag) =>
        vraag.GesprekSoortId is null && vraag.Filter is TijdlijnFilterSoort.Alles or TijdlijnFilterSoort.Ondersteuning;

    /// <summary>A Zorg-level source: its rows of the student for a reader who reads Zorg (<see cref="LeestZorg"/>), its timeline parts.</summary>
    internal sealed class ZorgBron<T>(string auditOmschrijving, Func<LeerlingzorgDbContext, Guid, bool, IQueryable<T>> vanLeerling,
        params Inline.Deel<Func<LeerlingzorgDbContext, Guid, bool, IQueryable<TijdlijnItem>>>[] tijdlijn) : IDossierbron<T> where T : class
    {
        public Type Entiteit => typeof(T);
        public IReadOnlyList<Type> Onderdelen { get; init; } = [];
        public string AuditOmschrijving => auditOmschrijving;
        public Bewaartermijn Bewaartermijn => Dossierbronnen.Leerlingdossier;

        public IQueryable<T> Leesbaar(LeerlingzorgDbContext db, Dossierlezer lezer) => vanLeerling(db, lezer.LeerlingId, LeestZorg(lezer));

        public IEnumerable<IQueryable<TijdlijnItem>> Tijdlijn(LeerlingzorgDbContext db, Dossierlezer lezer, TijdlijnVraag vraag) =>
            OpOndersteuning(vraag) ? tijdlijn.Select(deel => deel.Roep(db, lezer.LeerlingId, LeestZorg(lezer))) : [];
    }

    private sealed class PasBron : IDossierbron<Ondersteuningspas>
    {
        public Type Entiteit => typeof(Ondersteuningspas);
        public IReadOnlyList<Type> Onderdelen { get; } = [];
        public string AuditOmschrijving => "ondersteuningspassen";
        public Bewaartermijn Bewaartermijn => Dossierbronnen.Leerlingdossier;

        /// <summary>Every reader who sees the student (the docent included); read the diagnosis only with <see cref="MagDiagnoseLezen"/>.</summary>
        public IQueryable<Ondersteuningspas> Leesbaar(LeerlingzorgDbContext db, Dossierlezer lezer) =>
            db.Ondersteuningspassen.Where(p => p.LeerlingId == lezer.LeerlingId);

        public IEnumerable<IQueryable<TijdlijnItem>> Tijdlijn(LeerlingzorgDbContext db, Dossierlezer lezer, TijdlijnVraag vraag)
        {
            if (OpOndersteuning(vraag))
            {
                yield return PasItems.Roep(db, lezer.LeerlingId);
            }
        }
    }
}
