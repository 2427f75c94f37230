namespace LambdaRoutes.Contracts.Diagnostics;

internal enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>A place in the user's app a diagnostic points at: an app-relative, '/'-separated file and an optional 1-based line.</summary>
internal sealed record SourceLocation(string File, int? Line = null)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}" : File;
}

/// <summary>
/// One finding of a pipeline stage. Stages accumulate these in a list instead of throwing, so a user
/// sees every bad route in one run (as architect/inventory accumulates its errors).
/// </summary>
internal sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, IReadOnlyList<SourceLocation> Locations)
{
    public static Diagnostic Error(string code, string message, params SourceLocation[] locations) =>
        new(code, DiagnosticSeverity.Error, message, locations);

    public static Diagnostic Warning(string code, string message, params SourceLocation[] locations) =>
        new(code, DiagnosticSeverity.Warning, message, locations);

    public bool IsError => Severity == DiagnosticSeverity.Error;
}
