using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Ondersteuningspassen;

/// <summary>One facility as shown: its Dutch name and what the docent needs to know.</summary>
public sealed record PasFaciliteitRegel(Faciliteit Soort, string? Toelichting)
{
    public string Naam => Soort.Naam();

    public string Weergave => Toelichting is null ? Naam : $"{Naam} ({Toelichting})";

    internal static IReadOnlyList<PasFaciliteitRegel> Van(IEnumerable<PasFaciliteit> faciliteiten) =>
        [.. faciliteiten.Select(f => new PasFaciliteitRegel(f.Soort, f.Toelichting))];
}

/// <summary>
/// One version of a pass. <see cref="Diagnose"/> is only filled for a reader who reads the Zorg level
/// (<see cref="Ondersteuningsbronnen.MagDiagnoseLezen"/>); for anyone else it is null and was never read from the database.
/// </summary>
public sealed record PasVersie(Guid Id, int Versie, IReadOnlyList<PasFaciliteitRegel> Faciliteiten, DateOnly GeldigVanaf,
    DateOnly? GeldigTot, DateTimeOffset AangemaaktOp, string? Door, DateTimeOffset? VervallenOp, string? Diagnose)
{
    public bool IsGeldigOp(DateOnly datum) =>
        VervallenOp is null && GeldigVanaf <= datum && (GeldigTot is not { } tot || datum <= tot);

    /// <summary>"Geldig van 1 september 2026 tot en met 17 juli 2027" or "Geldig vanaf 1 september 2026".</summary>
    public string Geldigheid => GeldigTot is { } tot
        ? $"Geldig van {Datum(GeldigVanaf)} tot en met {Datum(tot)}"
        : $"Geldig vanaf {Datum(GeldigVanaf)}";

    public static string Datum(DateOnly datum) => datum.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
}

/// <summary>The student's pass as this reader may see it.</summary>
public sealed record PasOverzicht(Guid LeerlingId, string Leerling, string? Klas, string School, PasVersie? Huidig,
    IReadOnlyList<PasVersie> Historie, bool MagDiagnoseLezen, bool MagBeheren, DateOnly Vandaag)
{
    public bool IsGeldig => Huidig?.IsGeldigOp(Vandaag) == true;
}

/// <summary>
/// The student's current ondersteuningspas: for every staff member who sees the student (the docent included) the
/// facilities and their validity; the diagnosis and the earlier versions only at the Zorg level. Audited.
/// </summary>
public sealed class PasBekijkenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    private sealed record Kop(string Naam, string? Klas, string? School);

    public async Task<Result<PasOverzicht>> HandleAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, leerlingId, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De leerling");
        }
        var zorg = Ondersteuningsbronnen.MagDiagnoseLezen(lezer);
        var kop = await db.Leerlingen.Where(l => l.Id == leerlingId)
            .Select(l => new Kop(LeerlingzorgDbContext.VolledigeNaam(l.Voornaam, l.Tussenvoegsel, l.Achternaam), l.Klas!.Naam,
                db.Scholen.Where(s => s.Id == l.SchoolId).Select(s => s.Naam).FirstOrDefault()))
            .FirstAsync(cancellationToken);
        var passen = Ondersteuningsbronnen.Passen.Leesbaar(db, lezer);
        List<PasVersie> versies;
        if (zorg)
        {
            // Zorg level: every version, with its diagnosis.
            versies = await passen.OrderByDescending(p => p.Versie)
                .Select(p => new
                {
                    p.Id, p.Versie, p.Faciliteiten, p.GeldigVanaf, p.GeldigTot, p.AangemaaktOp, p.VervallenOp, p.Diagnose,
                    Door = db.Users.Where(u => u.Id == p.AangemaaktDoor)
                        .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam)).FirstOrDefault(),
                })
                .AsAsyncEnumerable()
                .Select(p => new PasVersie(p.Id, p.Versie, PasFaciliteitRegel.Van(p.Faciliteiten), p.GeldigVanaf, p.GeldigTot,
                    p.AangemaaktOp, p.Door, p.VervallenOp, p.Diagnose))
                .ToListAsync(cancellationToken);
        }
        else
        {
            // Anyone else: the current version's facilities; the diagnosis column is not even selected.
            versies = await passen.Where(p => p.VervallenOp == null)
                .Select(p => new
                {
                    p.Id, p.Versie, p.Faciliteiten, p.GeldigVanaf, p.GeldigTot, p.AangemaaktOp,
                    Door = db.Users.Where(u => u.Id == p.AangemaaktDoor)
                        .Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam)).FirstOrDefault(),
                })
                .AsAsyncEnumerable()
                .Select(p => new PasVersie(p.Id, p.Versie, PasFaciliteitRegel.Van(p.Faciliteiten), p.GeldigVanaf, p.GeldigTot,
                    p.AangemaaktOp, p.Door, null, null))
                .ToListAsync(cancellationToken);
        }
        await audit.ReadEachAsync(db, [leerlingId], zorg ? "ondersteuningspas met diagnose" : "ondersteuningspas (faciliteiten)", cancellationToken);
        var huidig = versies.FirstOrDefault(v => v.VervallenOp is null);
        return new PasOverzicht(leerlingId, kop.Naam, kop.Klas, kop.School ?? "", huidig,
            zorg ? versies : [], zorg, MagBeheren(currentUser), Schoolkalender.Vandaag(time));
    }

    /// <summary>Who records, replaces and withdraws a pass: the zorgcoördinator and the other care roles.</summary>
    public static bool MagBeheren(CurrentUser user) => Toegang.IsMedewerker(user) && user.IsInEenVan(Rollen.Zorgrollen);
}
