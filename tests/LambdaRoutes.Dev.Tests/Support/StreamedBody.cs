using System.Text;

namespace LambdaRoutes.Dev.Tests.Support;

/// <summary>Reads a streamed HTTP body piece by piece, so a test can act between two chunks.</summary>
internal static class StreamedBody
{
    /// <summary>What was read once the text so far ends with <paramref name="marker"/> (or the body ended).</summary>
    public static async Task<string> ReadUntilAsync(Stream body, string marker)
    {
        var text = new StringBuilder();
        var buffer = new byte[1];
        // One byte at a time: nothing past the marker is consumed, the rest stays for the caller.
        while (!text.ToString().EndsWith(marker, StringComparison.Ordinal) && await body.ReadAsync(buffer) > 0)
        {
            text.Append((char)buffer[0]);
        }

        return text.ToString();
    }
}

/// <summary>A temp file path a test route waits for: <see cref="Raise"/> creates it.</summary>
internal sealed class SignalFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"lambda-routes-signal-{Guid.NewGuid():N}");

    public void Raise() => File.WriteAllText(Path, "go");

    public void Dispose() => File.Delete(Path);
}
