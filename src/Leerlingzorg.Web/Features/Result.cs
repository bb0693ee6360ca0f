namespace Leerlingzorg.Web.Features;

/// <summary>Why an expected operation did not succeed; the page shows <see cref="Fout.Melding"/> in Dutch.</summary>
public sealed record Fout(FoutSoort Soort, string Melding)
{
    public static Fout NietGevonden(string wat) => new(FoutSoort.NietGevonden, $"{wat} is niet gevonden.");
    public static readonly Fout GeenToegang = new(FoutSoort.GeenToegang, "U heeft geen toegang tot deze gegevens.");
}

public enum FoutSoort
{
    NietGevonden,
    GeenToegang,
    Ongeldig,
    Conflict,
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
    public bool IsGelukt => Fout is null;

    public static implicit operator Result<T>(T waarde) => new(waarde, null);
    public static implicit operator Result<T>(Fout fout) => new(default, fout);
}
