using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Features.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Plannen;

/// <summary>The plans of one student for the card on the student page.</summary>
public sealed record PlannenOverzicht(Guid LeerlingId, bool MagOpstellen, DateOnly Vandaag, IReadOnlyList<PlanKort> Plannen)
{
    public bool HeeftLopend(PlanSoort soort) => Plannen.Any(p => p.Soort == soort && !p.IsBeeindigd);
}

public sealed record PlanKort(Guid Id, PlanSoort Soort, int Nummer, int Aantal, PlanStatus Status, DateOnly NodigSinds,
    bool IsBeeindigd, Leerlingzorg.Domain.Plannen.Plantermijnen Termijnen);

/// <summary>One plan with every version for the plan page.</summary>
public sealed record PlanDetail(
    Guid PlanId, Guid LeerlingId, string LeerlingNaam, PlanSoort Soort, DateOnly NodigSinds, DateOnly? BeeindigdOp,
    string? Beeindigingsreden, int PlanVersie, bool MagSchrijven, Leerlingzorg.Domain.Plannen.Plantermijnen Termijnen, DateOnly Vandaag,
    IReadOnlyList<VersieDetail> Versies, IReadOnlyList<Instemmer> Instemmers,
    IReadOnlyList<Jeugdhulppartner> Jeugdhulppartners, IReadOnlySet<string> GedeeldMet)
{
    public VersieDetail Laatste => Versies[^1];

    /// <summary>Whether the parents (and the student from 16) consented to sharing with <paramref name="organisatie"/> today.</summary>
    public bool MagDelenMet(string? organisatie) => organisatie is not null && GedeeldMet.Contains(organisatie.Trim());
}

/// <summary>A partner from the school's directory who gives help at home, for the jeugdhulp part of an integrated plan.</summary>
public sealed record Jeugdhulppartner(Guid Id, string Naam, string Organisatie, PartnerFunctie Functie);

public sealed record VersieDetail(
    Guid Id, int Nummer, PlanStatus Status, PlanInhoud Inhoud, int Revisie, int Versie, DateTimeOffset BijgewerktOp,
    DateTimeOffset? VoorgelegdOp, DateTimeOffset? BesluitOp, DateOnly? Ingang, DateOnly? LaatstGeevalueerd, string? Evaluatie,
    IReadOnlyList<Beslissing> Beslissingen, IReadOnlyList<OverlegDetail> Overleggen)
{
    public bool IsInWerking => Status is PlanStatus.Ingestemd or PlanStatus.InUitvoering or PlanStatus.Geevalueerd;
}

public sealed record Beslissing(Guid Id, Guid? OuderId, string Naam, InstemmingStatus Status, int Revisie, DateTimeOffset GevraagdOp,
    DateTimeOffset? BeslistOp, InstemmingWijze? Wijze, string? Reden);

public sealed record OverlegDetail(Guid Id, string Aanleiding, DateTimeOffset GeopendOp, DateOnly? Datum, string? Verslag,
    DateTimeOffset? AfgeslotenOp, int Versie);

/// <summary>
/// The plans of a student, and one plan with its versions, decisions and overleg, for readers at Zorg level
/// (<see cref="Planbronnen.Versies"/>): the mentor, his coördinator and the care roles. Read audited.
/// </summary>
public sealed class PlannenBekijkenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    private static readonly PartnerFunctie[] Jeugdhulpfuncties = [.. Enum.GetValues<PartnerFunctie>().Where(f => f.IsJeugdhulp())];

    public const string AlleenZorg = "De plannen zijn alleen zichtbaar voor de mentor, de coördinator en de zorgrollen.";

    public async Task<Result<PlannenOverzicht>> LijstAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, leerlingId, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De leerling");
        }
        if (!Ondersteuningsbronnen.LeestZorg(lezer))
        {
            return new Fout(FoutSoort.GeenToegang, AlleenZorg);
        }
        var versies = await Planbronnen.Versies.Leesbaar(db, lezer).ToListAsync(cancellationToken);
        var plannen = await db.Plannen.Where(p => p.LeerlingId == leerlingId).OrderBy(p => p.AangemaaktOp).ToListAsync(cancellationToken);
        foreach (var plan in plannen)
        {
            plan.Versies = [.. versies.Where(v => v.PlanId == plan.Id).OrderBy(v => v.Nummer)];
        }
        var lijst = plannen.Where(p => p.Versies.Count > 0)
            .Select(p => new PlanKort(p.Id, p.Soort, p.Laatste.Nummer, p.Versies.Count, p.Laatste.Status, p.NodigSinds, p.IsBeeindigd,
                p.Termijnen(vandaag)))
            .ToList();
        await audit.ReadEachAsync(db, [leerlingId], "plannen", cancellationToken);
        return new PlannenOverzicht(leerlingId, Planrecht.MagMetRol(currentUser) && Planrecht.MagVoor(currentUser, lezer), vandaag, lijst);
    }

    public async Task<Result<PlanDetail>> PlanAsync(Guid leerlingId, Guid planId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var vandaag = Schoolkalender.Vandaag(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await db.DossierlezerAsync(currentUser, leerlingId, cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De leerling");
        }
        if (!Ondersteuningsbronnen.LeestZorg(lezer))
        {
            return new Fout(FoutSoort.GeenToegang, AlleenZorg);
        }
        var plan = await db.Plannen.FirstOrDefaultAsync(p => p.Id == planId && p.LeerlingId == leerlingId, cancellationToken);
        if (plan is null)
        {
            return Fout.NietGevonden("Het plan");
        }
        plan.Versies = await Planbronnen.Versies.Leesbaar(db, lezer).Where(v => v.PlanId == planId).OrderBy(v => v.Nummer).ToListAsync(cancellationToken);
        if (plan.Versies.Count == 0)
        {
            return Fout.NietGevonden("Het plan");
        }
        var versieIds = plan.Versies.Select(v => v.Id).ToList();
        var instemmingen = await db.Instemmingen.Where(i => versieIds.Contains(i.VersieId)).OrderBy(i => i.GevraagdOp).ToListAsync(cancellationToken);
        var overleggen = await db.Planoverleggen.Where(o => versieIds.Contains(o.VersieId)).OrderBy(o => o.GeopendOp).ToListAsync(cancellationToken);
        var leerling = await db.Leerlingen.Include(l => l.Ouders).ThenInclude(o => o.Ouder)
            .FirstAsync(l => l.Id == leerlingId, cancellationToken);
        var namen = leerling.Ouders.Where(o => o.Ouder is not null).ToDictionary(o => o.OuderId, o => o.Ouder!.VolledigeNaam);
        var ontbrekend = instemmingen.Where(i => i.OuderId is { } o && !namen.ContainsKey(o)).Select(i => i.OuderId!.Value).Distinct().ToList();
        foreach (var ouder in await db.Ouders.Where(o => ontbrekend.Contains(o.Id)).ToListAsync(cancellationToken))
        {
            namen[ouder.Id] = ouder.VolledigeNaam;
        }
        var versies = plan.Versies.Select(v => new VersieDetail(
            v.Id, v.Nummer, v.Status, v.Inhoud, v.Revisie, v.Versie, v.BijgewerktOp, v.VoorgelegdOp, v.BesluitOp, v.Ingang,
            v.LaatstGeevalueerd, v.Evaluatie,
            [.. instemmingen.Where(i => i.VersieId == v.Id).Select(i => new Beslissing(i.Id, i.OuderId,
                i.OuderId is { } o ? namen.GetValueOrDefault(o, "een ouder") : $"{leerling.VolledigeNaam} (leerling)",
                i.Status, i.Revisie, i.GevraagdOp, i.BeslistOp, i.Wijze, i.Reden))],
            [.. overleggen.Where(o => o.VersieId == v.Id).Select(o => new OverlegDetail(o.Id, o.Aanleiding, o.GeopendOp, o.Datum, o.Verslag,
                o.AfgeslotenOp, o.Versie))])).ToList();
        var magSchrijven = Planrecht.MagMetRol(currentUser) && Planrecht.MagVoor(currentUser, lezer);
        IReadOnlyList<Jeugdhulppartner> jeugdhulppartners = [];
        var gedeeldMet = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (magSchrijven && plan.Soort == PlanSoort.Opp)
        {
            jeugdhulppartners = await db.Partners.Where(p => p.Actief && Jeugdhulpfuncties.Contains(p.Functie)).OrderBy(p => p.Organisatie).ThenBy(p => p.Naam)
                .Select(p => new Jeugdhulppartner(p.Id, p.Naam, p.Organisatie, p.Functie)).ToListAsync(cancellationToken);
            var delen = await db.Toestemmingen.Where(t => t.LeerlingId == leerlingId && t.Doel == ToestemmingDoel.DelenMetPartner && t.Partner != null)
                .ToListAsync(cancellationToken);
            gedeeldMet.UnionWith(delen.Select(t => t.Partner!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)
                .Where(o => Toestemmingsregel.Dekking(leerling, ToestemmingDoel.DelenMetPartner, delen, vandaag, o).IsGedekt));
        }
        await audit.ReadEachAsync(db, [leerlingId], $"plan {plan.Id}", cancellationToken);
        return new PlanDetail(plan.Id, leerlingId, leerling.VolledigeNaam, plan.Soort, plan.NodigSinds, plan.BeeindigdOp,
            plan.Beeindigingsreden, plan.Versie, magSchrijven, plan.Termijnen(vandaag), vandaag, versies, Instemmingsregel.WieBeslist(leerling, vandaag),
            jeugdhulppartners, gedeeldMet);
    }

    public static string Weergave(InstemmingStatus status) => status switch
    {
        InstemmingStatus.Open => "nog niet beslist",
        InstemmingStatus.Ingestemd => "ingestemd",
        InstemmingStatus.NietIngestemd => "niet ingestemd",
        InstemmingStatus.Vervallen => "vervallen",
        _ => "onbekend",
    };

    public static string Weergave(InstemmingWijze wijze) => wijze switch
    {
        InstemmingWijze.Portaal => "via het ouderportaal",
        InstemmingWijze.Schriftelijk => "schriftelijk",
        InstemmingWijze.Mondeling => "mondeling",
        _ => "onbekend",
    };
}
