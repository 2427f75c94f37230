using Amazon.CDK;
using Amazon.CDK.Assertions;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Synthesis.Deployment;

/// <summary>
/// Concurrency a route file declares (<c>[RouteConfig(ReservedConcurrency, ProvisionedConcurrency)]</c>, in the
/// manifest's <c>settings</c>) sits between the construct's defaults and its per-route settings, as memory and timeout do.
/// </summary>
public sealed class RouteDeclaredConcurrencyTests
{
    private static readonly RouteSpec[] Routes =
    [
        RouteSpec.EveryShape[0] with { ReservedConcurrency = 4 },
        RouteSpec.EveryShape[1],
        RouteSpec.EveryShape[2] with { ReservedConcurrency = 8, ProvisionedConcurrency = 1 },
    ];

    private static readonly DeploymentOptions Deployment = new()
    {
        RouteDefaults = new RouteDeploymentSettings { ReservedConcurrency = 2 },
        Routes = new Dictionary<string, RouteDeploymentSettings> { ["Api"] = new() { ReservedConcurrency = 6 } },
    };

    [Fact]
    public void The_route_file_wins_over_the_defaults_and_the_props_per_route_entry_wins_over_the_route_file()
    {
        using var app = BuiltApp.Create(Routes);
        using var synth = new SynthesizedStack(new LambdaRoutesApiProps { Manifest = app.ManifestPath, Deployment = Deployment });
        var template = Template.FromStack(synth.Stack);

        void HasReserved(RouteSpec route, int reserved) => template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["Description"] = $"{route.Route} ({route.File})",
            ["ReservedConcurrentExecutions"] = reserved,
        });
        HasReserved(Routes[0], 6);
        HasReserved(Routes[1], 2);
        HasReserved(Routes[2], 8);
        template.ResourceCountIs("AWS::Lambda::Alias", 1);
        template.HasResourceProperties("AWS::Lambda::Alias", new Dictionary<string, object>
        {
            ["Name"] = "live",
            ["ProvisionedConcurrencyConfig"] = new Dictionary<string, object> { ["ProvisionedConcurrentExecutions"] = 1 },
        });
        CfnLint.AssertClean(synth.TemplatePath);
    }

    [Fact]
    public void A_route_file_asking_more_provisioned_than_the_reserved_concurrency_fails_synth_naming_it()
    {
        using var app = BuiltApp.Create([RouteSpec.EveryShape[0], RouteSpec.EveryShape[2] with { ProvisionedConcurrency = 5 }]);
        var stack = new Stack(new App(), "TooMany");

        var error = Assert.Throws<LambdaRoutesException>(() => new LambdaRoutesApi(stack, "Api", new LambdaRoutesApiProps { Manifest = app.ManifestPath, Deployment = Deployment }));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidDeploymentSetting, diagnostic.Code);
        Assert.Equal("api/users/[id].cs", diagnostic.File);
        Assert.Equal("ProvisionedConcurrency 5 exceeds ReservedConcurrency 2; Lambda rejects that.", diagnostic.Message);
    }
}
