using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;

namespace Leerlingzorg.Web.Features.Dossier;

/// <summary>
/// The dossier sources of the meetings (issue 10): a student's part of a meeting (<see cref="Agendapunt"/>, Zorg by default,
/// Vertrouwelijk when the chair marks it) and the docents' judgements of him on the inventarisatieformulieren
/// (<see cref="InventarisatieRegel"/>: read by the docent who wrote them and by whoever reads Zorg for the student).
/// </summary>
public static class Besprekingsbronnen
{
    public const int FragmentLengte = TijdlijnHandler.FragmentLengte;

    /// <summary>The kind of meeting in words, computed in SQL from the Domain's names.</summary>
    public static readonly Inline.Deel<Func<BesprekingSoort, string>> Soortnaam = new(Inline.Namen<BesprekingSoort>(s => s.Weergave()));

    /// <summary>
    /// The student's parts of closed meetings he was discussed in by name, at the levels the reader reads (the verslag on
    /// the timeline): the kind of meeting, its day, the chair, and what was decided ("Wat doen we eraan?", else the problem).
    /// </summary>
    public static readonly Inline.Deel<Func<LeerlingzorgDbContext, Guid, Vertrouwelijkheid[], IQueryable<TijdlijnItem>>> BesprokenItems =
        new((db, leerlingId, niveaus) => db.Agendapunten
            .Where(p => p.LeerlingId == leerlingId && !p.Anoniem && niveaus.Contains(p.Vertrouwelijkheid))
            .Join(db.Besprekingen.Where(b => b.Status == BesprekingStatus.Afgesloten), p => p.BesprekingId, b => b.Id, (p, b) => new TijdlijnItem
            {
                Soort = TijdlijnSoort.Besproken,
                Id = p.Id,
                GesprekId = null,
                Datum = b.Datum,
                Tijdstip = b.AfgeslotenOp ?? b.AangemaaktOp,
                Titel = Soortnaam.Roep(b.Soort),
                GesprekSoortId = null,
                Persoon = db.Users.Where(u => u.Id == b.VoorzitterId)
                    .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                    .FirstOrDefault(),
                Vertrouwelijkheid = p.Vertrouwelijkheid,
                Tekst = (p.Aanpak ?? p.Probleem ?? p.WatGaatGoed ?? p.Oorzaak)!.Substring(0, FragmentLengte),
                IsVoortgang = false,
                Deadline = null,
                AantalLeerlingen = 0,
                Niveau = null,
            }));

    // After the parts: static members initialise in the order written.
    public static IDossierbron<Agendapunt> Agendapunten { get; } = new AgendapuntBron();

    public static IDossierbron<InventarisatieRegel> Inventarisaties { get; } = new InventarisatieBron();

    private sealed class AgendapuntBron : IDossierbron<Agendapunt>
    {
        public Type Entiteit => typeof(Agendapunt);
        public IReadOnlyList<Type> Onderdelen { get; } = [];
        public string AuditOmschrijving => "besprekingen";
        public Bewaartermijn Bewaartermijn => Dossierbronnen.Leerlingdossier;

        public IQueryable<Agendapunt> Leesbaar(LeerlingzorgDbContext db, Dossierlezer lezer)
        {
            var niveaus = lezer.Niveaus;
            return db.Agendapunten.Where(a => a.LeerlingId == lezer.LeerlingId && !a.Anoniem && niveaus.Contains(a.Vertrouwelijkheid));
        }

        /// <summary>Closing a meeting writes the student's part into his dossier: on the timeline from then on.</summary>
        public IEnumerable<IQueryable<TijdlijnItem>> Tijdlijn(LeerlingzorgDbContext db, Dossierlezer lezer, TijdlijnVraag vraag)
        {
            if (vraag.GesprekSoortId is null && vraag.Filter is TijdlijnFilterSoort.Alles or TijdlijnFilterSoort.Besprekingen)
            {
                yield return BesprokenItems.Roep(db, lezer.LeerlingId, lezer.Niveaus);
            }
        }
    }

    private sealed class InventarisatieBron : IDossierbron<InventarisatieRegel>
    {
        public Type Entiteit => typeof(InventarisatieRegel);
        public IReadOnlyList<Type> Onderdelen { get; } = [];
        public string AuditOmschrijving => "inventarisatieformulieren";
        public Bewaartermijn Bewaartermijn => Dossierbronnen.Leerlingdossier;

        public IQueryable<InventarisatieRegel> Leesbaar(LeerlingzorgDbContext db, Dossierlezer lezer)
        {
            var zorg = Ondersteuningsbronnen.LeestZorg(lezer);
            var id = lezer.Id;
            return db.InventarisatieRegels.Where(r => r.LeerlingId == lezer.LeerlingId
                && (zorg || db.Inventarisaties.Any(i => i.Id == r.InventarisatieId && i.DocentId == id)));
        }

        // A docent's judgements prepare the meeting; what the meeting made of them is the agendapunt's part.
        public IEnumerable<IQueryable<TijdlijnItem>> Tijdlijn(LeerlingzorgDbContext db, Dossierlezer lezer, TijdlijnVraag vraag) => [];
    }
}
