using LambdaRoutes.Contracts.Events;

namespace LambdaRoutes.Local;

/// <summary>Settings of a <see cref="LambdaEmulator"/>.</summary>
public sealed record EmulatorOptions
{
    /// <summary><c>AWS_REGION</c> and the region in ARNs.</summary>
    public string Region { get; init; } = LocalAccount.Region;

    /// <summary>The account id in ARNs; by default the one the local API Gateway puts in its events.</summary>
    public string AccountId { get; init; } = LocalAccount.Id;

    /// <summary>Most instances of one function alive at once; further invocations wait for one to become idle.</summary>
    public int MaxInstancesPerFunction { get; init; } = 64;

    /// <summary>Largest streamed response (see <see cref="LambdaLimits.MaxStreamedResponseBytes"/>); a stream that grows past it ends as <c>Function.ResponseSizeTooLarge</c>.</summary>
    public long MaxStreamedResponseBytes { get; init; } = LambdaLimits.MaxStreamedResponseBytes;

    /// <summary>Receives every line an instance writes to stdout or stderr (its "CloudWatch" log). Null drops them.</summary>
    public Action<InstanceLogLine>? Log { get; init; }
}

/// <summary>One line of an instance's output.</summary>
/// <param name="Function">The function name.</param>
/// <param name="InstanceId">The instance number within the function, from 1.</param>
/// <param name="Line">The text, without its newline.</param>
/// <param name="IsError">True for stderr.</param>
public sealed record InstanceLogLine(string Function, int InstanceId, string Line, bool IsError);
