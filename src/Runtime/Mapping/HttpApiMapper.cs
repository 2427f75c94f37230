namespace LambdaRoutes.Mapping;

/// <summary>HTTP API 2.0 / function URL event → <see cref="HttpRequestData"/> (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html, https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html); the response side is <see cref="ProxyResponseWriter"/>.</summary>
internal static class HttpApiMapper
{
    public static HttpRequestData ToRequest(EventFields e, bool isFunctionUrl)
    {
        var headers = new HeaderMap((e.Headers?.Count ?? 0) + 1); // + the Cookie header rebuilt below
        if (e.Headers is { } map)
            foreach (var (name, value) in map) headers.Add(name, value);
        // API Gateway moves the Cookie header into cookies[]; put it back so req.Headers and req.Cookies agree.
        // Function URLs keep the header as well (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html), so only add it when it is missing.
        if (e.Cookies is { Count: > 0 } cookies && !headers.Contains("cookie"))
            headers.Add("cookie", string.Join("; ", cookies));

        // rawQueryString is exact; queryStringParameters comma-joins and mis-decodes '+' (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
        var query = e.RawQueryString is not null
            ? QueryStringParser.Parse(e.RawQueryString)
            : FromDecodedMap(e.QueryStringParameters);

        var (body, invalid) = BodyDecoding.Decode(e.Body, e.IsBase64Encoded);
        return new HttpRequestData(
            isFunctionUrl ? ApiEventSource.FunctionUrl : ApiEventSource.HttpApi,
            e.RequestMethod!,
            StripStage(e.RawPath ?? e.RequestPath ?? "/", e.Stage),
            e.RawQueryString ?? "",
            query, headers, body, invalid, CallerIdentity.From(e.Authorizer, e.Identity));
    }

    /// <summary>On a named stage <c>rawPath</c> starts with <c>/{stage}</c>; the route never sees it (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).</summary>
    internal static string StripStage(string rawPath, string? stage)
    {
        if (string.IsNullOrEmpty(stage) || stage == "$default") return rawPath;
        var prefix = "/" + stage;
        if (!rawPath.StartsWith(prefix, StringComparison.Ordinal)) return rawPath;
        if (rawPath.Length == prefix.Length) return "/";
        return rawPath[prefix.Length] == '/' ? rawPath[prefix.Length..] : rawPath;
    }

    private static ParamMap FromDecodedMap(List<KeyValuePair<string, string>>? map)
    {
        var query = new ParamMap();
        if (map is not null)
            foreach (var (name, value) in map) query.Add(name, value);
        return query;
    }
}
