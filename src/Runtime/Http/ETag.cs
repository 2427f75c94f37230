namespace LambdaRoutes.Http;

/// <summary>
/// Next's strong ETag for <c>res.send</c> bodies (Next.js packages/next/src/server/lib/etag.ts, send-payload.ts): <c>"&lt;fnv1a52(payload) base36&gt;&lt;payload.length base36&gt;"</c>,
/// where the hash is 64-bit FNV-1a over the payload's UTF-16 code units, folded to 52 bits so JavaScript can hold it
/// in a double. Matching Next exactly keeps ETags stable for clients moving from a Next deployment.
/// </summary>
internal static class ETag
{
    private const ulong OffsetBasis = 0xcbf29ce484222325;
    private const ulong Prime = 0x100000001b3;

    public static string Generate(string payload) => Format(Fnv1a52(payload), payload.Length);

    /// <summary>
    /// The ETag of text whose UTF-16 code units are these bytes one for one: Latin-1 text (how a byte body is hashed),
    /// or ASCII. Same result as <see cref="Generate(string)"/> on that text, without making the string.
    /// </summary>
    public static string GenerateFromLatin1(ReadOnlySpan<byte> units) => Format(Fnv1a52(units), units.Length);

    /// <summary>The ETag of the text <paramref name="utf8"/> encodes (valid UTF-8): from the bytes when they are ASCII, as they nearly always are.</summary>
    public static string GenerateFromUtf8(ReadOnlySpan<byte> utf8) =>
        System.Text.Ascii.IsValid(utf8) ? GenerateFromLatin1(utf8) : Generate(System.Text.Encoding.UTF8.GetString(utf8));

    private static string Format(ulong hash, int length) => "\"" + ToBase36(hash) + ToBase36((ulong)length) + "\"";

    internal static ulong Fnv1a52(string payload)
    {
        var hash = OffsetBasis;
        foreach (var unit in payload)
        {
            hash ^= unit;
            hash *= Prime;
        }
        return Fold(hash);
    }

    internal static ulong Fnv1a52(ReadOnlySpan<byte> units)
    {
        var hash = OffsetBasis;
        foreach (var unit in units)
        {
            hash ^= unit;
            hash *= Prime;
        }
        return Fold(hash);
    }

    // Keep bits 16..51, and fold the top 12 bits into the low 16 (Next's (v3 & 15) · 2^48 + v2 · 2^32 + v1 · 2^16 + (v0 ^ (v3 >> 4))).
    private static ulong Fold(ulong hash) => (hash & 0x000F_FFFF_FFFF_0000) | ((hash & 0xFFFF) ^ (hash >> 52));

    internal static string ToBase36(ulong value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (value == 0) return "0";
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        while (value > 0)
        {
            buffer[--i] = digits[(int)(value % 36)];
            value /= 36;
        }
        return new string(buffer[i..]);
    }

    /// <summary>
    /// The <c>fresh</c> test Next runs before answering 304: an <c>If-None-Match</c> that lists this ETag (weakly
    /// compared) or <c>*</c>, unless the request says <c>Cache-Control: no-cache</c>.
    /// </summary>
    public static bool IsFresh(HeaderMap requestHeaders, string etag)
    {
        var noneMatch = requestHeaders["if-none-match"];
        if (string.IsNullOrEmpty(noneMatch)) return false;
        var cacheControl = requestHeaders["cache-control"];
        if (cacheControl is not null && cacheControl.Split(',').Any(d => d.Trim().Equals("no-cache", StringComparison.OrdinalIgnoreCase)))
            return false;
        if (noneMatch.Trim() == "*") return true;
        foreach (var raw in noneMatch.Split(','))
        {
            var candidate = raw.Trim();
            if (candidate == etag || candidate == "W/" + etag || "W/" + candidate == etag) return true;
        }
        return false;
    }
}
