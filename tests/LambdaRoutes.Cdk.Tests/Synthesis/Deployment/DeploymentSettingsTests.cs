using System.Text.Json;
using LambdaRoutes.Cdk.Tests.Support;
using static LambdaRoutes.Cdk.Tests.Support.TemplateJson;

namespace LambdaRoutes.Cdk.Tests.Synthesis.Deployment;

/// <summary>
/// The checks of <see cref="DeploymentScenario"/> that read the same on both API kinds; each kind's class synthesizes
/// the scenario once and says where its stage and integrations keep what these read.
/// </summary>
public abstract class DeploymentSettingsTests(SynthesizedStack synth)
{
    protected SynthesizedStack Synth { get; } = synth;

    /// <summary>The API's CloudWatch metric for 5xx answers.</summary>
    protected abstract string ServerErrorMetric { get; }

    /// <summary>The stage's access log property.</summary>
    protected abstract JsonElement AccessLogSetting { get; }

    /// <summary>What each route's integration invokes, as template text.</summary>
    protected abstract IReadOnlyList<string> IntegrationTargets();

    [Fact]
    public void Passes_cfn_lint_without_findings() => CfnLint.AssertClean(Synth.TemplatePath);

    private JsonElement Function(string routeId) =>
        Props(Synth.Json.GetProperty("Resources").GetProperty(Synth.FunctionLogicalId(routeId)));

    protected string LogicalIdOf(string type) => Assert.Single(Synth.ResourcesOfType(type)).LogicalId;

    [Fact]
    public void Tracing_and_json_logs_reach_every_function_with_a_routes_own_level()
    {
        foreach (var route in DeploymentScenario.Routes)
        {
            var function = Function(route.Id);
            Assert.Equal("Active", function.GetProperty("TracingConfig").GetProperty("Mode").GetString());
            var logging = function.GetProperty("LoggingConfig");
            Assert.Equal("JSON", logging.GetProperty("LogFormat").GetString());
            Assert.Equal(route.Id == DeploymentScenario.DebugRoute ? "DEBUG" : "WARN", logging.GetProperty("ApplicationLogLevel").GetString());
            Assert.Equal("INFO", logging.GetProperty("SystemLogLevel").GetString());
        }

        // Active tracing needs the role to write segments.
        var xrayPolicies = Synth.ResourcesOfType("AWS::IAM::Policy")
            .Count(p => Statements(p.Resource).Any(s => Strings(s.GetProperty("Action")).Contains("xray:PutTraceSegments")));
        Assert.Equal(DeploymentScenario.Routes.Length, xrayPolicies);
    }

    [Fact]
    public void A_provisioned_route_is_reserved_and_its_integration_and_permission_target_the_live_alias()
    {
        Assert.Equal(5, Function(DeploymentScenario.ProvisionedRoute).GetProperty("ReservedConcurrentExecutions").GetInt32());
        Assert.All(DeploymentScenario.Routes.Where(r => r.Id != DeploymentScenario.ProvisionedRoute), r => Assert.False(Function(r.Id).TryGetProperty("ReservedConcurrentExecutions", out _)));

        var (aliasId, aliasResource) = Assert.Single(Synth.ResourcesOfType("AWS::Lambda::Alias"));
        var alias = Props(aliasResource);
        Assert.Equal("live", alias.GetProperty("Name").GetString());
        Assert.Equal(2, alias.GetProperty("ProvisionedConcurrencyConfig").GetProperty("ProvisionedConcurrentExecutions").GetInt32());
        Assert.Equal(Synth.FunctionLogicalId(DeploymentScenario.ProvisionedRoute), Ref(alias.GetProperty("FunctionName")));
        var (versionId, version) = Assert.Single(Synth.ResourcesOfType("AWS::Lambda::Version"));
        Assert.Equal(Synth.FunctionLogicalId(DeploymentScenario.ProvisionedRoute), Ref(Props(version).GetProperty("FunctionName")));
        Assert.Equal(versionId, GetAttTarget(alias.GetProperty("FunctionVersion")));

        // The API may invoke the alias only; the other functions keep their unqualified permission.
        var permissions = Synth.ResourcesOfType("AWS::Lambda::Permission").Select(p => Props(p.Resource).GetProperty("FunctionName")).ToList();
        Assert.Equal(DeploymentScenario.Routes.Length, permissions.Count);
        Assert.Single(permissions, p => p.TryGetProperty("Ref", out var r) && r.GetString() == aliasId);
        Assert.DoesNotContain(permissions, p => p.TryGetProperty("Fn::GetAtt", out _) && GetAttTarget(p) == Synth.FunctionLogicalId(DeploymentScenario.ProvisionedRoute));

        var targets = IntegrationTargets();
        Assert.Equal(DeploymentScenario.Routes.Length, targets.Count);
        Assert.Single(targets, t => t.Contains(aliasId, StringComparison.Ordinal));
        Assert.DoesNotContain(targets, t => t.Contains(Synth.FunctionLogicalId(DeploymentScenario.ProvisionedRoute), StringComparison.Ordinal));
        Assert.All(DeploymentScenario.Routes.Where(r => r.Id != DeploymentScenario.ProvisionedRoute),
            r => Assert.Single(targets, t => t.Contains(Synth.FunctionLogicalId(r.Id), StringComparison.Ordinal)));
    }

    [Fact]
    public void A_route_reads_its_secret_and_parameter_by_the_names_in_its_environment()
    {
        var variables = Function(DeploymentScenario.ProvisionedRoute).GetProperty("Environment").GetProperty("Variables");
        var parameterId = LogicalIdOf("AWS::SSM::Parameter");
        Assert.Equal(parameterId, Ref(variables.GetProperty("CONFIG_PARAMETER")));
        Assert.Contains(LogicalIdOf("AWS::SecretsManager::Secret"), variables.GetProperty("DB_SECRET").GetRawText());

        var functionPolicyActions = Synth.ResourcesOfType("AWS::IAM::Policy")
            .Where(p => Statements(p.Resource).Any(s => s.GetRawText().Contains("secretsmanager:GetSecretValue", StringComparison.Ordinal)))
            .ToList();
        var policy = Assert.Single(functionPolicyActions).Resource;
        var secretStatement = Statements(policy).Single(s => Strings(s.GetProperty("Action")).Contains("secretsmanager:GetSecretValue"));
        Assert.Equal(LogicalIdOf("AWS::SecretsManager::Secret"), Ref(secretStatement.GetProperty("Resource")));
        var parameterStatement = Statements(policy).Single(s => Strings(s.GetProperty("Action")).Contains("ssm:GetParameter"));
        Assert.EndsWith(":parameter{Ref:" + parameterId + "}", JoinText(parameterStatement.GetProperty("Resource")), StringComparison.Ordinal);
        Assert.All(DeploymentScenario.Routes.Where(r => r.Id != DeploymentScenario.ProvisionedRoute), r => Assert.False(Function(r.Id).TryGetProperty("Environment", out _)));
    }

    [Fact]
    public void Alarms_cover_errors_throttles_and_p99_duration_per_function_and_5xx_on_the_api()
    {
        var alarms = Synth.ResourcesOfType("AWS::CloudWatch::Alarm").Select(a => Props(a.Resource)).ToList();
        Assert.Equal(DeploymentScenario.Routes.Length * 3 + 1, alarms.Count);
        var topic = LogicalIdOf("AWS::SNS::Topic");
        Assert.All(alarms, a => Assert.Equal(topic, Ref(Assert.Single(a.GetProperty("AlarmActions").EnumerateArray()))));
        Assert.All(alarms, a => Assert.Equal("notBreaching", a.GetProperty("TreatMissingData").GetString()));

        var metrics = alarms.Select(a => a.GetProperty("MetricName").GetString()).ToList();
        Assert.Equal(DeploymentScenario.Routes.Length, metrics.Count(m => m == "Errors"));
        Assert.Equal(DeploymentScenario.Routes.Length, metrics.Count(m => m == "Throttles"));
        Assert.Single(metrics, m => m == ServerErrorMetric);

        // p99 at 80 % of the timeout: ApiUsersId declares 15 s.
        var durations = alarms.Where(a => a.GetProperty("MetricName").GetString() == "Duration").ToList();
        Assert.Equal(DeploymentScenario.Routes.Length, durations.Count);
        Assert.All(durations, d => Assert.Equal("p99", d.GetProperty("ExtendedStatistic").GetString()));
        Assert.Contains(durations, d => d.GetProperty("Threshold").GetDouble() == 12000);
    }

    [Fact]
    public void Stage_access_logs_are_json_lines_in_their_own_log_group()
    {
        var logGroups = Synth.ResourcesOfType("AWS::Logs::LogGroup").ToList();
        Assert.Equal(DeploymentScenario.Routes.Length + 1, logGroups.Count);
        var destination = GetAttTarget(AccessLogSetting.GetProperty("DestinationArn"));
        var (_, accessLogGroup) = Assert.Single(logGroups, g => g.LogicalId == destination);
        Assert.Equal(7, Props(accessLogGroup).GetProperty("RetentionInDays").GetInt32());

        using var format = JsonDocument.Parse(AccessLogSetting.GetProperty("Format").GetString()!);
        Assert.Equal("$context.requestId", format.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("$context.status", format.RootElement.GetProperty("status").GetString());
    }

    protected void AssertDomainUrlOutput() =>
        Assert.Equal("https://api.example.com/v1/", CommonAssertions.SingleOutput(Synth, "ApiDomainUrl").GetProperty("Value").GetString());

    private static IEnumerable<JsonElement> Statements(JsonElement policy) =>
        Props(policy).GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray();
}
