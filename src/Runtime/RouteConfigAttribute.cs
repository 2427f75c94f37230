namespace LambdaRoutes;

/// <summary>
/// Per-route settings, declared in the route file the way Next.js's <c>export const config</c> is.
/// The packager reads this attribute from source (it is never read by reflection at run time) and
/// passes the values to the runtime and to the CDK construct through the manifest.
/// </summary>
/// <example><c>[RouteConfig(MemorySize = 512, Timeout = 10, BodySizeLimit = "5mb")]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RouteConfigAttribute : Attribute
{
    /// <summary>Lambda memory in MB (128 to 10240). 0 keeps the app default.</summary>
    public int MemorySize { get; set; }

    /// <summary>Lambda timeout in seconds (1 to 900). 0 keeps the app default.</summary>
    public int Timeout { get; set; }

    /// <summary>
    /// Largest accepted request body, in Next.js notation (<c>"1mb"</c>, <c>"500kb"</c>) or as a byte count
    /// (<c>"1048576"</c>). Null means Next's default, <c>"1mb"</c>, for a handler-style route, and no limit but Lambda's
    /// 6 MB payload for a verb-style route (as an App Router route handler). A larger body gets
    /// <c>413 Body exceeded {limit} limit</c> and the handler does not run.
    /// </summary>
    public string? BodySizeLimit { get; set; }

    /// <summary>
    /// False skips body parsing of a handler-style route (Next's <c>bodyParser: false</c>); the raw bytes stay available.
    /// A verb-style route parses only when the handler reads, so it has no use for this.
    /// </summary>
    public bool BodyParser { get; set; } = true;

    /// <summary>
    /// True makes the route stream its response (server-sent events, large downloads): Lambda response streaming
    /// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming) behind a function URL with <c>RESPONSE_STREAM</c> or a REST API with <c>ResponseTransferMode</c>
    /// STREAM. Write the body with <see cref="NextResponse.Stream"/> or <see cref="ApiResponse.Stream"/>.
    /// </summary>
    public bool Streaming { get; set; }

    /// <summary>
    /// Turns CORS on for this route: the allowed origins, comma-separated, or <c>"*"</c> (see <see cref="CorsPolicy"/>).
    /// Null (the default) adds no CORS headers, as Next.js.
    /// </summary>
    public string? Cors { get; set; }

    /// <summary>
    /// The Lambda architecture of this route's function: <c>"x86_64"</c> or <c>"arm64"</c>
    /// (https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html). Null keeps the app's, <c>build --arch</c>.
    /// The packager builds the route's binary for it and the CDK construct sets the function's architecture from it.
    /// </summary>
    public string? Architecture { get; set; }

    /// <summary>
    /// Reserved concurrency of the route's function: the most instances it may run
    /// (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html). 0 keeps the app's (the CDK
    /// construct's <c>Deployment</c> settings, which can also override it).
    /// </summary>
    public int ReservedConcurrency { get; set; }

    /// <summary>
    /// Provisioned concurrency: instances kept initialized (https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html).
    /// The CDK construct then publishes a version with an alias <c>live</c> and wires the API to the alias. 0 keeps the app's.
    /// </summary>
    public int ProvisionedConcurrency { get; set; }

    /// <summary>
    /// The authorizer that guards this route in the deployed API and in <c>lambda-routes dev</c>: the name of one
    /// declared in the CDK construct's <c>Authorizers</c>, or <c>"none"</c> for a public route (a health check) when
    /// the app has a default. Null keeps the app's <c>DefaultAuthorizer</c> (docs/deploy.md). The caller's identity
    /// reaches the route as <see cref="ApiRequest.Identity"/>.
    /// </summary>
    public string? Authorizer { get; set; }

    /// <summary>
    /// OAuth scopes a JWT or Cognito authorizer requires for this route, space-separated (<c>"pets/read pets/write"</c>):
    /// API Gateway lets a token through when it carries any one of them.
    /// </summary>
    public string? AuthorizationScopes { get; set; }
}
