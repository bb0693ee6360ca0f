using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Leerlingzorg.Domain;

namespace Leerlingzorg.Web.Features;

/// <summary>
/// The one way every validator checks typed or uploaded text: on the text as it will be stored
/// (<see cref="Tekst.Regel"/> or <see cref="Tekst.Vrij"/>), so that a pasted NUL or a text of only control
/// characters is judged as what it is. The maximum is the field's <c>MaxLength</c> and the database column's.
/// </summary>
public static class TekstRegels
{
    // Generic in the property type so that one rule serves string and string? properties alike.

    /// <summary>One line of at most <paramref name="maximum"/> characters once cleaned. Follow with <c>WithMessage</c> to name the field.</summary>
    public static IRuleBuilderOptions<T, TTekst> Tekst<T, TTekst>(this IRuleBuilder<T, TTekst> regel, int maximum) where TTekst : class? =>
        regel.Must(t => Domain.Tekst.Regel(t as string).Length <= maximum).WithMessage(Hooguit(maximum));

    /// <summary>Multi-line text of at most <paramref name="maximum"/> characters once cleaned.</summary>
    public static IRuleBuilderOptions<T, TTekst> VrijeTekst<T, TTekst>(this IRuleBuilder<T, TTekst> regel, int maximum) where TTekst : class? =>
        regel.Must(t => Domain.Tekst.Vrij(t as string).Length <= maximum).WithMessage(Hooguit(maximum));

    /// <summary>Something is left once the text is cleaned (a field of only spaces or control characters is empty).</summary>
    public static IRuleBuilderOptions<T, TTekst> Verplicht<T, TTekst>(this IRuleBuilder<T, TTekst> regel) where TTekst : class? =>
        regel.Must(t => Domain.Tekst.Vrij(t as string).Length > 0).WithMessage("Vul dit veld in.");

    /// <summary>"Hooguit 20.000 tekens." in Dutch number format.</summary>
    public static string Hooguit(int maximum) =>
        $"Hooguit {maximum.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"))} tekens.";
}

/// <summary>
/// Writes every string of a JSON document (a draft, a revision, an import's linking) cleaned by
/// <see cref="Tekst.Veilig"/>: PostgreSQL's jsonb refuses the escaped NUL (<c>\u0000</c>, SQLSTATE 22P05).
/// </summary>
public sealed class VeiligeTekstJson : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Domain.Tekst.Veilig(value));
    }

    /// <summary>Options for JSON that is stored: <paramref name="basis"/> plus this converter.</summary>
    public static JsonSerializerOptions Opties(JsonSerializerOptions? basis = null)
    {
        var opties = basis is null ? new JsonSerializerOptions() : new JsonSerializerOptions(basis);
        opties.Converters.Add(new VeiligeTekstJson());
        return opties;
    }
}
