using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Manifest;
using LambdaRoutes.Cdk.Tests.Support;
using static LambdaRoutes.Cdk.Tests.Support.TemplateJson;

namespace LambdaRoutes.Cdk.Tests.Synthesis;

/// <summary>
/// A route whose manifest entry names its own <c>"architecture"</c> (from <c>[RouteConfig(Architecture = "arm64")]</c>)
/// gets a function of that architecture (https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html); routes
/// without one keep the manifest's top-level architecture, as do manifests written before routes could declare one.
/// </summary>
public sealed class RouteArchitectureTests
{
    private static readonly RouteSpec[] Routes =
    [
        new("ApiGraviton", "api/graviton.cs", "/api/graviton", ["/api/graviton"]),
        new("ApiHello", "api/hello.cs", "/api/hello", ["/api/hello"]),
    ];

    private static BuiltApp App(string routeArchitecture = "arm64") => BuiltApp.Create(Routes, edit: manifest =>
        manifest["routes"]![0]!["architecture"] = routeArchitecture);

    [Theory]
    [InlineData(ApiKind.Http)]
    [InlineData(ApiKind.Rest)]
    public void A_route_marked_arm64_gets_an_arm64_function_while_the_others_stay_x86_64(ApiKind kind)
    {
        using var app = App();
        using var synth = new SynthesizedStack(new LambdaRoutesApiProps { Manifest = app.ManifestPath, ApiKind = kind });

        Assert.Equal(["arm64"], Architectures(synth, "ApiGraviton"));
        Assert.Equal(["x86_64"], Architectures(synth, "ApiHello"));
        CfnLint.AssertClean(synth.TemplatePath);
    }

    [Fact]
    public void A_route_without_its_own_architecture_takes_the_manifests()
    {
        using var app = BuiltApp.Create(Routes, architecture: "arm64", edit: manifest =>
            manifest["routes"]![1]!["architecture"] = "x86_64");

        var manifest = ManifestReader.Read(app.ManifestPath);

        Assert.Equal(("arm64", "x86_64"), (manifest.Routes[0].Architecture, manifest.Routes[1].Architecture));
    }

    [Fact]
    public void An_unknown_route_architecture_is_reported_on_its_route()
    {
        using var app = App(routeArchitecture: "mips");

        var error = Assert.Throws<LambdaRoutesException>(() => ManifestReader.Read(app.ManifestPath));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((DiagnosticCodes.UnsupportedArchitecture, "api/graviton.cs"), (diagnostic.Code, diagnostic.File));
        Assert.Contains("architecture 'mips' is not x86_64 or arm64.", error.Message);
    }

    private static string[] Architectures(SynthesizedStack synth, string routeId) =>
        Strings(Props(synth.Json.GetProperty("Resources").GetProperty(synth.FunctionLogicalId(routeId))).GetProperty("Architectures")).ToArray();
}
