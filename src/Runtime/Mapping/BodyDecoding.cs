using System.Text;

namespace LambdaRoutes.Mapping;

/// <summary>The event's <c>body</c> string ↔ bytes, honouring <c>isBase64Encoded</c> both ways (aws.md §3.2, §7).</summary>
internal static class BodyDecoding
{
    /// <summary>Bytes of the request body; <c>isBase64Encoded</c> with a null body is an empty body (real HTTP API GETs, aws.md §2.3).</summary>
    public static (byte[] Body, bool InvalidBase64) Decode(string? body, bool isBase64Encoded)
    {
        if (string.IsNullOrEmpty(body)) return (Array.Empty<byte>(), false);
        if (!isBase64Encoded) return (Encoding.UTF8.GetBytes(body), false);
        try { return (Convert.FromBase64String(body), false); }
        catch (FormatException) { return (Array.Empty<byte>(), true); }
    }

    /// <summary>The response body as the event's <c>body</c> string: base64 for binary bodies, text otherwise.</summary>
    public static (string Body, bool IsBase64Encoded) Encode(ApiResponse res)
    {
        var bytes = res.BodyBytes;
        if (bytes.Length == 0) return ("", false);
        if (res.BodyIsBinary || !IsUtf8(bytes)) return (Convert.ToBase64String(bytes), true);
        return (Encoding.UTF8.GetString(bytes), false);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Bytes written with <c>res.Write(byte[])</c> may not be text; only valid UTF-8 goes out unencoded.</summary>
    private static bool IsUtf8(byte[] bytes)
    {
        try { StrictUtf8.GetCharCount(bytes); return true; }
        catch (DecoderFallbackException) { return false; }
    }
}
