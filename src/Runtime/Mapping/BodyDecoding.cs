using System.Text;

namespace LambdaRoutes.Mapping;

/// <summary>The event's <c>body</c> string → bytes, honouring <c>isBase64Encoded</c> (aws.md §3.2, §7).</summary>
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
}
