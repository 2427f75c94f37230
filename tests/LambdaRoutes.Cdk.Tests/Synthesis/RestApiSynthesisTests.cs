using System.Text.Json;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Tests.Support;
using static LambdaRoutes.Cdk.Tests.Support.TemplateJson;

namespace LambdaRoutes.Cdk.Tests.Synthesis;

/// <summary>The REST API variant (payload 1.0) over every Next route shape, synthesized once.</summary>
public sealed class RestApiSynthesisTests(RestApiSynthesisTests.Fixture fixture)
    : EveryShapeSynthesisTests(fixture), IClassFixture<RestApiSynthesisTests.Fixture>
{
    public sealed class Fixture() : SynthesisFixture(BuiltApp.Create(RouteSpec.EveryShape),
        (manifest, _) => new LambdaRoutesApiProps { Manifest = manifest, ApiKind = ApiKind.Rest });

    private string ApiLogicalId => Assert.Single(Synth.ResourcesOfType("AWS::ApiGateway::RestApi")).LogicalId;

    /// <summary>Full path of every AWS::ApiGateway::Resource, rebuilt from ParentId links.</summary>
    private Dictionary<string, string> ResourcePaths()
    {
        var resources = Synth.ResourcesOfType("AWS::ApiGateway::Resource").ToDictionary(r => r.LogicalId, r => Props(r.Resource));
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
        var methods = Synth.ResourcesOfType("AWS::ApiGateway::Method").Select(m => Props(m.Resource)).ToList();
        Assert.Equal(Routes.Sum(r => r.Paths.Length), methods.Count);

        foreach (var route in Routes)
        {
            var functionId = Synth.FunctionLogicalId(route.Id);
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
        CommonAssertions.OneInvokePermissionPerFunctionScopedToApi(Synth, Routes, ApiLogicalId);

    [Fact]
    public void Is_a_regional_api_that_treats_every_media_type_as_binary_and_outputs_the_prod_stage_url()
    {
        var api = Props(Assert.Single(Synth.ResourcesOfType("AWS::ApiGateway::RestApi")).Resource);
        Assert.Equal(["*/*"], Strings(api.GetProperty("BinaryMediaTypes")));
        Assert.Equal(["REGIONAL"], Strings(api.GetProperty("EndpointConfiguration").GetProperty("Types")));
        Assert.Equal("TestStack-Fixture", api.GetProperty("Name").GetString());

        var (stageId, stage) = Assert.Single(Synth.ResourcesOfType("AWS::ApiGateway::Stage"));
        Assert.Equal("prod", Props(stage).GetProperty("StageName").GetString());
        Assert.Empty(Synth.ResourcesOfType("AWS::ApiGateway::Account"));
        Assert.DoesNotContain(Synth.ResourcesOfType("AWS::ApiGateway::Method"), m => Props(m.Resource).GetProperty("HttpMethod").GetString() == "OPTIONS");

        var output = CommonAssertions.SingleOutput(Synth, "ApiUrl");
        Assert.Equal("https://{Ref:" + ApiLogicalId + "}.execute-api.{Ref:AWS::Region}.{Ref:AWS::URLSuffix}/{Ref:" + stageId + "}/", JoinText(output.GetProperty("Value")));
    }

    [Fact]
    public void Fails_synth_naming_both_files_when_a_resource_would_need_two_variable_children()
    {
        using var app = BuiltApp.Create(RouteSpec.TwoVariableChildren);
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
    public void Matches_the_golden_template() => Golden.AssertMatches("rest-every-shape.template.json", Synth.Json);
}
