using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Inzetten;

/// <summary>One intervention as the student's page and "Mijn inzetten" show it.</summary>
public sealed record InzetRegel(Guid Id, Guid LeerlingId, string Leerling, string Aanbod, Guid AanbodId, string Doel, DateOnly Start, DateOnly? GeplandEinde,
    Guid EigenaarId, string Eigenaar, string? Frequentie, DateOnly? VolgendeEvaluatie, InzetStatus Status, DateTimeOffset? WachtlijstSinds,
    DateOnly? BeeindigdOp, InzetUitkomst? Uitkomst, string? Evaluatie, DateTimeOffset? ToestemmingIngetrokkenOp, int Versie)
{
    public bool IsEvaluatieVerlopen(DateOnly vandaag) => Inzet.IsEvaluatieVerlopenOp(Status, VolgendeEvaluatie, vandaag);

    public bool IsLopend => Status is InzetStatus.Actief or InzetStatus.Wachtlijst;
}

public sealed record InzettenOverzicht(IReadOnlyList<InzetRegel> Lopend, IReadOnlyList<InzetRegel> Beeindigd, bool MagStarten, Guid Ik,
    bool IsZorgcoordinator)
{
    /// <summary>Per row, the same rule as the handlers (<see cref="Inzet.MagBeheren"/>): the owner or the zorgcoördinator.</summary>
    public bool MagBeheren(InzetRegel regel) => regel is not null && (regel.EigenaarId == Ik || IsZorgcoordinator);
}

internal static class Inzetprojectie
{
    public static IQueryable<InzetRegel> Regels(LeerlingzorgDbContext db, IQueryable<Inzet> inzetten) =>
        inzetten.Select(i => new InzetRegel(i.Id, i.LeerlingId,
            db.Leerlingen.Where(l => l.Id == i.LeerlingId)
                .Select(l => LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam)).FirstOrDefault() ?? "",
            i.Aanbod!.Naam, i.AanbodId, i.Doel, i.Start, i.GeplandEinde, i.EigenaarId,
            db.Users.Where(u => u.Id == i.EigenaarId)
                .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam)).FirstOrDefault() ?? "",
            i.Frequentie, i.VolgendeEvaluatie, i.Status, i.WachtlijstSinds, i.BeeindigdOp, i.Uitkomst, i.Evaluatie, i.ToestemmingIngetrokkenOp, i.Versie));
}

/// <summary>
/// The interventions of one student: Zorg-level (<see cref="Ondersteuningsbronnen.Inzetten"/>, mentor, his coördinator and
/// the care roles); the running ones first (overdue review first), then the ended ones. The read is audited.
/// </summary>
public sealed class InzettenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<InzettenOverzicht>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, leerlingId, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De leerling");
        }
        if (!Ondersteuningsbronnen.LeestZorg(lezer))
        {
            return new Fout(FoutSoort.GeenToegang, "De inzet van ondersteuning is alleen zichtbaar voor de mentor, de coördinator en de zorgmedewerkers.");
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var regels = await Inzetprojectie.Regels(db, Ondersteuningsbronnen.Inzetten.Leesbaar(db, lezer)
                .OrderByDescending(Inzet.EvaluatieVerlopen(vandaag)).ThenByDescending(i => i.Start).ThenByDescending(i => i.Id))
            .ToListAsync(cancellationToken);
        await audit.ReadEachAsync(db, [leerlingId], "inzetten", cancellationToken);
        var lopend = regels.Where(r => r.IsLopend).ToList();
        var beeindigd = regels.Where(r => !r.IsLopend).OrderByDescending(r => r.BeeindigdOp).ThenByDescending(r => r.Id).ToList();
        // Whether any active offer may be started by him: the mentor and coördinator up to PM II, care roles all.
        var magStarten = Inzet.MagStarten(lezer.Lezer, PmNiveau.PmI);
        return new InzettenOverzicht(lopend, beeindigd, magStarten, lezer.Id, currentUser.IsInRol(Rollen.Zorgcoordinator));
    }
}
