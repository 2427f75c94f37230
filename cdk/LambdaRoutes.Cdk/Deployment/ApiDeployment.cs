using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.WAFv2;
using Constructs;
using LambdaRoutes.Cdk.Manifest;
using LambdaRoutes.Cdk.Planning;
using LambdaRoutes.Cdk.Wiring;

namespace LambdaRoutes.Cdk.Deployment;

/// <summary>
/// Applies <see cref="LambdaRoutesApiProps.Deployment"/> in the construct's pipeline: resolved and checked before anything
/// is made; function settings as each function is made; per-route API settings as it is wired; API-wide settings last.
/// </summary>
internal sealed class ApiDeployment
{
    private readonly Construct _scope;
    private readonly DeploymentOptions _options;
    private readonly IReadOnlyDictionary<string, RouteDeploymentSettings> _routes;
    private readonly HttpRouteThrottling _throttling = new();
    private readonly List<IReadOnlyList<RouteBinding>> _keyRequired = [];

    /// <exception cref="Diagnostics.LambdaRoutesException">A setting names no route, is impossible, or is for the other API kind.</exception>
    public ApiDeployment(Construct scope, LambdaRoutesApiProps props, RouteManifest manifest)
    {
        _scope = scope;
        _options = props.Deployment ?? new DeploymentOptions();
        _routes = RouteDeploymentResolver.Resolve(manifest, props.ApiKind, _options);
        AccessLogs = _options.AccessLogs is { } accessLogs ? new ApiAccessLogs(scope, accessLogs) : null;
    }

    /// <summary>The stage's access log, when <see cref="DeploymentOptions.AccessLogs"/> is set.</summary>
    public ApiAccessLogs? AccessLogs { get; }

    /// <summary>The merged settings of one route, for its function's properties.</summary>
    public RouteDeploymentSettings For(ManifestRoute route) => _routes[route.Id];

    /// <summary>Applies what follows the function's creation; returns what the API must invoke (the alias, if any).</summary>
    public IFunction Attach(RouteFunction function, IReadOnlyList<RouteBinding> bindings)
    {
        var settings = _routes[function.Route.Id];
        function.ApplyDeployment(settings);
        if (_options.Alarms is { } alarms) DeploymentAlarms.ForFunction(function, alarms);
        if (settings.Throttle is { } throttle) _throttling.Add(bindings, throttle);
        if (settings.ApiKeyRequired == true) _keyRequired.Add(bindings);
        return function.InvocationTarget;
    }

    /// <summary>API-wide settings, once every route is wired.</summary>
    public void Complete(IApiWiring wiring)
    {
        switch (wiring)
        {
            case HttpApiWiring http:
                var stage = (Amazon.CDK.AWS.Apigatewayv2.CfnStage)http.Stage.Node.DefaultChild!;
                AccessLogs?.ApplyTo(stage);
                _throttling.ApplyTo(stage, _scope.Node.Children.OfType<Amazon.CDK.AWS.Apigatewayv2.CfnRoute>());
                if (_options.Domain is { } httpDomain) ApiDomain.MapHttp(_scope, httpDomain, http.HttpApi, http.Stage);
                if (_options.Alarms is { } httpAlarms) DeploymentAlarms.ForApi(_scope, http.HttpApi.MetricServerError(), httpAlarms);
                break;
            case RestApiWiring rest:
                foreach (var bindings in _keyRequired) RestUsagePlans.RequireKey(rest.RestApi, bindings);
                RestUsagePlans.Add(rest.RestApi, _options.UsagePlans ?? []);
                if (_options.Domain is { } restDomain) ApiDomain.MapRest(_scope, restDomain, rest.RestApi);
                if (_options.Alarms is { } restAlarms) DeploymentAlarms.ForApi(_scope, rest.RestApi.MetricServerError(), restAlarms);
                if (_options.WebAclArn is { } webAcl)
                {
                    new CfnWebACLAssociation(_scope, "WebAclAssociation", new CfnWebACLAssociationProps
                    {
                        ResourceArn = rest.RestApi.DeploymentStage.StageArn,
                        WebAclArn = webAcl,
                    });
                }

                break;
        }
    }
}
