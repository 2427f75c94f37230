using System.Buffers;
using System.Buffers.Text;

namespace LambdaRoutes.Mapping;

/// <summary>The event's <c>body</c> → request bytes, honouring <c>isBase64Encoded</c> (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html).</summary>
internal static class BodyDecoding
{
    /// <summary>Bytes of the request body; <c>isBase64Encoded</c> with a null body is an empty body (real HTTP API GETs, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).</summary>
    /// <param name="body">The event's <c>body</c> string as UTF-8 bytes (see <see cref="EventReader"/>).</param>
    /// <param name="isBase64Encoded">The event's <c>isBase64Encoded</c>.</param>
    /// <remarks>
    /// Base64 is decoded straight from those bytes into an array of the decoded size: at the 6 MB payload limit, going
    /// through a string first cost a 12 MB UTF-16 copy of the text (docs/runtime.md, "Memory").
    /// </remarks>
    public static (byte[] Body, bool InvalidBase64) Decode(ReadOnlyMemory<byte> body, bool isBase64Encoded)
    {
        if (body.IsEmpty) return (Array.Empty<byte>(), false);
        if (!isBase64Encoded) return (body.ToArray(), false);
        // IsValid accepts what Convert.FromBase64String accepts (padding, whitespace anywhere) and gives the exact length.
        if (!Base64.IsValid(body.Span, out var length)) return (Array.Empty<byte>(), true);
        var bytes = GC.AllocateUninitializedArray<byte>(length);
        var status = Base64.DecodeFromUtf8(body.Span, bytes, out _, out var written);
        return status == OperationStatus.Done && written == length ? (bytes, false) : (Array.Empty<byte>(), true);
    }
}
