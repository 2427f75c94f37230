using Amazon.CDK.AWS.Apigatewayv2;
using LambdaRoutes.Cdk.Planning;

namespace LambdaRoutes.Cdk.Deployment;

/// <summary>
/// Per-route throttling on an HTTP API: the stage's <c>RouteSettings</c>, keyed by route key
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html). CDK 2.160's
/// <c>HttpStage</c> only has the stage-wide default, so they go on its CloudFormation resource.
/// </summary>
internal sealed class HttpRouteThrottling
{
    // Plain maps with CloudFormation's property names: RouteSettings is untyped JSON to CDK, and a
    // CfnStage.RouteSettingsProperty there would be written with its camelCase jsii names, which CloudFormation ignores.
    private readonly Dictionary<string, Dictionary<string, object>> _settings = new(StringComparer.Ordinal);

    /// <summary>Throttles every route key (<c>GET /api/hello</c>) the bindings of one route file produce.</summary>
    public void Add(IReadOnlyList<RouteBinding> bindings, ApiThrottle throttle)
    {
        foreach (var binding in bindings)
        {
            foreach (var method in binding.Methods)
            {
                _settings[$"{method} {binding.Path}"] = new Dictionary<string, object>
                {
                    ["ThrottlingRateLimit"] = throttle.RateLimit,
                    ["ThrottlingBurstLimit"] = throttle.BurstLimit,
                };
            }
        }
    }

    /// <summary>Sets the collected settings on the stage, which must then be created after the routes it names.</summary>
    public void ApplyTo(CfnStage stage, IEnumerable<CfnRoute> routes)
    {
        if (_settings.Count == 0) return;
        stage.RouteSettings = _settings;
        // API Gateway rejects settings for a route key that does not exist yet ("Unable to find Route by key").
        foreach (var route in routes) stage.AddDependency(route);
    }
}
