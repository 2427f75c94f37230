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

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
