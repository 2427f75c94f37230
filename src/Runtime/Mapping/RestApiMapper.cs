using System.Text;

namespace LambdaRoutes.Mapping;

/// <summary>REST API proxy (v1) event → <see cref="HttpRequestData"/>, and <see cref="ApiResponse"/> → v1 response (aws.md §2.1–2.2).</summary>
internal static class RestApiMapper
{
    public static HttpRequestData ToRequest(APIGatewayProxyRequest e)
    {
        // multiValue* carry every value; the single-value maps keep only one (aws.md §7 "prefer multiValue*").
        var headers = new HeaderMap();
        if (e.MultiValueHeaders is { } multi)
            foreach (var (name, values) in multi)
                foreach (var v in values ?? new List<string>()) headers.Add(name, v ?? "");
        if (e.Headers is { } single)
            foreach (var (name, value) in single)
                if (!headers.Contains(name)) headers.Add(name, value ?? "");

        var query = new ParamMap();
        if (e.MultiValueQueryStringParameters is { Count: > 0 } multiQuery)
        {
            foreach (var (name, values) in multiQuery)
                foreach (var v in values ?? new List<string>()) query.Add(name, v ?? "");
        }
        else if (e.QueryStringParameters is { } singleQuery)
        {
            foreach (var (name, value) in singleQuery) query.Add(name, value ?? "");
        }

        var (body, invalid) = BodyDecoding.Decode(e.Body, e.IsBase64Encoded);
        return new HttpRequestData(
            ApiEventSource.RestApi, e.HttpMethod ?? "GET", string.IsNullOrEmpty(e.Path) ? "/" : e.Path,
            RebuildQuery(query), query, headers, body, invalid);
    }

    public static APIGatewayProxyResponse ToResponse(ApiResponse res)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var multi = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in res.Headers)
        {
            // Several values of one name (Set-Cookie above all) are only possible through multiValueHeaders (aws.md §2.2).
            if (values.Count == 1 && !name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)) headers[name] = values[0];
            else if (values.Count > 0) multi[name] = new List<string>(values);
        }
        var (body, base64) = BodyDecoding.Encode(res);
        return new APIGatewayProxyResponse
        {
            StatusCode = res.StatusCode,
            Headers = headers.Count > 0 ? headers : null,
            MultiValueHeaders = multi.Count > 0 ? multi : null,
            Body = body,
            IsBase64Encoded = base64,
        };
    }

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
