using System.Text.Json;
using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Cli;

/// <summary>
/// `cdk synth` at the repository root with cdk.json's defaults: the CDK app runs the real packager on
/// samples/Hello (Native AOT builds, incremental) and synthesizes one Lambda per route.
/// </summary>
public sealed class SampleCdkSynthTests : IDisposable
{
    private readonly TempDirectory _out = new("lr-cdk-sample");

    [Fact]
    public void Synthesizes_the_sample_with_one_function_per_route_of_its_manifest_into_a_cfn_lint_clean_template()
    {
        // A fresh clone builds every route (about 15 s each); later runs reuse the packager's cache.
        var result = CdkCli.Synth(_out.Path, new Dictionary<string, string> { ["lambdaRoutes:stackName"] = "CliSample" }, TimeSpan.FromMinutes(20));

        Assert.True(result.ExitCode == 0, $"cdk synth exited {result.ExitCode}: {result.Stderr}");
        var manifestPath = Path.Combine(RepositoryRoot.Path, "samples", "Hello", ".lambda-routes", "out", "manifest.json");
        var manifestRoutes = JsonDocument.Parse(File.ReadAllText(manifestPath)).RootElement.GetProperty("routes").EnumerateArray().ToList();
        Assert.True(manifestRoutes.Count >= 6, $"the sample has a route per shape; the manifest lists {manifestRoutes.Count}");

        var templatePath = Path.Combine(_out.Path, "CliSample.template.json");
        CfnLint.AssertClean(templatePath);
        var resources = JsonDocument.Parse(File.ReadAllText(templatePath)).RootElement
            .GetProperty("Resources").EnumerateObject().ToList();
        var functions = resources.Where(r => r.Value.GetProperty("Type").GetString() == "AWS::Lambda::Function").ToList();
        Assert.Equal(manifestRoutes.Count, functions.Count);

        var expectedKeys = manifestRoutes.SelectMany(r => r.GetProperty("paths").EnumerateArray().Select(p => "ANY " + p.GetString())).Order(StringComparer.Ordinal);
        var routeKeys = resources.Where(r => r.Value.GetProperty("Type").GetString() == "AWS::ApiGatewayV2::Route")
            .Select(r => r.Value.GetProperty("Properties").GetProperty("RouteKey").GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(expectedKeys, routeKeys);
        Assert.Contains("ANY /api/docs", routeKeys);
        Assert.Contains("ANY /api/docs/{proxy+}", routeKeys);

        // cdk.json declares "users" as a JWT authorizer of its placeholder user pool: api/me.cs chose it, api/health.cs none.
        var authorizer = Assert.Single(resources, r => r.Value.GetProperty("Type").GetString() == "AWS::ApiGatewayV2::Authorizer");
        var route = resources.Select(r => r.Value).Where(r => r.GetProperty("Type").GetString() == "AWS::ApiGatewayV2::Route")
            .ToDictionary(r => r.GetProperty("Properties").GetProperty("RouteKey").GetString()!, r => r.GetProperty("Properties"));
        Assert.Equal("JWT", authorizer.Value.GetProperty("Properties").GetProperty("AuthorizerType").GetString());
        Assert.Equal("JWT", route["ANY /api/me"].GetProperty("AuthorizationType").GetString());
        Assert.False(route["ANY /api/health"].TryGetProperty("AuthorizationType", out _));

        foreach (var function in functions)
        {
            var assetPath = function.Value.GetProperty("Metadata").GetProperty("aws:asset:path").GetString()!;
            var bootstrap = Path.Combine(_out.Path, assetPath, "bootstrap");
            Assert.True((File.GetUnixFileMode(bootstrap) & UnixFileMode.UserExecute) != 0, $"{bootstrap} is executable");
            Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, File.ReadAllBytes(bootstrap)[..4]);
            Assert.Equal(["bootstrap"], Directory.GetFiles(Path.Combine(_out.Path, assetPath)).Select(Path.GetFileName));
        }
    }

    [Fact]
    public void AppPath_mode_runs_the_real_packager_from_source_and_wires_the_sample_as_a_rest_api()
    {
        var appPath = Path.Combine(RepositoryRoot.Path, "samples", "Hello");
        using var synth = new SynthesizedStack(stack => new LambdaRoutesApiProps
        {
            AppPath = appPath,
            ApiKind = ApiKind.Rest,
            // api/me.cs chooses "users"; api/health.cs opts out.
            Authorizers = new Dictionary<string, RouteAuthorizer>
            {
                ["users"] = new CognitoAuthorizer { UserPools = [Amazon.CDK.AWS.Cognito.UserPool.FromUserPoolId(stack, "Users", "us-east-1_Example1")] },
            },
        });

        var manifest = synth.Api.Manifest;
        Assert.Equal(Path.Combine(appPath, ".lambda-routes", "out", "manifest.json"), manifest.ManifestPath);
        synth.Template.ResourceCountIs("AWS::Lambda::Function", manifest.Routes.Count);
        synth.Template.ResourceCountIs("AWS::ApiGateway::Method", manifest.Routes.Sum(r => r.Paths.Count));
        var pathParts = synth.ResourcesOfType("AWS::ApiGateway::Resource")
            .Select(r => r.Resource.GetProperty("Properties").GetProperty("PathPart").GetString()).ToList();
        Assert.Contains("{proxy+}", pathParts);
        Assert.Contains("{id}", pathParts);
        Assert.NotNull(synth.Api.FunctionFor("/api/users/[id]"));
        var authorizer = TemplateJson.Props(Assert.Single(synth.ResourcesOfType("AWS::ApiGateway::Authorizer")).Resource);
        Assert.Equal("COGNITO_USER_POOLS", authorizer.GetProperty("Type").GetString());
        CfnLint.AssertClean(synth.TemplatePath);
    }

    public void Dispose() => _out.Dispose();
}
