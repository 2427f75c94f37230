using LambdaRoutes.Contracts.Events;

namespace LambdaRoutes.Testing;

/// <summary>
/// An <see cref="ILambdaContext"/> with settable members (the role of Amazon.Lambda.TestUtilities' <c>TestLambdaContext</c>).
/// Unlike AWS's, the defaults are usable as they are: a request id, a function name, 256 MB and 30 s remaining time.
/// </summary>
public sealed class TestLambdaContext : ILambdaContext
{
    /// <inheritdoc />
    public string AwsRequestId { get; set; } = "test-request-id";

    /// <inheritdoc />
    public string FunctionName { get; set; } = "test-function";

    /// <inheritdoc />
    public string FunctionVersion { get; set; } = "$LATEST";

    /// <inheritdoc />
    public string InvokedFunctionArn { get; set; } = $"arn:aws:lambda:{LocalAccount.Region}:{LocalAccount.Id}:function:test-function";

    /// <inheritdoc />
    public int MemoryLimitInMB { get; set; } = 256;

    /// <inheritdoc />
    public TimeSpan RemainingTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public string LogGroupName { get; set; } = "/aws/lambda/test-function";

    /// <inheritdoc />
    public string LogStreamName { get; set; } = "test-stream";

    /// <inheritdoc />
    public string? TraceId { get; set; }

    /// <inheritdoc />
    public string? TenantId { get; set; }

    /// <inheritdoc />
    /// <remarks>Null by default, as for a non-Mobile-SDK invocation; set a <see cref="TestClientContext"/> to test code that reads it.</remarks>
    public IClientContext? ClientContext { get; set; }

    /// <inheritdoc />
    /// <remarks>Null by default; set a <see cref="TestCognitoIdentity"/> to test code that reads it.</remarks>
    public ICognitoIdentity? Identity { get; set; }

    /// <summary>The captured log of the invocation.</summary>
    public TestLambdaLogger Logger { get; set; } = new();

    ILambdaLogger ILambdaContext.Logger => Logger;
}
