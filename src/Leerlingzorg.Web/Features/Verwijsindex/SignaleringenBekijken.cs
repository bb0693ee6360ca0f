using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Verwijsindex;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Verwijsindex;

/// <summary>The Verwijsindex card of one student: his registrations, newest first, and whether the reader may register.</summary>
/// <param name="Leeftijd">The student's age today, for the dialog's "who is told" line.</param>
/// <param name="TeInformerenNu">Who would be told of a registration made today.</param>
public sealed record VerwijsindexKaartGegevens(
    Guid LeerlingId, DateOnly Vandaag, bool MagMelden, int Leeftijd, IReadOnlyList<TeInformeren> TeInformerenNu, IReadOnlyList<SignaleringRegel> Signaleringen)
{
    public bool HeeftLopende => Signaleringen.Any(s => s.AfgemeldOp is null);
}

public sealed record InformeringRegel(string Wie, DateOnly Op, InformeerWijze Wijze);

public sealed record MatchRegel(DateOnly Op, string Organisatie);

/// <param name="NogTeInformeren">Who must still be told, with <see cref="InformerenInvoer.Wie"/> as the key.</param>
public sealed record SignaleringRegel(
    Guid Id, int Versie, DateOnly GesignaleerdOp, string DoorNaam, string Contactpersoon, string ContactTelefoonOfEmail, DateOnly Uiterlijk,
    Termijnstand Stand, IReadOnlyList<InformeringRegel> Informeringen, IReadOnlyList<(string Wie, string Naam)> NogTeInformeren,
    IReadOnlyList<MatchRegel> Matches, DateOnly? AfgemeldOp, AfmeldReden? AfmeldReden);

/// <summary>
/// The registrations of one student for the Zorg level (<see cref="Verwijsindexbronnen.Signaleringen"/>): the mentor, his
/// coördinator and the care roles; a docent and a parent are refused. Read audited.
/// </summary>
public sealed class SignaleringenBekijkenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public Task<Result<VerwijsindexKaartGegevens>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default) =>
        Intern(leerlingId, cancellationToken).BijStoring();

    private async Task<Result<VerwijsindexKaartGegevens>> Intern(Guid leerlingId, CancellationToken cancellationToken)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, leerlingId, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De leerling");
        }
        if (!Ondersteuningsbronnen.LeestZorg(lezer))
        {
            return new Fout(FoutSoort.GeenToegang, "De Verwijsindex is alleen zichtbaar voor de mentor, de coördinator en de zorgrollen.");
        }
        var leerling = await db.Leerlingen.Include(l => l.Ouders).ThenInclude(o => o.Ouder)
            .FirstOrDefaultAsync(l => l.Id == leerlingId, cancellationToken);
        if (leerling is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        var signaleringen = await Verwijsindexbronnen.Signaleringen.Leesbaar(db, lezer)
            .OrderByDescending(s => s.GesignaleerdOp).ThenByDescending(s => s.VastgelegdOp)
            .ToListAsync(cancellationToken);
        var namen = leerling.Ouders.Where(o => o.Ouder is not null).ToDictionary(o => o.OuderId, o => o.Ouder!.VolledigeNaam);
        var regels = signaleringen.Select(s => new SignaleringRegel(
            s.Id, s.Versie, s.GesignaleerdOp, s.DoorNaam, s.Contactpersoon, s.ContactTelefoonOfEmail, s.Uiterlijk, s.Stand(vandaag),
            [.. s.Informeringen.OrderBy(i => i.Op).Select(i => new InformeringRegel(
                i.OuderId is { } o ? namen.GetValueOrDefault(o, "Een ouder") : "De leerling zelf", i.Op, i.Wijze))],
            s.IsAfgemeld ? [] : [.. s.NogTeInformeren(leerling).Select(t => (t.OuderId?.ToString() ?? InformerenInvoer.DeLeerlingZelf, t.Naam))],
            [.. s.Matches.OrderBy(m => m.Op).Select(m => new MatchRegel(m.Op, m.Organisatie))],
            s.AfgemeldOp, s.AfmeldReden)).ToList();
        await audit.ReadEachAsync(db, [leerlingId], "verwijsindex", cancellationToken);
        return new VerwijsindexKaartGegevens(leerlingId, vandaag, Verwijsindexrecht.MagMelden(currentUser), leerling.LeeftijdOp(vandaag),
            Signalering.TeInformerenOp(leerling, vandaag), regels);
    }
}
