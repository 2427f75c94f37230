using System.Text;
using LambdaRoutes.Local.RuntimeApi;

namespace LambdaRoutes.Runtime.Tests.Support;

/// <summary>
/// Checks a streamed post byte for byte on the wire: the local Runtime API server (Kestrel) hands its endpoints the
/// decoded body, so "one chunk per write" and the trailer section are read from what the connection received
/// (<see cref="QueuedRuntimeApi.ReceivedBytes"/>).
/// </summary>
internal static class ChunkedFraming
{
    /// <summary>The chunked framing of <paramref name="chunks"/>, as RFC 9112 §7.1 writes it.</summary>
    public static byte[] Framed(IEnumerable<byte[]> chunks, string end) =>
        chunks.SelectMany(c => Encoding.ASCII.GetBytes(c.Length.ToString("x") + "\r\n").Concat(c).Concat("\r\n"u8.ToArray()))
            .Concat(Encoding.ASCII.GetBytes(end)).ToArray();

    /// <summary>Fails unless some connection received exactly these chunks, in this order, followed by <paramref name="end"/>.</summary>
    public static void AssertSent(QueuedRuntimeApi api, IEnumerable<byte[]> chunks, string end = "0\r\n\r\n")
    {
        var framed = Framed(chunks, end);
        Assert.Contains(api.ReceivedBytes(), wire => wire.AsSpan().IndexOf(framed) >= 0);
    }
}
