using System.Text;

namespace LambdaRoutes.Mapping;

/// <summary>REST API proxy (v1) event → <see cref="HttpRequestData"/> (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html); the response side is <see cref="ProxyResponseWriter"/>.</summary>
internal static class RestApiMapper
{
    public static HttpRequestData ToRequest(EventFields e)
    {
        // multiValue* carry every value; the single-value maps keep only one (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
        var headers = new HeaderMap();
        if (e.MultiValueHeaders is { } multi)
            foreach (var (name, values) in multi)
                foreach (var v in values) headers.Add(name, v);
        if (e.Headers is { } single)
            foreach (var (name, value) in single)
                if (!headers.Contains(name)) headers.Add(name, value);

        var query = new ParamMap();
        if (e.MultiValueQueryStringParameters is { Count: > 0 } multiQuery)
        {
            foreach (var (name, values) in multiQuery)
                foreach (var v in values) query.Add(name, v);
        }
        else if (e.QueryStringParameters is { } singleQuery)
        {
            foreach (var (name, value) in singleQuery) query.Add(name, value);
        }

        var (body, invalid) = BodyDecoding.Decode(e.Body, e.IsBase64Encoded);
        return new HttpRequestData(
            ApiEventSource.RestApi, e.HttpMethod ?? "GET", Rooted(e.Path),
            RebuildQuery(query), query, headers, body, invalid, CallerIdentity.From(e.Authorizer, e.Identity));
    }

    /// <summary>
    /// API Gateway's <c>path</c> starts with <c>/</c>; hand-made events sometimes drop it (<c>"path": "api/values"</c>).
    /// The route sees a rooted path either way, as a Node <c>req.url</c> always is.
    /// </summary>
    private static string Rooted(string? path) => string.IsNullOrEmpty(path) ? "/" : path[0] == '/' ? path : "/" + path;

    /// <summary>REST events carry the query only as decoded maps; re-encode it for <see cref="ApiRequest.Url"/>.</summary>
    private static string RebuildQuery(ParamMap query)
    {
        var builder = new StringBuilder();
        foreach (var (name, values) in query)
            foreach (var v in values)
            {
                if (builder.Length > 0) builder.Append('&');
                builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(v));
            }
        return builder.ToString();
    }
}
