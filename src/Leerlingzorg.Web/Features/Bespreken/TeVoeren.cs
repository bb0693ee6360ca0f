using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Bespreken;

/// <summary>An open meeting the user takes part in, to chair or join.</summary>
public sealed record TeVoerenBespreking(Guid Id, string Naam, DateOnly Datum, TimeOnly Begin, BesprekingStatus Status, string Klassen, bool IsOrganisator);

/// <summary>
/// The open meetings of the user (<see cref="Bespreking.ZichtbaarVoor"/>) from a week ago on, soonest first: the way in
/// to chairing one. Only the meeting's kind, date and classes: no student data, so nothing to audit.
/// </summary>
public sealed class TeVoerenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public const int Maximum = 50;

    public async Task<Result<IReadOnlyList<TeVoerenBespreking>>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } id || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var zorgcoordinator = currentUser.IsInRol(Rollen.Zorgcoordinator);
        var vanaf = Schoolkalender.Vandaag(time).AddDays(-7);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rijen = await db.Besprekingen.Where(Bespreking.ZichtbaarVoor(id, zorgcoordinator))
            .Where(b => (b.Status == BesprekingStatus.Gepland || b.Status == BesprekingStatus.Bezig) && b.Datum >= vanaf)
            .OrderBy(b => b.Datum).ThenBy(b => b.Begin).Take(Maximum)
            .Select(b => new
            {
                b.Id, b.Soort, b.Titel, b.Datum, b.Begin, b.Status, b.VoorzitterId, b.AangemaaktDoor,
                Klassen = db.Klassen.Where(k => b.Klassen.Select(x => x.KlasId).Contains(k.Id)).OrderBy(k => k.Naam).Select(k => k.Naam).ToList(),
            })
            .ToListAsync(cancellationToken);
        return rijen.Select(b => new TeVoerenBespreking(b.Id, b.Titel ?? b.Soort.Weergave(), b.Datum, b.Begin, b.Status, string.Join(", ", b.Klassen),
            zorgcoordinator || b.VoorzitterId == id || b.AangemaaktDoor == id)).ToList();
    }
}
