using System.Text;

namespace LambdaRoutes.RuntimeApi;

/// <summary>
/// Request header lines (<c>Name: value\r\n</c> each) encoded once. The client sends the same few headers on every
/// call; encoding them from strings on each request was a twentieth of a warm invocation's instructions
/// (bench/callgrind.sh), so the fixed lists are kept encoded.
/// </summary>
internal sealed class RequestHeaderLines
{
    public RequestHeaderLines(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in headers) text.Append(name).Append(": ").Append(value).Append("\r\n");
        // Header values are ASCII but for rare exceptions, sent as UTF-8 (as the connection always did).
        Encoded = Encoding.UTF8.GetBytes(text.ToString());
    }

    public byte[] Encoded { get; }
}
