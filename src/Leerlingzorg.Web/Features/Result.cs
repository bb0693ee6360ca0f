using System.Diagnostics.CodeAnalysis;
using FluentValidation.Results;
using Leerlingzorg.Web.Infrastructure.Operations;

namespace Leerlingzorg.Web.Features;

/// <summary>Why an expected operation did not succeed; the page shows <see cref="Fout.Melding"/> in Dutch.</summary>
public sealed record Fout(FoutSoort Soort, string Melding)
{
    public static Fout NietGevonden(string wat) => new(FoutSoort.NietGevonden, $"{wat} is niet gevonden.");
    public static readonly Fout GeenToegang = new(FoutSoort.GeenToegang, "U heeft geen toegang tot deze gegevens.");

    /// <summary>The database went away during the action; what the user typed stays in the form.</summary>
    public static readonly Fout Onbereikbaar = new(FoutSoort.Onbereikbaar,
        "De database is even niet bereikbaar. Je invoer is bewaard; probeer het zo opnieuw.");

    /// <summary>The validation errors (the validator ran again in the handler) as one Dutch, expected failure.</summary>
    public static Fout Ongeldig(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(FoutSoort.Ongeldig, string.Join(" ", result.Errors.Select(e => e.ErrorMessage).Distinct()));
    }
}

public enum FoutSoort
{
    NietGevonden,
    GeenToegang,
    Ongeldig,
    Conflict,
    /// <summary>The database could not be reached; trying again later will work.</summary>
    Onbereikbaar,
}

/// <summary>The outcome of a use case: a value, or a typed, Dutch error.</summary>
public readonly record struct Result<T>
{
    private Result(T? waarde, Fout? fout)
    {
        Waarde = waarde;
        Fout = fout;
    }

    public T? Waarde { get; }
    public Fout? Fout { get; }

    /// <summary>After <c>if (!result.IsGelukt) return;</c> the compiler knows <see cref="Waarde"/> is there: no <c>Waarde!</c>.</summary>
    [MemberNotNullWhen(true, nameof(Waarde))]
    [MemberNotNullWhen(false, nameof(Fout))]
    public bool IsGelukt => Fout is null;

    /// <summary>One of the two outcomes, each with what it holds.</summary>
    public TR Match<TR>(Func<T, TR> gelukt, Func<Fout, TR> mislukt)
    {
        ArgumentNullException.ThrowIfNull(gelukt);
        ArgumentNullException.ThrowIfNull(mislukt);
        return IsGelukt ? gelukt(Waarde) : mislukt(Fout);
    }

    /// <summary><see cref="Match{TR}"/> for work without a value, e.g. setting page state.</summary>
    public void Switch(Action<T> gelukt, Action<Fout> mislukt)
    {
        ArgumentNullException.ThrowIfNull(gelukt);
        ArgumentNullException.ThrowIfNull(mislukt);
        if (IsGelukt)
        {
            gelukt(Waarde);
        }
        else
        {
            mislukt(Fout);
        }
    }

    public static implicit operator Result<T>(T waarde) => new(waarde, null);
    public static implicit operator Result<T>(Fout fout) => new(default, fout);
}

/// <summary>
/// The one place where a database that went away becomes an expected failure: a use case wrapped in
/// <see cref="BijStoring{T}"/> returns <see cref="Fout.Onbereikbaar"/> instead of throwing, so that the circuit
/// lives on, the page keeps what was typed and the next try works once PostgreSQL is back.
/// </summary>
public static class Storing
{
    public static async Task<Result<T>> BijStoring<T>(this Task<Result<T>> actie)
    {
        ArgumentNullException.ThrowIfNull(actie);
        try
        {
            return await actie;
        }
        catch (Exception e) when (IsOnbereikbaar(e))
        {
            return Fout.Onbereikbaar;
        }
    }

    /// <summary>
    /// The exceptions of a database that is down or cut off (Npgsql transient, a socket, a timeout, a broken connection
    /// wrapped by EF Core), never a bug such as a constraint violation.
    /// </summary>
    public static bool IsOnbereikbaar(Exception? e)
    {
        if (DatabaseUnavailableMiddleware.IsDatabaseUnavailable(e))
        {
            return true;
        }
        for (; e is not null; e = e.InnerException)
        {
            // A command or pool wait that timed out; EF Core wraps it (InvalidOperationException, DbUpdateException).
            if (e is TimeoutException or Npgsql.NpgsqlException { InnerException: TimeoutException })
            {
                return true;
            }
        }
        return false;
    }
}
