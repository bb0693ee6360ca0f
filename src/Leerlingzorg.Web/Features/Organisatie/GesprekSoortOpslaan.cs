using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>A new gesprekssoort (no <see cref="Id"/>) or new details for one; (de)activating is <see cref="GesprekSoortActiverenHandler"/>.</summary>
public sealed record GesprekSoortGegevens
{
    public Guid? Id { get; set; }
    public string Naam { get; set; } = "";
    public int Volgorde { get; set; }
    public bool IsVoortgangsgesprek { get; set; }
}

public sealed class GesprekSoortValidator : AbstractValidator<GesprekSoortGegevens>
{
    public GesprekSoortValidator()
    {
        RuleFor(s => s.Naam).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul de naam van de gesprekssoort in.")
            .Tekst(60).WithMessage("De naam van de gesprekssoort is hoogstens 60 tekens.");
        RuleFor(s => s.Volgorde).InclusiveBetween(0, 999).WithMessage("De volgorde is een getal van 0 tot en met 999.");
    }
}

public sealed class GesprekSoortOpslaanHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit)
{
    private static readonly GesprekSoortValidator Validator = new();

    public async Task<Result<Guid>> HandleAsync(GesprekSoortGegevens gegevens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gegevens);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (Validator.Controleer(gegevens) is { } ongeldig)
        {
            return ongeldig;
        }
        var naam = Domain.Tekst.Regel(gegevens.Naam);
        var bestaatAl = new Fout(FoutSoort.Conflict, $"Er is al een gesprekssoort met de naam {naam}.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.GesprekSoorten.AnyAsync(s => EF.Functions.ILike(s.Naam, Beheer.Letterlijk(naam)) && s.Id != (gegevens.Id ?? Guid.Empty), cancellationToken))
        {
            return bestaatAl;
        }
        var voortgang = gegevens.IsVoortgangsgesprek ? "ja" : "nee";
        GesprekSoort soort;
        if (gegevens.Id is { } id)
        {
            var bestaand = await db.GesprekSoorten.AsTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (bestaand is null)
            {
                return Fout.NietGevonden("De gesprekssoort");
            }
            soort = bestaand;
            audit.Add(db, AuditActie.Wijzigen, null,
                $"gesprekssoort {soort.Naam} gewijzigd in {naam} (volgorde {gegevens.Volgorde}, voortgangsgesprek {voortgang})");
            soort.Naam = naam;
            soort.Volgorde = gegevens.Volgorde;
            soort.IsVoortgangsgesprek = gegevens.IsVoortgangsgesprek;
        }
        else
        {
            soort = new GesprekSoort { Naam = naam, Volgorde = gegevens.Volgorde, IsVoortgangsgesprek = gegevens.IsVoortgangsgesprek };
            db.GesprekSoorten.Add(soort);
            audit.Add(db, AuditActie.Aanmaken, null, $"gesprekssoort {naam} aangemaakt (volgorde {gegevens.Volgorde}, voortgangsgesprek {voortgang})");
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Beheer.IsUniekeSchending(ex))
        {
            return bestaatAl;
        }
        return soort.Id;
    }
}
