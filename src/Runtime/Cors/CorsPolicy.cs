namespace LambdaRoutes;

/// <summary>
/// Per-route CORS, off unless set (Next.js adds no CORS headers anywhere; Next.js docs/02-pages/03-building-your-application/01-routing/07-api-routes.mdx). With a policy the runtime
/// answers preflights itself (204, before the handler) and adds <c>Access-Control-Allow-Origin</c> to every answer for an
/// allowed origin, errors included — the defaults of the <c>cors</c> package Next's own fixture uses. For a whole app,
/// API Gateway's CORS (the CDK construct's <c>Cors</c> prop) does the same at the gateway.
/// </summary>
/// <example><c>[RouteConfig(Cors = "https://app.example.com, https://admin.example.com")]</c></example>
public sealed class CorsPolicy
{
    /// <summary>Allowed origins, comma-separated, or <c>*</c> for any origin (the default).</summary>
    public string Origins { get; init; } = "*";

    /// <summary>Methods announced to preflights; the <c>cors</c> package's default list.</summary>
    public string Methods { get; init; } = "GET,HEAD,PUT,PATCH,POST,DELETE";

    /// <summary>Headers allowed in requests; null reflects the preflight's <c>Access-Control-Request-Headers</c> (the <c>cors</c> default).</summary>
    public string? Headers { get; init; }

    /// <summary>Response headers exposed to the page (<c>Access-Control-Expose-Headers</c>); none by default.</summary>
    public string? ExposeHeaders { get; init; }

    /// <summary>Sends <c>Access-Control-Allow-Credentials: true</c>; the origin is then echoed even when <see cref="Origins"/> is <c>*</c>.</summary>
    public bool Credentials { get; init; }

    /// <summary>How long a browser may cache a preflight, in seconds (<c>Access-Control-Max-Age</c>); not sent when null.</summary>
    public int? MaxAgeSeconds { get; init; }

    internal bool AnyOrigin => Origins.Trim() == "*";

    internal bool Allows(string origin) => AnyOrigin ||
        Origins.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(origin, StringComparer.Ordinal);
}
