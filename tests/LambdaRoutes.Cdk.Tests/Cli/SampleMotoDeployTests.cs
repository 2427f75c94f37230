using System.Text.Json;
using System.Xml.Linq;
using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Cli;

/// <summary>
/// `cdk bootstrap` and `cdk deploy --method=direct` of the sample through the pinned CLI, against moto_server instead of
/// an AWS account. The sample is deployed as a REST API: moto's CloudFormation models REST APIs and Lambda functions,
/// not HTTP APIs or function URLs. The first deploy synthesizes from source (the packager's cached build), the second
/// from the built manifest with one change (exported methods): it must update the same stack, not create another.
/// </summary>
public sealed class SampleMotoDeployTests : IClassFixture<MotoServer>, IDisposable
{
    private const string StackName = "LambdaRoutesHello";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(20);
    private readonly MotoServer _moto;
    private readonly TempDirectory _firstOut = new("lr-cdk-deploy1");
    private readonly TempDirectory _secondOut = new("lr-cdk-deploy2");

    public SampleMotoDeployTests(MotoServer moto) => _moto = moto;

    [Fact]
    public void Deploys_the_sample_then_a_deploy_from_its_manifest_updates_the_same_stack()
    {
        Cdk(["bootstrap", $"aws://{MotoServer.Account}/{MotoServer.Region}"], new Dictionary<string, string>());

        Cdk(Deploy(_firstOut.Path), new Dictionary<string, string> { ["lambdaRoutes:api"] = "rest" });
        var created = Stack();
        Assert.Equal("CREATE_COMPLETE", Field(created, "StackStatus"));
        var routes = SampleManifestRouteCount();
        AssertFunctionsAndApi(routes);
        var firstTemplate = Path.Combine(_firstOut.Path, StackName + ".template.json");
        CfnLint.AssertClean(firstTemplate);
        AssertAuthorization(firstTemplate);

        var manifest = Path.Combine(RepositoryRoot.Path, "samples", "Hello", ".lambda-routes", "out", "manifest.json");
        Cdk(Deploy(_secondOut.Path), new Dictionary<string, string>
        {
            ["lambdaRoutes:api"] = "rest",
            ["lambdaRoutes:manifest"] = manifest,
            ["lambdaRoutes:methods"] = "exported",
        });
        Assert.True(File.Exists(Path.Combine(_secondOut.Path, StackName + ".template.json")), "the manifest synth names the stack after the app too");
        CfnLint.AssertClean(Path.Combine(_secondOut.Path, StackName + ".template.json"));
        var updated = Stack();
        Assert.Equal("UPDATE_COMPLETE", Field(updated, "StackStatus"));
        Assert.Equal(Field(created, "StackId"), Field(updated, "StackId"));
        var live = _moto.Query("cloudformation", "ListStacks", ("StackStatusFilter.member.1", "CREATE_COMPLETE"), ("StackStatusFilter.member.2", "UPDATE_COMPLETE"))
            .Descendants().Where(e => e.Name.LocalName == "StackName").Select(e => e.Value).Order(StringComparer.Ordinal);
        Assert.Equal(["CDKToolkit", StackName], live);
        AssertFunctionsAndApi(routes);

        // The update reached the API: exported methods replace each path's ANY with the route's verbs.
        var methods = StackResourceTypes().Count(t => t == "AWS::ApiGateway::Method");
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(_secondOut.Path, StackName + ".template.json"))).RootElement
            .GetProperty("Resources").EnumerateObject().Count(r => r.Value.GetProperty("Type").GetString() == "AWS::ApiGateway::Method");
        Assert.Equal(expected, methods);
        Assert.True(methods > routes, $"exported methods give more than one method per route: {methods} for {routes} routes");
    }

    // moto forgets parameter defaults across updates, so "use the previous BootstrapVersion" would fail there; the
    // template's own default is the same value.
    private static string[] Deploy(string outDirectory) =>
        ["deploy", "--method=direct", "--require-approval", "never", "--previous-parameters=false", "--output", outDirectory];

    private void Cdk(string[] arguments, IReadOnlyDictionary<string, string> context)
    {
        var result = CdkCli.Run(arguments, context, _moto.ClientEnvironment, Timeout);
        Assert.True(result.ExitCode == 0, $"cdk {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Stdout}\n{result.Stderr}");
    }

    private XElement Stack() =>
        _moto.Query("cloudformation", "DescribeStacks", ("StackName", StackName)).Descendants().First(e => e.Name.LocalName == "member");

    private static string Field(XElement element, string name) => element.Elements().First(e => e.Name.LocalName == name).Value;

    private List<string> StackResourceTypes() =>
        _moto.Query("cloudformation", "ListStackResources", ("StackName", StackName))
            .Descendants().Where(e => e.Name.LocalName == "ResourceType").Select(e => e.Value).ToList();

    private void AssertFunctionsAndApi(int routes)
    {
        var types = StackResourceTypes();
        Assert.Equal(routes, types.Count(t => t == "AWS::Lambda::Function"));
        Assert.Equal(1, types.Count(t => t == "AWS::ApiGateway::RestApi"));

        var functions = _moto.GetJson("lambda", "/2015-03-31/functions/").GetProperty("Functions").EnumerateArray()
            .Where(f => f.GetProperty("FunctionName").GetString()!.StartsWith(StackName + "-", StringComparison.Ordinal)).ToList();
        Assert.Equal(routes, functions.Count);
        Assert.All(functions, f => Assert.Equal("provided.al2023", f.GetProperty("Runtime").GetString()));
        var apis = _moto.GetJson("apigateway", "/restapis").GetProperty("item").EnumerateArray().Select(a => a.GetProperty("name").GetString());
        Assert.Equal([StackName + "-Hello"], apis);
    }

    /// <summary>
    /// api/me.cs chose cdk.json's "users" (a Cognito authorizer on REST), api/health.cs none. moto 5.2's CloudFormation
    /// does not model AWS::ApiGateway::Authorizer: it skips the resource (with a "not supported" warning) and the stack
    /// still completes, so moto's API has no authorizer; the methods keep the authorization type the template gave them.
    /// </summary>
    private void AssertAuthorization(string templatePath)
    {
        var template = JsonDocument.Parse(File.ReadAllText(templatePath)).RootElement.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == "AWS::ApiGateway::Authorizer").ToList();
        Assert.Equal("COGNITO_USER_POOLS", Assert.Single(template).Value.GetProperty("Properties").GetProperty("Type").GetString());

        var apiId = _moto.GetJson("apigateway", "/restapis").GetProperty("item").EnumerateArray().Single().GetProperty("id").GetString();
        var resources = _moto.GetJson("apigateway", $"/restapis/{apiId}/resources").GetProperty("item").EnumerateArray()
            .ToDictionary(r => r.GetProperty("path").GetString()!, r => r.GetProperty("id").GetString()!);
        string AuthorizationType(string path) =>
            _moto.GetJson("apigateway", $"/restapis/{apiId}/resources/{resources[path]}/methods/ANY").GetProperty("authorizationType").GetString()!;
        Assert.Equal("COGNITO_USER_POOLS", AuthorizationType("/api/me"));
        Assert.Equal("NONE", AuthorizationType("/api/health"));
        var authorizers = _moto.GetJson("apigateway", $"/restapis/{apiId}/authorizers").GetProperty("item").EnumerateArray()
            .Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.True(authorizers.Count == 0 || authorizers.SequenceEqual(["users"]), $"moto's authorizers: {string.Join(", ", authorizers)}");
    }

    private static int SampleManifestRouteCount()
    {
        var manifest = Path.Combine(RepositoryRoot.Path, "samples", "Hello", ".lambda-routes", "out", "manifest.json");
        return JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("routes").GetArrayLength();
    }

    public void Dispose()
    {
        _firstOut.Dispose();
        _secondOut.Dispose();
    }
}
