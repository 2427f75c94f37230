using LambdaRoutes.Mapping;

namespace LambdaRoutes.Cors;

/// <summary>Applies a <see cref="CorsPolicy"/> the way the <c>cors</c> package does (preflight answered, headers added).</summary>
internal static class CorsHandler
{
    /// <summary>A preflight: OPTIONS with <c>Origin</c> and <c>Access-Control-Request-Method</c> (Fetch standard §3.2.2).</summary>
    public static bool IsPreflight(HttpRequestData request) =>
        request.Method == "OPTIONS" && request.Headers["origin"] is not null && request.Headers["access-control-request-method"] is not null;

    /// <summary>204, empty body; the allow headers only for an allowed origin (otherwise the browser blocks the request).</summary>
    public static void AnswerPreflight(CorsPolicy policy, HttpRequestData request, ApiResponse res)
    {
        res.Reset(204, null);
        var origin = request.Headers["origin"]!;
        AddVary(res, "Origin");
        if (!policy.Allows(origin)) return;
        AddOrigin(policy, origin, res);
        res.SetHeaderUnchecked("Access-Control-Allow-Methods", policy.Methods);
        var headers = policy.Headers ?? request.Headers["access-control-request-headers"];
        if (policy.Headers is null) AddVary(res, "Access-Control-Request-Headers");
        if (!string.IsNullOrEmpty(headers)) res.SetHeaderUnchecked("Access-Control-Allow-Headers", headers);
        if (policy.MaxAgeSeconds is { } maxAge) res.SetHeaderUnchecked("Access-Control-Max-Age", maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>On an actual request from an allowed origin: allow origin, credentials, exposed headers.</summary>
    public static void Decorate(CorsPolicy policy, HttpRequestData request, ApiResponse res)
    {
        if (request.Headers["origin"] is not { } origin) return;
        if (!policy.AnyOrigin || policy.Credentials) AddVary(res, "Origin");
        if (!policy.Allows(origin)) return;
        AddOrigin(policy, origin, res);
        if (!string.IsNullOrEmpty(policy.ExposeHeaders)) res.SetHeaderUnchecked("Access-Control-Expose-Headers", policy.ExposeHeaders);
    }

    private static void AddOrigin(CorsPolicy policy, string origin, ApiResponse res)
    {
        // "*" cannot be combined with credentials (Fetch standard): echo the origin then.
        res.SetHeaderUnchecked("Access-Control-Allow-Origin", policy.AnyOrigin && !policy.Credentials ? "*" : origin);
        if (policy.Credentials) res.SetHeaderUnchecked("Access-Control-Allow-Credentials", "true");
    }

    private static void AddVary(ApiResponse res, string header)
    {
        var current = res.GetHeader("Vary");
        if (current is null) res.SetHeaderUnchecked("Vary", header);
        else if (!current.Split(',').Any(v => v.Trim().Equals(header, StringComparison.OrdinalIgnoreCase)))
            res.SetHeaderUnchecked("Vary", current + ", " + header);
    }
}
