using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Leerlingen;

public sealed record LeerlingKaart(Guid Id, string Leerlingnummer, string Naam, DateOnly Geboortedatum, bool IsAmv,
    Guid? KlasId, string? Klas, IReadOnlyList<string> Mentoren, IReadOnlyList<OuderRegel> Ouders,
    LeerlingStatus Status, DateOnly? Inschrijfdatum, DateOnly? Uitschrijfdatum, string? Uitschrijfreden,
    IReadOnlyList<PlaatsingRegel> Plaatsingen)
{
    public bool IsUitgeschreven => Status == LeerlingStatus.Uitgeschreven;

    /// <summary>How many open afspraken about the student the user may see (0 for the beheerder's basic view).</summary>
    public int AantalOpenAfspraken { get; init; }

    /// <summary>The first three of them: by deadline, so the overdue ones come first.</summary>
    public IReadOnlyList<AfspraakKort> OpenAfspraken { get; init; } = [];

    /// <summary>The student's level on the ladder (for everyone who sees the student) and since when (null: never changed).</summary>
    public Domain.Ondersteuning.PmNiveau PmNiveau { get; init; } = Domain.Ondersteuning.PmNiveau.PmI;

    public DateOnly? PmSinds { get; init; }

    /// <summary>Whether the reader reads the student's support (interventions, consent, diagnosis): the Zorg level.</summary>
    public bool LeestZorg { get; init; }
}

/// <summary>An open afspraak in the header of the student's page.</summary>
public sealed record AfspraakKort(Guid Id, string Wat, DateOnly? Deadline, string? Eigenaar, Guid? GesprekId)
{
    public bool IsVerlopen(DateOnly vandaag) => Domain.Dossier.Afspraak.IsVerlopenOp(Deadline, afgerond: false, vandaag);
}

public sealed record OuderRegel(Guid OuderId, string Naam, OuderRelatie Relatie, bool Gezag, string? Email, string? Telefoon, string? Voorkeurstaal);

/// <summary>Where the student was in one schooljaar and how that year ended (null while it runs).</summary>
public sealed record PlaatsingRegel(Schooljaar Schooljaar, Guid KlasId, string Klas, int Leerjaar, Jaaruitkomst? Uitkomst);

/// <summary>The header of a student's page; only for those with a relation to the student. Audited.</summary>
public sealed class LeerlingBekijkenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<LeerlingKaart>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        LeerlingKaart? kaart;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // One connection (one session setting) for the relation, the card and its audit line.
            await db.Database.OpenConnectionAsync(cancellationToken);
            // The reader's relation to the student once; then one statement: the card and the open afspraken he may read.
            if (await db.DossierlezerAsync(currentUser, leerlingId, cancellationToken) is not { } lezer)
            {
                return Fout.NietGevonden("De leerling");
            }
            // The student's id in the source's predicate: EF pages a collection with ROW_NUMBER() over the whole
            // subquery, which without it would rank every open afspraak of the school.
            if (!lezer.GroepsgesprekkenRuimer)
            {
                kaart = await KaartVanLezer(db, leerlingId, lezer.Id, lezer.Niveaus, lezer.NiveausAlsAuteur, cancellationToken);
            }
            else
            {
                var afspraken = Dossierbronnen.Afspraken.Leesbaar(db, lezer).Where(a => a.AfgerondOp == null);
                kaart = await Kaarten(db, db.Leerlingen.Where(l => l.Id == leerlingId), afspraken)
                    .FirstOrDefaultAsync(cancellationToken);
            }
            if (kaart is null)
            {
                return Fout.NietGevonden("De leerling");
            }
            await audit.ReadEachAsync(db, [kaart.Id], "leerlingkaart", cancellationToken);
            kaart = kaart with { LeestZorg = Ondersteuningsbronnen.LeestZorg(lezer) };
        }
        return kaart;
    }

    /// <summary>
    /// The card of each student in <paramref name="leerlingen"/>, in one query, with the student's rows of
    /// <paramref name="openAfspraken"/> (none when not given: the beheerder's basic view shows no dossier).
    /// </summary>
    internal static IQueryable<LeerlingKaart> Kaarten(LeerlingzorgDbContext db, IQueryable<Leerling> leerlingen, IQueryable<Afspraak>? openAfspraken = null) =>
        KaartenDeel.Roep(db, leerlingen, openAfspraken ?? db.Afspraken.Where(_ => false));

    private static readonly Inline.Deel<Func<LeerlingzorgDbContext, IQueryable<Leerling>, IQueryable<Afspraak>, IQueryable<LeerlingKaart>>> KaartenDeel =
        new((db, leerlingen, afspraken) => leerlingen.Select(l => new LeerlingKaart(l.Id, l.Leerlingnummer,
            LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam),
            l.Geboortedatum, l.IsAmv, l.KlasId, l.Klas!.Naam,
            db.Users.Where(u => l.Klas!.Mentoren.Any(m => m.MedewerkerId == u.Id))
                .OrderBy(u => u.Achternaam)
                .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                .ToList(),
            l.Ouders.OrderByDescending(o => o.Gezag).ThenBy(o => o.Ouder!.Achternaam).ThenBy(o => o.Ouder!.Voornaam)
                .Select(o => new OuderRegel(o.OuderId,
                    LeerlingzorgDbContext.VolledigeNaam(o.Ouder!.Voornaam, o.Ouder.Tussenvoegsel, o.Ouder.Achternaam),
                    o.Relatie, o.Gezag, o.Ouder.Email, o.Ouder.Telefoon, o.Ouder.Voorkeurstaal))
                .ToList(),
            l.Status, l.Inschrijfdatum, l.Uitschrijfdatum, l.Uitschrijfreden,
            l.Plaatsingen.OrderByDescending(p => p.Schooljaar)
                .Select(p => new PlaatsingRegel(p.Schooljaar, p.KlasId, p.Klas!.Naam, p.Klas.Leerjaar, p.Uitkomst))
                .ToList())
        {
            PmNiveau = l.PmNiveau,
            PmSinds = l.PmSinds,
            AantalOpenAfspraken = afspraken.Count(a => a.LeerlingId == l.Id),
            OpenAfspraken = afspraken.Where(a => a.LeerlingId == l.Id)
                .OrderBy(a => a.Deadline == null).ThenBy(a => a.Deadline).ThenBy(a => a.AangemaaktOp)
                .Take(3)
                .Select(a => new AfspraakKort(a.Id, a.Wat, a.Deadline,
                    db.Users.Where(u => u.Id == a.EigenaarId)
                        .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam))
                        .FirstOrDefault(),
                    a.GesprekId))
                .ToList(),
        }));

    /// <summary>
    /// The header for the usual reader (his relation decides, <see cref="Dossierlezer.GroepsgesprekkenRuimer"/> false):
    /// <see cref="Kaarten"/> with the readable open afspraken, the same parts inlined, compiled once.
    /// </summary>
    private static readonly Func<LeerlingzorgDbContext, Guid, Guid, Vertrouwelijkheid[], Vertrouwelijkheid[], CancellationToken, Task<LeerlingKaart?>> KaartVanLezer =
        EF.CompileAsyncQuery(Inline.In<Func<LeerlingzorgDbContext, Guid, Guid, Vertrouwelijkheid[], Vertrouwelijkheid[], CancellationToken, LeerlingKaart?>>((LeerlingzorgDbContext db, Guid leerlingId, Guid id, Vertrouwelijkheid[] niveaus, Vertrouwelijkheid[] alsAuteur, CancellationToken _) =>
            KaartenDeel.Roep(db, db.Leerlingen.Where(l => l.Id == leerlingId),
                    Dossierbronnen.LeesbareAfspraken.Roep(db, leerlingId, id,
                        Dossiertoegang.GesprekkenVanLezer.Roep(db, leerlingId, id, niveaus, alsAuteur), niveaus)
                    .Where(a => a.AfgerondOp == null))
                .FirstOrDefault()));
}
