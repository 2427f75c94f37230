using System.Text;

namespace LambdaRoutes.Mapping;

/// <summary>
/// The ASCII strings of the previous event read on this thread, by the order they were read in. Consecutive events of
/// one function are nearly the same shape: the same header names in the same order, and most values (version, stage,
/// method, host, content type, user agent, domain) repeat. When the bytes at a position equal the string kept there,
/// that string is returned instead of a new one: a length check and a vectorised compare instead of an allocation, a
/// widening copy and, later, the GC zeroing and collecting those bytes (about a fifth of a warm invocation's
/// instructions went to the event's strings, bench/results/callgrind.md). Strings are immutable, so sharing one
/// between two requests is safe; a value that changes (a trace id) costs only the failed compare.
/// </summary>
internal sealed class RecurringStrings
{
    /// <summary>Enough for the strings of a typical event; later ones are simply not kept.</summary>
    private const int Slots = 64;

    /// <summary>Long values (a big cookie, a token) are rarely the same twice and would keep memory alive: not kept.</summary>
    private const int MaxKeptLength = 256;

    [ThreadStatic] private static RecurringStrings? t_current;

    private readonly string?[] _kept = new string?[Slots];
    private int _next;

    /// <summary>This thread's instance, rewound for a new event (the dev server reads events on several threads).</summary>
    public static RecurringStrings ForNewEvent()
    {
        var strings = t_current ??= new RecurringStrings();
        strings._next = 0;
        return strings;
    }

    /// <summary>The string of <paramref name="ascii"/> (ASCII bytes only), reused from the previous event when the same.</summary>
    public string Get(ReadOnlySpan<byte> ascii)
    {
        var slot = _next++;
        if ((uint)slot >= Slots) return Widen(ascii);
        var kept = _kept[slot];
        if (kept is not null && kept.Length == ascii.Length && Ascii.Equals(ascii, kept)) return kept;
        var created = Widen(ascii);
        _kept[slot] = created.Length <= MaxKeptLength ? created : null;
        return created;
    }

    /// <summary>ASCII widened straight into the new string, without the general UTF-8 transcoder's layers.</summary>
    private static unsafe string Widen(ReadOnlySpan<byte> ascii)
    {
        if (ascii.IsEmpty) return "";
        fixed (byte* bytes = ascii)
            return string.Create(ascii.Length, (IntPtr)bytes,
                static (chars, address) => Ascii.ToUtf16(new ReadOnlySpan<byte>((byte*)address, chars.Length), chars, out _));
    }
}
