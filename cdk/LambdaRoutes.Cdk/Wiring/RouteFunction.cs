using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using LambdaRoutes.Cdk.Manifest;
using LambdaArchitectures = LambdaRoutes.Contracts.Manifest.LambdaArchitectures;

namespace LambdaRoutes.Cdk.Wiring;

/// <summary>
/// One route's Lambda: a custom-runtime <c>bootstrap</c> on <c>provided.al2023</c> (the shape of
/// cargo-lambda-cdk's <c>RustFunction</c>), with its own log group and its own role that may write to
/// that log group and nothing else.
/// </summary>
public sealed partial class RouteFunction : Construct
{
    /// <summary>Memory when neither the route nor the defaults say (the packager's default too).</summary>
    public const int DefaultMemorySize = 256;

    /// <summary>Timeout in seconds when neither the route nor the defaults say.</summary>
    public const int DefaultTimeoutSeconds = 10;

    internal RouteFunction(Construct scope, ManifestRoute route, RouteFunctionDefaults defaults, IReadOnlyDictionary<string, string> environment,
        RouteDeploymentSettings deployment)
        : base(scope, route.Id)
    {
        Route = route;

        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = defaults.LogRetention ?? RetentionDays.ONE_MONTH,
            RemovalPolicy = defaults.LogRemovalPolicy ?? RemovalPolicy.DESTROY,
        });

        // Not the default role with AWSLambdaBasicExecutionRole: that one may write to every log group
        // (Resource "*"). This one may only create streams in and write to the route's own log group.
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"LambdaRoutes {route.Route} ({route.File})",
        });
        LogGroup.GrantWrite(Role);
        if (defaults.Vpc is not null)
        {
            // ENI management, which Lambda needs to attach to the VPC.
            Role.AddManagedPolicy(ManagedPolicy.FromAwsManagedPolicyName("service-role/AWSLambdaVPCAccessExecutionRole"));
        }

        Function = new Function(this, "Function", new FunctionProps
        {
            Runtime = Runtime.PROVIDED_AL2023,
            Handler = "bootstrap",
            // A folder asset: CDK stages it into cdk.out and records aws:asset:path, which is how
            // `sam local start-api -t cdk.out/<Stack>.template.json` finds the bootstrap (aws-sam-cli samcli/local/apigw/local_apigw_service.py).
            // Dotfiles are the packager's bookkeeping (.input-hash), not part of the function.
            Code = Code.FromAsset(route.ArtifactDirectory, new Amazon.CDK.AWS.S3.Assets.AssetOptions { Exclude = [".*"] }),
            Architecture = route.Architecture == LambdaArchitectures.Arm64 ? Architecture.ARM_64 : Architecture.X86_64,
            MemorySize = route.MemorySize ?? defaults.MemorySize ?? DefaultMemorySize,
            Timeout = Duration.Seconds(route.Timeout ?? defaults.Timeout ?? DefaultTimeoutSeconds),
            Environment = environment.Count == 0 ? null : environment.ToDictionary(),
            Description = $"{route.Route} ({route.File})",
            Role = Role,
            LogGroup = LogGroup,
            Vpc = defaults.Vpc,
            VpcSubnets = defaults.VpcSubnets,
            SecurityGroups = defaults.SecurityGroups?.ToArray(),
            Layers = defaults.Layers?.ToArray(),
            Tracing = deployment.Tracing == true ? Tracing.ACTIVE : null,
            ReservedConcurrentExecutions = deployment.ReservedConcurrency,
            LoggingFormat = deployment.UsesJsonLogs ? LoggingFormat.JSON : null,
            ApplicationLogLevelV2 = deployment.ApplicationLogLevel,
            SystemLogLevelV2 = deployment.SystemLogLevel,
        });
        // Function already makes its resource depend on the role's policy, so the first invocations cannot run
        // without log permissions; only the role entry, which the Role GetAtt already orders, is dropped.
        Node.AddValidation(new RoleDependsOnTrim((CfnResource)Function.Node.DefaultChild!, (CfnResource)Role.Node.DefaultChild!));
    }

    /// <summary>
    /// The function URL that streams this route's responses (function URL <c>InvokeMode=RESPONSE_STREAM</c>,
    /// https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html), when the route is streaming behind an HTTP API; null otherwise. Also a stack output <c>StreamingUrl</c>.
    /// </summary>
    public FunctionUrl? StreamingUrl { get; private set; }

    /// <summary>Adds the public streaming function URL (auth NONE, like the API routes themselves).</summary>
    internal void AddStreamingUrl()
    {
        StreamingUrl = Function.AddFunctionUrl(new FunctionUrlOptions
        {
            AuthType = FunctionUrlAuthType.NONE,
            InvokeMode = InvokeMode.RESPONSE_STREAM,
        });
        new CfnOutput(this, "StreamingUrl", new CfnOutputProps
        {
            Value = StreamingUrl.Url,
            Description = $"Streaming URL of {Route.Route} ({Route.File}); the HTTP API route buffers the response",
        });
    }

    /// <summary>The manifest route this function serves.</summary>
    public ManifestRoute Route { get; }

    /// <summary>The Lambda function; grant it permissions as you would any <see cref="Function"/>.</summary>
    public Function Function { get; }

    /// <summary>The function's execution role.</summary>
    public Role Role { get; }

    /// <summary>The function's log group.</summary>
    public LogGroup LogGroup { get; }
}
