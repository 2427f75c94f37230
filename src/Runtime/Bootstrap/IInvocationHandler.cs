namespace LambdaRoutes.Bootstrap;

/// <summary>
/// What the Runtime API loop runs for each invocation: the event payload and its context in, the response out, either
/// buffered (posted to <c>/response</c> in one piece) or, when <see cref="Streams"/> is true, written chunk by chunk in
/// Lambda's response streaming mode (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming).
/// <see cref="RouteInvoker"/> is the production handler; the loop's tests plug in their own.
/// </summary>
internal interface IInvocationHandler
{
    /// <summary>True: every invocation is answered through <see cref="InvokeStreamingAsync"/>, never <see cref="InvokeAsync"/>.</summary>
    bool Streams { get; }

    /// <summary>Handles one invocation; the loop posts the returned payload. An exception is reported to <c>/error</c>.</summary>
    Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context);

    /// <summary>
    /// Handles one invocation in streaming mode: each call of <paramref name="write"/> sends one chunk at once. An exception
    /// after the first chunk can only go into the stream's error trailers.
    /// </summary>
    Task InvokeStreamingAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context, Func<ReadOnlyMemory<byte>, Task> write);
}
