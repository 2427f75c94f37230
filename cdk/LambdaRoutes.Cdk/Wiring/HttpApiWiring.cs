using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using LambdaRoutes.Cdk.Planning;

namespace LambdaRoutes.Cdk.Wiring;

/// <summary>
/// HTTP API wiring: one Lambda proxy integration (payload 2.0) per function and one route per
/// (method, path). Routes and integrations are L1 resources: CDK's <c>HttpLambdaIntegration</c> adds a
/// permission per route and, for a function reached by two paths (optional catch-all), scopes its
/// only permission to the first path.
/// </summary>
internal sealed class HttpApiWiring : IApiWiring
{
    private readonly Construct _scope;
    private readonly HttpApi _api;
    private readonly HttpApiAuthorizers _authorizers;

    public HttpApiWiring(Construct scope, LambdaRoutesApiProps props, string apiName, IReadOnlyDictionary<string, Authorizers.RouteAuthorization> authorization)
    {
        _scope = scope;
        _api = new HttpApi(scope, "HttpApi", new HttpApiProps
        {
            ApiName = apiName,
            CorsPreflight = props.Cors is { } cors ? ToCors(cors) : null,
            // The stage is made below so that throttling can be set on it.
            CreateDefaultStage = false,
        });

        var stage = Stage = new HttpStage(scope, "Stage", new HttpStageProps
        {
            HttpApi = _api,
            StageName = props.StageName ?? "$default",
            AutoDeploy = true,
            Throttle = props.Throttle is { } throttle
                ? new ThrottleSettings { RateLimit = throttle.RateLimit, BurstLimit = throttle.BurstLimit }
                : null,
        });
        _authorizers = new HttpApiAuthorizers(scope, _api, authorization);
        // CDK gives ".../" for $default but ".../v1" for a named stage; end both with "/" as a REST URL does.
        Url = stage.StageName == "$default" ? stage.Url : stage.Url + "/";
    }

    public HttpApi HttpApi => _api;

    public Amazon.CDK.AWS.APIGateway.RestApi? RestApi => null;

    public HttpStage Stage { get; }

    public string Url { get; }

    public string ApiId => _api.ApiId;

    public void Connect(IFunction function, string routeId, IReadOnlyList<RouteBinding> bindings)
    {
        var integration = new CfnIntegration(_scope, routeId + "Integration", new CfnIntegrationProps
        {
            ApiId = _api.ApiId,
            IntegrationType = "AWS_PROXY",
            IntegrationUri = function.FunctionArn,
            PayloadFormatVersion = "2.0",
        });

        // Ids from the method and the path's position in the route (not a running index), so adding a
        // verb to a route does not rename, and so replace, the routes it already has.
        foreach (var binding in bindings)
        {
            var pathIndex = binding.Route.Paths.ToList().IndexOf(binding.Path);
            var pathSuffix = pathIndex == 0 ? "" : pathIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var method in binding.Methods)
            {
                var route = new CfnRoute(_scope, $"{routeId}{method[0]}{method[1..].ToLowerInvariant()}Route{pathSuffix}", new CfnRouteProps
                {
                    ApiId = _api.ApiId,
                    RouteKey = $"{method} {binding.Path}",
                    Target = "integrations/" + integration.Ref,
                });
                _authorizers.Guard(route, routeId);
            }
        }
    }

    public void Complete()
    {
    }

    private static CorsPreflightOptions ToCors(ApiCorsOptions cors) => new()
    {
        AllowOrigins = cors.AllowOrigins.ToArray(),
        AllowMethods = cors.AllowMethods.Select(m => Enum.Parse<CorsHttpMethod>(m == "*" ? "ANY" : m, ignoreCase: true)).ToArray(),
        AllowHeaders = cors.AllowHeaders.ToArray(),
        AllowCredentials = cors.AllowCredentials,
        MaxAge = Duration.Seconds(cors.MaxAgeSeconds),
    };
}
