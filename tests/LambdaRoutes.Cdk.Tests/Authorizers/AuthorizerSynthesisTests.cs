using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Authorizers;

public sealed class HttpAuthorizerFixture : SynthesisFixture
{
    public HttpAuthorizerFixture()
        : this(AuthorizedApp.Create())
    {
    }

    private HttpAuthorizerFixture(BuiltApp app)
        : base(app, (manifest, stack) => new LambdaRoutesApiProps
        {
            Manifest = manifest,
            Authorizers = new Dictionary<string, RouteAuthorizer>
            {
                ["users"] = new JwtAuthorizer { Issuer = "https://issuer.example.com", Audiences = ["app-client"] },
                ["partners"] = new LambdaRequestAuthorizer { Handler = AuthorizedApp.AuthorizerFunction(stack), ResultsCacheTtlSeconds = 60 },
                ["iam"] = new IamAuthorizer(),
            },
            DefaultAuthorizer = "users",
        })
    {
    }
}

public sealed class RestAuthorizerFixture : SynthesisFixture
{
    public RestAuthorizerFixture()
        : this(AuthorizedApp.Create())
    {
    }

    private RestAuthorizerFixture(BuiltApp app)
        : base(app, (manifest, stack) => new LambdaRoutesApiProps
        {
            Manifest = manifest,
            ApiKind = ApiKind.Rest,
            Authorizers = new Dictionary<string, RouteAuthorizer>
            {
                ["users"] = new CognitoAuthorizer { UserPools = [UserPool.FromUserPoolId(stack, "Pool", "us-east-1_Example1")] },
                ["partners"] = new LambdaTokenAuthorizer { Handler = AuthorizedApp.AuthorizerFunction(stack), ValidationRegex = "^Bearer .+$" },
                ["iam"] = new IamAuthorizer(),
            },
            DefaultAuthorizer = "users",
        })
    {
    }
}

/// <summary>HTTP API: JWT (default and scoped), Lambda REQUEST, IAM and a public route, as CloudFormation gets them.</summary>
public sealed class HttpAuthorizerSynthesisTests(HttpAuthorizerFixture fixture) : IClassFixture<HttpAuthorizerFixture>
{
    private readonly SynthesizedStack _synth = fixture.Synth;

    [Fact]
    public void Declares_each_used_authorizer_once()
    {
        var authorizers = _synth.ResourcesOfType("AWS::ApiGatewayV2::Authorizer").ToDictionary(a => TemplateJson.Props(a.Resource).GetProperty("Name").GetString()!);

        Assert.Equal(["partners", "users"], authorizers.Keys.Order());
        var jwt = TemplateJson.Props(authorizers["users"].Resource);
        Assert.Equal("JWT", jwt.GetProperty("AuthorizerType").GetString());
        Assert.Equal("https://issuer.example.com", jwt.GetProperty("JwtConfiguration").GetProperty("Issuer").GetString());
        Assert.Equal(["app-client"], TemplateJson.Strings(jwt.GetProperty("JwtConfiguration").GetProperty("Audience")));
        Assert.Equal(["$request.header.Authorization"], TemplateJson.Strings(jwt.GetProperty("IdentitySource")));

        var lambda = TemplateJson.Props(authorizers["partners"].Resource);
        Assert.Equal("REQUEST", lambda.GetProperty("AuthorizerType").GetString());
        Assert.Equal("2.0", lambda.GetProperty("AuthorizerPayloadFormatVersion").GetString());
        Assert.True(lambda.GetProperty("EnableSimpleResponses").GetBoolean());
        Assert.Equal(60, lambda.GetProperty("AuthorizerResultTtlInSeconds").GetInt32());
        Assert.Contains("/invocations", TemplateJson.JoinText(lambda.GetProperty("AuthorizerUri")), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_route_gets_the_authorizer_it_chose_or_the_default()
    {
        var authorizerIds = _synth.ResourcesOfType("AWS::ApiGatewayV2::Authorizer")
            .ToDictionary(a => a.LogicalId, a => TemplateJson.Props(a.Resource).GetProperty("Name").GetString());
        var routes = _synth.ResourcesOfType("AWS::ApiGatewayV2::Route").Select(r => TemplateJson.Props(r.Resource))
            .ToDictionary(r => r.GetProperty("RouteKey").GetString()!);

        string? Type(string key) => routes[key].TryGetProperty("AuthorizationType", out var t) ? t.GetString() : null;
        string? Authorizer(string key) => routes[key].TryGetProperty("AuthorizerId", out var id) ? authorizerIds[TemplateJson.Ref(id)] : null;

        Assert.Equal(("JWT", "users"), (Type("ANY /api/default"), Authorizer("ANY /api/default")));
        Assert.False(routes["ANY /api/default"].TryGetProperty("AuthorizationScopes", out _));
        Assert.Equal(("JWT", "users"), (Type("ANY /api/scoped"), Authorizer("ANY /api/scoped")));
        Assert.Equal(AuthorizedApp.Scopes, TemplateJson.Strings(routes["ANY /api/scoped"].GetProperty("AuthorizationScopes")));
        Assert.Equal(("CUSTOM", "partners"), (Type("ANY /api/partners"), Authorizer("ANY /api/partners")));
        Assert.Equal(("AWS_IAM", null), (Type("ANY /api/signed"), Authorizer("ANY /api/signed")));
        Assert.Equal((null, null), (Type("ANY /api/health"), Authorizer("ANY /api/health")));
    }

    [Fact]
    public void Api_gateway_may_invoke_the_lambda_authorizer_through_that_authorizer_alone()
    {
        var permission = Assert.Single(_synth.ResourcesOfType("AWS::Lambda::Permission"),
            p => JsonSerializer.Serialize(TemplateJson.Props(p.Resource).GetProperty("FunctionName")).Contains(AuthorizedApp.AuthorizerArn, StringComparison.Ordinal));
        var props = TemplateJson.Props(permission.Resource);

        Assert.Equal("apigateway.amazonaws.com", props.GetProperty("Principal").GetString());
        Assert.Contains("/authorizers/", TemplateJson.JoinText(props.GetProperty("SourceArn")), StringComparison.Ordinal);
    }

    [Fact]
    public void Passes_cfn_lint_without_findings() => CfnLint.AssertClean(_synth.TemplatePath);

    /// <summary>JWT, Lambda REQUEST and IAM authorizers in the golden set: a change to any of them shows in review.</summary>
    [Fact]
    public void Matches_the_golden_template() => Golden.AssertMatches("http-authorizers.template.json", _synth.Json);
}

/// <summary>REST API: Cognito (default and scoped), Lambda TOKEN, IAM and a public route.</summary>
public sealed class RestAuthorizerSynthesisTests(RestAuthorizerFixture fixture) : IClassFixture<RestAuthorizerFixture>
{
    private readonly SynthesizedStack _synth = fixture.Synth;

    [Fact]
    public void Declares_each_used_authorizer_once()
    {
        var authorizers = _synth.ResourcesOfType("AWS::ApiGateway::Authorizer").ToDictionary(a => TemplateJson.Props(a.Resource).GetProperty("Name").GetString()!);

        Assert.Equal(["partners", "users"], authorizers.Keys.Order());
        var cognito = TemplateJson.Props(authorizers["users"].Resource);
        Assert.Equal("COGNITO_USER_POOLS", cognito.GetProperty("Type").GetString());
        Assert.Contains("userpool/us-east-1_Example1", TemplateJson.JoinText(cognito.GetProperty("ProviderARNs")[0]), StringComparison.Ordinal);
        var token = TemplateJson.Props(authorizers["partners"].Resource);
        Assert.Equal("TOKEN", token.GetProperty("Type").GetString());
        Assert.Equal("^Bearer .+$", token.GetProperty("IdentityValidationExpression").GetString());
        Assert.Equal("method.request.header.Authorization", token.GetProperty("IdentitySource").GetString());
    }

    [Fact]
    public void Each_method_gets_the_authorizer_it_chose_or_the_default()
    {
        var authorizerIds = _synth.ResourcesOfType("AWS::ApiGateway::Authorizer")
            .ToDictionary(a => a.LogicalId, a => TemplateJson.Props(a.Resource).GetProperty("Name").GetString());
        var resources = _synth.ResourcesOfType("AWS::ApiGateway::Resource")
            .ToDictionary(r => r.LogicalId, r => TemplateJson.Props(r.Resource).GetProperty("PathPart").GetString());
        var methods = _synth.ResourcesOfType("AWS::ApiGateway::Method").Select(m => TemplateJson.Props(m.Resource))
            .Where(m => m.GetProperty("HttpMethod").GetString() != "OPTIONS")
            .ToDictionary(m => m.GetProperty("HttpMethod").GetString() + " " + resources[TemplateJson.Ref(m.GetProperty("ResourceId"))]);

        string Type(string key) => methods[key].GetProperty("AuthorizationType").GetString()!;
        string? Authorizer(string key) => methods[key].TryGetProperty("AuthorizerId", out var id) ? authorizerIds[TemplateJson.Ref(id)] : null;

        Assert.Equal(("COGNITO_USER_POOLS", "users"), (Type("ANY default"), Authorizer("ANY default")));
        Assert.Equal(("COGNITO_USER_POOLS", "users"), (Type("ANY scoped"), Authorizer("ANY scoped")));
        Assert.Equal(AuthorizedApp.Scopes, TemplateJson.Strings(methods["ANY scoped"].GetProperty("AuthorizationScopes")));
        Assert.Equal(("CUSTOM", "partners"), (Type("ANY partners"), Authorizer("ANY partners")));
        Assert.Equal(("AWS_IAM", null), (Type("ANY signed"), Authorizer("ANY signed")));
        Assert.Equal(("NONE", null), (Type("ANY health"), Authorizer("ANY health")));
    }

    [Fact]
    public void Passes_cfn_lint_without_findings() => CfnLint.AssertClean(_synth.TemplatePath);

    /// <summary>Cognito, Lambda TOKEN and IAM authorizers in the golden set: a change to any of them shows in review.</summary>
    [Fact]
    public void Matches_the_golden_template() => Golden.AssertMatches("rest-authorizers.template.json", _synth.Json);
}

/// <summary>Mistakes in the declarations are all reported at synth, before anything is deployed.</summary>
public sealed class AuthorizerDeclarationErrorTests
{
    [Fact]
    public void An_undeclared_name_is_LRC400_on_the_route_file_with_the_declared_ones()
    {
        using var app = AuthorizedApp.Create(partners: "partnrs");
        var error = Assert.Throws<LambdaRoutesException>(() => Synth(app, new Dictionary<string, RouteAuthorizer>
        {
            ["users"] = new JwtAuthorizer { Issuer = "https://issuer.example.com", Audiences = ["a"] },
            ["iam"] = new IamAuthorizer(),
        }, ApiKind.Http));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownAuthorizer, diagnostic.Code);
        Assert.Equal("api/partners.cs", diagnostic.File);
        Assert.Contains("'partnrs'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("declared: iam, users", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jwt_authorizer_on_a_rest_api_and_scopes_on_iam_are_both_reported()
    {
        using var app = BuiltApp.Create([new RouteSpec("Api", "api/index.cs", "/api", ["/api"])], edit: manifest =>
        {
            var settings = manifest["routes"]![0]!["settings"]!.AsObject();
            settings["authorizer"] = "iam";
            settings["authorizationScopes"] = new System.Text.Json.Nodes.JsonArray("a/b");
        });
        var error = Assert.Throws<LambdaRoutesException>(() => Synth(app, new Dictionary<string, RouteAuthorizer>
        {
            ["users"] = new JwtAuthorizer { Issuer = "https://issuer.example.com", Audiences = ["a"] },
            ["iam"] = new IamAuthorizer(),
        }, ApiKind.Rest));

        Assert.Equal([DiagnosticCodes.AuthorizerNotForApiKind, DiagnosticCodes.ScopesNeedJwt], error.Diagnostics.Select(d => d.Code));
        Assert.Contains("JwtAuthorizer", error.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_default_is_LRC400()
    {
        using var app = BuiltApp.Create([new RouteSpec("Api", "api/index.cs", "/api", ["/api"])]);
        var error = Assert.Throws<LambdaRoutesException>(() => Synth(app, new Dictionary<string, RouteAuthorizer>(), ApiKind.Http, defaultAuthorizer: "users"));

        Assert.Equal(DiagnosticCodes.UnknownAuthorizer, Assert.Single(error.Diagnostics).Code);
        Assert.Contains("none are declared", error.Message, StringComparison.Ordinal);
    }

    private static void Synth(BuiltApp app, Dictionary<string, RouteAuthorizer> authorizers, ApiKind kind, string? defaultAuthorizer = null)
    {
        var stack = new Stack(new App(), "Errors");
        _ = new LambdaRoutesApi(stack, "Api", new LambdaRoutesApiProps
        {
            Manifest = app.ManifestPath,
            ApiKind = kind,
            Authorizers = authorizers,
            DefaultAuthorizer = defaultAuthorizer,
        });
    }
}
