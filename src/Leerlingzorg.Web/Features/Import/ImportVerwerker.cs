using System.Diagnostics;
using System.Text.Json;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Import;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Leerlingzorg.Web.Features.Import;

/// <summary>What the background service gets to do: one run, with the file and the linking the user chose.</summary>
public sealed record ImportOpdracht(Guid RunId, Guid SchoolId, Guid GestartDoor, string Bestandsnaam, byte[] Inhoud,
    IReadOnlyDictionary<string, string> Koppeling, bool Proefdraai, bool Volledig);

/// <summary>A rejected row and its Dutch messages.</summary>
public sealed record ImportFoutRegel(int Rij, IReadOnlyList<string> Meldingen);

/// <summary>What a run did (or, in a dry run, would do); stored as JSON in <see cref="ImportRun.Samenvatting"/>.</summary>
public sealed record ImportSamenvatting
{
    public int Totaal { get; init; }
    public int Nieuw { get; init; }
    public int Bijgewerkt { get; init; }
    public int Ongewijzigd { get; init; }
    public int Fouten { get; init; }
    public int OudersNieuw { get; init; }
    public int OudersGekoppeld { get; init; }
    public int Heringeschreven { get; init; }
    public int KlasGewijzigd { get; init; }
    public IReadOnlyList<ImportFoutRegel> FoutRegels { get; init; } = [];
    /// <summary>How many rejected rows are not in <see cref="FoutRegels"/> (the list is capped).</summary>
    public int FoutRegelsWeggelaten { get; init; }
    /// <summary>Enrolled students of the school that a full export no longer lists (ids only: no names in the log).</summary>
    public IReadOnlyList<Guid> NietInBestand { get; init; } = [];
    /// <summary>Why the run failed, in Dutch; null when it did not.</summary>
    public string? Melding { get; init; }
    public double DuurSeconden { get; init; }

    private static readonly JsonSerializerOptions Opties = VeiligeTekstJson.Opties(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public string NaarJson() => JsonSerializer.Serialize(this, Opties);

    public static ImportSamenvatting? UitJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ImportSamenvatting>(json, Opties);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The outcome of a run for a caller that waits for it (tests, benchmarks).</summary>
public sealed record ImportUitkomst(Guid RunId, ImportStatus Status, ImportSamenvatting Samenvatting, TimeSpan Duur);

/// <summary>
/// Imports an SIS export of students and parents into one school, outside any circuit: the context is bound
/// to the run's school (so the query filter, the save guard and row-level security all apply), the whole
/// import is one transaction (rolled back for a dry run), and the audit lines name the user who started it.
/// Authorization is the caller's job: the handlers let only a Beheerder of the school start a run.
/// </summary>
public sealed partial class ImportVerwerker(
    PooledDbContextFactory<LeerlingzorgDbContext> pool,
    ImportVoortgang voortgang,
    TimeProvider time,
    ILogger<ImportVerwerker> logger)
{
    /// <summary>Students per SaveChanges: large enough for batched statements, small enough for a lively progress bar.</summary>
    public const int Batchgrootte = 500;
    private const int MaximaalFoutRegels = 1000;

    /// <summary>
    /// Headless import, for benchmarks and tools: records a run for <paramref name="gestartDoor"/>, imports
    /// <paramref name="bestand"/> into <paramref name="schoolId"/> and returns when it is done. A null
    /// <paramref name="koppeling"/> links the columns automatically by their Dutch headers. No authorization check.
    /// </summary>
    public async Task<ImportUitkomst> ImporteerAsync(Guid schoolId, Guid gestartDoor, Stream bestand, string bestandsnaam,
        IReadOnlyDictionary<string, string>? koppeling = null, bool proefdraai = false, bool volledig = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bestand);
        using var buffer = new MemoryStream();
        await bestand.CopyToAsync(buffer, cancellationToken);
        var inhoud = buffer.ToArray();
        if (koppeling is null)
        {
            var tabel = ImportBestandLezer.Lees(inhoud, bestandsnaam);
            koppeling = tabel.Waarde is { } t ? LeerlingenVelden.AutomatischKoppelen(t.Kolommen) : new Dictionary<string, string>();
        }
        var run = await MaakRunAsync(schoolId, gestartDoor, bestandsnaam, proefdraai, cancellationToken);
        return await VerwerkAsync(new ImportOpdracht(run.Id, schoolId, gestartDoor, bestandsnaam, inhoud, koppeling, proefdraai, volledig),
            cancellationToken);
    }

    /// <summary>Records a new run (status Bezig) for a school.</summary>
    public async Task<ImportRun> MaakRunAsync(Guid schoolId, Guid gestartDoor, string bestandsnaam, bool proefdraai,
        CancellationToken cancellationToken = default)
    {
        var run = new ImportRun
        {
            SchoolId = schoolId,
            Soort = LeerlingenVelden.Soort,
            Bestandsnaam = Inkorten(Path.GetFileName(bestandsnaam), 260),
            GestartDoor = gestartDoor,
            GestartOp = time.GetUtcNow(),
            Proefdraai = proefdraai,
        };
        await using var db = await pool.CreateDbContextAsync(cancellationToken);
        db.BindToSchool(schoolId);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    /// <summary>Processes a recorded run; never throws for bad data or a failing database: the run then ends as Mislukt.</summary>
    public async Task<ImportUitkomst> VerwerkAsync(ImportOpdracht opdracht, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opdracht);
        var stopwatch = Stopwatch.StartNew();
        Meld(opdracht, "Bestand lezen", 0, 0);
        ImportSamenvatting samenvatting;
        ImportStatus status;
        try
        {
            samenvatting = await VoerUitAsync(opdracht, cancellationToken);
            status = samenvatting.Melding is null ? ImportStatus.Klaar : ImportStatus.Mislukt;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            samenvatting = new ImportSamenvatting { Melding = "De import is onderbroken omdat de toepassing stopte. Er is niets gewijzigd; start de import opnieuw." };
            status = ImportStatus.Mislukt;
        }
        catch (Exception e)
        {
            LogMislukt(e, opdracht.RunId);
            samenvatting = new ImportSamenvatting { Melding = "De import is mislukt door een technische fout. Er is niets gewijzigd; de fout is vastgelegd voor de beheerder." };
            status = ImportStatus.Mislukt;
        }
        samenvatting = samenvatting with { DuurSeconden = Math.Round(stopwatch.Elapsed.TotalSeconds, 2) };
        try
        {
            await RondAfAsync(opdracht, status, samenvatting);
        }
        finally
        {
            voortgang.Meld(new ImportStand(opdracht.RunId, opdracht.SchoolId, status == ImportStatus.Klaar ? "Klaar" : "Mislukt",
                samenvatting.Totaal, samenvatting.Totaal, Klaar: true, status));
        }
        LogKlaar(opdracht.RunId, opdracht.Proefdraai, samenvatting.Totaal, samenvatting.Nieuw, samenvatting.Bijgewerkt, samenvatting.Fouten,
            stopwatch.ElapsedMilliseconds);
        return new ImportUitkomst(opdracht.RunId, status, samenvatting, stopwatch.Elapsed);
    }

    private void Meld(ImportOpdracht opdracht, string fase, int verwerkt, int totaal) =>
        voortgang.Meld(new ImportStand(opdracht.RunId, opdracht.SchoolId, fase, verwerkt, totaal, Klaar: false, ImportStatus.Bezig));

    private async Task<ImportSamenvatting> VoerUitAsync(ImportOpdracht opdracht, CancellationToken cancellationToken)
    {
        var gelezen = ImportBestandLezer.Lees(opdracht.Inhoud, opdracht.Bestandsnaam);
        if (gelezen.Waarde is not { } tabel)
        {
            return new ImportSamenvatting { Melding = gelezen.Fout!.Melding };
        }
        var koppelingFouten = LeerlingenVelden.Controleer(opdracht.Koppeling, tabel.Kolommen);
        if (koppelingFouten.Count > 0)
        {
            return new ImportSamenvatting { Totaal = tabel.Rijen.Count, Melding = string.Join(" ", koppelingFouten) };
        }
        var totaal = tabel.Rijen.Count;
        Meld(opdracht, "Controleren", 0, totaal);

        var vandaag = Schoolkalender.Vandaag(time);
        var jaar = Schooljaar.Op(vandaag);
        await using var db = await pool.CreateDbContextAsync(cancellationToken);
        db.BindToSchool(opdracht.SchoolId);

        var klassen = (await db.Klassen.Where(k => k.Schooljaar == jaar).Select(k => new { k.Naam, k.Id }).ToListAsync(cancellationToken))
            .GroupBy(k => k.Naam.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var regels = LeerlingRegels.Controleer(tabel, opdracht.Koppeling, klassen, vandaag);

        var staat = new Staat(db, opdracht, vandaag, jaar, time.GetUtcNow(),
            gekoppeld: veld => opdracht.Koppeling.TryGetValue(veld, out var kop) && tabel.Kolom(kop) >= 0);
        await staat.LaadAsync(cancellationToken);

        var verwerkt = regels.Fouten;
        Meld(opdracht, "Importeren", verwerkt, totaal);
        await using var transactie = await BulkWrite.BeginAsync(db, cancellationToken);
        foreach (var batch in regels.Geldig.Chunk(Batchgrootte))
        {
            foreach (var regel in batch)
            {
                staat.Verwerk(regel);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            verwerkt += batch.Length;
            Meld(opdracht, "Importeren", verwerkt, totaal);
        }

        var nietInBestand = opdracht.Volledig
            ? staat.Bestaand.Values
                .Where(l => l.Status == LeerlingStatus.Ingeschreven && !regels.AlleLeerlingnummers.Contains(l.Leerlingnummer))
                .OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam)
                .Select(l => l.Id).ToList()
            : [];
        var foutRegels = regels.Rijen.Where(r => r.HeeftFouten).ToList();
        var samenvatting = new ImportSamenvatting
        {
            Totaal = totaal,
            Nieuw = staat.Nieuw,
            Bijgewerkt = staat.Bijgewerkt,
            Ongewijzigd = staat.Ongewijzigd,
            Fouten = foutRegels.Count,
            OudersNieuw = staat.OudersNieuw,
            OudersGekoppeld = staat.OudersGekoppeld,
            Heringeschreven = staat.Heringeschreven,
            KlasGewijzigd = staat.KlasGewijzigd,
            FoutRegels = foutRegels.Take(MaximaalFoutRegels).Select(r => new ImportFoutRegel(r.Rij, r.Meldingen)).ToList(),
            FoutRegelsWeggelaten = Math.Max(0, foutRegels.Count - MaximaalFoutRegels),
            NietInBestand = nietInBestand,
        };

        Meld(opdracht, "Afronden", totaal, totaal);
        if (opdracht.Proefdraai)
        {
            await transactie.RollbackAsync(cancellationToken);
        }
        else
        {
            db.AuditEntries.Add(Audit(opdracht, AuditActie.Wijzigen, null, Inkorten(
                $"import leerlingen (importrun {opdracht.RunId}): {samenvatting.Nieuw} nieuw, {samenvatting.Bijgewerkt} bijgewerkt, " +
                $"{samenvatting.Ongewijzigd} ongewijzigd, {samenvatting.Fouten} fouten, {nietInBestand.Count} niet meer in het bestand", 500),
                time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await transactie.CommitAsync(cancellationToken);
        }
        return samenvatting;
    }

    /// <summary>Writes the outcome to the run, outside the import's transaction, so that a dry run and a failure are recorded too.</summary>
    private async Task RondAfAsync(ImportOpdracht opdracht, ImportStatus status, ImportSamenvatting samenvatting)
    {
        try
        {
            await using var db = await pool.CreateDbContextAsync();
            db.BindToSchool(opdracht.SchoolId);
            var run = await db.ImportRuns.AsTracking().FirstOrDefaultAsync(r => r.Id == opdracht.RunId);
            if (run is null)
            {
                return;
            }
            run.Status = status;
            run.KlaarOp = time.GetUtcNow();
            run.Totaal = samenvatting.Totaal;
            run.Nieuw = samenvatting.Nieuw;
            run.Bijgewerkt = samenvatting.Bijgewerkt;
            run.Ongewijzigd = samenvatting.Ongewijzigd;
            run.Fouten = samenvatting.Fouten;
            run.Samenvatting = samenvatting.NaarJson();
            if (opdracht.Proefdraai || status != ImportStatus.Klaar)
            {
                // The file's data was read (and, in a dry run, compared with the school's students).
                db.AuditEntries.Add(Audit(opdracht, AuditActie.Lezen, null,
                    $"{(opdracht.Proefdraai ? "proefdraai " : "")}import leerlingen (importrun {opdracht.RunId}): {status}", time.GetUtcNow()));
            }
            await db.SaveChangesAsync();
        }
        catch (Exception e)
        {
            LogAfrondenMislukt(e, opdracht.RunId);
        }
    }

    private static AuditEntry Audit(ImportOpdracht opdracht, AuditActie actie, Guid? leerlingId, string detail, DateTimeOffset tijdstip) => new()
    {
        SchoolId = opdracht.SchoolId,
        GebruikerId = opdracht.GestartDoor,
        Rol = Rollen.Beheerder,
        Tijdstip = tijdstip,
        LeerlingId = leerlingId,
        Actie = actie,
        Detail = detail,
    };

    private static string Inkorten(string tekst, int maximum) => tekst.Length <= maximum ? tekst : tekst[..maximum];

    /// <summary>The school's students and parents, loaded once, and the counts; applies one row at a time.</summary>
    private sealed class Staat(LeerlingzorgDbContext db, ImportOpdracht opdracht, DateOnly vandaag, Schooljaar jaar, DateTimeOffset nu,
        Func<string, bool> gekoppeld)
    {
        public Dictionary<string, Leerling> Bestaand { get; private set; } = [];
        private Dictionary<Guid, Ouder> ouders = [];
        private Dictionary<string, Ouder> oudersOpEmail = [];
        private Dictionary<Guid, List<LeerlingOuder>> koppelingen = [];

        public int Nieuw { get; private set; }
        public int Bijgewerkt { get; private set; }
        public int Ongewijzigd { get; private set; }
        public int OudersNieuw { get; private set; }
        public int OudersGekoppeld { get; private set; }
        public int Heringeschreven { get; private set; }
        public int KlasGewijzigd { get; private set; }

        private readonly string auditDetail = $"import leerlingen (importrun {opdracht.RunId})";

        public async Task LaadAsync(CancellationToken cancellationToken)
        {
            // No tracking: only what changes is attached, batch by batch.
            Bestaand = (await db.Leerlingen.ToListAsync(cancellationToken)).ToDictionary(l => l.Leerlingnummer, StringComparer.Ordinal);
            // This year's placements into their students' own lists: Leerling.Plaats keeps one per year there.
            var opId = Bestaand.Values.ToDictionary(l => l.Id);
            foreach (var plaatsing in await db.KlasPlaatsingen.Where(p => p.Schooljaar == jaar).ToListAsync(cancellationToken))
            {
                if (opId.TryGetValue(plaatsing.LeerlingId, out var eigenaar))
                {
                    eigenaar.Plaatsingen.Add(plaatsing);
                }
            }
            ouders = (await db.Ouders.ToListAsync(cancellationToken)).ToDictionary(o => o.Id);
            oudersOpEmail = ouders.Values.Where(o => !string.IsNullOrWhiteSpace(o.Email))
                .GroupBy(o => o.Email!.Trim(), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.GebruikerId is not null).First(), StringComparer.OrdinalIgnoreCase);
            koppelingen = (await db.LeerlingOuders.ToListAsync(cancellationToken))
                .GroupBy(k => k.LeerlingId).ToDictionary(g => g.Key, g => g.ToList());
        }

        public void Verwerk(LeerlingRegel regel)
        {
            if (!Bestaand.TryGetValue(regel.Leerlingnummer, out var leerling))
            {
                VoegToe(regel);
                return;
            }
            Volg(leerling);
            var wijzigingen = new List<string>(4);
            var tussenvoegsel = gekoppeld(LeerlingenVelden.Tussenvoegsel) ? regel.Tussenvoegsel : leerling.Tussenvoegsel;
            if (leerling.Voornaam != regel.Voornaam || leerling.Achternaam != regel.Achternaam || leerling.Tussenvoegsel != tussenvoegsel)
            {
                leerling.Voornaam = regel.Voornaam;
                leerling.Tussenvoegsel = tussenvoegsel;
                leerling.Achternaam = regel.Achternaam;
                wijzigingen.Add("naam");
            }
            if (leerling.Geboortedatum != regel.Geboortedatum)
            {
                leerling.Geboortedatum = regel.Geboortedatum;
                wijzigingen.Add("geboortedatum");
            }
            if (leerling.Status == LeerlingStatus.Uitgeschreven)
            {
                leerling.SchrijfIn(vandaag);
                Heringeschreven++;
                wijzigingen.Add("opnieuw ingeschreven");
            }
            // Volg attached the student with his placements; a new one Plaats adds is found (and inserted) on save.
            if (leerling.Plaats(regel.KlasId, jaar))
            {
                if (!wijzigingen.Contains("opnieuw ingeschreven"))
                {
                    KlasGewijzigd++;
                }
                wijzigingen.Add("klas");
            }
            if (VerwerkOuders(leerling.Id, regel.Ouders))
            {
                wijzigingen.Add("ouders");
            }
            if (wijzigingen.Count == 0)
            {
                Ongewijzigd++;
                return;
            }
            Bijgewerkt++;
            db.AuditEntries.Add(Audit(opdracht, AuditActie.Wijzigen, leerling.Id, $"{auditDetail}: {string.Join(", ", wijzigingen)} bijgewerkt", nu));
        }

        private void VoegToe(LeerlingRegel regel)
        {
            var leerling = new Leerling
            {
                SchoolId = opdracht.SchoolId,
                Leerlingnummer = regel.Leerlingnummer,
                Voornaam = regel.Voornaam,
                Tussenvoegsel = regel.Tussenvoegsel,
                Achternaam = regel.Achternaam,
                Geboortedatum = regel.Geboortedatum,
            };
            leerling.SchrijfIn(vandaag);
            leerling.Plaats(regel.KlasId, jaar);
            db.Leerlingen.Add(leerling);
            Bestaand[leerling.Leerlingnummer] = leerling;
            VerwerkOuders(leerling.Id, regel.Ouders);
            Nieuw++;
            db.AuditEntries.Add(Audit(opdracht, AuditActie.Aanmaken, leerling.Id, $"{auditDetail}: ingeschreven", nu));
        }

        /// <summary>
        /// Matches each parent of the row with one of the student's parents by e-mail, else by name; else with
        /// a parent of the school with that e-mail (a sibling's); else adds the parent. True when anything changed.
        /// </summary>
        private bool VerwerkOuders(Guid leerlingId, IReadOnlyList<OuderRegel> regels)
        {
            if (regels.Count == 0)
            {
                return false;
            }
            if (!koppelingen.TryGetValue(leerlingId, out var eigen))
            {
                eigen = [];
                koppelingen[leerlingId] = eigen;
            }
            var gewijzigd = false;
            var gebruikt = new HashSet<Guid>();
            foreach (var regel in regels)
            {
                var kandidaten = eigen.Where(k => !gebruikt.Contains(k.OuderId) && ouders.ContainsKey(k.OuderId)).Select(k => ouders[k.OuderId]).ToList();
                var ouder = (regel.Email is null ? null : kandidaten.FirstOrDefault(o => ZelfdeEmail(o.Email, regel.Email)))
                    ?? kandidaten.FirstOrDefault(o => ZelfdeNaam(o, regel));
                if (ouder is null && regel.Email is not null && oudersOpEmail.TryGetValue(regel.Email, out var bekend) && !gebruikt.Contains(bekend.Id))
                {
                    ouder = bekend;
                }
                if (ouder is null)
                {
                    ouder = new Ouder
                    {
                        SchoolId = opdracht.SchoolId,
                        Voornaam = regel.Voornaam,
                        Tussenvoegsel = regel.Tussenvoegsel,
                        Achternaam = regel.Achternaam,
                        Email = regel.Email,
                        Telefoon = regel.Telefoon,
                    };
                    db.Ouders.Add(ouder);
                    ouders[ouder.Id] = ouder;
                    if (regel.Email is not null)
                    {
                        oudersOpEmail.TryAdd(regel.Email, ouder);
                    }
                    OudersNieuw++;
                    gewijzigd = true;
                }
                else
                {
                    gewijzigd |= WerkBij(ouder, regel);
                }
                gebruikt.Add(ouder.Id);

                var koppeling = eigen.FirstOrDefault(k => k.OuderId == ouder.Id);
                if (koppeling is null)
                {
                    koppeling = new LeerlingOuder
                    {
                        SchoolId = opdracht.SchoolId,
                        LeerlingId = leerlingId,
                        OuderId = ouder.Id,
                        Relatie = regel.Relatie ?? OuderRelatie.Verzorger,
                        Gezag = true,
                    };
                    db.LeerlingOuders.Add(koppeling);
                    eigen.Add(koppeling);
                    OudersGekoppeld++;
                    gewijzigd = true;
                }
                else if (regel.Relatie is { } relatie && koppeling.Relatie != relatie)
                {
                    Volg(koppeling);
                    koppeling.Relatie = relatie;
                    gewijzigd = true;
                }
            }
            return gewijzigd;
        }

        /// <summary>Takes over what the file says; an empty e-mail or phone cell does not erase what the school knows.</summary>
        private bool WerkBij(Ouder ouder, OuderRegel regel)
        {
            var voornaam = gekoppeld(LeerlingenVelden.Ouder(regel.Nummer, LeerlingenVelden.OuderVoornaam)) && regel.Voornaam.Length > 0 ? regel.Voornaam : ouder.Voornaam;
            var tussenvoegsel = gekoppeld(LeerlingenVelden.Ouder(regel.Nummer, LeerlingenVelden.OuderTussenvoegsel)) ? regel.Tussenvoegsel : ouder.Tussenvoegsel;
            var email = regel.Email ?? ouder.Email;
            var telefoon = regel.Telefoon ?? ouder.Telefoon;
            if (ouder.Voornaam == voornaam && ouder.Tussenvoegsel == tussenvoegsel && ouder.Achternaam == regel.Achternaam
                && ouder.Email == email && ouder.Telefoon == telefoon)
            {
                return false;
            }
            Volg(ouder);
            if (ouder.Email is { } oud && !ZelfdeEmail(oud, email) && oudersOpEmail.TryGetValue(oud, out var geindexeerd) && geindexeerd == ouder)
            {
                oudersOpEmail.Remove(oud);
            }
            ouder.Voornaam = voornaam;
            ouder.Tussenvoegsel = tussenvoegsel;
            ouder.Achternaam = regel.Achternaam;
            ouder.Email = email;
            ouder.Telefoon = telefoon;
            if (email is not null)
            {
                oudersOpEmail.TryAdd(email, ouder);
            }
            return true;
        }

        private static bool ZelfdeEmail(string? a, string? b) =>
            a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

        private static bool ZelfdeNaam(Ouder ouder, OuderRegel regel) =>
            string.Equals(ouder.Achternaam.Trim(), regel.Achternaam, StringComparison.OrdinalIgnoreCase)
            && string.Equals(ouder.Tussenvoegsel?.Trim() ?? "", regel.Tussenvoegsel ?? "", StringComparison.OrdinalIgnoreCase)
            && (regel.Voornaam.Length == 0 || string.Equals(ouder.Voornaam.Trim(), regel.Voornaam, StringComparison.OrdinalIgnoreCase));

        /// <summary>Starts tracking a loaded entity before it is changed, so that SaveChanges writes only what changed.</summary>
        private void Volg(object entiteit)
        {
            if (db.Entry(entiteit).State == EntityState.Detached)
            {
                db.Attach(entiteit);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {RunId} is mislukt")]
    private partial void LogMislukt(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "De uitkomst van import {RunId} kon niet worden vastgelegd")]
    private partial void LogAfrondenMislukt(Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Import {RunId} (proefdraai {Proefdraai}): {Totaal} rijen, {Nieuw} nieuw, {Bijgewerkt} bijgewerkt, {Fouten} fouten in {Ms} ms")]
    private partial void LogKlaar(Guid runId, bool proefdraai, int totaal, int nieuw, int bijgewerkt, int fouten, long ms);
}
