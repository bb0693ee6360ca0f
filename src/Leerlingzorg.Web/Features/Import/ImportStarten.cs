using Leerlingzorg.Domain.Import;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Import;

/// <param name="Volledig">The file lists every student of the school: enrolled students missing from it are offered for uitschrijving.</param>
public sealed record ImportStartenOpdracht(string Bestandsnaam, byte[] Inhoud, IReadOnlyDictionary<string, string> Koppeling,
    bool Proefdraai, bool Volledig = true);

/// <summary>
/// Step 4: records the run, saves the linking as the school's last one, and queues the run for the background
/// service. Returns the run's id, for the progress bar.
/// </summary>
public sealed class ImportStartenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser,
    ImportWachtrij wachtrij, ImportVoortgang voortgang, TimeProvider time)
{
    public async Task<Result<Guid>> HandleAsync(ImportStartenOpdracht opdracht, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opdracht);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var schoolId = currentUser.SchoolId!.Value;
        var gelezen = ImportBestandLezer.Lees(opdracht.Inhoud, opdracht.Bestandsnaam);
        if (gelezen.Waarde is not { } tabel)
        {
            return gelezen.Fout!;
        }
        var koppelingFouten = LeerlingenVelden.Controleer(opdracht.Koppeling, tabel.Kolommen);
        if (koppelingFouten.Count > 0)
        {
            return new Fout(FoutSoort.Ongeldig, string.Join(" ", koppelingFouten));
        }
        if (voortgang.IsBezig(schoolId))
        {
            return new Fout(FoutSoort.Conflict, "Er loopt al een import voor deze school. Wacht tot die klaar is en probeer het dan opnieuw.");
        }

        var nu = time.GetUtcNow();
        var run = new ImportRun
        {
            Soort = LeerlingenVelden.Soort,
            Bestandsnaam = Path.GetFileName(opdracht.Bestandsnaam) is { Length: > 260 } lang ? lang[..260] : Path.GetFileName(opdracht.Bestandsnaam),
            GestartDoor = currentUser.Id!.Value,
            GestartOp = nu,
            Proefdraai = opdracht.Proefdraai,
            Totaal = tabel.Rijen.Count,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.ImportRuns.Add(run);
            var json = LeerlingenVelden.NaarJson(opdracht.Koppeling);
            var bewaard = await db.ImportKoppelingen.AsTracking().FirstOrDefaultAsync(k => k.Soort == LeerlingenVelden.Soort, cancellationToken);
            if (bewaard is null)
            {
                db.ImportKoppelingen.Add(new ImportKoppeling { Soort = LeerlingenVelden.Soort, KolommenJson = json, GewijzigdOp = nu });
            }
            else
            {
                bewaard.KolommenJson = json;
                bewaard.GewijzigdOp = nu;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        voortgang.Meld(new ImportStand(run.Id, schoolId, "In de wachtrij", 0, tabel.Rijen.Count, Klaar: false, ImportStatus.Bezig));
        await wachtrij.ZetAsync(new ImportOpdracht(run.Id, schoolId, run.GestartDoor, run.Bestandsnaam, opdracht.Inhoud,
            new Dictionary<string, string>(opdracht.Koppeling), opdracht.Proefdraai, opdracht.Volledig), cancellationToken);
        return run.Id;
    }
}
