using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace LambdaRoutes.Runtime.Tests.Support;

/// <summary>One invocation the fake serves from <c>GET /runtime/invocation/next</c>.</summary>
internal sealed record QueuedInvocation(string RequestId, byte[] Payload, long DeadlineMs, string? TraceId, bool Chunked);

/// <summary>A request the runtime posted (response, error or init error).</summary>
internal sealed record RuntimeApiPost(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>For a chunked (streamed) post: the body bytes exactly as they came over the socket, chunk framing included.</summary>
    public byte[] WireBody { get; init; } = Array.Empty<byte>();

    /// <summary>For a chunked post: each chunk's payload, in order.</summary>
    public IReadOnlyList<byte[]> Chunks { get; init; } = Array.Empty<byte[]>();

    /// <summary>For a chunked post: the trailer fields after the last chunk.</summary>
    public IReadOnlyDictionary<string, string> Trailers { get; init; } = new Dictionary<string, string>();

    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A Lambda Runtime API on 127.0.0.1 speaking real HTTP/1.1 over TCP (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html): serves queued events from
/// <c>next</c> (long-polling until one is queued), records every POST and answers 202. Options exercise the client's
/// edge cases: chunked bodies, and closing the connection after each response.
/// </summary>
internal sealed class FakeRuntimeApi : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Channel<QueuedInvocation> _queue = Channel.CreateUnbounded<QueuedInvocation>();
    private readonly Channel<RuntimeApiPost> _posts = Channel.CreateUnbounded<RuntimeApiPost>();
    private readonly Channel<byte[]> _liveChunks = Channel.CreateUnbounded<byte[]>();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = new();
    private readonly Task _acceptLoop;
    private int _connectionCount;

    public FakeRuntimeApi()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public string Endpoint => "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>TCP connections accepted so far (1 for a client that keeps its connection alive).</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Close the connection after every response (a server that does not keep connections alive).</summary>
    public bool CloseAfterEachResponse { get; set; }

    /// <summary>Close the connection after every response without saying so (an idle keep-alive connection the server dropped).</summary>
    public bool DropSilentlyAfterEachResponse { get; set; }

    /// <summary>Status code answered to <c>next</c> instead of an event (e.g. 500), when set.</summary>
    public int? NextStatus { get; set; }

    public void Enqueue(string requestId, byte[] payload, long? deadlineMs = null, string? traceId = null, bool chunked = false) =>
        _queue.Writer.TryWrite(new QueuedInvocation(requestId, payload,
            deadlineMs ?? DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds(), traceId, chunked));

    /// <summary>The next POST the runtime made; fails the test after <paramref name="seconds"/>.</summary>
    public async Task<RuntimeApiPost> NextPostAsync(int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _posts.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The runtime posted nothing within {seconds} s.");
        }
    }

    /// <summary>The next chunk of a streamed post, as soon as it arrives (before the post is complete).</summary>
    public async Task<byte[]> NextChunkAsync(int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await _liveChunks.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No streamed chunk arrived within {seconds} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _acceptLoop; } catch (Exception) { /* stopping */ }
        Task[] open;
        lock (_connections) open = _connections.ToArray();
        try { await Task.WhenAll(open); } catch (Exception) { /* connections end with the listener */ }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            Interlocked.Increment(ref _connectionCount);
            lock (_connections) _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new HttpReader(stream, chunk => _liveChunks.Writer.TryWrite(chunk));
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var request = await reader.ReadRequestAsync(_stop.Token);
                if (request is null) return;
                var close = CloseAfterEachResponse;
                if (request.Method == "GET" && request.Path == "/2018-06-01/runtime/invocation/next")
                {
                    if (NextStatus is { } status)
                    {
                        await WriteAsync(stream, status, new Dictionary<string, string>(), "{\"errorMessage\":\"fake\"}"u8.ToArray(), false, close);
                    }
                    else
                    {
                        var invocation = await _queue.Reader.ReadAsync(_stop.Token);
                        var headers = new Dictionary<string, string>
                        {
                            ["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId,
                            ["Lambda-Runtime-Deadline-Ms"] = invocation.DeadlineMs.ToString(CultureInfo.InvariantCulture),
                            ["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:fake",
                            ["Content-Type"] = "application/json",
                        };
                        if (invocation.TraceId is not null) headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
                        await WriteAsync(stream, 200, headers, invocation.Payload, invocation.Chunked, close);
                    }
                }
                else if (request.Method == "POST")
                {
                    _posts.Writer.TryWrite(new RuntimeApiPost(request.Path, request.Headers, request.Body)
                    {
                        WireBody = request.WireBody, Chunks = request.Chunks, Trailers = request.Trailers,
                    });
                    await WriteAsync(stream, 202, new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                        "{\"status\":\"OK\"}"u8.ToArray(), false, close);
                }
                else
                {
                    await WriteAsync(stream, 404, new Dictionary<string, string>(), Array.Empty<byte>(), false, close);
                }
                if (close || DropSilentlyAfterEachResponse) return;
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The runtime process went away.
        }
    }

    private static async Task WriteAsync(Stream stream, int status, Dictionary<string, string> headers, byte[] body, bool chunked, bool close)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {(status == 200 ? "OK" : status == 202 ? "Accepted" : "Error")}\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("Date: ").Append(DateTime.UtcNow.ToString("R", CultureInfo.InvariantCulture)).Append("\r\n");
        if (close) head.Append("Connection: close\r\n");
        head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n").Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        if (!chunked)
        {
            await stream.WriteAsync(body);
        }
        else
        {
            // Odd chunk sizes so chunk boundaries fall inside multi-byte characters and the client's buffer edges.
            for (var offset = 0; offset < body.Length; offset += 7777)
            {
                var size = Math.Min(7777, body.Length - offset);
                await stream.WriteAsync(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + ";ext=1\r\n"));
                await stream.WriteAsync(body.AsMemory(offset, size));
                await stream.WriteAsync("\r\n"u8.ToArray());
            }
            await stream.WriteAsync("0\r\nX-Trailer: t\r\n\r\n"u8.ToArray());
        }
        await stream.FlushAsync();
    }

    private sealed record HttpRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public byte[] WireBody { get; init; } = Array.Empty<byte>();
        public List<byte[]> Chunks { get; init; } = new();
        public Dictionary<string, string> Trailers { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reads requests off one connection (request line, headers, Content-Length or chunked body with trailers).</summary>
    private sealed class HttpReader(Stream stream, Action<byte[]> onChunk)
    {
        private MemoryStream? _wire;

        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<HttpRequest?> ReadRequestAsync(CancellationToken ct)
        {
            var line = await ReadLineAsync(ct);
            if (line is null) return null;
            var parts = line.Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (await ReadLineAsync(ct) is { Length: > 0 } h)
            {
                var colon = h.IndexOf(':');
                headers[h[..colon].Trim()] = h[(colon + 1)..].Trim();
            }
            if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
                return await ReadChunkedAsync(parts[0], parts[1], headers, ct);
            var length = headers.TryGetValue("Content-Length", out var cl) ? int.Parse(cl, CultureInfo.InvariantCulture) : 0;
            var body = await ReadExactAsync(length, ct);
            return body is null ? null : new HttpRequest(parts[0], parts[1], headers, body);
        }

        private async Task<HttpRequest?> ReadChunkedAsync(string method, string path, Dictionary<string, string> headers, CancellationToken ct)
        {
            _wire = new MemoryStream();
            var chunks = new List<byte[]>();
            var trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                var sizeLine = await ReadLineAsync(ct);
                if (sizeLine is null) return null;
                var size = int.Parse(sizeLine.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0) break;
                var chunk = await ReadExactAsync(size, ct);
                if (chunk is null || await ReadLineAsync(ct) is not "") return null;
                chunks.Add(chunk);
                onChunk(chunk);
            }
            while (await ReadLineAsync(ct) is { Length: > 0 } trailer)
            {
                var colon = trailer.IndexOf(':');
                trailers[trailer[..colon].Trim()] = trailer[(colon + 1)..].Trim();
            }
            var wire = _wire.ToArray();
            _wire = null;
            return new HttpRequest(method, path, headers, chunks.SelectMany(c => c).ToArray())
            {
                WireBody = wire, Chunks = chunks, Trailers = trailers,
            };
        }

        private async Task<byte[]?> ReadExactAsync(int length, CancellationToken ct)
        {
            var body = new byte[length];
            var filled = 0;
            while (filled < length)
            {
                if (_start == _end && !await FillAsync(ct)) return null;
                var n = Math.Min(length - filled, _end - _start);
                Buffer.BlockCopy(_buffer, _start, body, filled, n);
                _wire?.Write(_buffer, _start, n);
                _start += n;
                filled += n;
            }
            return body;
        }

        private async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var bytes = new List<byte>();
            while (true)
            {
                if (_start == _end && !await FillAsync(ct)) return null;
                var b = _buffer[_start++];
                _wire?.WriteByte(b);
                if (b == '\n') return Encoding.UTF8.GetString(bytes.ToArray()).TrimEnd('\r');
                bytes.Add(b);
            }
        }

        private async Task<bool> FillAsync(CancellationToken ct)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, ct);
            return _end > 0;
        }
    }
}
