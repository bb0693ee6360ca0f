using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Web.Features.Besprekingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Inventarisaties;

/// <summary>One docent's form as the meeting's participants see it: who, which class, and its state (no content).</summary>
public sealed record DocentStatus(Guid InventarisatieId, Guid DocentId, string Docent, string Klas, DateOnly Deadline,
    DateTimeOffset? IngeleverdOp, bool TeLaat, DateTimeOffset? HerinnerdOp, bool MagHerinneren);

/// <summary>"7 van 9 docenten ingevuld": the forms of a meeting, and whether the caller may send a reminder.</summary>
public sealed record Voortgang(IReadOnlyList<DocentStatus> Docenten, bool IsOrganisator, bool IsOpen)
{
    public int Ingeleverd => Docenten.Count(d => d.IngeleverdOp is not null);

    public bool KanHerinneren => IsOrganisator && IsOpen && Docenten.Any(d => d.MagHerinneren);

    public string Samenvatting => Docenten.Count == 1 ? $"{Ingeleverd} van 1 docent ingevuld" : $"{Ingeleverd} van {Docenten.Count} docenten ingevuld";
}

/// <summary>The forms' progress on the meeting page: for everyone who takes part in the meeting.</summary>
public sealed class InventarisatieVoortgangHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<Voortgang>> HandleAsync(Guid besprekingId, CancellationToken cancellationToken = default)
    {
        if (!Infrastructure.Authorization.Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BesprekingslezerAsync(currentUser, besprekingId, cancellationToken: cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De bespreking");
        }
        return new Voortgang(await DocentenAsync(db, besprekingId, time.GetUtcNow(), cancellationToken), lezer.IsOrganisator, lezer.Bespreking.IsOpen);
    }

    internal static async Task<List<DocentStatus>> DocentenAsync(LeerlingzorgDbContext db, Guid besprekingId, DateTimeOffset nu, CancellationToken cancellationToken)
    {
        var formulieren = await db.Inventarisaties.Where(i => i.BesprekingId == besprekingId).ToListAsync(cancellationToken);
        var docentIds = formulieren.Select(f => f.DocentId).Distinct().ToList();
        var klasIds = formulieren.Select(f => f.KlasId).Distinct().ToList();
        var docenten = await db.Users.Where(u => docentIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Voornaam, u.Tussenvoegsel, u.Achternaam }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var klassen = await db.Klassen.Where(k => klasIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Naam, cancellationToken);
        return [.. formulieren
            .Select(f => new DocentStatus(f.Id, f.DocentId,
                docenten.TryGetValue(f.DocentId, out var d) ? Domain.Naam.Volledig(d.Voornaam, d.Tussenvoegsel, d.Achternaam) : "(onbekend)",
                klassen.GetValueOrDefault(f.KlasId, ""), f.Deadline, f.IngeleverdOp, f.TeLaat, f.HerinnerdOp, f.MagHerinneren(nu)))
            .OrderBy(d => d.IngeleverdOp is not null).ThenBy(d => d.Klas).ThenBy(d => d.Docent, StringComparer.CurrentCulture)];
    }
}

/// <summary>
/// The organisator reminds every docent whose form is still open (<see cref="Inventarisatie.Herinner"/>, at most once a
/// day each) and mails each a link to his form: no student content in the mail.
/// </summary>
public sealed class HerinneringSturenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    /// <param name="basisAdres">The application's base address (ending in "/"), for the link in the mail.</param>
    /// <returns>How many docents were reminded.</returns>
    public async Task<Result<int>> HandleAsync(Guid besprekingId, Uri basisAdres, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(basisAdres);
        if (!Infrastructure.Authorization.Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BesprekingslezerAsync(currentUser, besprekingId, cancellationToken: cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De bespreking");
        }
        if (!lezer.IsOrganisator)
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de voorzitter of organisator van de bespreking kan een herinnering sturen.");
        }
        if (!lezer.Bespreking.IsOpen)
        {
            return new Fout(FoutSoort.Conflict, "De bespreking is afgesloten of geannuleerd.");
        }
        var nu = time.GetUtcNow();
        var open = await db.Inventarisaties.AsTracking().Where(i => i.BesprekingId == besprekingId && i.IngeleverdOp == null).ToListAsync(cancellationToken);
        var teHerinneren = open.Where(i => i.MagHerinneren(nu)).ToList();
        if (teHerinneren.Count == 0)
        {
            return new Fout(FoutSoort.Conflict, open.Count == 0
                ? "Alle docenten hebben hun formulier ingeleverd."
                : "Alle docenten met een open formulier zijn vandaag al herinnerd. Morgen kunt u opnieuw een herinnering sturen.");
        }
        foreach (var formulier in teHerinneren)
        {
            formulier.Herinner(nu);
        }
        audit.Add(db, AuditActie.Wijzigen, null, $"herinnering inventarisatieformulier aan {teHerinneren.Count} docent(en) ({besprekingId})");

        var docentIds = teHerinneren.Select(i => i.DocentId).Distinct().ToList();
        var docenten = await db.Users.Where(u => docentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var bespreking = lezer.Bespreking;
        foreach (var formulier in teHerinneren)
        {
            if (docenten.GetValueOrDefault(formulier.DocentId) is not { Email: { Length: > 0 } email } docent)
            {
                continue;
            }
            var deadline = formulier.Deadline.ToString("d MMMM", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
            var datum = bespreking.Datum.ToString("d MMMM", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
            // Queued in the same transaction as the reminder itself (Mailbezorger delivers it).
            db.Mailberichten.Add(Infrastructure.Mail.Mailbericht.Nieuw(db.SchoolId, docent.Id, email, "Herinnering: inventarisatieformulier invullen",
                $"Beste {docent.Voornaam}, uw inventarisatieformulier voor de {bespreking.Naam.ToLowerInvariant()} van {datum} is nog niet ingeleverd. "
                + $"Wilt u het vóór {deadline} invullen en inleveren? Open het formulier met de link hieronder.",
                new Uri(basisAdres, $"inventarisaties/{formulier.Id}").ToString(), nu));
        }
        await db.SaveChangesAsync(cancellationToken);
        return teHerinneren.Count;
    }
}
