namespace LambdaRoutes.Local.RuntimeApi;

/// <summary>What the Runtime API endpoints ask of the instance behind them (one backend per instance and port).</summary>
internal interface IRuntimeApiBackend
{
    /// <summary><c>GET /next</c>: the first call ends init; waits for the next event. Null when the wait was aborted.</summary>
    Task<NextInvocation?> NextAsync(CancellationToken cancel);

    /// <summary><c>POST /response</c>; false when <paramref name="requestId"/> is not the invocation in flight.</summary>
    bool Respond(string requestId, byte[] body);

    /// <summary><c>POST /error</c>; false when <paramref name="requestId"/> is not the invocation in flight.</summary>
    bool Fail(string requestId, string errorType, byte[] body);

    /// <summary>
    /// <c>POST /response</c> in streaming mode: where its chunks go while they arrive. Null when the caller wants the
    /// response whole or <paramref name="requestId"/> is not the invocation in flight (the body is then read whole).
    /// </summary>
    StreamedResponse? OpenStream(string requestId, string? contentType);

    /// <summary>The end of a stream opened by <see cref="OpenStream"/>: success, or the error its trailers reported.</summary>
    bool EndStream(string requestId, string? errorType, byte[]? errorBody);

    /// <summary><c>POST /runtime/init/error</c>.</summary>
    void InitFailed(string errorType, byte[] body);
}

/// <summary>An event as <c>/next</c> returns it, with the headers of https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html.</summary>
internal sealed record NextInvocation(string RequestId, byte[] Payload, long DeadlineMs, string FunctionArn, string TraceId)
{
    /// <summary><c>Lambda-Runtime-Client-Context</c>: the mobile SDK's client context JSON, when the caller sent one.</summary>
    public string? ClientContext { get; init; }

    /// <summary><c>Lambda-Runtime-Cognito-Identity</c>: the mobile SDK's Cognito identity JSON, when the caller sent one.</summary>
    public string? CognitoIdentity { get; init; }
}
