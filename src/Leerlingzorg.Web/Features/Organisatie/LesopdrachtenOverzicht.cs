using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

public sealed record LesopdrachtenZoekopdracht(Schooljaar Schooljaar, string? Zoekterm = null, PaginaVerzoek? Pagina = null);

public sealed record LesopdrachtRegel(Guid Id, Guid KlasId, string Klas, Guid MedewerkerId, string Docent, bool DocentActief, string Vak);

/// <summary>
/// Who teaches which vak to which class in one schooljaar: hundreds of rows at a large school, so searched,
/// sorted and paged in the database.
/// </summary>
public sealed class LesopdrachtenOverzichtHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public const string OpKlas = "klas";
    public const string OpDocent = "docent";
    public const string OpVak = "vak";

    public async Task<Result<Pagina<LesopdrachtRegel>>> HandleAsync(LesopdrachtenZoekopdracht zoekopdracht, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zoekopdracht);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var school = currentUser.SchoolId!.Value;
        var pagina = zoekopdracht.Pagina ?? new PaginaVerzoek();
        var jaar = zoekopdracht.Schooljaar;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regels =
            from l in db.Lesopdrachten
            join k in db.Klassen on l.KlasId equals k.Id
            join u in db.Users.Where(u => u.SchoolId == school) on l.MedewerkerId equals u.Id
            where k.Schooljaar == jaar
            select new { l.Id, l.KlasId, Klas = k.Naam, k.Leerjaar, l.MedewerkerId, u.Voornaam, u.Tussenvoegsel, u.Achternaam, u.Actief, l.Vak };
        if (!string.IsNullOrWhiteSpace(zoekopdracht.Zoekterm))
        {
            foreach (var woord in zoekopdracht.Zoekterm.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var patroon = Beheer.Bevat(woord);
                regels = regels.Where(r => EF.Functions.ILike(r.Vak, patroon) || EF.Functions.ILike(r.Klas, patroon)
                    || EF.Functions.ILike(r.Voornaam, patroon) || EF.Functions.ILike(r.Achternaam, patroon)
                    || (r.Tussenvoegsel != null && EF.Functions.ILike(r.Tussenvoegsel, patroon)));
            }
        }
        var totaal = await regels.CountAsync(cancellationToken);
        regels = (pagina.SorteerOp, pagina.Aflopend) switch
        {
            (OpDocent, false) => regels.OrderBy(r => r.Achternaam).ThenBy(r => r.Voornaam).ThenBy(r => r.Klas).ThenBy(r => r.Vak),
            (OpDocent, true) => regels.OrderByDescending(r => r.Achternaam).ThenByDescending(r => r.Voornaam).ThenBy(r => r.Klas).ThenBy(r => r.Vak),
            (OpVak, false) => regels.OrderBy(r => r.Vak).ThenBy(r => r.Klas),
            (OpVak, true) => regels.OrderByDescending(r => r.Vak).ThenBy(r => r.Klas),
            (_, true) => regels.OrderByDescending(r => r.Leerjaar).ThenByDescending(r => r.Klas).ThenBy(r => r.Vak),
            _ => regels.OrderBy(r => r.Leerjaar).ThenBy(r => r.Klas).ThenBy(r => r.Vak),
        };
        var items = await regels.Skip(pagina.Overslaan).Take(pagina.Aantal)
            .Select(r => new LesopdrachtRegel(r.Id, r.KlasId, r.Klas, r.MedewerkerId,
                LeerlingzorgDbContext.VolledigeNaam(r.Voornaam, r.Tussenvoegsel, r.Achternaam), r.Actief, r.Vak))
            .ToListAsync(cancellationToken);
        return new Pagina<LesopdrachtRegel>(items, totaal);
    }
}
