using System.Text.Json.Nodes;
using LambdaRoutes.Cdk.Tests.Support;
using static LambdaRoutes.Cdk.Tests.Support.TemplateJson;

namespace LambdaRoutes.Cdk.Tests.Synthesis;

/// <summary>
/// A route marked <c>"streaming": true</c> in the manifest (from <c>[RouteConfig(Streaming = true)]</c>): REST wires it
/// with InvokeWithResponseStream and <c>ResponseTransferMode</c> STREAM (https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode-lambda.html); an HTTP API cannot stream, so the
/// route also gets a function URL in <c>RESPONSE_STREAM</c> mode (https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html). Other routes are untouched.
/// </summary>
public sealed class StreamingRouteTests
{
    private static readonly RouteSpec[] Routes =
    [
        new("ApiEvents", "api/events.cs", "/api/events", ["/api/events"], ["GET"]),
        new("ApiHello", "api/hello.cs", "/api/hello", ["/api/hello"]),
    ];

    private static BuiltApp App() => BuiltApp.Create(Routes, edit: manifest =>
        manifest["routes"]![0]!["settings"]!["streaming"] = true);

    [Fact]
    public void Rest_streams_the_marked_route_only()
    {
        using var app = App();
        using var synth = new SynthesizedStack(new LambdaRoutesApiProps { Manifest = app.ManifestPath, ApiKind = ApiKind.Rest });

        Assert.True(synth.Api.Manifest.Routes[0].Streaming);
        var methods = synth.ResourcesOfType("AWS::ApiGateway::Method").Select(m => Props(m.Resource).GetProperty("Integration")).ToList();
        var events = methods.Single(i => JoinText(i.GetProperty("Uri")).Contains("{GetAtt:" + synth.FunctionLogicalId("ApiEvents") + ".Arn}"));
        var hello = methods.Single(i => JoinText(i.GetProperty("Uri")).Contains("{GetAtt:" + synth.FunctionLogicalId("ApiHello") + ".Arn}"));

        Assert.Equal("STREAM", events.GetProperty("ResponseTransferMode").GetString());
        Assert.EndsWith("/response-streaming-invocations", JoinText(events.GetProperty("Uri")));
        Assert.Contains(":lambda:path/2021-11-15/functions/", JoinText(events.GetProperty("Uri")));
        Assert.False(hello.TryGetProperty("ResponseTransferMode", out _));
        Assert.EndsWith("/invocations", JoinText(hello.GetProperty("Uri")));
        Assert.Empty(synth.ResourcesOfType("AWS::Lambda::Url"));
    }

    [Fact]
    public void Http_api_gives_the_marked_route_a_response_stream_function_url()
    {
        using var app = App();
        using var synth = new SynthesizedStack(new LambdaRoutesApiProps { Manifest = app.ManifestPath, ApiKind = ApiKind.Http });

        var url = Props(Assert.Single(synth.ResourcesOfType("AWS::Lambda::Url")).Resource);
        Assert.Equal("RESPONSE_STREAM", url.GetProperty("InvokeMode").GetString());
        Assert.Equal("NONE", url.GetProperty("AuthType").GetString());
        Assert.Equal(synth.FunctionLogicalId("ApiEvents"), GetAttTarget(url.GetProperty("TargetFunctionArn")));
        Assert.NotNull(synth.Api.Routes["ApiEvents"].StreamingUrl);
        Assert.Null(synth.Api.Routes["ApiHello"].StreamingUrl);
        Assert.Contains(synth.Json.GetProperty("Outputs").EnumerateObject(), o => o.Name.Contains("StreamingUrl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ApiKind.Rest)]
    [InlineData(ApiKind.Http)]
    public void Passes_cfn_lint_without_findings(ApiKind kind)
    {
        using var app = App();
        using var synth = new SynthesizedStack(new LambdaRoutesApiProps { Manifest = app.ManifestPath, ApiKind = kind });

        CfnLint.AssertClean(synth.TemplatePath);
    }
}
