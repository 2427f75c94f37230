using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LambdaRoutes.Forms;
using LambdaRoutes.Http;
using LambdaRoutes.Json;
using LambdaRoutes.Mapping;

namespace LambdaRoutes;

/// <summary>
/// The request body. The raw bytes are always there; JSON and forms are parsed from them on first read. A handler-style
/// route has every read done before the handler runs, as Next's Pages Router <c>parse-body</c> does (a bad body is a 400
/// and the handler never runs); a verb-style route reads on demand, as the Web <c>Request</c> of an App Router route
/// handler does (docs/routes.md, "Request bodies").
/// </summary>
public sealed class RequestBody
{
    private readonly JsonResolver _json;
    private readonly string? _contentType;
    private readonly Encoding _encoding;
    private readonly BodyParsing _parsing;
    private string? _text;
    private JsonNode? _node;
    private bool _nodeRead;
    private FormData? _form;
    private Exception? _readError;

    internal RequestBody(BodyKind kind, ReadOnlyMemory<byte> bytes, string? contentType, Encoding encoding, BodyParsing parsing, JsonResolver resolver)
    {
        Kind = kind;
        Bytes = bytes;
        _contentType = contentType;
        _encoding = encoding;
        _parsing = parsing;
        _json = resolver;
    }

    /// <summary>What the body is, by its Content-Type (<see cref="BodyKind.Raw"/> when body parsing is off).</summary>
    public BodyKind Kind { get; }

    /// <summary>
    /// The parsed JSON when <see cref="Kind"/> is <see cref="BodyKind.Json"/>; otherwise null. On a handler-style route an
    /// empty body is <c>{}</c>; on a verb-style route it is invalid JSON, as for <c>request.json()</c>.
    /// </summary>
    /// <exception cref="JsonException">Verb-style route only: the body is not JSON (handler style answered 400 already).</exception>
    public JsonNode? Json => Kind == BodyKind.Json ? ParsedJson() : null;

    /// <summary>
    /// The form's text fields when <see cref="Kind"/> is <see cref="BodyKind.Form"/> (urlencoded, or the fields of a
    /// <c>multipart/form-data</c> body); otherwise empty.
    /// </summary>
    /// <exception cref="FormatException">Verb-style route only: a malformed <c>multipart/form-data</c> body.</exception>
    public ParamMap Form => Kind == BodyKind.Form ? ParsedForm().Fields : ParamMap.Empty;

    /// <summary>The uploaded files of a <c>multipart/form-data</c> body; otherwise empty.</summary>
    /// <exception cref="FormatException">Verb-style route only: a malformed <c>multipart/form-data</c> body.</exception>
    public IReadOnlyList<FormFile> Files => Kind == BodyKind.Form ? ParsedForm().Files : Array.Empty<FormFile>();

    /// <summary>
    /// The whole form (fields and files) of an urlencoded or <c>multipart/form-data</c> body (the Web
    /// <c>request.formData()</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The body is not a form (as undici's <c>formData()</c> throws a TypeError).</exception>
    /// <exception cref="FormatException">Verb-style route only: a malformed <c>multipart/form-data</c> body.</exception>
    public FormData FormData => Kind == BodyKind.Form ? ParsedForm() : throw new InvalidOperationException(
        "The request body is not a form: FormData needs Content-Type application/x-www-form-urlencoded or multipart/form-data.");

    /// <summary>
    /// The body as text. Handler style: decoded with the request charset (UTF-8 by default). Verb style: UTF-8 whatever the
    /// charset, a leading byte order mark dropped, as the Web <c>request.text()</c>. Invalid bytes become U+FFFD, as in Node.
    /// </summary>
    public string Text => _text ??= Decode();

    /// <summary>The body bytes exactly as received (after base64 decoding when API Gateway encoded them).</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>
    /// Reads the body as <typeparamref name="T"/> through the app's source-generated <c>JsonSerializerContext</c>.
    /// On a handler-style route an empty JSON body reads as <c>{}</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The type is not registered in the app's context.</exception>
    /// <exception cref="JsonException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    public T? As<T>() => As(_json.Get<T>());

    /// <summary>Reads the body as <typeparamref name="T"/> with explicit metadata (e.g. <c>AppJson.Default.User</c>).</summary>
    /// <exception cref="JsonException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    public T? As<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        try
        {
            // From the bytes when they are exactly the UTF-8 of Text: no string, and no encoding it back to UTF-8.
            return IsTextUtf8 ? JsonSerializer.Deserialize(Bytes.Span, typeInfo) : JsonSerializer.Deserialize(JsonText(), typeInfo);
        }
        catch (JsonException ex)
        {
            throw Remember(ex);
        }
    }

    /// <summary>
    /// The answer to an exception a body read threw — 400 <c>Invalid JSON</c>, or 400 with the multipart parser's message —
    /// or null when <paramref name="error"/> did not come from reading this body. One wording for both route styles:
    /// handler style answers it before the handler, verb style when the handler lets the read's exception escape.
    /// </summary>
    internal string? RejectionFor(Exception error) => ReferenceEquals(error, _readError) ? RejectionMessage(error) : null;

    /// <summary>The 400 text for a body that does not parse as its Content-Type says.</summary>
    internal static string RejectionMessage(Exception error) => error is JsonException ? "Invalid JSON" : error.Message;

    /// <summary>Does every read the Content-Type calls for, so a bad body fails here rather than in the handler.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    /// <exception cref="FormatException">A malformed <c>multipart/form-data</c> body.</exception>
    internal void ParseNow()
    {
        if (Kind == BodyKind.Json) { if (!CheckedInPlace()) ParsedJson(); }
        else if (Kind == BodyKind.Form) ParsedForm();
    }

    /// <summary>
    /// Checks a JSON body without building the <see cref="JsonNode"/> a handler that reads <c>As&lt;T&gt;</c> never uses
    /// (it was a tenth of a warm invocation's instructions, bench/callgrind.sh): when the bytes are exactly the UTF-8 of
    /// <see cref="Text"/> (a UTF-8 charset, valid, no byte order mark, not empty), a reader walks them with the limits
    /// <c>JsonNode.Parse</c> applies (one value, depth 64, no comments or trailing commas). False: check by parsing.
    /// </summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    private bool CheckedInPlace()
    {
        if (!IsTextUtf8) return false;
        try
        {
            var reader = new Utf8JsonReader(Bytes.Span);
            while (reader.Read()) { }
        }
        catch (JsonException ex)
        {
            throw Remember(ex);
        }
        return true;
    }

    /// <summary>The bytes are exactly the UTF-8 of a non-empty <see cref="Text"/>: a UTF-8 charset, valid, no byte order mark.</summary>
    private bool IsTextUtf8
    {
        get
        {
            var bytes = Bytes.Span;
            return !bytes.IsEmpty && _encoding.CodePage == Encoding.UTF8.CodePage && !bytes.StartsWith(Encoding.UTF8.Preamble)
                   && System.Text.Unicode.Utf8.IsValid(bytes);
        }
    }

    /// <summary>Next's <c>parse-body</c> reads an empty JSON body as <c>{}</c>; <c>JSON.parse("")</c> behind <c>request.json()</c> throws.</summary>
    private string JsonText() =>
        Text is { Length: 0 } && Kind == BodyKind.Json && _parsing == BodyParsing.BeforeHandler ? "{}" : Text;

    private JsonNode? ParsedJson()
    {
        if (!_nodeRead)
        {
            try
            {
                _node = JsonNode.Parse(JsonText());
            }
            catch (JsonException ex)
            {
                throw Remember(ex);
            }
            _nodeRead = true;
        }
        return _node;
    }

    private FormData ParsedForm()
    {
        if (_form is not null) return _form;
        if (!BodyParser.IsMultipart(_contentType)) return _form = new FormData(QueryStringParser.Parse(Text), Array.Empty<FormFile>());
        try
        {
            return _form = MultipartParser.Parse(Bytes, _contentType);
        }
        catch (FormatException ex)
        {
            throw Remember(new FormatException("Invalid multipart/form-data body: " + ex.Message, ex));
        }
    }

    /// <summary>Marks <paramref name="error"/> as this body's read failure, so the verb adapter can tell it from the handler's own errors.</summary>
    private Exception Remember(Exception error) => _readError = error;

    private string Decode()
    {
        var span = Bytes.Span;
        if (_parsing == BodyParsing.OnFirstRead && span.StartsWith(Encoding.UTF8.Preamble)) span = span[Encoding.UTF8.Preamble.Length..];
        return _encoding.GetString(span);
    }
}
