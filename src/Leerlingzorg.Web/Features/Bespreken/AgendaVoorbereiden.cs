using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Besprekingen;
using Leerlingzorg.Web.Features.Gesprekken;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Bespreken;

/// <summary>An open afspraak of a student: from an earlier meeting (to evaluate now) or from elsewhere (a gesprek).</summary>
public sealed record OpenAfspraak(Guid Id, string Wat, Guid EigenaarId, string? Eigenaar, DateOnly? Deadline, bool UitVorigeBespreking, bool UitDezeBespreking = false);

/// <summary>One student of the prepared agenda, at a glance (issue 10, Deliver 3) with his part as discussed.</summary>
public sealed record Agendaregel(
    Guid? AgendapuntId, Guid LeerlingId, string Naam, bool Anoniem, int Volgorde, string Formulieren, int AantalZorg, int AantalAandacht,
    string? Vraag, PmNiveau PmNiveau, IReadOnlyList<string> Inzetten, IReadOnlyList<OpenAfspraak> Afspraken, Vierslag Antwoorden, int Versie,
    DateOnly? VerwijsindexOp)
{
    public bool HeeftZorgen => Vraag is not null || AantalZorg > 0 || Afspraken.Any(a => a.UitVorigeBespreking);

    public bool OpAgenda => AgendapuntId is not null;
}

/// <summary>
/// The agenda of a meeting as its participants see it: the rows on it in their order, and (not yet prepared) the
/// class's students that preparing will add. <see cref="VolgendeBespreking"/>: the default deadline of a new afspraak.
/// </summary>
public sealed record Agenda(
    Guid BesprekingId, string Naam, BesprekingSoort Soort, DateOnly Datum, TimeOnly Begin, BesprekingStatus Status, bool IsOrganisator,
    IReadOnlyList<Agendaregel> Regels, DateOnly? VolgendeBespreking, IReadOnlyList<MedewerkerOptie> Medewerkers, Guid Ik)
{
    public bool IsOpen => Status is BesprekingStatus.Gepland or BesprekingStatus.Bezig;

    /// <summary>Students of the classes that are not on the agenda yet (preparing adds them).</summary>
    public int NogToeTeVoegen => Regels.Count(r => !r.OpAgenda);

    public IEnumerable<Agendaregel> OpDeAgenda => Regels.Where(r => r.OpAgenda);
}

/// <summary>
/// Reads what a prepared agenda needs in one fixed set of queries (no query per student): the meeting's students (its
/// agenda and its classes' current students), the forms' rows, the active interventions and the open afspraken.
/// </summary>
internal static class Agendagegevens
{
    public static async Task<List<Agendaregel>> RegelsAsync(LeerlingzorgDbContext db, Bespreking bespreking, CancellationToken cancellationToken)
    {
        var id = bespreking.Id;
        var klasIds = bespreking.Klassen.Select(k => k.KlasId).ToList();
        var punten = await db.Agendapunten.Where(a => a.BesprekingId == id).ToListAsync(cancellationToken);
        var leerlingen = await db.Leerlingen
            .Where(l => (l.KlasId != null && klasIds.Contains(l.KlasId.Value) && l.Status == LeerlingStatus.Ingeschreven)
                || db.Agendapunten.Any(a => a.BesprekingId == id && a.LeerlingId == l.Id))
            .Select(l => new { l.Id, l.Voornaam, l.Tussenvoegsel, l.Achternaam, l.PmNiveau })
            .ToListAsync(cancellationToken);
        var ids = leerlingen.Select(l => l.Id).ToList();
        var regels = await db.InventarisatieRegels
            .Where(r => db.Inventarisaties.Any(i => i.Id == r.InventarisatieId && i.BesprekingId == id))
            .ToListAsync(cancellationToken);
        var inzetten = await db.Inzetten.Where(i => ids.Contains(i.LeerlingId) && i.Status == InzetStatus.Actief)
            .Select(i => new { i.LeerlingId, Naam = i.Aanbod!.Naam })
            .ToListAsync(cancellationToken);
        // Open afspraken; those made for an agenda item of an earlier meeting are the ones to evaluate now.
        var afspraken = await db.Afspraken.Where(a => ids.Contains(a.LeerlingId) && a.AfgerondOp == null)
            .OrderBy(a => a.Deadline).ThenBy(a => a.AangemaaktOp)
            .Select(a => new
            {
                a.LeerlingId,
                Afspraak = new OpenAfspraak(a.Id, a.Wat, a.EigenaarId,
                    db.Users.Where(u => u.Id == a.EigenaarId).Select(u => LeerlingzorgDbContext.VolledigeNaam(u.Voornaam, u.Tussenvoegsel, u.Achternaam)).FirstOrDefault(),
                    a.Deadline,
                    a.AgendapuntId != null && db.Agendapunten.Any(p => p.Id == a.AgendapuntId && p.BesprekingId != id
                        && db.Besprekingen.Any(b => b.Id == p.BesprekingId && b.Datum <= bespreking.Datum)),
                    a.AgendapuntId != null && db.Agendapunten.Any(p => p.Id == a.AgendapuntId && p.BesprekingId == id)),
            })
            .ToListAsync(cancellationToken);

        var regelsPer = regels.ToLookup(r => r.LeerlingId);
        var inzettenPer = inzetten.ToLookup(i => i.LeerlingId, i => i.Naam);
        var afsprakenPer = afspraken.ToLookup(a => a.LeerlingId, a => a.Afspraak);
        var puntPer = punten.ToDictionary(p => p.LeerlingId);
        var naamloos = 0;
        return [.. leerlingen
            .Select(l =>
            {
                var punt = puntPer.GetValueOrDefault(l.Id);
                var beeld = Inventarisatiebeeld.Van(regelsPer[l.Id]);
                var anoniem = punt?.Anoniem == true;
                return new Agendaregel(punt?.Id, l.Id, anoniem ? "" : Naam.Volledig(l.Voornaam, l.Tussenvoegsel, l.Achternaam), anoniem,
                    punt?.Volgorde ?? int.MaxValue, beeld.Samenvatting(), beeld.AantalZorg, beeld.AantalAandacht, punt?.Vraag, l.PmNiveau,
                    [.. inzettenPer[l.Id].Order()], [.. afsprakenPer[l.Id]], punt?.Antwoorden ?? Vierslag.Leeg, punt?.Versie ?? 0, punt?.VerwijsindexOp);
            })
            .OrderBy(r => r.Volgorde)
            .ThenBy(r => r.Naam, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))
            .Select(r => r.Anoniem ? r with { Naam = $"Anonieme leerling {++naamloos}" } : r)];
    }

    public static Agendakandidaat Kandidaat(Agendaregel r, string achternaam, string voornaam) =>
        new(r.LeerlingId, achternaam, voornaam, r.AantalZorg, r.AantalAandacht, r.Vraag is not null, r.Afspraken.Count(a => a.UitVorigeBespreking));

    /// <summary>The date of the next planned meeting of the same kind for one of the same classes, after this one.</summary>
    public static Task<DateOnly?> VolgendeAsync(LeerlingzorgDbContext db, Bespreking bespreking, CancellationToken cancellationToken)
    {
        var klasIds = bespreking.Klassen.Select(k => k.KlasId).ToList();
        return db.Besprekingen
            .Where(b => b.Id != bespreking.Id && b.Soort == bespreking.Soort && b.Status == BesprekingStatus.Gepland && b.Datum > bespreking.Datum
                && b.Klassen.Any(k => klasIds.Contains(k.KlasId)))
            .OrderBy(b => b.Datum).Select(b => (DateOnly?)b.Datum).FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>
/// The agenda of a meeting for its participants (<see cref="Besprekingtoegang.BesprekingslezerAsync"/>): one row per
/// student, in the agenda's order. The list read is audited: which students it showed.
/// </summary>
public sealed class AgendaHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<Agenda>> HandleAsync(Guid besprekingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BesprekingslezerAsync(currentUser, besprekingId, cancellationToken: cancellationToken) is not { } lezer)
        {
            return Fout.NietGevonden("De bespreking");
        }
        var b = lezer.Bespreking;
        var regels = await Agendagegevens.RegelsAsync(db, b, cancellationToken);
        var volgende = await Agendagegevens.VolgendeAsync(db, b, cancellationToken);
        var medewerkers = await Gesprekken.Gesprekken.Medewerkers(db, currentUser.SchoolId!.Value).ToListAsync(cancellationToken);
        await audit.ReadEachAsync(db, [.. regels.Select(r => r.LeerlingId)], $"agenda van de bespreking ({b.Id})", cancellationToken);
        return new Agenda(b.Id, b.Naam, b.Soort, b.Datum, b.Begin, b.Status, lezer.IsOrganisator, regels, volgende, medewerkers, lezer.Id);
    }
}

/// <summary>
/// The organisator prepares the agenda: every student of the meeting's classes gets his row. The first time in the
/// proposed order (<see cref="Agendavolgorde.Voorstel"/>: concerns first), the mentor's rows included; later the new
/// students are appended in that order and the chair's order stays. Idempotent.
/// </summary>
public sealed class AgendaVoorbereidenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<int>> HandleAsync(Guid besprekingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
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
            return new Fout(FoutSoort.GeenToegang, "Alleen de voorzitter of de zorgcoördinator bereidt de agenda voor.");
        }
        if (!lezer.Bespreking.IsOpen)
        {
            return new Fout(FoutSoort.Conflict, "Deze bespreking is afgesloten of geannuleerd: de agenda verandert niet meer.");
        }
        var regels = await Agendagegevens.RegelsAsync(db, lezer.Bespreking, cancellationToken);
        var nieuw = regels.Where(r => !r.OpAgenda).ToList();
        if (nieuw.Count == 0)
        {
            return 0;
        }
        var namen = await db.Leerlingen.Where(l => regels.Select(r => r.LeerlingId).Contains(l.Id))
            .Select(l => new { l.Id, l.Voornaam, Achternaam = (l.Tussenvoegsel == null ? "" : l.Tussenvoegsel + " ") + l.Achternaam })
            .ToDictionaryAsync(l => l.Id, cancellationToken);
        var punten = await db.Agendapunten.AsTracking().Where(a => a.BesprekingId == besprekingId).ToDictionaryAsync(a => a.LeerlingId, cancellationToken);
        // Never prepared: only rows a mentor brought in (or none). Then everyone is placed by the proposal.
        var eersteKeer = punten.Values.All(p => p.IngebrachtDoor is not null);
        var teOrdenen = eersteKeer ? regels : nieuw;
        var voorstel = Agendavolgorde.Voorstel(teOrdenen.Select(r => Agendagegevens.Kandidaat(r, namen[r.LeerlingId].Achternaam, namen[r.LeerlingId].Voornaam)));
        var volgorde = eersteKeer ? 0 : punten.Values.Select(p => p.Volgorde).DefaultIfEmpty(0).Max();
        foreach (var kandidaat in voorstel)
        {
            if (!punten.TryGetValue(kandidaat.LeerlingId, out var punt))
            {
                punt = new Agendapunt { BesprekingId = besprekingId, LeerlingId = kandidaat.LeerlingId };
                db.Agendapunten.Add(punt);
            }
            punt.Volgorde = ++volgorde;
        }
        foreach (var r in nieuw)
        {
            audit.Add(db, AuditActie.Aanmaken, r.LeerlingId, $"op de agenda van de bespreking gezet ({besprekingId})");
        }
        await db.SaveChangesAsync(cancellationToken);
        BesprekingsmeldingenHandler.Meld(besprekingId, null, "agenda");
        return nieuw.Count;
    }
}

/// <summary>The organisator moves a student one place up or down the agenda (<see cref="Agendavolgorde.Verplaats"/>).</summary>
public sealed class AgendaVerplaatsenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<int>> HandleAsync(Guid besprekingId, Guid agendapuntId, int stappen, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
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
            return new Fout(FoutSoort.GeenToegang, "Alleen de voorzitter of de zorgcoördinator verandert de volgorde van de agenda.");
        }
        if (!lezer.Bespreking.IsOpen)
        {
            return new Fout(FoutSoort.Conflict, "Deze bespreking is afgesloten of geannuleerd: de agenda verandert niet meer.");
        }
        var agenda = await db.Agendapunten.AsTracking().Where(a => a.BesprekingId == besprekingId)
            .OrderBy(a => a.Volgorde).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var van = agenda.FindIndex(a => a.Id == agendapuntId);
        if (van < 0)
        {
            return Fout.NietGevonden("Het agendapunt");
        }
        var naar = Math.Clamp(van + stappen, 0, agenda.Count - 1);
        if (naar != van)
        {
            Agendavolgorde.Verplaats(agenda, van, naar);
            audit.Add(db, AuditActie.Wijzigen, agenda[naar].LeerlingId, $"plaats op de agenda gewijzigd naar {naar + 1} ({besprekingId})");
            await db.SaveChangesAsync(cancellationToken);
            BesprekingsmeldingenHandler.Meld(besprekingId, null, "agenda");
        }
        return naar + 1;
    }
}

/// <summary>A student the organisator may add to the agenda.</summary>
public sealed record Agendakeuze(Guid LeerlingId, string Naam, string? Klas);

/// <summary>What adding a student came to: anonymously when a TDO/ZAT lacks consent.</summary>
public sealed record Toegevoegd(Guid AgendapuntId, bool Anoniem, string Melding);

/// <summary>
/// The organisator adds a student to the agenda: one he sees (<see cref="Toegang.ZichtbareLeerlingen"/>); for a TDO/ZAT
/// without valid consent (<see cref="Agendapunt.MagBijNaam"/>) anonymously, with a clear message.
/// </summary>
public sealed class AgendaToevoegenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<Agendakeuze>>> ZoekAsync(Guid besprekingId, string? tekst, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var zoek = Tekst.Regel(tekst);
        if (zoek.Length < 2)
        {
            return Array.Empty<Agendakeuze>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BesprekingslezerAsync(currentUser, besprekingId, cancellationToken: cancellationToken) is not { IsOrganisator: true })
        {
            return Fout.NietGevonden("De bespreking");
        }
        var patroon = "%" + zoek.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        var keuzes = await db.ZichtbareLeerlingen(currentUser)
            .Where(l => l.Status == LeerlingStatus.Ingeschreven && !db.Agendapunten.Any(a => a.BesprekingId == besprekingId && a.LeerlingId == l.Id)
                && EF.Functions.ILike(l.Voornaam + " " + (l.Tussenvoegsel == null ? "" : l.Tussenvoegsel + " ") + l.Achternaam, patroon))
            .OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam).Take(10)
            .Select(l => new { l.Id, l.Voornaam, l.Tussenvoegsel, l.Achternaam, Klas = l.Klas!.Naam })
            .ToListAsync(cancellationToken);
        var lijst = keuzes.Select(l => new Agendakeuze(l.Id, Naam.Volledig(l.Voornaam, l.Tussenvoegsel, l.Achternaam), l.Klas)).ToList();
        await audit.ReadListAsync([.. lijst.Select(l => l.LeerlingId)], "zoeken: leerling op de agenda zetten", cancellationToken);
        return lijst;
    }

    public async Task<Result<Toegevoegd>> HandleAsync(Guid besprekingId, Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.IsMedewerker(currentUser))
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
            return new Fout(FoutSoort.GeenToegang, "Alleen de voorzitter of de zorgcoördinator zet een leerling op de agenda.");
        }
        if (!lezer.Bespreking.IsOpen)
        {
            return new Fout(FoutSoort.Conflict, "Deze bespreking is afgesloten of geannuleerd: de agenda verandert niet meer.");
        }
        var leerling = await db.ZichtbareLeerlingen(currentUser).Include(l => l.Ouders).AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == leerlingId && l.Status == LeerlingStatus.Ingeschreven, cancellationToken);
        if (leerling is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        if (await db.Agendapunten.AnyAsync(a => a.BesprekingId == besprekingId && a.LeerlingId == leerlingId, cancellationToken))
        {
            return new Fout(FoutSoort.Conflict, $"{leerling.VolledigeNaam} staat al op de agenda.");
        }
        var soort = lezer.Bespreking.Soort;
        var toestemmingen = soort == BesprekingSoort.TdoZat
            ? await db.Toestemmingen.Where(t => t.LeerlingId == leerlingId).ToListAsync(cancellationToken)
            : [];
        var anoniem = !Agendapunt.MagBijNaam(soort, leerling, toestemmingen, Schoolkalender.Vandaag(time));
        var volgorde = await db.Agendapunten.Where(a => a.BesprekingId == besprekingId).MaxAsync(a => (int?)a.Volgorde, cancellationToken) ?? 0;
        var punt = new Agendapunt
        {
            BesprekingId = besprekingId, LeerlingId = leerlingId, Volgorde = volgorde + 1, IngebrachtDoor = lezer.Id, Anoniem = anoniem,
        };
        db.Agendapunten.Add(punt);
        audit.Add(db, AuditActie.Aanmaken, leerlingId, $"op de agenda van de bespreking gezet{(anoniem ? ", anoniem" : "")} ({besprekingId})");
        await db.SaveChangesAsync(cancellationToken);
        BesprekingsmeldingenHandler.Meld(besprekingId, null, "agenda");
        return new Toegevoegd(punt.Id, anoniem, anoniem
            ? $"Er is geen geldige toestemming voor bespreking in het ZAT (van de ouders met gezag en, vanaf 16, van de leerling zelf): {leerling.VolledigeNaam} wordt anoniem besproken, zonder naam."
            : $"{leerling.VolledigeNaam} staat op de agenda.");
    }
}
