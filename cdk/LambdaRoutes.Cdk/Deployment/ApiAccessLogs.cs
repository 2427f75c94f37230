using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace LambdaRoutes.Cdk.Deployment;

/// <summary>
/// The stage's access log: its own log group and one JSON object per request, in the same fields for both API kinds
/// (the <c>$context</c> variables both support: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging-variables.html,
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference).
/// </summary>
internal sealed class ApiAccessLogs
{
    public const string Format =
        "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\"," +
        "\"httpMethod\":\"$context.httpMethod\",\"path\":\"$context.path\",\"status\":\"$context.status\",\"protocol\":\"$context.protocol\"," +
        "\"responseLength\":\"$context.responseLength\",\"integrationLatency\":\"$context.integrationLatency\"}";

    public ApiAccessLogs(Construct scope, ApiAccessLogOptions options)
    {
        LogGroup = new LogGroup(scope, "AccessLogs", new LogGroupProps
        {
            Retention = options.Retention,
            RemovalPolicy = options.RemovalPolicy,
        });
    }

    public LogGroup LogGroup { get; }

    /// <summary>For the REST stage's <c>AccessLogSetting</c>.</summary>
    public IAccessLogDestination RestDestination => new LogGroupLogDestination(LogGroup);

    /// <summary>For the REST stage's <c>AccessLogSetting</c>.</summary>
    public AccessLogFormat RestFormat => AccessLogFormat.Custom(Format);

    /// <summary>
    /// Sets the HTTP API stage's <c>AccessLogSettings</c>. Amazon.CDK.Lib 2.160's <c>HttpStage</c> has no property for
    /// them, so they go on its CloudFormation resource.
    /// </summary>
    public void ApplyTo(Amazon.CDK.AWS.Apigatewayv2.CfnStage stage) =>
        stage.AccessLogSettings = new Amazon.CDK.AWS.Apigatewayv2.CfnStage.AccessLogSettingsProperty
        {
            DestinationArn = LogGroup.LogGroupArn,
            Format = Format,
        };
}
