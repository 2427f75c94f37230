using System.Net.Sockets;
using System.Text;

namespace LambdaRoutes.Dev.Tests.Support;

/// <summary>
/// Sends one HTTP/1.1 request over a raw socket: HttpClient folds a repeated header into one comma-joined line, and the
/// tests need two real header lines to see how API Gateway's maps treat repeats.
/// </summary>
internal static class RawHttp
{
    public static async Task<string> SendAsync(Uri baseAddress, string method, string target, IEnumerable<string> headerLines, string? body = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", baseAddress.Port);
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{baseAddress.Port}\r\nConnection: close\r\n");
        foreach (var line in headerLines)
        {
            head.Append(line).Append("\r\n");
        }

        head.Append($"Content-Length: {bytes.Length}\r\n\r\n");
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(bytes);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadToEndAsync(timeout.Token);
    }
}
