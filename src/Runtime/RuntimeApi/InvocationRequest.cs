namespace LambdaRoutes.RuntimeApi;

/// <summary>One invocation as <c>GET /runtime/invocation/next</c> delivers it (aws.md §1.2).</summary>
internal sealed record InvocationRequest(
    string RequestId,
    long DeadlineMs,
    string InvokedFunctionArn,
    string? TraceId,
    string? TenantId,
    byte[] Payload);
