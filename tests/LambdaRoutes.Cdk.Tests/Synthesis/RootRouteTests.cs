using LambdaRoutes.Cdk.Tests.Support;
using static LambdaRoutes.Cdk.Tests.Support.TemplateJson;

namespace LambdaRoutes.Cdk.Tests.Synthesis;

/// <summary>An optional catch-all at the very root (<c>[[...slug]].cs</c> beside nothing): "/" plus "/{proxy+}".</summary>
public sealed class RootRouteTests
{
    private static readonly RouteSpec[] Routes =
    [
        new("SlugOptionalCatchAll", "[[...slug]].cs", "/[[...slug]]", ["/", "/{proxy+}"]),
    ];

    [Fact]
    public void Http_api_routes_the_root_and_everything_below_it()
    {
        using var app = BuiltApp.Create(Routes);
        using var synth = new SynthesizedStack(new LambdaRoutesApiProps { Manifest = app.ManifestPath });

        var keys = synth.ResourcesOfType("AWS::ApiGatewayV2::Route").Select(r => Props(r.Resource).GetProperty("RouteKey").GetString());
        Assert.Equal(["ANY /", "ANY /{proxy+}"], keys.Order(StringComparer.Ordinal));
        var permission = Props(Assert.Single(synth.ResourcesOfType("AWS::Lambda::Permission")).Resource);
        Assert.EndsWith("}/*/*/*", JoinText(permission.GetProperty("SourceArn")));
        CfnLint.AssertClean(synth.TemplatePath);
    }

    [Fact]
    public void Rest_api_puts_a_method_on_the_root_resource_and_a_proxy_resource_under_it()
    {
        using var app = BuiltApp.Create(Routes);
        using var synth = new SynthesizedStack(new LambdaRoutesApiProps { Manifest = app.ManifestPath, ApiKind = ApiKind.Rest });

        var methods = synth.ResourcesOfType("AWS::ApiGateway::Method").Select(m => Props(m.Resource)).ToList();
        Assert.Equal(2, methods.Count);
        var onRoot = Assert.Single(methods, m => m.GetProperty("ResourceId").TryGetProperty("Fn::GetAtt", out _));
        Assert.Equal("RootResourceId", onRoot.GetProperty("ResourceId").GetProperty("Fn::GetAtt")[1].GetString());
        var proxy = Props(Assert.Single(synth.ResourcesOfType("AWS::ApiGateway::Resource")).Resource);
        Assert.Equal("{proxy+}", proxy.GetProperty("PathPart").GetString());
        CfnLint.AssertClean(synth.TemplatePath);
    }
}
