using System.Globalization;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Text;

namespace LambdaRoutes.RuntimeApi;

/// <summary>
/// A minimal HTTP/1.1 client for the Runtime API over one keep-alive socket (see README.md beside this file for why
/// not <c>HttpClient</c>). Reads <c>Content-Length</c>, chunked and read-to-close bodies. Not thread-safe: the loop
/// makes one call at a time.
/// </summary>
internal sealed class RuntimeHttpConnection : IDisposable
{
    private const int MaxLineLength = 64 * 1024;
    private readonly string _host;
    private readonly int _port;
    private Socket? _socket;
    private NetworkStream? _stream;
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    public RuntimeHttpConnection(string host, int port)
    {
        _host = host;
        _port = port;
    }

    /// <summary>Sends one request and reads the whole response. A reused connection that the server closed is re-opened once.</summary>
    public async Task<RuntimeHttpResponse> SendAsync(
        string method, string path, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body,
        CancellationToken cancellationToken)
    {
        var reused = _stream is not null;
        try
        {
            return await SendOnceAsync(method, path, headers, body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (reused && ex is IOException or SocketException or StaleConnectionException)
        {
            // The server may close an idle keep-alive connection; nothing was processed, so sending again is safe.
            Close();
            return await SendOnceAsync(method, path, headers, body, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends one request with a chunked body (aws.md §1.6 response streaming): each write of <paramref name="writeBody"/>
    /// is one chunk, flushed at once. If <paramref name="writeBody"/> throws, the body ends with the trailers
    /// <paramref name="trailersFor"/> gives for the exception, and the exception is returned with the response.
    /// Never retried: part of the body may already have reached the client.
    /// </summary>
    public async Task<(RuntimeHttpResponse Response, Exception? Failure)> SendChunkedAsync(
        string method, string path, IReadOnlyList<KeyValuePair<string, string>> headers,
        Func<Func<ReadOnlyMemory<byte>, Task>, Task> writeBody,
        Func<Exception, IReadOnlyList<KeyValuePair<string, string>>> trailersFor, CancellationToken ct)
    {
        var stream = await ConnectAsync(ct).ConfigureAwait(false);
        var head = RequestHead(method, path, headers).Append("Transfer-Encoding: chunked\r\n\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), ct).ConfigureAwait(false);

        Exception? failure = null;
        try
        {
            await writeBody(chunk => WriteChunkAsync(stream, chunk, ct)).ConfigureAwait(false);
        }
        catch (ChunkWriteException ex)
        {
            // The socket failed, not the handler: a Runtime API failure for the loop (aws.md §1.4).
            ExceptionDispatchInfo.Capture(ex.InnerException!).Throw();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Anything the handler threw, an IOException of its own included, ends the stream with the error trailers.
            failure = ex;
        }

        var end = new StringBuilder("0\r\n");
        if (failure is not null)
            foreach (var (name, value) in trailersFor(failure)) end.Append(name).Append(": ").Append(value).Append("\r\n");
        end.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(end.ToString()), ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
        return (await ReadResponseAsync(ct).ConfigureAwait(false), failure);
    }

    /// <summary>One chunk: size in hex, CRLF, the bytes, CRLF — in one write so it leaves as one segment.</summary>
    private static async Task WriteChunkAsync(NetworkStream stream, ReadOnlyMemory<byte> chunk, CancellationToken ct)
    {
        if (chunk.IsEmpty) return; // a zero-length chunk would end the body
        var size = Encoding.ASCII.GetBytes(chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
        var frame = new byte[size.Length + chunk.Length + 2];
        size.CopyTo(frame, 0);
        chunk.Span.CopyTo(frame.AsSpan(size.Length));
        frame[^2] = (byte)'\r';
        frame[^1] = (byte)'\n';
        try
        {
            await stream.WriteAsync(frame, ct).ConfigureAwait(false);
            await stream.FlushAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            throw new ChunkWriteException(ex);
        }
    }

    /// <summary>Marks a failed socket write, so it is not mistaken for the handler's own exception.</summary>
    private sealed class ChunkWriteException(Exception inner) : Exception(inner.Message, inner);

    public void Dispose() => Close();

    private StringBuilder RequestHead(string method, string path, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var head = new StringBuilder();
        head.Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(_host).Append(':').Append(_port.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        return head;
    }

    private async Task<RuntimeHttpResponse> SendOnceAsync(
        string method, string path, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body,
        CancellationToken ct)
    {
        var stream = await ConnectAsync(ct).ConfigureAwait(false);
        var head = RequestHead(method, path, headers);
        if (method != "GET" || body.Length > 0)
            head.Append("Content-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        head.Append("\r\n");
        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        await stream.WriteAsync(headBytes, ct).ConfigureAwait(false);
        if (body.Length > 0) await stream.WriteAsync(body, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
        return await ReadResponseAsync(ct).ConfigureAwait(false);
    }

    private async Task<NetworkStream> ConnectAsync(CancellationToken ct)
    {
        if (_stream is not null) return _stream;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(_host, _port, ct).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _start = _end = 0;
        return _stream;
    }

    private async Task<RuntimeHttpResponse> ReadResponseAsync(CancellationToken ct)
    {
        var statusLine = await ReadLineAsync(ct, atMessageStart: true).ConfigureAwait(false);
        var parts = statusLine.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            throw new IOException($"Malformed HTTP status line from the Runtime API: \"{statusLine}\"");

        var headers = new HeaderMap();
        while (true)
        {
            var line = await ReadLineAsync(ct).ConfigureAwait(false);
            if (line.Length == 0) break;
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new IOException($"Malformed HTTP header from the Runtime API: \"{line}\"");
            headers.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        byte[] body;
        var closeAfter = string.Equals(headers["connection"], "close", StringComparison.OrdinalIgnoreCase);
        if (headers["transfer-encoding"] is { } te && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(ct).ConfigureAwait(false);
        }
        else if (headers["content-length"] is { } cl)
        {
            if (!long.TryParse(cl, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > int.MaxValue)
                throw new IOException($"Malformed Content-Length from the Runtime API: \"{cl}\"");
            body = await ReadExactAsync((int)length, ct).ConfigureAwait(false);
        }
        else if (status is 204 or 304 or < 200)
        {
            body = Array.Empty<byte>();
        }
        else
        {
            body = await ReadToEndAsync(ct).ConfigureAwait(false);
            closeAfter = true;
        }

        if (closeAfter) Close();
        return new RuntimeHttpResponse(status, headers, body);
    }

    private async Task<byte[]> ReadChunkedAsync(CancellationToken ct)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(ct).ConfigureAwait(false);
            var sizeText = sizeLine.Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                throw new IOException($"Malformed chunk size from the Runtime API: \"{sizeLine}\"");
            if (size == 0) break;
            var chunk = await ReadExactAsync(size, ct).ConfigureAwait(false);
            body.Write(chunk);
            if ((await ReadLineAsync(ct).ConfigureAwait(false)).Length != 0)
                throw new IOException("Malformed chunk terminator from the Runtime API");
        }
        // Trailers, then the blank line that ends the message.
        while ((await ReadLineAsync(ct).ConfigureAwait(false)).Length != 0) { }
        return body.ToArray();
    }

    private async Task<byte[]> ReadExactAsync(int length, CancellationToken ct)
    {
        var result = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            if (_start == _end && !await FillAsync(ct).ConfigureAwait(false))
                throw new IOException("The Runtime API closed the connection in the middle of a body");
            var n = Math.Min(length - filled, _end - _start);
            Buffer.BlockCopy(_buffer, _start, result, filled, n);
            _start += n;
            filled += n;
        }
        return result;
    }

    private async Task<byte[]> ReadToEndAsync(CancellationToken ct)
    {
        using var body = new MemoryStream();
        do
        {
            body.Write(_buffer, _start, _end - _start);
            _start = _end;
        }
        while (await FillAsync(ct).ConfigureAwait(false));
        return body.ToArray();
    }

    private async Task<string> ReadLineAsync(CancellationToken ct, bool atMessageStart = false)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end && !await FillAsync(ct).ConfigureAwait(false))
            {
                if (atMessageStart && line.Count == 0) throw new StaleConnectionException();
                throw new IOException("The Runtime API closed the connection in the middle of a response");
            }
            var span = _buffer.AsSpan(_start, _end - _start);
            var lf = span.IndexOf((byte)'\n');
            if (lf < 0)
            {
                line.AddRange(span.ToArray());
                _start = _end;
            }
            else
            {
                line.AddRange(span[..lf].ToArray());
                _start += lf + 1;
                if (line.Count > 0 && line[^1] == '\r') line.RemoveAt(line.Count - 1);
                return Encoding.UTF8.GetString(line.ToArray());
            }
            if (line.Count > MaxLineLength) throw new IOException("HTTP line from the Runtime API is too long");
        }
    }

    private async Task<bool> FillAsync(CancellationToken ct)
    {
        _start = 0;
        _end = await _stream!.ReadAsync(_buffer, ct).ConfigureAwait(false);
        return _end > 0;
    }

    private void Close()
    {
        _stream?.Dispose();
        _stream = null;
        _socket = null;
        _start = _end = 0;
    }

    /// <summary>A reused connection was closed by the server before any response byte arrived.</summary>
    private sealed class StaleConnectionException : IOException
    {
        public StaleConnectionException() : base("The Runtime API closed the connection before responding") { }
    }
}
