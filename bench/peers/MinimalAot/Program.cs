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

using var http = new MiniHttp(api[..colon], int.Parse(api[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
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

/// <summary>The route logic on the raw event.</summary>
internal static class Handler
{
    public static void Handle(ReadOnlySpan<byte> payload, ArrayBufferWriter<byte> inner, ArrayBufferWriter<byte> output)
    {
        string? body = null;
        var base64 = false;
        string? greeting = null;
        string session = "";
        var reader = new Utf8JsonReader(payload);
        reader.Read(); // {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("body"u8))
            {
                reader.Read();
                body = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("isBase64Encoded"u8))
            {
                reader.Read();
                base64 = reader.TokenType == JsonTokenType.True;
            }
            else if (reader.ValueTextEquals("queryStringParameters"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var isGreeting = reader.ValueTextEquals("greeting"u8);
                        reader.Read();
                        if (isGreeting) greeting = reader.GetString();
                    }
                }
            }
            else if (reader.ValueTextEquals("cookies"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        var cookie = reader.GetString()!;
                        var eq = cookie.IndexOf('=');
                        if (session.Length == 0 && eq > 0 && cookie.AsSpan(0, eq).Trim().SequenceEqual("session"))
                        {
                            session = Uri.UnescapeDataString(cookie[(eq + 1)..].Trim());
                        }
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var bytes = body is null ? [] : base64 ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
        string? name = null;
        var count = 0;
        var status = 200;
        try
        {
            var json = new Utf8JsonReader(bytes);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject) status = 400;
            while (status == 200 && json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.ValueTextEquals("name"u8)) { json.Read(); name = json.GetString(); }
                else if (json.ValueTextEquals("count"u8)) { json.Read(); count = json.GetInt32(); }
                else { json.Read(); json.Skip(); }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            status = 400;
        }

        using (var w = new Utf8JsonWriter(inner))
        {
            w.WriteStartObject();
            w.WriteString("message"u8, (greeting ?? "hello") + ", " + name);
            w.WriteNumber("count"u8, count + 1);
            w.WriteString("session"u8, session);
            w.WriteEndObject();
        }

        using var o = new Utf8JsonWriter(output);
        o.WriteStartObject();
        o.WriteNumber("statusCode"u8, status);
        o.WriteStartObject("headers"u8);
        o.WriteString("content-type"u8, "application/json; charset=utf-8"u8);
        o.WriteEndObject();
        if (status == 200) o.WriteString("body"u8, inner.WrittenSpan);
        else o.WriteString("body"u8, "Invalid JSON"u8);
        o.WriteBoolean("isBase64Encoded"u8, false);
        o.WriteEndObject();
    }
}

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
