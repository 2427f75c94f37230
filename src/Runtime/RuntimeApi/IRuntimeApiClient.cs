namespace LambdaRoutes.RuntimeApi;

/// <summary>
/// The Runtime API as the loop sees it (the seam RuntimeSupport calls <c>IRuntimeApiClient</c>): tests plug in a
/// fake and run the loop with no network. The calls are synchronous because the loop has nothing to overlap them with
/// (see <see cref="RuntimeHttpConnection"/>); only a streamed response, written while the handler runs, is asynchronous.
/// </summary>
internal interface IRuntimeApiClient
{
    /// <summary>Long-polls for the next invocation. Never times out.</summary>
    /// <exception cref="RuntimeApiException">The Runtime API answered with an error: the process must exit.</exception>
    InvocationRequest GetNextInvocation(CancellationToken cancellationToken);

    /// <summary>Posts the response payload of invocation <paramref name="requestId"/>.</summary>
    void SendResponse(string requestId, byte[] payload, CancellationToken cancellationToken);

    /// <summary>
    /// Streams the response of invocation <paramref name="requestId"/> (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): chunked, one chunk per write of
    /// <paramref name="writeBody"/>. When <paramref name="writeBody"/> throws, the stream ends with the error trailers and
    /// the exception is returned (not thrown); null means the stream ended normally.
    /// </summary>
    Task<Exception?> SendStreamingResponseAsync(string requestId, StreamingResponseBody writeBody, CancellationToken cancellationToken);

    /// <summary>Reports that invocation <paramref name="requestId"/> failed, with AWS's error JSON.</summary>
    void ReportInvocationError(string requestId, Exception error, CancellationToken cancellationToken);

    /// <summary>Reports that the function could not initialise; the caller then exits non-zero.</summary>
    void ReportInitializationError(Exception error, CancellationToken cancellationToken);
}

/// <summary>The Runtime API answered with a status that leaves the runtime in a non-recoverable state.</summary>
internal sealed class RuntimeApiException : Exception
{
    public RuntimeApiException(string message, int statusCode) : base(message) => StatusCode = statusCode;

    public int StatusCode { get; }
}
