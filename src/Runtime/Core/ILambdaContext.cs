namespace LambdaRoutes;

/// <summary>
/// What the Lambda service tells a function about the current invocation, shaped like
/// Amazon.Lambda.Core's <c>ILambdaContext</c> (aws-lambda-dotnet Libraries/src/Amazon.Lambda.Core/ILambdaContext.cs). Built from the Runtime API
/// <c>next</c> headers and the function's environment (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html, https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html).
/// </summary>
public interface ILambdaContext
{
    /// <summary>The request id of this invocation (<c>Lambda-Runtime-Aws-Request-Id</c>).</summary>
    string AwsRequestId { get; }

    /// <summary>The function name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    string FunctionName { get; }

    /// <summary>The function version (<c>AWS_LAMBDA_FUNCTION_VERSION</c>).</summary>
    string FunctionVersion { get; }

    /// <summary>The ARN that was invoked, possibly with an alias or version (<c>Lambda-Runtime-Invoked-Function-Arn</c>).</summary>
    string InvokedFunctionArn { get; }

    /// <summary>Memory configured for the function, in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</summary>
    int MemoryLimitInMB { get; }

    /// <summary>Time left before Lambda stops the invocation (deadline minus now).</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>CloudWatch log group (<c>AWS_LAMBDA_LOG_GROUP_NAME</c>).</summary>
    string LogGroupName { get; }

    /// <summary>CloudWatch log stream (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>).</summary>
    string LogStreamName { get; }

    /// <summary>The X-Ray trace header of this invocation (<c>Lambda-Runtime-Trace-Id</c>), or null.</summary>
    string? TraceId { get; }

    /// <summary>The tenant id when tenant isolation is on (<c>Lambda-Runtime-Aws-Tenant-Id</c>), or null.</summary>
    string? TenantId => null;

    /// <summary>
    /// The Mobile SDK's client context (<c>Lambda-Runtime-Client-Context</c>), or null: the header is only sent for
    /// Mobile SDK invocations. A default member so that contexts written before it (tests' own) still compile.
    /// </summary>
    IClientContext? ClientContext => null;

    /// <summary>The Cognito identity the Mobile SDK invoked with (<c>Lambda-Runtime-Cognito-Identity</c>), or null.</summary>
    ICognitoIdentity? Identity => null;

    /// <summary>Writes to the function's log, tagged with this invocation's request id.</summary>
    ILambdaLogger Logger { get; }
}
