using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRoutes.Local.Gateway;

/// <summary>Writes an event edited as a <see cref="JsonNode"/> back to bytes the way the gateway writes events: URL characters (<c>+</c>, <c>/</c>, <c>&lt;</c>) as they are, as API Gateway does.</summary>
internal static class EventJsonWriter
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Bytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Relaxed);
}
