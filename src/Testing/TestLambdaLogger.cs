using System.Text;

namespace LambdaRoutes.Testing;

/// <summary>
/// An <see cref="ILambdaLogger"/> that captures what a route logs, for assertions (the role of
/// Amazon.Lambda.TestUtilities' <c>TestLambdaLogger</c>, aws-lambda-dotnet Libraries/src/Amazon.Lambda.TestUtilities/TestLambdaLogger.cs). Thread-safe.
/// </summary>
public sealed class TestLambdaLogger : ILambdaLogger
{
    private readonly object _gate = new();
    private readonly List<LogEntry> _entries = new();
    private readonly StringBuilder _buffer = new();

    /// <summary>Everything logged, one <c>"{level}: {message}"</c> line per record (AWS's TestLambdaLogger format).</summary>
    public string Buffer { get { lock (_gate) return _buffer.ToString(); } }

    /// <summary>The records, in order.</summary>
    public IReadOnlyList<LogEntry> Entries { get { lock (_gate) return _entries.ToArray(); } }

    /// <summary>True when some record's message contains <paramref name="text"/> (ordinal).</summary>
    public bool Contains(string text) => Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal));

    /// <inheritdoc />
    public void Log(string message) => Log(LogLevel.Information, message);

    /// <inheritdoc />
    public void LogLine(string message) => Log(LogLevel.Information, message);

    /// <inheritdoc />
    public void Log(LogLevel level, string message)
    {
        lock (_gate)
        {
            _entries.Add(new LogEntry(level, message));
            _buffer.Append(level).Append(": ").Append(message).Append('\n');
        }
    }
}

/// <summary>One captured log record.</summary>
/// <param name="Level">The level it was logged at.</param>
/// <param name="Message">The message, with the exception text appended for exception overloads.</param>
public sealed record LogEntry(LogLevel Level, string Message);
