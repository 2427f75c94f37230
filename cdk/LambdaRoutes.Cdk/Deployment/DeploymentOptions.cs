using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.AWS.SSM;

namespace LambdaRoutes.Cdk;

/// <summary>
/// The production settings of the API and its functions (docs/deploy.md, "Deployment settings"). Every one is off
/// unless set, so an empty or absent <see cref="DeploymentOptions"/> leaves the template as it was.
/// </summary>
public sealed class DeploymentOptions
{
    /// <summary>Settings for every route's function unless <see cref="Routes"/> says otherwise.</summary>
    public RouteDeploymentSettings? RouteDefaults { get; init; }

    /// <summary>
    /// Per-route settings, keyed by the route pattern (<c>/api/users/[id]</c>) or the route id (<c>ApiUsersId</c>).
    /// Each set field overrides <see cref="RouteDefaults"/>; secrets and parameters add to the defaults'.
    /// </summary>
    public IReadOnlyDictionary<string, RouteDeploymentSettings>? Routes { get; init; }

    /// <summary>Access logs of the API's stage, as JSON lines in a log group of their own. Null: none.</summary>
    public ApiAccessLogOptions? AccessLogs { get; init; }

    /// <summary>A custom domain name mapped to the API's stage. Null: only the execute-api URL.</summary>
    public ApiDomainOptions? Domain { get; init; }

    /// <summary>REST API only: usage plans and the API keys that belong to them.</summary>
    public IReadOnlyList<ApiUsagePlanOptions>? UsagePlans { get; init; }

    /// <summary>REST API only: the ARN of a regional AWS WAF (v2) web ACL to associate with the stage.</summary>
    public string? WebAclArn { get; init; }

    /// <summary>CloudWatch alarms on every function and on the API's 5xx answers. Null (default): none.</summary>
    public ApiAlarmOptions? Alarms { get; init; }
}

/// <summary>Deployment settings of one route's function; null fields fall back to the defaults, then to off.</summary>
public sealed class RouteDeploymentSettings
{
    /// <summary>X-Ray active tracing (<c>TracingConfig.Mode: Active</c>; the role may then write traces).</summary>
    public bool? Tracing { get; init; }

    /// <summary>Reserved concurrency: the most instances the function may run, taken from the account's pool.</summary>
    public int? ReservedConcurrency { get; init; }

    /// <summary>
    /// Provisioned concurrency: instances kept initialized. Lambda only provisions a published version or an alias, so
    /// the function gets a version and an alias <c>live</c>, and the API invokes the alias.
    /// </summary>
    public int? ProvisionedConcurrency { get; init; }

    /// <summary>Lambda writes the function's logs as JSON (<c>LoggingConfig.LogFormat: JSON</c>). Implied by a log level.</summary>
    public bool? JsonLogs { get; init; }

    /// <summary>The lowest application log level Lambda keeps (JSON logs only).</summary>
    public ApplicationLogLevel? ApplicationLogLevel { get; init; }

    /// <summary>The lowest level of Lambda's own platform log lines that Lambda keeps (JSON logs only).</summary>
    public SystemLogLevel? SystemLogLevel { get; init; }

    // Lambda accepts log levels only with the JSON format, so a level turns it on unless JsonLogs says no (an error then).
    internal bool UsesJsonLogs => JsonLogs ?? (ApplicationLogLevel is not null || SystemLogLevel is not null);

    /// <summary>HTTP API only: throttling of this route's API routes (stage <c>RouteSettings</c>).</summary>
    public ApiThrottle? Throttle { get; init; }

    /// <summary>REST API only: the route's methods answer 403 without a valid <c>x-api-key</c> of a usage plan.</summary>
    public bool? ApiKeyRequired { get; init; }

    /// <summary>Secrets Manager secrets the function may read, keyed by the environment variable that gets the secret's name.</summary>
    public IReadOnlyDictionary<string, ISecret>? Secrets { get; init; }

    /// <summary>SSM parameters the function may read, keyed by the environment variable that gets the parameter's name.</summary>
    public IReadOnlyDictionary<string, IParameter>? Parameters { get; init; }
}

/// <summary>Stage access logs: one JSON object per request in their own log group.</summary>
public sealed class ApiAccessLogOptions
{
    /// <summary>How long the access log group keeps entries. Default one month.</summary>
    public RetentionDays Retention { get; init; } = RetentionDays.ONE_MONTH;

    /// <summary>What happens to the access log group when the stack is deleted. Default destroy.</summary>
    public Amazon.CDK.RemovalPolicy RemovalPolicy { get; init; } = Amazon.CDK.RemovalPolicy.DESTROY;
}

/// <summary>A custom domain (regional endpoint, TLS 1.2) mapped to the API's stage.</summary>
/// <param name="DomainName">The domain, e.g. <c>api.example.com</c>.</param>
/// <param name="Certificate">An ACM certificate for it, in the stack's region.</param>
public sealed record ApiDomainOptions(string DomainName, ICertificate Certificate)
{
    /// <summary>The path the API sits under on the domain (<c>v1</c> → <c>https://api.example.com/v1/…</c>). Null: the root.</summary>
    public string? BasePath { get; init; }
}

/// <summary>A REST API usage plan on the API's stage, with its API keys.</summary>
/// <param name="Name">The plan's name.</param>
public sealed record ApiUsagePlanOptions(string Name)
{
    /// <summary>Throttling per API key. Null: the stage's.</summary>
    public ApiThrottle? Throttle { get; init; }

    /// <summary>Requests per key per <see cref="QuotaPeriod"/>. Null: no quota.</summary>
    public int? QuotaLimit { get; init; }

    /// <summary>The quota's period. Default a day.</summary>
    public Amazon.CDK.AWS.APIGateway.Period QuotaPeriod { get; init; } = Amazon.CDK.AWS.APIGateway.Period.DAY;

    /// <summary>Names of API keys created for this plan (API Gateway generates their values).</summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = [];
}

/// <summary>
/// Alarms per function (errors, throttles, p99 duration) and on the API (5xx answers), each over one 5-minute period;
/// no data counts as fine.
/// </summary>
public sealed class ApiAlarmOptions
{
    /// <summary>What the alarms do when they fire and recover, e.g. an <c>SnsAction</c>. Default nothing.</summary>
    public IReadOnlyList<IAlarmAction> Actions { get; init; } = [];

    /// <summary>Function errors per period that fire the alarm. Default 1.</summary>
    public int ErrorThreshold { get; init; } = 1;

    /// <summary>Throttled invocations per period that fire the alarm. Default 1.</summary>
    public int ThrottleThreshold { get; init; } = 1;

    /// <summary>p99 duration, as a share of the function's timeout, that fires the alarm. Default 0.8.</summary>
    public double DurationP99ShareOfTimeout { get; init; } = 0.8;

    /// <summary>API 5xx answers per period that fire the alarm. Default 1.</summary>
    public int ServerErrorThreshold { get; init; } = 1;
}
