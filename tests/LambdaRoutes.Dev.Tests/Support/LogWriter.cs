using System.Text;

namespace LambdaRoutes.Dev.Tests.Support;

/// <summary>A thread-safe in-memory TextWriter: the dev server's output, readable by tests while it runs.</summary>
internal sealed class LogWriter : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_text)
        {
            _text.Append(value).Append('\n');
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_text)
            {
                return _text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }
    }

    /// <summary>
    /// The first line that matches, waiting for it: the server logs a request after its last byte is sent, so the
    /// client can see the end of a response before its line exists.
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (Lines.FirstOrDefault(match) is { } line) return line;
            Assert.True(DateTime.UtcNow < deadline, $"no log line {what} within 30 s:\n{this}");
            await Task.Delay(50);
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
