using System.Text.Json;
using Amazon.CDK;
using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Authorizers;

public sealed class RestRequestAuthorizerFixture() : SynthesisFixture(AppAuthorizerApp.Create(), (manifest, _) => new LambdaRoutesApiProps
{
    Manifest = manifest,
    ApiKind = ApiKind.Rest,
    Authorizers = new Dictionary<string, RouteAuthorizer>
    {
        ["partners"] = new LambdaRequestAuthorizer
        {
            IdentitySources = RestRequestAuthorizerSynthesisTests.IdentitySources,
            ResultsCacheTtlSeconds = 60,
        },
    },
});

/// <summary>
/// REST API: the app's authorizer file as a Lambda REQUEST authorizer, with its identity sources and result cache, on
/// the route that chose it and not on the public one.
/// </summary>
public sealed class RestRequestAuthorizerSynthesisTests(RestRequestAuthorizerFixture fixture) : IClassFixture<RestRequestAuthorizerFixture>
{
    internal static readonly string[] IdentitySources = ["method.request.header.X-Api-Key", "method.request.querystring.tenant"];

    private readonly SynthesizedStack _synth = fixture.Synth;

    [Fact]
    public void The_request_authorizer_calls_the_app_authorizer_with_its_identity_sources_and_cache()
    {
        var functionId = _synth.Stack.GetLogicalId((CfnElement)_synth.Api.AuthorizerFunctions["partners"].Function.Node.DefaultChild!);
        var authorizer = TemplateJson.Props(Assert.Single(_synth.ResourcesOfType("AWS::ApiGateway::Authorizer")).Resource);

        Assert.Equal(("REQUEST", "partners", 60), (authorizer.GetProperty("Type").GetString(), authorizer.GetProperty("Name").GetString(),
            authorizer.GetProperty("AuthorizerResultTtlInSeconds").GetInt32()));
        Assert.Equal(IdentitySources, authorizer.GetProperty("IdentitySource").GetString()!.Split(',', StringSplitOptions.TrimEntries));
        Assert.Contains(functionId, JsonSerializer.Serialize(authorizer.GetProperty("AuthorizerUri")), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_route_that_chose_it_is_custom_and_api_gateway_may_invoke_the_function_through_that_authorizer()
    {
        var functionId = _synth.Stack.GetLogicalId((CfnElement)_synth.Api.AuthorizerFunctions["partners"].Function.Node.DefaultChild!);
        var methods = _synth.ResourcesOfType("AWS::ApiGateway::Method").Select(m => TemplateJson.Props(m.Resource))
            .Where(m => m.GetProperty("HttpMethod").GetString() != "OPTIONS")
            .Select(m => m.GetProperty("AuthorizationType").GetString()).Order(StringComparer.Ordinal);
        var permission = Assert.Single(_synth.ResourcesOfType("AWS::Lambda::Permission"),
            p => JsonSerializer.Serialize(TemplateJson.Props(p.Resource).GetProperty("FunctionName")).Contains(functionId, StringComparison.Ordinal));

        Assert.Equal(["CUSTOM", "NONE"], methods);
        Assert.Contains("/authorizers/", TemplateJson.JoinText(TemplateJson.Props(permission.Resource).GetProperty("SourceArn")), StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_cfn_lint_without_findings() => CfnLint.AssertClean(_synth.TemplatePath);

    /// <summary>The REST Lambda REQUEST authorizer (on the app's own authorizer function) in the golden set.</summary>
    [Fact]
    public void Matches_the_golden_template() => Golden.AssertMatches("rest-request-authorizer.template.json", _synth.Json);
}
