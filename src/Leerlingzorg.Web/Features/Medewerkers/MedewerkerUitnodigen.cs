using FluentValidation;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Web.Features.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Medewerkers;

/// <summary>A new staff member to invite. Mutable: the dialog's form binds to it.</summary>
public sealed record Uitnodiging
{
    public string Voornaam { get; set; } = "";
    public string? Tussenvoegsel { get; set; }
    public string Achternaam { get; set; } = "";
    public string Email { get; set; } = "";
    public IReadOnlyCollection<string> Rollen { get; set; } = [];
}

public sealed class UitnodigingValidator : AbstractValidator<Uitnodiging>
{
    public UitnodigingValidator()
    {
        RuleFor(u => u.Voornaam).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul de voornaam in.")
            .Tekst(100).WithMessage("De voornaam is hoogstens 100 tekens.");
        RuleFor(u => u.Tussenvoegsel).Tekst(20).WithMessage("Het tussenvoegsel is hoogstens 20 tekens.");
        RuleFor(u => u.Achternaam).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul de achternaam in.")
            .Tekst(100).WithMessage("De achternaam is hoogstens 100 tekens.");
        RuleFor(u => u.Email).Cascade(CascadeMode.Stop).Verplicht().WithMessage("Vul het e-mailadres in.")
            .Tekst(256).WithMessage("Het e-mailadres is hoogstens 256 tekens.")
            .EmailAddress().WithMessage("Dit is geen geldig e-mailadres.");
        RuleFor(u => u.Rollen).NotEmpty().WithMessage("Kies minstens één rol.")
            .Must(r => r.All(Personeelszaken.Medewerkerrollen.Contains)).WithMessage("Kies alleen rollen voor medewerkers.");
    }
}

/// <summary>
/// Invites a staff member: an account of the current school without a password (the e-mail address is taken as
/// confirmed: the school vouches for it), with the chosen roles, and a mail with a link to choose a password.
/// </summary>
public sealed class MedewerkerUitnodigenHandler(
    IServiceScopeFactory scopes,
    IDbContextFactory<LeerlingzorgDbContext> dbFactory,
    CurrentUser currentUser,
    AuditLog audit,
    IUitnodigingMailer mailer)
{
    private static readonly UitnodigingValidator Validator = new();

    /// <param name="basisAdres">The application's base address (ending in "/"), for the link in the mail.</param>
    public async Task<Result<Guid>> HandleAsync(Uitnodiging uitnodiging, Uri basisAdres, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uitnodiging);
        if (!Toegang.MagBeheren(currentUser))
        {
            return Fout.GeenToegang;
        }
        if (Validator.Controleer(uitnodiging) is { } ongeldig)
        {
            return ongeldig;
        }
        var email = Domain.Tekst.Regel(uitnodiging.Email);
        var bestaatAl = new Fout(FoutSoort.Conflict, $"Er is al een account met het e-mailadres {email}. Elk e-mailadres kan maar één account hebben.");
        var rollen = uitnodiging.Rollen.Distinct().ToList();

        // A scope of its own: Identity's context must not live as long as the circuit.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return bestaatAl;
        }
        var user = new Gebruiker
        {
            Voornaam = Domain.Tekst.Regel(uitnodiging.Voornaam),
            Tussenvoegsel = Domain.Tekst.RegelOfNull(uitnodiging.Tussenvoegsel),
            Achternaam = Domain.Tekst.Regel(uitnodiging.Achternaam),
            Email = email,
            UserName = email,
            EmailConfirmed = true,
            SchoolId = currentUser.SchoolId,
        };
        IdentityResult aangemaakt;
        try
        {
            aangemaakt = await users.CreateAsync(user);
        }
        catch (DbUpdateException ex) when (Beheer.IsUniekeSchending(ex))
        {
            return bestaatAl;
        }
        if (aangemaakt.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return bestaatAl;
        }
        if (!aangemaakt.Succeeded)
        {
            return new Fout(FoutSoort.Ongeldig, string.Join(" ", aangemaakt.Errors.Select(e => e.Description)));
        }
        await Personeelszaken.ZorgDatRollenBestaanAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>(), rollen);
        Personeelszaken.Controleer(await users.AddToRolesAsync(user, rollen));
        await mailer.SendUitnodigingAsync(user, email, await Personeelszaken.WachtwoordLinkAsync(users, user, basisAdres));
        await Personeelszaken.AuditAsync(dbFactory, audit, AuditActie.Aanmaken,
            $"medewerker {user.Id} uitgenodigd met rollen {Personeelszaken.RollenTekst(rollen)}", cancellationToken);
        return user.Id;
    }
}
