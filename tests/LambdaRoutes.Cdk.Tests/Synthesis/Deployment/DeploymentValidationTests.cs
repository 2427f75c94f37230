using Amazon.CDK;
using Amazon.CDK.Assertions;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Synthesis.Deployment;

/// <summary>Settings Lambda or API Gateway would reject fail synth with every problem named; absent settings change nothing.</summary>
public sealed class DeploymentValidationTests
{
    private static readonly RouteSpec[] Routes = [RouteSpec.EveryShape[0], RouteSpec.EveryShape[2]];

    private static LambdaRoutesException Fails(ApiKind kind, DeploymentOptions deployment)
    {
        using var app = BuiltApp.Create(Routes);
        var stack = new Stack(new App(), "Invalid");
        return Assert.Throws<LambdaRoutesException>(() => new LambdaRoutesApi(stack, "Api", new LambdaRoutesApiProps
        {
            Manifest = app.ManifestPath,
            ApiKind = kind,
            Deployment = deployment,
        }));
    }

    [Fact]
    public void Rest_only_settings_on_an_http_api_are_each_reported()
    {
        var error = Fails(ApiKind.Http, new DeploymentOptions
        {
            UsagePlans = [new ApiUsagePlanOptions("plan")],
            WebAclArn = RestApiDeploymentTests.WebAclArn,
            Routes = new Dictionary<string, RouteDeploymentSettings> { ["ApiUsersId"] = new() { ApiKeyRequired = true } },
        });

        Assert.Equal(3, error.Diagnostics.Count);
        Assert.All(error.Diagnostics, d => Assert.Equal(DiagnosticCodes.SettingNotForApiKind, d.Code));
        Assert.Contains(error.Diagnostics, d => d.Message.StartsWith("Deployment.UsagePlans", StringComparison.Ordinal));
        Assert.Contains(error.Diagnostics, d => d.Message.StartsWith("Deployment.WebAclArn", StringComparison.Ordinal));
        Assert.Contains(error.Diagnostics, d => d.File == "api/users/[id].cs" && d.Message.StartsWith("ApiKeyRequired", StringComparison.Ordinal));
    }

    [Fact]
    public void Route_throttling_on_a_rest_api_points_to_usage_plans()
    {
        var error = Fails(ApiKind.Rest, new DeploymentOptions
        {
            RouteDefaults = new RouteDeploymentSettings { Throttle = new ApiThrottle(1, 1) },
        });

        Assert.Equal(Routes.Length, error.Diagnostics.Count);
        Assert.All(error.Diagnostics, d => Assert.Equal(DiagnosticCodes.SettingNotForApiKind, d.Code));
        Assert.All(error.Diagnostics, d => Assert.Contains("UsagePlans", d.Message));
    }

    [Fact]
    public void Impossible_concurrency_and_log_settings_name_the_route()
    {
        var error = Fails(ApiKind.Http, new DeploymentOptions
        {
            RouteDefaults = new RouteDeploymentSettings { JsonLogs = false },
            Routes = new Dictionary<string, RouteDeploymentSettings>
            {
                ["/api/users/[id]"] = new() { ReservedConcurrency = 2, ProvisionedConcurrency = 3 },
                ["Api"] = new() { ReservedConcurrency = -1, ProvisionedConcurrency = 0, SystemLogLevel = Amazon.CDK.AWS.Lambda.SystemLogLevel.WARN },
            },
        });

        Assert.All(error.Diagnostics, d => Assert.Equal(DiagnosticCodes.InvalidDeploymentSetting, d.Code));
        Assert.Equal(["api/index.cs", "api/index.cs", "api/index.cs", "api/users/[id].cs"], error.Diagnostics.Select(d => d.File!).Order(StringComparer.Ordinal));
        Assert.Contains(error.Diagnostics, d => d.Message == "ProvisionedConcurrency 3 exceeds ReservedConcurrency 2; Lambda rejects that.");
        Assert.Contains(error.Diagnostics, d => d.Message.StartsWith("JsonLogs is false", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_for_an_unknown_route_fail_synth()
    {
        var error = Fails(ApiKind.Http, new DeploymentOptions
        {
            Routes = new Dictionary<string, RouteDeploymentSettings> { ["/api/user/[id]"] = new() { Tracing = true } },
        });

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownRoute, diagnostic.Code);
        Assert.Contains("'/api/user/[id]'", diagnostic.Message);
    }

    [Theory]
    [InlineData(ApiKind.Http)]
    [InlineData(ApiKind.Rest)]
    public void Empty_deployment_options_leave_the_template_as_without_them(ApiKind kind)
    {
        using var app = BuiltApp.Create(Routes);
        string TemplateWith(DeploymentOptions? deployment)
        {
            var stack = new Stack(new App(), "Same");
            _ = new LambdaRoutesApi(stack, "Api", new LambdaRoutesApiProps { Manifest = app.ManifestPath, ApiKind = kind, Deployment = deployment });
            return System.Text.Json.JsonSerializer.Serialize(Template.FromStack(stack).ToJSON());
        }

        var without = TemplateWith(null);
        Assert.Contains("AWS::Lambda::Function", without);
        Assert.Equal(without, TemplateWith(new DeploymentOptions { RouteDefaults = new RouteDeploymentSettings(), Routes = new Dictionary<string, RouteDeploymentSettings> { ["Api"] = new() } }));
    }
}
