using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace LambdaRoutes.Runtime.Tests.Reliability;

/// <summary>One request the runtime sent to <see cref="ScriptedRuntimeApi"/>.</summary>
internal sealed record ScriptedRequest(int Index, string Method, string Path, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A raw-socket Runtime API on 127.0.0.1 whose every answer is scripted, so a test can make it misbehave: answer a
/// 5xx, close the connection without a word, cut a body short, or speak something that is not HTTP.
/// The script gets each request (numbered from 0 across connections) and the connection's stream, writes whatever it
/// likes, and returns false to close the connection.
/// </summary>
internal sealed class ScriptedRuntimeApi : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<ScriptedRequest, Stream, Task<bool>> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = new();
    private readonly Task _accept;
    private int _index = -1;

    public ScriptedRuntimeApi(Func<ScriptedRequest, Stream, Task<bool>> script)
    {
        _script = script;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accept = AcceptAsync();
    }

    public string Endpoint => "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every request received, in order.</summary>
    public Channel<ScriptedRequest> Requests { get; } = Channel.CreateUnbounded<ScriptedRequest>();

    public List<ScriptedRequest> Received()
    {
        var list = new List<ScriptedRequest>();
        while (Requests.Reader.TryRead(out var r)) list.Add(r);
        return list;
    }

    /// <summary>An HTTP/1.1 answer with a Content-Length body.</summary>
    public static async Task Answer(Stream stream, int status, byte[] body, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} X\r\n");
        foreach (var (n, v) in headers) head.Append(n).Append(": ").Append(v).Append("\r\n");
        head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    /// <summary>A <c>next</c> answer carrying <paramref name="payload"/> for request <paramref name="id"/>.</summary>
    public static Task Event(Stream stream, string id, byte[] payload, long? deadlineMs = null) =>
        Answer(stream, 200, payload,
            ("Lambda-Runtime-Aws-Request-Id", id),
            ("Lambda-Runtime-Deadline-Ms", (deadlineMs ?? DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture)),
            ("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:fault"),
            ("Content-Type", "application/json"));

    public static bool IsNext(ScriptedRequest r) => r.Method == "GET" && r.Path.EndsWith("/invocation/next", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _accept; } catch (Exception) { /* stopping */ }
        Task[] open;
        lock (_connections) open = _connections.ToArray();
        try { await Task.WhenAll(open).WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { /* stopping */ }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            lock (_connections) _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var request = await ReadAsync(stream, _stop.Token);
                if (request is null) return;
                Requests.Writer.TryWrite(request);
                if (!await _script(request, stream)) return;
            }
        }
        catch (Exception)
        {
            // The runtime went away, or the test is stopping.
        }
    }

    private async Task<ScriptedRequest?> ReadAsync(Stream stream, CancellationToken ct)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (await stream.ReadAsync(one, ct) == 0) return null;
            head.Add(one[0]);
        }
        var lines = Encoding.UTF8.GetString(head.ToArray()).Split("\r\n");
        var parts = lines[0].Split(' ');
        var length = 0;
        foreach (var line in lines.Skip(1))
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        var body = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var n = await stream.ReadAsync(body.AsMemory(filled), ct);
            if (n == 0) return null;
            filled += n;
        }
        return new ScriptedRequest(Interlocked.Increment(ref _index), parts[0], parts[1], body);
    }
}
