using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using LambdaRoutes.Cdk.Planning;

namespace LambdaRoutes.Cdk.Wiring;

/// <summary>
/// REST API wiring: a resource per path segment, a Lambda proxy method (payload 1.0) per (method, path).
/// The integration is a plain AWS_PROXY <see cref="Integration"/>: CDK's <c>LambdaIntegration</c> adds two
/// permissions per method (stage and test-invoke); the construct adds one per function instead.
/// </summary>
internal sealed class RestApiWiring : IApiWiring
{
    private readonly RestApi _api;
    private readonly RestApiAuthorizers _authorizers;

    public RestApiWiring(Construct scope, LambdaRoutesApiProps props, string apiName, Deployment.ApiAccessLogs? accessLogs, IReadOnlyDictionary<string, Authorizers.RouteAuthorization> authorization)
    {
        _authorizers = new RestApiAuthorizers(scope, authorization);
        _api = new RestApi(scope, "RestApi", new RestApiProps
        {
            RestApiName = apiName,
            // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html: without a binary media type, binary request bodies are corrupted and binary
            // responses cannot be sent. `*/*` makes every body base64, which the runtime decodes.
            BinaryMediaTypes = (props.BinaryMediaTypes ?? ["*/*"]).ToArray(),
            // Regional: the 29 s integration timeout can only be raised for regional APIs (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
            EndpointTypes = [EndpointType.REGIONAL],
            // The account-wide CloudWatch role is a singleton users manage themselves.
            CloudWatchRole = false,
            DeployOptions = new StageOptions
            {
                StageName = props.StageName ?? "prod",
                ThrottlingRateLimit = props.Throttle?.RateLimit,
                ThrottlingBurstLimit = props.Throttle?.BurstLimit,
                AccessLogDestination = accessLogs?.RestDestination,
                AccessLogFormat = accessLogs?.RestFormat,
            },
            DefaultCorsPreflightOptions = props.Cors is { } cors ? ToCors(cors) : null,
        });
    }

    public Amazon.CDK.AWS.Apigatewayv2.HttpApi? HttpApi => null;

    public RestApi RestApi => _api;

    public string Url => _api.Url;

    public string ApiId => _api.RestApiId;

    public void Connect(IFunction function, string routeId, IReadOnlyList<RouteBinding> bindings)
    {
        var streaming = bindings.Count > 0 && bindings[0].Route.Streaming;
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/response-transfer-mode-lambda.html: a streaming REST integration calls InvokeWithResponseStream (the 2021-11-15 path) and sets
        // ResponseTransferMode STREAM; the function answers with the prelude format described there (src/Runtime/Streaming/StreamingPrelude.cs).
        var invocation = streaming
            ? $"path/2021-11-15/functions/{function.FunctionArn}/response-streaming-invocations"
            : $"path/2015-03-31/functions/{function.FunctionArn}/invocations";
        var integration = new Integration(new IntegrationProps
        {
            Type = IntegrationType.AWS_PROXY,
            IntegrationHttpMethod = "POST",
            Uri = $"arn:{Aws.PARTITION}:apigateway:{Aws.REGION}:lambda:{invocation}",
        });

        foreach (var binding in bindings)
        {
            var resource = binding.Path == "/" ? _api.Root : _api.Root.ResourceForPath(binding.Path);
            foreach (var method in binding.Methods)
            {
                var added = resource.AddMethod(method, integration, _authorizers.OptionsFor(routeId));
                if (streaming && added.Node.DefaultChild is CfnMethod cfn)
                {
                    // Amazon.CDK.Lib 2.160 predates IntegrationOptions.ResponseTransferMode; CloudFormation has it.
                    cfn.AddPropertyOverride("Integration.ResponseTransferMode", "STREAM");
                }
            }
        }
    }

    public void Complete()
    {
        // CDK answers preflight with a MOCK integration. With a binary media type such as `*/*` matching
        // the OPTIONS request, API Gateway cannot apply the mock's request template and answers 500
        // ("Unable to transform request"); CONVERT_TO_TEXT is AWS's fix (aws-cdk-examples #770,
        // squidfunk/terraform-aws-api-gateway-enable-cors #10). CorsOptions has no switch for it.
        foreach (var construct in _api.Node.FindAll())
        {
            if (construct.Node.Id == "OPTIONS" && construct.Node.DefaultChild is CfnMethod method)
            {
                method.AddPropertyOverride("Integration.ContentHandling", "CONVERT_TO_TEXT");
            }
        }
    }

    private static CorsOptions ToCors(ApiCorsOptions cors) => new()
    {
        AllowOrigins = cors.AllowOrigins.ToArray(),
        AllowMethods = cors.AllowMethods.ToArray(),
        AllowHeaders = cors.AllowHeaders.ToArray(),
        AllowCredentials = cors.AllowCredentials,
        MaxAge = Duration.Seconds(cors.MaxAgeSeconds),
    };
}
