using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Inventarisaties;

/// <summary>One form on the docent's start page: class and meeting, no student content (so no audit of students).</summary>
public sealed record MijnInventarisatie(Guid Id, string Klas, string Bespreking, DateOnly Datum, DateOnly Deadline,
    DateTimeOffset? IngeleverdOp, bool TeLaat, DateTimeOffset? HerinnerdOp, bool IsVerlopen);

public sealed record MijnInventarisatieLijst(IReadOnlyList<MijnInventarisatie> Open, IReadOnlyList<MijnInventarisatie> Ingeleverd);

/// <summary>
/// The docent's tasks: his open forms of meetings still to come (earliest deadline first), and the ones he handed in for
/// those meetings (he can still change them).
/// </summary>
public sealed class MijnInventarisatiesHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<MijnInventarisatieLijst>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } docent || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rijen = await (
            from i in db.Inventarisaties
            join b in db.Besprekingen on i.BesprekingId equals b.Id
            join k in db.Klassen on i.KlasId equals k.Id
            where i.DocentId == docent && b.Datum >= vandaag
                && (b.Status == BesprekingStatus.Gepland || b.Status == BesprekingStatus.Bezig)
            orderby i.Deadline, b.Datum, k.Naam
            select new { i.Id, Klas = k.Naam, b.Titel, b.Soort, b.Datum, i.Deadline, i.IngeleverdOp, i.TeLaat, i.HerinnerdOp })
            .ToListAsync(cancellationToken);
        var lijst = rijen.Select(r => new MijnInventarisatie(r.Id, r.Klas, r.Titel ?? r.Soort.Weergave(), r.Datum, r.Deadline, r.IngeleverdOp, r.TeLaat,
            r.HerinnerdOp, new Inventarisatie { Deadline = r.Deadline, IngeleverdOp = r.IngeleverdOp }.IsVerlopen(vandaag))).ToList();
        return new MijnInventarisatieLijst([.. lijst.Where(r => r.IngeleverdOp is null)], [.. lijst.Where(r => r.IngeleverdOp is not null)]);
    }
}
