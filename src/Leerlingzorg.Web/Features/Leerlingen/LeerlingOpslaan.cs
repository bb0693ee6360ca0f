using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Leerlingen;

/// <summary>What the beheerder fills in to add a student or change his basic data. Dates as the date picker has them.</summary>
public sealed class LeerlingInvoer
{
    /// <summary>Null for a new student.</summary>
    public Guid? Id { get; set; }
    public string Leerlingnummer { get; set; } = "";
    public string Voornaam { get; set; } = "";
    public string? Tussenvoegsel { get; set; }
    public string Achternaam { get; set; } = "";
    public DateTime? Geboortedatum { get; set; }
    public Guid? KlasId { get; set; }
    public bool IsAmv { get; set; }
    /// <summary>For a new student: the day he is enrolled (today, unless the beheerder enters another day).</summary>
    public DateTime? Inschrijfdatum { get; set; }
    /// <summary>Read only: an uitgeschreven student has no klas until he is enrolled again.</summary>
    public bool IsUitgeschreven { get; set; }
}

/// <summary>A klas the student can be placed in: one of this schooljaar, or of the next once the rollover made it.</summary>
public sealed record KlasOptie(Guid Id, string Naam, int Leerjaar, Schooljaar Schooljaar)
{
    public string Weergave(Schooljaar huidig) => Schooljaar == huidig ? Naam : $"{Naam} ({Schooljaar})";
}

public sealed class LeerlingInvoerValidator : AbstractValidator<LeerlingInvoer>
{
    public LeerlingInvoerValidator(TimeProvider time)
    {
        RuleFor(x => x.Leerlingnummer).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul het leerlingnummer in.")
            .Tekst(20).WithMessage("Een leerlingnummer heeft hooguit 20 tekens.")
            .Matches("^[A-Za-z0-9-]+$").WithMessage("Een leerlingnummer bestaat uit letters, cijfers en streepjes, zonder spaties.");
        RuleFor(x => x.Voornaam).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul de voornaam in.")
            .Tekst(100).WithMessage("Een voornaam heeft hooguit 100 tekens.");
        RuleFor(x => x.Tussenvoegsel).Tekst(20).WithMessage("Een tussenvoegsel heeft hooguit 20 tekens.");
        RuleFor(x => x.Achternaam).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul de achternaam in.")
            .Tekst(100).WithMessage("Een achternaam heeft hooguit 100 tekens.");
        RuleFor(x => x.Geboortedatum).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Vul de geboortedatum in.")
            .Must(d => DateOnly.FromDateTime(d!.Value) < Schoolkalender.Vandaag(time)).WithMessage("De geboortedatum ligt in de toekomst.")
            .Must(d => Leeftijd.Op(DateOnly.FromDateTime(d!.Value), Schoolkalender.Vandaag(time)) >= 8)
            .WithMessage("Controleer de geboortedatum: de leerling zou jonger zijn dan 8 jaar.");
        RuleFor(x => x.Inschrijfdatum).Cascade(CascadeMode.Stop)
            .NotNull().When(x => x.Id is null).WithMessage("Vul de inschrijfdatum in.")
            .Must((x, d) => x.Geboortedatum is null || d is null || d > x.Geboortedatum)
            .WithMessage("De inschrijfdatum ligt vóór de geboortedatum.");
        RuleFor(x => x.KlasId).Null().When(x => x.IsUitgeschreven)
            .WithMessage("Een uitgeschreven leerling zit niet in een klas. Schrijf de leerling eerst opnieuw in.");
    }
}

/// <summary>The beheerder adds a student or changes his basic data; the leerlingnummer is unique within the school. Audited.</summary>
public sealed class LeerlingOpslaanHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public LeerlingInvoerValidator Validator { get; } = new(time);

    /// <summary>A new, empty form: enrolled today.</summary>
    public LeerlingInvoer Nieuw() => new() { Inschrijfdatum = Schoolkalender.Vandaag(time).ToDateTime(TimeOnly.MinValue) };

    /// <summary>The current data of a student, to change it.</summary>
    public async Task<Result<LeerlingInvoer>> LaadAsync(Guid leerlingId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invoer = await db.BeheerbareLeerlingen(currentUser)
            .Where(l => l.Id == leerlingId)
            .Select(l => new LeerlingInvoer
            {
                Id = l.Id, Leerlingnummer = l.Leerlingnummer, Voornaam = l.Voornaam, Tussenvoegsel = l.Tussenvoegsel,
                Achternaam = l.Achternaam, Geboortedatum = l.Geboortedatum.ToDateTime(TimeOnly.MinValue), KlasId = l.KlasId,
                IsAmv = l.IsAmv, Inschrijfdatum = l.Inschrijfdatum == null ? null : l.Inschrijfdatum.Value.ToDateTime(TimeOnly.MinValue),
                IsUitgeschreven = l.Status == LeerlingStatus.Uitgeschreven,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return invoer is null ? Fout.NietGevonden("De leerling") : invoer;
    }

    /// <summary>The classes a student can be placed in: this schooljaar's, and the next one's once they exist.</summary>
    public async Task<IReadOnlyList<KlasOptie>> KlassenAsync(CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return [];
        }
        var huidig = Schoolkalender.HuidigSchooljaar(time);
        var volgend = huidig.Volgend;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Klassen
            .Where(k => k.Schooljaar == huidig || k.Schooljaar == volgend)
            .OrderBy(k => k.Schooljaar).ThenBy(k => k.Leerjaar).ThenBy(k => k.Naam)
            .Select(k => new KlasOptie(k.Id, k.Naam, k.Leerjaar, k.Schooljaar))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds (no <see cref="LeerlingInvoer.Id"/>) or changes a student; returns his id.</summary>
    public async Task<Result<Guid>> HandleAsync(LeerlingInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        var validatie = await Validator.ValidateAsync(invoer, cancellationToken);
        if (!validatie.IsValid)
        {
            return Fout.Ongeldig(validatie);
        }
        var nummer = Domain.Tekst.Regel(invoer.Leerlingnummer);
        var huidig = Schoolkalender.HuidigSchooljaar(time);
        var volgend = huidig.Volgend;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        KlasOptie? klas = null;
        if (invoer.KlasId is { } klasId)
        {
            klas = await db.Klassen
                .Where(k => k.Id == klasId && (k.Schooljaar == huidig || k.Schooljaar == volgend))
                .Select(k => new KlasOptie(k.Id, k.Naam, k.Leerjaar, k.Schooljaar))
                .FirstOrDefaultAsync(cancellationToken);
            if (klas is null)
            {
                return new Fout(FoutSoort.Ongeldig, "Kies een klas van dit schooljaar.");
            }
        }
        var eigenId = invoer.Id ?? Guid.Empty;
        if (await db.Leerlingen.AnyAsync(l => l.Leerlingnummer == nummer && l.Id != eigenId, cancellationToken))
        {
            return NummerBezet(nummer);
        }

        Leerling leerling;
        if (invoer.Id is null)
        {
            leerling = new Leerling
            {
                Leerlingnummer = nummer,
                Voornaam = Domain.Tekst.Regel(invoer.Voornaam),
                Tussenvoegsel = Leeg(invoer.Tussenvoegsel),
                Achternaam = Domain.Tekst.Regel(invoer.Achternaam),
                Geboortedatum = DateOnly.FromDateTime(invoer.Geboortedatum!.Value),
                IsAmv = invoer.IsAmv,
            };
            leerling.SchrijfIn(DateOnly.FromDateTime(invoer.Inschrijfdatum!.Value));
            if (klas is not null)
            {
                leerling.Plaats(klas.Id, klas.Schooljaar);
            }
            db.Leerlingen.Add(leerling);
            audit.Add(db, AuditActie.Aanmaken, leerling.Id, klas is null ? "leerling ingeschreven" : $"leerling ingeschreven in klas {klas.Naam}");
        }
        else
        {
            var gevonden = await db.BeheerbareLeerlingen(currentUser).AsTracking().Include(l => l.Plaatsingen)
                .FirstOrDefaultAsync(l => l.Id == invoer.Id, cancellationToken);
            if (gevonden is null)
            {
                return Fout.NietGevonden("De leerling");
            }
            leerling = gevonden;
            if (leerling.Status == LeerlingStatus.Uitgeschreven && klas is not null && klas.Id != leerling.KlasId)
            {
                return new Fout(FoutSoort.Ongeldig, "Een uitgeschreven leerling zit niet in een klas. Schrijf de leerling eerst opnieuw in.");
            }
            var gewijzigd = new List<string>();
            Wijzig(leerling.Leerlingnummer, nummer, v => leerling.Leerlingnummer = v, "leerlingnummer", gewijzigd);
            Wijzig(leerling.Voornaam, Domain.Tekst.Regel(invoer.Voornaam), v => leerling.Voornaam = v, "voornaam", gewijzigd);
            Wijzig(leerling.Tussenvoegsel, Leeg(invoer.Tussenvoegsel), v => leerling.Tussenvoegsel = v, "tussenvoegsel", gewijzigd);
            Wijzig(leerling.Achternaam, Domain.Tekst.Regel(invoer.Achternaam), v => leerling.Achternaam = v, "achternaam", gewijzigd);
            Wijzig(leerling.Geboortedatum, DateOnly.FromDateTime(invoer.Geboortedatum!.Value), v => leerling.Geboortedatum = v, "geboortedatum", gewijzigd);
            Wijzig(leerling.IsAmv, invoer.IsAmv, v => leerling.IsAmv = v, "AMV", gewijzigd);
            if (leerling.KlasId != klas?.Id)
            {
                gewijzigd.Add(klas is null ? "klas (geen klas)" : $"klas ({klas.Naam})");
                if (klas is null)
                {
                    leerling.HaalUitKlas();
                }
                else
                {
                    leerling.Plaats(klas.Id, klas.Schooljaar);
                }
            }
            if (gewijzigd.Count == 0)
            {
                return leerling.Id;
            }
            audit.Add(db, AuditActie.Wijzigen, leerling.Id, "leerlinggegevens gewijzigd: " + string.Join(", ", gewijzigd));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Leerlingbeheer.IsUniekeSleutelFout(e, "leerlingnummer"))
        {
            // Another beheerder took the number between our check and our save.
            return NummerBezet(nummer);
        }
        return leerling.Id;
    }

    private static Fout NummerBezet(string nummer) =>
        new(FoutSoort.Conflict, $"Leerlingnummer {nummer} is al in gebruik bij een andere leerling van deze school. Kies een ander leerlingnummer.");

    private static string? Leeg(string? tekst) => Domain.Tekst.RegelOfNull(tekst);

    private static void Wijzig<T>(T oud, T nieuw, Action<T> zet, string veld, List<string> gewijzigd)
    {
        if (!EqualityComparer<T>.Default.Equals(oud, nieuw))
        {
            zet(nieuw);
            gewijzigd.Add(veld);
        }
    }
}
