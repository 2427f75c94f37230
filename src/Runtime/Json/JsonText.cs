using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRoutes.Json;

/// <summary>Writes JSON like JavaScript's <c>JSON.stringify</c>: compact, no HTML-safe escaping of <c>&lt;</c>, <c>&amp;</c> or non-ASCII.</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = RelaxedJsonEncoder.Instance };

    public static string Write(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed)) node.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
