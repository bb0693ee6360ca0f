using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Besprekingen;

/// <summary>One meeting in "Mijn besprekingen"; for a leerlingbespreking how many of its forms are in.</summary>
public sealed record BesprekingRij(Guid Id, BesprekingSoort Soort, string? Titel, DateOnly Datum, TimeOnly Begin, TimeOnly? Einde,
    string? Plaats, string Voorzitter, BesprekingStatus Status, IReadOnlyList<string> Klassen, int Formulieren, int Ingeleverd)
{
    public string Naam => Titel ?? Soort.Weergave();
}

public sealed record BesprekingenPagina(IReadOnlyList<BesprekingRij> Items, int Totaal, int Pagina, int Grootte);

/// <summary>
/// "Mijn besprekingen": the meetings the user takes part in (<see cref="Bespreking.ZichtbaarVoor"/>; the zorgcoördinator all of
/// his school), upcoming first by date, or the earlier ones latest first; paged in the database. It shows meetings and classes,
/// no student: nothing of a dossier is read.
/// </summary>
public sealed class MijnBesprekingenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public const int MaxGrootte = 100;

    public static bool MagGebruiken(CurrentUser user) => Toegang.IsMedewerker(user);

    public async Task<Result<BesprekingenPagina>> HandleAsync(bool eerder, int pagina, int grootte, CancellationToken cancellationToken = default)
    {
        if (!MagGebruiken(currentUser))
        {
            return Fout.GeenToegang;
        }
        pagina = Math.Max(0, pagina);
        grootte = Math.Clamp(grootte, 1, MaxGrootte);
        var vandaag = Schoolkalender.Vandaag(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zichtbaar = db.Besprekingen.Where(Bespreking.ZichtbaarVoor(currentUser.Id!.Value, currentUser.IsInRol(Rollen.Zorgcoordinator)));
        zichtbaar = eerder ? zichtbaar.Where(b => b.Datum < vandaag) : zichtbaar.Where(b => b.Datum >= vandaag);
        var totaal = await zichtbaar.CountAsync(cancellationToken);
        var geordend = eerder
            ? zichtbaar.OrderByDescending(b => b.Datum).ThenByDescending(b => b.Begin).ThenBy(b => b.Id)
            : zichtbaar.OrderBy(b => b.Datum).ThenBy(b => b.Begin).ThenBy(b => b.Id);
        var rijen = await geordend.Skip(pagina * grootte).Take(grootte)
            .Select(b => new BesprekingRij(b.Id, b.Soort, b.Titel, b.Datum, b.Begin, b.Einde, b.Plaats,
                db.Users.Where(u => u.Id == b.VoorzitterId)
                    .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam)).FirstOrDefault() ?? "",
                b.Status,
                db.BesprekingKlassen.Where(k => k.BesprekingId == b.Id)
                    .Join(db.Klassen, bk => bk.KlasId, k => k.Id, (bk, k) => k.Naam).OrderBy(n => n).ToList(),
                db.Inventarisaties.Count(i => i.BesprekingId == b.Id),
                db.Inventarisaties.Count(i => i.BesprekingId == b.Id && i.IngeleverdOp != null)))
            .ToListAsync(cancellationToken);
        return new BesprekingenPagina(rijen, totaal, pagina, grootte);
    }
}
