using System.Buffers;
using System.Text.Encodings.Web;

namespace LambdaRoutes.Mapping;

/// <summary>
/// Escapes UTF-8 text for a JSON string in fixed-size steps, straight into its destination. Utf8JsonWriter on .NET 8
/// escapes a value in one piece through an ArrayPool array sized for the worst case (6 bytes per input byte, rounded up
/// to a power of two): for a 6 MB response body that needs any escape, a 64 MB array that the pool then keeps.
/// Uses the encoder's own EncodeUtf8, which is what Utf8JsonWriter calls for a custom encoder, so the bytes are the same.
/// </summary>
internal static class JsonStringEscaper
{
    // Small, and not zero-filled (SkipLocalsInit): the scratch is only ever written, and clearing 16 KB of stack on every
    // response that needed one escape was a tenth of a warm invocation's instructions (bench/callgrind.sh).
    private const int Step = 1024;

    /// <summary>Length of <paramref name="utf8"/> once escaped (valid UTF-8 only).</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static int EscapedLength(ReadOnlySpan<byte> utf8, JavaScriptEncoder encoder)
    {
        var first = encoder.FindFirstCharacterToEncodeUtf8(utf8);
        if (first < 0) return utf8.Length;
        // ASCII text (nearly every JSON body) is counted, not escaped into a scratch to measure.
        if (ReferenceEquals(encoder, Json.RelaxedJsonEncoder.Instance) && System.Text.Ascii.IsValid(utf8[first..]))
            return checked(first + Json.RelaxedJsonEncoder.EscapedAsciiLength(utf8[first..]));
        Span<byte> scratch = stackalloc byte[Step];
        var length = first;
        var rest = utf8[first..];
        while (!rest.IsEmpty)
        {
            var status = encoder.EncodeUtf8(rest, scratch, out var consumed, out var written);
            Check(status);
            length = checked(length + written);
            rest = rest[consumed..];
        }
        return length;
    }

    /// <summary>Writes <paramref name="utf8"/> escaped into <paramref name="destination"/>, exactly <see cref="EscapedLength"/> bytes long.</summary>
    public static void Escape(ReadOnlySpan<byte> utf8, Span<byte> destination, JavaScriptEncoder encoder)
    {
        var status = encoder.EncodeUtf8(utf8, destination, out var consumed, out var written);
        if (status != OperationStatus.Done || consumed != utf8.Length || written != destination.Length)
            throw new InvalidOperationException($"unreachable: escaping gave {status}, {written} of {destination.Length} bytes");
    }

    private static void Check(OperationStatus status)
    {
        // DestinationTooSmall only means the scratch is full: go on. Invalid data cannot occur for valid UTF-8.
        if (status is not (OperationStatus.Done or OperationStatus.DestinationTooSmall))
            throw new InvalidOperationException($"unreachable: escaping valid UTF-8 gave {status}");
    }
}
