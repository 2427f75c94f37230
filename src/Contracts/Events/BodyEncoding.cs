using LambdaRoutes.Cdk;

namespace LambdaRoutes.Contracts.Events;

/// <summary>
/// Whether a request body travels as text or as base64 (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html). HTTP API has no setting: text-like content types
/// pass as UTF-8 and everything else (form posts, octet streams, images, a body without a content type) is base64.
/// On REST the body is base64 when its content type matches <c>binaryMediaTypes</c>; the CDK construct sets <c>*/*</c>,
/// so every REST body is base64. A body that is not valid UTF-8 goes as base64 whatever its content type: as JSON text
/// its bytes would be lost (a text/plain body in ISO-8859-1, say), and AWS documents no other rule for it.
/// </summary>
internal static class BodyEncoding
{
    public static bool IsBase64(ApiKind flavor, string? contentType, byte[] body)
    {
        if (body.Length == 0)
        {
            return false;
        }

        return flavor == ApiKind.Rest || !IsTextual(contentType) || !System.Text.Unicode.Utf8.IsValid(body);
    }

    public static bool IsTextual(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return media.StartsWith("text/", StringComparison.Ordinal)
               || media is "application/json" or "application/xml" or "application/javascript" or "application/graphql"
               || media.EndsWith("+json", StringComparison.Ordinal)
               || media.EndsWith("+xml", StringComparison.Ordinal);
    }

    public static string Encode(bool base64, byte[] body) => base64 ? Convert.ToBase64String(body) : System.Text.Encoding.UTF8.GetString(body);
}
