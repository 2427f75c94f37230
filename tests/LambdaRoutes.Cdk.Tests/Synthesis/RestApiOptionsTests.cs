using Amazon.CDK.AWS.EC2;
using LambdaRoutes.Contracts.Verbs;
using LambdaRoutes.Cdk.Tests.Support;
using static LambdaRoutes.Cdk.Tests.Support.TemplateJson;

namespace LambdaRoutes.Cdk.Tests.Synthesis;

/// <summary>REST options and a VPC, on two routes, synthesized once.</summary>
public sealed class RestApiOptionsTests(RestApiOptionsTests.Fixture fixture) : IClassFixture<RestApiOptionsTests.Fixture>
{
    internal static readonly RouteSpec[] Routes = [RouteSpec.EveryShape[0], RouteSpec.EveryShape[2]];

    public sealed class Fixture() : SynthesisFixture(BuiltApp.Create(Routes),
        (manifest, stack) => new LambdaRoutesApiProps
        {
            Manifest = manifest,
            ApiKind = ApiKind.Rest,
            Cors = new ApiCorsOptions(),
            Throttle = new ApiThrottle(20, 10),
            StageName = "v2",
            BinaryMediaTypes = ["image/png", "application/octet-stream"],
            FunctionDefaults = new RouteFunctionDefaults
            {
                Vpc = new Vpc(stack, "Vpc", new VpcProps { MaxAzs = 1, NatGateways = 0, SubnetConfiguration = [new SubnetConfiguration { Name = "isolated", SubnetType = SubnetType.PRIVATE_ISOLATED }] }),
            },
        });

    private readonly SynthesizedStack _synth = fixture.Synth;

    [Fact]
    public void Passes_cfn_lint_without_findings() => CfnLint.AssertClean(_synth.TemplatePath);

    [Fact]
    public void Cors_adds_preflight_methods_and_throttling_reaches_the_stage()
    {
        var methods = _synth.ResourcesOfType("AWS::ApiGateway::Method").Select(m => Props(m.Resource).GetProperty("HttpMethod").GetString()).ToList();
        Assert.Contains("OPTIONS", methods);
        var preflights = _synth.ResourcesOfType("AWS::ApiGateway::Method").Select(m => Props(m.Resource))
            .Where(m => m.GetProperty("HttpMethod").GetString() == "OPTIONS").ToList();
        // Without CONVERT_TO_TEXT a binary media type matching the preflight makes the MOCK integration 500.
        Assert.All(preflights, m => Assert.Equal("CONVERT_TO_TEXT", m.GetProperty("Integration").GetProperty("ContentHandling").GetString()));
        Assert.Equal("MOCK", preflights[0].GetProperty("Integration").GetProperty("Type").GetString());
        Assert.Equal(2, methods.Count(m => m == "ANY"));

        var stage = Props(Assert.Single(_synth.ResourcesOfType("AWS::ApiGateway::Stage")).Resource);
        Assert.Equal("v2", stage.GetProperty("StageName").GetString());
        var settings = Assert.Single(stage.GetProperty("MethodSettings").EnumerateArray());
        Assert.Equal(20, settings.GetProperty("ThrottlingRateLimit").GetDouble());
        Assert.Equal(10, settings.GetProperty("ThrottlingBurstLimit").GetInt32());
    }

    [Fact]
    public void Default_cors_allows_every_verb_a_route_can_export()
    {
        var preflight = _synth.ResourcesOfType("AWS::ApiGateway::Method").Select(m => Props(m.Resource))
            .First(m => m.GetProperty("HttpMethod").GetString() == "OPTIONS");
        var answer = Assert.Single(preflight.GetProperty("Integration").GetProperty("IntegrationResponses").EnumerateArray());
        var allowed = answer.GetProperty("ResponseParameters").GetProperty("method.response.header.Access-Control-Allow-Methods").GetString();

        // A mapping value is a quoted literal: 'GET,HEAD,...'.
        Assert.Equal($"'{string.Join(",", HttpVerbs.InNextOrder)}'", allowed);
    }

    [Fact]
    public void Binary_media_types_can_be_narrowed()
    {
        var api = Props(Assert.Single(_synth.ResourcesOfType("AWS::ApiGateway::RestApi")).Resource);
        Assert.Equal(["image/png", "application/octet-stream"], Strings(api.GetProperty("BinaryMediaTypes")));
    }

    [Fact]
    public void Functions_join_the_vpc_and_their_roles_get_only_the_vpc_access_managed_policy()
    {
        foreach (var route in Routes)
        {
            var function = Props(_synth.Json.GetProperty("Resources").GetProperty(_synth.FunctionLogicalId(route.Id)));
            Assert.True(function.GetProperty("VpcConfig").GetProperty("SubnetIds").GetArrayLength() > 0);
        }

        foreach (var (_, role) in _synth.ResourcesOfType("AWS::IAM::Role"))
        {
            var managed = Assert.Single(Props(role).GetProperty("ManagedPolicyArns").EnumerateArray());
            Assert.EndsWith(":iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole", JoinText(managed));
        }
    }
}
