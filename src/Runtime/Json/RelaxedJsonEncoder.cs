using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;

namespace LambdaRoutes.Json;

/// <summary>
/// The same escaping as <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (AWS's and JSON.stringify's relaxed
/// escaping), but ASCII is handled here and the real encoder is only built when text holds a non-ASCII character.
/// Building it walks every BMP code point (about 1.2 M instructions, a sixth of the cold start counted by
/// bench/callgrind.sh), while most responses are ASCII. In ASCII the relaxed encoder escapes only control characters,
/// <c>"</c> and <c>\</c>; tests/LambdaRoutes.Runtime.Tests/Mapping/RelaxedJsonEncoderTests.cs checks every BMP character
/// against it.
/// </summary>
internal sealed class RelaxedJsonEncoder : JavaScriptEncoder
{
    public static readonly RelaxedJsonEncoder Instance = new();

    private RelaxedJsonEncoder() { }

    /// <summary>Read on first non-ASCII text only: the property getter runs the real encoder's costly static constructor.</summary>
    private static JavaScriptEncoder Full => UnsafeRelaxedJsonEscaping;

    /// <summary>A BMP character escaped as <c>\uXXXX</c> is the worst case, as in the runtime's encoder.</summary>
    public override int MaxOutputCharactersPerInputCharacter => 12;

    private static bool AsciiNeedsEscape(int c) => c < 0x20 || c == '"' || c == '\\' || c == 0x7F;

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x80 ? AsciiNeedsEscape(unicodeScalar) : Full.WillEncode(unicodeScalar);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        for (var i = 0; i < textLength; i++)
        {
            var c = text[i];
            if (c >= 0x80)
            {
                var rest = Full.FindFirstCharacterToEncode(text + i, textLength - i);
                return rest < 0 ? -1 : i + rest;
            }
            if (AsciiNeedsEscape(c)) return i;
        }
        return -1;
    }

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text)
    {
        for (var i = 0; i < utf8Text.Length; i++)
        {
            var b = utf8Text[i];
            if (b >= 0x80)
            {
                var rest = Full.FindFirstCharacterToEncodeUtf8(utf8Text[i..]);
                return rest < 0 ? -1 : i + rest;
            }
            if (AsciiNeedsEscape(b)) return i;
        }
        return -1;
    }

    public override OperationStatus EncodeUtf8(ReadOnlySpan<byte> utf8Source, Span<byte> utf8Destination,
        out int bytesConsumed, out int bytesWritten, bool isFinalBlock = true)
    {
        if (EncodeAsciiPrefix(utf8Source, utf8Destination, out bytesConsumed, out bytesWritten)) return OperationStatus.Done;
        if (bytesConsumed < utf8Source.Length && utf8Source[bytesConsumed] < 0x80) return OperationStatus.DestinationTooSmall;
        var status = Full.EncodeUtf8(utf8Source[bytesConsumed..], utf8Destination[bytesWritten..], out var consumed, out var written, isFinalBlock);
        bytesConsumed += consumed;
        bytesWritten += written;
        return status;
    }

    public override OperationStatus Encode(ReadOnlySpan<char> source, Span<char> destination,
        out int charsConsumed, out int charsWritten, bool isFinalBlock = true)
    {
        // Not left to the base class, which would write a lone surrogate's replacement raw; the relaxed encoder escapes it.
        if (EncodeAsciiPrefix(source, destination, out charsConsumed, out charsWritten)) return OperationStatus.Done;
        if (charsConsumed < source.Length && source[charsConsumed] < 0x80) return OperationStatus.DestinationTooSmall;
        var status = Full.Encode(source[charsConsumed..], destination[charsWritten..], out var consumed, out var written, isFinalBlock);
        charsConsumed += consumed;
        charsWritten += written;
        return status;
    }

    /// <summary>
    /// Encodes <paramref name="source"/> (UTF-8 bytes or UTF-16 chars) up to its first non-ASCII unit, or until the
    /// next piece does not fit; true when all of it is done.
    /// </summary>
    private static bool EncodeAsciiPrefix<T>(ReadOnlySpan<T> source, Span<T> destination, out int read, out int written)
        where T : unmanaged, IBinaryInteger<T>
    {
        Span<byte> escape = stackalloc byte[6];
        read = 0;
        written = 0;
        // Where the next unit outside printable ASCII and the next quote or backslash are, found vectorised and
        // remembered until passed (so a long text is scanned once): the runs between them are copied whole.
        var outside = -1;
        var quote = -1;
        while (read < source.Length)
        {
            if (source.Length - read < ShortText)
            {
                // Response bodies are UTF-8: a loop over bytes, without the generic conversions of the UTF-16 one.
                return typeof(T) == typeof(byte)
                    ? EncodeShortUtf8(MemoryMarshal.Cast<T, byte>(source), MemoryMarshal.Cast<T, byte>(destination), ref read, ref written)
                    : EncodeShortAscii(source, destination, ref read, ref written, escape);
            }
            if (outside < read) outside = NextOr(source, read, source[read..].IndexOfAnyExceptInRange(T.CreateTruncating(0x20), T.CreateTruncating(0x7E)));
            if (quote < read) quote = NextOr(source, read, source[read..].IndexOfAny(T.CreateTruncating('"'), T.CreateTruncating('\\')));
            var run = Math.Min(Math.Min(outside, quote), destination.Length - written + read) - read;
            if (run > 0)
            {
                source.Slice(read, run).CopyTo(destination[written..]);
                read += run;
                written += run;
                continue;
            }
            var unit = int.CreateTruncating(source[read]);
            if (unit >= 0x80) return false;
            var length = AsciiNeedsEscape(unit) ? EscapeAscii((byte)unit, escape) : 0;
            if (written + Math.Max(length, 1) > destination.Length) return false;
            if (length == 0) destination[written++] = source[read];
            else foreach (var b in escape[..length]) destination[written++] = T.CreateTruncating(b);
            read++;
        }
        return true;
    }

    /// <summary>
    /// Below this many units left, one plain pass costs less than starting two vectorised searches after every escape:
    /// a small JSON body has a quote every few characters (bench/callgrind.sh).
    /// </summary>
    private const int ShortText = 64;

    /// <summary>The rest of <paramref name="source"/> unit by unit, with the same results as <see cref="EncodeAsciiPrefix"/>.</summary>
    private static bool EncodeShortAscii<T>(ReadOnlySpan<T> source, Span<T> destination, ref int read, ref int written, Span<byte> escape)
        where T : unmanaged, IBinaryInteger<T>
    {
        while (read < source.Length)
        {
            var unit = int.CreateTruncating(source[read]);
            if (unit >= 0x80) return false;
            if (!AsciiNeedsEscape(unit))
            {
                if (written >= destination.Length) return false;
                destination[written++] = source[read++];
                continue;
            }
            var length = EscapeAscii((byte)unit, escape);
            if (written + length > destination.Length) return false;
            foreach (var b in escape[..length]) destination[written++] = T.CreateTruncating(b);
            read++;
        }
        return true;
    }

    /// <summary><see cref="EncodeShortAscii"/> for UTF-8 bytes.</summary>
    private static bool EncodeShortUtf8(ReadOnlySpan<byte> source, Span<byte> destination, ref int read, ref int written)
    {
        while (read < source.Length)
        {
            var unit = source[read];
            if (unit >= 0x80) return false;
            if (!AsciiNeedsEscape(unit))
            {
                if ((uint)written >= (uint)destination.Length) return false;
                destination[written++] = unit;
                read++;
                continue;
            }
            var length = ShortEscape(unit) != 0 ? 2 : 6;
            if (written + length > destination.Length) return false;
            EscapeAscii(unit, destination.Slice(written, length));
            written += length;
            read++;
        }
        return true;
    }

    /// <summary>The absolute position of a search result over <c>source[from..]</c>; the length when nothing was found.</summary>
    private static int NextOr<T>(ReadOnlySpan<T> source, int from, int found) => found < 0 ? source.Length : from + found;

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        if (unicodeScalar >= 0x80) return Full.TryEncodeUnicodeScalar(unicodeScalar, buffer, bufferLength, out numberOfCharactersWritten);
        Span<byte> escape = stackalloc byte[6];
        var length = AsciiNeedsEscape(unicodeScalar) ? EscapeAscii((byte)unicodeScalar, escape) : 1;
        if (length == 1) escape[0] = (byte)unicodeScalar;
        if (length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        for (var i = 0; i < length; i++) buffer[i] = (char)escape[i];
        numberOfCharactersWritten = length;
        return true;
    }

    /// <summary>The length of <paramref name="ascii"/> (ASCII bytes only) once escaped: the bytes <see cref="EncodeUtf8"/> writes for it.</summary>
    public static int EscapedAsciiLength(ReadOnlySpan<byte> ascii)
    {
        var length = ascii.Length;
        foreach (var b in ascii)
            if (AsciiNeedsEscape(b)) length += ShortEscape(b) != 0 ? 1 : 5;
        return length;
    }

    /// <summary>The letter of JSON's two-character escape for <paramref name="c"/>, or 0 when it has none.</summary>
    private static byte ShortEscape(byte c) => c switch
    {
        (byte)'"' => (byte)'"',
        (byte)'\\' => (byte)'\\',
        (byte)'\b' => (byte)'b',
        (byte)'\t' => (byte)'t',
        (byte)'\n' => (byte)'n',
        (byte)'\f' => (byte)'f',
        (byte)'\r' => (byte)'r',
        _ => 0,
    };

    /// <summary>JSON's two-character escapes where they exist (RFC 8259 section 7), else <c>\u00XX</c> in upper-case hex.</summary>
    private static int EscapeAscii(byte c, Span<byte> destination)
    {
        destination[0] = (byte)'\\';
        var shortForm = ShortEscape(c);
        if (shortForm != 0)
        {
            destination[1] = shortForm;
            return 2;
        }
        "u00"u8.CopyTo(destination[1..]);
        destination[4] = (byte)"0123456789ABCDEF"[c >> 4];
        destination[5] = (byte)"0123456789ABCDEF"[c & 0xF];
        return 6;
    }
}
