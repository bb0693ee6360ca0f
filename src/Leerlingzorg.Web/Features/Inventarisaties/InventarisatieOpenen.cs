using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Inventarisaties;

/// <summary>One student's row on the form as the docent sees it (null judgements: not filled in yet).</summary>
public sealed record FormulierRij(Guid LeerlingId, string Naam, Oordeel? Werkhouding, Oordeel? Gedrag, Oordeel? Resultaten, Oordeel? Welbevinden,
    string? Opmerking, string? IngebrachtMetVraag)
{
    public Oordeel? Van(Aspect aspect) => aspect switch
    {
        Aspect.Werkhouding => Werkhouding,
        Aspect.Gedrag => Gedrag,
        Aspect.Resultaten => Resultaten,
        Aspect.Welbevinden => Welbevinden,
        _ => null,
    };
}

/// <summary>
/// The docent's form: the class, the meeting, the deadline and one row per current student. <see cref="IsMentor"/>: he is
/// also the class's mentor and may bring students in with a question.
/// </summary>
public sealed record Formulier(Guid Id, Guid BesprekingId, string Klas, string Bespreking, DateOnly Datum, DateOnly Deadline,
    DateTimeOffset? IngeleverdOp, bool TeLaat, bool IsVerlopen, bool KanWijzigen, bool IsMentor, DateTimeOffset? LaatstOpgeslagen,
    IReadOnlyList<FormulierRij> Rijen);

/// <summary>
/// Who may fill in a form: only its docent (staff). Anyone else, or a form of another school, reads as not found. Shared
/// by the form's handlers.
/// </summary>
internal static class Formuliertoegang
{
    public static readonly Fout Gesloten = new(FoutSoort.Conflict,
        "De bespreking is afgesloten of geannuleerd: dit formulier kan niet meer worden gewijzigd.");

    public static Fout NietGevonden => Fout.NietGevonden("Het inventarisatieformulier");

    public static async Task<(Inventarisatie Formulier, Bespreking Bespreking)?> LaadAsync(LeerlingzorgDbContext db, CurrentUser user, Guid id,
        bool tracking, CancellationToken cancellationToken)
    {
        if (user.Id is not { } docent || !Toegang.IsMedewerker(user))
        {
            return null;
        }
        var query = tracking ? db.Inventarisaties.AsTracking() : db.Inventarisaties;
        var formulier = await query.FirstOrDefaultAsync(i => i.Id == id && i.DocentId == docent, cancellationToken);
        if (formulier is null)
        {
            return null;
        }
        var bespreking = await db.Besprekingen.FirstAsync(b => b.Id == formulier.BesprekingId, cancellationToken);
        return (formulier, bespreking);
    }

    /// <summary>The students on the form: the class's current students (not written out).</summary>
    public static IQueryable<Leerling> Leerlingen(LeerlingzorgDbContext db, Guid klasId) =>
        db.Leerlingen.Where(l => l.KlasId == klasId && l.Status != LeerlingStatus.Uitgeschreven);

    public static Task<bool> IsMentorAsync(LeerlingzorgDbContext db, Guid klasId, Guid gebruikerId, CancellationToken cancellationToken) =>
        db.KlasMentoren.AnyAsync(m => m.KlasId == klasId && m.MedewerkerId == gebruikerId, cancellationToken);
}

/// <summary>Opens the form for its docent; audits a list read of the students shown.</summary>
public sealed class InventarisatieOpenenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<Formulier>> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await Formuliertoegang.LaadAsync(db, currentUser, id, false, cancellationToken) is not var (formulier, bespreking))
        {
            return Formuliertoegang.NietGevonden;
        }
        var ik = currentUser.Id!.Value;
        var klas = await db.Klassen.Where(k => k.Id == formulier.KlasId).Select(k => k.Naam).FirstAsync(cancellationToken);
        var isMentor = await Formuliertoegang.IsMentorAsync(db, formulier.KlasId, ik, cancellationToken);
        var leerlingen = await Formuliertoegang.Leerlingen(db, formulier.KlasId)
            .OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.Voornaam, l.Tussenvoegsel, l.Achternaam })
            .ToListAsync(cancellationToken);
        var regels = await db.InventarisatieRegels.Where(r => r.InventarisatieId == formulier.Id).ToDictionaryAsync(r => r.LeerlingId, cancellationToken);
        var vragen = isMentor
            ? await db.Agendapunten.Where(a => a.BesprekingId == bespreking.Id && a.IngebrachtDoor != null)
                .ToDictionaryAsync(a => a.LeerlingId, a => a.Vraag, cancellationToken)
            : [];
        var rijen = leerlingen.Select(l =>
        {
            var r = regels.GetValueOrDefault(l.Id);
            return new FormulierRij(l.Id, Domain.Naam.Volledig(l.Voornaam, l.Tussenvoegsel, l.Achternaam),
                r?.Werkhouding, r?.Gedrag, r?.Resultaten, r?.Welbevinden, r?.Opmerking,
                vragen.TryGetValue(l.Id, out var vraag) ? vraag ?? "" : null);
        }).ToList();
        await audit.ReadListAsync([.. rijen.Select(r => r.LeerlingId)], $"inventarisatieformulier {klas} ({formulier.Id})", cancellationToken);
        var vandaag = Schoolkalender.Vandaag(time);
        return new Formulier(formulier.Id, bespreking.Id, klas, bespreking.Naam, bespreking.Datum, formulier.Deadline,
            formulier.IngeleverdOp, formulier.TeLaat, formulier.IsVerlopen(vandaag), bespreking.IsOpen, isMentor,
            regels.Values.Max(r => r.BijgewerktOp), rijen);
    }
}
