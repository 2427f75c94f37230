namespace LambdaRoutes;

/// <summary>
/// The incoming request, in the shape of Next's Pages Router <c>req</c> (nextjs.md §1.4), built from the
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

    /// <summary>The query string merged with the route params; params win (nextjs.md §1.4).</summary>
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
}
