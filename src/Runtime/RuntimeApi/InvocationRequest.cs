namespace LambdaRoutes.RuntimeApi;

/// <summary>One invocation as <c>GET /runtime/invocation/next</c> delivers it (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html).</summary>
/// <remarks>
/// <c>ClientContext</c> and <c>CognitoIdentity</c> are the Mobile SDK headers' raw JSON, left unparsed: <c>LambdaContext</c>
/// parses them only if a handler asks.
/// </remarks>
internal sealed record InvocationRequest(
    string RequestId,
    long DeadlineMs,
    string InvokedFunctionArn,
    string? TraceId,
    string? TenantId,
    byte[] Payload,
    string? ClientContext = null,
    string? CognitoIdentity = null);
