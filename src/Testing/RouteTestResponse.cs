using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRoutes.Testing;

/// <summary>
/// What a route answered, read back from the response JSON the runtime produced for API Gateway
/// (so a test sees exactly what API Gateway would).
/// </summary>
public sealed class RouteTestResponse : TestResponse
{
    internal RouteTestResponse(int statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        IReadOnlyList<string> cookies, byte[] bodyBytes, bool isBase64Encoded, string payload, TestLambdaContext context)
        : base(statusCode, cookies, context)
    {
        Headers = headers;
        BodyBytes = bodyBytes;
        IsBase64Encoded = isBase64Encoded;
        Payload = payload;
    }

    /// <summary>Response headers, case-insensitive (REST <c>headers</c> and <c>multiValueHeaders</c> merged; <c>Set-Cookie</c> excluded — see <see cref="TestResponse.Cookies"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The body bytes (base64-decoded when the response was binary).</summary>
    public byte[] BodyBytes { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string Body => Encoding.UTF8.GetString(BodyBytes);

    /// <summary>True when the runtime sent the body base64-encoded.</summary>
    public bool IsBase64Encoded { get; }

    /// <summary>The raw response JSON the runtime posted to the Runtime API.</summary>
    public string Payload { get; }

    /// <summary>The first value of header <paramref name="name"/>, or null.</summary>
    public override string? Header(string name) => Headers.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    /// <summary>The body parsed as JSON.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public JsonNode? Json() => JsonNode.Parse(Body);
}
