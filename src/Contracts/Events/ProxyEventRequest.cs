using LambdaRoutes.Cdk;

namespace LambdaRoutes.Contracts.Events;

/// <summary>
/// A request as API Gateway hands it to the event writers: what the client sent (method, path, query, headers in
/// order with repeats and the <c>Cookie</c> header as sent, body) plus what API Gateway adds itself
/// (<see cref="ProxyEventContext"/>). The local API Gateway fills it from a real HTTP request, the Testing kit's
/// builders from their fluent calls; <see cref="HttpApiEventWriter"/> and <see cref="RestApiEventWriter"/> turn it into
/// the one event JSON both send to a route.
/// This folder is in LambdaRoutes.Contracts (net8.0, no packages) because both users must reach it without what the
/// other brings: the Testing kit, referenced by users' test projects, must not pull in ASP.NET Core with the local
/// gateway, and the local gateway must not depend on the runtime that runs inside the function.
/// </summary>
/// <param name="Method">The HTTP method, as sent.</param>
/// <param name="RawPath">The path without stage and query, percent-encoding kept (REST's <c>path</c>).</param>
/// <param name="RawQuery">The query string as sent, without the <c>?</c> (empty when there is none).</param>
/// <param name="Headers">Every header value in order; a repeated header appears once per value.</param>
/// <param name="Body">The body.</param>
/// <param name="Context">What API Gateway stamps on the request.</param>
internal sealed record ProxyEventRequest(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ProxyEventBody Body,
    ProxyEventContext Context)
{
    /// <summary>The client's headers, then those API Gateway adds (<see cref="ProxyEventContext.AddedHeaders"/>).</summary>
    public IEnumerable<KeyValuePair<string, string>> AllHeaders => Headers.Concat(Context.AddedHeaders);

    /// <summary>The first value of the client's header <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? Header(string name) => HeaderList.First(Headers, name);
}

/// <summary>
/// A request body: bytes whose text-or-base64 form <see cref="BodyEncoding"/> decides as API Gateway does, or (for
/// malformed-input tests) the event's <c>body</c> and <c>isBase64Encoded</c> exactly as given.
/// </summary>
internal sealed record ProxyEventBody(byte[] Bytes, string? RawText = null, bool RawIsBase64 = false, bool IsRaw = false)
{
    public static ProxyEventBody None { get; } = new([]);

    public static ProxyEventBody Raw(string? text, bool isBase64) => new([], text, isBase64, IsRaw: true);

    /// <summary>The event's <c>body</c> (null when there is none) and <c>isBase64Encoded</c>.</summary>
    public (string? Text, bool IsBase64) Encode(ApiKind kind, string? contentType)
    {
        if (IsRaw)
        {
            return (RawText, RawIsBase64);
        }

        var base64 = BodyEncoding.IsBase64(kind, contentType, Bytes);
        return (Bytes.Length == 0 ? null : BodyEncoding.Encode(base64, Bytes), base64);
    }
}

/// <summary>
/// What API Gateway (or a function URL) stamps on a request: ids, time, the API's domain and stage, the client address,
/// the route that matched and what an authorizer let through.
/// </summary>
internal sealed record ProxyEventContext
{
    public string AccountId { get; init; } = LocalAccount.Id;
    public required string ApiId { get; init; }
    public required string DomainName { get; init; }

    /// <summary><c>$default</c> (HTTP API, function URL), or a named stage.</summary>
    public required string Stage { get; init; }

    public required string RequestId { get; init; }

    /// <summary>REST's <c>extendedRequestId</c>.</summary>
    public string? ExtendedRequestId { get; init; }

    public required DateTimeOffset Time { get; init; }
    public string SourceIp { get; init; } = "127.0.0.1";
    public string Protocol { get; init; } = "HTTP/1.1";

    /// <summary>The headers API Gateway adds after the client's (<c>X-Forwarded-For</c>, <c>X-Amzn-Trace-Id</c>, …).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> AddedHeaders { get; init; } = [];

    /// <summary>The route's method (<c>ANY</c> or a verb); with <see cref="RouteTemplate"/> it makes HTTP API's <c>routeKey</c>.</summary>
    public string RouteMethod { get; init; } = "ANY";

    /// <summary>The API Gateway path template that matched (<c>/api/users/{id}</c>), or null for <c>$default</c> / the bare path.</summary>
    public string? RouteTemplate { get; init; }

    /// <summary>The template's variables bound to the raw (still percent-encoded) path.</summary>
    public IReadOnlyDictionary<string, string> RawPathParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>True for a Lambda function URL event (payload 2.0 on a <c>*.lambda-url.*</c> domain).</summary>
    public bool FunctionUrl { get; init; }

    /// <summary><c>requestContext.authorizer</c> as an authorizer writes it, or null.</summary>
    public System.Text.Json.Nodes.JsonObject? Authorizer { get; init; }

    /// <summary>REST's <c>requestContext.identity</c> of a request signed with IAM credentials, or null.</summary>
    public SignedCaller? Caller { get; init; }
}

/// <summary>The IAM caller REST writes into <c>requestContext.identity</c>.</summary>
internal sealed record SignedCaller(string AccessKey, string AccountId, string Caller, string User, string UserArn);
