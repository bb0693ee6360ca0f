using FluentValidation;
using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Npgsql;

namespace Leerlingzorg.Web.Features.Leerlingen;

/// <summary>
/// The functioneel beheerder manages the basic data of every student of his school (names, number, klas,
/// enrolment, parents), not the dossier. Kept beside the use cases that need it until <see cref="Toegang"/>
/// takes it over (see the report of issue 3): <see cref="Toegang.ZichtbareLeerlingen"/> stays the dossier's
/// need-to-know and does not include the beheerder.
/// </summary>
public static class Leerlingbeheer
{
    /// <summary>The students whose basic data the user manages: every student of the school for a beheerder, else none.</summary>
    public static IQueryable<Leerling> BeheerbareLeerlingen(this LeerlingzorgDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Toegang.MagBeheren(user) ? db.Leerlingen : db.Leerlingen.Where(_ => false);
    }

    /// <summary>
    /// The students whose name, number and klas the user may see in a list or a search: those he has a need to
    /// know of, and for a beheerder every student of his school.
    /// </summary>
    public static IQueryable<Leerling> LeerlingenInOverzicht(this LeerlingzorgDbContext db, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Toegang.MagBeheren(user) ? db.Leerlingen : db.ZichtbareLeerlingen(user);
    }

    public static string Weergave(OuderRelatie relatie) => relatie switch
    {
        OuderRelatie.Moeder => "moeder",
        OuderRelatie.Vader => "vader",
        OuderRelatie.Verzorger => "verzorger",
        OuderRelatie.Voogd => "voogd",
        OuderRelatie.NidosVoogd => "Nidos-voogd",
        _ => relatie.ToString(),
    };

    public static string Weergave(Jaaruitkomst uitkomst) => uitkomst switch
    {
        Jaaruitkomst.Bevorderd => "bevorderd",
        Jaaruitkomst.Gedoubleerd => "gedoubleerd",
        Jaaruitkomst.Vertrokken => "vertrokken",
        _ => uitkomst.ToString(),
    };

    public static bool IsUniekeSleutelFout(Exception exception, string indexDeel) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && (pg.ConstraintName?.Contains(indexDeel, StringComparison.Ordinal) ?? false);
}

/// <summary>
/// Lets a FluentValidation validator drive a MudForm: MudForm calls this per field (its <c>For</c>), and the
/// same validator runs again in the handler.
/// </summary>
public static class FormValidatie
{
    public static Func<object, string, Task<IEnumerable<string>>> Voor<T>(IValidator<T> validator) => async (model, eigenschap) =>
    {
        ArgumentNullException.ThrowIfNull(validator);
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(eigenschap)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage).ToArray();
    };
}
