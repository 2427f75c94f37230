using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace LambdaRoutes.Bench;

/// <summary>
/// A deliberately tiny Lambda Runtime API server (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html: <c>/next</c>, <c>/response</c>, <c>/error</c>,
/// <c>/init/error</c>) on 127.0.0.1 for precise timing: it is started once per peer and kept running, so a cold start
/// measured here is exactly <c>Process.Start</c> → the first <c>/response</c> body fully received, with no server start
/// inside the interval; and a warm invocation is the event's first byte written → the response body fully received.
/// The emulator (src/Local) starts a Kestrel server per instance, which costs milliseconds inside its cold starts;
/// the driver reports its numbers too, as a cross-check.
/// </summary>
internal sealed class FocusedRuntimeApi : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Pending> _events = Channel.CreateBounded<Pending>(1);
    private readonly List<(Task Task, CancellationTokenSource Cancel, Socket Socket)> _connections = [];
    private readonly Task _accepting;
    private long _firstNextAt;
    private Pending? _current;

    public FocusedRuntimeApi()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Stopwatch timestamp of the first <c>/next</c> since <see cref="ResetInit"/> (0 if none yet).</summary>
    public long FirstNextAt => Interlocked.Read(ref _firstNextAt);

    public void ResetInit() => Interlocked.Exchange(ref _firstNextAt, 0);

    /// <summary>Queues an event; the task ends when the runtime posted its answer (or after <paramref name="timeout"/>).</summary>
    public async Task<Answer> InvokeAsync(byte[] payload, TimeSpan timeout)
    {
        var pending = new Pending(Guid.NewGuid().ToString(), payload);
        using var cancel = new CancellationTokenSource(timeout);
        await _events.Writer.WriteAsync(pending, cancel.Token).ConfigureAwait(false);
        using (cancel.Token.Register(() => pending.Done.TrySetException(new TimeoutException($"no answer within {timeout.TotalSeconds} s"))))
        {
            return await pending.Done.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Drops an event no runtime took (after a failed start).</summary>
    public void Drain()
    {
        while (_events.Reader.TryRead(out _))
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            socket.NoDelay = true;
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            lock (_connections)
            {
                _connections.RemoveAll(c => c.Task.IsCompleted);
                _connections.Add((ServeAsync(socket, cancel.Token), cancel, socket));
            }
        }
    }

    /// <summary>
    /// Closes every runtime connection (after its process was killed): a handler still parked in <c>/next</c> must not
    /// take the next process's event.
    /// </summary>
    public async Task AbortConnectionsAsync()
    {
        (Task Task, CancellationTokenSource Cancel, Socket Socket)[] open;
        lock (_connections)
        {
            open = [.. _connections];
            _connections.Clear();
        }

        foreach (var connection in open)
        {
            await connection.Cancel.CancelAsync().ConfigureAwait(false);
        }

        await Task.WhenAny(Task.WhenAll(open.Select(c => c.Task)), Task.Delay(5000)).ConfigureAwait(false);
        foreach (var connection in open)
        {
            connection.Socket.Dispose();
            connection.Cancel.Dispose();
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken stop)
    {
        await Task.Yield();
        var reader = new HttpReader(socket);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var request = await reader.ReadRequestAsync(stop).ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                var received = Stopwatch.GetTimestamp();
                var path = request.Target;
                if (request.Method == "GET" && path.EndsWith("/runtime/invocation/next", StringComparison.Ordinal))
                {
                    Interlocked.CompareExchange(ref _firstNextAt, received, 0);
                    var current = await _events.Reader.ReadAsync(stop).ConfigureAwait(false);
                    Volatile.Write(ref _current, current);
                    var head = Encoding.ASCII.GetBytes(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" +
                        $"Lambda-Runtime-Aws-Request-Id: {current.RequestId}\r\n" +
                        $"Lambda-Runtime-Deadline-Ms: {DateTimeOffset.UtcNow.AddSeconds(10).ToUnixTimeMilliseconds()}\r\n" +
                        "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:000000000000:function:bench\r\n" +
                        "Lambda-Runtime-Trace-Id: Root=1-00000000-000000000000000000000000;Sampled=0\r\n" +
                        $"Content-Length: {current.Payload.Length}\r\n\r\n");
                    var message = new byte[head.Length + current.Payload.Length];
                    head.CopyTo(message, 0);
                    current.Payload.CopyTo(message, head.Length);
                    current.SentAt = Stopwatch.GetTimestamp();
                    await socket.SendAsync(message, SocketFlags.None, stop).ConfigureAwait(false);
                }
                else if (request.Method == "POST" && Volatile.Read(ref _current) is { } current &&
                         (path.EndsWith("/response", StringComparison.Ordinal) || path.EndsWith("/error", StringComparison.Ordinal)))
                {
                    // Runtimes may post on another connection than the one that took the event (curl in aws-lambda-ric does).
                    Interlocked.CompareExchange(ref _current, null, current);
                    var ok = path.EndsWith("/response", StringComparison.Ordinal) && path.Contains(current.RequestId, StringComparison.Ordinal);
                    await AcceptedAsync(socket, stop).ConfigureAwait(false);
                    current.Done.TrySetResult(new Answer(ok, request.Body, current.SentAt, received));
                }
                else if (request.Method == "POST" && path.EndsWith("/init/error", StringComparison.Ordinal))
                {
                    await AcceptedAsync(socket, stop).ConfigureAwait(false);
                    if (_events.Reader.TryRead(out var waiting))
                    {
                        waiting.Done.TrySetResult(new Answer(false, request.Body, 0, received));
                    }
                }
                else
                {
                    var body = "{\"errorType\":\"InvalidRequest\",\"errorMessage\":\"unknown endpoint\"}"u8.ToArray();
                    await socket.SendAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n")
                        .Concat(body).ToArray(), SocketFlags.None, stop).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or FormatException)
        {
            // The process was killed or the server is stopping.
        }
    }

    private static Task AcceptedAsync(Socket socket, CancellationToken stop) => socket.SendAsync(
        "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}"u8.ToArray(),
        SocketFlags.None, stop).AsTask();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        await AbortConnectionsAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>The runtime's answer: success or not, its body, and the timestamps of the event sent / answer received.</summary>
    public sealed record Answer(bool Success, byte[] Body, long SentAt, long ReceivedAt);

    private sealed class Pending(string requestId, byte[] payload)
    {
        public string RequestId { get; } = requestId;

        public byte[] Payload { get; } = payload;

        public long SentAt { get; set; }

        public TaskCompletionSource<Answer> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record Request(string Method, string Target, byte[] Body);

    /// <summary>Reads HTTP/1.1 requests: Content-Length and chunked bodies; answers <c>Expect: 100-continue</c>.</summary>
    private sealed class HttpReader(Socket socket)
    {
        private byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<Request?> ReadRequestAsync(CancellationToken cancel)
        {
            var first = await ReadLineAsync(cancel).ConfigureAwait(false);
            if (first is null)
            {
                return null;
            }

            var parts = first.Split(' ');
            if (parts.Length < 3)
            {
                throw new FormatException("bad request line");
            }

            var length = 0;
            var chunked = false;
            var expectContinue = false;
            for (var line = await ReadLineAsync(cancel).ConfigureAwait(false); !string.IsNullOrEmpty(line); line = await ReadLineAsync(cancel).ConfigureAwait(false))
            {
                var colon = line.IndexOf(':');
                var name = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = int.Parse(value, CultureInfo.InvariantCulture);
                else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
                else if (name.Equals("Expect", StringComparison.OrdinalIgnoreCase)) expectContinue = value.Equals("100-continue", StringComparison.OrdinalIgnoreCase);
            }

            if (expectContinue)
            {
                await socket.SendAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), SocketFlags.None, cancel).ConfigureAwait(false);
            }

            byte[] body;
            if (!chunked)
            {
                body = await TakeAsync(length, cancel).ConfigureAwait(false);
            }
            else
            {
                using var all = new MemoryStream();
                for (var i = 0; i < 1_000_000; i++)
                {
                    var sizeLine = await ReadLineAsync(cancel).ConfigureAwait(false) ?? throw new IOException("closed in a chunk");
                    var semi = sizeLine.IndexOf(';');
                    var size = int.Parse(semi >= 0 ? sizeLine[..semi] : sizeLine, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (size == 0)
                    {
                        while (!string.IsNullOrEmpty(await ReadLineAsync(cancel).ConfigureAwait(false)))
                        {
                        }

                        break;
                    }

                    all.Write(await TakeAsync(size, cancel).ConfigureAwait(false));
                    await ReadLineAsync(cancel).ConfigureAwait(false);
                }

                body = all.ToArray();
            }

            return new Request(parts[0], parts[1], body);
        }

        private async Task<string?> ReadLineAsync(CancellationToken cancel)
        {
            while (true)
            {
                var i = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
                if (i >= 0)
                {
                    var line = Encoding.ASCII.GetString(_buffer, _start, i);
                    _start += i + 2;
                    return line;
                }

                if (!await FillAsync(cancel).ConfigureAwait(false))
                {
                    return null;
                }
            }
        }

        private async Task<byte[]> TakeAsync(int count, CancellationToken cancel)
        {
            var result = new byte[count];
            var got = 0;
            while (got < count)
            {
                if (_start == _end && !await FillAsync(cancel).ConfigureAwait(false))
                {
                    throw new IOException("closed in a body");
                }

                var take = Math.Min(count - got, _end - _start);
                Array.Copy(_buffer, _start, result, got, take);
                _start += take;
                got += take;
            }

            return result;
        }

        private async Task<bool> FillAsync(CancellationToken cancel)
        {
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancel).ConfigureAwait(false);
            _end += read;
            return read > 0;
        }
    }
}
