using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LambdaRoutes.Dev.Tests.Auth;

/// <summary>
/// An identity provider's <c>jwks_uri</c> on a real socket (127.0.0.1): answers each GET with the JWKS file's content
/// and records the request lines, so <c>--jwks &lt;url&gt;</c> is tested over HTTP, not through a file.
/// </summary>
internal sealed class JwksEndpoint : IAsyncDisposable
{
    public const string Path = "/.well-known/jwks.json";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _body;
    private readonly Task _serving;
    private readonly CancellationTokenSource _stop = new();

    public JwksEndpoint(string jwksFile)
    {
        _body = File.ReadAllBytes(jwksFile);
        _listener.Start();
        _serving = ServeAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{Path}";

    public List<string> RequestLines { get; } = [];

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
                var requestLine = await reader.ReadLineAsync(_stop.Token);
                while (await reader.ReadLineAsync(_stop.Token) is { Length: > 0 }) { }   // the headers, unused
                lock (RequestLines) RequestLines.Add(requestLine ?? "");
                var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {_body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                await stream.WriteAsync(_body, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _serving; } catch (ObjectDisposedException) { } catch (SocketException) { }
        _stop.Dispose();
    }
}
