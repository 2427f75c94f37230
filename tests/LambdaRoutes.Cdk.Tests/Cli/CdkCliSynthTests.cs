using System.Text.Json;
using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Cli;

/// <summary>`cdk synth` through the npm aws-cdk CLI and the repository's cdk.json, against a prebuilt manifest.</summary>
public sealed class CdkCliSynthTests : IDisposable
{
    private readonly TempDirectory _out = new("lr-cdk-cli");

    [Fact]
    public void Synthesizes_a_prebuilt_manifest_into_a_template_and_staged_assets()
    {
        using var app = BuiltApp.Create(RouteSpec.EveryShape);

        var result = CdkCli.Synth(_out.Path, new Dictionary<string, string>
        {
            ["lambdaRoutes:manifest"] = app.ManifestPath,
            ["lambdaRoutes:stackName"] = "CliFixture",
        }, TimeSpan.FromMinutes(5));

        Assert.True(result.ExitCode == 0, $"cdk synth exited {result.ExitCode}: {result.Stderr}");
        // On an end-of-life Node the CLI prints jsii's banner once; the app's own jsii child must not print it again.
        var banners = result.Stderr.Split("has reached end-of-life").Length - 1;
        Assert.True(banners <= 1, $"the Node end-of-life banner printed {banners} times:\n{result.Stderr}");
        var templatePath = Path.Combine(_out.Path, "CliFixture.template.json");
        CfnLint.AssertClean(templatePath);
        var template = JsonDocument.Parse(File.ReadAllText(templatePath)).RootElement;
        var resources = template.GetProperty("Resources").EnumerateObject().ToList();
        var functions = resources.Where(r => r.Value.GetProperty("Type").GetString() == "AWS::Lambda::Function").ToList();
        Assert.Equal(RouteSpec.EveryShape.Length, functions.Count);
        Assert.Equal(7, resources.Count(r => r.Value.GetProperty("Type").GetString() == "AWS::ApiGatewayV2::Route"));
        foreach (var function in functions)
        {
            var assetPath = function.Value.GetProperty("Metadata").GetProperty("aws:asset:path").GetString()!;
            Assert.True(File.Exists(Path.Combine(_out.Path, assetPath, "bootstrap")), assetPath);
        }

        Assert.True(File.Exists(Path.Combine(_out.Path, "manifest.json")), "the cloud assembly manifest sam local and the CLI read");
    }

    [Fact]
    public void Reports_route_tree_errors_without_a_stack_trace_and_fails()
    {
        using var app = BuiltApp.Create(RouteSpec.TwoVariableChildren);

        var result = CdkCli.Synth(_out.Path, new Dictionary<string, string>
        {
            ["lambdaRoutes:manifest"] = app.ManifestPath,
            ["lambdaRoutes:api"] = "rest",
        }, TimeSpan.FromMinutes(5));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("LRC203 api/users/[...rest].cs (/api/users/[...rest])", result.Stderr);
        Assert.DoesNotContain("   at LambdaRoutes.", result.Stderr);
    }

    public void Dispose() => _out.Dispose();
}
