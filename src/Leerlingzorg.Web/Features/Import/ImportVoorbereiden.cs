using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Import;

/// <summary>A file that was read, with the suggested linking of its columns.</summary>
/// <param name="Koppeling">Target field → column header.</param>
/// <param name="UitVorigeKeer">The fields whose column comes from the school's last linking rather than from the header's name.</param>
/// <param name="Voorbeelden">Per column the first value in the file, to help the user choose.</param>
public sealed record ImportBestandInfo(string Bestandsnaam, string Formaat, IReadOnlyList<string> Kolommen, int AantalRijen,
    IReadOnlyDictionary<string, string> Koppeling, IReadOnlySet<string> UitVorigeKeer, IReadOnlyDictionary<string, string> Voorbeelden);

/// <summary>Step 1: reads an uploaded file and suggests how its columns link to the fields.</summary>
public sealed class ImportVoorbereidenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<Result<ImportBestandInfo>> HandleAsync(byte[] inhoud, string bestandsnaam, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var gelezen = ImportBestandLezer.Lees(inhoud, bestandsnaam);
        if (gelezen.Waarde is not { } tabel)
        {
            return gelezen.Fout!;
        }
        if (tabel.Rijen.Count == 0)
        {
            return new Fout(FoutSoort.Ongeldig, "Het bestand bevat alleen een kopregel en geen leerlingen.");
        }
        Dictionary<string, string>? vorige;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var json = await db.ImportKoppelingen.Where(k => k.Soort == LeerlingenVelden.Soort)
                .Select(k => k.KolommenJson).FirstOrDefaultAsync(cancellationToken);
            vorige = json is null ? null : LeerlingenVelden.UitJson(json);
        }
        var automatisch = LeerlingenVelden.AutomatischKoppelen(tabel.Kolommen);
        var voorstel = LeerlingenVelden.Voorstel(tabel.Kolommen, vorige);
        var voorbeelden = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < tabel.Kolommen.Count; i++)
        {
            if (tabel.Rijen.Select(r => r.Waarde(i)).FirstOrDefault(w => w is not null) is { } voorbeeld)
            {
                voorbeelden[tabel.Kolommen[i]] = voorbeeld.Length > 40 ? voorbeeld[..40] + "…" : voorbeeld;
            }
        }
        return new ImportBestandInfo(Path.GetFileName(bestandsnaam), tabel.Formaat, tabel.Kolommen, tabel.Rijen.Count, voorstel,
            voorstel.Keys.Where(v => !automatisch.ContainsKey(v)).ToHashSet(), voorbeelden);
    }
}
