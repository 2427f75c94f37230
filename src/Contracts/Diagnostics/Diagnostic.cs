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
/// Each is made by <see cref="DiagnosticDescriptor.Create(string, SourceLocation[])"/> of its code's catalogue entry.
/// </summary>
internal sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, IReadOnlyList<SourceLocation> Locations)
{
    /// <summary>The Next-form route pattern the finding concerns (<c>/api/users/[id]</c>), when it is about one route.</summary>
    public string? Route { get; init; }

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The same finding, pinned to one route file (app-relative) and its pattern; null for neither.</summary>
    public Diagnostic About(string? file, string? route) =>
        this with { Locations = file is null ? [] : [new SourceLocation(file)], Route = route };
}
