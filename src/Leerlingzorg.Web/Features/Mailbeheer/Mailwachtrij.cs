using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Mail;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Mailbeheer;

/// <summary>A mail in the beheerder's list: metadata only, the address masked, never the text or the link.</summary>
public sealed record MailRegel(Guid Id, DateTimeOffset AangemaaktOp, string Aan, string Onderwerp, MailStatus Status, int Pogingen,
    DateTimeOffset VolgendePoging, string? LaatsteFout);

/// <summary>
/// The mail queue of the beheerder's own school (issue 11, Deliver 5): the mails still waiting or given up, newest
/// first, paged in the database. Opening it is audited as a read of mail metadata.
/// </summary>
public sealed class MailwachtrijHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public Task<Result<Pagina<MailRegel>>> HandleAsync(PaginaVerzoek verzoek, CancellationToken cancellationToken = default) =>
        LeesAsync(verzoek, cancellationToken).BijStoring();

    private async Task<Result<Pagina<MailRegel>>> LeesAsync(PaginaVerzoek verzoek, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verzoek);
        if (!Infrastructure.Authorization.Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = currentUser.SchoolId;
        var open = db.Mailberichten.Where(m => m.SchoolId == school && m.Status != MailStatus.Verzonden);
        var totaal = await open.CountAsync(cancellationToken);
        var rijen = await open.OrderByDescending(m => m.AangemaaktOp).ThenBy(m => m.Id)
            .Skip(verzoek.Overslaan).Take(verzoek.Aantal)
            .Select(m => new { m.Id, m.AangemaaktOp, m.Aan, m.Onderwerp, m.Status, m.Pogingen, m.VolgendePoging, m.LaatsteFout })
            .ToListAsync(cancellationToken);
        await audit.ReadAsync(null, $"mailwachtrij (metadata van {rijen.Count} e-mail(s))", cancellationToken);
        return new Pagina<MailRegel>(rijen.Select(m => new MailRegel(m.Id, m.AangemaaktOp, Mailbericht.Gemaskeerd(m.Aan), m.Onderwerp, m.Status,
            m.Pogingen, m.VolgendePoging, m.LaatsteFout)).ToList(), totaal);
    }
}

/// <summary>The beheerder tries a failed mail of his school again: it waits for the next round of the Mailbezorger.</summary>
public sealed class MailOpnieuwProberenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public Task<Result<bool>> HandleAsync(Guid mailId, CancellationToken cancellationToken = default) =>
        ProbeerAsync(mailId, cancellationToken).BijStoring();

    private async Task<Result<bool>> ProbeerAsync(Guid mailId, CancellationToken cancellationToken)
    {
        if (!Infrastructure.Authorization.Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var school = currentUser.SchoolId;
        if (await db.Mailberichten.AsTracking().SingleOrDefaultAsync(m => m.Id == mailId && m.SchoolId == school, cancellationToken) is not { } mail)
        {
            return Fout.NietGevonden("De e-mail");
        }
        if (!mail.Opnieuw(time.GetUtcNow()))
        {
            return new Fout(FoutSoort.Conflict, "Deze e-mail is niet mislukt: hij wacht nog of is al verzonden.");
        }
        audit.Add(db, AuditActie.Wijzigen, null, $"e-mail opnieuw proberen ({mail.Id})");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
