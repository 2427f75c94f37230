using System.Text.Json;
using LambdaRoutes.Cdk.Tests.Support;
using static LambdaRoutes.Cdk.Tests.Support.TemplateJson;

namespace LambdaRoutes.Cdk.Tests.Synthesis.Deployment;

/// <summary>Every deployment setting of an HTTP API, synthesized once.</summary>
public sealed class HttpApiDeploymentTests(HttpApiDeploymentTests.Fixture fixture) : DeploymentSettingsTests(fixture.Synth), IClassFixture<HttpApiDeploymentTests.Fixture>
{
    public sealed class Fixture() : SynthesisFixture(BuiltApp.Create(DeploymentScenario.Routes),
        (manifest, stack) => new LambdaRoutesApiProps
        {
            Manifest = manifest,
            RouteMethods = RouteMethods.Exported,
            Deployment = DeploymentScenario.Options(stack,
                route => route,
                api => new DeploymentOptions
                {
                    RouteDefaults = api.RouteDefaults,
                    Routes = new Dictionary<string, RouteDeploymentSettings>(api.Routes!)
                    {
                        [DeploymentScenario.DebugRoute] = new RouteDeploymentSettings { ApplicationLogLevel = Amazon.CDK.AWS.Lambda.ApplicationLogLevel.DEBUG, Throttle = new ApiThrottle(5, 2) },
                    },
                    AccessLogs = api.AccessLogs,
                    Domain = api.Domain,
                    Alarms = api.Alarms,
                }),
        });

    protected override string ServerErrorMetric => "5xx";

    protected override JsonElement AccessLogSetting =>
        Props(Assert.Single(Synth.ResourcesOfType("AWS::ApiGatewayV2::Stage")).Resource).GetProperty("AccessLogSettings");

    protected override IReadOnlyList<string> IntegrationTargets() =>
        Synth.ResourcesOfType("AWS::ApiGatewayV2::Integration").Select(i => Props(i.Resource).GetProperty("IntegrationUri").GetRawText()).ToList();

    [Fact]
    public void Route_throttling_sets_the_stage_route_settings_of_that_routes_keys_after_the_routes_exist()
    {
        var (_, stageResource) = Assert.Single(Synth.ResourcesOfType("AWS::ApiGatewayV2::Stage"));
        var settings = Props(stageResource).GetProperty("RouteSettings");
        Assert.Equal(["GET /api/hello", "HEAD /api/hello", "OPTIONS /api/hello", "POST /api/hello"], settings.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(settings.EnumerateObject(), s =>
        {
            Assert.Equal(5, s.Value.GetProperty("ThrottlingRateLimit").GetDouble());
            Assert.Equal(2, s.Value.GetProperty("ThrottlingBurstLimit").GetInt32());
        });

        var routeIds = Synth.ResourcesOfType("AWS::ApiGatewayV2::Route").Select(r => r.LogicalId).ToList();
        var dependsOn = Strings(stageResource.GetProperty("DependsOn")).ToList();
        Assert.All(routeIds, id => Assert.Contains(id, dependsOn));
    }

    [Fact]
    public void The_custom_domain_maps_the_stage_under_its_base_path()
    {
        var domain = Props(Assert.Single(Synth.ResourcesOfType("AWS::ApiGatewayV2::DomainName")).Resource);
        Assert.Equal("api.example.com", domain.GetProperty("DomainName").GetString());
        var configuration = Assert.Single(domain.GetProperty("DomainNameConfigurations").EnumerateArray());
        Assert.Equal(DeploymentScenario.CertificateArn, configuration.GetProperty("CertificateArn").GetString());
        Assert.Equal("TLS_1_2", configuration.GetProperty("SecurityPolicy").GetString());

        var (_, mappingResource) = Assert.Single(Synth.ResourcesOfType("AWS::ApiGatewayV2::ApiMapping"));
        var mapping = Props(mappingResource);
        Assert.Equal("v1", mapping.GetProperty("ApiMappingKey").GetString());
        // The stage by name, so CloudFormation must create it first.
        Assert.Equal("$default", mapping.GetProperty("Stage").GetString());
        Assert.Contains(LogicalIdOf("AWS::ApiGatewayV2::Stage"), Strings(mappingResource.GetProperty("DependsOn")));
        AssertDomainUrlOutput();
    }

    /// <summary>Every deployment setting of the kind in the golden set: a change to any of them shows in review.</summary>
    [Fact]
    public void Matches_the_golden_template() => Golden.AssertMatches("http-deployment.template.json", Synth.Json);
}
