using System.Globalization;

namespace LambdaRoutes.RuntimeApi;

/// <summary>The real <see cref="IRuntimeApiClient"/> over <see cref="RuntimeHttpConnection"/> (contract in README.md beside this file).</summary>
internal sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    private const string Base = "/2018-06-01/runtime";
    private const string NextPath = Base + "/invocation/next";
    private static readonly KeyValuePair<string, string> UserAgent = new("User-Agent", "lambda-routes/0.1.0");
    private static readonly RequestHeaderLines JustUserAgent = new([UserAgent]);
    private static readonly RequestHeaderLines ResponseHeaders = new([UserAgent, new("Content-Type", "application/json")]);
    private readonly RuntimeHttpConnection _connection;
    private readonly Action<string> _logError;
    private string? _functionArn;

    /// <param name="endpoint"><c>host:port</c>, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</param>
    /// <param name="logError">Where non-fatal Runtime API refusals are reported.</param>
    public RuntimeApiClient(string endpoint, Action<string> logError)
    {
        var (host, port) = ParseEndpoint(endpoint);
        _connection = new RuntimeHttpConnection(host, port);
        _logError = logError;
    }

    /// <exception cref="FormatException">Not <c>host:port</c>.</exception>
    public static (string Host, int Port) ParseEndpoint(string endpoint)
    {
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port is < 1 or > 65535)
            throw new FormatException($"AWS_LAMBDA_RUNTIME_API must be host:port, got \"{endpoint}\".");
        return (endpoint[..colon].Trim('[', ']'), port);
    }

    public InvocationRequest GetNextInvocation(CancellationToken cancellationToken)
    {
        var response = _connection.Send("GET", NextPath, JustUserAgent, ReadOnlySpan<byte>.Empty, cancellationToken);
        if (response.StatusCode != 200)
            throw new RuntimeApiException($"GET /runtime/invocation/next answered {response.StatusCode}", response.StatusCode);
        var h = response.Headers;
        var requestId = h[RuntimeApiHeaders.RequestId];
        if (string.IsNullOrEmpty(requestId))
            throw new RuntimeApiException("GET /runtime/invocation/next gave no Lambda-Runtime-Aws-Request-Id", response.StatusCode);
        _ = h.TryGetInt64(RuntimeApiHeaders.DeadlineMs, out var deadline);
        // The function ARN is the same on every invocation: the previous string is kept when the bytes match.
        _functionArn = h.Get(RuntimeApiHeaders.InvokedFunctionArn, reuse: _functionArn) ?? "";
        return new InvocationRequest(requestId, deadline, _functionArn,
            h[RuntimeApiHeaders.TraceId], h[RuntimeApiHeaders.TenantId], response.Body,
            h[RuntimeApiHeaders.ClientContext], h[RuntimeApiHeaders.CognitoIdentity]);
    }

    public void SendResponse(string requestId, byte[] payload, CancellationToken cancellationToken) =>
        Post(InvocationPath(requestId, "/response"), ResponseHeaders, payload, cancellationToken);

    public async Task<Exception?> SendStreamingResponseAsync(
        string requestId, StreamingResponseBody writeBody, CancellationToken cancellationToken)
    {
        var path = InvocationPath(requestId, "/response");
        var headers = new[]
        {
            UserAgent,
            new KeyValuePair<string, string>("Content-Type", "application/vnd.awslambda.http-integration-response"),
            new KeyValuePair<string, string>(RuntimeApiHeaders.FunctionResponseMode, "streaming"),
            new KeyValuePair<string, string>("Trailer", RuntimeApiHeaders.FunctionErrorType + ", " + RuntimeApiHeaders.FunctionErrorBody),
        };
        var (response, failure) = await _connection.SendChunkedAsync("POST", path, headers, writeBody, StreamingErrorTrailers, cancellationToken)
            .ConfigureAwait(false);
        Check(path, response);
        return failure;
    }

    /// <summary>https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming: the error type, and the error JSON base64-encoded (it contains newlines, a trailer cannot).</summary>
    private static KeyValuePair<string, string>[] StreamingErrorTrailers(Exception error) => new[]
    {
        new KeyValuePair<string, string>(RuntimeApiHeaders.FunctionErrorType, ErrorPayload.ErrorType(error)),
        new KeyValuePair<string, string>(RuntimeApiHeaders.FunctionErrorBody, Convert.ToBase64String(ErrorPayload.Write(error))),
    };

    public void ReportInvocationError(string requestId, Exception error, CancellationToken cancellationToken) =>
        Post(InvocationPath(requestId, "/error"), ErrorHeaders(error), ErrorPayload.Write(error), cancellationToken);

    public void ReportInitializationError(Exception error, CancellationToken cancellationToken) =>
        Post(Base + "/init/error", ErrorHeaders(error), ErrorPayload.Write(error), cancellationToken);

    public void Dispose() => _connection.Dispose();

    private static RequestHeaderLines ErrorHeaders(Exception error) => new(new[]
    {
        UserAgent,
        new KeyValuePair<string, string>("Content-Type", "application/vnd.aws.lambda.error+json"),
        new KeyValuePair<string, string>(RuntimeApiHeaders.FunctionErrorType, ErrorPayload.ErrorType(error)),
    });

    private static string InvocationPath(string requestId, string call) =>
        string.Concat(Base + "/invocation/", Uri.EscapeDataString(requestId), call);

    private void Post(string path, RequestHeaderLines headers, byte[] body, CancellationToken ct) =>
        Check(path, _connection.Send("POST", path, headers, body, ct));

    private void Check(string path, RuntimeHttpResponse response)
    {
        if (response.StatusCode is >= 200 and < 300) return;
        // 500 means "Container error. Non-recoverable state." (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html); 4xx refuses this one payload only.
        if (response.StatusCode >= 500)
            throw new RuntimeApiException($"POST {path} answered {response.StatusCode}", response.StatusCode);
        _logError($"POST {path} answered {response.StatusCode}: {System.Text.Encoding.UTF8.GetString(response.Body)}");
    }
}
