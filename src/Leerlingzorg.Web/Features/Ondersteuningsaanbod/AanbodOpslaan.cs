using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Aanbodbeheer;

/// <summary>A new item of the offer (no <see cref="Id"/>) or new details for one; archiving is <see cref="AanbodArchiverenHandler"/>.</summary>
public sealed class AanbodGegevens
{
    public Guid? Id { get; set; }
    public string Naam { get; set; } = "";
    public Ondersteuningscategorie Categorie { get; set; } = Ondersteuningscategorie.Leren;
    public PmNiveau Niveau { get; set; } = PmNiveau.PmI;
    public Aanbiedersoort Aanbiedersoort { get; set; } = Aanbiedersoort.Intern;
    public string Aanbieder { get; set; } = "";
    public int? Capaciteit { get; set; }
    public ToestemmingDoel? ToestemmingNodig { get; set; }
    public string? Omschrijving { get; set; }
    public int Volgorde { get; set; }

    public static AanbodGegevens Van(AanbodRegel regel)
    {
        ArgumentNullException.ThrowIfNull(regel);
        return new()
        {
            Id = regel.Id, Naam = regel.Naam, Categorie = regel.Categorie, Niveau = regel.Niveau, Aanbiedersoort = regel.Aanbiedersoort,
            Aanbieder = regel.Aanbieder, Capaciteit = regel.Capaciteit, ToestemmingNodig = regel.ToestemmingNodig, Omschrijving = regel.Omschrijving,
            Volgorde = regel.Volgorde,
        };
    }
}

/// <summary>The form's checks; the Domain (<see cref="Ondersteuningsaanbod.Wijzig"/>) holds the same rules.</summary>
public sealed class AanbodValidator : AbstractValidator<AanbodGegevens>
{
    public AanbodValidator()
    {
        RuleFor(a => a.Naam).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul de naam van het aanbod in.")
            .Tekst(Ondersteuningsaanbod.NaamMaxLengte).WithMessage($"De naam is hoogstens {Ondersteuningsaanbod.NaamMaxLengte} tekens.");
        RuleFor(a => a.Aanbieder).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul in wie het aanbod geeft (een rol in de school of een partner).")
            .Tekst(Ondersteuningsaanbod.AanbiederMaxLengte).WithMessage($"De aanbieder is hoogstens {Ondersteuningsaanbod.AanbiederMaxLengte} tekens.");
        RuleFor(a => a.Capaciteit).GreaterThanOrEqualTo(1).When(a => a.Capaciteit is not null)
            .WithMessage("De capaciteit is minstens 1; laat het veld leeg voor geen maximum.");
        RuleFor(a => a.Omschrijving).VrijeTekst(Ondersteuningsaanbod.OmschrijvingMaxLengte)
            .WithMessage($"De omschrijving is hoogstens {Ondersteuningsaanbod.OmschrijvingMaxLengte} tekens.");
        RuleFor(a => a.Categorie).IsInEnum().WithMessage("Kies een categorie.");
        RuleFor(a => a.Niveau).IsInEnum().WithMessage("Kies het niveau op de zorgladder.");
        RuleFor(a => a.Aanbiedersoort).IsInEnum().WithMessage("Kies intern of extern.");
        RuleFor(a => a.ToestemmingNodig).IsInEnum().WithMessage("Kies de toestemming uit de lijst.");
        RuleFor(a => a.Volgorde).InclusiveBetween(0, 999).WithMessage("De volgorde is een getal van 0 tot en met 999.");
    }
}

/// <summary>Adds or changes an item of the offer: the zorgcoördinator or the beheerder only; audited in the same SaveChanges.</summary>
public sealed class AanbodOpslaanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public AanbodValidator Validator { get; } = new();

    public async Task<Result<Guid>> HandleAsync(AanbodGegevens gegevens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gegevens);
        if (!AanbodToegang.MagBeheren(currentUser))
        {
            return new Fout(FoutSoort.GeenToegang, "Alleen de zorgcoördinator en de beheerder kunnen het ondersteuningsaanbod wijzigen.");
        }
        if (Validator.Controleer(gegevens) is { } ongeldig)
        {
            return ongeldig;
        }
        var naam = Domain.Tekst.Regel(gegevens.Naam);
        var bestaatAl = new Fout(FoutSoort.Conflict, $"Er is al een aanbod met de naam {naam}.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Ondersteuningsaanbod.AnyAsync(a => EF.Functions.ILike(a.Naam, Beheer.Letterlijk(naam)) && a.Id != (gegevens.Id ?? Guid.Empty), cancellationToken))
        {
            return bestaatAl;
        }
        Ondersteuningsaanbod aanbod;
        try
        {
            if (gegevens.Id is { } id)
            {
                var bestaand = await db.Ondersteuningsaanbod.AsTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
                if (bestaand is null)
                {
                    return Fout.NietGevonden("Het aanbod");
                }
                aanbod = bestaand;
                var oudeNaam = aanbod.Naam;
                if (!aanbod.Wijzig(naam, gegevens.Categorie, gegevens.Niveau, gegevens.Aanbiedersoort, gegevens.Aanbieder, gegevens.Capaciteit,
                        gegevens.ToestemmingNodig, gegevens.Omschrijving, gegevens.Volgorde))
                {
                    return aanbod.Id;
                }
                audit.Add(db, AuditActie.Wijzigen, null, $"ondersteuningsaanbod {oudeNaam} gewijzigd: {Beschrijf(aanbod)}");
            }
            else
            {
                aanbod = Ondersteuningsaanbod.Nieuw(naam, gegevens.Categorie, gegevens.Niveau, gegevens.Aanbiedersoort, gegevens.Aanbieder,
                    gegevens.Capaciteit, gegevens.ToestemmingNodig, gegevens.Omschrijving, gegevens.Volgorde);
                db.Ondersteuningsaanbod.Add(aanbod);
                audit.Add(db, AuditActie.Aanmaken, null, $"ondersteuningsaanbod aangemaakt: {Beschrijf(aanbod)}");
            }
        }
        catch (ArgumentException ex)
        {
            return new Fout(FoutSoort.Ongeldig, ex.Message.Split(" (Parameter", 2)[0]);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Beheer.IsUniekeSchending(ex))
        {
            return bestaatAl;
        }
        return aanbod.Id;
    }

    private static string Beschrijf(Ondersteuningsaanbod a) =>
        $"{a.Naam} ({a.Categorie.Weergave()}, {a.Niveau.Kort()}, {a.Aanbiedersoort.Weergave()}: {a.Aanbieder}, "
        + $"capaciteit {(a.Capaciteit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "geen maximum")}, "
        + $"toestemming {(a.ToestemmingNodig is { } t ? t.Weergave() : "niet nodig")})";
}
