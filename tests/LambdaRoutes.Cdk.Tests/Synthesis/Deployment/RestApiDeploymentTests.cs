using System.Text.Json;
using LambdaRoutes.Cdk.Tests.Support;
using static LambdaRoutes.Cdk.Tests.Support.TemplateJson;

namespace LambdaRoutes.Cdk.Tests.Synthesis.Deployment;

/// <summary>Every deployment setting of a REST API, synthesized once.</summary>
public sealed class RestApiDeploymentTests(RestApiDeploymentTests.Fixture fixture) : DeploymentSettingsTests(fixture.Synth), IClassFixture<RestApiDeploymentTests.Fixture>
{
    internal const string WebAclArn = "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/11111111-2222-3333-4444-555555555555";

    public sealed class Fixture() : SynthesisFixture(BuiltApp.Create(DeploymentScenario.Routes),
        (manifest, stack) => new LambdaRoutesApiProps
        {
            Manifest = manifest,
            ApiKind = ApiKind.Rest,
            Deployment = DeploymentScenario.Options(stack,
                route => new RouteDeploymentSettings
                {
                    ReservedConcurrency = route.ReservedConcurrency,
                    ProvisionedConcurrency = route.ProvisionedConcurrency,
                    Secrets = route.Secrets,
                    Parameters = route.Parameters,
                    ApiKeyRequired = true,
                },
                api => new DeploymentOptions
                {
                    RouteDefaults = api.RouteDefaults,
                    Routes = api.Routes,
                    AccessLogs = api.AccessLogs,
                    Domain = api.Domain,
                    Alarms = api.Alarms,
                    UsagePlans = [new ApiUsagePlanOptions("partners") { Throttle = new ApiThrottle(10, 5), QuotaLimit = 1000, ApiKeys = ["acme", "globex"] }],
                    WebAclArn = WebAclArn,
                }),
        });

    protected override string ServerErrorMetric => "5XXError";

    protected override JsonElement AccessLogSetting =>
        Props(Assert.Single(Synth.ResourcesOfType("AWS::ApiGateway::Stage")).Resource).GetProperty("AccessLogSetting");

    protected override IReadOnlyList<string> IntegrationTargets() =>
        Synth.ResourcesOfType("AWS::ApiGateway::Method").Select(m => JoinText(Props(m.Resource).GetProperty("Integration").GetProperty("Uri"))).ToList();

    [Fact]
    public void The_custom_domain_maps_the_stage_under_its_base_path()
    {
        var domain = Props(Assert.Single(Synth.ResourcesOfType("AWS::ApiGateway::DomainName")).Resource);
        Assert.Equal("api.example.com", domain.GetProperty("DomainName").GetString());
        Assert.Equal(DeploymentScenario.CertificateArn, domain.GetProperty("RegionalCertificateArn").GetString());
        Assert.Equal("TLS_1_2", domain.GetProperty("SecurityPolicy").GetString());

        var mapping = Props(Assert.Single(Synth.ResourcesOfType("AWS::ApiGateway::BasePathMapping")).Resource);
        Assert.Equal("v1", mapping.GetProperty("BasePath").GetString());
        Assert.Equal(LogicalIdOf("AWS::ApiGateway::Stage"), Ref(mapping.GetProperty("Stage")));
        AssertDomainUrlOutput();
    }

    [Fact]
    public void A_usage_plan_on_the_stage_holds_its_keys_and_only_the_keyed_routes_methods_require_one()
    {
        var plan = Props(Assert.Single(Synth.ResourcesOfType("AWS::ApiGateway::UsagePlan")).Resource);
        Assert.Equal("partners", plan.GetProperty("UsagePlanName").GetString());
        Assert.Equal(10, plan.GetProperty("Throttle").GetProperty("RateLimit").GetDouble());
        Assert.Equal(5, plan.GetProperty("Throttle").GetProperty("BurstLimit").GetInt32());
        Assert.Equal(1000, plan.GetProperty("Quota").GetProperty("Limit").GetInt32());
        Assert.Equal("DAY", plan.GetProperty("Quota").GetProperty("Period").GetString());
        var stage = Assert.Single(plan.GetProperty("ApiStages").EnumerateArray());
        Assert.Equal(LogicalIdOf("AWS::ApiGateway::Stage"), Ref(stage.GetProperty("Stage")));

        var keys = Synth.ResourcesOfType("AWS::ApiGateway::ApiKey").Select(k => Props(k.Resource).GetProperty("Name").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["acme", "globex"], keys);
        Assert.Equal(2, Synth.ResourcesOfType("AWS::ApiGateway::UsagePlanKey").Count());

        var keyRequired = Synth.ResourcesOfType("AWS::ApiGateway::Method")
            .ToDictionary(m => m.LogicalId, m => Props(m.Resource).TryGetProperty("ApiKeyRequired", out var required) && required.GetBoolean());
        var usersMethod = Assert.Single(keyRequired, m => m.Key.Contains("usersid", StringComparison.OrdinalIgnoreCase));
        Assert.True(usersMethod.Value);
        Assert.Equal(1, keyRequired.Count(m => m.Value));
    }

    [Fact]
    public void The_web_acl_is_associated_with_the_stage()
    {
        var association = Props(Assert.Single(Synth.ResourcesOfType("AWS::WAFv2::WebACLAssociation")).Resource);
        Assert.Equal(WebAclArn, association.GetProperty("WebACLArn").GetString());
        var stageArn = JoinText(association.GetProperty("ResourceArn"));
        Assert.EndsWith("/stages/{Ref:" + LogicalIdOf("AWS::ApiGateway::Stage") + "}", stageArn, StringComparison.Ordinal);
    }

    /// <summary>Every deployment setting of the kind in the golden set: a change to any of them shows in review.</summary>
    [Fact]
    public void Matches_the_golden_template() => Golden.AssertMatches("rest-deployment.template.json", Synth.Json);
}
