namespace LambdaRoutes.RuntimeApi;

/// <summary>Header names of the Runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html).</summary>
internal static class RuntimeApiHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string TenantId = "Lambda-Runtime-Aws-Tenant-Id";
    public const string ClientContext = "Lambda-Runtime-Client-Context";
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";
    public const string FunctionErrorBody = "Lambda-Runtime-Function-Error-Body";
    public const string FunctionResponseMode = "Lambda-Runtime-Function-Response-Mode";
}
