using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Cdk.Diagnostics;

/// <summary>
/// Thrown at synth time when the manifest, the route tree or the packager makes the API impossible to
/// synthesize. It carries every problem found, not only the first (architect/inventory style), so a
/// user fixes all bad routes in one run.
/// </summary>
public sealed class LambdaRoutesException : Exception
{
    /// <summary>Creates the exception from one or more diagnostics.</summary>
    public LambdaRoutesException(string context, IReadOnlyList<RouteDiagnostic> diagnostics)
        : base(Format(context, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception from the findings of the construct's checks (<see cref="ConstructDiagnostics"/>).</summary>
    internal LambdaRoutesException(string context, IEnumerable<Diagnostic> diagnostics)
        : this(context, diagnostics.Select(RouteDiagnostic.From).ToList())
    {
    }

    /// <summary>Every problem found, in the order found.</summary>
    public IReadOnlyList<RouteDiagnostic> Diagnostics { get; }

    private static string Format(string context, IReadOnlyList<RouteDiagnostic> diagnostics)
    {
        var noun = diagnostics.Count == 1 ? "problem" : "problems";
        var lines = diagnostics.Select(d => "  " + d);
        return $"LambdaRoutes: {diagnostics.Count} {noun} in {context}:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }
}
