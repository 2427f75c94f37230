namespace LambdaRoutes.Local.RuntimeApi;

/// <summary>An event waiting in a <see cref="QueuedRuntimeApi"/>, and the runtime's answer to it once it comes.</summary>
internal sealed record QueuedEvent(string RequestId, Task<RuntimeApiPost> Answer);

/// <summary>What the runtime posted.</summary>
internal enum RuntimeApiPostKind
{
    /// <summary><c>POST /invocation/{id}/response</c>, buffered or streamed (ended without error trailers).</summary>
    Response,

    /// <summary><c>POST /invocation/{id}/error</c>, or a stream that ended with error trailers.</summary>
    Error,

    /// <summary><c>POST /runtime/init/error</c>.</summary>
    InitError,
}

/// <summary>One answer the runtime posted to a <see cref="QueuedRuntimeApi"/>.</summary>
/// <param name="Kind">Response, error or init error.</param>
/// <param name="RequestId">The invocation it answers; null for an init error.</param>
/// <param name="ErrorType">The <c>Lambda-Runtime-Function-Error-Type</c> (header, trailer or the body's <c>errorType</c>).</param>
/// <param name="Body">The response payload, or the error JSON.</param>
/// <param name="ReceivedAt">Stopwatch timestamp of the moment the post was fully received.</param>
internal sealed record RuntimeApiPost(RuntimeApiPostKind Kind, string? RequestId, string? ErrorType, byte[] Body, long ReceivedAt)
{
    /// <summary>The path it was posted to.</summary>
    public string Path { get; init; } = "";

    /// <summary>The request headers (case-insensitive names).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A streamed post's trailer fields (the error of a stream that failed mid-way).</summary>
    public IReadOnlyDictionary<string, string> Trailers { get; init; } = new Dictionary<string, string>();

    /// <summary>A streamed response's <c>Content-Type</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>A streamed response's body in the pieces the server read it in (empty for a buffered post).</summary>
    public IReadOnlyList<byte[]> StreamedPieces { get; init; } = [];

    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
