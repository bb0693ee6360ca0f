using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

// Not "Features.Schooljaar": a namespace of that name would hide the Schooljaar type in every other feature.
namespace Leerlingzorg.Web.Features.Schooljaarovergang;

/// <summary>
/// A class of the next schooljaar in the proposal: one that continues a current class (1A → 2A), a new one the
/// beheerder adds (a new leerjaar 1), or one that already exists in the next schooljaar (then it is used, not made).
/// </summary>
public sealed class NieuweKlas
{
    /// <summary>The key of this row in the proposal; for an existing class its id.</summary>
    public Guid Sleutel { get; set; } = Guid.CreateVersion7();
    /// <summary>The class exists in the next schooljaar already: students can go there, it is not made again.</summary>
    public bool Bestaat { get; set; }
    /// <summary>The current class this one continues; null for a class added by the beheerder or one that exists.</summary>
    public Guid? BronKlasId { get; set; }
    public string? BronKlas { get; set; }
    public int? BronLeerjaar { get; set; }
    public int BronMentoren { get; set; }
    /// <summary>False: the current class ends here (the highest leerjaar, or skipped by the beheerder).</summary>
    public bool Aanmaken { get; set; } = true;
    public string Naam { get; set; } = "";
    public int Leerjaar { get; set; } = 1;
    public Guid AfdelingId { get; set; }
    public Guid LocatieId { get; set; }

    /// <summary>Students can be placed in this class next year.</summary>
    public bool IsDoel => Bestaat || Aanmaken;
}

/// <summary>How the schooljaar ends for one student, and where he goes.</summary>
public sealed class LeerlingOvergang
{
    public Guid LeerlingId { get; set; }
    public string Naam { get; set; } = "";
    public string Leerlingnummer { get; set; } = "";
    public Guid BronKlasId { get; set; }
    public string BronKlas { get; set; } = "";
    public int Leerjaar { get; set; }
    public Jaaruitkomst Uitkomst { get; set; } = Jaaruitkomst.Bevorderd;
    /// <summary>The <see cref="NieuweKlas.Sleutel"/> of the class next year; null for a student who leaves.</summary>
    public Guid? DoelKlas { get; set; }
    /// <summary>For a student who leaves: the reason of the uitschrijving.</summary>
    public string? Reden { get; set; }
}

public sealed record Keuze(Guid Id, string Naam);

/// <summary>The rollover from <see cref="Van"/> to <see cref="Naar"/> as proposed, and as the beheerder changes it.</summary>
public sealed class OvergangVoorstel
{
    public Schooljaar Van { get; set; }
    public Schooljaar Naar { get; set; }
    public List<NieuweKlas> Klassen { get; set; } = [];
    public List<LeerlingOvergang> Leerlingen { get; set; } = [];
    public bool MentorenMeenemen { get; set; } = true;
    public IReadOnlyList<Keuze> Afdelingen { get; set; } = [];
    public IReadOnlyList<Keuze> Locaties { get; set; } = [];

    /// <summary>The day a leaving student is uitgeschreven: the last day of the schooljaar that ends.</summary>
    public DateOnly Uitschrijfdatum => Van.Einde;

    public IEnumerable<NieuweKlas> Doelen => Klassen.Where(k => k.IsDoel);

    public NieuweKlas? Doel(Guid? sleutel) => sleutel is null ? null : Klassen.FirstOrDefault(k => k.Sleutel == sleutel && k.IsDoel);

    /// <summary>The classes a student may go to with this outcome: the next leerjaar, or the same one when he stays back.</summary>
    public IEnumerable<NieuweKlas> DoelenVoor(LeerlingOvergang leerling, Jaaruitkomst uitkomst)
    {
        ArgumentNullException.ThrowIfNull(leerling);
        return uitkomst switch
        {
            Jaaruitkomst.Bevorderd => Doelen.Where(k => k.Leerjaar == leerling.Leerjaar + 1),
            Jaaruitkomst.Gedoubleerd => Doelen.Where(k => k.Leerjaar == leerling.Leerjaar),
            _ => [],
        };
    }

    /// <summary>
    /// The obvious class for this outcome: promoted, the class that continues his own (1A → 2A); staying back, the
    /// class of his leerjaar with his class's name (a 2B student to next year's 2B); else the first that fits.
    /// </summary>
    public Guid? StandaardDoel(LeerlingOvergang leerling, Jaaruitkomst uitkomst)
    {
        var doelen = DoelenVoor(leerling, uitkomst).ToList();
        var voorkeur = uitkomst switch
        {
            Jaaruitkomst.Bevorderd => doelen.FirstOrDefault(k => k.BronKlasId == leerling.BronKlasId),
            Jaaruitkomst.Gedoubleerd => doelen.FirstOrDefault(k => string.Equals(k.Naam, leerling.BronKlas, StringComparison.OrdinalIgnoreCase)),
            _ => null,
        };
        return (voorkeur ?? doelen.FirstOrDefault())?.Sleutel;
    }
}

/// <summary>A rollover that was done, as its <see cref="Domain.Organisatie.Schooljaarovergang"/> record has it.</summary>
public sealed record OvergangSamenvatting(Schooljaar Van, Schooljaar Naar, int Bevorderd, int Gedoubleerd, int Vertrokken,
    int KlassenVolgendJaar, DateTimeOffset? UitgevoerdOp);

/// <summary>Either the proposal for the coming rollover, or the rollover of this year that was done already.</summary>
public sealed record OvergangStand(OvergangVoorstel? Voorstel, OvergangSamenvatting? Uitgevoerd);

public sealed class OvergangValidator : AbstractValidator<OvergangVoorstel>
{
    public OvergangValidator()
    {
        RuleForEach(x => x.Klassen).Where(k => k.Aanmaken && !k.Bestaat).ChildRules(klas =>
        {
            klas.RuleFor(k => k.Naam).Cascade(CascadeMode.Stop)
                .Verplicht().WithMessage(k => k.BronKlas is null ? "Geef elke nieuwe klas een naam." : $"Geef de klas die op {k.BronKlas} volgt een naam.")
                .Tekst(20).WithMessage(k => $"De klasnaam {k.Naam} is te lang (hooguit 20 tekens).");
            klas.RuleFor(k => k.Leerjaar).InclusiveBetween(1, Klas.HoogsteLeerjaar)
                .WithMessage(k => $"Het leerjaar van klas {k.Naam} ligt tussen 1 en {Klas.HoogsteLeerjaar}.");
            klas.RuleFor(k => k.AfdelingId).NotEmpty().WithMessage(k => $"Kies de afdeling van klas {k.Naam}.");
            klas.RuleFor(k => k.LocatieId).NotEmpty().WithMessage(k => $"Kies de locatie van klas {k.Naam}.");
        });
        RuleFor(x => x).Custom((voorstel, context) =>
        {
            foreach (var dubbel in voorstel.Doelen.Where(k => !string.IsNullOrWhiteSpace(k.Naam))
                         .GroupBy(k => Domain.Tekst.Regel(k.Naam), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                context.AddFailure(nameof(OvergangVoorstel.Klassen), $"De klasnaam {dubbel.Key} komt meer dan eens voor in {voorstel.Naar}.");
            }
            foreach (var leerling in voorstel.Leerlingen)
            {
                if (leerling.Uitkomst == Jaaruitkomst.Vertrokken)
                {
                    if (Domain.Tekst.Vrij(leerling.Reden).Length > 200)
                    {
                        context.AddFailure(nameof(OvergangVoorstel.Leerlingen), $"De reden van vertrek van {leerling.Naam} is te lang (hooguit 200 tekens).");
                    }
                    continue;
                }
                var doel = voorstel.Doel(leerling.DoelKlas);
                if (doel is null)
                {
                    context.AddFailure(nameof(OvergangVoorstel.Leerlingen), $"Kies de klas van {leerling.Naam} ({leerling.BronKlas}) in {voorstel.Naar}.");
                }
                else if (leerling.Uitkomst == Jaaruitkomst.Bevorderd && doel.Leerjaar != leerling.Leerjaar + 1)
                {
                    context.AddFailure(nameof(OvergangVoorstel.Leerlingen),
                        $"{leerling.Naam} is bevorderd en gaat naar leerjaar {leerling.Leerjaar + 1}; klas {doel.Naam} is leerjaar {doel.Leerjaar}.");
                }
                else if (leerling.Uitkomst == Jaaruitkomst.Gedoubleerd && doel.Leerjaar != leerling.Leerjaar)
                {
                    context.AddFailure(nameof(OvergangVoorstel.Leerlingen),
                        $"{leerling.Naam} doubleert en blijft in leerjaar {leerling.Leerjaar}; klas {doel.Naam} is leerjaar {doel.Leerjaar}.");
                }
            }
        });
    }
}

/// <summary>
/// The schooljaar rollover (beheerder only): the next year's classes, an outcome per student, and then in one
/// transaction the outcome on this year's KlasPlaatsing, a KlasPlaatsing in the next year, the student in his new
/// class (or uitgeschreven on 31 July), and the mentors along if wanted. History stays; a rollover is done once
/// per schooljaar: the <see cref="Domain.Organisatie.Schooljaarovergang"/> it stores says so (a unique key per school and
/// year). Audited per student and as a whole.
/// </summary>
public sealed partial class SchooljaarOvergangHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public OvergangValidator Validator { get; } = new();

    /// <summary>
    /// The schooljaar to close: today's, or, when that has no classes yet (the rollover after 1 August), the one before.
    /// </summary>
    private async Task<Schooljaar> TeSluitenJaarAsync(LeerlingzorgDbContext db, CancellationToken cancellationToken)
    {
        var huidig = Schoolkalender.HuidigSchooljaar(time);
        if (await db.Klassen.AnyAsync(k => k.Schooljaar == huidig, cancellationToken))
        {
            return huidig;
        }
        var vorig = new Schooljaar(huidig.Startjaar - 1);
        return await db.Klassen.AnyAsync(k => k.Schooljaar == vorig, cancellationToken) ? vorig : huidig;
    }

    /// <summary>Read from the stored record: an outcome on a placement is no sign (a mid-year uitschrijving closes one too).</summary>
    private static Task<bool> IsUitgevoerdAsync(LeerlingzorgDbContext db, Schooljaar van, CancellationToken cancellationToken) =>
        db.Schooljaarovergangen.AnyAsync(o => o.Van == van, cancellationToken);

    private static string AuditKop(Schooljaar van, Schooljaar naar) => $"schooljaarovergang {van} naar {naar}";

    public async Task<Result<OvergangStand>> StandAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var van = await TeSluitenJaarAsync(db, cancellationToken);
        var uitgevoerd = await SamenvattingAsync(db, van, cancellationToken);
        return uitgevoerd is null ? new OvergangStand(await VoorstelAsync(db, van, cancellationToken), null) : new OvergangStand(null, uitgevoerd);
    }

    private static async Task<OvergangSamenvatting?> SamenvattingAsync(LeerlingzorgDbContext db, Schooljaar van, CancellationToken cancellationToken)
    {
        var overgang = await db.Schooljaarovergangen.FirstOrDefaultAsync(o => o.Van == van, cancellationToken);
        if (overgang is null)
        {
            return null;
        }
        var klassen = await db.Klassen.CountAsync(k => k.Schooljaar == overgang.Naar, cancellationToken);
        return new OvergangSamenvatting(overgang.Van, overgang.Naar, overgang.Bevorderd, overgang.Gedoubleerd, overgang.Vertrokken, klassen, overgang.UitgevoerdOp);
    }

    private static async Task<OvergangVoorstel> VoorstelAsync(LeerlingzorgDbContext db, Schooljaar van, CancellationToken cancellationToken)
    {
        var naar = van.Volgend;
        var bron = await db.Klassen.Where(k => k.Schooljaar == van)
            .OrderBy(k => k.Leerjaar).ThenBy(k => k.Naam)
            .Select(k => new { k.Id, k.Naam, k.Leerjaar, k.AfdelingId, k.LocatieId, Mentoren = k.Mentoren.Count })
            .ToListAsync(cancellationToken);
        var bestaand = await db.Klassen.Where(k => k.Schooljaar == naar)
            .OrderBy(k => k.Leerjaar).ThenBy(k => k.Naam)
            .Select(k => new { k.Id, k.Naam, k.Leerjaar, k.AfdelingId, k.LocatieId })
            .ToListAsync(cancellationToken);
        // The classes of the school's highest leerjaar end. Where an afdeling ends earlier (vmbo after 4 in a school
        // that runs to vwo 6) the beheerder unticks those classes: the model does not know an afdeling's last year.
        var hoogste = bron.Count == 0 ? Klas.HoogsteLeerjaar : bron.Max(k => k.Leerjaar);

        var klassen = new List<NieuweKlas>();
        var gebruikt = new HashSet<Guid>();
        foreach (var klas in bron)
        {
            var naam = VolgendeNaam(klas.Naam);
            var bestaat = bestaand.FirstOrDefault(b => !gebruikt.Contains(b.Id) && string.Equals(b.Naam, naam, StringComparison.OrdinalIgnoreCase));
            var eindigt = klas.Leerjaar >= hoogste || klas.Leerjaar >= Klas.HoogsteLeerjaar;
            if (bestaat is not null && !eindigt)
            {
                gebruikt.Add(bestaat.Id);
                klassen.Add(new NieuweKlas
                {
                    Sleutel = bestaat.Id, Bestaat = true, BronKlasId = klas.Id, BronKlas = klas.Naam, BronLeerjaar = klas.Leerjaar,
                    BronMentoren = klas.Mentoren, Naam = bestaat.Naam, Leerjaar = bestaat.Leerjaar, AfdelingId = bestaat.AfdelingId, LocatieId = bestaat.LocatieId,
                });
                continue;
            }
            klassen.Add(new NieuweKlas
            {
                BronKlasId = klas.Id, BronKlas = klas.Naam, BronLeerjaar = klas.Leerjaar, BronMentoren = klas.Mentoren,
                Aanmaken = !eindigt, Naam = naam, Leerjaar = Math.Min(klas.Leerjaar + 1, Klas.HoogsteLeerjaar),
                AfdelingId = klas.AfdelingId, LocatieId = klas.LocatieId,
            });
        }
        klassen.AddRange(bestaand.Where(b => !gebruikt.Contains(b.Id)).Select(b => new NieuweKlas
        {
            Sleutel = b.Id, Bestaat = true, Naam = b.Naam, Leerjaar = b.Leerjaar, AfdelingId = b.AfdelingId, LocatieId = b.LocatieId,
        }));

        var leerlingen = await db.Leerlingen
            .Where(l => l.Status == LeerlingStatus.Ingeschreven && l.Klas!.Schooljaar == van)
            .OrderBy(l => l.Klas!.Leerjaar).ThenBy(l => l.Klas!.Naam).ThenBy(l => l.Achternaam).ThenBy(l => l.Voornaam)
            .Select(l => new { l.Id, l.Voornaam, l.Tussenvoegsel, l.Achternaam, l.Leerlingnummer, KlasId = l.KlasId!.Value, Klas = l.Klas!.Naam, l.Klas.Leerjaar })
            .ToListAsync(cancellationToken);
        var voorstel = new OvergangVoorstel
        {
            Van = van,
            Naar = naar,
            Klassen = klassen,
            Afdelingen = await db.Afdelingen.OrderBy(a => a.Naam).Select(a => new Keuze(a.Id, a.Naam)).ToListAsync(cancellationToken),
            Locaties = await db.Locaties.OrderBy(l => l.Naam).Select(l => new Keuze(l.Id, l.Naam)).ToListAsync(cancellationToken),
        };
        foreach (var l in leerlingen)
        {
            var overgang = new LeerlingOvergang
            {
                LeerlingId = l.Id, Naam = Domain.Naam.Sorteer(l.Voornaam, l.Tussenvoegsel, l.Achternaam), Leerlingnummer = l.Leerlingnummer,
                BronKlasId = l.KlasId, BronKlas = l.Klas, Leerjaar = l.Leerjaar,
            };
            // Promoted to the class that continues his own, unless his class ends: then he leaves (e.g. with a diploma).
            var vervolg = klassen.FirstOrDefault(k => k.BronKlasId == l.KlasId && k.IsDoel);
            overgang.Uitkomst = vervolg is null ? Jaaruitkomst.Vertrokken : Jaaruitkomst.Bevorderd;
            overgang.DoelKlas = vervolg is null ? null : voorstel.StandaardDoel(overgang, Jaaruitkomst.Bevorderd);
            voorstel.Leerlingen.Add(overgang);
        }
        return voorstel;
    }

    /// <summary>The name of the class a year on: the first number goes up by one (1A → 2A, H3a → H4a); without a number it stays.</summary>
    public static string VolgendeNaam(string naam)
    {
        ArgumentNullException.ThrowIfNull(naam);
        var cijfers = EersteGetal().Match(naam);
        if (!cijfers.Success)
        {
            return naam;
        }
        var volgend = (int.Parse(cijfers.Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        return string.Concat(naam.AsSpan(0, cijfers.Index), volgend, naam.AsSpan(cijfers.Index + cijfers.Length));
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex EersteGetal();

    /// <summary>Carries out the rollover as the beheerder confirmed it, in one transaction.</summary>
    public async Task<Result<OvergangSamenvatting>> UitvoerenAsync(OvergangVoorstel opdracht, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opdracht);
        if (!Toegang.MagBeheren(currentUser) || currentUser.Id is not { } beheerder)
        {
            return Fout.GeenToegang;
        }
        var validatie = await Validator.ValidateAsync(opdracht, cancellationToken);
        if (!validatie.IsValid)
        {
            return Fout.Ongeldig(validatie);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transactie = await db.Database.BeginTransactionAsync(cancellationToken);
        var van = await TeSluitenJaarAsync(db, cancellationToken);
        var naar = van.Volgend;
        if (opdracht.Van != van)
        {
            return new Fout(FoutSoort.Conflict, $"Dit voorstel hoort bij schooljaar {opdracht.Van}, maar af te sluiten is {van}. Laad de pagina opnieuw.");
        }
        if (await IsUitgevoerdAsync(db, van, cancellationToken))
        {
            return new Fout(FoutSoort.Conflict, $"De overgang van schooljaar {van} naar {naar} is al uitgevoerd.");
        }

        var leerlingen = await db.Leerlingen.AsTracking()
            .Where(l => l.Status == LeerlingStatus.Ingeschreven && l.Klas!.Schooljaar == van)
            .Include(l => l.Plaatsingen.Where(p => p.Schooljaar == van || p.Schooljaar == naar))
            .ToDictionaryAsync(l => l.Id, cancellationToken);
        var gewijzigd = new Fout(FoutSoort.Conflict,
            "Sinds het voorstel zijn leerlingen ingeschreven, uitgeschreven of van klas gewisseld. Laad de pagina opnieuw; uw klassen moet u dan opnieuw invullen.");
        if (leerlingen.Count != opdracht.Leerlingen.Count
            || opdracht.Leerlingen.Any(o => !leerlingen.TryGetValue(o.LeerlingId, out var l) || l.KlasId != o.BronKlasId))
        {
            return gewijzigd;
        }
        var bronLeerjaren = await db.Klassen.Where(k => k.Schooljaar == van).ToDictionaryAsync(k => k.Id, k => k.Leerjaar, cancellationToken);
        if (opdracht.Leerlingen.Any(o => bronLeerjaren[o.BronKlasId] != o.Leerjaar))
        {
            return gewijzigd;
        }
        foreach (var vertrekker in opdracht.Leerlingen.Where(o => o.Uitkomst == Jaaruitkomst.Vertrokken))
        {
            if (leerlingen[vertrekker.LeerlingId].Inschrijfdatum is { } ingeschreven && ingeschreven > van.Einde)
            {
                return new Fout(FoutSoort.Ongeldig, $"{vertrekker.Naam} is pas op {ingeschreven:d-M-yyyy} ingeschreven en kan niet per {van.Einde:d-M-yyyy} vertrekken.");
            }
        }

        // The classes of the next year: existing ones as they are, new ones made now (with ids of our own).
        var bestaand = await db.Klassen.Where(k => k.Schooljaar == naar)
            .Select(k => new { k.Id, k.Naam, k.Leerjaar })
            .ToListAsync(cancellationToken);
        var afdelingen = (await db.Afdelingen.Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        var locaties = (await db.Locaties.Select(l => l.Id).ToListAsync(cancellationToken)).ToHashSet();
        var doelen = new Dictionary<Guid, (Guid Id, string Naam)>();
        var nieuw = new List<Klas>();
        foreach (var rij in opdracht.Doelen)
        {
            if (rij.Bestaat)
            {
                var klas = bestaand.FirstOrDefault(b => b.Id == rij.Sleutel);
                if (klas is null || klas.Leerjaar != rij.Leerjaar)
                {
                    return new Fout(FoutSoort.Conflict, $"Klas {rij.Naam} van {naar} is intussen gewijzigd of verwijderd. Laad de pagina opnieuw.");
                }
                doelen[rij.Sleutel] = (klas.Id, klas.Naam);
                continue;
            }
            var naam = Domain.Tekst.Regel(rij.Naam);
            if (bestaand.Any(b => string.Equals(b.Naam, naam, StringComparison.OrdinalIgnoreCase)))
            {
                return new Fout(FoutSoort.Ongeldig, $"Klas {naam} bestaat al in {naar}.");
            }
            if (!afdelingen.Contains(rij.AfdelingId) || !locaties.Contains(rij.LocatieId))
            {
                return new Fout(FoutSoort.Ongeldig, $"Kies voor klas {naam} een afdeling en een locatie van de school.");
            }
            var nieuweKlas = new Klas { Naam = naam, Leerjaar = rij.Leerjaar, AfdelingId = rij.AfdelingId, LocatieId = rij.LocatieId, Schooljaar = naar };
            nieuw.Add(nieuweKlas);
            doelen[rij.Sleutel] = (nieuweKlas.Id, naam);
        }
        db.Klassen.AddRange(nieuw);

        if (opdracht.MentorenMeenemen)
        {
            var vervolgen = opdracht.Doelen.Where(k => k.BronKlasId is not null).ToList();
            var bronIds = vervolgen.Select(k => k.BronKlasId!.Value).ToList();
            var doelIds = vervolgen.Select(k => doelen[k.Sleutel].Id).ToList();
            var mentoren = await db.KlasMentoren.Where(m => bronIds.Contains(m.KlasId)).ToListAsync(cancellationToken);
            var alMentor = (await db.KlasMentoren.Where(m => doelIds.Contains(m.KlasId)).Select(m => new { m.KlasId, m.MedewerkerId })
                .ToListAsync(cancellationToken)).Select(m => (m.KlasId, m.MedewerkerId)).ToHashSet();
            foreach (var vervolg in vervolgen)
            {
                var doelId = doelen[vervolg.Sleutel].Id;
                foreach (var mentor in mentoren.Where(m => m.KlasId == vervolg.BronKlasId))
                {
                    if (alMentor.Add((doelId, mentor.MedewerkerId)))
                    {
                        db.KlasMentoren.Add(new KlasMentor { KlasId = doelId, MedewerkerId = mentor.MedewerkerId });
                    }
                }
            }
        }

        try
        {
            // The classes first, so that students and placements can point at them.
            await db.SaveChangesAsync(cancellationToken);

            foreach (var overgang in opdracht.Leerlingen)
            {
                var leerling = leerlingen[overgang.LeerlingId];
                if (overgang.Uitkomst == Jaaruitkomst.Vertrokken)
                {
                    var reden = string.IsNullOrWhiteSpace(overgang.Reden) ? $"Vertrokken aan het einde van schooljaar {van}" : Domain.Tekst.Vrij(overgang.Reden);
                    leerling.RondSchooljaarAf(van, Jaaruitkomst.Vertrokken, null, reden);
                    audit.Add(db, AuditActie.Wijzigen, leerling.Id, $"schooljaarovergang {van}: vertrokken, uitgeschreven per {van.Einde:yyyy-MM-dd}");
                    continue;
                }
                var doel = doelen[overgang.DoelKlas!.Value];
                leerling.RondSchooljaarAf(van, overgang.Uitkomst, doel.Id, null);
                audit.Add(db, AuditActie.Wijzigen, leerling.Id,
                    $"schooljaarovergang {van}: {Leerlingbeheer.Weergave(overgang.Uitkomst)} naar klas {doel.Naam} ({naar})");
            }
            var bevorderd = opdracht.Leerlingen.Count(o => o.Uitkomst == Jaaruitkomst.Bevorderd);
            var gedoubleerd = opdracht.Leerlingen.Count(o => o.Uitkomst == Jaaruitkomst.Gedoubleerd);
            var vertrokken = opdracht.Leerlingen.Count(o => o.Uitkomst == Jaaruitkomst.Vertrokken);
            var uitgevoerdOp = time.GetUtcNow();
            db.Schooljaarovergangen.Add(Domain.Organisatie.Schooljaarovergang.Uitgevoerd(
                van, beheerder, uitgevoerdOp, bevorderd, gedoubleerd, vertrokken, nieuw.Count));
            audit.Add(db, AuditActie.Aanmaken, null,
                $"{AuditKop(van, naar)}: {nieuw.Count} klassen aangemaakt, {bevorderd} bevorderd, {gedoubleerd} gedoubleerd, {vertrokken} vertrokken"
                + (opdracht.MentorenMeenemen ? ", mentoren meegenomen" : ""));
            await db.SaveChangesAsync(cancellationToken);
            await transactie.CommitAsync(cancellationToken);
            return new OvergangSamenvatting(van, naar, bevorderd, gedoubleerd, vertrokken, bestaand.Count + nieuw.Count, uitgevoerdOp);
        }
        catch (DbUpdateException e) when (Leerlingbeheer.IsUniekeSleutelFout(e, "_"))
        {
            // A second beheerder (or a second click) got there first; the unique key on the rollover record of a
            // school and year (and those on the classes and placements of a schooljaar) keep it from happening twice.
            return new Fout(FoutSoort.Conflict, $"De overgang van schooljaar {van} is intussen al (deels) uitgevoerd. Laad de pagina opnieuw.");
        }
    }
}
