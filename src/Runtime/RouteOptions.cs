namespace LambdaRoutes;

/// <summary>
/// Per-route settings the generated entry point passes to <see cref="LambdaHost.RunAsync(IApiRoute, RouteOptions, System.Text.Json.Serialization.JsonSerializerContext?)"/>
/// (docs/architecture.md "the generated entry point"), taken from the route file and its <see cref="RouteConfigAttribute"/>.
/// </summary>
public sealed class RouteOptions
{
    /// <summary>
    /// The Next-form route pattern, e.g. <c>/api/users/[id]</c>. The runtime matches the request path against it to fill
    /// <see cref="ApiRequest.Params"/>, answers 308 for a trailing slash and 404 for a path that does not match.
    /// </summary>
    public string Route { get; init; } = "/";

    /// <summary>
    /// Largest accepted body in Next notation (<c>"1mb"</c>, <c>"500kb"</c>, a byte count). Null means <c>"1mb"</c> for a
    /// handler-style route and no limit for a <see cref="VerbRoute"/> (an App Router route handler has none).
    /// </summary>
    public string? BodySizeLimit { get; init; }

    /// <summary>
    /// False turns body parsing off for a handler-style route (Next's <c>bodyParser: false</c>): <see cref="BodyKind.Raw"/>,
    /// no size check. A <see cref="VerbRoute"/> parses on first read anyway and ignores it.
    /// </summary>
    public bool BodyParser { get; init; } = true;

    /// <summary>
    /// True serves the route in Lambda's response streaming mode (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): prelude, 8 NUL bytes, then the body as it
    /// is written. Needs a function URL with <c>InvokeMode=RESPONSE_STREAM</c> or a REST integration with
    /// <c>responseTransferMode=STREAM</c> (the CDK construct wires either from the manifest).
    /// </summary>
    public bool Streaming { get; init; }

    /// <summary>
    /// CORS for this route, off when null (as in Next.js): the runtime then answers preflights and adds
    /// <c>Access-Control-Allow-Origin</c> for allowed origins. The packager sets it from <c>[RouteConfig(Cors = "...")]</c>.
    /// </summary>
    public CorsPolicy? Cors { get; init; }

    /// <summary>
    /// The options of the route at <paramref name="route"/> that declares <paramref name="config"/>: the one mapping from a
    /// route's settings to what the runtime needs. The packager renders its result into the generated entry point and runs
    /// the dev server with it; the Testing kit feeds it the attribute read by reflection.
    /// </summary>
    internal static RouteOptions For(string route, RouteConfigAttribute? config) => new()
    {
        Route = route,
        BodySizeLimit = config?.BodySizeLimit,
        BodyParser = config?.BodyParser ?? true,
        Streaming = config?.Streaming ?? false,
        Cors = config?.Cors is { } origins ? new CorsPolicy { Origins = origins } : null,
    };
}
