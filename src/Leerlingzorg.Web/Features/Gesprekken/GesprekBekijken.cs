using System.Text.Json;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Gesprekken;

public sealed record AfspraakRegel(string Wat, string Eigenaar, DateOnly? Deadline, bool IsAfgerond);

/// <summary>An earlier version: who replaced it and when; its text only for the author and the zorgcoördinator.</summary>
public sealed record RevisieRegel(int Versie, string GewijzigdDoor, DateTimeOffset GewijzigdOp, GesprekInhoud? Inhoud);

public sealed record GesprekDetail(
    Guid Id, string Soort, bool IsVoortgangsgesprek, DateOnly Datum, string Auteur, string Samenvatting,
    Vertrouwelijkheid Vertrouwelijkheid, string? AndereDeelnemers, bool MetOuders, Domain.Dossier.Voortgang? Voortgang,
    DateTimeOffset AangemaaktOp, DateTimeOffset? GewijzigdOp, int Versie,
    DateTimeOffset? VerwijderdOp, string? VerwijderdDoor, string? VerwijderReden,
    IReadOnlyList<LeerlingOptie> Leerlingen, IReadOnlyList<AfspraakRegel> Afspraken, IReadOnlyList<RevisieRegel> Revisies,
    bool MagWijzigen, bool MagVerwijderen)
{
    public bool IsVerwijderd => VerwijderdOp is not null;
}

/// <summary>
/// One gesprek with its revisions, for whoever may read it (<see cref="Dossiertoegang.LeesbareGesprekken"/>; the
/// zorgcoördinator also sees a deleted one with its reason). Every read is audited, one line per student.
/// </summary>
public sealed class GesprekBekijkenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<GesprekDetail>> HandleAsync(Guid gesprekId, CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } ik || currentUser.SchoolId is not { } school || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var zorgcoordinator = currentUser.IsInRol(Rollen.Zorgcoordinator);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var g = await db.LeesbareGesprekken(currentUser, metVerwijderde: true)
            .Where(g => g.Id == gesprekId)
            .Select(g => new
            {
                g.Id, Soort = g.Soort!.Naam, g.Soort.IsVoortgangsgesprek, g.Datum, g.AuteurId, g.Samenvatting, g.Vertrouwelijkheid,
                g.AndereDeelnemers, g.MetOuders, g.Voortgang, g.AangemaaktOp, g.GewijzigdOp, g.Versie,
                g.VerwijderdOp, g.VerwijderdDoor, g.VerwijderReden,
                LeerlingIds = g.Leerlingen.Select(l => l.LeerlingId).ToList(),
                Afspraken = g.Afspraken.Select(a => new { a.Wat, a.EigenaarId, a.Deadline, a.AfgerondOp }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (g is null)
        {
            return Fout.NietGevonden("Het gesprek");
        }
        var leerlingen = await db.Leerlingen.Where(l => g.LeerlingIds.Contains(l.Id))
            .OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam)
            .Select(l => new LeerlingOptie(l.Id, LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam)))
            .ToListAsync(cancellationToken);
        var revisies = await db.GesprekRevisies.Where(r => r.GesprekId == gesprekId).OrderByDescending(r => r.Versie)
            .Select(r => new { r.Versie, r.GewijzigdDoor, r.GewijzigdOp, r.Inhoud }).ToListAsync(cancellationToken);
        var userIds = revisies.Select(r => r.GewijzigdDoor).Concat(g.Afspraken.Select(a => a.EigenaarId)).Append(g.AuteurId)
            .Concat(g.VerwijderdDoor is { } d ? [d] : []).Distinct().ToList();
        // Users are outside row-level security: the school is filtered here.
        var namen = await db.Users.Where(u => u.SchoolId == school && userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Voornaam, u.Tussenvoegsel, u.Achternaam })
            .ToDictionaryAsync(u => u.Id, u => Domain.Naam.Volledig(u.Voornaam, u.Tussenvoegsel, u.Achternaam), cancellationToken);
        string NaamVan(Guid id) => namen.GetValueOrDefault(id, "onbekende medewerker");

        var isAuteur = g.AuteurId == ik;
        // Earlier text may have had a stricter level than today's: only the author and the zorgcoördinator read it.
        var toonOudeTekst = isAuteur || zorgcoordinator;
        var detail = new GesprekDetail(
            g.Id, g.Soort, g.IsVoortgangsgesprek, g.Datum, NaamVan(g.AuteurId), g.Samenvatting, g.Vertrouwelijkheid,
            g.AndereDeelnemers, g.MetOuders, g.Voortgang, g.AangemaaktOp, g.GewijzigdOp, g.Versie,
            g.VerwijderdOp, g.VerwijderdDoor is { } door ? NaamVan(door) : null, g.VerwijderReden,
            leerlingen,
            // A group conversation holds one copy of each afspraak per student: show it once.
            [.. g.Afspraken.Select(a => new AfspraakRegel(a.Wat, NaamVan(a.EigenaarId), a.Deadline, a.AfgerondOp is not null)).Distinct()],
            [.. revisies.Select(r => new RevisieRegel(r.Versie, NaamVan(r.GewijzigdDoor), r.GewijzigdOp, toonOudeTekst ? Lees(r.Inhoud) : null))],
            MagWijzigen: Gesprek.MagWijzigen(g.AuteurId, g.VerwijderdOp is not null, ik),
            MagVerwijderen: Gesprek.MagVerwijderen(g.AuteurId, g.VerwijderdOp is not null, ik, zorgcoordinator));

        await audit.ReadEachAsync(g.LeerlingIds, $"gesprek gelezen ({g.Id})", cancellationToken);
        return detail;
    }

    private static GesprekInhoud? Lees(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<GesprekInhoud>(json, Gesprekken.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
