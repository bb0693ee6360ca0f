using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Dossier;

/// <summary>How long a source's rows are kept after the student leaves the school (DOMAIN.md, Privacy).</summary>
public sealed record Bewaartermijn(int JarenNaUitschrijving, string Grondslag);

/// <summary>
/// One kind of dossier data, registered once in <see cref="Dossierbronnen"/>: what a reader may read of it, how it
/// shows on the timeline, how its reads are audited and how long it is kept. The timeline and the header counts read
/// through it; a later dashboard, export or the parent's inzage does too. A model test fails for an entity holding
/// dossier data without a source.
/// </summary>
public interface IDossierbron
{
    /// <summary>The entity (table) this source reads.</summary>
    Type Entiteit { get; }

    /// <summary>Entities stored as part of this one (its students, its revisions): read only through it.</summary>
    IReadOnlyList<Type> Onderdelen { get; }

    /// <summary>The noun of the audit line: "{n} gesprekken".</summary>
    string AuditOmschrijving { get; }

    Bewaartermijn Bewaartermijn { get; }

    /// <summary>Its items on the timeline of the student of <paramref name="lezer"/> for this question (none when filtered out).</summary>
    IEnumerable<IQueryable<TijdlijnItem>> Tijdlijn(LeerlingzorgDbContext db, Dossierlezer lezer, TijdlijnVraag vraag);
}

/// <summary>A source of rows of <typeparamref name="T"/>.</summary>
public interface IDossierbron<T> : IDossierbron where T : class
{
    /// <summary>The rows of the student of <paramref name="lezer"/> he may read (the readable predicate of the source).</summary>
    IQueryable<T> Leesbaar(LeerlingzorgDbContext db, Dossierlezer lezer);
}

/// <summary>The registry: every kind of dossier data and its one source. A new kind adds a class below and a line in <see cref="Alle"/>.</summary>
public static class Dossierbronnen
{
    /// <summary>DOMAIN.md, Privacy: the leerlingdossier is kept 2 years after the student leaves.</summary>
    public static readonly Bewaartermijn Leerlingdossier = new(2, "leerlingdossier: 2 jaar na vertrek (DOMAIN.md, Privacy)");

    public static IDossierbron<Gesprek> Gesprekken { get; } = new GesprekBron();

    public static IDossierbron<Afspraak> Afspraken { get; } = new AfspraakBron();

    public static IReadOnlyList<IDossierbron> Alle { get; } =
        [Gesprekken, Afspraken, Ondersteuningsbronnen.PmStappen, Ondersteuningsbronnen.Inzetten, Ondersteuningsbronnen.Toestemmingen, Ondersteuningsbronnen.Passen,
            Besprekingsbronnen.Agendapunten, Besprekingsbronnen.Inventarisaties, Ondersteuningsbronnen.Toestemmingsverzoeken,
            Planbronnen.Versies, Aanmeldingsbronnen.Aanmeldingen, Aanvraagbronnen.Aanvragen,
            Verwijsindexbronnen.Signaleringen];

    /// <summary>
    /// The readable predicate of <see cref="Afspraken"/> over the student, the reader, the gesprekken he may read and the
    /// levels he reads, as parameters (a compiled query inlines it): an afspraak of a gesprek is as confidential as that
    /// gesprek, one made in a meeting as that student's part of it (its owner keeps his own); one made without either is
    /// for everyone who sees the student.
    /// </summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, Guid, IQueryable<Gesprek>, Vertrouwelijkheid[], IQueryable<Afspraak>>> LeesbareAfspraken =
        new((db, leerlingId, id, gesprekken, niveaus) => db.Afspraken.Where(a => a.LeerlingId == leerlingId
            && (a.EigenaarId == id
                || (a.GesprekId == null && a.AgendapuntId == null)
                || (a.GesprekId != null && gesprekken.Any(g => g.Id == a.GesprekId))
                || (a.AgendapuntId != null && db.Agendapunten.Any(p => p.Id == a.AgendapuntId && niveaus.Contains(p.Vertrouwelijkheid))))));

    /// <summary>The timeline items of these gesprekken (of one kind when <c>soortId</c> is given).</summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, IQueryable<Gesprek>, Guid?, IQueryable<TijdlijnItem>>> GesprekItems =
        new((db, gesprekken, soortId) => gesprekken
                .Where(g => soortId == null || g.SoortId == soortId)
                .Select(g => new TijdlijnItem
                {
                    Soort = TijdlijnSoort.Gesprek,
                    Id = g.Id,
                    GesprekId = g.Id,
                    Datum = g.Datum,
                    Tijdstip = g.AangemaaktOp,
                    Titel = g.Soort!.Naam,
                    GesprekSoortId = g.SoortId,
                    Persoon = db.Users.Where(u => u.Id == g.AuteurId)
                        .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                        .FirstOrDefault(),
                    Vertrouwelijkheid = g.Vertrouwelijkheid,
                    Tekst = g.Samenvatting.Substring(0, TijdlijnHandler.FragmentLengte),
                    IsVoortgang = g.Voortgang != null,
                    Deadline = null,
                    AantalLeerlingen = g.Leerlingen.Count,
                    Niveau = null,
                }));

    /// <summary>The timeline items of these afspraken being made.</summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, IQueryable<Afspraak>, IQueryable<TijdlijnItem>>> GemaakteAfspraken =
        new((db, afspraken) => afspraken.Select(a => new TijdlijnItem
            {
                Soort = TijdlijnSoort.AfspraakGemaakt,
                Id = a.Id,
                GesprekId = a.GesprekId,
                // The school's day, in SQL: CAST(aangemaakt_op AT TIME ZONE 'Europe/Amsterdam' AS date), so made at 00:30 is
                // that day. Npgsql translates the zone conversion only for a timestamptz read as an instant (DateTime), not
                // for a DateTimeOffset: hence the column through EF.Property<DateTime>.
                Datum = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(EF.Property<DateTime>(a, nameof(Afspraak.AangemaaktOp)), Schoolkalender.ZoneId)),
                Tijdstip = a.AangemaaktOp,
                Titel = a.Wat,
                GesprekSoortId = null,
                Persoon = db.Users.Where(u => u.Id == a.EigenaarId)
                    .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                    .FirstOrDefault(),
                Vertrouwelijkheid = null,
                Tekst = null,
                IsVoortgang = false,
                Deadline = a.Deadline,
                AantalLeerlingen = 0,
                Niveau = null,
            }));

    /// <summary>The timeline items of these afspraken being finished.</summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, IQueryable<Afspraak>, IQueryable<TijdlijnItem>>> AfgerondeAfspraken =
        new((db, afspraken) => afspraken.Where(a => a.AfgerondOp != null).Select(a => new TijdlijnItem
            {
                Soort = TijdlijnSoort.AfspraakAfgerond,
                Id = a.Id,
                GesprekId = a.GesprekId,
                Datum = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(EF.Property<DateTime>(a, nameof(Afspraak.AfgerondOp)), Schoolkalender.ZoneId)),
                Tijdstip = a.AfgerondOp!.Value,
                Titel = a.Wat,
                GesprekSoortId = null,
                Persoon = db.Users.Where(u => u.Id == a.EigenaarId)
                    .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                    .FirstOrDefault(),
                Vertrouwelijkheid = null,
                Tekst = a.Evaluatie,
                IsVoortgang = false,
                Deadline = a.Deadline,
                AantalLeerlingen = 0,
                Niveau = null,
            }));

    private sealed class GesprekBron : IDossierbron<Gesprek>
    {
        public Type Entiteit => typeof(Gesprek);
        public IReadOnlyList<Type> Onderdelen { get; } = [typeof(GesprekLeerling), typeof(GesprekRevisie)];
        public string AuditOmschrijving => "gesprekken";
        public Bewaartermijn Bewaartermijn => Leerlingdossier;

        public IQueryable<Gesprek> Leesbaar(LeerlingzorgDbContext db, Dossierlezer lezer) => db.LeesbareGesprekken(lezer);

        public IEnumerable<IQueryable<TijdlijnItem>> Tijdlijn(LeerlingzorgDbContext db, Dossierlezer lezer, TijdlijnVraag vraag)
        {
            if (vraag.GesprekSoortId is null && vraag.Filter is not (TijdlijnFilterSoort.Alles or TijdlijnFilterSoort.Gesprekken))
            {
                yield break;
            }
            yield return GesprekItems.Roep(db, Leesbaar(db, lezer), vraag.GesprekSoortId);
        }
    }

    private sealed class AfspraakBron : IDossierbron<Afspraak>
    {
        public Type Entiteit => typeof(Afspraak);
        public IReadOnlyList<Type> Onderdelen { get; } = [];
        public string AuditOmschrijving => "afspraken";
        public Bewaartermijn Bewaartermijn => Leerlingdossier;

        /// <summary>
        /// An afspraak of a gesprek is as confidential as that gesprek, one of a meeting as the student's part of it (its
        /// owner keeps his own); one made without either is for everyone who sees the student.
        /// </summary>
        public IQueryable<Afspraak> Leesbaar(LeerlingzorgDbContext db, Dossierlezer lezer) =>
            LeesbareAfspraken.Roep(db, lezer.LeerlingId, lezer.Id, db.LeesbareGesprekken(lezer), lezer.Niveaus);

        public IEnumerable<IQueryable<TijdlijnItem>> Tijdlijn(LeerlingzorgDbContext db, Dossierlezer lezer, TijdlijnVraag vraag)
        {
            if (vraag.GesprekSoortId is not null || vraag.Filter is not (TijdlijnFilterSoort.Alles or TijdlijnFilterSoort.Afspraken))
            {
                yield break;
            }
            var afspraken = Leesbaar(db, lezer);
            yield return GemaakteAfspraken.Roep(db, afspraken);
            yield return AfgerondeAfspraken.Roep(db, afspraken);
        }
    }
}
