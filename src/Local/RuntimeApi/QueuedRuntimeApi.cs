using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using LambdaRoutes.Contracts.Events;

namespace LambdaRoutes.Local.RuntimeApi;

/// <summary>
/// The local Runtime API server (<see cref="LoopbackHttpServer"/> + <see cref="RuntimeApiEndpoints"/>, the same code an
/// emulator instance runs) with a backend that the caller scripts instead of an instance pool: events are queued with
/// <c>Enqueue</c>, <c>/next</c> hands them out in order, and every answer the runtime posts is recorded as a
/// <see cref="RuntimeApiPost"/>. Tests drive real runtimes (AOT bootstraps, the loop in-process) with it;
/// <see cref="Fault"/> lets a test make the server misbehave without a second HTTP implementation.
/// </summary>
internal sealed class QueuedRuntimeApi : IRuntimeApiBackend, IAsyncDisposable
{
    private readonly Channel<NextInvocation> _events = Channel.CreateUnbounded<NextInvocation>();
    private readonly Channel<RuntimeApiPost> _posts = Channel.CreateUnbounded<RuntimeApiPost>();
    private readonly Channel<byte[]> _liveChunks = Channel.CreateUnbounded<byte[]>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimeApiPost>> _outcomes = new();
    private readonly ConcurrentDictionary<string, OpenStream> _streams = new();
    private readonly AsyncLocal<HttpContext?> _request = new();
    private readonly List<string> _requestLines = [];
    private CancellationTokenSource _inFlight = new();
    private LoopbackHttpServer? _server;
    private WireRecorder? _wire;

    private QueuedRuntimeApi()
    {
    }

    /// <summary><c>host:port</c>, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Endpoint => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    public int Port => _server?.Port ?? throw new InvalidOperationException("not started");

    /// <summary>TCP connections accepted so far (1 for a runtime that keeps its connection alive).</summary>
    public int ConnectionCount => _server?.ConnectionCount ?? 0;

    /// <summary>
    /// Runs before the endpoints on every request; returns true when it answered the request itself. A fault test
    /// uses it to answer a 5xx, hold a request back, or drop the connection (<see cref="HttpContext.Abort"/>).
    /// </summary>
    public Func<HttpContext, Task<bool>>? Fault { get; set; }

    /// <summary>Every request received so far, as <c>METHOD /path</c>, in order (those <see cref="Fault"/> answered too).</summary>
    public IReadOnlyList<string> RequestLines()
    {
        lock (_requestLines)
        {
            return [.. _requestLines];
        }
    }

    /// <param name="recordWire">Keep the bytes each connection sent (<see cref="ReceivedBytes"/>), for tests of a runtime's HTTP framing.</param>
    public static async Task<QueuedRuntimeApi> StartAsync(bool recordWire = false)
    {
        var api = new QueuedRuntimeApi { _wire = recordWire ? new WireRecorder() : null };
        api._server = await LoopbackHttpServer.StartAsync(api.HandleAsync, api._wire).ConfigureAwait(false);
        return api;
    }

    /// <summary>Every byte each connection sent, one array per connection (needs <c>recordWire</c>).</summary>
    public IReadOnlyList<byte[]> ReceivedBytes() =>
        _wire?.Received() ?? throw new InvalidOperationException("started without recordWire");

    /// <summary>Queues an event; its <see cref="QueuedEvent.Answer"/> completes with the runtime's answer to it (response or error).</summary>
    /// <param name="requestId">The <c>Lambda-Runtime-Aws-Request-Id</c>; unique among the events not answered yet.</param>
    /// <param name="payload">The event JSON.</param>
    /// <param name="deadlineMs">The <c>Lambda-Runtime-Deadline-Ms</c>; 30 s from now by default.</param>
    /// <param name="traceId">The <c>Lambda-Runtime-Trace-Id</c>; a sampled X-Ray id by default.</param>
    /// <param name="functionArn">The <c>Lambda-Runtime-Invoked-Function-Arn</c>; a function of the local account by default.</param>
    public QueuedEvent Enqueue(string requestId, byte[] payload, long? deadlineMs = null, string? traceId = null, string? functionArn = null) =>
        Enqueue(new NextInvocation(requestId, payload,
            deadlineMs ?? DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds(),
            functionArn ?? $"arn:aws:lambda:{LocalAccount.Region}:{LocalAccount.Id}:function:local",
            traceId ?? "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1"));

    /// <summary>Queues an event with every <c>/next</c> header spelled out (the mobile SDK's client context and identity too).</summary>
    public QueuedEvent Enqueue(NextInvocation next)
    {
        var outcome = new TaskCompletionSource<RuntimeApiPost>(TaskCreationOptions.RunContinuationsAsynchronously);
        _outcomes[next.RequestId] = outcome;
        _events.Writer.TryWrite(next);
        return new QueuedEvent(next.RequestId, outcome.Task);
    }

    /// <summary>
    /// Drops every request in flight with its connection (a <c>/next</c> still parked for a runtime that was killed
    /// must not take the next event; a fault test's "the connection went away").
    /// </summary>
    public void AbortRequestsInFlight()
    {
        var previous = Interlocked.Exchange(ref _inFlight, new CancellationTokenSource());
        previous.Cancel(); // not disposed: a request starting now may still read its token
    }

    /// <summary>The next answer the runtime posted (response, error or init error), in order; fails after <paramref name="seconds"/>.</summary>
    public Task<RuntimeApiPost> NextPostAsync(int seconds = 30) => ReadAsync(_posts, seconds, "The runtime posted nothing");

    /// <summary>The next piece of a streamed response, as soon as the server has it (before the stream ends).</summary>
    public Task<byte[]> NextChunkAsync(int seconds = 30) => ReadAsync(_liveChunks, seconds, "No streamed chunk arrived");

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        AbortRequestsInFlight();
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        lock (_requestLines)
        {
            _requestLines.Add(context.Request.Method + " " + context.Request.Path.Value);
        }

        if (Fault is { } fault && await fault(context).ConfigureAwait(false))
        {
            return;
        }

        using var abort = Volatile.Read(ref _inFlight).Token.Register(context.Abort);
        _request.Value = context; // the backend calls below record the request they answer
        await RuntimeApiEndpoints.HandleAsync(context, this).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(Channel<T> channel, int seconds, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await channel.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{what} within {seconds} s.");
        }
    }

    async Task<NextInvocation?> IRuntimeApiBackend.NextAsync(CancellationToken cancel)
    {
        try
        {
            return await _events.Reader.ReadAsync(cancel).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    bool IRuntimeApiBackend.Respond(string requestId, byte[] body) =>
        Record(new RuntimeApiPost(RuntimeApiPostKind.Response, requestId, null, body, Stopwatch.GetTimestamp()));

    bool IRuntimeApiBackend.Fail(string requestId, string errorType, byte[] body) =>
        Record(new RuntimeApiPost(RuntimeApiPostKind.Error, requestId, errorType, body, Stopwatch.GetTimestamp()));

    StreamedResponse? IRuntimeApiBackend.OpenStream(string requestId, string? contentType)
    {
        if (!_outcomes.ContainsKey(requestId))
        {
            return null;
        }

        var response = new StreamedResponse(contentType, LambdaLimits.MaxStreamedResponseBytes);
        _streams[requestId] = new OpenStream(response, PumpAsync(response));
        return response;
    }

    bool IRuntimeApiBackend.EndStream(string requestId, string? errorType, byte[]? errorBody)
    {
        if (!_streams.TryRemove(requestId, out var open) || !_outcomes.ContainsKey(requestId))
        {
            return false;
        }

        // The post as the request says it ended (read now, while the request is alive); the body follows once the pump
        // has every piece.
        var ended = WithRequest(new RuntimeApiPost(errorType is null ? RuntimeApiPostKind.Response : RuntimeApiPostKind.Error,
            requestId, errorType, errorBody ?? [], 0) { ContentType = open.Response.ContentType });
        open.Response.Complete();
        _ = RecordStreamAsync(open, ended);
        return true;
    }

    private async Task RecordStreamAsync(OpenStream open, RuntimeApiPost ended)
    {
        var pieces = await open.Pump.ConfigureAwait(false);
        Record(ended with
        {
            Body = ended.Kind == RuntimeApiPostKind.Response ? pieces.SelectMany(piece => piece).ToArray() : ended.Body,
            ReceivedAt = Stopwatch.GetTimestamp(),
            StreamedPieces = pieces,
        }, captureRequest: false);
    }

    void IRuntimeApiBackend.InitFailed(string errorType, byte[] body)
    {
        // As on Lambda, the init error is the answer to the first invoke (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html).
        var post = WithRequest(new RuntimeApiPost(RuntimeApiPostKind.InitError, null, errorType, body, Stopwatch.GetTimestamp()));
        _posts.Writer.TryWrite(post);
        if (_events.Reader.TryRead(out var first) && _outcomes.TryRemove(first.RequestId, out var outcome))
        {
            outcome.TrySetResult(post);
        }
    }

    private bool Record(RuntimeApiPost post, bool captureRequest = true)
    {
        if (!_outcomes.TryRemove(post.RequestId!, out var outcome))
        {
            return false; // not an event we handed out, or answered twice: the endpoint answers 400
        }

        post = captureRequest ? WithRequest(post) : post;
        _posts.Writer.TryWrite(post);
        outcome.TrySetResult(post);
        return true;
    }

    /// <summary>The post with the path, headers and trailers of the request that carried it.</summary>
    private RuntimeApiPost WithRequest(RuntimeApiPost post)
    {
        if (_request.Value is not { } context)
        {
            return post;
        }

        var request = context.Request;
        var trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.SupportsTrailers() && request.CheckTrailersAvailable() &&
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestTrailersFeature>() is { } feature)
        {
            foreach (var (name, value) in feature.Trailers)
            {
                trailers[name] = value.ToString();
            }
        }

        return post with
        {
            Path = request.Path.Value ?? "",
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Trailers = trailers,
        };
    }

    private async Task<List<byte[]>> PumpAsync(StreamedResponse response)
    {
        var pieces = new List<byte[]>();
        await foreach (var piece in response.ReadChunksAsync().ConfigureAwait(false))
        {
            var copy = piece.ToArray();
            pieces.Add(copy);
            _liveChunks.Writer.TryWrite(copy);
        }

        return pieces;
    }

    private sealed record OpenStream(StreamedResponse Response, Task<List<byte[]>> Pump);
}
