using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Medewerkers;

public sealed record MedewerkersZoekopdracht(string? Zoekterm = null, PaginaVerzoek? Pagina = null);

public sealed record MedewerkerRegel(Guid Id, string Voornaam, string? Tussenvoegsel, string Achternaam, string Email,
    IReadOnlyList<string> Rollen, bool Actief, bool HeeftWachtwoord)
{
    public string Naam => Domain.Naam.Volledig(Voornaam, Tussenvoegsel, Achternaam);
    public string Sorteernaam => Domain.Naam.Sorteer(Voornaam, Tussenvoegsel, Achternaam);
}

/// <summary>
/// The staff of the current school (parents excluded), searched by name or e-mail, sorted and paged in the database.
/// </summary>
public sealed class MedewerkersOverzichtHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public const string OpNaam = "naam";
    public const string OpEmail = "email";
    public const string OpStatus = "status";

    public async Task<Result<Pagina<MedewerkerRegel>>> HandleAsync(MedewerkersZoekopdracht zoekopdracht, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zoekopdracht);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var school = currentUser.SchoolId!.Value;
        var pagina = zoekopdracht.Pagina ?? new PaginaVerzoek();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var medewerkers = db.MedewerkersEnZonderRolVan(school);
        if (!string.IsNullOrWhiteSpace(zoekopdracht.Zoekterm))
        {
            foreach (var woord in Domain.Tekst.Regel(zoekopdracht.Zoekterm).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var patroon = Beheer.Bevat(woord);
                medewerkers = medewerkers.Where(u => EF.Functions.ILike(u.Voornaam, patroon) || EF.Functions.ILike(u.Achternaam, patroon)
                    || (u.Tussenvoegsel != null && EF.Functions.ILike(u.Tussenvoegsel, patroon))
                    || (u.Email != null && EF.Functions.ILike(u.Email, patroon)));
            }
        }
        var totaal = await medewerkers.CountAsync(cancellationToken);
        medewerkers = (pagina.SorteerOp, pagina.Aflopend) switch
        {
            (OpEmail, false) => medewerkers.OrderBy(u => u.Email),
            (OpEmail, true) => medewerkers.OrderByDescending(u => u.Email),
            (OpStatus, false) => medewerkers.OrderByDescending(u => u.Actief).ThenBy(u => u.Achternaam).ThenBy(u => u.Voornaam),
            (OpStatus, true) => medewerkers.OrderBy(u => u.Actief).ThenBy(u => u.Achternaam).ThenBy(u => u.Voornaam),
            (_, true) => medewerkers.OrderByDescending(u => u.Achternaam).ThenByDescending(u => u.Voornaam).ThenBy(u => u.Id),
            _ => medewerkers.OrderBy(u => u.Achternaam).ThenBy(u => u.Voornaam).ThenBy(u => u.Id),
        };
        var gevonden = await medewerkers.Skip(pagina.Overslaan).Take(pagina.Aantal)
            .Select(u => new { u.Id, u.Voornaam, u.Tussenvoegsel, u.Achternaam, u.Email, u.Actief, HeeftWachtwoord = u.PasswordHash != null })
            .ToListAsync(cancellationToken);
        var ids = gevonden.Select(u => u.Id).ToList();
        var rollen = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, Rol = r.Name! })
            .ToListAsync(cancellationToken);
        var volgorde = Rollen.Alle.Select((rol, i) => (rol, i)).ToDictionary(x => x.rol, x => x.i);
        var items = gevonden.Select(u => new MedewerkerRegel(u.Id, u.Voornaam, u.Tussenvoegsel, u.Achternaam, u.Email ?? "",
                rollen.Where(r => r.UserId == u.Id).Select(r => r.Rol).OrderBy(r => volgorde.GetValueOrDefault(r, int.MaxValue)).ToList(),
                u.Actief, u.HeeftWachtwoord))
            .ToList();
        return new Pagina<MedewerkerRegel>(items, totaal);
    }
}
