// The minimal Runtime API loop: the same logic as bench/apps/BenchApp/api/echo.cs with nothing in between —
// one keep-alive socket, hand-parsed HTTP/1.1, Utf8JsonReader over the HTTP API 2.0 event, Utf8JsonWriter for the answer.
using System.Buffers;
using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

var api = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
if (string.IsNullOrEmpty(api) || api.LastIndexOf(':') is var colon && colon <= 0)
{
    Console.Error.WriteLine("AWS_LAMBDA_RUNTIME_API is not set");
    return 2;
}

var port = int.Parse(api[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
#if BENCH_ASYNC
// Diagnostic variant (-p:BenchAsync=true): the same loop with async socket I/O, as a Runtime API client built on await.
await AsyncLoop.RunAsync(api[..colon], port);
return 0;
#else

using var http = new MiniHttp(api[..colon], port);
var output = new ArrayBufferWriter<byte>(1024);
var inner = new ArrayBufferWriter<byte>(256);
while (true)
{
    var (requestId, payload) = http.Next();
    output.Clear();
    inner.Clear();
    Handler.Handle(payload, inner, output);
    http.Respond(requestId, output.WrittenSpan);
}
#endif

/// <summary>One keep-alive HTTP/1.1 connection to the Runtime API: Content-Length and chunked responses.</summary>
internal sealed class MiniHttp : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _head;
    private readonly string _host;
    private byte[] _buf = new byte[64 * 1024];
    private int _start;
    private int _end;

    public MiniHttp(string host, int port)
    {
        _host = host + ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket.Connect(host, port);
        _head = Encoding.ASCII.GetBytes($"GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: {_host}\r\n\r\n");
    }

    public (string RequestId, byte[] Payload) Next()
    {
        _socket.Send(_head);
        var (id, body) = ReadResponse("lambda-runtime-aws-request-id");
        return (id ?? throw new InvalidOperationException("no request id"), body);
    }

    public void Respond(string requestId, ReadOnlySpan<byte> body)
    {
        var head = Encoding.ASCII.GetBytes(
            $"POST /2018-06-01/runtime/invocation/{requestId}/response HTTP/1.1\r\nHost: {_host}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        _socket.Send(head);
        _socket.Send(body);
        ReadResponse(null);
    }

    private (string? Header, byte[] Body) ReadResponse(string? wanted)
    {
        string? found = null;
        var length = -1;
        var chunked = false;
        var status = ReadLine();
        if (!status.StartsWith("HTTP/1.1 2", StringComparison.Ordinal)) throw new InvalidOperationException("Runtime API answered " + status);
        for (var line = ReadLine(); line.Length > 0; line = ReadLine())
        {
            var colon = line.IndexOf(':');
            var name = line.AsSpan(0, colon);
            var value = line.AsSpan(colon + 1).Trim();
            if (name.Equals("content-length", StringComparison.OrdinalIgnoreCase)) length = int.Parse(value, provider: System.Globalization.CultureInfo.InvariantCulture);
            else if (name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase)) chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            else if (wanted is not null && name.Equals(wanted, StringComparison.OrdinalIgnoreCase)) found = value.ToString();
        }

        if (!chunked) return (found, Take(Math.Max(length, 0)));
        var parts = new List<byte[]>();
        while (true)
        {
            var size = ReadLine();
            var semi = size.IndexOf(';');
            if (!Utf8Parser.TryParse(Encoding.ASCII.GetBytes(semi >= 0 ? size[..semi] : size), out int n, out _, 'x')) throw new InvalidOperationException("bad chunk");
            if (n == 0)
            {
                while (ReadLine().Length > 0) { }
                break;
            }

            parts.Add(Take(n));
            ReadLine();
        }

        return (found, parts.SelectMany(p => p).ToArray());
    }

    private string ReadLine()
    {
        while (true)
        {
            var i = _buf.AsSpan(_start, _end - _start).IndexOf("\r\n"u8);
            if (i >= 0)
            {
                var line = Encoding.ASCII.GetString(_buf, _start, i);
                _start += i + 2;
                return line;
            }

            Fill();
        }
    }

    private byte[] Take(int n)
    {
        var result = new byte[n];
        var got = 0;
        while (got < n)
        {
            if (_start == _end) Fill();
            var take = Math.Min(n - got, _end - _start);
            Array.Copy(_buf, _start, result, got, take);
            _start += take;
            got += take;
        }

        return result;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Array.Copy(_buf, _start, _buf, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buf.Length) Array.Resize(ref _buf, _buf.Length * 2);
        var read = _socket.Receive(_buf, _end, _buf.Length - _end, SocketFlags.None);
        if (read == 0) throw new IOException("Runtime API closed the connection");
        _end += read;
    }

    public void Dispose() => _socket.Dispose();
}
