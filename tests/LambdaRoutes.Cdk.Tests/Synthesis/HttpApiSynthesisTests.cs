using System.Text.Json;
using LambdaRoutes.Cdk.Tests.Support;
using static LambdaRoutes.Cdk.Tests.Support.TemplateJson;

namespace LambdaRoutes.Cdk.Tests.Synthesis;

/// <summary>The default: an HTTP API (payload 2.0) over every Next route shape, synthesized once.</summary>
public sealed class HttpApiSynthesisTests(HttpApiSynthesisTests.Fixture fixture)
    : EveryShapeSynthesisTests(fixture), IClassFixture<HttpApiSynthesisTests.Fixture>
{
    public sealed class Fixture() : SynthesisFixture(BuiltApp.Create(RouteSpec.EveryShape),
        (manifest, _) => new LambdaRoutesApiProps { Manifest = manifest });

    private string ApiLogicalId => Assert.Single(Synth.ResourcesOfType("AWS::ApiGatewayV2::Api")).LogicalId;

    [Fact]
    public void Creates_an_ANY_route_for_every_path_with_proxy_for_catch_alls_and_two_for_the_optional_catch_all()
    {
        var keys = Synth.ResourcesOfType("AWS::ApiGatewayV2::Route")
            .Select(r => Props(r.Resource).GetProperty("RouteKey").GetString())
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            new[]
            {
                "ANY /api", "ANY /api/docs", "ANY /api/docs/{proxy+}", "ANY /api/hello",
                "ANY /api/posts/{proxy+}", "ANY /api/users/{id}", "ANY /api/users/{id}/posts/{postId}",
            },
            keys);
    }

    [Fact]
    public void Routes_reach_their_own_function_through_a_payload_2_0_proxy_integration()
    {
        var resources = Synth.Json.GetProperty("Resources");
        foreach (var route in Routes)
        {
            var functionId = Synth.FunctionLogicalId(route.Id);
            var integrations = Synth.ResourcesOfType("AWS::ApiGatewayV2::Integration")
                .Where(i => GetAttTarget(Props(i.Resource).GetProperty("IntegrationUri")) == functionId)
                .ToList();
            var (integrationId, integration) = Assert.Single(integrations);
            Assert.Equal("AWS_PROXY", Props(integration).GetProperty("IntegrationType").GetString());
            Assert.Equal("2.0", Props(integration).GetProperty("PayloadFormatVersion").GetString());
            Assert.Equal(ApiLogicalId, Ref(Props(integration).GetProperty("ApiId")));

            var routeKeys = Synth.ResourcesOfType("AWS::ApiGatewayV2::Route")
                .Where(r => JoinText(Props(r.Resource).GetProperty("Target")) == "integrations/{Ref:" + integrationId + "}")
                .Select(r => Props(r.Resource).GetProperty("RouteKey").GetString()!)
                .Order(StringComparer.Ordinal);
            Assert.Equal(route.Paths.Select(p => "ANY " + p).Order(StringComparer.Ordinal), routeKeys);
        }
    }

    [Fact]
    public void Grants_one_invoke_permission_per_function_scoped_to_the_api_and_its_paths()
    {
        CommonAssertions.OneInvokePermissionPerFunctionScopedToApi(Synth, Routes, ApiLogicalId);

        var docs = Assert.Single(Synth.ResourcesOfType("AWS::Lambda::Permission"),
            p => GetAttTarget(Props(p.Resource).GetProperty("FunctionName")) == Synth.FunctionLogicalId("ApiDocsSlugOptionalCatchAll"));
        Assert.EndsWith("}/*/*/api/docs*", JoinText(Props(docs.Resource).GetProperty("SourceArn")));
        var user = Assert.Single(Synth.ResourcesOfType("AWS::Lambda::Permission"),
            p => GetAttTarget(Props(p.Resource).GetProperty("FunctionName")) == Synth.FunctionLogicalId("ApiUsersId"));
        Assert.EndsWith("}/*/*/api/users/*", JoinText(Props(user.Resource).GetProperty("SourceArn")));
    }

    [Fact]
    public void Deploys_an_auto_deployed_default_stage_with_cors_off_and_outputs_the_url()
    {
        var stage = Props(Assert.Single(Synth.ResourcesOfType("AWS::ApiGatewayV2::Stage")).Resource);
        Assert.Equal("$default", stage.GetProperty("StageName").GetString());
        Assert.True(stage.GetProperty("AutoDeploy").GetBoolean());

        var api = Props(Assert.Single(Synth.ResourcesOfType("AWS::ApiGatewayV2::Api")).Resource);
        Assert.Equal("HTTP", api.GetProperty("ProtocolType").GetString());
        Assert.False(api.TryGetProperty("CorsConfiguration", out _), "CORS is off by default, as in Next.js");

        var output = CommonAssertions.SingleOutput(Synth, "ApiUrl");
        Assert.Equal("https://{Ref:" + ApiLogicalId + "}.execute-api.{Ref:AWS::Region}.{Ref:AWS::URLSuffix}/", JoinText(output.GetProperty("Value")));
    }

    [Fact]
    public void FunctionFor_finds_a_route_by_pattern_file_or_id_and_lists_the_routes_when_it_cannot()
    {
        var expected = Synth.Api.Routes["ApiUsersId"].Function;
        Assert.Same(expected, Synth.Api.FunctionFor("/api/users/[id]"));
        Assert.Same(expected, Synth.Api.FunctionFor("api/users/[id].cs"));
        Assert.Same(expected, Synth.Api.FunctionFor("ApiUsersId"));
        Assert.NotSame(expected, Synth.Api.FunctionFor("/api/users/[id]/posts/[postId]"));

        var error = Assert.Throws<ArgumentException>(() => Synth.Api.FunctionFor("/api/nope"));
        Assert.Contains("/api/nope", error.Message);
        Assert.Contains("/api/docs/[[...slug]]", error.Message);
    }

    [Fact]
    public void Matches_the_golden_template() => Golden.AssertMatches("http-every-shape.template.json", Synth.Json);
}
