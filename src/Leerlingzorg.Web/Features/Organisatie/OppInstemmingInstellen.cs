using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>
/// The school's setting for an OPP's handelingsdeel (<see cref="Domain.Organisatie.School.OppInstemming"/>): must every ouder
/// with gezag agree, or is one enough. Only the beheerder of the school reads and sets it; a change is audited.
/// </summary>
public sealed class OppInstemmingInstellenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<Instemmingsbeleid>> LeesAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser) || currentUser.SchoolId is not { } schoolId)
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var beleid = await db.Scholen.Where(s => s.Id == schoolId).Select(s => (Instemmingsbeleid?)s.OppInstemming).FirstOrDefaultAsync(cancellationToken);
        return beleid is { } b ? b : Fout.NietGevonden("De school");
    }

    public async Task<Result<Instemmingsbeleid>> HandleAsync(Instemmingsbeleid beleid, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser) || currentUser.SchoolId is not { } schoolId)
        {
            return Fout.GeenToegang;
        }
        if (!Enum.IsDefined(beleid))
        {
            return new Fout(FoutSoort.Ongeldig, "Kies of alle ouders met gezag instemmen of één ouder.");
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var school = await db.Scholen.AsTracking().FirstOrDefaultAsync(s => s.Id == schoolId, cancellationToken);
            if (school is null)
            {
                return Fout.NietGevonden("De school");
            }
            if (school.OppInstemming == beleid)
            {
                return beleid;
            }
            var oud = school.OppInstemming;
            school.OppInstemming = beleid;
            audit.Add(db, AuditActie.Wijzigen, null,
                $"instemming OPP: {Instemmingsregel.Weergave(oud)} → {Instemmingsregel.Weergave(beleid)}");
            await db.SaveChangesAsync(cancellationToken);
            return beleid;
        }
        catch (Exception e) when (e is DbUpdateException or NpgsqlException)
        {
            return Fout.Onbereikbaar;
        }
    }
}
