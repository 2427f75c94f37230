using System.Text.Json.Serialization.Metadata;

namespace LambdaRoutes;

/// <summary>
/// The incoming request, in the shape of Next's Pages Router <c>req</c> (Next.js packages/next/src/server/api-utils/node/api-resolver.ts), built from the
/// API Gateway or function URL event by the runtime.
/// </summary>
public sealed class ApiRequest
{
    internal ApiRequest(
        string method, string path, string url, HeaderMap headers, ParamMap query, ParamMap @params,
        IReadOnlyDictionary<string, string> cookies, RequestBody body, ILambdaContext context, ApiEventSource source)
    {
        Method = method;
        Path = path;
        Url = url;
        Headers = headers;
        Query = query;
        Params = @params;
        Cookies = cookies;
        Body = body;
        Context = context;
        SourceEvent = source;
    }

    /// <summary>The HTTP method, upper case as API Gateway sends it (<c>GET</c>, <c>POST</c>, …).</summary>
    public string Method { get; }

    /// <summary>The raw request path, without the query and without an HTTP API stage prefix.</summary>
    public string Path { get; }

    /// <summary>The path plus <c>?query</c> when there is one (Node's <c>req.url</c>).</summary>
    public string Url { get; }

    /// <summary>Request headers (case-insensitive names).</summary>
    public HeaderMap Headers { get; }

    /// <summary>The query string merged with the route params; params win (Next.js packages/next/src/server/api-utils/node/api-resolver.ts).</summary>
    public ParamMap Query { get; }

    /// <summary>The route params alone, from matching the path against the route pattern.</summary>
    public ParamMap Params { get; }

    /// <summary>Cookies from the <c>Cookie</c> header (or HTTP API <c>cookies[]</c>); the first occurrence of a name wins.</summary>
    public IReadOnlyDictionary<string, string> Cookies { get; }

    /// <summary>The parsed body.</summary>
    public RequestBody Body { get; }

    /// <summary>The Lambda context of this invocation (request id, remaining time, logger).</summary>
    public ILambdaContext Context { get; }

    /// <summary>Which kind of event carried the request.</summary>
    public ApiEventSource SourceEvent { get; }

    /// <summary>Who the API Gateway authorizer (JWT, Cognito, Lambda or IAM) said the caller is; anonymous when none ran.</summary>
    public CallerIdentity Identity { get; internal init; } = CallerIdentity.Anonymous;

    // ----- Web Request-style body readers (Next.js packages/next/src/server/route-modules/app-route/module.ts), for both route styles -----

    /// <summary>
    /// The body as <typeparamref name="T"/>, through the app's source-generated <c>JsonSerializerContext</c> (no
    /// reflection; the Web <c>request.json()</c>). Same as <c>Body.As&lt;T&gt;()</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not registered in the app's context.</exception>
    /// <exception cref="System.Text.Json.JsonException">The body is not valid JSON for <typeparamref name="T"/>.</exception>
    public T? Json<T>() => Body.As<T>();

    /// <summary>The body as <typeparamref name="T"/> with explicit metadata (e.g. <c>AppJson.Default.User</c>).</summary>
    public T? Json<T>(JsonTypeInfo<T> typeInfo) => Body.As(typeInfo);

    /// <summary>The body as text in the request charset (the Web <c>request.text()</c>).</summary>
    public string Text() => Body.Text;

    /// <summary>The raw body bytes (the Web <c>request.arrayBuffer()</c>).</summary>
    public ReadOnlyMemory<byte> Bytes() => Body.Bytes;

    /// <summary>The urlencoded or <c>multipart/form-data</c> form, files included (the Web <c>request.formData()</c>).</summary>
    /// <exception cref="InvalidOperationException">The body is not a form.</exception>
    public FormData FormData() => Body.FormData;
}
