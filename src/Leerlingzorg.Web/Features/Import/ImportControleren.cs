using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Import;

/// <summary>The check before importing: counts, the first rows, and the rows that will be skipped with their messages.</summary>
public sealed record ImportControle(int Totaal, int Geldig, int Fouten, IReadOnlyList<RijWeergave> EersteRijen,
    IReadOnlyList<RijWeergave> FoutRijen, int FoutRijenNietGetoond);

/// <summary>Step 3: checks every row of the file with the chosen linking against the classes of this schooljaar.</summary>
public sealed class ImportControlerenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public const int EersteRijenAantal = 10;
    public const int MaximaalFoutRijen = 200;

    public async Task<Result<ImportControle>> HandleAsync(byte[] inhoud, string bestandsnaam, IReadOnlyDictionary<string, string> koppeling,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(koppeling);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var gelezen = ImportBestandLezer.Lees(inhoud, bestandsnaam);
        if (gelezen.Waarde is not { } tabel)
        {
            return gelezen.Fout!;
        }
        var koppelingFouten = LeerlingenVelden.Controleer(koppeling, tabel.Kolommen);
        if (koppelingFouten.Count > 0)
        {
            return new Fout(FoutSoort.Ongeldig, string.Join(" ", koppelingFouten));
        }
        var vandaag = Schoolkalender.Vandaag(time);
        var jaar = Schooljaar.Op(vandaag);
        Dictionary<string, Guid> klassen;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            klassen = (await db.Klassen.Where(k => k.Schooljaar == jaar).Select(k => new { k.Naam, k.Id }).ToListAsync(cancellationToken))
                .GroupBy(k => k.Naam.Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        }
        var regels = LeerlingRegels.Controleer(tabel, koppeling, klassen, vandaag);
        var fouten = regels.Rijen.Where(r => r.HeeftFouten).ToList();
        return new ImportControle(regels.Totaal, regels.Geldig.Count, fouten.Count,
            regels.Rijen.Take(EersteRijenAantal).ToList(),
            fouten.Take(MaximaalFoutRijen).ToList(),
            Math.Max(0, fouten.Count - MaximaalFoutRijen));
    }
}
