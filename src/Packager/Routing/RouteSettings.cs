namespace LambdaRoutes.Packager.Routing;

/// <summary>
/// Per-route settings from <c>[RouteConfig]</c> (docs/architecture.md), after defaults: 256 MB, 10 s, body parsing on,
/// no response streaming, and a body limit of Next's <c>"1mb"</c> for a handler-style route. A verb-style route has no
/// limit unless it declares one (null), as an App Router route handler: Lambda's own payload limit is all that applies.
/// <see cref="Architecture"/> is null unless the route declares one: the app's (<c>build --arch</c>) then applies; so are
/// <see cref="ReservedConcurrency"/> and <see cref="ProvisionedConcurrency"/>, which only the CDK construct reads.
/// </summary>
internal sealed record RouteSettings(int MemorySize, int Timeout, string? BodySizeLimit, long? BodySizeLimitBytes, bool BodyParser, bool Streaming = false, string? Cors = null, string? Architecture = null,
    int? ReservedConcurrency = null, int? ProvisionedConcurrency = null,
    string? Authorizer = null, IReadOnlyList<string>? AuthorizationScopes = null)
{
    public const int DefaultMemorySize = 256;
    public const int DefaultTimeout = 10;
    public const string DefaultBodySizeLimit = "1mb";

    /// <summary>The defaults of a handler-style route.</summary>
    public static RouteSettings Default { get; } = new(DefaultMemorySize, DefaultTimeout, DefaultBodySizeLimit, 1024 * 1024, BodyParser: true);

    /// <summary>The defaults of a route of <paramref name="style"/>.</summary>
    public static RouteSettings For(RouteStyle style) =>
        style is RouteStyle.Verbs or RouteStyle.Authorizer ? Default with { BodySizeLimit = null, BodySizeLimitBytes = null } : Default;
}
