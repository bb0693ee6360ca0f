using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Leerlingen;

/// <summary>A parent or guardian of one student: the person (shared by brothers and sisters) and the relation to this student.</summary>
public sealed class OuderInvoer
{
    public Guid LeerlingId { get; set; }
    /// <summary>Null for a new parent.</summary>
    public Guid? OuderId { get; set; }
    /// <summary>Read only: for an AMV'er the Nidos guardian takes the parents' place.</summary>
    public bool LeerlingIsAmv { get; set; }
    /// <summary>Read only: the number of students this parent is linked to (his data is theirs too).</summary>
    public int AantalKinderen { get; set; }
    public string Voornaam { get; set; } = "";
    public string? Tussenvoegsel { get; set; }
    public string Achternaam { get; set; } = "";
    public OuderRelatie Relatie { get; set; } = OuderRelatie.Moeder;
    public bool Gezag { get; set; } = true;
    public string? Email { get; set; }
    public string? Telefoon { get; set; }
    public string? Voorkeurstaal { get; set; }
}

public sealed class OuderInvoerValidator : AbstractValidator<OuderInvoer>
{
    public OuderInvoerValidator()
    {
        RuleFor(x => x.Voornaam).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul de voornaam in.")
            .Tekst(100).WithMessage("Een voornaam heeft hooguit 100 tekens.");
        RuleFor(x => x.Tussenvoegsel).Tekst(20).WithMessage("Een tussenvoegsel heeft hooguit 20 tekens.");
        RuleFor(x => x.Achternaam).Cascade(CascadeMode.Stop)
            .Verplicht().WithMessage("Vul de achternaam in.")
            .Tekst(100).WithMessage("Een achternaam heeft hooguit 100 tekens.");
        RuleFor(x => x.Relatie).Cascade(CascadeMode.Stop)
            .IsInEnum().WithMessage("Kies de relatie tot de leerling.")
            .Equal(OuderRelatie.NidosVoogd).When(x => x.LeerlingIsAmv, ApplyConditionTo.CurrentValidator)
            .WithMessage("Bij een AMV'er treedt de Nidos-voogd op in plaats van de ouders: kies de relatie Nidos-voogd.")
            .NotEqual(OuderRelatie.NidosVoogd).When(x => !x.LeerlingIsAmv, ApplyConditionTo.CurrentValidator)
            .WithMessage("Een Nidos-voogd hoort alleen bij een AMV'er. Zet eerst bij de leerling dat hij of zij een AMV'er is.");
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .Tekst(256).WithMessage("Een e-mailadres heeft hooguit 256 tekens.")
            .EmailAddress().WithMessage("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")
            .When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.Telefoon)
            .Matches(@"^\+?[0-9][0-9 ()-]{5,28}$").WithMessage("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678 of +31 30 1234567.")
            .When(x => !string.IsNullOrWhiteSpace(x.Telefoon));
        RuleFor(x => x.Voorkeurstaal).Tekst(40).WithMessage("De voorkeurstaal heeft hooguit 40 tekens.");
    }
}

/// <summary>The beheerder adds or changes a parent or guardian of a student (for an AMV'er: the Nidos guardian). Audited.</summary>
public sealed class OuderOpslaanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    /// <summary>Languages offered in the form; any other can be typed.</summary>
    public static readonly IReadOnlyList<string> Talen =
        ["Nederlands", "Engels", "Arabisch", "Turks", "Pools", "Tigrinya", "Oekraïens", "Berbers", "Somalisch", "Dari", "Farsi", "Papiaments"];

    public OuderInvoerValidator Validator { get; } = new();

    /// <summary>The form for a new parent (<paramref name="ouderId"/> null) or the current data of a linked one.</summary>
    public async Task<Result<OuderInvoer>> LaadAsync(Guid leerlingId, Guid? ouderId, CancellationToken cancellationToken = default)
    {
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var isAmv = await db.BeheerbareLeerlingen(currentUser).Where(l => l.Id == leerlingId).Select(l => (bool?)l.IsAmv)
            .FirstOrDefaultAsync(cancellationToken);
        if (isAmv is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        if (ouderId is null)
        {
            return new OuderInvoer
            {
                LeerlingId = leerlingId, LeerlingIsAmv = isAmv.Value,
                Relatie = isAmv.Value ? OuderRelatie.NidosVoogd : OuderRelatie.Moeder, Voorkeurstaal = isAmv.Value ? null : "Nederlands",
            };
        }
        var invoer = await db.LeerlingOuders
            .Where(lo => lo.LeerlingId == leerlingId && lo.OuderId == ouderId)
            .Select(lo => new OuderInvoer
            {
                LeerlingId = leerlingId, OuderId = lo.OuderId, LeerlingIsAmv = isAmv.Value,
                AantalKinderen = db.LeerlingOuders.Count(andere => andere.OuderId == lo.OuderId),
                Voornaam = lo.Ouder!.Voornaam, Tussenvoegsel = lo.Ouder.Tussenvoegsel, Achternaam = lo.Ouder.Achternaam,
                Relatie = lo.Relatie, Gezag = lo.Gezag, Email = lo.Ouder.Email, Telefoon = lo.Ouder.Telefoon, Voorkeurstaal = lo.Ouder.Voorkeurstaal,
            })
            .FirstOrDefaultAsync(cancellationToken);
        return invoer is null ? Fout.NietGevonden("De ouder of verzorger") : invoer;
    }

    /// <summary>Adds a parent and links him to the student, or changes a linked parent; returns the parent's id.</summary>
    public async Task<Result<Guid>> HandleAsync(OuderInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var isAmv = await db.BeheerbareLeerlingen(currentUser).Where(l => l.Id == invoer.LeerlingId).Select(l => (bool?)l.IsAmv)
            .FirstOrDefaultAsync(cancellationToken);
        if (isAmv is null)
        {
            return Fout.NietGevonden("De leerling");
        }
        // Whether the student is an AMV'er comes from the database, not from the form.
        invoer.LeerlingIsAmv = isAmv.Value;
        var validatie = await Validator.ValidateAsync(invoer, cancellationToken);
        if (!validatie.IsValid)
        {
            return Fout.Ongeldig(validatie);
        }

        Ouder ouder;
        if (invoer.OuderId is null)
        {
            ouder = new Ouder { Voornaam = "", Achternaam = "" };
            Vul(ouder, invoer);
            db.Ouders.Add(ouder);
            db.LeerlingOuders.Add(new LeerlingOuder { LeerlingId = invoer.LeerlingId, OuderId = ouder.Id, Relatie = invoer.Relatie, Gezag = invoer.Gezag });
            audit.Add(db, AuditActie.Aanmaken, invoer.LeerlingId, $"ouder/verzorger toegevoegd ({Leerlingbeheer.Weergave(invoer.Relatie)})");
        }
        else
        {
            var koppeling = await db.LeerlingOuders.AsTracking().Include(lo => lo.Ouder)
                .FirstOrDefaultAsync(lo => lo.LeerlingId == invoer.LeerlingId && lo.OuderId == invoer.OuderId, cancellationToken);
            if (koppeling?.Ouder is null)
            {
                return Fout.NietGevonden("De ouder of verzorger");
            }
            ouder = koppeling.Ouder;
            Vul(ouder, invoer);
            koppeling.Relatie = invoer.Relatie;
            koppeling.Gezag = invoer.Gezag;
            audit.Add(db, AuditActie.Wijzigen, invoer.LeerlingId, $"ouder/verzorger gewijzigd ({Leerlingbeheer.Weergave(invoer.Relatie)})");
        }
        await db.SaveChangesAsync(cancellationToken);
        return ouder.Id;
    }

    private static void Vul(Ouder ouder, OuderInvoer invoer)
    {
        ouder.Voornaam = Domain.Tekst.Regel(invoer.Voornaam);
        ouder.Tussenvoegsel = Leeg(invoer.Tussenvoegsel);
        ouder.Achternaam = Domain.Tekst.Regel(invoer.Achternaam);
        ouder.Email = Leeg(invoer.Email);
        ouder.Telefoon = Leeg(invoer.Telefoon);
        ouder.Voorkeurstaal = Leeg(invoer.Voorkeurstaal);
    }

    private static string? Leeg(string? tekst) => Domain.Tekst.RegelOfNull(tekst);
}
