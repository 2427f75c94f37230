using System.Text;
using System.Text.Json.Nodes;
using LambdaRoutes.Contracts.Events;

namespace LambdaRoutes.Testing;

/// <summary>
/// What the REST and HTTP API builders share: method, path, query, headers, cookies and body, set fluently.
/// <see cref="ToJson"/> gives the event bytes exactly as API Gateway would send them: the kit and the local API Gateway
/// of <c>lambda-routes dev</c> write them with the same writer, so the same request makes the same bytes.
/// </summary>
public abstract class EventBuilder<TSelf> where TSelf : EventBuilder<TSelf>
{
    /// <summary>HTTP method; GET by default.</summary>
    protected string HttpMethod { get; private set; } = "GET";

    /// <summary>The path without a query, e.g. <c>/api/users/1</c>.</summary>
    protected string RequestPath { get; private set; } = "/";

    /// <summary>Query parameters in order (decoded values), as the event's query maps will hold them; add one with <see cref="Query"/>.</summary>
    protected List<KeyValuePair<string, string>> QueryParameters { get; } = new();

    /// <summary>Headers in order.</summary>
    protected List<KeyValuePair<string, string>> HeaderList { get; } = new();

    /// <summary>Cookies in order.</summary>
    protected List<KeyValuePair<string, string>> CookieList { get; } = new();

    /// <summary>The body; whether it is text or base64 in the event is API Gateway's rule, applied by the writer.</summary>
    private ProxyEventBody _body = ProxyEventBody.None;

    /// <summary>The query string as given, one part per <see cref="Request"/> query or <see cref="Query"/> call.</summary>
    private readonly List<string> _rawQuery = new();

    /// <summary><c>requestContext.authorizer</c> as an authorizer would write it (AuthorizerEvents), or null.</summary>
    internal JsonObject? AuthorizerJson { get; set; }

    /// <summary>
    /// The ids, time, domain and client address API Gateway stamps, replacing the kit's fixed test values; the route,
    /// stage and authorizer still come from the builder. Null: the kit's values.
    /// </summary>
    internal ProxyEventContext? Stamp { get; set; }

    private TSelf Self => (TSelf)this;

    /// <summary>Sets method and path; a <c>?query</c> in <paramref name="pathAndQuery"/> is split into query parameters.</summary>
    public TSelf Request(string method, string pathAndQuery)
    {
        HttpMethod = method.ToUpperInvariant();
        var q = pathAndQuery.IndexOf('?');
        RequestPath = q < 0 ? pathAndQuery : pathAndQuery[..q];
        if (q >= 0 && q + 1 < pathAndQuery.Length)
        {
            // Kept as written, like a real client's query string; decoded the way API Gateway decodes it.
            _rawQuery.Add(pathAndQuery[(q + 1)..]);
            QueryParameters.AddRange(QueryString.Parse(pathAndQuery[(q + 1)..]));
        }
        return Self;
    }

    /// <summary><c>GET</c> <paramref name="pathAndQuery"/>.</summary>
    public TSelf Get(string pathAndQuery) => Request("GET", pathAndQuery);

    /// <summary><c>POST</c> <paramref name="pathAndQuery"/>.</summary>
    public TSelf Post(string pathAndQuery) => Request("POST", pathAndQuery);

    /// <summary><c>PUT</c> <paramref name="pathAndQuery"/>.</summary>
    public TSelf Put(string pathAndQuery) => Request("PUT", pathAndQuery);

    /// <summary><c>DELETE</c> <paramref name="pathAndQuery"/>.</summary>
    public TSelf Delete(string pathAndQuery) => Request("DELETE", pathAndQuery);

    /// <summary>Adds a query parameter (repeat the call for repeated keys).</summary>
    public TSelf Query(string name, string value)
    {
        QueryParameters.Add(new(name, value));
        _rawQuery.Add(QueryString.Encode(name, value));
        return Self;
    }

    /// <summary>Adds a header.</summary>
    public TSelf Header(string name, string value)
    {
        HeaderList.Add(new(name, value));
        return Self;
    }

    /// <summary>Adds a cookie.</summary>
    public TSelf Cookie(string name, string value)
    {
        CookieList.Add(new(name, value));
        return Self;
    }

    /// <summary>Sets a text body and, when given, its Content-Type.</summary>
    public TSelf Body(string body, string? contentType = null)
    {
        _body = new ProxyEventBody(Encoding.UTF8.GetBytes(body));
        return contentType is null ? Self : Header("Content-Type", contentType);
    }

    /// <summary>Sets a JSON body with <c>Content-Type: application/json</c>.</summary>
    public TSelf JsonBody(JsonNode json) => Body(LambdaRoutes.Json.JsonText.Write(json), "application/json");

    /// <summary>Sets a binary body, base64-encoded in the event as API Gateway does for binary media types.</summary>
    public TSelf Body(byte[] body, string contentType = "application/octet-stream")
    {
        _body = new ProxyEventBody(body);
        return Header("Content-Type", contentType);
    }

    /// <summary>Puts <paramref name="rawBody"/> in the event as given, with <c>isBase64Encoded</c> set as given (for malformed-input tests).</summary>
    public TSelf RawEventBody(string? rawBody, bool isBase64Encoded)
    {
        _body = ProxyEventBody.Raw(rawBody, isBase64Encoded);
        return Self;
    }

    /// <summary>The event JSON, UTF-8.</summary>
    public abstract byte[] ToJson();

    /// <summary>The raw query string, encoded.</summary>
    protected string RawQueryString() => string.Join("&", _rawQuery);

    /// <summary>The <c>Cookie</c> header value.</summary>
    protected string CookieHeader() =>
        string.Join("; ", CookieList.Select(c => c.Key + "=" + Uri.EscapeDataString(c.Value)));

    /// <summary>
    /// The request as the event writer takes it: the headers, then the cookies as one <c>Cookie</c> header (a browser
    /// sends them so); the context is what API Gateway stamps (the kit's <paramref name="testStamp"/>, or
    /// <see cref="Stamp"/> when set) with the builder's own parts (<paramref name="builderParts"/>: stage, route) on top.
    /// </summary>
    private protected ProxyEventRequest ProxyEvent(ProxyEventContext testStamp, Func<ProxyEventContext, ProxyEventContext> builderParts)
    {
        var headers = HeaderList.ToList();
        if (CookieList.Count > 0) headers.Add(new("Cookie", CookieHeader()));
        var context = builderParts((Stamp ?? testStamp) with { Authorizer = AuthorizerJson });
        return new ProxyEventRequest(HttpMethod, RequestPath, RawQueryString(), headers, _body, context);
    }

    /// <summary>The kit's fixed stand-ins for what API Gateway stamps: a fixed request id, the epoch as the time.</summary>
    private protected static ProxyEventContext TestStamp(string apiId, string domainName, string stage) => new()
    {
        ApiId = apiId,
        DomainName = domainName,
        Stage = stage,
        RequestId = "test-request",
        Time = DateTimeOffset.UnixEpoch,
    };

    /// <summary>A template's variables bound to <see cref="RequestPath"/>; none when it does not match.</summary>
    private protected IReadOnlyDictionary<string, string> PathParameters(string? template) =>
        template is null
            ? new Dictionary<string, string>()
            : LambdaRoutes.Contracts.Routing.GatewayPathBinding.Bind(LambdaRoutes.Contracts.Routing.GatewaySegment.Split(template), RequestPath)
              ?? new Dictionary<string, string>();
}
