using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Tests.Features.Tijdlijn;

/// <summary>Writes gesprekken and afspraken straight into a school (bound context: the filters, RLS and save guard apply).</summary>
public sealed class Dossierdata(TestApp app, Guid schoolId)
{
    public static DateOnly Vandaag => Schooldag.Vandaag;

    public async Task<Gesprek> GesprekAsync(Guid leerlingId, Guid auteurId, DateOnly datum,
        Vertrouwelijkheid niveau = Vertrouwelijkheid.Normaal, string soort = "Mentorgesprek", string samenvatting = "Een gesprek",
        bool verwijderd = false)
    {
        await using var db = app.ContextFor(schoolId);
        var soortId = await db.GesprekSoorten.Where(s => s.Naam == soort).Select(s => s.Id).SingleAsync();
        var isVoortgang = await db.GesprekSoorten.Where(s => s.Id == soortId).Select(s => s.IsVoortgangsgesprek).SingleAsync();
        var gesprek = new Gesprek
        {
            SoortId = soortId, Datum = datum, AuteurId = auteurId, Samenvatting = samenvatting, Vertrouwelijkheid = niveau,
            AangemaaktOp = DateTimeOffset.UtcNow,
            Voortgang = isVoortgang ? new Domain.Dossier.Voortgang { WatGaatGoed = "Plannen", WatKanBeter = "Huiswerk" } : null,
        };
        if (verwijderd)
        {
            gesprek.Verwijder(auteurId, "Dubbel ingevoerd", DateTimeOffset.UtcNow);
        }
        db.Gesprekken.Add(gesprek);
        db.GesprekLeerlingen.Add(new GesprekLeerling { GesprekId = gesprek.Id, LeerlingId = leerlingId });
        await db.SaveChangesAsync();
        return gesprek;
    }

    public async Task<Afspraak> AfspraakAsync(Guid leerlingId, Guid eigenaarId, string wat, DateOnly? deadline = null, Guid? gesprekId = null)
    {
        await using var db = app.ContextFor(schoolId);
        var afspraak = new Afspraak
        {
            LeerlingId = leerlingId, EigenaarId = eigenaarId, Wat = wat, Deadline = deadline, GesprekId = gesprekId,
            AangemaaktOp = DateTimeOffset.UtcNow,
        };
        db.Afspraken.Add(afspraak);
        await db.SaveChangesAsync();
        return afspraak;
    }
}
