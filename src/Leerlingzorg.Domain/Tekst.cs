using System.Text;

namespace Leerlingzorg.Domain;

/// <summary>
/// Text as users type, paste or upload it, made safe to keep: without NUL and the other C0/C1 control characters
/// (PostgreSQL refuses NUL in text and jsonb, and they are invisible to the reader), without lone surrogates (not
/// valid UTF-8) and without the bidi override characters that make text read differently from how it is stored.
/// A <see cref="Regel"/> is one line (a name, a number); <see cref="Vrij"/> text keeps its line breaks and tabs.
/// </summary>
public static class Tekst
{
    /// <summary>One line, trimmed: every control character (tabs and line breaks too) becomes a space.</summary>
    public static string Regel(string? tekst) => Schoon(tekst, meerregelig: false).Trim();

    /// <summary>Like <see cref="Regel"/>, but null for text that is empty after cleaning (an optional field).</summary>
    public static string? RegelOfNull(string? tekst) => Regel(tekst) is { Length: > 0 } regel ? regel : null;

    /// <summary>Multi-line text, trimmed: keeps \n, \r and \t, removes the other control characters.</summary>
    public static string Vrij(string? tekst) => Schoon(tekst, meerregelig: true).Trim();

    /// <summary>Like <see cref="Vrij"/>, but null for text that is empty after cleaning.</summary>
    public static string? VrijOfNull(string? tekst) => Vrij(tekst) is { Length: > 0 } vrij ? vrij : null;

    /// <summary>
    /// The last line of defence before the database: removes what can never be stored or shown, keeps line breaks
    /// and tabs, and does not trim (it does not know which field this is).
    /// </summary>
    public static string? Veilig(string? tekst) => tekst is null ? null : Schoon(tekst, meerregelig: true);

    /// <summary>Whether <paramref name="tekst"/> holds nothing that <see cref="Veilig"/> would remove.</summary>
    public static bool IsVeilig(string? tekst)
    {
        if (tekst is null)
        {
            return true;
        }
        for (var i = 0; i < tekst.Length; i++)
        {
            if (Verwijder(tekst, i, meerregelig: true, out var breedte))
            {
                return false;
            }
            i += breedte - 1;
        }
        return true;
    }

    private static string Schoon(string? tekst, bool meerregelig)
    {
        if (string.IsNullOrEmpty(tekst))
        {
            return "";
        }
        if (IsVeilig(tekst) && (meerregelig || !BevatRegelteken(tekst)))
        {
            return tekst;
        }
        var schoon = new StringBuilder(tekst.Length);
        for (var i = 0; i < tekst.Length; i++)
        {
            var c = tekst[i];
            if (Verwijder(tekst, i, meerregelig, out var breedte))
            {
                // On one line a tab or line break separates words: a space, not nothing.
                if (!meerregelig && c is '\t' or '\n' or '\r' && schoon.Length > 0 && schoon[^1] != ' ')
                {
                    schoon.Append(' ');
                }
                continue;
            }
            schoon.Append(tekst, i, breedte);
            i += breedte - 1;
        }
        return schoon.ToString();
    }

    private static bool BevatRegelteken(string tekst) => tekst.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0;

    /// <summary>Whether the character at <paramref name="i"/> goes; <paramref name="breedte"/> is 2 for a valid surrogate pair.</summary>
    private static bool Verwijder(string tekst, int i, bool meerregelig, out int breedte)
    {
        breedte = 1;
        var c = tekst[i];
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 < tekst.Length && char.IsLowSurrogate(tekst[i + 1]))
            {
                breedte = 2;
                return false;
            }
            return true;
        }
        if (char.IsLowSurrogate(c))
        {
            return true;
        }
        if (c is '\t' or '\n' or '\r')
        {
            return !meerregelig;
        }
        return char.IsControl(c)
            // Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069); a byte order mark.
            || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF';
    }
}
