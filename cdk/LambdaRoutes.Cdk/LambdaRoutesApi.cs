using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using LambdaRoutes.Cdk.Deployment;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Manifest;
using LambdaRoutes.Cdk.Packaging;
using LambdaRoutes.Cdk.Planning;
using LambdaRoutes.Cdk.Wiring;

namespace LambdaRoutes.Cdk;

/// <summary>
/// An app's <c>api/</c> folder as API Gateway plus one Native AOT Lambda per route file.
/// <code>
/// var api = new LambdaRoutesApi(this, "Api", new LambdaRoutesApiProps { AppPath = "samples/Hello" });
/// table.GrantReadData(api.FunctionFor("/api/users/[id]"));
/// </code>
/// Pipeline: manifest (built now from <see cref="LambdaRoutesApiProps.AppPath"/>, or given) → validate →
/// plan the path tree for the API kind → one <see cref="RouteFunction"/> per route → wire routes → URL output.
/// Every stage reports all of its problems at once as a <see cref="LambdaRoutesException"/>.
/// </summary>
public sealed class LambdaRoutesApi : Construct
{
    private readonly Dictionary<string, RouteFunction> _routes = new(StringComparer.Ordinal);

    /// <summary>Creates the API and its functions.</summary>
    /// <exception cref="LambdaRoutesException">The manifest, the route tree or the packager is unusable.</exception>
    public LambdaRoutesApi(Construct scope, string id, LambdaRoutesApiProps props)
        : base(scope, id)
    {
        Manifest = ReadManifest(props);
        var bindings = RouteTreePlanner.Plan(Manifest.Routes, props.ApiKind, props.RouteMethods, corsEnabled: props.Cors is not null);
        var routeEnvironment = RouteEnvironment.Resolve(Manifest, props);
        var deployment = new ApiDeployment(this, props, Manifest);

        // A readable name in the console; several stacks of one app stay apart by stack name.
        var apiName = props.ApiName ?? $"{Stack.Of(this).StackName}-{Manifest.App}";
        var defaults = props.FunctionDefaults ?? new RouteFunctionDefaults();
        AuthorizerFunctions = Authorizers.AppAuthorizerFunctions.Create(this, Manifest, props, defaults);
        var authorization = Authorizers.RouteAuthorization.Resolve(Manifest, props,
            AuthorizerFunctions.ToDictionary(f => f.Key, f => (IFunction)f.Value.Function, StringComparer.Ordinal));
        IApiWiring wiring = props.ApiKind == ApiKind.Rest
            ? new RestApiWiring(this, props, apiName, deployment.AccessLogs, authorization)
            : new HttpApiWiring(this, props, apiName, authorization);
        HttpApi = wiring.HttpApi;
        RestApi = wiring.RestApi;

        var routesScope = new Construct(this, "Routes");
        foreach (var route in Manifest.Routes)
        {
            var function = new RouteFunction(routesScope, route, defaults, routeEnvironment[route.Id], deployment.For(route));
            _routes.Add(route.Id, function);
            WarnAboutIntegrationTimeout(function, props.ApiKind, defaults);

            if (route.Streaming && props.ApiKind == ApiKind.Http)
            {
                // HTTP APIs buffer Lambda responses; a streaming route gets its own function URL in RESPONSE_STREAM mode.
                function.AddStreamingUrl();
            }

            var routeBindings = bindings.Where(b => ReferenceEquals(b.Route, route)).ToList();
            var target = deployment.Attach(function, routeBindings);
            wiring.Connect(target, route.Id, routeBindings);
            ApiGatewayInvokePermission.Grant(target, "InvokeByApi", this, wiring.ApiId, InvokePermissionScope.ForPaths(route.Paths));
        }

        wiring.Complete();
        deployment.Complete(wiring);
        Url = wiring.Url;
        new CfnOutput(this, "Url", new CfnOutputProps
        {
            Value = Url,
            Description = $"Base URL of the {Manifest.App} API ({props.ApiKind} API); routes are under it, e.g. {Manifest.Routes[0].Paths[0]}",
        });
    }

    /// <summary>The validated manifest the API was built from.</summary>
    public RouteManifest Manifest { get; }

    /// <summary>The stage's invoke URL (also the <c>Url</c> stack output).</summary>
    public string Url { get; }

    /// <summary>The HTTP API, when <see cref="ApiKind.Http"/>.</summary>
    public HttpApi? HttpApi { get; }

    /// <summary>The REST API, when <see cref="ApiKind.Rest"/>.</summary>
    public RestApi? RestApi { get; }

    /// <summary>The functions of the app's own authorizers (<c>authorizers/&lt;name&gt;.cs</c>) that the props use, keyed by authorizer name.</summary>
    public IReadOnlyDictionary<string, RouteFunction> AuthorizerFunctions { get; }

    /// <summary>Every route's function, keyed by route id (<c>ApiUsersId</c>).</summary>
    public IReadOnlyDictionary<string, RouteFunction> Routes => _routes;

    /// <summary>
    /// The function of one route, named by its pattern (<c>/api/users/[id]</c>), its file
    /// (<c>api/users/[id].cs</c>) or its id (<c>ApiUsersId</c>).
    /// </summary>
    /// <exception cref="ArgumentException">No route has that name; the message lists the routes.</exception>
    public Function FunctionFor(string route)
    {
        var match = _routes.Values.FirstOrDefault(r => r.Route.Route == route || r.Route.File == route || r.Route.Id == route);
        if (match is null)
        {
            var known = string.Join(", ", _routes.Values.Select(r => r.Route.Route));
            throw new ArgumentException($"No route '{route}' in {Manifest.ManifestPath}. Routes: {known}.", nameof(route));
        }

        return match.Function;
    }

    // API Gateway answers 503/504 after 30 s (HTTP API) or 29 s (REST) whatever the function's timeout
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html). Not an error: the function may finish work after the response is cut off.
    private static void WarnAboutIntegrationTimeout(RouteFunction function, ApiKind kind, RouteFunctionDefaults defaults)
    {
        var timeout = function.Route.Timeout ?? defaults.Timeout ?? RouteFunction.DefaultTimeoutSeconds;
        var cap = kind == ApiKind.Rest ? 29 : 30;
        if (timeout > cap)
        {
            Amazon.CDK.Annotations.Of(function).AddWarningV2("lambda-routes:timeout-above-api-limit",
                $"{function.Route.File} ({function.Route.Route}): timeout {timeout} s exceeds the {kind} API's {cap} s integration limit; clients get a gateway timeout after {cap} s.");
        }
    }

    /// <summary>
    /// The validated manifest these props stand for: built now from <see cref="LambdaRoutesApiProps.AppPath"/>, or
    /// read from <see cref="LambdaRoutesApiProps.Manifest"/>. A CDK app can call it before it creates the stack (to name
    /// the stack after <see cref="RouteManifest.App"/>); the construct then reuses that build, as a build runs once per
    /// app and options in a process.
    /// </summary>
    /// <exception cref="LambdaRoutesException">The manifest is unusable or the packager failed.</exception>
    public static RouteManifest ReadManifest(LambdaRoutesApiProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        return ManifestReader.Read(ResolveManifestPath(props));
    }

    private static string ResolveManifestPath(LambdaRoutesApiProps props) => (props.AppPath, props.Manifest) switch
    {
        (not null, null) => PackagerRunner.Build(props.AppPath, props.Packager ?? new PackagerOptions(), props.ApiKind),
        (null, not null) => props.Manifest,
        _ => throw new ArgumentException("Set exactly one of LambdaRoutesApiProps.AppPath (build at synth) and LambdaRoutesApiProps.Manifest (prebuilt)."),
    };
}
