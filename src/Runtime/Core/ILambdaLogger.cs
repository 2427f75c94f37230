namespace LambdaRoutes;

/// <summary>
/// The logger handed to a route through <see cref="ILambdaContext.Logger"/>, shaped like
/// Amazon.Lambda.Core's <c>ILambdaLogger</c> (aws-lambda-dotnet Libraries/src/Amazon.Lambda.Core/ILambdaLogger.cs) so AWS users find the same members.
/// </summary>
public interface ILambdaLogger
{
    /// <summary>Writes <paramref name="message"/> at <see cref="LogLevel.Information"/>.</summary>
    void Log(string message);

    /// <summary>Writes <paramref name="message"/> as one line at <see cref="LogLevel.Information"/>.</summary>
    void LogLine(string message);

    /// <summary>Writes <paramref name="message"/> at <paramref name="level"/>.</summary>
    void Log(LogLevel level, string message);

    /// <summary>
    /// Writes <paramref name="message"/> at the level named by <paramref name="level"/> (<c>"Warning"</c>, <c>"warn"</c>,
    /// <c>"ERROR"</c>, …), as Amazon.Lambda.Core's string overload; an unknown name logs at Information.
    /// </summary>
    void Log(string level, string message) => Log(ParseLevel(level), message);

    /// <summary>Writes <paramref name="message"/> and the full <paramref name="exception"/> at <paramref name="level"/>.</summary>
    void Log(LogLevel level, Exception exception, string message) =>
        Log(level, message + "\n" + exception);

    /// <summary>Writes at <see cref="LogLevel.Trace"/>.</summary>
    void LogTrace(string message) => Log(LogLevel.Trace, message);

    /// <summary>Writes at <see cref="LogLevel.Debug"/>.</summary>
    void LogDebug(string message) => Log(LogLevel.Debug, message);

    /// <summary>Writes at <see cref="LogLevel.Information"/>.</summary>
    void LogInformation(string message) => Log(LogLevel.Information, message);

    /// <summary>Writes at <see cref="LogLevel.Warning"/>.</summary>
    void LogWarning(string message) => Log(LogLevel.Warning, message);

    /// <summary>Writes at <see cref="LogLevel.Error"/>.</summary>
    void LogError(string message) => Log(LogLevel.Error, message);

    /// <summary>Writes <paramref name="message"/> and the full <paramref name="exception"/> at <see cref="LogLevel.Error"/>.</summary>
    void LogError(Exception exception, string message) => Log(LogLevel.Error, exception, message);

    /// <summary>Writes at <see cref="LogLevel.Critical"/>.</summary>
    void LogCritical(string message) => Log(LogLevel.Critical, message);

    private static LogLevel ParseLevel(string level) => level?.Trim().ToUpperInvariant() switch
    {
        "TRACE" or "TRCE" => LogLevel.Trace,
        "DEBUG" or "DBUG" => LogLevel.Debug,
        "WARNING" or "WARN" => LogLevel.Warning,
        "ERROR" or "FAIL" => LogLevel.Error,
        "CRITICAL" or "CRIT" or "FATAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };
}
