using System.Text.Json;
using Amazon.CDK.Assertions;
using LambdaRoutes.Cdk.Tests.Support;
using static LambdaRoutes.Cdk.Tests.Support.TemplateJson;

namespace LambdaRoutes.Cdk.Tests.Synthesis;

/// <summary>Assertions that hold for every API kind.</summary>
public static class CommonAssertions
{
    public static void OneFunctionPerRouteWithItsSettings(SynthesizedStack synth, RouteSpec[] routes, string architecture = "x86_64", int defaultMemory = 256, int defaultTimeout = 10)
    {
        synth.Template.ResourceCountIs("AWS::Lambda::Function", routes.Length);
        foreach (var route in routes)
        {
            var function = Props(synth.Json.GetProperty("Resources").GetProperty(synth.FunctionLogicalId(route.Id)));
            Assert.Equal("provided.al2023", function.GetProperty("Runtime").GetString());
            Assert.Equal("bootstrap", function.GetProperty("Handler").GetString());
            Assert.Equal([architecture], Strings(function.GetProperty("Architectures")));
            Assert.Equal(route.MemorySize ?? defaultMemory, function.GetProperty("MemorySize").GetInt32());
            Assert.Equal(route.Timeout ?? defaultTimeout, function.GetProperty("Timeout").GetInt32());
        }
    }

    /// <summary>One lambda:InvokeFunction permission per function, for API Gateway, from this API only.</summary>
    public static void OneInvokePermissionPerFunctionScopedToApi(SynthesizedStack synth, RouteSpec[] routes, string apiLogicalId)
    {
        var permissions = synth.ResourcesOfType("AWS::Lambda::Permission").Select(p => Props(p.Resource)).ToList();
        Assert.Equal(routes.Length, permissions.Count);
        foreach (var route in routes)
        {
            var functionId = synth.FunctionLogicalId(route.Id);
            var own = Assert.Single(permissions, p => GetAttTarget(p.GetProperty("FunctionName")) == functionId);
            Assert.Equal("lambda:InvokeFunction", own.GetProperty("Action").GetString());
            Assert.Equal("apigateway.amazonaws.com", own.GetProperty("Principal").GetString());
            var sourceArn = JoinText(own.GetProperty("SourceArn"));
            Assert.StartsWith("arn:{Ref:AWS::Partition}:execute-api:{Ref:AWS::Region}:{Ref:AWS::AccountId}:{Ref:" + apiLogicalId + "}/*/*/", sourceArn);
        }
    }

    /// <summary>
    /// No statement with Action "*" or Resource "*", no AWS-managed policies (the basic execution role's
    /// logs:* on "*" is replaced by writes to the function's own log group).
    /// </summary>
    public static void NoWildcardIam(SynthesizedStack synth, int functions)
    {
        var policies = synth.ResourcesOfType("AWS::IAM::Policy").Select(p => Props(p.Resource)).ToList();
        Assert.Equal(functions, policies.Count);
        foreach (var policy in policies)
        {
            foreach (var statement in policy.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray())
            {
                Assert.DoesNotContain(Strings(statement.GetProperty("Action")), a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal));
                Assert.DoesNotContain("*", Strings(statement.GetProperty("Resource")));
                Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
            }
        }

        foreach (var (_, role) in synth.ResourcesOfType("AWS::IAM::Role"))
        {
            Assert.False(Props(role).TryGetProperty("ManagedPolicyArns", out _), "route roles carry no managed policies");
        }

        synth.Template.ResourceCountIs("AWS::IAM::Role", functions);
    }

    /// <summary>Each role may write only to its own function's log group, and each log group keeps logs 30 days.</summary>
    public static void OwnLogGroupWithRetention(SynthesizedStack synth, RouteSpec[] routes, int retentionDays = 30)
    {
        synth.Template.ResourceCountIs("AWS::Logs::LogGroup", routes.Length);
        synth.Template.AllResourcesProperties("AWS::Logs::LogGroup", new Dictionary<string, object> { ["RetentionInDays"] = retentionDays });
        var resources = synth.Json.GetProperty("Resources");
        foreach (var route in routes)
        {
            var function = Props(resources.GetProperty(synth.FunctionLogicalId(route.Id)));
            var logGroupId = Ref(function.GetProperty("LoggingConfig").GetProperty("LogGroup"));
            var roleId = GetAttTarget(function.GetProperty("Role"));
            var policy = Assert.Single(synth.ResourcesOfType("AWS::IAM::Policy"), p => Props(p.Resource).GetProperty("Roles").EnumerateArray().Any(r => Ref(r) == roleId));
            var statement = Assert.Single(Props(policy.Resource).GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray());
            Assert.Equal(["logs:CreateLogStream", "logs:PutLogEvents"], Strings(statement.GetProperty("Action")).Order());
            Assert.Equal(logGroupId, GetAttTarget(statement.GetProperty("Resource")));
        }
    }

    /// <summary>Every function's code is a staged folder asset whose aws:asset:path holds an executable bootstrap (how sam local finds it).</summary>
    public static void AssetMetadataPointsAtExecutableBootstrap(SynthesizedStack synth, RouteSpec[] routes)
    {
        var resources = synth.Json.GetProperty("Resources");
        var assetPaths = new HashSet<string>();
        foreach (var route in routes)
        {
            var metadata = resources.GetProperty(synth.FunctionLogicalId(route.Id)).GetProperty("Metadata");
            Assert.Equal("Code", metadata.GetProperty("aws:asset:property").GetString());
            var assetPath = metadata.GetProperty("aws:asset:path").GetString()!;
            var bootstrap = Path.Combine(synth.OutDir, assetPath, "bootstrap");
            Assert.True(File.Exists(bootstrap), $"{route.Id}: {bootstrap} exists");
            Assert.True((File.GetUnixFileMode(bootstrap) & UnixFileMode.UserExecute) != 0, $"{route.Id}: {bootstrap} is executable");
            Assert.Contains($"# {route.Route}\n", File.ReadAllText(bootstrap));
            assetPaths.Add(assetPath);
        }

        Assert.Equal(routes.Length, assetPaths.Count);
    }

    public static JsonElement SingleOutput(SynthesizedStack synth, string prefix)
    {
        var outputs = synth.Json.GetProperty("Outputs").EnumerateObject().Where(o => o.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return Assert.Single(outputs).Value;
    }
}
