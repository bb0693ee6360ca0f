using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

// Not "…Features.Voortgang": a namespace of that name would hide the domain type Voortgang from every feature.
namespace Leerlingzorg.Web.Features.Voortgangsgesprekken;

/// <summary>How many of the year's voortgangsgesprekken one student had, and when the last one was.</summary>
public sealed record VoortgangRegel(Guid LeerlingId, string Naam, string Sorteernaam, int Aantal, DateOnly? Laatste);

public sealed record VoortgangOverzicht(Guid KlasId, string Klas, Schooljaar Schooljaar, IReadOnlyList<VoortgangRegel> Leerlingen)
{
    public const int PerJaar = 3;

    /// <summary>How many students had at least <paramref name="ronde"/> voortgangsgesprekken (1 = the first).</summary>
    public int AantalMetRonde(int ronde) => Leerlingen.Count(l => l.Aantal >= ronde);
}

/// <summary>
/// The voortgangsgesprekken of a class in the class's schooljaar: per student how many took place (gesprekken of a
/// voortgang kind, dated within the schooljaar, not deleted) and the date of the last one. It counts existence, so it
/// includes gesprekken the user may not read, and returns nothing of their content. Only for those who see the class.
/// </summary>
public sealed class VoortgangsgesprekkenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<VoortgangOverzicht>> HandleAsync(Guid klasId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        VoortgangOverzicht? overzicht;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var klas = await db.ZichtbareKlassen(currentUser).Where(k => k.Id == klasId)
                .Select(k => new { k.Id, k.Naam, k.Schooljaar })
                .FirstOrDefaultAsync(cancellationToken);
            if (klas is null)
            {
                return Fout.NietGevonden("De klas");
            }
            var (begin, einde) = (klas.Schooljaar.Begin, klas.Schooljaar.Einde);
            var voortgang = db.Gesprekken.Where(g => g.VerwijderdOp == null && g.Soort!.IsVoortgangsgesprek
                && g.Datum >= begin && g.Datum <= einde);
            var regels = await db.Leerlingen.Where(l => l.KlasId == klasId)
                .Select(l => new
                {
                    l.Id, l.Voornaam, l.Tussenvoegsel, l.Achternaam,
                    Aantal = voortgang.Count(g => g.Leerlingen.Any(gl => gl.LeerlingId == l.Id)),
                    Laatste = voortgang.Where(g => g.Leerlingen.Any(gl => gl.LeerlingId == l.Id)).Max(g => (DateOnly?)g.Datum),
                })
                .ToListAsync(cancellationToken);
            overzicht = new VoortgangOverzicht(klas.Id, klas.Naam, klas.Schooljaar,
                regels.Select(r => new VoortgangRegel(r.Id, Domain.Naam.Volledig(r.Voornaam, r.Tussenvoegsel, r.Achternaam),
                        Domain.Naam.Sorteer(r.Voornaam, r.Tussenvoegsel, r.Achternaam), r.Aantal, r.Laatste))
                    .OrderBy(r => r.Sorteernaam, StringComparer.CurrentCulture)
                    .ToList());
        }
        await audit.ReadListAsync(overzicht.Leerlingen.Select(l => l.LeerlingId).ToList(),
            $"voortgangsgesprekken klas {overzicht.Klas} ({overzicht.KlasId})", cancellationToken);
        return overzicht;
    }
}
