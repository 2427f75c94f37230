using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LambdaRoutes.Json;

namespace LambdaRoutes;

/// <summary>
/// The request body, parsed before the handler runs as Next's <c>parse-body</c> does (nextjs.md §1.5):
/// by content type into JSON, a urlencoded form or text. The raw bytes are always available.
/// </summary>
public sealed class RequestBody
{
    private readonly JsonResolver _json;
    private readonly string? _text;

    internal RequestBody(BodyKind kind, ReadOnlyMemory<byte> bytes, string? text, JsonNode? json, ParamMap? form, JsonResolver resolver)
    {
        Kind = kind;
        Bytes = bytes;
        _text = text;
        Json = json;
        Form = form ?? ParamMap.Empty;
        _json = resolver;
    }

    /// <summary>How the body was parsed.</summary>
    public BodyKind Kind { get; }

    /// <summary>The parsed JSON when <see cref="Kind"/> is <see cref="BodyKind.Json"/> (an empty body gives <c>{}</c>); otherwise null.</summary>
    public JsonNode? Json { get; }

    /// <summary>The form values when <see cref="Kind"/> is <see cref="BodyKind.Form"/>; otherwise empty.</summary>
    public ParamMap Form { get; }

    /// <summary>The body as text, decoded with the request charset (UTF-8 by default; invalid bytes become U+FFFD, as in Node).</summary>
    public string Text => _text ?? Encoding.UTF8.GetString(Bytes.Span);

    /// <summary>The body bytes exactly as received (after base64 decoding when API Gateway encoded them).</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>
    /// Reads the body as <typeparamref name="T"/> through the app's source-generated <c>JsonSerializerContext</c>.
    /// An empty JSON body reads as <c>{}</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The type is not registered in the app's context.</exception>
    /// <exception cref="JsonException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    public T? As<T>() => As(_json.Get<T>());

    /// <summary>Reads the body as <typeparamref name="T"/> with explicit metadata (e.g. <c>AppJson.Default.User</c>).</summary>
    /// <exception cref="JsonException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    public T? As<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var text = Text;
        return JsonSerializer.Deserialize(text.Length == 0 && Kind == BodyKind.Json ? "{}" : text, typeInfo);
    }
}
