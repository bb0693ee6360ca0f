using Leerlingzorg.Domain.Plannen;

namespace Leerlingzorg.Web.Features.Dossier;

/// <summary>
/// The dossier source of the plans (issue 11): OPP and handelingsplan versions with the plan they belong to, the
/// parents' decisions and the overleg after a "niet ingestemd". Zorg level, like the rest of the support structure: the
/// student's mentor, his coördinator and the care roles read it. The parent reads his own child's plan through the
/// portal's handlers, which check gezag themselves.
/// </summary>
public static class Planbronnen
{
    public static IDossierbron<PlanVersie> Versies { get; } = new Ondersteuningsbronnen.ZorgBron<PlanVersie>("planversies",
        (db, leerlingId, zorg) => db.PlanVersies.Where(v => zorg && v.LeerlingId == leerlingId),
        Ondersteuningsbronnen.PlanVanKracht, Ondersteuningsbronnen.PlanGeevalueerd)
    {
        Onderdelen = [typeof(Plan), typeof(Instemming), typeof(Planoverleg)],
    };
}
