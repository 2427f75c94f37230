using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LambdaRoutes.Http;
using LambdaRoutes.Json;

namespace LambdaRoutes;

/// <summary>
/// The response, in the shape of Next's Pages Router <c>res</c> (Next.js packages/next/src/server/api-utils/node/api-resolver.ts). It is buffered: the runtime encodes
/// it into the API Gateway response once the handler has ended it. Headers and status can no longer change after the
/// response has ended (Node's "Cannot set headers after they are sent to the client").
/// </summary>
public sealed class ApiResponse
{
    internal const string JsonContentType = "application/json; charset=utf-8";
    private static readonly string[] EntityHeaders = { "Content-Type", "Content-Length", "Transfer-Encoding" };

    private readonly HeaderMap _requestHeaders;
    private readonly JsonResolver _json;
    private readonly ResponseHeaders _headers = new();
    private MemoryStream? _body;

    internal ApiResponse(HeaderMap requestHeaders, JsonResolver json)
    {
        _requestHeaders = requestHeaders;
        _json = json;
    }

    /// <summary>The status code; 200 until set.</summary>
    public int StatusCode { get; private set; } = 200;

    /// <summary>True once the response has been sent with <c>Send</c>, <c>Json</c>, <c>End</c> or <c>Redirect</c>.</summary>
    public bool HasEnded { get; private set; }

    /// <summary>Sets the status code (100–999, as Node accepts). Chainable.</summary>
    public ApiResponse Status(int statusCode)
    {
        EnsureOpen();
        if (statusCode is < 100 or > 999)
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, $"Invalid status code: {statusCode}");
        StatusCode = statusCode;
        return this;
    }

    /// <summary>Sets header <paramref name="name"/> to one value, replacing earlier values. CR/LF in the value is refused.</summary>
    public ApiResponse SetHeader(string name, string value) => SetHeader(name, new[] { value });

    /// <summary>Sets header <paramref name="name"/> to several values (sent as repeated headers where the event format allows).</summary>
    public ApiResponse SetHeader(string name, string[] values)
    {
        EnsureOpen();
        HeaderValidation.ValidateName(name);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var v in values) HeaderValidation.ValidateValue(name, v);
        _headers.Set(name, values);
        return this;
    }

    /// <summary>Adds one more value to header <paramref name="name"/>.</summary>
    public ApiResponse AppendHeader(string name, string value)
    {
        EnsureOpen();
        HeaderValidation.ValidateName(name);
        HeaderValidation.ValidateValue(name, value);
        _headers.Append(name, value);
        return this;
    }

    /// <summary>The values of header <paramref name="name"/> joined with <c>", "</c>, or null when it is not set.</summary>
    public string? GetHeader(string name) => _headers.Get(name) is { } values ? string.Join(", ", values) : null;

    /// <summary>Removes header <paramref name="name"/>.</summary>
    public ApiResponse RemoveHeader(string name)
    {
        EnsureOpen();
        _headers.Remove(name);
        return this;
    }

    /// <summary>Adds a <c>Set-Cookie</c> header (sent as <c>multiValueHeaders["Set-Cookie"]</c> on REST, <c>cookies[]</c> on HTTP API).</summary>
    public ApiResponse SetCookie(string name, string value, CookieOptions? options = null)
    {
        EnsureOpen();
        _headers.Append("Set-Cookie", CookieSerializer.Serialize(name, value, options));
        return this;
    }

    /// <summary>Sends <paramref name="value"/> as JSON with <c>Content-Type: application/json; charset=utf-8</c>; null sends <c>null</c>.</summary>
    public void Json(JsonNode? value) => SendJson(Encoding.UTF8.GetBytes(value is null ? "null" : JsonText.Write(value)));

    /// <summary>Sends <paramref name="value"/> as JSON through the app's <c>JsonSerializerContext</c> (or the runtime's for JsonNode and scalars).</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> has no source-generated metadata.</exception>
    public void Json<T>(T value) => Json(value, _json.Get<T>());

    /// <summary>Sends <paramref name="value"/> as JSON with explicit metadata (e.g. <c>AppJson.Default.User</c>).</summary>
    public void Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        SendJson(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
    }

    /// <summary>Sends a text body as is; no Content-Type is added (as in Next). Null ends with no body.</summary>
    public void Send(string? body)
    {
        if (body is null) { End(); return; }
        SendPayload(Encoding.UTF8.GetBytes(body), ETag.Generate(body), binary: false, ours: true);
    }

    /// <summary>Sends bytes; <c>Content-Type: application/octet-stream</c> unless one is set. Null ends with no body.</summary>
    public void Send(byte[]? body)
    {
        if (body is null) { End(); return; }
        EnsureOpen();
        if (_headers.Get("Content-Type") is null) _headers.Set("Content-Type", new[] { "application/octet-stream" });
        // Next hashes a Buffer's JSON form (a quirk, Next.js packages/next/src/server/send-payload.ts); hashing the bytes themselves (one char per byte) keeps
        // the ETag stable and content-derived without that allocation.
        SendPayload(body, ETag.GenerateFromLatin1(body), binary: true, ours: false);
    }

    /// <summary>Sends a JSON value; like Next's <c>send(object)</c> it overwrites Content-Type with JSON. Null ends with no body.</summary>
    public void Send(JsonNode? body)
    {
        if (body is null) { End(); return; }
        Json(body);
    }

    /// <summary>Ends the response with no (further) body.</summary>
    public void Send() => End();

    /// <summary>Appends to the body without ending the response (Node's <c>res.write</c>; the body is sent when the response ends).</summary>
    public ApiResponse Write(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return Write(Encoding.UTF8.GetBytes(chunk));
    }

    /// <summary>Appends bytes to the body without ending the response.</summary>
    public ApiResponse Write(byte[] chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        EnsureOpen();
        (_body ??= new MemoryStream()).Write(chunk, 0, chunk.Length);
        return this;
    }

    /// <summary>
    /// Streams the body: <paramref name="write"/> runs once the handler returns, after the status and headers are sent.
    /// On a route with <c>[RouteConfig(Streaming = true)]</c> each write reaches the client as it happens (Lambda response
    /// streaming, https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming);
    /// elsewhere the writes are collected into one body. Ends the response. The Content-Type is
    /// <paramref name="contentType"/>, else the one already set, else <c>application/octet-stream</c>, as Next sends for a
    /// piped stream and as <see cref="Send(byte[])"/> does.
    /// </summary>
    public void Stream(Func<ResponseStream, Task> write, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        EnsureOpen();
        if (contentType is not null) SetHeader("Content-Type", contentType);
        else if (_headers.Get("Content-Type") is null) _headers.Set("Content-Type", new[] { "application/octet-stream" });
        StreamWith(write);
    }

    /// <summary>Ends the response.</summary>
    public void End()
    {
        EnsureOpen();
        HasEnded = true;
    }

    /// <summary>Redirects with 307 (Next's default): <c>Location</c> set and the URL written as the body.</summary>
    public void Redirect(string url) => Redirect(307, url);

    /// <summary>Redirects with <paramref name="statusCode"/>: <c>Location</c> set and the URL written as the body.</summary>
    /// <exception cref="ArgumentException">The URL is null (Next's "Invalid redirect arguments").</exception>
    public void Redirect(int statusCode, string url)
    {
        if (url is null)
            throw new ArgumentException(
                "Invalid redirect arguments. Please use a single argument URL, e.g. res.redirect('/destination') " +
                "or use a status code and URL, e.g. res.redirect(307, '/destination').", nameof(url));
        Status(statusCode);
        SetHeader("Location", url);
        Write(url);
        End();
    }

    // ----- used by verb routes and the streaming path -----

    internal JsonResolver JsonResolver => _json;

    /// <summary>The pending body writer of a streamed response (see <see cref="Stream"/>), run by the invoker.</summary>
    internal Func<ResponseStream, Task>? StreamWriter { get; private set; }

    internal void StreamWith(Func<ResponseStream, Task> write)
    {
        EnsureOpen();
        StreamWriter = write;
        HasEnded = true;
    }

    /// <summary>Ends with a body as is: no ETag and no 304 (verb routes follow the App Router, which adds neither).</summary>
    internal void EndWithBody(byte[] body, bool binary)
    {
        EnsureOpen();
        if (body.Length > 0) (_body ??= new MemoryStream()).Write(body, 0, body.Length);
        BodyIsBinary = binary;
        HasEnded = true;
    }

    /// <summary>The collected output of a streamed response on a buffered route replaces the pending writer.</summary>
    internal void CompleteStream(byte[] body)
    {
        StreamWriter = null;
        _body = body.Length > 0 ? new MemoryStream(body, 0, body.Length, writable: false, publiclyVisible: true) : null;
    }

    // ----- read by the encoder -----

    internal List<(string Name, List<string> Values)> Headers => _headers.Entries;

    internal byte[] BodyBytes => _body?.ToArray() ?? Array.Empty<byte>();

    /// <summary>The body without a copy (the encoder writes it straight into the response JSON).</summary>
    internal ReadOnlySpan<byte> BodySpan => _body is { } body && body.TryGetBuffer(out var bytes) ? bytes.AsSpan() : BodyBytes;

    internal long BodyLength => _body?.Length ?? 0;

    internal bool BodyIsBinary { get; private set; }

    /// <summary>Replaces whatever the handler did with a runtime answer (errors, 404, 308): the handler's headers are dropped so nothing leaks.</summary>
    internal void Reset(int statusCode, string? text)
    {
        _headers.Clear();
        _body = null;
        StreamWriter = null;
        BodyIsBinary = false;
        StatusCode = statusCode;
        if (text is not null) (_body = new MemoryStream()).Write(Encoding.UTF8.GetBytes(text));
        HasEnded = true;
    }

    /// <summary>Sets a header on a runtime answer that has already ended (308 Location/Refresh).</summary>
    internal void SetHeaderUnchecked(string name, string value) => _headers.Set(name, new[] { value });

    /// <summary>Applied when encoding: a 204 or 304 carries no body and no entity headers, however it was ended.</summary>
    internal void StripBodyForNoContent()
    {
        if (StatusCode is not (204 or 304)) return;
        foreach (var h in EntityHeaders) _headers.Remove(h);
        _body = null;
        StreamWriter = null;
    }

    /// <summary>Applied when encoding a HEAD response: headers as for GET, no body (Node's http module omits it).</summary>
    internal void StripBodyForHead()
    {
        _body = null;
        StreamWriter = null;
    }

    /// <summary>
    /// <paramref name="utf8"/> is the serializer's UTF-8 output, kept as the body without a copy; serializing to a string
    /// and encoding that again cost two transcodings and two allocations per response (bench/callgrind.sh).
    /// </summary>
    private void SendJson(byte[] utf8)
    {
        EnsureOpen();
        _headers.Set("Content-Type", new[] { JsonContentType });
        SendPayload(utf8, ETag.GenerateFromUtf8(utf8), binary: false, ours: true);
    }

    /// <summary>Next's <c>sendData</c>: 204/304 drop body and entity headers; otherwise an ETag, and 304 when the client has it.</summary>
    /// <param name="body">The body's bytes.</param>
    /// <param name="etag">Its ETag (<see cref="ETag"/>), computed by the caller from the text it had.</param>
    /// <param name="binary">Sent base64-encoded.</param>
    /// <param name="ours">The array was made here, so the body can keep it instead of a copy (a caller's array may change after Send).</param>
    private void SendPayload(byte[] body, string etag, bool binary, bool ours)
    {
        EnsureOpen();
        if (StatusCode is 204 or 304)
        {
            StripBodyForNoContent();
            HasEnded = true;
            return;
        }
        _headers.Set("ETag", new[] { etag });
        if (ETag.IsFresh(_requestHeaders, etag))
        {
            StatusCode = 304;
            StripBodyForNoContent();
            HasEnded = true;
            return;
        }
        if (_body is null && ours) _body = new MemoryStream(body, 0, body.Length, writable: false, publiclyVisible: true);
        else (_body ??= new MemoryStream()).Write(body, 0, body.Length);
        BodyIsBinary = binary;
        HasEnded = true;
    }

    private void EnsureOpen()
    {
        if (HasEnded)
            throw new InvalidOperationException("Cannot set headers after they are sent to the client (the response has already ended).");
    }
}
