using System.Text.Json;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Tests.Support;
using static LambdaRoutes.Cdk.Tests.Support.TemplateJson;

namespace LambdaRoutes.Cdk.Tests.Synthesis;

/// <summary>The REST API variant (payload 1.0) over every Next route shape, synthesized once.</summary>
public sealed class RestApiSynthesisTests(RestApiSynthesisTests.Fixture fixture) : IClassFixture<RestApiSynthesisTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            App = BuiltApp.Create(RouteSpec.EveryShape);
            Synth = new SynthesizedStack(new LambdaRoutesApiProps { Manifest = App.ManifestPath, ApiKind = ApiKind.Rest });
        }

        public BuiltApp App { get; }

        public SynthesizedStack Synth { get; }

        public void Dispose()
        {
            Synth.Dispose();
            App.Dispose();
        }
    }

    private readonly SynthesizedStack _synth = fixture.Synth;
    private static readonly RouteSpec[] Routes = RouteSpec.EveryShape;

    private string ApiLogicalId => Assert.Single(_synth.ResourcesOfType("AWS::ApiGateway::RestApi")).LogicalId;

    /// <summary>Full path of every AWS::ApiGateway::Resource, rebuilt from ParentId links.</summary>
    private Dictionary<string, string> ResourcePaths()
    {
        var resources = _synth.ResourcesOfType("AWS::ApiGateway::Resource").ToDictionary(r => r.LogicalId, r => Props(r.Resource));
        string PathOf(string id)
        {
            var resource = resources[id];
            var parent = resource.GetProperty("ParentId");
            var prefix = parent.TryGetProperty("Ref", out var parentRef) ? PathOf(parentRef.GetString()!) : "";
            return prefix + "/" + resource.GetProperty("PathPart").GetString();
        }

        return resources.Keys.ToDictionary(id => id, PathOf);
    }

    [Fact]
    public void Creates_one_function_per_route_with_runtime_handler_architecture_memory_and_timeout() =>
        CommonAssertions.OneFunctionPerRouteWithItsSettings(_synth, Routes);

    [Fact]
    public void Builds_the_resource_tree_with_proxy_resources_for_catch_alls()
    {
        Assert.Equal(
            new[]
            {
                "/api", "/api/docs", "/api/docs/{proxy+}", "/api/hello", "/api/posts", "/api/posts/{proxy+}",
                "/api/users", "/api/users/{id}", "/api/users/{id}/posts", "/api/users/{id}/posts/{postId}",
            },
            ResourcePaths().Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Puts_an_ANY_lambda_proxy_method_on_every_route_path_pointing_at_its_function()
    {
        var paths = ResourcePaths();
        var methods = _synth.ResourcesOfType("AWS::ApiGateway::Method").Select(m => Props(m.Resource)).ToList();
        Assert.Equal(Routes.Sum(r => r.Paths.Length), methods.Count);

        foreach (var route in Routes)
        {
            var functionId = _synth.FunctionLogicalId(route.Id);
            var own = methods.Where(m => JoinText(m.GetProperty("Integration").GetProperty("Uri")).Contains("{GetAtt:" + functionId + ".Arn}")).ToList();
            Assert.Equal(route.Paths.Order(StringComparer.Ordinal), own.Select(m => paths[Ref(m.GetProperty("ResourceId"))]).Order(StringComparer.Ordinal));
            foreach (var method in own)
            {
                Assert.Equal("ANY", method.GetProperty("HttpMethod").GetString());
                Assert.Equal("AWS_PROXY", method.GetProperty("Integration").GetProperty("Type").GetString());
                Assert.Equal("POST", method.GetProperty("Integration").GetProperty("IntegrationHttpMethod").GetString());
                Assert.Equal(ApiLogicalId, Ref(method.GetProperty("RestApiId")));
            }
        }
    }

    [Fact]
    public void Grants_one_invoke_permission_per_function_scoped_to_the_api() =>
        CommonAssertions.OneInvokePermissionPerFunctionScopedToApi(_synth, Routes, ApiLogicalId);

    [Fact]
    public void Has_no_wildcard_iam_statements() => CommonAssertions.NoWildcardIam(_synth, Routes.Length);

    [Fact]
    public void Gives_each_function_its_own_log_group_with_retention_and_write_access_to_it_alone() =>
        CommonAssertions.OwnLogGroupWithRetention(_synth, Routes);

    [Fact]
    public void Stages_every_bootstrap_as_an_asset_with_aws_asset_path_metadata() =>
        CommonAssertions.AssetMetadataPointsAtExecutableBootstrap(_synth, Routes);

    [Fact]
    public void Is_a_regional_api_that_treats_every_media_type_as_binary_and_outputs_the_prod_stage_url()
    {
        var api = Props(Assert.Single(_synth.ResourcesOfType("AWS::ApiGateway::RestApi")).Resource);
        Assert.Equal(["*/*"], Strings(api.GetProperty("BinaryMediaTypes")));
        Assert.Equal(["REGIONAL"], Strings(api.GetProperty("EndpointConfiguration").GetProperty("Types")));
        Assert.Equal("TestStack-Fixture", api.GetProperty("Name").GetString());

        var (stageId, stage) = Assert.Single(_synth.ResourcesOfType("AWS::ApiGateway::Stage"));
        Assert.Equal("prod", Props(stage).GetProperty("StageName").GetString());
        Assert.Empty(_synth.ResourcesOfType("AWS::ApiGateway::Account"));
        Assert.DoesNotContain(_synth.ResourcesOfType("AWS::ApiGateway::Method"), m => Props(m.Resource).GetProperty("HttpMethod").GetString() == "OPTIONS");

        var output = CommonAssertions.SingleOutput(_synth, "ApiUrl");
        Assert.Equal("https://{Ref:" + ApiLogicalId + "}.execute-api.{Ref:AWS::Region}.{Ref:AWS::URLSuffix}/{Ref:" + stageId + "}/", JoinText(output.GetProperty("Value")));
    }

    [Fact]
    public void Fails_synth_naming_both_files_when_a_resource_would_need_two_variable_children()
    {
        using var app = BuiltApp.Create(
        [
            new RouteSpec("ApiUsersId", "api/users/[id].cs", "/api/users/[id]", ["/api/users/{id}"]),
            new RouteSpec("ApiUsersRestCatchAll", "api/users/[...rest].cs", "/api/users/[...rest]", ["/api/users/{proxy+}"]),
        ]);
        var stack = new Amazon.CDK.Stack(new Amazon.CDK.App(), "Rejected");

        var error = Assert.Throws<LambdaRoutesException>(() =>
            new LambdaRoutesApi(stack, "Api", new LambdaRoutesApiProps { Manifest = app.ManifestPath, ApiKind = ApiKind.Rest }));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.RestSecondVariableChild, diagnostic.Code);
        Assert.Equal("api/users/[...rest].cs", diagnostic.File);
        Assert.Contains("api/users/[id].cs", diagnostic.Message);
        Assert.Contains("REST API", error.Message);
    }

    [Fact]
    public void Matches_the_golden_template() => Golden.AssertMatches("rest-every-shape.template.json", _synth.Json);
}
