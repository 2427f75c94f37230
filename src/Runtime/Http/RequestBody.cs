using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LambdaRoutes.Json;

namespace LambdaRoutes;

/// <summary>
/// The request body, parsed before the handler runs as Next's <c>parse-body</c> does (Next.js packages/next/src/server/api-utils/node/parse-body.ts):
/// by content type into JSON, a urlencoded form or text. The raw bytes are always available.
/// </summary>
public sealed class RequestBody
{
    private readonly JsonResolver _json;
    private readonly string? _text;

    private readonly FormData? _formData;

    internal RequestBody(BodyKind kind, ReadOnlyMemory<byte> bytes, string? text, JsonNode? json, ParamMap? form, JsonResolver resolver,
        FormData? formData = null)
    {
        Kind = kind;
        Bytes = bytes;
        _text = text;
        Json = json;
        Form = formData?.Fields ?? form ?? ParamMap.Empty;
        _formData = formData ?? (form is null ? null : new FormData(form, Array.Empty<FormFile>()));
        _json = resolver;
    }

    /// <summary>How the body was parsed.</summary>
    public BodyKind Kind { get; }

    /// <summary>The parsed JSON when <see cref="Kind"/> is <see cref="BodyKind.Json"/> (an empty body gives <c>{}</c>); otherwise null.</summary>
    public JsonNode? Json { get; }

    /// <summary>
    /// The form's text fields when <see cref="Kind"/> is <see cref="BodyKind.Form"/> (urlencoded, or the fields of a
    /// <c>multipart/form-data</c> body); otherwise empty.
    /// </summary>
    public ParamMap Form { get; }

    /// <summary>The uploaded files of a <c>multipart/form-data</c> body; otherwise empty.</summary>
    public IReadOnlyList<FormFile> Files => _formData?.Files ?? Array.Empty<FormFile>();

    /// <summary>
    /// The whole form (fields and files) of an urlencoded or <c>multipart/form-data</c> body (the Web
    /// <c>request.formData()</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The body is not a form (as undici's <c>formData()</c> throws a TypeError).</exception>
    public FormData FormData => _formData ?? throw new InvalidOperationException(
        "The request body is not a form: FormData needs Content-Type application/x-www-form-urlencoded or multipart/form-data.");

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
