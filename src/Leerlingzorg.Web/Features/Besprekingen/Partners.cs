using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Besprekingen;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Besprekingen;

/// <summary>The fields of a partner in the school's directory; no id: a new one.</summary>
public sealed class PartnerInvoer
{
    public Guid? Id { get; set; }
    public string? Naam { get; set; }
    public string? Organisatie { get; set; }
    public PartnerFunctie? Functie { get; set; }
    public string? Email { get; set; }
    public string? Telefoon { get; set; }
}

public sealed class PartnerInvoerValidator : AbstractValidator<PartnerInvoer>
{
    public PartnerInvoerValidator()
    {
        RuleFor(x => x.Naam).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul de naam in.")
            .Tekst(Partner.MaxNaam).WithMessage($"De naam is hoogstens {Partner.MaxNaam} tekens.");
        RuleFor(x => x.Organisatie).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul de organisatie in, bijvoorbeeld GGD of gemeente.")
            .Tekst(Partner.MaxOrganisatie).WithMessage($"De organisatie is hoogstens {Partner.MaxOrganisatie} tekens.");
        RuleFor(x => x.Functie).Must(f => f is { } v && Enum.IsDefined(v)).WithMessage("Kies de functie.");
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop).Tekst(Partner.MaxContact).WithMessage($"Het e-mailadres is hoogstens {Partner.MaxContact} tekens.")
            .Must(e => Domain.Tekst.RegelOfNull(e) is not { } adres || (adres.Contains('@', StringComparison.Ordinal) && !adres.Contains(' ', StringComparison.Ordinal)))
            .WithMessage("Vul een geldig e-mailadres in, zoals naam@ggd.nl.");
        RuleFor(x => x.Telefoon).Tekst(Partner.MaxContact).WithMessage($"Het telefoonnummer is hoogstens {Partner.MaxContact} tekens.");
    }
}

public sealed record PartnerRij(Guid Id, string Naam, string Organisatie, PartnerFunctie Functie, string? Email, string? Telefoon, bool Actief);

/// <summary>
/// The school's directory of external partners (TDO/ZAT, ondersteuningsteam): kept by the zorgcoördinator and the beheerder.
/// A partner is archived, never deleted: past meetings name him.
/// </summary>
public static class Partnerbeheer
{
    public static bool MagBeheren(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Toegang.IsMedewerker(user) && user.IsInEenVan([Rollen.Zorgcoordinator, Rollen.Beheerder]);
    }
}

public sealed class PartnersHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<Result<IReadOnlyList<PartnerRij>>> HandleAsync(bool metGearchiveerd, CancellationToken cancellationToken = default)
    {
        if (!Partnerbeheer.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rijen = await db.Partners.Where(p => metGearchiveerd || p.Actief).OrderByDescending(p => p.Actief).ThenBy(p => p.Naam)
            .Select(p => new PartnerRij(p.Id, p.Naam, p.Organisatie, p.Functie, p.Email, p.Telefoon, p.Actief)).ToListAsync(cancellationToken);
        return rijen;
    }
}

public sealed class PartnerOpslaanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public PartnerInvoerValidator Validator { get; } = new();

    public async Task<Result<Guid>> HandleAsync(PartnerInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        if (!Partnerbeheer.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (Validator.Controleer(invoer) is { } ongeldig)
        {
            return ongeldig;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Partner partner;
        if (invoer.Id is { } id)
        {
            if (await db.Partners.AsTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } bestaand)
            {
                return Fout.NietGevonden("De partner");
            }
            partner = bestaand;
        }
        else
        {
            partner = new Partner { Naam = "", Organisatie = "" };
            db.Partners.Add(partner);
        }
        partner.Naam = Domain.Tekst.Regel(invoer.Naam);
        partner.Organisatie = Domain.Tekst.Regel(invoer.Organisatie);
        partner.Functie = invoer.Functie!.Value;
        partner.Email = Domain.Tekst.RegelOfNull(invoer.Email);
        partner.Telefoon = Domain.Tekst.RegelOfNull(invoer.Telefoon);
        audit.Add(db, invoer.Id is null ? AuditActie.Aanmaken : AuditActie.Wijzigen, null, $"partner {partner.Naam} ({partner.Id})");
        await db.SaveChangesAsync(cancellationToken);
        return partner.Id;
    }
}

/// <summary>Archives a partner (no longer offered when planning) or brings him back; never deletes.</summary>
public sealed class PartnerArchiverenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    public async Task<Result<bool>> HandleAsync(Guid id, bool actief, CancellationToken cancellationToken = default)
    {
        if (!Partnerbeheer.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Partners.AsTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } partner)
        {
            return Fout.NietGevonden("De partner");
        }
        if (partner.Actief != actief)
        {
            partner.Actief = actief;
            audit.Add(db, AuditActie.Wijzigen, null, $"partner {partner.Naam} {(actief ? "teruggezet" : "gearchiveerd")} ({partner.Id})");
            await db.SaveChangesAsync(cancellationToken);
        }
        return partner.Actief;
    }
}
