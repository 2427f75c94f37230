using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Authorizers;

/// <summary>
/// A built app with its own Lambda authorizer, <c>authorizers/partners.cs</c>, as the packager writes it into the
/// manifest (<c>kind</c> "authorizer", its name as <c>route</c>, no paths); <c>api/partners.cs</c> chooses it and
/// <c>api/health.cs</c> is public.
/// </summary>
internal static class AppAuthorizerApp
{
    public static BuiltApp Create(bool withAuthorizerFile = true) => BuiltApp.Create(
        [
            new RouteSpec("ApiPartners", "api/partners.cs", "/api/partners", ["/api/partners"]),
            new RouteSpec("ApiHealth", "api/health.cs", "/api/health", ["/api/health"]),
            .. withAuthorizerFile ? [new RouteSpec("AuthorizerPartners", "authorizers/partners.cs", "partners", [])] : Array.Empty<RouteSpec>(),
        ],
        edit: manifest =>
        {
            foreach (var route in manifest["routes"]!.AsArray())
            {
                switch ((string?)route!["id"])
                {
                    case "ApiPartners": route["settings"]!["authorizer"] = "partners"; break;
                    case "AuthorizerPartners":
                        route["kind"] = "authorizer";
                        route["style"] = "authorizer";
                        route["methods"] = new JsonArray();
                        route["settings"]!.AsObject().Remove("bodySizeLimit");
                        break;
                }
            }
        });
}

public sealed class HttpAppAuthorizerFixture() : SynthesisFixture(AppAuthorizerApp.Create(), (manifest, _) => new LambdaRoutesApiProps
{
    Manifest = manifest,
    Authorizers = new Dictionary<string, RouteAuthorizer> { ["partners"] = new LambdaRequestAuthorizer { IdentitySources = HttpAppAuthorizerSynthesisTests.IdentitySources, ResultsCacheTtlSeconds = 60 } },
});

public sealed class RestAppAuthorizerFixture() : SynthesisFixture(AppAuthorizerApp.Create(), (manifest, _) => new LambdaRoutesApiProps
{
    Manifest = manifest,
    ApiKind = ApiKind.Rest,
    Authorizers = new Dictionary<string, RouteAuthorizer> { ["partners"] = new LambdaTokenAuthorizer() },
});

/// <summary>HTTP API: the app's authorizer file becomes its own function, the REQUEST authorizer's target, and no route.</summary>
public sealed class HttpAppAuthorizerSynthesisTests(HttpAppAuthorizerFixture fixture) : IClassFixture<HttpAppAuthorizerFixture>
{
    internal static readonly string[] IdentitySources = ["$request.header.X-Api-Key", "$request.querystring.tenant"];

    private readonly SynthesizedStack _synth = fixture.Synth;

    [Fact]
    public void The_authorizer_file_is_a_function_of_its_own_and_the_request_authorizer_calls_it_with_its_identity_sources_and_cache()
    {
        var function = _synth.Api.AuthorizerFunctions["partners"];
        var functionId = _synth.Stack.GetLogicalId((CfnElement)function.Function.Node.DefaultChild!);
        var authorizer = TemplateJson.Props(Assert.Single(_synth.ResourcesOfType("AWS::ApiGatewayV2::Authorizer")).Resource);

        Assert.Equal(("REQUEST", "2.0", true), (authorizer.GetProperty("AuthorizerType").GetString(),
            authorizer.GetProperty("AuthorizerPayloadFormatVersion").GetString(), authorizer.GetProperty("EnableSimpleResponses").GetBoolean()));
        Assert.Equal(IdentitySources, TemplateJson.Strings(authorizer.GetProperty("IdentitySource")));
        Assert.Equal(60, authorizer.GetProperty("AuthorizerResultTtlInSeconds").GetInt32());
        Assert.Contains(functionId, JsonSerializer.Serialize(authorizer.GetProperty("AuthorizerUri")), StringComparison.Ordinal);
        Assert.Equal("authorizers/partners.cs", function.Route.File);
        Assert.Equal(["ApiHealth", "ApiPartners"], _synth.Api.Routes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, _synth.ResourcesOfType("AWS::ApiGatewayV2::Route").Count());
        Assert.Equal("provided.al2023", TemplateJson.Props(_synth.Json.GetProperty("Resources").GetProperty(functionId)).GetProperty("Runtime").GetString());
    }

    [Fact]
    public void Api_gateway_may_invoke_the_app_authorizer_through_that_authorizer_alone()
    {
        var functionId = _synth.Stack.GetLogicalId((CfnElement)_synth.Api.AuthorizerFunctions["partners"].Function.Node.DefaultChild!);
        var permission = Assert.Single(_synth.ResourcesOfType("AWS::Lambda::Permission"),
            p => JsonSerializer.Serialize(TemplateJson.Props(p.Resource).GetProperty("FunctionName")).Contains(functionId, StringComparison.Ordinal));

        Assert.Contains("/authorizers/", TemplateJson.JoinText(TemplateJson.Props(permission.Resource).GetProperty("SourceArn")), StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_cfn_lint_without_findings() => CfnLint.AssertClean(_synth.TemplatePath);
}

/// <summary>REST API: the same file as a TOKEN authorizer's function.</summary>
public sealed class RestAppAuthorizerSynthesisTests(RestAppAuthorizerFixture fixture) : IClassFixture<RestAppAuthorizerFixture>
{
    private readonly SynthesizedStack _synth = fixture.Synth;

    [Fact]
    public void The_token_authorizer_calls_the_app_authorizer_function()
    {
        var functionId = _synth.Stack.GetLogicalId((CfnElement)_synth.Api.AuthorizerFunctions["partners"].Function.Node.DefaultChild!);
        var authorizer = TemplateJson.Props(Assert.Single(_synth.ResourcesOfType("AWS::ApiGateway::Authorizer")).Resource);

        Assert.Equal("TOKEN", authorizer.GetProperty("Type").GetString());
        Assert.Contains(functionId, JsonSerializer.Serialize(authorizer.GetProperty("AuthorizerUri")), StringComparison.Ordinal);
        Assert.Contains(_synth.ResourcesOfType("AWS::Lambda::Permission"),
            p => JsonSerializer.Serialize(TemplateJson.Props(p.Resource).GetProperty("FunctionName")).Contains(functionId, StringComparison.Ordinal));
    }

    [Fact]
    public void Passes_cfn_lint_without_findings() => CfnLint.AssertClean(_synth.TemplatePath);
}

/// <summary>A Lambda authorizer without a Handler needs the app file of its name.</summary>
public sealed class AppAuthorizerDeclarationErrorTests
{
    [Fact]
    public void A_lambda_authorizer_without_handler_or_file_is_LRC403_naming_the_missing_file()
    {
        using var app = AppAuthorizerApp.Create(withAuthorizerFile: false);
        var stack = new Stack(new App(), "Errors");

        var error = Assert.Throws<LambdaRoutesException>(() => new LambdaRoutesApi(stack, "Api", new LambdaRoutesApiProps
        {
            Manifest = app.ManifestPath,
            Authorizers = new Dictionary<string, RouteAuthorizer> { ["partners"] = new LambdaRequestAuthorizer() },
        }));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.AuthorizerFunctionMissing, diagnostic.Code);
        Assert.Contains("authorizers/partners.cs", diagnostic.Message, StringComparison.Ordinal);
    }
}
