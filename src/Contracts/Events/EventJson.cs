using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRoutes.Contracts.Events;

/// <summary>
/// How every event is written (both event writers, the authorizer events and the dev IAM gate's edits): API Gateway does
/// not escape <c>+</c>, <c>/</c>, <c>&lt;</c> or non-ASCII text.
/// </summary>
internal static class EventJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>An event edited as a <see cref="JsonNode"/>, written back the same way.</summary>
    public static byte[] Bytes(JsonNode node) => Write(w => node.WriteTo(w));

    /// <summary>An object of string values, or nothing (<paramref name="nullWhenEmpty"/>: <c>null</c>) when there are none.</summary>
    public static void WriteMap(Utf8JsonWriter w, string name, IEnumerable<KeyValuePair<string, string>> pairs, bool nullWhenEmpty)
    {
        var list = pairs.ToList();
        if (list.Count == 0)
        {
            if (nullWhenEmpty)
            {
                w.WriteNull(name);
            }

            return;
        }

        w.WriteStartObject(name);
        foreach (var (key, value) in list)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    /// <summary>Opens <c>requestContext</c> with what both payloads start it with, in the genuine events' order.</summary>
    public static void StartRequestContext(Utf8JsonWriter w, ProxyEventContext context)
    {
        w.WriteStartObject("requestContext");
        w.WriteString("accountId", context.AccountId);
        w.WriteString("apiId", context.ApiId);
        if (context.Authorizer is { } authorizer)
        {
            w.WritePropertyName("authorizer");
            authorizer.WriteTo(w);
        }

        w.WriteString("domainName", context.DomainName);
        w.WriteString("domainPrefix", GatewayFormats.DomainPrefix(context.DomainName));
    }
}
