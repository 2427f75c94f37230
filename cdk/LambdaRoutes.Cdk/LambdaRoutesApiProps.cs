using Amazon.CDK.AWS.Logs;
using LambdaRoutes.Contracts.Verbs;

namespace LambdaRoutes.Cdk;

/// <summary>Properties of <see cref="LambdaRoutesApi"/>. Set exactly one of <see cref="AppPath"/> and <see cref="Manifest"/>.</summary>
public sealed class LambdaRoutesApiProps
{
    /// <summary>
    /// The app folder (holding the <c>.csproj</c> and <c>api/</c>). Synth runs <c>lambda-routes build</c> on it,
    /// which rebuilds only changed routes, so <c>cdk deploy</c> alone does everything.
    /// </summary>
    public string? AppPath { get; init; }

    /// <summary>A prebuilt <c>manifest.json</c> from <c>lambda-routes build</c>; its artifacts are used as they are.</summary>
    public string? Manifest { get; init; }

    /// <summary>How synth runs the packager in <see cref="AppPath"/> mode.</summary>
    public PackagerOptions? Packager { get; init; }

    /// <summary>HTTP API (default) or REST API.</summary>
    public ApiKind ApiKind { get; init; } = ApiKind.Http;

    /// <summary><c>ANY</c> per route (default; the runtime answers 405 itself) or the exported verbs.</summary>
    public RouteMethods RouteMethods { get; init; } = RouteMethods.Any;

    /// <summary>The API's name; defaults to <c>&lt;stack name&gt;-&lt;app&gt;</c>.</summary>
    public string? ApiName { get; init; }

    /// <summary>Settings every route function gets unless the route declares its own.</summary>
    public RouteFunctionDefaults? FunctionDefaults { get; init; }

    /// <summary>
    /// Extra environment variables per route, keyed by the route pattern (<c>/api/users/[id]</c>) or the
    /// route id (<c>ApiUsersId</c>); they override <see cref="RouteFunctionDefaults.Environment"/>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? RouteEnvironment { get; init; }

    /// <summary>CORS for the whole API. Null (default) leaves CORS off, as Next.js does.</summary>
    public ApiCorsOptions? Cors { get; init; }

    /// <summary>
    /// The stage. Defaults: <c>$default</c> for an HTTP API (URL without a stage prefix), <c>prod</c> for a REST API.
    /// </summary>
    public string? StageName { get; init; }

    /// <summary>Stage-wide throttling. Null keeps the account's defaults (10,000 rps, burst 5,000).</summary>
    public ApiThrottle? Throttle { get; init; }

    /// <summary>
    /// REST API only: media types API Gateway treats as binary. Defaults to <c>*/*</c>, AWS's advice for
    /// browsers: every body then arrives base64-encoded, which the runtime always decodes, and binary
    /// responses pass through (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html). An HTTP API has no such setting.
    /// </summary>
    public IReadOnlyList<string>? BinaryMediaTypes { get; init; }

    /// <summary>
    /// Production settings: tracing, concurrency, JSON logs, secrets and alarms for the functions; access logs, a custom
    /// domain, route throttling, usage plans and WAF for the API. Null (default): none of them.
    /// </summary>
    public DeploymentOptions? Deployment { get; init; }

    // ----- Authorizers (docs/deploy.md, "Authorizers") -----

    /// <summary>
    /// Authorizers the routes choose by name with <c>[RouteConfig(Authorizer = "name")]</c>: <see cref="JwtAuthorizer"/>,
    /// <see cref="CognitoAuthorizer"/>, <see cref="LambdaRequestAuthorizer"/>, <see cref="LambdaTokenAuthorizer"/>,
    /// <see cref="IamAuthorizer"/>. Names are letters, digits, <c>-</c> and <c>_</c>; <c>"none"</c> is reserved for public routes.
    /// </summary>
    public IReadOnlyDictionary<string, RouteAuthorizer>? Authorizers { get; init; }

    /// <summary>
    /// The authorizer of every route that chooses none; a route opts out with <c>[RouteConfig(Authorizer = "none")]</c>.
    /// Null (default): such routes are public.
    /// </summary>
    public string? DefaultAuthorizer { get; init; }
}

/// <summary>Settings applied to every route function.</summary>
public sealed class RouteFunctionDefaults
{
    /// <summary>Memory in MB for routes that declare none. Default 256 (the packager's default).</summary>
    public int? MemorySize { get; init; }

    /// <summary>Timeout in seconds for routes that declare none. Default 10.</summary>
    public int? Timeout { get; init; }

    /// <summary>Environment variables for every function.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Put every function in this VPC (its role then also gets AWSLambdaVPCAccessExecutionRole).</summary>
    public Amazon.CDK.AWS.EC2.IVpc? Vpc { get; init; }

    /// <summary>Subnets in <see cref="Vpc"/>; CDK's default selection when null.</summary>
    public Amazon.CDK.AWS.EC2.ISubnetSelection? VpcSubnets { get; init; }

    /// <summary>Security groups in <see cref="Vpc"/>; CDK creates one per function when null.</summary>
    public IReadOnlyList<Amazon.CDK.AWS.EC2.ISecurityGroup>? SecurityGroups { get; init; }

    /// <summary>Layers for every function.</summary>
    public IReadOnlyList<Amazon.CDK.AWS.Lambda.ILayerVersion>? Layers { get; init; }

    /// <summary>How long each function's log group keeps logs. Default one month.</summary>
    public RetentionDays? LogRetention { get; init; }

    /// <summary>What happens to the log groups when the stack is deleted. Default destroy.</summary>
    public Amazon.CDK.RemovalPolicy? LogRemovalPolicy { get; init; }
}

/// <summary>CORS for the API; API Gateway answers preflight requests itself.</summary>
public sealed class ApiCorsOptions
{
    /// <summary>Allowed origins. Default <c>*</c>.</summary>
    public IReadOnlyList<string> AllowOrigins { get; init; } = ["*"];

    /// <summary>
    /// Allowed methods. Default every method a route can answer: the verbs a verb-style route exports, in Next's order
    /// (GET, HEAD, OPTIONS, POST, PUT, DELETE, PATCH; API Gateway reads the list in any order).
    /// </summary>
    public IReadOnlyList<string> AllowMethods { get; init; } = HttpVerbs.InNextOrder;

    /// <summary>Allowed request headers. Default <c>Content-Type</c> and <c>Authorization</c>.</summary>
    public IReadOnlyList<string> AllowHeaders { get; init; } = ["Content-Type", "Authorization"];

    /// <summary>Whether credentials are allowed (not with origin <c>*</c>).</summary>
    public bool AllowCredentials { get; init; }

    /// <summary>How long browsers may cache a preflight answer, in seconds. Default 600.</summary>
    public int MaxAgeSeconds { get; init; } = 600;
}

/// <summary>Stage-wide throttling.</summary>
/// <param name="RateLimit">Steady-state requests per second.</param>
/// <param name="BurstLimit">Burst bucket size.</param>
public sealed record ApiThrottle(double RateLimit, int BurstLimit);

/// <summary>How synth runs <c>lambda-routes build</c> in <see cref="LambdaRoutesApiProps.AppPath"/> mode.</summary>
public sealed class PackagerOptions
{
    /// <summary>
    /// The command that starts the packager, before its <c>build</c> arguments, e.g. <c>["lambda-routes"]</c>.
    /// Default: <c>dotnet run --project &lt;repo&gt;/src/Packager/LambdaRoutes.Packager.csproj -c Release --</c> when the
    /// app sits inside a LambdaRoutes checkout, else <c>lambda-routes</c> from PATH.
    /// </summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>The build output folder. Default <c>&lt;app&gt;/.lambda-routes/out</c>, the packager's own default.</summary>
    public string? OutDir { get; init; }

    /// <summary>Target framework of the route binaries (<c>--framework</c>); the packager's default when null.</summary>
    public string? Framework { get; init; }

    /// <summary><c>x86_64</c> or <c>arm64</c> (<c>--arch</c>); the packager's default when null.</summary>
    public string? Architecture { get; init; }

    /// <summary>Parallel builds (<c>--jobs</c>); the packager's default when null.</summary>
    public int? Jobs { get; init; }

    /// <summary>Further <c>build</c> options passed as they are, e.g. <c>["--mode", "single"]</c>.</summary>
    public IReadOnlyList<string>? ExtraArguments { get; init; }
}
