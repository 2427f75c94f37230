// Diagnostic variant of the minimal loop (built with -p:BenchAsync=true): identical except that the socket is awaited
// (SendAsync/ReceiveAsync), so completions come back through .NET's socket engine (epoll thread → thread pool).
// Comparing it with the blocking loop isolates the cost of that I/O model from the cost of any mapping layer.
using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

internal static class AsyncLoop
{
    public static async Task RunAsync(string host, int port)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(host, port);
        var reader = new Reader(socket);
        var authority = host + ":" + port.ToString(CultureInfo.InvariantCulture);
        var next = Encoding.ASCII.GetBytes($"GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: {authority}\r\n\r\n");
        var output = new ArrayBufferWriter<byte>(1024);
        var inner = new ArrayBufferWriter<byte>(256);
        while (true)
        {
            await socket.SendAsync(next, SocketFlags.None);
            var (requestId, payload) = await reader.ReadResponseAsync("lambda-runtime-aws-request-id");
            output.Clear();
            inner.Clear();
            Handler.Handle(payload, inner, output);
            var head = Encoding.ASCII.GetBytes(
                $"POST /2018-06-01/runtime/invocation/{requestId}/response HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\nContent-Length: {output.WrittenCount}\r\n\r\n");
            await socket.SendAsync(head, SocketFlags.None);
            await socket.SendAsync(output.WrittenMemory, SocketFlags.None);
            await reader.ReadResponseAsync(null);
        }
    }

    private sealed class Reader(Socket socket)
    {
        private byte[] _buf = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<(string? Header, byte[] Body)> ReadResponseAsync(string? wanted)
        {
            string? found = null;
            var length = 0;
            var chunked = false;
            var status = await ReadLineAsync();
            if (!status.StartsWith("HTTP/1.1 2", StringComparison.Ordinal)) throw new InvalidOperationException("Runtime API answered " + status);
            for (var line = await ReadLineAsync(); line.Length > 0; line = await ReadLineAsync())
            {
                var colon = line.IndexOf(':');
                var name = line[..colon];
                var value = line[(colon + 1)..].Trim();
                if (name.Equals("content-length", StringComparison.OrdinalIgnoreCase)) length = int.Parse(value, CultureInfo.InvariantCulture);
                else if (name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase)) chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
                else if (wanted is not null && name.Equals(wanted, StringComparison.OrdinalIgnoreCase)) found = value;
            }

            if (!chunked) return (found, await TakeAsync(length));
            using var all = new MemoryStream();
            for (var i = 0; i < 1_000_000; i++)
            {
                var size = await ReadLineAsync();
                var semi = size.IndexOf(';');
                var n = int.Parse(semi >= 0 ? size[..semi] : size, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (n == 0)
                {
                    while ((await ReadLineAsync()).Length > 0) { }
                    break;
                }

                all.Write(await TakeAsync(n));
                await ReadLineAsync();
            }

            return (found, all.ToArray());
        }

        private async Task<string> ReadLineAsync()
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

                await FillAsync();
            }
        }

        private async Task<byte[]> TakeAsync(int n)
        {
            var result = new byte[n];
            var got = 0;
            while (got < n)
            {
                if (_start == _end) await FillAsync();
                var take = Math.Min(n - got, _end - _start);
                Array.Copy(_buf, _start, result, got, take);
                _start += take;
                got += take;
            }

            return result;
        }

        private async Task FillAsync()
        {
            if (_start > 0)
            {
                Array.Copy(_buf, _start, _buf, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buf.Length) Array.Resize(ref _buf, _buf.Length * 2);
            var read = await socket.ReceiveAsync(_buf.AsMemory(_end), SocketFlags.None);
            if (read == 0) throw new IOException("Runtime API closed the connection");
            _end += read;
        }
    }
}
