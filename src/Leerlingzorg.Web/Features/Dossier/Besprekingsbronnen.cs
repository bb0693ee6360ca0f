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

        // The verslag of a closed meeting reaches the timeline through its own items (closing a meeting, issue 10 Deliver 6).
        public IEnumerable<IQueryable<TijdlijnItem>> Tijdlijn(LeerlingzorgDbContext db, Dossierlezer lezer, TijdlijnVraag vraag) => [];
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

        public IEnumerable<IQueryable<TijdlijnItem>> Tijdlijn(LeerlingzorgDbContext db, Dossierlezer lezer, TijdlijnVraag vraag) => [];
    }
}
