using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SSM;
using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Synthesis.Deployment;

/// <summary>
/// The deployment settings both API kinds share, set the same way on both:
/// app-wide tracing and JSON logs, a provisioned and reserved route with a secret and a parameter, a route with its
/// own log level, alarms, access logs and a custom domain. <see cref="DeploymentSettingsTests"/> reads them back.
/// </summary>
internal static class DeploymentScenario
{
    public const string ProvisionedRoute = "ApiUsersId";
    public const string DebugRoute = "ApiHello";
    public const string CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

    public static readonly RouteSpec[] Routes = [RouteSpec.EveryShape[0], RouteSpec.EveryShape[1], RouteSpec.EveryShape[2]];

    /// <summary>The shared options; <paramref name="route"/> and <paramref name="api"/> add each kind's own.</summary>
    public static DeploymentOptions Options(Stack stack, Func<RouteDeploymentSettings, RouteDeploymentSettings> route, Func<DeploymentOptions, DeploymentOptions> api)
    {
        var secret = new Secret(stack, "DbSecret");
        var parameter = new StringParameter(stack, "Config", new StringParameterProps { ParameterName = "/app/config", StringValue = "{}" });
        return api(new DeploymentOptions
        {
            RouteDefaults = new RouteDeploymentSettings
            {
                Tracing = true,
                ApplicationLogLevel = ApplicationLogLevel.WARN,
                SystemLogLevel = SystemLogLevel.INFO,
            },
            Routes = new Dictionary<string, RouteDeploymentSettings>
            {
                ["/api/users/[id]"] = route(new RouteDeploymentSettings
                {
                    ReservedConcurrency = 5,
                    ProvisionedConcurrency = 2,
                    Secrets = new Dictionary<string, ISecret> { ["DB_SECRET"] = secret },
                    Parameters = new Dictionary<string, IParameter> { ["CONFIG_PARAMETER"] = parameter },
                }),
                [DebugRoute] = new RouteDeploymentSettings { ApplicationLogLevel = ApplicationLogLevel.DEBUG },
            },
            AccessLogs = new ApiAccessLogOptions { Retention = RetentionDays.ONE_WEEK },
            Domain = new ApiDomainOptions("api.example.com", Certificate.FromCertificateArn(stack, "Certificate", CertificateArn)) { BasePath = "v1" },
            Alarms = new ApiAlarmOptions { Actions = [new SnsAction(new Topic(stack, "Alerts"))] },
        });
    }
}
