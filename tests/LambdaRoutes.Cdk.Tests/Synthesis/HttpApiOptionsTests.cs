using System.Text.Json;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Tests.Support;
using static LambdaRoutes.Cdk.Tests.Support.TemplateJson;

namespace LambdaRoutes.Cdk.Tests.Synthesis;

/// <summary>Every option of an HTTP API, on an arm64 build, synthesized once.</summary>
public sealed class HttpApiOptionsTests(HttpApiOptionsTests.Fixture fixture) : IClassFixture<HttpApiOptionsTests.Fixture>
{
    internal const string LayerArn = "arn:aws:lambda:us-east-1:123456789012:layer:shared:3";

    public sealed class Fixture() : SynthesisFixture(BuiltApp.Create(RouteSpec.EveryShape, architecture: "arm64"),
        (manifest, stack) => new LambdaRoutesApiProps
        {
            Manifest = manifest,
            RouteMethods = RouteMethods.Exported,
            Cors = new ApiCorsOptions { AllowOrigins = ["https://example.com"], AllowMethods = ["GET", "POST"] },
            Throttle = new ApiThrottle(100, 50),
            StageName = "v1",
            ApiName = "hello-api",
            FunctionDefaults = new RouteFunctionDefaults
            {
                MemorySize = 512,
                Timeout = 7,
                Environment = new Dictionary<string, string> { ["APP_STAGE"] = "test", ["SHARED"] = "app" },
                Layers = [LayerVersion.FromLayerVersionArn(stack, "Shared", LayerArn)],
                LogRetention = RetentionDays.ONE_WEEK,
            },
            RouteEnvironment = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["/api/users/[id]"] = new Dictionary<string, string> { ["TABLE"] = "users", ["SHARED"] = "route" },
                ["ApiHello"] = new Dictionary<string, string> { ["GREETING"] = "hi" },
            },
        });

    private readonly SynthesizedStack _synth = fixture.Synth;

    [Fact]
    public void Passes_cfn_lint_without_findings() => CfnLint.AssertClean(_synth.TemplatePath);

    private JsonElement Function(string routeId) => Props(_synth.Json.GetProperty("Resources").GetProperty(_synth.FunctionLogicalId(routeId)));

    private Dictionary<string, string> EnvironmentOf(string routeId) =>
        Function(routeId).GetProperty("Environment").GetProperty("Variables").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    [Fact]
    public void Defaults_fill_in_memory_and_timeout_where_routes_declare_none_and_the_architecture_comes_from_the_manifest() =>
        CommonAssertions.OneFunctionPerRouteWithItsSettings(_synth, RouteSpec.EveryShape, architecture: "arm64", defaultMemory: 512, defaultTimeout: 7);

    [Fact]
    public void Route_environment_overrides_app_wide_environment()
    {
        Assert.Equal(new Dictionary<string, string> { ["APP_STAGE"] = "test", ["SHARED"] = "route", ["TABLE"] = "users" }, EnvironmentOf("ApiUsersId"));
        Assert.Equal(new Dictionary<string, string> { ["APP_STAGE"] = "test", ["SHARED"] = "app", ["GREETING"] = "hi" }, EnvironmentOf("ApiHello"));
        Assert.Equal(new Dictionary<string, string> { ["APP_STAGE"] = "test", ["SHARED"] = "app" }, EnvironmentOf("Api"));
    }

    [Fact]
    public void Every_function_gets_the_default_layers_and_log_retention()
    {
        foreach (var route in RouteSpec.EveryShape)
        {
            Assert.Equal([LayerArn], Strings(Function(route.Id).GetProperty("Layers")));
        }

        CommonAssertions.OwnLogGroupWithRetention(_synth, RouteSpec.EveryShape, retentionDays: 7);
    }

    [Fact]
    public void Exported_methods_wire_verb_routes_per_verb_plus_HEAD_and_handler_routes_as_ANY()
    {
        var keys = _synth.ResourcesOfType("AWS::ApiGatewayV2::Route").Select(r => Props(r.Resource).GetProperty("RouteKey").GetString()).ToList();

        Assert.Contains("GET /api/hello", keys);
        Assert.Contains("POST /api/hello", keys);
        Assert.Contains("HEAD /api/hello", keys);
        Assert.DoesNotContain("OPTIONS /api/hello", keys); // CORS is on: API Gateway answers preflight
        Assert.DoesNotContain("ANY /api/hello", keys);
        Assert.Contains("ANY /api/users/{id}", keys);
        Assert.Equal(9, keys.Count);
    }

    [Fact]
    public void Cors_stage_name_throttling_and_api_name_reach_the_api()
    {
        var api = Props(Assert.Single(_synth.ResourcesOfType("AWS::ApiGatewayV2::Api")).Resource);
        Assert.Equal("hello-api", api.GetProperty("Name").GetString());
        var cors = api.GetProperty("CorsConfiguration");
        Assert.Equal(["https://example.com"], Strings(cors.GetProperty("AllowOrigins")));
        Assert.Equal(["GET", "POST"], Strings(cors.GetProperty("AllowMethods")));
        Assert.Equal(600, cors.GetProperty("MaxAge").GetInt32());

        var stage = Props(Assert.Single(_synth.ResourcesOfType("AWS::ApiGatewayV2::Stage")).Resource);
        Assert.Equal("v1", stage.GetProperty("StageName").GetString());
        var throttle = stage.GetProperty("DefaultRouteSettings");
        Assert.Equal(100, throttle.GetProperty("ThrottlingRateLimit").GetDouble());
        Assert.Equal(50, throttle.GetProperty("ThrottlingBurstLimit").GetInt32());

        var url = JoinText(CommonAssertions.SingleOutput(_synth, "ApiUrl").GetProperty("Value"));
        Assert.True(url.EndsWith("/v1/", StringComparison.Ordinal), url);
    }

    [Fact]
    public void Route_environment_for_an_unknown_route_fails_synth()
    {
        using var app = BuiltApp.Create(RouteSpec.EveryShape);
        var stack = new Amazon.CDK.Stack(new Amazon.CDK.App(), "Unknown");

        var error = Assert.Throws<LambdaRoutesException>(() => new LambdaRoutesApi(stack, "Api", new LambdaRoutesApiProps
        {
            Manifest = app.ManifestPath,
            RouteEnvironment = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["/api/user/[id]"] = new Dictionary<string, string> { ["X"] = "1" },
            },
        }));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownRoute, diagnostic.Code);
        Assert.Contains("'/api/user/[id]'", diagnostic.Message);
    }

    [Fact]
    public void A_timeout_beyond_the_api_limit_is_a_synth_warning_naming_the_route()
    {
        using var app = BuiltApp.Create([new RouteSpec("ApiSlow", "api/slow.cs", "/api/slow", ["/api/slow"], Timeout: 60), RouteSpec.EveryShape[0]]);
        var stack = new Amazon.CDK.Stack(new Amazon.CDK.App(), "Slow");
        var api = new LambdaRoutesApi(stack, "Api", new LambdaRoutesApiProps { Manifest = app.ManifestPath });

        var warnings = Amazon.CDK.Assertions.Annotations.FromStack(stack)
            .FindWarning("*", Amazon.CDK.Assertions.Match.StringLikeRegexp("exceeds the Http API's 30 s integration limit"));

        var warning = Assert.Single(warnings);
        Assert.Equal("/Slow/Api/Routes/ApiSlow", warning.Id);
        Assert.NotNull(api.FunctionFor("/api/slow"));
    }
}
