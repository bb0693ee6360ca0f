using FluentValidation;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Leerlingzorg.Web.Features.Organisatie;

/// <summary>
/// Functional management (functioneel beheer) of a school: only a Beheerder, and only of his own school.
/// Every management handler checks this itself; the pages' [Authorize] only hides them.
/// </summary>
public static class Beheer
{
    /// <summary>For a select that chooses a row: something is chosen, and not the empty id.</summary>
    public static bool IsGekozen(Guid? id) => id is { } gekozen && gekozen != Guid.Empty;

    /// <summary>Runs the validator again in the handler: the page may have been bypassed.</summary>
    public static Fout? Controleer<T>(this IValidator<T> validator, T model)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = validator.Validate(model);
        return result.IsValid ? null : Fout.Ongeldig(result);
    }

    /// <summary>
    /// For MudForm's <c>Validation</c>: validates only the field that changed (the form passes its <c>For</c> name),
    /// with the same validator the handler runs.
    /// </summary>
    public static Func<object, string, Task<IEnumerable<string>>> VoorFormulier<T>(this IValidator<T> validator) =>
        async (model, veld) =>
        {
            var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(veld)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };

    /// <summary>The message of the first error on one property, for inputs MudForm cannot validate by itself (multi-selects).</summary>
    public static string? FoutVoor<T>(this IValidator<T> validator, T model, string veld)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return validator.Validate(model, o => o.IncludeProperties(veld)).Errors.FirstOrDefault()?.ErrorMessage;
    }

    /// <summary>An ILIKE pattern that finds the term anywhere, with the wildcards in the term taken literally.</summary>
    public static string Bevat(string term) => "%" + Letterlijk(term) + "%";

    /// <summary>An ILIKE pattern that matches the term itself, ignoring case: names that differ only in case are the same.</summary>
    public static string Letterlijk(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return Domain.Tekst.Regel(term).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }

    public static bool IsUniekeSchending(DbUpdateException ex) =>
        ex?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static bool IsVerwijzingSchending(DbUpdateException ex) =>
        ex?.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation };
}

/// <summary>Which page of a list, sorted how; the database pages and sorts, never the component.</summary>
public sealed record PaginaVerzoek(int Pagina = 0, int Grootte = 25, string? SorteerOp = null, bool Aflopend = false)
{
    public const int MaximaleGrootte = 100;

    public int Overslaan => Math.Max(0, Pagina) * Aantal;
    public int Aantal => Math.Clamp(Grootte, 1, MaximaleGrootte);
}

/// <summary>One page of a list and the number of rows in the whole list.</summary>
public sealed record Pagina<T>(IReadOnlyList<T> Items, int Totaal);

/// <summary>An option in a select: an id and what the user sees.</summary>
public sealed record Keuze(Guid Id, string Naam);
