namespace LambdaRoutes.Local;

/// <summary>
/// What <see cref="LambdaEmulator.InvokeStreamingAsync"/> returns as soon as it is known: the streamed response when
/// the runtime opened one, and the invocation's final result.
/// </summary>
/// <param name="Response">The body as it arrives; null when the invocation ended without streaming (a buffered
/// <c>/response</c>, an error, a timeout, an init failure): <paramref name="Completion"/> then has everything.</param>
/// <param name="Completion">The result once the invocation has ended. After a stream, its payload is empty on success;
/// an error the runtime reported in its trailers is a <see cref="InvocationOutcome.FunctionError"/> with that error.</param>
public sealed record StreamingInvocation(StreamedResponse? Response, Task<InvocationResult> Completion);
