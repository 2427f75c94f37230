using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LambdaRoutes.Local.RuntimeApi;

/// <summary>
/// The one Runtime API here that is not the Kestrel server: a listener on 127.0.0.1 that answers every request head it
/// reads with the same raw bytes, then hangs up. Fault tests need answers no HTTP server writes — a status line that is
/// not HTTP, a body cut shorter than its Content-Length — to check that a runtime reports them instead of hanging.
/// Everything an HTTP server can say (5xx, a dropped or closed connection, a chunked or slow answer) goes through
/// <see cref="QueuedRuntimeApi.Fault"/> on the real endpoints instead.
/// </summary>
internal sealed class MalformedRuntimeApi : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _answer;
    private readonly Task _serving;

    public MalformedRuntimeApi(byte[] answer)
    {
        _answer = answer;
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Endpoint => "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                var stream = client.GetStream();
                await SkipRequestHeadAsync(stream, _stop.Token).ConfigureAwait(false);
                await stream.WriteAsync(_answer, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The runtime hung up first, or the test is over.
            }
        }
    }

    /// <summary>Reads up to the blank line that ends the request head (the runtime's GET /next has no body).</summary>
    private static async Task SkipRequestHeadAsync(Stream stream, CancellationToken cancel)
    {
        var one = new byte[1];
        var tail = 0u;
        while (tail != 0x0D0A0D0A && await stream.ReadAsync(one, cancel).ConfigureAwait(false) == 1)
        {
            tail = (tail << 8) | one[0];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _serving.ConfigureAwait(false);
        _stop.Dispose();
    }
}
