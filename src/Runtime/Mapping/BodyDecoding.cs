using System.Text;

namespace LambdaRoutes.Mapping;

/// <summary>The event's <c>body</c> → request bytes, honouring <c>isBase64Encoded</c> (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html).</summary>
internal static class BodyDecoding
{
    /// <summary>Bytes of the request body; <c>isBase64Encoded</c> with a null body is an empty body (real HTTP API GETs, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).</summary>
    /// <param name="body">The event's <c>body</c> string as UTF-8 bytes (see <see cref="EventReader"/>).</param>
    /// <param name="isBase64Encoded">The event's <c>isBase64Encoded</c>.</param>
    public static (byte[] Body, bool InvalidBase64) Decode(byte[]? body, bool isBase64Encoded)
    {
        if (body is null || body.Length == 0) return (Array.Empty<byte>(), false);
        if (!isBase64Encoded) return (body, false);
        try { return (Convert.FromBase64String(Encoding.UTF8.GetString(body)), false); }
        catch (FormatException) { return (Array.Empty<byte>(), true); }
    }
}
