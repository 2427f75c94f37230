namespace LambdaRoutes;

/// <summary>Which kind of AWS event carried the request (told apart from the payload, docs/runtime.md).</summary>
public enum ApiEventSource
{
    /// <summary>API Gateway REST API proxy integration (payload v1, or HTTP API payload 1.0).</summary>
    RestApi,
    /// <summary>API Gateway HTTP API, payload format 2.0.</summary>
    HttpApi,
    /// <summary>Lambda function URL (payload format 2.0, <c>*.lambda-url.*</c> domain).</summary>
    FunctionUrl,
}
