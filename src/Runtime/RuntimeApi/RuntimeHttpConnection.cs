using System.Buffers;
using System.Buffers.Text;
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
/// <remarks>
/// The socket calls block on purpose. The loop has nothing else to do while it waits for the Runtime API, and .NET's
/// async socket engine would hand every read to its epoll thread and then to a thread-pool thread: about 18 µs per
/// invocation and 5 ms of cold start measured in bench/ (docs/runtime.md, "Performance"). Blocking calls keep the
/// whole invocation on the thread that started it. A <see cref="CancellationToken"/> aborts a blocked call by
/// closing the socket.
/// </remarks>
internal sealed class RuntimeHttpConnection : IDisposable
{
    private const int MaxLineLength = 64 * 1024;
    private readonly string _host;
    private readonly int _port;
    private readonly byte[] _hostHeader;
    private Socket? _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;
    private readonly ArrayBufferWriter<byte> _head = new(1024);

    public RuntimeHttpConnection(string host, int port)
    {
        _host = host;
        _port = port;
        _hostHeader = Encoding.ASCII.GetBytes($"Host: {host}:{port.ToString(CultureInfo.InvariantCulture)}\r\n");
    }

    /// <summary>Sends one request and reads the whole response. A reused connection that the server closed is re-opened once.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the connection is closed.</exception>
    public RuntimeHttpResponse Send(
        string method, string path, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> body,
        CancellationToken cancellationToken) =>
        Send(method, path, new RequestHeaderLines(headers), body, cancellationToken);

    /// <summary>As above, with header lines encoded beforehand (the client's fixed lists).</summary>
    public RuntimeHttpResponse Send(
        string method, string path, RequestHeaderLines headers, ReadOnlySpan<byte> body, CancellationToken cancellationToken)
    {
        using var abort = AbortOn(cancellationToken);
        var reused = _socket is not null;
        try
        {
            try
            {
                return SendOnce(method, path, headers, body);
            }
            catch (Exception ex) when (reused && !cancellationToken.IsCancellationRequested
                                       && ex is IOException or SocketException or StaleConnectionException)
            {
                // The server may close an idle keep-alive connection; nothing was processed, so sending again is safe.
                Close();
                return SendOnce(method, path, headers, body);
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            Close();
            throw new OperationCanceledException("The Runtime API call was cancelled.", ex, cancellationToken);
        }
    }

    /// <summary>
    /// Sends one request with a chunked body (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming response streaming): each write of <paramref name="writeBody"/>
    /// is one chunk, sent at once. If <paramref name="writeBody"/> throws, the body ends with the trailers
    /// <paramref name="trailersFor"/> gives for the exception, and the exception is returned with the response.
    /// Never retried: part of the body may already have reached the client.
    /// </summary>
    public async Task<(RuntimeHttpResponse Response, Exception? Failure)> SendChunkedAsync(
        string method, string path, IReadOnlyList<KeyValuePair<string, string>> headers,
        StreamingResponseBody writeBody,
        Func<Exception, IReadOnlyList<KeyValuePair<string, string>>> trailersFor, CancellationToken ct)
    {
        using var abort = AbortOn(ct);
        try
        {
            var socket = Connect();
            WriteHead(method, path, new RequestHeaderLines(headers), "Transfer-Encoding: chunked\r\n"u8);
            SendAll(socket, _head.WrittenSpan);

            Exception? failure = null;
            try
            {
                await writeBody(chunk => WriteChunk(socket, chunk)).ConfigureAwait(false);
            }
            catch (ChunkWriteException ex)
            {
                // The socket failed, not the handler: a Runtime API failure for the loop (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/LambdaBootstrap.cs).
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
            SendAll(socket, Encoding.ASCII.GetBytes(end.ToString()));
            return (ReadResponse(), failure);
        }
        catch (Exception ex) when (ct.IsCancellationRequested && ex is not OperationCanceledException)
        {
            Close();
            throw new OperationCanceledException("The Runtime API call was cancelled.", ex, ct);
        }
    }

    /// <summary>One chunk: size in hex, CRLF, the bytes, CRLF — in one write so it leaves as one segment.</summary>
    private static Task WriteChunk(Socket socket, ReadOnlyMemory<byte> chunk)
    {
        if (chunk.IsEmpty) return Task.CompletedTask; // a zero-length chunk would end the body
        Span<byte> size = stackalloc byte[10];
        if (!Utf8Formatter.TryFormat(chunk.Length, size, out var sizeLength, new StandardFormat('x')))
            throw new InvalidOperationException("unreachable: an int fits in 8 hex digits");
        var frame = ArrayPool<byte>.Shared.Rent(sizeLength + chunk.Length + 4);
        try
        {
            size[..sizeLength].CopyTo(frame);
            var at = sizeLength;
            frame[at++] = (byte)'\r';
            frame[at++] = (byte)'\n';
            chunk.Span.CopyTo(frame.AsSpan(at));
            at += chunk.Length;
            frame[at++] = (byte)'\r';
            frame[at++] = (byte)'\n';
            SendAll(socket, frame.AsSpan(0, at));
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            return Task.FromException(new ChunkWriteException(ex));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>Marks a failed socket write, so it is not mistaken for the handler's own exception.</summary>
    private sealed class ChunkWriteException(Exception inner) : Exception(inner.Message, inner);

    public void Dispose() => Close();

    /// <summary>Closing the socket is the only way to end a blocked call; a cancellation token does it.</summary>
    private CancellationTokenRegistration AbortOn(CancellationToken ct) =>
        ct.CanBeCanceled ? ct.Register(static state => ((RuntimeHttpConnection)state!)._socket?.Dispose(), this) : default;

    /// <summary>Request line and headers into the reusable <see cref="_head"/> buffer: no per-request strings.</summary>
    private void WriteHead(string method, string path, RequestHeaderLines headers, ReadOnlySpan<byte> extra)
    {
        _head.ResetWrittenCount();
        Append(method);
        Append(" "u8);
        Append(path);
        Append(" HTTP/1.1\r\n"u8);
        Append(_hostHeader);
        Append(headers.Encoded);
        Append(extra);
        Append("\r\n"u8);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_head.GetSpan(bytes.Length));
        _head.Advance(bytes.Length);
    }

    private void Append(string text)
    {
        // Request lines and header values are ASCII but for rare exceptions: a vectorised copy, UTF-8 only when needed.
        var span = _head.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        if (Ascii.FromUtf16(text, span, out var written) != OperationStatus.Done)
            written = Encoding.UTF8.GetBytes(text, span);
        _head.Advance(written);
    }

    private RuntimeHttpResponse SendOnce(string method, string path, RequestHeaderLines headers, ReadOnlySpan<byte> body)
    {
        var socket = Connect();
        Span<byte> length = stackalloc byte[40];
        var lengthBytes = 0;
        if (method != "GET" || body.Length > 0)
        {
            "Content-Length: "u8.CopyTo(length);
            Utf8Formatter.TryFormat(body.Length, length[16..], out var digits);
            "\r\n"u8.CopyTo(length[(16 + digits)..]);
            lengthBytes = 16 + digits + 2;
        }
        WriteHead(method, path, headers, length[..lengthBytes]);
        if (body.Length <= 8 * 1024)
        {
            // Head and a small body in one send: one segment, one syscall.
            Append(body);
            SendAll(socket, _head.WrittenSpan);
        }
        else
        {
            SendAll(socket, _head.WrittenSpan);
            SendAll(socket, body);
        }
        return ReadResponse();
    }

    private static void SendAll(Socket socket, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty) bytes = bytes[socket.Send(bytes, SocketFlags.None)..];
    }

    private Socket Connect()
    {
        if (_socket is not null) return _socket;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Connect(_host, _port);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        _socket = socket;
        _start = _end = 0;
        return socket;
    }

    private RuntimeHttpResponse ReadResponse()
    {
        var headLength = ReadHead();
        var head = _buffer.AsSpan(_start, headLength);
        var statusEnd = head.IndexOf((byte)'\n');
        var statusLine = head[..statusEnd];
        if (statusLine.Length > 0 && statusLine[^1] == '\r') statusLine = statusLine[..^1];
        var status = StatusCode(statusLine);
        var fields = head[(statusEnd + 1)..];
        // Without the blank line that ends the head (LF or CRLF).
        fields = fields[..^(fields.Length >= 2 && fields[^2] == '\r' ? 2 : 1)];
        var headers = new RuntimeHttpHeaders(fields);
        _start += headLength;

        byte[] body;
        var closeAfter = headers.HasToken("connection", "close");
        if (headers.HasToken("transfer-encoding", "chunked"))
        {
            body = ReadChunked();
        }
        else if (headers["content-length"] is { } cl)
        {
            if (!long.TryParse(cl, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > int.MaxValue)
                throw new IOException($"Malformed Content-Length from the Runtime API: \"{cl}\"");
            body = ReadExact((int)length);
        }
        else if (status is 204 or 304 or < 200)
        {
            body = Array.Empty<byte>();
        }
        else
        {
            body = ReadToEnd();
            closeAfter = true;
        }

        if (closeAfter) Close();
        return new RuntimeHttpResponse(status, headers, body);
    }

    /// <summary><c>HTTP/1.x NNN reason</c> → NNN.</summary>
    private static int StatusCode(ReadOnlySpan<byte> statusLine)
    {
        var firstSpace = statusLine.IndexOf((byte)' ');
        var code = firstSpace < 0 ? default : statusLine[(firstSpace + 1)..];
        var secondSpace = code.IndexOf((byte)' ');
        if (secondSpace >= 0) code = code[..secondSpace];
        if (firstSpace < 0 || !statusLine.StartsWith("HTTP/1."u8) || code.IsEmpty
            || !Utf8Parser.TryParse(code, out int status, out var consumed) || consumed != code.Length || code[0] is (byte)'+' or (byte)'-')
            throw new IOException($"Malformed HTTP status line from the Runtime API: \"{Encoding.UTF8.GetString(statusLine)}\"");
        return status;
    }

    /// <summary>
    /// Makes the whole response head (status line, header lines and the blank line, each ending in LF or CRLF) readable
    /// at <see cref="_start"/> in the buffer and returns its length; parsed from there with no string per line.
    /// </summary>
    private int ReadHead()
    {
        var lineStart = 0;
        while (true)
        {
            var lf = _buffer.AsSpan(_start + lineStart, _end - _start - lineStart).IndexOf((byte)'\n');
            if (lf >= 0)
            {
                var blank = lf == 0 || (lf == 1 && _buffer[_start + lineStart] == '\r');
                if (blank && lineStart == 0) throw new IOException("Malformed HTTP status line from the Runtime API: \"\"");
                lineStart += lf + 1;
                if (blank) return lineStart;
                continue;
            }
            if (_end - _start - lineStart > MaxLineLength) throw new IOException("HTTP line from the Runtime API is too long");
            var atMessageStart = _end == _start;
            if (!FillKeeping())
            {
                if (atMessageStart) throw new StaleConnectionException();
                throw new IOException("The Runtime API closed the connection in the middle of a response");
            }
        }
    }

    private byte[] ReadChunked()
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = ReadLine();
            var sizeText = sizeLine.Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
                throw new IOException($"Malformed chunk size from the Runtime API: \"{sizeLine}\"");
            if (size == 0) break;
            body.Write(ReadExact(size));
            if (ReadLine().Length != 0) throw new IOException("Malformed chunk terminator from the Runtime API");
        }
        // Trailers, then the blank line that ends the message.
        while (ReadLine().Length != 0) { }
        return body.ToArray();
    }

    private byte[] ReadExact(int length)
    {
        if (length == 0) return Array.Empty<byte>();
        var result = GC.AllocateUninitializedArray<byte>(length);
        var filled = Math.Min(length, _end - _start);
        _buffer.AsSpan(_start, filled).CopyTo(result);
        _start += filled;
        while (filled < length)
        {
            // Large bodies go straight from the socket into the result, not through the line buffer.
            var n = _socket!.Receive(result.AsSpan(filled), SocketFlags.None);
            if (n == 0) throw new IOException("The Runtime API closed the connection in the middle of a body");
            filled += n;
        }
        return result;
    }

    private byte[] ReadToEnd()
    {
        using var body = new MemoryStream();
        do
        {
            body.Write(_buffer, _start, _end - _start);
            _start = _end;
        }
        while (Fill());
        return body.ToArray();
    }

    /// <summary>One CRLF- (or LF-) terminated line, decoded as UTF-8, without its terminator.</summary>
    private string ReadLine()
    {
        var scanned = 0;
        while (true)
        {
            var lf = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (lf >= 0)
            {
                var line = _buffer.AsSpan(_start, scanned + lf);
                _start += scanned + lf + 1;
                if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
                return line.IsEmpty ? "" : Encoding.UTF8.GetString(line);
            }
            scanned = _end - _start;
            if (scanned > MaxLineLength) throw new IOException("HTTP line from the Runtime API is too long");
            if (!FillKeeping()) throw new IOException("The Runtime API closed the connection in the middle of a response");
        }
    }

    /// <summary>Reads more bytes after the unread ones, moving them to the front or growing the buffer first.</summary>
    private bool FillKeeping()
    {
        var unread = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
            _start = 0;
            _end = unread;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var n = _socket!.Receive(_buffer.AsSpan(_end), SocketFlags.None);
        _end += n;
        return n > 0;
    }

    private bool Fill()
    {
        _start = 0;
        _end = _socket!.Receive(_buffer, SocketFlags.None);
        return _end > 0;
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
        _start = _end = 0;
    }

    /// <summary>A reused connection was closed by the server before any response byte arrived.</summary>
    private sealed class StaleConnectionException : IOException
    {
        public StaleConnectionException() : base("The Runtime API closed the connection before responding") { }
    }
}
